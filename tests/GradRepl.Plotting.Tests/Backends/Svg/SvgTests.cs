using System.Xml.Linq;
using GradRepl.Plotting.Tests.Support;

namespace GradRepl.Plotting.Tests.Backends.Svg;

public sealed class SvgTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void GetSvgXml_LabFigure1_WellFormedWithViewBoxAndRealText()
    {
        var doc = XDocument.Parse(LabFigures.Square().GetSvgXml());
        var root = doc.Root!;

        Assert.Equal(Svg + "svg", root.Name);
        Assert.Equal("0 0 640 480", (string?)root.Attribute("viewBox"));
        var texts = root.Descendants(Svg + "text").Select(t => t.Value).ToList();
        Assert.Contains("function", texts);
        Assert.Contains("derivative", texts);
        Assert.Contains("x", texts);
        Assert.Contains("\u221210.0", texts);
        Assert.Contains("100", texts);
        Assert.All(root.Descendants(Svg + "text"), t => Assert.EndsWith("sans-serif", (string?)t.Attribute("font-family")));
    }

    [Fact]
    public void GetSvgXml_LabFigure1_SeriesAsClippedPolylinesInTab10Colours()
    {
        var root = XDocument.Parse(LabFigures.Square().GetSvgXml()).Root!;
        var lines = root.Descendants(Svg + "polyline").ToList();

        // two series plus their two legend handles
        Assert.Equal(4, lines.Count);
        Assert.Equal("#1f77b4", (string?)lines[0].Attribute("stroke"));
        Assert.Equal("#ff7f0e", (string?)lines[1].Attribute("stroke"));
        Assert.Equal(10, ((string)lines[0].Attribute("points")!).Split(' ').Length);
        Assert.StartsWith("url(#clip", (string?)lines[0].Attribute("clip-path"));
        Assert.NotEmpty(root.Descendants(Svg + "clipPath"));
    }

    [Fact]
    public void GetSvgXml_MarkupInLabels_Escaped()
    {
        var plt = new Plot();
        plt.Title("a < b & \"c\"");

        var root = XDocument.Parse(plt.GetSvgXml()).Root!;

        Assert.Contains("a < b & \"c\"", root.Descendants(Svg + "text").Select(t => t.Value));
    }

    [Fact]
    public void GetSvgXml_LabFigure1_MatchesSnapshot()
    {
        var actual = LabFigures.Square().GetSvgXml();
        var path = Path.Combine(AppContext.BaseDirectory, "Data", "square.svg");
        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
        {
            var source = Path.Combine(SourceDirectory(), "Data", "square.svg");
            File.WriteAllText(source, actual);
            return;
        }

        Assert.Equal(File.ReadAllText(path), actual);
    }

    [Fact]
    public void SaveSvg_NewFile_SameTextAsGetSvgXml()
    {
        var plt = LabFigures.Relu();
        var path = Artifacts.PathFor("svg");

        plt.SaveSvg(path);

        Assert.Equal(plt.GetSvgXml(), File.ReadAllText(path));
    }

    private static string SourceDirectory([System.Runtime.CompilerServices.CallerFilePath] string file = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, "..", ".."));
}
