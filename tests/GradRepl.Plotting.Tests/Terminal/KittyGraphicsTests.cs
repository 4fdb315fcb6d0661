using System.Text.RegularExpressions;
using GradRepl.Plotting.Terminal;
using GradRepl.Plotting.Tests.Support;

namespace GradRepl.Plotting.Tests.Terminal;

public sealed partial class KittyGraphicsTests
{
    // one APC escape: ESC _G, keys, ';', payload, ESC \
    [GeneratedRegex(@"\x1b_G([^;\x1b]*);([^\x1b]*)\x1b\\")]
    private static partial Regex Chunk();

    private static byte[] Bytes(int count) => Enumerable.Range(0, count).Select(i => (byte)(i * 7)).ToArray();

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    [InlineData(3072)] // exactly one full chunk of base64
    [InlineData(3073)]
    [InlineData(25_000)]
    public void Encode_AnySize_ChunksOfAtMost4096WithMoreFlagsAndPayloadDecodingToTheBytes(int size)
    {
        var png = Bytes(size);

        var text = KittyGraphics.Encode(png);

        var chunks = Chunk().Matches(text);
        Assert.Equal(text.Length, chunks.Sum(c => c.Length));
        Assert.Equal(Math.Max(1, (int)Math.Ceiling(Math.Ceiling(size / 3.0) * 4 / 4096)), chunks.Count);
        for (var i = 0; i < chunks.Count; i++)
        {
            var keys = chunks[i].Groups[1].Value.Split(',');
            var payload = chunks[i].Groups[2].Value;
            Assert.True(payload.Length <= 4096, $"chunk {i} holds {payload.Length} characters");
            Assert.Contains(i == chunks.Count - 1 ? "m=0" : "m=1", keys);
            Assert.Contains("q=2", keys);
            if (i < chunks.Count - 1) Assert.Equal(0, payload.Length % 4);
            if (i == 0) Assert.Equal(["a=T", "f=100"], keys.Where(k => k is "a=T" or "f=100"));
            else Assert.DoesNotContain(keys, k => k.StartsWith("a=", StringComparison.Ordinal) || k.StartsWith("f=", StringComparison.Ordinal));
        }

        Assert.Equal(png, Convert.FromBase64String(string.Concat(chunks.Select(c => c.Groups[2].Value))));
    }

    [Fact]
    public void RenderTerminalImage_Kitty_PayloadIsTheFiguresPng()
    {
        var figure = LabFigures.Square();

        var text = figure.RenderTerminalImage(TerminalImageProtocol.Kitty);

        var payload = string.Concat(Chunk().Matches(text).Select(c => c.Groups[2].Value));
        Assert.Equal(figure.GetImageBytes(Plotting.Output.ImageFileFormat.Png), Convert.FromBase64String(payload));
    }

    [Fact]
    public void RenderTerminalImage_None_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LabFigures.Square().RenderTerminalImage(TerminalImageProtocol.None));
    }
}
