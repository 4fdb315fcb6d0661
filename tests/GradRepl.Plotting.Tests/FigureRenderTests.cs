using GradRepl.Plotting.Tests.Support;
using SkiaSharp;

namespace GradRepl.Plotting.Tests;

public sealed class FigureRenderTests
{
    [Theory]
    [InlineData("square")]
    [InlineData("relu")]
    public void Render_LabFigure_CloseToMatplotlibsRender(string name)
    {
        var figure = name == "square" ? LabFigures.Square() : LabFigures.Relu();
        var png = figure.GetImageBytes(Output.ImageFileFormat.Png);
        File.WriteAllBytes(Artifacts.PathFor($"{name}.png"), png);
        using var ours = SKBitmap.Decode(png);
        using var theirs = SKBitmap.Decode(Path.Combine(AppContext.BaseDirectory, "Data", "matplotlib", $"{name}.png"));

        var difference = ImageProbe.MeanDifference(ours, theirs);

        Assert.True(difference <= 3.0, $"mean pixel difference {difference:F2} against matplotlib's {name}.png");
    }
}
