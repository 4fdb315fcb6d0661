namespace GradRepl.Tests.EndToEnd;

/// <summary>
/// Input that used to crash the tool or print pages of noise: empty scripts, bad option values, endless recursion,
/// non-lesson and binary files, thousands of compile errors. Each ends with one clear message and the right exit code.
/// </summary>
public sealed class BadInputTests : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(120);
    private readonly ToolProcess _tool = new();

    public void Dispose() => _tool.Dispose();

    private string Write(string name, string text)
    {
        File.WriteAllText(Path.Combine(_tool.WorkingDirectory, name), text);
        return name;
    }

    // The runs trace cache hits on stderr (GRADREPL_TRACE=1); what the user would see is the rest.
    private static string[] UserLines(string stderr) =>
        stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith("[gradrepl]", StringComparison.Ordinal)).ToArray();

    [Theory]
    [InlineData("")]
    [InlineData("// only a comment\n")]
    [InlineData("\n\n   \n")]
    [InlineData("using System;")]
    [InlineData("#r \"System.Linq\"\n// and a comment, no newline at the end")]
    public void Run_ScriptWithNothingToRun_ExitsZeroSilently(string text)
    {
        var script = Write("nothing.csx", text);

        var result = _tool.Run(script);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("", result.Stdout);
        Assert.Empty(UserLines(result.Stderr));
    }

    [Fact]
    public void Check_EmptyLesson_FailsSayingItHasNoSteps()
    {
        var lesson = Write("empty.csx", "");

        var result = _tool.Run("check", lesson);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("FAIL  empty.csx (the lesson has no steps: nothing to check", result.Stdout);
    }

    [Theory]
    [InlineData("--timeout abc x.csx", "--timeout takes a number of seconds greater than 0 and at most 2147483 (about 24 days), not 'abc'")]
    [InlineData("--timeout 99999999999 x.csx", "at most 2147483 (about 24 days), not '99999999999'")]
    [InlineData("--timeout 0 x.csx", "not '0'")]
    [InlineData("--timeout NaN x.csx", "not 'NaN'")]
    [InlineData("x.csx --timeout", "Required argument missing for option: '--timeout'")]
    [InlineData("check --timeout -5", "not '-5'")]
    [InlineData("x.csx --out", "Required argument missing for option: '--out'")]
    [InlineData("--out x.csx x.csx", "--out 'x.csx' is a file, not a directory")]
    [InlineData("--frobnicate x.csx", "--frobnicate")]
    [InlineData("check --frobnicate", "--frobnicate")]
    public void Run_BadOptionValue_ExitsTwoWithOneLine(string commandLine, string message)
    {
        Write("x.csx", "print(1);\n");

        var result = _tool.Run(commandLine.Split(' '));

        Assert.True(result.ExitCode == 2, result.ToString());
        var line = Assert.Single(UserLines(result.Stderr));
        Assert.StartsWith("gradrepl: error: ", line, StringComparison.Ordinal);
        Assert.Contains(message, line);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public void Run_EmptyOutOption_ExitsTwo()
    {
        Write("x.csx", "print(1);\n");

        var result = _tool.Run("--out", "", "x.csx");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal("gradrepl: error: --out needs a directory name (see gradrepl --help)", Assert.Single(UserLines(result.Stderr)));
    }

    [Theory]
    [InlineData("print(\"start\");\ndouble F(double n) => F(n + 1);\nF(0);\n", "recursion.csx(2): error: RecursionError: maximum recursion depth exceeded\n    double F(double n) => F(n + 1);\n  called from recursion.csx(3): F(0);")]
    [InlineData("print(\"start\");\nint A(int n) => B(n + 1);\nint B(int n) { return A(n + 1); }\nA(0);\n", "more calls")]
    [InlineData("print(\"start\");\nFunc<int, int> f = null!;\nf = n => 1 + f(n + 1);\nf(0);\n", "recursion.csx(3): error: RecursionError: maximum recursion depth exceeded")]
    [InlineData("print(\"start\");\nclass Loop { public int Value => Value + 1; }\nprint(new Loop().Value);\n", "recursion.csx(2): error: RecursionError")]
    public void Run_UnboundedRecursion_RecursionErrorAtTheScriptLineAndExitOne(string text, string expected)
    {
        var script = Write("recursion.csx", text);

        var result = _tool.Run(Limit, script);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal("start\n", result.Stdout);
        Assert.Contains(expected, result.Stderr);
        Assert.True(UserLines(result.Stderr).Length <= 24, result.ToString());
    }

    [Fact]
    public void Run_DeepButBoundedRecursion_Runs()
    {
        var script = Write("deep.csx", "int Depth(int n) => n == 0 ? 0 : 1 + Depth(n - 1);\nprint(Depth(5000));\n");

        var result = _tool.Run(script);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("5000\n", result.Stdout);
    }

    [Fact]
    public void Run_BinaryFile_RefusedInOneLine()
    {
        var bytes = new byte[4000];
        new Random(1).NextBytes(bytes);
        bytes[10] = 0x1b;
        bytes[11] = 0;
        File.WriteAllBytes(Path.Combine(_tool.WorkingDirectory, "binary.csx"), bytes);

        var run = _tool.Run("binary.csx");
        var check = _tool.Run("check", "binary.csx");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal("gradrepl: error: 'binary.csx' is not a script: it contains NUL bytes (a binary file?)", Assert.Single(UserLines(run.Stderr)));
        Assert.True(check.ExitCode == 2, check.ToString());
        Assert.Contains("FAIL  binary.csx (not checked)", check.Stdout);
        Assert.DoesNotContain("error CS", check.Stdout);
    }

    [Fact]
    public void Run_InvalidUtf8_RefusedInOneLine()
    {
        // "é" in Latin-1: one byte that is not UTF-8.
        File.WriteAllBytes(Path.Combine(_tool.WorkingDirectory, "latin1.csx"), [.. "print(1);\n"u8, 0xE9, 0x0A]);

        var result = _tool.Run("latin1.csx");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal("gradrepl: error: 'latin1.csx' is not a script: it is not UTF-8 text (invalid byte at offset 10)", Assert.Single(UserLines(result.Stderr)));
    }

    [Fact]
    public void Run_ControlCharactersInSource_ShownEscapedInErrors()
    {
        var script = Write("escape.csx", "print(1);\n\u001b[31mred\n");

        var result = _tool.Run(script);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.DoesNotContain('\u001b', result.Stderr);
        Assert.Contains("escape.csx(2,1): error CS1056: Unexpected character '\\u001b'\n    \\x1b[31mred\n    ^\n", result.Stderr);
    }

    [Fact]
    public void Run_ManyCompileErrors_ShowsTwentyAndCountsTheRest()
    {
        var script = Write("many.csx", string.Concat(Enumerable.Range(1, 45).Select(i => $"int x{i} = \"text\";\n")));

        var result = _tool.Run(script);
        var check = _tool.Run("check", script);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal(20, UserLines(result.Stderr).Count(l => l.Contains("error CS0029", StringComparison.Ordinal)));
        Assert.Contains("many.csx(20,", result.Stderr);
        Assert.DoesNotContain("many.csx(21,", result.Stderr);
        Assert.EndsWith("\nand 25 more errors\n", result.Stderr, StringComparison.Ordinal);
        Assert.True(check.ExitCode == 1, check.ToString());
        Assert.Contains("\nand 25 more errors\n", check.Stdout);
    }

    [Fact]
    public void Check_ShellGlobWithReadme_ChecksOnlyLessonsAndSaysWhatItSkipped()
    {
        Directory.CreateDirectory(Path.Combine(_tool.WorkingDirectory, "lessons"));
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Data", "lesson.csx"), Path.Combine(_tool.WorkingDirectory, "lessons", "lesson.csx"));
        Write("lessons/README.md", "# Lessons\n\nRun `gradrepl check lessons/`.\n");
        Write("lessons/notes.txt", "not C#\n");

        var result = _tool.Run("check", "lessons/README.md", "lessons/lesson.csx", "lessons/notes.txt");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("gradrepl: skipped 2 files that are not .csx: lessons/README.md, lessons/notes.txt", Assert.Single(UserLines(result.Stderr)));
        Assert.Contains("ok    lessons/lesson.csx (2 outputs match)", result.Stdout);
        Assert.DoesNotContain("error CS", result.Stdout);
    }

    [Fact]
    public void Check_OnlyNonLessonFiles_ExitsTwo()
    {
        Write("README.md", "# Notes\n");

        var result = _tool.Run("check", "README.md");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("gradrepl: error: no .csx lessons in README.md", result.Stderr);
    }
}
