using System.Globalization;
using System.Text.RegularExpressions;
using GradRepl.Plotting.Terminal;
using GradRepl.Plotting.Tests.Support;

namespace GradRepl.Plotting.Tests.Terminal;

public sealed partial class ITerm2ImageTests
{
    [GeneratedRegex(@"^\x1b\]1337;File=([^:]*):([A-Za-z0-9+/=]*)\x07$")]
    private static partial Regex Escape();

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(25_000)]
    public void Encode_AnySize_SizeFieldIsTheByteCountAndPayloadDecodesToTheBytes(int size)
    {
        var png = Enumerable.Range(0, size).Select(i => (byte)(i * 13)).ToArray();

        var match = Escape().Match(ITerm2Image.Encode(png));

        Assert.True(match.Success);
        var fields = match.Groups[1].Value.Split(';').Select(f => f.Split('=')).ToDictionary(f => f[0], f => f[1]);
        Assert.Equal("1", fields["inline"]);
        Assert.Equal(size, int.Parse(fields["size"], CultureInfo.InvariantCulture));
        Assert.Equal(png, Convert.FromBase64String(match.Groups[2].Value));
    }

    [Fact]
    public void RenderTerminalImage_ITerm2_PayloadIsTheFiguresPng()
    {
        var figure = LabFigures.Relu();

        var match = Escape().Match(figure.RenderTerminalImage(TerminalImageProtocol.ITerm2));

        Assert.True(match.Success);
        Assert.Equal(figure.GetImageBytes(Plotting.Output.ImageFileFormat.Png), Convert.FromBase64String(match.Groups[2].Value));
    }
}
