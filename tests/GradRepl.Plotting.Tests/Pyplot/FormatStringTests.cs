using GradRepl.Plotting.Pyplot;
using ScottPlot;

namespace GradRepl.Plotting.Tests.Pyplot;

public sealed class FormatStringTests
{
    [Fact]
    public void Parse_ColourAndMarker_MarkersOnly()
    {
        var f = FormatString.Parse("rx");

        Assert.Equal(new Color(255, 0, 0), f.Color);
        Assert.Equal(MarkerShape.Eks, f.Marker);
        Assert.Null(f.Line);
    }

    [Fact]
    public void Parse_MarkerAndLine_Both()
    {
        var f = FormatString.Parse("o-");

        Assert.Null(f.Color);
        Assert.Equal(MarkerShape.FilledCircle, f.Marker);
        Assert.Equal(LinePattern.Solid, f.Line);
    }

    [Theory]
    [InlineData("b--", "Dashed")]
    [InlineData("k:", "Dotted")]
    [InlineData("-.", "DenselyDashed")]
    [InlineData("C1", "Solid")]
    [InlineData("", "Solid")]
    public void Parse_LineStyles(string format, string pattern)
    {
        Assert.Equal(pattern, FormatString.Parse(format).Line?.Name);
    }

    [Fact]
    public void Parse_CycleColour_Tab10()
    {
        Assert.Equal(Color.FromHex("#ff7f0e"), FormatString.Parse("C1").Color);
    }
}
