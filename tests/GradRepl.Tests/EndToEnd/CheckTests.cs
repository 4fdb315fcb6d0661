namespace GradRepl.Tests.EndToEnd;

public sealed class CheckTests : IDisposable
{
    private readonly ToolProcess _tool = new();

    public void Dispose() => _tool.Dispose();

    [Fact]
    public void Check_WrongExpectation_ExitsOneWithDiff()
    {
        var lesson = _tool.AddFixture("mismatch.csx");

        var result = _tool.Run("check", lesson);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("mismatch.csx(10): output differs in step \"Wrong\"", result.Stdout);
        Assert.Contains("    --- expected\n    +++ actual\n     two\n    -four\n    +three\n", result.Stdout);
        Assert.Contains("FAIL  mismatch.csx (1 of 2 outputs differ)", result.Stdout);
        Assert.EndsWith("0 passed, 1 failed\n", result.Stdout);
    }

    [Fact]
    public void Check_LessonThatWarns_ShowsTheWarningOnlyUnderItsStep()
    {
        var lesson = _tool.AddFixture("warning.csx");

        var result = _tool.Run("check", lesson);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.DoesNotContain("UserWarning", result.Stderr);
        Assert.Contains("warning.csx(12): output differs in step \"Noisy mistake\"\n    --- expected\n    +++ actual\n    -tensor(8.)\n    +None\n    stderr:\n      UserWarning: The .grad attribute of a Tensor that is not a leaf Tensor is being accessed.", result.Stdout);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(result.Stdout, "UserWarning"));
    }

    [Fact]
    public void Check_PassingLesson_ExitsZero()
    {
        var lesson = _tool.AddFixture("lesson.csx");

        var result = _tool.Run("check", lesson);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("ok    lesson.csx (2 outputs match)", result.Stdout);
    }

    [Fact]
    public void Check_MissingPath_ExitsTwo()
    {
        var result = _tool.Run("check", "nowhere");

        Assert.Equal(2, result.ExitCode);
    }

    [Fact]
    public void Check_LessonThatThrows_ExitsOne()
    {
        var lesson = _tool.AddFixture("throws.csx");

        var result = _tool.Run("check", lesson);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("throws.csx(2): error: DivideByZeroException", result.Stdout);
    }

    [Fact]
    public void New_Name_WritesSkeletonThatPassesCheck()
    {
        var created = _tool.Run("new", "my-lesson");
        var check = _tool.Run("check", "scripts/my-lesson.csx");
        var again = _tool.Run("new", "my-lesson");

        Assert.True(created.ExitCode == 0, created.ToString());
        Assert.True(File.Exists(Path.Combine(_tool.WorkingDirectory, "scripts", "my-lesson.csx")));
        Assert.True(check.ExitCode == 0, check.ToString());
        Assert.Contains("ok    scripts/my-lesson.csx (2 outputs match)", check.Stdout);
        Assert.Equal(2, again.ExitCode);
    }
}
