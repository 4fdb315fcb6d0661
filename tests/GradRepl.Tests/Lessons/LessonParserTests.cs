using GradRepl.Lessons;

namespace GradRepl.Tests.Lessons;

public sealed class LessonParserTests
{
    private static Lesson ParseFixture() =>
        LessonParser.Parse("lesson.csx", File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "lesson.csx")));

    [Fact]
    public void Parse_Fixture_ReadsTitleIntroductionAndSteps()
    {
        var lesson = ParseFixture();

        Assert.Equal("Parser fixture", lesson.Title);
        Assert.Equal(["An introduction line."], lesson.Introduction);
        Assert.Equal(["First step", "Exercise: second"], lesson.Steps.Select(s => s.Title));
    }

    [Fact]
    public void Parse_Step_SeparatesNarrativeCodeAndExpectations()
    {
        var step = ParseFixture().Steps[0];

        Assert.Equal(4, step.HeadingLine);
        Assert.Equal(["Narrative for the first step."], step.Narrative);
        Assert.Equal("var a = 1;\nprint(a);\n", step.Code);
        var expectation = Assert.Single(step.Expectations);
        Assert.Equal(8, expectation.Line);
        Assert.Equal(["1"], expectation.Lines);
        Assert.False(step.IsExercise);
    }

    [Fact]
    public void Parse_SolutionRegion_MarksExercise()
    {
        var step = ParseFixture().Steps[1];

        Assert.True(step.IsExercise);
        Assert.Equal((12, 15), step.Solution);
        Assert.Equal(["2"], Assert.Single(step.Expectations).Lines);
    }

    [Fact]
    public void Parse_CodeBeforeFirstHeading_FormsStepZero()
    {
        var lesson = LessonParser.Parse("x.csx", "print(1);\n//> 1\n// ## Next\nprint(2);\n");

        Assert.Equal(0, lesson.Steps[0].Number);
        Assert.Equal(1, lesson.Steps[1].Number);
        Assert.Single(lesson.Expectations);
    }

    [Theory]
    [InlineData("//> text", "text")]
    [InlineData("//>  two spaces", " two spaces")]
    [InlineData("//>", "")]
    public void ExpectationText_Prefix_StripsOneSpace(string line, string expected)
    {
        Assert.Equal(expected, LessonParser.ExpectationText(line));
    }
}
