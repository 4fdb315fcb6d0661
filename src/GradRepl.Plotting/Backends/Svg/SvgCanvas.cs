using System.Globalization;
using System.Text;
using GradRepl.Plotting.Primitives;
using GradRepl.Plotting.Rendering;

namespace GradRepl.Plotting.Backends.Svg;

/// <summary>The vector backend: each drawing call becomes one SVG element; text stays text.</summary>
internal sealed class SvgCanvas : ICanvas
{
    private const string FontFamily = "'DejaVu Sans', 'Bitstream Vera Sans', Arial, Helvetica, sans-serif";

    private readonly StringBuilder _body = new();
    private readonly Dictionary<PixelRect, string> _clips = [];

    public SvgCanvas(int width, int height)
    {
        Width = width;
        Height = height;
    }

    public int Width { get; }

    public int Height { get; }

    public void Clear(Color color)
    {
        _body.Clear();
        _body.Append($"  <rect width=\"{Width}\" height=\"{Height}\"{Fill(color)}/>\n");
    }

    public void FillRectangle(PixelRect r, Color color) =>
        _body.Append($"  <rect x=\"{N(r.Left)}\" y=\"{N(r.Top)}\" width=\"{N(r.Width)}\" height=\"{N(r.Height)}\"{Fill(color)}/>\n");

    public void DrawRoundedRectangle(PixelRect r, float radius, Color fill, Color stroke, float strokeWidth) =>
        _body.Append($"  <rect x=\"{N(r.Left)}\" y=\"{N(r.Top)}\" width=\"{N(r.Width)}\" height=\"{N(r.Height)}\" rx=\"{N(radius)}\"{Fill(fill)}{Stroke(stroke, strokeWidth)}/>\n");

    public void StrokePolyline(PixelPoint[] points, Pen pen, PixelRect clip)
    {
        if (points.Length == 0 || pen.Width <= 0 || pen.Color.A == 0 || pen.Pattern == LinePattern.None)
        {
            return;
        }

        _body.Append("  <polyline points=\"");
        for (var i = 0; i < points.Length; i++)
        {
            _body.Append(i == 0 ? string.Empty : " ").Append(N(points[i].X)).Append(',').Append(N(points[i].Y));
        }

        _body.Append('"').Append(" fill=\"none\"").Append(Stroke(pen.Color, pen.Width)).Append(" stroke-linejoin=\"round\"");
        if (pen.DashArray is { } dashes)
        {
            _body.Append(" stroke-linecap=\"butt\" stroke-dasharray=\"").AppendJoin(' ', dashes.Select(N)).Append('"');
        }
        else
        {
            _body.Append(" stroke-linecap=\"square\"");
        }

        _body.Append(ClipAttribute(clip)).Append("/>\n");
    }

    public void FillCircle(PixelPoint center, float radius, Color color, PixelRect clip) =>
        _body.Append($"  <circle cx=\"{N(center.X)}\" cy=\"{N(center.Y)}\" r=\"{N(radius)}\"{Fill(color)}{ClipAttribute(clip)}/>\n");

    public void DrawText(string text, PixelPoint anchor, float size, Color color, TextAlign align, bool vertical)
    {
        var anchorName = align switch
        {
            TextAlign.Middle => "middle",
            TextAlign.End => "end",
            _ => "start",
        };
        var rotate = vertical ? $" transform=\"rotate(-90 {N(anchor.X)} {N(anchor.Y)})\"" : string.Empty;
        _body.Append($"  <text x=\"{N(anchor.X)}\" y=\"{N(anchor.Y)}\" font-family=\"{FontFamily}\" font-size=\"{N(size)}\" text-anchor=\"{anchorName}\"{Fill(color)}{rotate}>{Escape(text)}</text>\n");
    }

    public string ToXml()
    {
        var sb = new StringBuilder();
        sb.Append("<?xml version=\"1.0\" encoding=\"utf-8\" standalone=\"no\"?>\n");
        sb.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\">\n");
        if (_clips.Count > 0)
        {
            sb.Append(" <defs>\n");
            foreach (var (r, id) in _clips.OrderBy(kv => kv.Value, StringComparer.Ordinal))
            {
                sb.Append($"  <clipPath id=\"{id}\"><rect x=\"{N(r.Left)}\" y=\"{N(r.Top)}\" width=\"{N(r.Width)}\" height=\"{N(r.Height)}\"/></clipPath>\n");
            }

            sb.Append(" </defs>\n");
        }

        sb.Append(_body);
        sb.Append("</svg>\n");
        return sb.ToString();
    }

    private string ClipAttribute(PixelRect clip)
    {
        if (clip.Left <= 0 && clip.Top <= 0 && clip.Right >= Width && clip.Bottom >= Height)
        {
            return string.Empty;
        }

        if (!_clips.TryGetValue(clip, out var id))
        {
            id = "clip" + (_clips.Count + 1).ToString(CultureInfo.InvariantCulture);
            _clips[clip] = id;
        }

        return $" clip-path=\"url(#{id})\"";
    }

    private static string Fill(Color c) =>
        c.A == 255 ? $" fill=\"{c.ToHex()[..7]}\"" : $" fill=\"{c.ToHex()[..7]}\" fill-opacity=\"{N(c.A / 255f)}\"";

    private static string Stroke(Color c, float width) => c.A == 0 || width <= 0
        ? string.Empty
        : c.A == 255
            ? $" stroke=\"{c.ToHex()[..7]}\" stroke-width=\"{N(width)}\""
            : $" stroke=\"{c.ToHex()[..7]}\" stroke-opacity=\"{N(c.A / 255f)}\" stroke-width=\"{N(width)}\"";

    private static string N(float v) => v.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            switch (ch)
            {
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '&': sb.Append("&amp;"); break;
                case '"': sb.Append("&quot;"); break;
                default:
                    // characters XML 1.0 cannot carry at all are dropped
                    if (ch >= 0x20 || ch == '\t' || ch == '\n' || ch == '\r')
                    {
                        sb.Append(ch);
                    }

                    break;
            }
        }

        return sb.ToString();
    }
}
