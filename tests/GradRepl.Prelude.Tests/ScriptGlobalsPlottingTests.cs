namespace GradRepl.Prelude.Tests;

public sealed class ScriptGlobalsPlottingTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("gradrepl-plots-").FullName;
    private readonly StringWriter _output = new();
    private readonly ScriptGlobals _globals;

    public ScriptGlobalsPlottingTests()
    {
        _globals = new ScriptGlobals(new ScriptEnvironment
        {
            Output = new TextWriterScriptOutput(_output),
            ScriptPath = "/somewhere/lesson.csx",
            PlotDirectory = _directory,
        });
        // xunit runs the constructor and the test in one execution context, so the test sees these globals
        _globals.MakeCurrent();
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Show_AfterPlot_SavesNumberedPngAndPrintsPath()
    {
        var x = ScriptGlobals.linspace(-1, 1, 5);
        ScriptGlobals.plot(x, x.pow(2), label: "square");
        ScriptGlobals.legend();
        ScriptGlobals.show();
        ScriptGlobals.plot([0.0, 1.0], [1.0, 0.0]);
        ScriptGlobals.show();

        var first = Path.Combine(_directory, "lesson-1.png");
        var second = Path.Combine(_directory, "lesson-2.png");
        Assert.True(File.Exists(first));
        Assert.True(File.Exists(second));
        Assert.Equal($"Figure saved to {first}\nFigure saved to {second}\n", _output.ToString());
    }

    [Fact]
    public void Show_NoFigure_DoesNothing()
    {
        ScriptGlobals.show();

        Assert.Equal("", _output.ToString());
        Assert.Empty(Directory.GetFiles(_directory));
    }

    [Fact]
    public void Savefig_SvgExtension_WritesSvg()
    {
        var path = Path.Combine(_directory, "sub", "figure.svg");
        ScriptGlobals.plot(new[] { 1f, 2f }, new[] { 3f, 4f }, label: "numpy-like arrays");
        ScriptGlobals.title("t");

        ScriptGlobals.savefig(path);

        Assert.StartsWith("<", File.ReadAllText(path).TrimStart());
    }

    [Fact]
    public void Plot_DifferentLengths_Throws()
    {
        Assert.Throws<ArgumentException>(() => ScriptGlobals.plot([1.0, 2.0], [1.0]));
    }

    [Fact]
    public void Plot_TensorRequiringGrad_DetachedAndDrawn()
    {
        var x = ScriptGlobals.linspace(-1, 1, 5, requires_grad: true);
        ScriptGlobals.plot(x, x.pow(2), "rx", label: "square");

        var scatter = Assert.IsType<ScottPlot.Plottables.Scatter>(Assert.Single(ScriptGlobals.gca().GetPlottables()));
        Assert.Equal(5, scatter.Data.GetScatterPoints().Count);
        Assert.Equal(1.0, scatter.Data.GetScatterPoints()[0].Y, 6);
    }

    [Fact]
    public void PlotCalls_ListsArraysAndTensorsAccepted()
    {
        ScriptGlobals.plot(new List<double> { 1, 2, 3 });
        ScriptGlobals.scatter(new[] { 1, 2, 3 }, new List<int> { 3, 2, 1 });
        ScriptGlobals.bar(ScriptGlobals.tensor(new[] { 1.0, 2.0 }), new[] { 3f, 4f });
        var counts = ScriptGlobals.hist(ScriptGlobals.tensor(new[] { 0.0, 0.5, 1.0 }), bins: 2);
        ScriptGlobals.imshow(new double[,] { { 1, 2 }, { 3, 4 } });

        Assert.Equal([1, 2], counts);
        Assert.Equal(5, ScriptGlobals.gca().GetPlottables().Count());
    }

    [Fact]
    public void Imshow_OneDimensionalInput_MessageNamesTheShape()
    {
        var e = Assert.Throws<ArgumentException>(() => ScriptGlobals.imshow(new[] { 1.0, 2.0 }));

        Assert.Equal("imshow's input must be a 2-D array or tensor, got one of shape (2,)", e.Message);
    }

    [Fact]
    public void Close_NextCallStartsANewFigure()
    {
        ScriptGlobals.plot([0.0, 1.0], [1.0, 0.0]);
        var first = ScriptGlobals.gcf();
        ScriptGlobals.close();

        Assert.NotSame(first, ScriptGlobals.gcf());
        Assert.Empty(ScriptGlobals.gca().GetPlottables());
    }

    [Fact]
    public void Savefig_UnknownExtension_MessageNamesItAndWritesNothing()
    {
        var path = Path.Combine(_directory, "figure.gif");
        ScriptGlobals.plot([0.0, 1.0], [1.0, 0.0]);

        var e = Assert.Throws<ArgumentException>(() => ScriptGlobals.savefig(path));

        Assert.Contains("'gif'", e.Message);
        Assert.Empty(Directory.GetFileSystemEntries(_directory));
    }

    [Fact]
    public void Subplots_GridOfAxesFirstCurrent()
    {
        var (fig, axs) = ScriptGlobals.subplots(2, 2);

        Assert.Equal(4, axs.Length);
        Assert.Same(axs[0], ScriptGlobals.gca());
        Assert.Same(fig, ScriptGlobals.gcf());
        Assert.Same(axs[3], ScriptGlobals.subplot(2, 2, 4));
    }

    [Fact]
    public void TryShowFigure_AxesOrFigure_SavedAndPrinted()
    {
        ScriptGlobals.plot([0.0, 1.0], [1.0, 0.0]);

        Assert.True(_globals.TryShowFigure(ScriptGlobals.gca()));
        Assert.False(_globals.TryShowFigure("text"));
        Assert.Equal($"Figure saved to {Path.Combine(_directory, "lesson-1.png")}\n", _output.ToString());
    }
}
