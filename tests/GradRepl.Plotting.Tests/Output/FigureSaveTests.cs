using System.Xml.Linq;
using GradRepl.Plotting.Tests.Support;

namespace GradRepl.Plotting.Tests.Output;

public sealed class FigureSaveTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("gradrepl-figure-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Save_Png_PngcheckFindsNoErrors()
    {
        var pngcheck = ExternalTools.PngCheck;
        Assert.SkipWhen(pngcheck is null, "pngcheck is not installed (apt-get install pngcheck)");
        var path = Path.Combine(_root, "a", "b", "square.png");

        LabFigures.Square().Save(path);
        var (exit, output, error) = ExternalTools.Run(pngcheck!, ["-v", path]);

        Assert.True(exit == 0, $"pngcheck failed: {output}{error}");
        Assert.Contains("No errors detected", output);
        Assert.Contains("640 x 480", output);
    }

    [Theory]
    [InlineData("figure.png", "PNG")]
    [InlineData("figure.jpg", "JPEG")]
    [InlineData("figure.JPEG", "JPEG")]
    [InlineData("figure.webp", "WEBP")]
    public void Save_RasterExtension_PillowReadsThatFormatWithTheFiguresPixels(string name, string format)
    {
        Assert.SkipUnless(ExternalTools.HasPillow, "Pillow is not installed for /usr/bin/python3 (apt-get install python3-pil)");
        var path = Path.Combine(_root, name);

        LabFigures.Square().Save(path);
        // the format, the size, white at a corner and the black frame where matplotlib draws it (column 80)
        var script = "import sys; from PIL import Image; im = Image.open(sys.argv[1]); im.load(); rgb = im.convert('RGB'); "
            + "print(im.format, im.size[0], im.size[1], sum(rgb.getpixel((5, 5))) > 740, sum(rgb.getpixel((80, 200))) < 100)";
        var (exit, output, error) = ExternalTools.Run(ExternalTools.SystemPython, ["-c", script, path]);

        Assert.True(exit == 0, error);
        Assert.Equal($"{format} 640 480 True True", output.Trim());
    }

    [Fact]
    public void Save_Jpg_JpegBytesNotPng()
    {
        var path = Path.Combine(_root, "figure.jpg");

        LabFigures.Relu().Save(path);

        Assert.Equal(new byte[] { 0xFF, 0xD8, 0xFF }, File.ReadAllBytes(path)[..3]);
    }

    [Fact]
    public void Save_Svg_WellFormedXmlWithTheLabelsAsText()
    {
        var path = Path.Combine(_root, "figure.svg");

        LabFigures.Square().Save(path);
        var root = XDocument.Load(path).Root!;

        XNamespace svg = "http://www.w3.org/2000/svg";
        Assert.Equal(svg + "svg", root.Name);
        Assert.Equal("640", (string?)root.Attribute("width"));
        var texts = root.Descendants(svg + "text").Select(t => t.Value.Trim()).ToList();
        Assert.Contains("function", texts);
        Assert.Contains("derivative", texts);
        Assert.Contains("x", texts);
        Assert.Contains("\u221210.0", texts);
        Assert.DoesNotContain(root.Descendants(svg + "rect"), r => r.Parent!.Name != svg + "clipPath" && r.Attribute("fill") is null);
    }

    [Theory]
    [InlineData("figure.gif", "format 'gif' is not supported")]
    [InlineData("figure", "has no extension")]
    public void Save_UnsupportedExtension_MessageNamesItAndNoFile(string name, string expected)
    {
        var path = Path.Combine(_root, name);

        var e = Assert.Throws<ArgumentException>(() => LabFigures.Square().Save(path));

        Assert.Contains(expected, e.Message);
        Assert.Contains(path, e.Message);
        Assert.Empty(Directory.GetFileSystemEntries(_root));
    }

    [Fact]
    public void Save_ParentIsAFile_MessageNamesPathAndReasonAndNoFile()
    {
        var blocker = Path.Combine(_root, "not-a-directory");
        File.WriteAllText(blocker, "x");
        var path = Path.Combine(blocker, "plot.png");

        var e = Assert.Throws<IOException>(() => LabFigures.Square().Save(path));

        Assert.Contains(path, e.Message);
        Assert.True(e.Message.Length > path.Length + 20, $"no reason in '{e.Message}'");
        Assert.Equal(["not-a-directory"], Directory.GetFileSystemEntries(_root).Select(Path.GetFileName));
    }

    [Fact]
    public void Save_ExistingFile_ReplacedWithoutLeftoverTemporaryFiles()
    {
        var path = Path.Combine(_root, "plot.png");
        File.WriteAllText(path, "old");

        LabFigures.Relu().Save(path);

        Assert.Equal(LabFigures.Relu().GetImageBytes(Plotting.Output.ImageFileFormat.Png), File.ReadAllBytes(path));
        Assert.Equal(["plot.png"], Directory.GetFiles(_root).Select(Path.GetFileName));
    }
}
