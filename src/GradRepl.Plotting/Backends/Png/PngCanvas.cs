using GradRepl.Plotting.Primitives;
using GradRepl.Plotting.Rendering;
using GradRepl.Plotting.Text;

namespace GradRepl.Plotting.Backends.Png;

/// <summary>The raster backend: every drawing call becomes polygons filled by the <see cref="Rasterizer"/>.</summary>
internal sealed class PngCanvas : ICanvas
{
    private readonly Rasterizer _rasterizer = new();
    private readonly PolygonSet _scratch = new();
    private readonly PixelRect _bounds;

    public PngCanvas(int width, int height)
    {
        Image = new RgbImage(width, height);
        _bounds = new PixelRect(0, 0, width, height);
    }

    public RgbImage Image { get; }

    public int Width => Image.Width;

    public int Height => Image.Height;

    public void Clear(Color color) => Image.Clear(color);

    public void FillRectangle(PixelRect rect, Color color) =>
        _rasterizer.Fill(Image, PolygonSet.Rectangle(rect), color, _bounds);

    public void DrawRoundedRectangle(PixelRect rect, float radius, Color fill, Color stroke, float strokeWidth)
    {
        var outline = RoundedOutline(rect, radius);
        if (fill.A > 0)
        {
            _scratch.Clear();
            for (var i = 0; i < outline.Count; i++)
            {
                _scratch.Add(outline[i]);
            }

            _scratch.CloseContour();
            _rasterizer.Fill(Image, _scratch, fill, _bounds);
        }

        if (stroke.A > 0 && strokeWidth > 0)
        {
            // a ring: the outline grown and shrunk by half the width, the inner one wound the other way
            _scratch.Clear();
            var hw = strokeWidth / 2;
            var outer = RoundedOutline(rect.Inflate(hw), radius + hw);
            for (var i = 0; i < outer.Count; i++)
            {
                _scratch.Add(outer[i]);
            }

            _scratch.CloseContour();
            var inner = RoundedOutline(rect.Inflate(-hw), Math.Max(0, radius - hw));
            for (var i = inner.Count - 1; i >= 0; i--)
            {
                _scratch.Add(inner[i]);
            }

            _scratch.CloseContour();
            _rasterizer.Fill(Image, _scratch, stroke, _bounds);
        }
    }

    public void StrokePolyline(PixelPoint[] points, Pen pen, PixelRect clip)
    {
        if (pen.Width <= 0 || pen.Color.A == 0 || pen.Pattern == LinePattern.None)
        {
            return;
        }

        _scratch.Clear();
        if (pen.DashArray is { } dashes)
        {
            foreach (var piece in Dasher.Split(points, dashes))
            {
                Stroker.Stroke(piece, pen.Width, Stroker.Cap.Butt, _scratch);
            }
        }
        else
        {
            Stroker.Stroke(points, pen.Width, Stroker.Cap.Square, _scratch);
        }

        _rasterizer.Fill(Image, _scratch, pen.Color, clip.Intersect(_bounds));
    }

    public void FillCircle(PixelPoint center, float radius, Color color, PixelRect clip)
    {
        _scratch.Clear();
        _scratch.AddCircle(center, radius);
        _rasterizer.Fill(Image, _scratch, color, clip.Intersect(_bounds));
    }

    public void DrawText(string text, PixelPoint anchor, float size, Color color, TextAlign align, bool vertical)
    {
        var font = Font.DejaVuSans;
        var shift = align switch
        {
            TextAlign.Middle => font.Width(text, size) / 2,
            TextAlign.End => font.Width(text, size),
            _ => 0,
        };
        _scratch.Clear();
        if (vertical)
        {
            font.AppendText(_scratch, text, anchor.X, anchor.Y + shift, size, vertical: true);
        }
        else
        {
            font.AppendText(_scratch, text, anchor.X - shift, anchor.Y, size, vertical: false);
        }

        _rasterizer.Fill(Image, _scratch, color, _bounds);
    }

    private static PixelPointBuffer RoundedOutline(PixelRect r, float radius)
    {
        radius = Math.Min(radius, Math.Min(r.Width, r.Height) / 2);
        var n = PolygonSet.ArcSegments(radius, Math.PI / 2);
        var points = new PixelPointBuffer(4 * (n + 1));

        // corners clockwise on screen from the top-left one: centre, starting angle
        void Corner(float cx, float cy, double a0)
        {
            for (var k = 0; k <= n; k++)
            {
                var a = a0 + (Math.PI / 2 * k / n);
                points.Add(cx + (float)(radius * Math.Cos(a)), cy + (float)(radius * Math.Sin(a)));
            }
        }

        Corner(r.Left + radius, r.Top + radius, Math.PI);
        Corner(r.Right - radius, r.Top + radius, 1.5 * Math.PI);
        Corner(r.Right - radius, r.Bottom - radius, 0);
        Corner(r.Left + radius, r.Bottom - radius, 0.5 * Math.PI);
        return points;
    }
}
