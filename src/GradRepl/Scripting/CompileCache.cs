using System.Text;

namespace GradRepl.Scripting;

/// <summary>
/// Compiled scripts on disk, one file per cache key. An entry is <c>magic, version, entry type, entry method,
/// image, symbols, warnings</c> followed by a SHA-256 (<see cref="Sha256"/>) of all that, so a truncated or corrupted entry is detected before
/// anything is loaded, ignored and rebuilt. Entries are written to a temporary name and renamed into place,
/// so concurrent runs of the same script never see half an entry.
/// </summary>
internal sealed class CompileCache
{
    private const string Magic = "GRSC";
    // 2: entries carry the host's warnings.
    private const int FormatVersion = 2;

    /// <summary>Creates a cache rooted at <paramref name="directory"/>.</summary>
    public CompileCache(string directory)
    {
        Directory = directory;
    }

    /// <summary>Where entries live.</summary>
    public string Directory { get; }

    /// <summary>The default location: <c>$XDG_CACHE_HOME/gradrepl</c>, else <c>~/.cache/gradrepl</c>.</summary>
    public static string DefaultDirectory()
    {
        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        var root = !string.IsNullOrEmpty(xdg) && Path.IsPathRooted(xdg)
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return Path.Combine(root, "gradrepl");
    }

    /// <summary>The file an entry for <paramref name="key"/> is stored in.</summary>
    public string EntryPath(string key) => Path.Combine(Directory, key + ".gsc");

    /// <summary>Reads the entry for <paramref name="key"/>; null when absent, unreadable or corrupt (a corrupt one is deleted).</summary>
    public CompiledScript? TryRead(string key)
    {
        var path = EntryPath(key);
        byte[] bytes;
        try
        {
            if (!File.Exists(path)) return null;
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        var entry = Decode(bytes);
        if (entry is null) TryDelete(path);
        return entry;
    }

    /// <summary>Stores <paramref name="script"/> under <paramref name="key"/>; failures (read-only disk, full disk) are ignored.</summary>
    public void TryWrite(string key, CompiledScript script)
    {
        string? temp = null;
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
            temp = Path.Combine(Directory, $"{key}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
            File.WriteAllBytes(temp, Encode(script));
            File.Move(temp, EntryPath(key), overwrite: true);
            temp = null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A cache that cannot be written only costs time.
        }
        finally
        {
            if (temp is not null) TryDelete(temp);
        }
    }

    internal static byte[] Encode(CompiledScript script)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(FormatVersion);
            script.WriteTo(writer);
        }

        var body = stream.ToArray();
        return [.. body, .. Sha256.Hash(body)];
    }

    internal static CompiledScript? Decode(byte[] bytes)
    {
        const int hashLength = Sha256.HashLength;
        if (bytes.Length <= hashLength) return null;
        var body = bytes.AsSpan(0, bytes.Length - hashLength);
        if (!Sha256.Hash(body).AsSpan().SequenceEqual(bytes.AsSpan(bytes.Length - hashLength))) return null;

        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes, 0, body.Length), Encoding.UTF8);
            if (reader.ReadString() != Magic || reader.ReadInt32() != FormatVersion) return null;
            return CompiledScript.ReadFrom(reader);
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Another run may be replacing it; harmless.
        }
    }
}
