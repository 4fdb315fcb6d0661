using GradRepl.Plotting.Backends.Png;
using GradRepl.Plotting.Primitives;

namespace GradRepl.Plotting.Tests.Backends.Png;

public sealed class RasterizerTests
{
    private static readonly PixelRect Everything = new(0, 0, 100, 100);

    /// <summary>Coverage of pixel (x, y) after painting black over white: 0 (white) to 1 (black).</summary>
    private static float Coverage(RgbImage image, int x, int y) => (255 - image.GetPixel(x, y).R) / 255f;

    private static RgbImage Fill(PolygonSet polygons, PixelRect? clip = null)
    {
        var image = new RgbImage(40, 40);
        image.Clear(Color.White);
        new Rasterizer().Fill(image, polygons, Color.Black, clip ?? Everything);
        return image;
    }

    [Fact]
    public void Fill_RectangleWithFractionalEdges_EdgePixelsCoveredByTheirExactArea()
    {
        var image = Fill(PolygonSet.Rectangle(new PixelRect(10.25f, 5.5f, 20.75f, 15)));

        Assert.Equal(0.75f, Coverage(image, 10, 10), 0.01f);
        Assert.Equal(1f, Coverage(image, 15, 10), 0.01f);
        Assert.Equal(0.75f, Coverage(image, 20, 10), 0.01f);
        Assert.Equal(0.5f, Coverage(image, 15, 5), 0.01f);
        Assert.Equal(0.375f, Coverage(image, 10, 5), 0.01f);
        Assert.Equal(0f, Coverage(image, 21, 10), 0.01f);
        Assert.Equal(0f, Coverage(image, 15, 15), 0.01f);
    }

    [Fact]
    public void Fill_Diagonal_PixelOnTheEdgeHalfCovered()
    {
        var triangle = new PolygonSet();
        triangle.Add(0, 0);
        triangle.Add(30, 0);
        triangle.Add(0, 30);
        triangle.CloseContour();

        var image = Fill(triangle);

        // the edge x + y = 30 cuts pixel (14, 15) along its diagonal
        Assert.Equal(0.5f, Coverage(image, 14, 15), 0.01f);
        Assert.Equal(1f, Coverage(image, 13, 15), 0.01f);
        Assert.Equal(0f, Coverage(image, 15, 15), 0.01f);
    }

    [Fact]
    public void Fill_OverlappingContoursSameDirection_NonZeroFillsOnceNotTwice()
    {
        var polygons = new PolygonSet();
        foreach (var r in new[] { new PixelRect(5, 5, 20, 20), new PixelRect(10, 10, 25, 25) })
        {
            polygons.Add(r.Left, r.Top);
            polygons.Add(r.Right, r.Top);
            polygons.Add(r.Right, r.Bottom);
            polygons.Add(r.Left, r.Bottom);
            polygons.CloseContour();
        }

        var image = Fill(polygons);

        Assert.Equal(1f, Coverage(image, 15, 15), 0.01f);
        Assert.Equal(1f, Coverage(image, 7, 7), 0.01f);
    }

    [Fact]
    public void Fill_InnerContourReversed_LeavesAHole()
    {
        var ring = new PolygonSet();
        ring.Add(5, 5);
        ring.Add(30, 5);
        ring.Add(30, 30);
        ring.Add(5, 30);
        ring.CloseContour();
        ring.Add(10, 10);
        ring.Add(10, 25);
        ring.Add(25, 25);
        ring.Add(25, 10);
        ring.CloseContour();

        var image = Fill(ring);

        Assert.Equal(0f, Coverage(image, 17, 17), 0.01f);
        Assert.Equal(1f, Coverage(image, 7, 17), 0.01f);
    }

    [Fact]
    public void Fill_ClipRectangle_NothingPaintedOutsideAndEdgeCoverageExact()
    {
        var image = Fill(PolygonSet.Rectangle(new PixelRect(-50, 2, 90, 30)), clip: new PixelRect(10.5f, 0, 20, 40));

        Assert.Equal(0f, Coverage(image, 9, 10), 0.01f);
        Assert.Equal(0.5f, Coverage(image, 10, 10), 0.01f);
        Assert.Equal(1f, Coverage(image, 15, 10), 0.01f);
        Assert.Equal(0f, Coverage(image, 20, 10), 0.01f);
    }

    [Fact]
    public void Stroke_HorizontalLine_ColumnCoverageSumsToTheWidth()
    {
        var polygons = new PolygonSet();
        Stroker.Stroke([new PixelPoint(5, 20.3f), new PixelPoint(35, 20.3f)], 2.5f, Stroker.Cap.Butt, polygons);

        var image = Fill(polygons);
        var column = Enumerable.Range(0, 40).Sum(y => Coverage(image, 20, y));

        Assert.Equal(2.5f, column, 0.02f);
        Assert.Equal(0f, Coverage(image, 3, 20), 0.01f);
    }

    [Fact]
    public void Stroke_SharpZigZag_NoHolesAtTheJoins()
    {
        var polygons = new PolygonSet();
        PixelPoint[] zigzag = [new(5, 30), new(12, 5), new(19, 30), new(26, 5), new(33, 30)];
        Stroker.Stroke(zigzag, 3, Stroker.Cap.Square, polygons);

        var image = Fill(polygons);

        foreach (var p in zigzag)
        {
            Assert.Equal(1f, Coverage(image, (int)p.X, (int)p.Y), 0.01f);
        }
    }

    [Fact]
    public void Crc32_CheckValue_MatchesTheStandard()
    {
        Assert.Equal(0xCBF43926u, Crc32.Compute("123456789"u8));
    }
}
