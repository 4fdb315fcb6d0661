using System.Security.Cryptography;
using GradRepl.Plotting.Tests.Support;

namespace GradRepl.Plotting.Tests.Backends.Png;

public sealed class PngEncodingTests
{
    [Fact]
    public void GetPngBytes_SamePlotTwice_IdenticalBytes()
    {
        Assert.Equal(LabFigures.Relu().GetPngBytes(), LabFigures.Relu().GetPngBytes());
    }

    [Fact]
    public void GetPngBytes_DifferentData_DifferentBytes()
    {
        var other = LabFigures.Square();
        other.Title("changed");

        Assert.NotEqual(LabFigures.Square().GetPngBytes(), other.GetPngBytes());
    }

    [Fact]
    public void GetPngBytes_Header_SignatureAndRequestedSize()
    {
        var png = LabFigures.Square().GetPngBytes(320, 200);

        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 13, 10, 26, 10 }, png[..8]);
        Assert.Equal("IHDR"u8.ToArray(), png[12..16]);
        Assert.Equal(320, (png[16] << 24) | (png[17] << 16) | (png[18] << 8) | png[19]);
        Assert.Equal(200, (png[20] << 24) | (png[21] << 16) | (png[22] << 8) | png[23]);
    }

    [Theory]
    [InlineData(0, 480)]
    [InlineData(640, -1)]
    [InlineData(20000, 480)]
    public void GetPngBytes_InvalidSize_ThrowsOutOfRange(int width, int height)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Plot().GetPngBytes(width, height));
    }

    [Fact]
    public void SavePng_LabFigures_PngcheckFindsNoErrors()
    {
        var pngcheck = ExternalTools.PngCheck;
        Assert.SkipWhen(pngcheck is null, "pngcheck is not installed (apt-get install pngcheck)");

        foreach (var (name, plot) in new[] { ("square", LabFigures.Square()), ("relu", LabFigures.Relu()) })
        {
            var path = Artifacts.PathFor($"{name}.png");
            plot.SavePng(path);

            var (exit, output, error) = ExternalTools.Run(pngcheck!, ["-v", path]);

            Assert.True(exit == 0, $"pngcheck failed on {name}: {output}{error}");
            Assert.Contains("No errors detected", output);
            Assert.Contains("640 x 480", output);
        }
    }

    [Fact]
    public void SavePng_LabFigures_PillowDecodesTheRenderedPixels()
    {
        Assert.SkipUnless(ExternalTools.HasPillow, "Pillow is not installed for /usr/bin/python3 (apt-get install python3-pil)");

        foreach (var (name, plot) in new[] { ("square", LabFigures.Square()), ("relu", LabFigures.Relu()) })
        {
            var path = Artifacts.PathFor($"{name}.png");
            plot.SavePng(path);
            var (image, _) = LabFigures.Rasterize(plot);
            var expected = Convert.ToHexStringLower(SHA256.HashData(image.Pixels));

            var script = "import sys, hashlib; from PIL import Image; im = Image.open(sys.argv[1]); im.load(); "
                + "print(im.mode, im.size[0], im.size[1], hashlib.sha256(im.tobytes()).hexdigest())";
            var (exit, output, error) = ExternalTools.Run(ExternalTools.SystemPython, ["-c", script, path]);

            Assert.True(exit == 0, error);
            Assert.Equal($"RGB 640 480 {expected}", output.Trim());
        }
    }
}
