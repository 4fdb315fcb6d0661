using System.Buffers.Binary;
using System.IO.Compression;

namespace GradRepl.Plotting.Backends.Png;

/// <summary>
/// Writes an <see cref="RgbImage"/> as an 8-bit truecolour PNG: signature, IHDR, one IDAT (zlib through
/// <see cref="ZLibStream"/>, fastest level), IEND. Same image, same bytes.
/// </summary>
internal static class PngEncoder
{
    private static readonly byte[] s_signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static byte[] Encode(RgbImage image)
    {
        var output = new MemoryStream();
        output.Write(s_signature);

        Span<byte> header = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, image.Width);
        BinaryPrimitives.WriteInt32BigEndian(header[4..], image.Height);
        header[8] = 8; // bit depth
        header[9] = 2; // colour type: truecolour
        header[10] = 0; // deflate
        header[11] = 0; // adaptive filtering
        header[12] = 0; // no interlace
        WriteChunk(output, "IHDR"u8, header);
        WriteChunk(output, "IDAT"u8, Compress(image));
        WriteChunk(output, "IEND"u8, []);
        return output.ToArray();
    }

    private static byte[] Compress(RgbImage image)
    {
        // Every row uses the Up filter (residual against the row above; the first row against zeros).
        // Plots are mostly flat colour with horizontal structure, so Up compresses within a few percent of
        // libpng's adaptive choice at a fraction of the cost, and it vectorises.
        var rowBytes = image.Width * 3;
        var filtered = new byte[(rowBytes + 1) * image.Height];
        var pixels = image.Pixels.AsSpan();
        for (var y = 0; y < image.Height; y++)
        {
            var dst = filtered.AsSpan(y * (rowBytes + 1), rowBytes + 1);
            dst[0] = 2;
            var row = pixels.Slice(y * rowBytes, rowBytes);
            if (y == 0)
            {
                row.CopyTo(dst[1..]);
            }
            else
            {
                Subtract(row, pixels.Slice((y - 1) * rowBytes, rowBytes), dst[1..]);
            }
        }

        var compressed = new MemoryStream();
        using (var z = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            z.Write(filtered);
        }

        return compressed.ToArray();
    }

    private static void Subtract(ReadOnlySpan<byte> row, ReadOnlySpan<byte> prior, Span<byte> into)
    {
        // Eight bytes at a time in a ulong, each byte subtracted modulo 256 without borrowing from its neighbour
        // (Hacker's Delight 2-18). Not Vector<T> or Vector128: the runtime rejects precompiled (ReadyToRun) code
        // using them on this machine, so the JIT compiled this method in every process (bench/README.md, "Start-up").
        const ulong High = 0x8080808080808080;
        var i = 0;
        for (; i <= row.Length - sizeof(ulong); i += sizeof(ulong))
        {
            var a = BinaryPrimitives.ReadUInt64LittleEndian(row[i..]);
            var b = BinaryPrimitives.ReadUInt64LittleEndian(prior[i..]);
            BinaryPrimitives.WriteUInt64LittleEndian(into[i..], ((a | High) - (b & ~High)) ^ ((a ^ ~b) & High));
        }

        for (; i < row.Length; i++)
        {
            into[i] = (byte)(row[i] - prior[i]);
        }
    }

    private static void WriteChunk(Stream output, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        output.Write(word);
        output.Write(type);
        output.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(word, Crc32.Compute(data, Crc32.Compute(type)));
        output.Write(word);
    }
}
