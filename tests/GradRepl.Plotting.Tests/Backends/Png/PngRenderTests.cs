using GradRepl.Plotting.Plottables;
using GradRepl.Plotting.Primitives;
using GradRepl.Plotting.Tests.Support;

namespace GradRepl.Plotting.Tests.Backends.Png;

public sealed class PngRenderTests
{
    private static readonly Color Blue = Color.FromHex("#1f77b4");
    private static readonly Color Orange = Color.FromHex("#ff7f0e");

    [Fact]
    public void Render_EmptyPlot_WhiteFigureWithBlackFrame()
    {
        var (image, pack) = LabFigures.Rasterize(new Plot());

        Assert.True(ImageProbe.IsWhite(image.GetPixel(5, 5)));
        Assert.True(ImageProbe.IsWhite(image.GetPixel(320, 240)), "inside the axes is white");
        Assert.Equal(Color.Black, image.GetPixel((int)pack.FrameLeft, 240));
        Assert.Equal(Color.Black, image.GetPixel(320, (int)pack.FrameBottom));
        Assert.Equal(new AxisLimits(0, 1, 0, 1), pack.Limits);
    }

    [Fact]
    public void Render_LabFigure1_AxesBoxAtMatplotlibSubplotFractions()
    {
        var (_, pack) = LabFigures.Rasterize(LabFigures.Square());

        Assert.Equal(80, pack.DataArea.Left, 0.5);
        Assert.Equal(576, pack.DataArea.Right, 0.5);
        Assert.Equal(57.6, pack.DataArea.Top, 0.5);
        Assert.Equal(427.2, pack.DataArea.Bottom, 0.5);
    }

    [Fact]
    public void Render_LabFigure1_EachSeriesColourAlongItsPathAndNowhereElse()
    {
        var plot = LabFigures.Square();
        var (image, pack) = LabFigures.Rasterize(plot);
        var mapper = pack.Mapper;
        var lines = plot.Series.Select(s => s.Xs.Zip(s.Ys, (x, y) => new PixelPoint(mapper.X(x), mapper.Y(y))).ToArray()).ToArray();

        // along each path: the series' colour at (nearly) every sample of the centre line
        foreach (var (line, color) in lines.Zip([Blue, Orange]))
        {
            var samples = 0;
            var hits = 0;
            for (var i = 0; i + 1 < line.Length; i++)
            {
                for (var t = 0.05f; t < 1; t += 0.1f)
                {
                    samples++;
                    var x = line[i].X + ((line[i + 1].X - line[i].X) * t);
                    var y = line[i].Y + ((line[i + 1].Y - line[i].Y) * t);
                    hits += ImageProbe.HasColorNear(image, x, y, color, radius: 0, tolerance: 40) ? 1 : 0;
                }
            }

            Assert.True(hits >= samples * 0.95, $"{color}: only {hits} of {samples} samples on the path have the colour");
        }

        // elsewhere: every pixel of a series' colour is on its line or in the legend
        var legend = pack.LegendBox!.Value;
        foreach (var (line, color) in lines.Zip([Blue, Orange]))
        {
            for (var y = 0; y < image.Height; y++)
            {
                for (var x = 0; x < image.Width; x++)
                {
                    if (ImageProbe.Distance(image.GetPixel(x, y), color) <= 40)
                    {
                        var p = new PixelPoint(x + 0.5f, y + 0.5f);
                        Assert.True(legend.Contains(p) || ImageProbe.DistanceToPolyline(p, line) < 2.5f, $"{color} pixel at ({x}, {y}) is off its line");
                    }
                }
            }
        }
    }

    [Fact]
    public void Render_LabFigure1_LegendLowerRightLikeMatplotlib()
    {
        var (image, pack) = LabFigures.Rasterize(LabFigures.Square());

        var box = pack.LegendBox!.Value;
        Assert.True(box.Left > pack.DataArea.CenterX && box.Top > pack.DataArea.CenterY, $"legend at {box}");
        Assert.True(ImageProbe.HasColorNear(image, box.Left + 20, box.Top + 13, Blue, radius: 3, tolerance: 40), "blue handle in the first row");
        Assert.True(ImageProbe.CountInk(image, box with { Left = box.Left + 40 }) > 100, "legend text is drawn");
    }

    [Fact]
    public void Render_LabFigure2_LegendUpperLeftLikeMatplotlib()
    {
        var (_, pack) = LabFigures.Rasterize(LabFigures.Relu());

        var box = pack.LegendBox!.Value;
        Assert.True(box.Right < pack.DataArea.CenterX && box.Bottom < pack.DataArea.CenterY, $"legend at {box}");
    }

    [Fact]
    public void Render_LabFigure2_LegendCoversNoData()
    {
        var plot = LabFigures.Relu();
        var (_, pack) = LabFigures.Rasterize(plot);
        var box = pack.LegendBox!.Value;

        foreach (var s in plot.Series)
        {
            for (var i = 0; i < s.Count; i++)
            {
                Assert.False(box.Contains(new PixelPoint(pack.Mapper.X(s.Xs[i]), pack.Mapper.Y(s.Ys[i]))), $"point {i} under the legend");
            }
        }
    }

    [Fact]
    public void Render_LabFigure1_TickLabelsBesideTheirTicksAndInsideTheFigure()
    {
        var (image, pack) = LabFigures.Rasterize(LabFigures.Square());

        // nothing touches the figure's border: no label is clipped
        for (var x = 0; x < image.Width; x++)
        {
            Assert.True(ImageProbe.IsWhite(image.GetPixel(x, 0)) && ImageProbe.IsWhite(image.GetPixel(x, image.Height - 1)));
        }

        for (var y = 0; y < image.Height; y++)
        {
            Assert.True(ImageProbe.IsWhite(image.GetPixel(0, y)) && ImageProbe.IsWhite(image.GetPixel(image.Width - 1, y)));
        }

        // ink under each x tick and left of each y tick, where the labels go
        Assert.Equal(9, pack.XTicks.Length);
        foreach (var t in pack.XTicks)
        {
            var x = pack.Mapper.X(t.Position);
            var below = new PixelRect(x - 6, pack.FrameBottom + 8, x + 6, pack.FrameBottom + 22);
            Assert.True(ImageProbe.CountInk(image, below) > 10, $"no label under x tick {t.Label}");
        }

        foreach (var t in pack.YTicks)
        {
            var y = pack.Mapper.Y(t.Position);
            var left = new PixelRect(pack.FrameLeft - 22, y - 4, pack.FrameLeft - 8, y + 4);
            Assert.True(ImageProbe.CountInk(image, left) > 5, $"no label left of y tick {t.Label}");
        }

        // and between the x labels there is white space: they do not overlap
        for (var i = 0; i + 1 < pack.XTicks.Length; i++)
        {
            var mid = (pack.Mapper.X(pack.XTicks[i].Position) + pack.Mapper.X(pack.XTicks[i + 1].Position)) / 2;
            Assert.Equal(0, ImageProbe.CountInk(image, new PixelRect(mid - 1, pack.FrameBottom + 8, mid + 1, pack.FrameBottom + 22)));
        }
    }

    [Fact]
    public void Render_SeriesWithNaN_LeavesAGap()
    {
        var plt = new Plot();
        plt.Add.Scatter([0.0, 1, 2, 3, 4], [1.0, 1, double.NaN, 1, 1]);
        var (image, pack) = LabFigures.Rasterize(plt);

        float y = pack.Mapper.Y(1);
        Assert.True(ImageProbe.HasColorNear(image, pack.Mapper.X(0.5), y, Blue, radius: 0, tolerance: 40));
        Assert.True(ImageProbe.HasColorNear(image, pack.Mapper.X(3.5), y, Blue, radius: 0, tolerance: 40));
        Assert.True(ImageProbe.IsWhite(image.GetPixel((int)pack.Mapper.X(2), (int)y)), "the NaN point leaves a gap");
    }

    [Fact]
    public void Render_Markers_DrawnAtPointsInMarkerColour()
    {
        var plt = new Plot();
        var s = plt.Add.Scatter([0.0, 1, 2], [0.0, 2, 1]);
        s.LinePattern = LinePattern.None;
        s.MarkerSize = 10;
        s.Color = Color.FromHex("#d62728");
        var (image, pack) = LabFigures.Rasterize(plt);

        Assert.Equal(s.Color, image.GetPixel((int)pack.Mapper.X(1), (int)pack.Mapper.Y(2)));
        Assert.True(ImageProbe.IsWhite(image.GetPixel((int)pack.Mapper.X(0.5), (int)pack.Mapper.Y(1))), "no line between markers");
    }

    [Fact]
    public void Render_DashedLine_AlternatesInkAndGaps()
    {
        var plt = new Plot();
        var s = plt.Add.Scatter([0.0, 1], [0.0, 0]);
        s.LinePattern = LinePattern.Dashed;
        var (image, pack) = LabFigures.Rasterize(plt);

        var y = (int)pack.Mapper.Y(0);
        var row = Enumerable.Range((int)pack.Mapper.X(0.1), 200).Select(x => ImageProbe.Distance(image.GetPixel(x, y), Blue) <= 40).ToList();
        Assert.Contains(true, row);
        Assert.Contains(false, row);
    }

    [Fact]
    public void Render_TinyFigure_DoesNotThrowAndKeepsAnAxesBox()
    {
        var (image, pack) = LabFigures.Rasterize(LabFigures.Square(), 40, 30);

        Assert.Equal(40, image.Width);
        Assert.True(pack.DataArea.Width >= 1 && pack.DataArea.Height >= 1);
    }

    [Fact]
    public void Render_TitleAndYLabel_DrawnAboveAndLeftOfAxes()
    {
        var plt = LabFigures.Square();
        plt.Title("f(x) = x² and ∂f/∂x");
        plt.YLabel("y ≤ 100");
        var (image, pack) = LabFigures.Rasterize(plt);

        Assert.True(ImageProbe.CountInk(image, new PixelRect(pack.DataArea.CenterX - 80, 0, pack.DataArea.CenterX + 80, pack.DataArea.Top - 2)) > 100);
        Assert.True(ImageProbe.CountInk(image, new PixelRect(0, pack.DataArea.CenterY - 30, 30, pack.DataArea.CenterY + 30)) > 50);
        File.WriteAllBytes(Artifacts.PathFor("png"), plt.GetPngBytes());
    }

    [Fact]
    public void Build_MillionPointSeries_DecimatedToAFewPointsPerPixelColumn()
    {
        var n = 1_000_000;
        var xs = new double[n];
        var ys = new double[n];
        for (var i = 0; i < n; i++)
        {
            xs[i] = i;
            ys[i] = Math.Sin(i / 1000.0) + (i % 7 * 0.01);
        }

        var plt = new Plot();
        plt.Add.Scatter(xs, ys);
        var (image, pack) = LabFigures.Rasterize(plt);
        var lines = PolylineBuilder.Build(xs, ys, pack.Mapper);

        Assert.Single(lines);
        Assert.InRange(lines[0].Length, 500, 4 * 500);
        Assert.True(ImageProbe.HasColorNear(image, pack.Mapper.X(n / 2.0), pack.Mapper.Y(Math.Sin(n / 2000.0)), Blue, radius: 2, tolerance: 40));
    }
}
