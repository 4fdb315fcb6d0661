using GradRepl.Lessons;

namespace GradRepl.Tests.Lessons;

public sealed class LessonCheckerTests
{
    [Fact]
    public void Instrument_Lesson_PrependsMarkersWithoutMovingLines()
    {
        const string text = "// # T\n// ## A\nprint(1);\n//> 1\n";
        var lesson = LessonParser.Parse("t.csx", text);

        var markers = LessonChecker.Markers(lesson, text);
        var instrumented = LessonChecker.Instrument(text, markers);

        Assert.Equal("// # T\n__checkpoint(1); // ## A\nprint(1);\n__checkpoint(2); //> 1\n", instrumented);
    }

    [Fact]
    public void Markers_HeadingAboveLoadDirective_IsSkipped()
    {
        const string text = "// ## A\n#load \"x.csx\"\nprint(1);\n//> 1\n";
        var lesson = LessonParser.Parse("t.csx", text);

        var markers = LessonChecker.Markers(lesson, text);

        Assert.Equal([4], markers.Values.Select(m => m.Line));
    }

    [Theory]
    [InlineData("grad_fn: <PowBackward0 object at 0x7fc743886d40>", "grad_fn: <PowBackward0 object at 0x55d1>")]
    [InlineData("trailing   ", "trailing")]
    public void Normalize_AddressesAndTrailingSpaces_Ignored(string a, string b)
    {
        Assert.Equal(LessonChecker.Normalize(a), LessonChecker.Normalize(b));
    }

    [Fact]
    public void LineDiff_ChangedLine_ShowsExpectedLineBeforeActual()
    {
        var diff = LineDiff.Format(["a", "b", "c"], ["a", "x", "c"]);

        Assert.Equal("    --- expected\n    +++ actual\n     a\n    -b\n    +x\n     c", diff);
    }

    [Fact]
    public void LineDiff_MissingAndExtraLines_MarkedAtTheirPlaces()
    {
        var diff = LineDiff.Format(["a", "b"], ["b", "c"]);

        Assert.Equal("    --- expected\n    +++ actual\n    -a\n     b\n    +c", diff);
    }
}
