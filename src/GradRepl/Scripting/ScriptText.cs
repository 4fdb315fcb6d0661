using System.Text;

namespace GradRepl.Scripting;

/// <summary>
/// Reads a script file as text, refusing what is not text (NUL bytes, invalid UTF-8): compiled as C#, such a file
/// would give a thousand errors that echo its raw bytes, escape sequences included, to the terminal.
/// </summary>
internal static class ScriptText
{
    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Reads <paramref name="path"/>; returns null and sets <paramref name="problem"/> (e.g. "contains NUL bytes")
    /// when the file is not text. I/O errors are thrown as they are.
    /// </summary>
    public static string? Read(string path, out string? problem)
    {
        var bytes = File.ReadAllBytes(path);
        problem = null;
        // A file that says it is UTF-16 or UTF-32 is decoded as such (its ASCII letters would otherwise look like NULs).
        if (bytes is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..] or [0x00, 0x00, 0xFE, 0xFF, ..])
        {
            using var reader = new StreamReader(new MemoryStream(bytes), detectEncodingFromByteOrderMarks: true);
            return reader.ReadToEnd();
        }

        if (bytes.AsSpan().IndexOf((byte)0) >= 0)
        {
            problem = "it contains NUL bytes (a binary file?)";
            return null;
        }

        var start = bytes is [0xEF, 0xBB, 0xBF, ..] ? 3 : 0;
        try
        {
            return s_strictUtf8.GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException e)
        {
            problem = $"it is not UTF-8 text (invalid byte at offset {start + e.Index})";
            return null;
        }
    }
}
