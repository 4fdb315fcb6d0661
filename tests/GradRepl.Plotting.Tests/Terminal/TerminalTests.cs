using GradRepl.Plotting.Tests.Support;

namespace GradRepl.Plotting.Tests.Terminal;

public sealed class TerminalTests
{
    [Theory]
    [InlineData("square", 80, 24)]
    [InlineData("relu", 60, 16)]
    public void RenderTerminal_LabFigure_MatchesGoldenText(string name, int columns, int rows)
    {
        var plot = name == "square" ? LabFigures.Square() : LabFigures.Relu();
        var actual = plot.RenderTerminal(columns, rows, color: false);
        var file = $"{name}-{columns}x{rows}.txt";
        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(Path.Combine(SourceDirectory(), "Data", file), actual);
            return;
        }

        Assert.Equal(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", file)), actual);
    }

    [Theory]
    [InlineData(80, 24)]
    [InlineData(20, 5)]
    [InlineData(133, 41)]
    public void RenderTerminal_AnySize_ExactlyTheRequestedRowsAndNoWiderThanColumns(int columns, int rows)
    {
        var plt = LabFigures.Square();
        plt.CurrentAxes.Title("square");

        var lines = plt.RenderTerminal(columns, rows, color: false).Split('\n');

        Assert.Equal(rows, lines.Length);
        Assert.All(lines, l => Assert.True(l.Length <= columns, $"'{l}' is wider than {columns}"));
    }

    [Fact]
    public void RenderTerminal_Color_EachSeriesInItsAnsiColour()
    {
        var text = LabFigures.Square().RenderTerminal(80, 24, color: true);

        Assert.Contains("\u001b[38;2;31;119;180m", text);
        Assert.Contains("\u001b[38;2;255;127;14m", text);
        Assert.Contains("\u001b[0m", text);
    }

    [Fact]
    public void RenderTerminal_NoColor_NoEscapeCharacters()
    {
        Assert.DoesNotContain('\u001b', LabFigures.Square().RenderTerminal(80, 24, color: false));
    }

    [Fact]
    public void RenderTerminal_LabFigure2_StepDrawnInBraille()
    {
        var text = LabFigures.Relu().RenderTerminal(60, 16, color: false);

        Assert.Contains("── function", text);
        Assert.Contains("── derivative", text);
        Assert.True(text.Count(c => c > '\u2800' && c <= '\u28FF') > 40, "the series are drawn with braille dots");
    }

    [Theory]
    [InlineData(19, 24)]
    [InlineData(80, 4)]
    public void RenderTerminal_TooSmall_ThrowsOutOfRange(int columns, int rows)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Figure().RenderTerminal(columns, rows, color: false));
    }

    private static string SourceDirectory([System.Runtime.CompilerServices.CallerFilePath] string file = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, ".."));
}
