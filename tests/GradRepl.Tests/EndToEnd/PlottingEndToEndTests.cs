namespace GradRepl.Tests.EndToEnd;

/// <summary>Plotting through the built tool: ScottPlot loads only for scripts that plot; bad input gives clear messages.</summary>
public sealed class PlottingEndToEndTests : IDisposable
{
    private const string ScottPlotLoaded = "print(AppDomain.CurrentDomain.GetAssemblies().Any(a => a.GetName().Name is \"ScottPlot\" or \"SkiaSharp\"));";

    private readonly ToolProcess _tool = new();

    public void Dispose() => _tool.Dispose();

    [Fact]
    public void Run_ScriptThatDoesNotPlot_NeitherScottPlotNorSkiaSharpLoaded()
    {
        File.WriteAllText(Path.Combine(_tool.WorkingDirectory, "tensors.csx"), "print(tensor(2.0) * 3);\n" + ScottPlotLoaded);

        var cold = _tool.Run("tensors.csx");
        var warm = _tool.Run("tensors.csx");

        Assert.Equal(0, cold.ExitCode);
        Assert.Equal("tensor(6.)\nFalse\n", cold.Stdout);
        Assert.Equal("tensor(6.)\nFalse\n", warm.Stdout);
    }

    [Fact]
    public void Run_ScriptThatPlots_SavesThePngAndCanUseScottPlotThroughGca()
    {
        File.WriteAllText(Path.Combine(_tool.WorkingDirectory, "lines.csx"),
            "plot(linspace(0, 1, 5), linspace(0, 1, 5), \"o-\");\ngca().Add.Arrow(0, 0, 1, 1);\nsavefig(\"out/lines.svg\");\nshow();\n" + ScottPlotLoaded);

        var result = _tool.Run("lines.csx");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("Figure saved to plots/lines-1.png\nTrue\n", result.Stdout);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(Path.Combine(_tool.WorkingDirectory, "plots", "lines-1.png"))[..4]);
        Assert.StartsWith("<?xml", File.ReadAllText(Path.Combine(_tool.WorkingDirectory, "out", "lines.svg")));
    }

    [Fact]
    public void Run_LengthMismatchAndUnknownExtension_MessagesNameThemWithTheLine()
    {
        File.WriteAllText(Path.Combine(_tool.WorkingDirectory, "bad.csx"), "plot(linspace(0, 1, 3), linspace(0, 1, 4));\n");
        File.WriteAllText(Path.Combine(_tool.WorkingDirectory, "gif.csx"), "plot(linspace(0, 1, 3), linspace(0, 1, 3));\nsavefig(\"x.gif\");\n");

        var lengths = _tool.Run("bad.csx");
        var gif = _tool.Run("gif.csx");

        Assert.Equal(1, lengths.ExitCode);
        Assert.Contains("bad.csx(1): error: ArgumentException: x and y must have same first dimension, but have shapes (3,) and (4,)", lengths.Stderr);
        Assert.Equal(1, gif.ExitCode);
        Assert.Contains("gif.csx(2): error: ArgumentException: Cannot save 'x.gif': format 'gif' is not supported", gif.Stderr);
        Assert.DoesNotContain("   at ", lengths.Stderr + gif.Stderr);
        Assert.False(File.Exists(Path.Combine(_tool.WorkingDirectory, "x.gif")));
    }
}
