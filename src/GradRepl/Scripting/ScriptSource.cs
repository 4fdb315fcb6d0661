using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;

namespace GradRepl.Scripting;

/// <summary>
/// A script's text plus what it pulls in with <c>#load</c> and <c>#r</c>, found by a light text scan (no Roslyn),
/// so the compile-cache key can be computed without loading the compiler.
/// </summary>
internal sealed class ScriptSource
{
    private ScriptSource(string path, string text, IReadOnlyList<string> loadedFiles, IReadOnlyList<string> references)
    {
        Path = path;
        Text = text;
        LoadedFiles = loadedFiles;
        References = references;
    }

    /// <summary>Full path of the main script.</summary>
    public string Path { get; }

    /// <summary>The text compiled for the main script (may differ from the file, e.g. check markers).</summary>
    public string Text { get; }

    /// <summary>Full paths of every file reached through <c>#load</c>, recursively.</summary>
    public IReadOnlyList<string> LoadedFiles { get; }

    /// <summary>Full paths of assemblies named by <c>#r</c> in any of the files.</summary>
    public IReadOnlyList<string> References { get; }

    /// <summary>Scans <paramref name="text"/> (the script at <paramref name="path"/>) for <c>#load</c> and <c>#r</c>.</summary>
    public static ScriptSource Create(string path, string text)
    {
        var fullPath = System.IO.Path.GetFullPath(path);
        var loaded = new List<string>();
        var references = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { fullPath };
        Scan(fullPath, text, loaded, references, seen);
        return new ScriptSource(fullPath, text, loaded, references);
    }

    /// <summary>
    /// The cache key: SHA-256 over the tool's identity (version and the build ids of the tool and prelude
    /// assemblies, so a rebuilt prelude invalidates entries), the runtime version, and every source file.
    /// </summary>
    public string ComputeCacheKey()
    {
        var hash = new Sha256();
        void Add(string s)
        {
            var bytes = Encoding.UTF8.GetBytes(s);
            hash.Append(BitConverter.GetBytes(bytes.Length));
            hash.Append(bytes);
        }

        Add("gradrepl-compile-cache-v1");
        Add(ToolIdentity.Value);
        Add(RuntimeInformation.FrameworkDescription);
        Add(Environment.Version.ToString());
        Add(Path);
        Add(Text);
        foreach (var file in LoadedFiles)
        {
            Add(file);
            Add(TryReadAllText(file) ?? "\0missing");
        }

        foreach (var reference in References)
        {
            Add(reference);
            var info = new FileInfo(reference);
            Add(info.Exists ? $"{info.Length}:{info.LastWriteTimeUtc.Ticks}" : "\0missing");
        }

        return ToHex(hash.Finish());
    }

    // Not Convert.ToHexStringLower: its vectorised encoder is JIT-compiled on every start (no ReadyToRun form).
    internal static string ToHex(byte[] bytes)
    {
        const string digits = "0123456789abcdef";
        var chars = new char[bytes.Length * 2];
        for (int i = 0; i < bytes.Length; i++)
        {
            chars[2 * i] = digits[bytes[i] >> 4];
            chars[(2 * i) + 1] = digits[bytes[i] & 0xF];
        }

        return new string(chars);
    }

    private static void Scan(string filePath, string text, List<string> loaded, List<string> references, HashSet<string> seen)
    {
        var directory = System.IO.Path.GetDirectoryName(filePath) ?? ".";
        // Lines split on '\n' by hand: EnumerateLines' search for every Unicode line break is JIT-compiled code (its
        // vectorised searcher has no ReadyToRun form) that costs a cache hit several milliseconds. A directive only
        // ever starts a line, so the other line breaks do not matter here.
        var rest = text.AsSpan();
        while (!rest.IsEmpty)
        {
            var end = rest.IndexOf('\n');
            var rawLine = end < 0 ? rest : rest[..end];
            rest = end < 0 ? [] : rest[(end + 1)..];
            var line = rawLine.Trim();
            bool isLoad = line.StartsWith("#load", StringComparison.Ordinal);
            bool isReference = !isLoad && line.StartsWith("#r", StringComparison.Ordinal) && line.Length > 2 && char.IsWhiteSpace(line[2]);
            if (!isLoad && !isReference) continue;

            var argument = QuotedArgument(line);
            if (argument is null || argument.Contains(':') && !System.IO.Path.IsPathRooted(argument)) continue; // e.g. "nuget:..."
            var resolved = System.IO.Path.GetFullPath(System.IO.Path.Combine(directory, argument));
            if (isReference)
            {
                if (!references.Contains(resolved)) references.Add(resolved);
                continue;
            }

            if (!seen.Add(resolved)) continue;
            loaded.Add(resolved);
            var content = TryReadAllText(resolved);
            if (content is not null) Scan(resolved, content, loaded, references, seen);
        }
    }

    private static string? QuotedArgument(ReadOnlySpan<char> line)
    {
        int open = line.IndexOf('"');
        if (open < 0) return null;
        int close = line[(open + 1)..].IndexOf('"');
        return close < 0 ? null : line.Slice(open + 1, close).ToString();
    }

    private static string? TryReadAllText(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}

/// <summary>Identifies this build of the tool for cache keys.</summary>
internal static class ToolIdentity
{
    /// <summary>The informational version plus the module version ids of the tool and prelude assemblies.</summary>
    public static string Value { get; } = Compute();

    /// <summary>The tool's version as shown by <c>--version</c>.</summary>
    public static string Version =>
        typeof(ToolIdentity).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    private static string Compute()
    {
        var sb = new StringBuilder(Version);
        foreach (var assembly in new[] { typeof(ToolIdentity).Assembly }.Concat(Prelude.DefaultImports.Assemblies))
        {
            // The id's bytes, not Guid.ToString(): that formatter is JIT-compiled on every start (no ReadyToRun form).
            sb.Append('|').Append(assembly.GetName().Name).Append(':').Append(ScriptSource.ToHex(assembly.ManifestModule.ModuleVersionId.ToByteArray()));
        }

        return sb.ToString();
    }
}
