namespace GradRepl.Plotting.Tests;

public sealed class ColorTests
{
    [Theory]
    [InlineData("#1f77b4", 0x1f, 0x77, 0xb4, 255)]
    [InlineData("ff7f0e80", 0xff, 0x7f, 0x0e, 0x80)]
    public void FromHex_ValidText_Parsed(string hex, int r, int g, int b, int a)
    {
        Assert.Equal(new Color((byte)r, (byte)g, (byte)b, (byte)a), Color.FromHex(hex));
    }

    [Theory]
    [InlineData("#12345")]
    [InlineData("#gg0000")]
    [InlineData("")]
    public void FromHex_InvalidText_ThrowsFormatException(string hex)
    {
        Assert.Throws<FormatException>(() => Color.FromHex(hex));
    }

    [Fact]
    public void ToHex_RoundTrips()
    {
        Assert.Equal("#2ca02c", Color.FromHex("#2CA02C").ToHex());
        Assert.Equal("#2ca02c80", Color.FromHex("#2ca02c").WithAlpha(0.5).ToHex());
    }
}
