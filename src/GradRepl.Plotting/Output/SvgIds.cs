using System.Text;
using System.Text.RegularExpressions;

namespace GradRepl.Plotting.Output;

/// <summary>
/// SkiaSharp numbers an SVG's clip paths with a hexadecimal counter shared by the whole process (<c>cl_3</c>, then <c>cl_8</c>);
/// renumbering them from 1 in order of appearance makes the same figure give the same bytes every time.
/// </summary>
internal static partial class SvgIds
{
    public static byte[] Renumber(byte[] svg)
    {
        var text = Encoding.UTF8.GetString(svg);
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        var renumbered = ClipId().Replace(text, m =>
        {
            if (!ids.TryGetValue(m.Value, out var id))
            {
                id = $"cl_{ids.Count + 1}";
                ids.Add(m.Value, id);
            }

            return id;
        });
        return Encoding.UTF8.GetBytes(renumbered);
    }

    [GeneratedRegex(@"\bcl_[0-9a-f]+\b")]
    private static partial Regex ClipId();
}
