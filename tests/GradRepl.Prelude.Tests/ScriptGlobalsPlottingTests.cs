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
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Show_AfterPlot_SavesNumberedPngAndPrintsPath()
    {
        var x = _globals.linspace(-1, 1, 5);
        _globals.plot(x, x.pow(2), label: "square");
        _globals.legend();
        _globals.show();
        _globals.plot([0.0, 1.0], [1.0, 0.0]);
        _globals.show();

        var first = Path.Combine(_directory, "lesson-1.png");
        var second = Path.Combine(_directory, "lesson-2.png");
        Assert.True(File.Exists(first));
        Assert.True(File.Exists(second));
        Assert.Equal($"Figure saved to {first}\nFigure saved to {second}\n", _output.ToString());
    }

    [Fact]
    public void Show_NoFigure_DoesNothing()
    {
        _globals.show();

        Assert.Equal("", _output.ToString());
        Assert.Empty(Directory.GetFiles(_directory));
    }

    [Fact]
    public void Savefig_SvgExtension_WritesSvg()
    {
        var path = Path.Combine(_directory, "sub", "figure.svg");
        _globals.plot(new[] { 1f, 2f }, new[] { 3f, 4f }, label: "numpy-like arrays");
        _globals.title("t");

        _globals.savefig(path);

        Assert.StartsWith("<", File.ReadAllText(path).TrimStart());
    }

    [Fact]
    public void Plot_DifferentLengths_Throws()
    {
        Assert.Throws<ArgumentException>(() => _globals.plot([1.0, 2.0], [1.0]));
    }
}
