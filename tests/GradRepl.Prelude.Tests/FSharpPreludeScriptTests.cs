using System.Buffers.Binary;
using System.IO.Compression;
using GradRepl.TestSupport;

namespace GradRepl.Prelude.Tests;

/// <summary>
/// Runs tests/fsharp/prelude.fsx, the README's "From F#" example, under <c>dotnet fsi</c> against the prelude this
/// test project built: its prints must be PyTorch's (Data/fsharp-prelude.expected.txt, made by fsharp-prelude.py)
/// and its figure a PNG that decodes.
/// </summary>
public sealed class FSharpPreludeScriptTests : IDisposable
{
    private readonly string _workingDirectory = Directory.CreateTempSubdirectory("gradrepl-fsx-").FullName;

    public void Dispose() => Directory.Delete(_workingDirectory, recursive: true);

    [Fact]
    public async Task PreludeScript_UnderDotnetFsi_PrintsAsPyTorchAndSavesAFigure()
    {
        var script = Path.Combine(RepositoryPaths.Root, "tests", "fsharp", "prelude.fsx");

        var result = await DotnetFsi.RunAsync(script, [$"--lib:{AppContext.BaseDirectory}"], _workingDirectory);

        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        var expected = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "fsharp-prelude.expected.txt"));
        Assert.Equal(expected, result.Stdout);
        var (width, height) = DecodePng(Path.Combine(_workingDirectory, "plots", "fsharp-relu.png"));
        Assert.Equal((640, 480), (width, height));
    }

    // Reads the PNG's chunks (checking each CRC), inflates its image data and checks it holds exactly one filtered
    // row per line: a file that passes was written whole and decodes.
    private static (int Width, int Height) DecodePng(string path)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A], bytes[..8]);
        int width = 0, height = 0, channels = 0;
        using var idat = new MemoryStream();
        for (int at = 8; at < bytes.Length;)
        {
            int length = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(at));
            var type = System.Text.Encoding.ASCII.GetString(bytes, at + 4, 4);
            var data = bytes.AsSpan(at + 8, length);
            Assert.Equal(BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(at + 8 + length)), Crc32(bytes.AsSpan(at + 4, length + 4)));
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                Assert.Equal(8, data[8]);
                channels = data[9] switch { 0 => 1, 2 => 3, 4 => 2, 6 => 4, _ => throw new InvalidDataException($"colour type {data[9]}") };
            }
            else if (type == "IDAT")
            {
                idat.Write(data);
            }

            at += 12 + length;
            if (type == "IEND") break;
        }

        idat.Position = 0;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(idat, CompressionMode.Decompress)) zlib.CopyTo(inflated);
        var pixels = inflated.ToArray();
        int stride = 1 + width * channels;
        Assert.Equal(height * stride, pixels.Length);
        for (int row = 0; row < height; row++) Assert.InRange(pixels[row * stride], 0, 4);
        return (width, height);
    }

    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in data)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320 ^ (crc >> 1) : crc >> 1;
        }

        return ~crc;
    }
}
