namespace GradRepl.Plotting.Primitives;

/// <summary>Closed polygons (contours) in pixels, filled together with the non-zero winding rule.</summary>
internal sealed class PolygonSet
{
    private readonly PixelPointBuffer _points = new();
    private readonly List<int> _contourEnds = [];

    /// <summary>The points of all contours, one after the other (read them; add through this class).</summary>
    public PixelPointBuffer Points => _points;

    /// <summary>Exclusive end index in <see cref="Points"/> of each contour.</summary>
    public IReadOnlyList<int> ContourEnds => _contourEnds;

    public bool IsEmpty => _points.Count == 0;

    public void Add(PixelPoint p) => _points.Add(p);

    public void Add(float x, float y) => _points.Add(x, y);

    /// <summary>Closes the contour made of the points added since the last close.</summary>
    public void CloseContour()
    {
        var start = _contourEnds.Count == 0 ? 0 : _contourEnds[^1];
        if (_points.Count - start < 3)
        {
            _points.Truncate(start);
            return;
        }

        _contourEnds.Add(_points.Count);
    }

    public void Clear()
    {
        _points.Clear();
        _contourEnds.Clear();
    }

    public static PolygonSet Rectangle(PixelRect r)
    {
        var p = new PolygonSet();
        p.Add(r.Left, r.Top);
        p.Add(r.Right, r.Top);
        p.Add(r.Right, r.Bottom);
        p.Add(r.Left, r.Bottom);
        p.CloseContour();
        return p;
    }

    /// <summary>A circle approximated closely enough that no segment strays more than ~0.05 px.</summary>
    public void AddCircle(PixelPoint c, float radius)
    {
        var n = ArcSegments(radius, 2 * Math.PI);
        for (var i = 0; i < n; i++)
        {
            var a = 2 * Math.PI * i / n;
            Add(c.X + (float)(radius * Math.Cos(a)), c.Y + (float)(radius * Math.Sin(a)));
        }

        CloseContour();
    }

    /// <summary>Segments needed to draw an arc of <paramref name="sweep"/> radians with chord error below 0.05 px.</summary>
    public static int ArcSegments(float radius, double sweep)
    {
        if (radius <= 0.05f)
        {
            return 4;
        }

        var step = 2 * Math.Acos(Math.Max(0, 1 - 0.05 / radius));
        return Math.Clamp((int)Math.Ceiling(Math.Abs(sweep) / step), 2, 256);
    }
}
