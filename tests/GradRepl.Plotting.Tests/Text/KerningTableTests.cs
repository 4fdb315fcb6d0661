using GradRepl.Plotting.Text;

namespace GradRepl.Plotting.Tests.Text;

public sealed class KerningTableTests
{
    [Fact]
    public void Get_PairsAddedInAnyOrder_FindsEachAndZeroForOthers()
    {
        var table = new KerningTable();
        var pairs = new List<(int Left, int Right, short Value)>();
        var random = new Random(7);
        for (var i = 0; i < 300; i++)
        {
            pairs.Add((random.Next(0, 500), random.Next(0, 500), (short)random.Next(-200, 200)));
        }

        // a font's kern table lists pairs sorted, but nothing here may depend on it; a later pair replaces an earlier one
        var expected = new Dictionary<(int, int), short>();
        foreach (var (left, right, value) in pairs)
        {
            table.Set(left, right, value);
            expected[(left, right)] = value;
        }

        foreach (var ((left, right), value) in expected)
        {
            Assert.Equal(value, table.Get(left, right));
        }

        Assert.Equal(0, table.Get(600, 600));
    }

    [Fact]
    public void Kerning_DejaVuSans_KnownPair()
    {
        var face = Font.DejaVuSans.Face;

        // 'A' followed by 'V' is kerned closer in DejaVu Sans
        Assert.True(face.Kerning(face.GlyphIndex('A'), face.GlyphIndex('V')) < 0);
        Assert.Equal(0, face.Kerning(face.GlyphIndex('l'), face.GlyphIndex('l')));
    }
}
