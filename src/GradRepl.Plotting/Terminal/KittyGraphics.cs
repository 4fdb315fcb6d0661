using System.Text;

namespace GradRepl.Plotting.Terminal;

/// <summary>
/// The kitty graphics protocol: a PNG sent as base64 in APC escapes (<c>ESC _G keys;payload ESC \</c>), at most 4096
/// bytes of payload each. The first chunk carries the keys (<c>a=T</c> transmit and show, <c>f=100</c> PNG,
/// <c>q=2</c> no replies: a reply would arrive as typed input); every chunk says whether more follow (<c>m=1</c>) or
/// not (<c>m=0</c>). The terminal draws the image at the cursor and leaves the cursor after its last cell.
/// </summary>
public static class KittyGraphics
{
    /// <summary>The largest payload of one escape, in base64 characters (a multiple of 4, as the protocol requires).</summary>
    public const int ChunkSize = 4096;

    /// <summary>The escapes that draw <paramref name="png"/> at the cursor.</summary>
    /// <param name="png">The bytes of a PNG file.</param>
    public static string Encode(ReadOnlySpan<byte> png)
    {
        var payload = Convert.ToBase64String(png);
        var sb = new StringBuilder(payload.Length + (payload.Length / ChunkSize * 16) + 32);
        for (var start = 0; start == 0 || start < payload.Length; start += ChunkSize)
        {
            var length = Math.Min(ChunkSize, payload.Length - start);
            var more = start + length < payload.Length ? 1 : 0;
            sb.Append("\u001b_G");
            if (start == 0)
            {
                sb.Append("a=T,f=100,");
            }

            sb.Append("q=2,m=").Append(more).Append(';').Append(payload, start, length).Append("\u001b\\");
        }

        return sb.ToString();
    }
}
