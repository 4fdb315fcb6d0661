namespace GradRepl.Tests.EndToEnd;

public sealed class LessonTests : IDisposable
{
    private readonly ToolProcess _tool = new();

    public void Dispose() => _tool.Dispose();

    public static TheoryData<string> Lessons()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(ToolProcess.RepositoryRoot, "scripts"), "*.csx").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Lessons))]
    public void Run_Lesson_ExitsZeroAndWritesItsFigures(string lesson)
    {
        var path = Path.Combine(ToolProcess.RepositoryRoot, "scripts", lesson);

        var result = _tool.Run(path, "--out", "figures");

        Assert.True(result.ExitCode == 0, result.ToString());
        var expectedFigures = File.ReadAllText(path).Split('\n').Count(l => l.Trim() == "show();");
        var figures = Directory.Exists(Path.Combine(_tool.WorkingDirectory, "figures"))
            ? Directory.GetFiles(Path.Combine(_tool.WorkingDirectory, "figures"), "*.png")
            : [];
        Assert.Equal(expectedFigures, figures.Length);
        foreach (var png in figures)
        {
            Assert.Contains($"Figure saved to {Path.Combine("figures", Path.GetFileName(png))}", result.Stdout);
            Assert.Equal((640, 480), PngSize(png));
        }
    }

    [Fact]
    public void Check_AllLessons_Pass()
    {
        var result = _tool.Run("check", Path.Combine(ToolProcess.RepositoryRoot, "scripts"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"\d+ passed, 0 failed\n$", result.Stdout);
    }

    private static (int Width, int Height) PngSize(string path)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
        int ReadInt(int offset) => (bytes[offset] << 24) | (bytes[offset + 1] << 16) | (bytes[offset + 2] << 8) | bytes[offset + 3];
        // Signature (8) + IHDR length (4) + "IHDR" (4), then width and height.
        return (ReadInt(16), ReadInt(20));
    }
}
