using GradRepl.Plotting.Primitives;
using GradRepl.Plotting.Text;

namespace GradRepl.Plotting.Tests.Text;

public sealed class TrueTypeFontTests
{
    private static readonly TrueTypeFont s_face = Font.DejaVuSans.Face;

    [Fact]
    public void Header_EmbeddedDejaVuSans_MetricsAsFreeTypeReports()
    {
        // values read from the same file with matplotlib's FreeType wrapper (ft2font)
        Assert.Equal(2048, s_face.UnitsPerEm);
        Assert.Equal(1901, s_face.Ascender);
        Assert.Equal(-483, s_face.Descender);
    }

    [Theory]
    [InlineData('x', 91, 1212)]
    [InlineData('0', 19, 1303)]
    [InlineData('\u2212', 3229, 1716)]
    [InlineData('f', 73, 721)]
    public void GlyphIndexAndAdvance_KnownCharacters_MatchFreeType(char ch, int glyph, int advance)
    {
        var g = s_face.GlyphIndex(ch);

        Assert.Equal(glyph, g);
        Assert.Equal(advance, s_face.AdvanceWidth(g));
    }

    [Fact]
    public void GlyphIndex_LabCharacterSet_EveryCharacterHasAnOutline()
    {
        var required = Enumerable.Range(0x21, 0x7E - 0x20).Select(c => (char)c)
            .Concat("ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩαβγδεζηθικλμνξοπρστυφχψω²³∂′−·≤≥");

        foreach (var ch in required)
        {
            var g = s_face.GlyphIndex(ch);
            Assert.True(g != 0, $"no glyph for U+{(int)ch:X4} '{ch}'");
            Assert.True(s_face.Outline(g).Count > 0, $"empty outline for '{ch}'");
        }
    }

    [Fact]
    public void GlyphIndex_UnmappedCodePoint_MissingGlyph()
    {
        Assert.Equal(0, s_face.GlyphIndex(0xE000));
        Assert.Equal(0, s_face.GlyphIndex(0x1F600));
    }

    [Fact]
    public void Outline_CompositeGlyph_CombinesBaseAndAccent()
    {
        var e = s_face.Outline(s_face.GlyphIndex('e'));
        var eAcute = s_face.Outline(s_face.GlyphIndex('é'));

        Assert.True(eAcute.Count > e.Count, "é should have the contours of e plus the accent's");
        Assert.True(eAcute.SelectMany(c => c).Max(p => p.Y) > e.SelectMany(c => c).Max(p => p.Y) + 200, "the accent sits above the e");
    }

    [Fact]
    public void AppendText_String_ContoursAdvanceLeftToRight()
    {
        var polygons = new PolygonSet();
        Font.DejaVuSans.AppendText(polygons, "ll", 10, 50, 20, vertical: false);

        var xs = polygons.Points.ToArray().Select(p => p.X).ToList();
        var width = Font.DejaVuSans.Width("ll", 20);

        Assert.Equal(2, polygons.ContourEnds.Count);
        Assert.InRange(xs.Min(), 10, 10 + width);
        Assert.InRange(xs.Max(), 10 + (width / 2), 10 + width);
        Assert.All(polygons.Points.ToArray(), p => Assert.InRange(p.Y, 50 - 20, 50.01f));
    }

    [Fact]
    public void AppendText_Vertical_ReadsUpwards()
    {
        var polygons = new PolygonSet();
        Font.DejaVuSans.AppendText(polygons, "ll", 50, 100, 20, vertical: true);

        Assert.All(polygons.Points.ToArray(), p => Assert.InRange(p.Y, 100 - Font.DejaVuSans.Width("ll", 20), 100.01f));
        Assert.All(polygons.Points.ToArray(), p => Assert.InRange(p.X, 50 - 20, 50.01f));
    }
}
