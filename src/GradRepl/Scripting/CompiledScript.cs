namespace GradRepl.Scripting;

/// <summary>A script compiled to an assembly image: what the compile cache stores and the executor loads.</summary>
/// <param name="Image">The PE image.</param>
/// <param name="Symbols">The portable PDB (gives script line numbers in exceptions).</param>
/// <param name="EntryTypeName">Metadata name of the submission class, e.g. <c>Submission#0</c>.</param>
/// <param name="EntryMethodName">The script's factory method, e.g. <c>&lt;Factory&gt;</c>.</param>
internal sealed record CompiledScript(byte[] Image, byte[] Symbols, string EntryTypeName, string EntryMethodName)
{
    /// <summary>
    /// The host's warnings about the script (<see cref="TensorCompoundAssignments"/>), kept with the image so that a
    /// run from the compile cache or the compile server shows them as a fresh compile does.
    /// </summary>
    public IReadOnlyList<ScriptDiagnostic> Warnings { get; init; } = [];

    /// <summary>
    /// Writes the entry type and method names, the image and the symbols, each after its length, then the warnings
    /// after their count: the form of a compile cache entry's body and of the compile server's reply.
    /// </summary>
    public void WriteTo(BinaryWriter writer)
    {
        writer.Write(EntryTypeName);
        writer.Write(EntryMethodName);
        writer.Write(Image.Length);
        writer.Write(Image);
        writer.Write(Symbols.Length);
        writer.Write(Symbols);
        ScriptDiagnostic.WriteAll(writer, Warnings);
    }

    /// <summary>Reads what <see cref="WriteTo"/> wrote; <see cref="EndOfStreamException"/> when the bytes run out.</summary>
    public static CompiledScript ReadFrom(BinaryReader reader)
    {
        var typeName = reader.ReadString();
        var methodName = reader.ReadString();
        var image = ReadBytes(reader);
        var symbols = ReadBytes(reader);
        return new CompiledScript(image, symbols, typeName, methodName) { Warnings = ScriptDiagnostic.ReadAll(reader) };
    }

    private static byte[] ReadBytes(BinaryReader reader)
    {
        var length = reader.ReadInt32();
        var bytes = reader.ReadBytes(length);
        if (bytes.Length != length) throw new EndOfStreamException();
        return bytes;
    }
}

/// <summary>One compiler or host diagnostic, already resolved to a file, position and source line.</summary>
/// <param name="Path">Full path of the file the diagnostic is in.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
/// <param name="Id">E.g. <c>CS0103</c>.</param>
/// <param name="Message">The compiler's message.</param>
/// <param name="SourceLine">The text of the offending line (without newline), or null.</param>
/// <param name="Length">Length of the span on that line (at least 1).</param>
/// <param name="IsWarning">True for a warning (the script still runs), false for an error.</param>
/// <param name="Hint">The line shown under it, when the host knows what to write instead; else <see cref="CompileHints"/> may have one.</param>
internal sealed record ScriptDiagnostic(string Path, int Line, int Column, string Id, string Message, string? SourceLine, int Length, bool IsWarning = false, string? Hint = null)
{
    /// <summary>Writes <paramref name="diagnostics"/> after their count (cache entries, compile server replies).</summary>
    public static void WriteAll(BinaryWriter writer, IReadOnlyList<ScriptDiagnostic> diagnostics)
    {
        writer.Write(diagnostics.Count);
        foreach (var d in diagnostics)
        {
            writer.Write(d.Path);
            writer.Write(d.Line);
            writer.Write(d.Column);
            writer.Write(d.Id);
            writer.Write(d.Message);
            WriteOptional(writer, d.SourceLine);
            writer.Write(d.Length);
            writer.Write(d.IsWarning);
            WriteOptional(writer, d.Hint);
        }
    }

    /// <summary>Reads what <see cref="WriteAll"/> wrote; <see cref="EndOfStreamException"/> when the bytes run out.</summary>
    public static List<ScriptDiagnostic> ReadAll(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        if (count < 0) throw new EndOfStreamException();
        var result = new List<ScriptDiagnostic>(Math.Min(count, 1024));
        for (var i = 0; i < count; i++)
        {
            result.Add(new ScriptDiagnostic(
                reader.ReadString(), reader.ReadInt32(), reader.ReadInt32(), reader.ReadString(), reader.ReadString(),
                ReadOptional(reader), reader.ReadInt32(), reader.ReadBoolean(), ReadOptional(reader)));
        }

        return result;
    }

    private static void WriteOptional(BinaryWriter writer, string? text)
    {
        writer.Write(text is not null);
        if (text is not null) writer.Write(text);
    }

    private static string? ReadOptional(BinaryReader reader) => reader.ReadBoolean() ? reader.ReadString() : null;
}

/// <summary>The result of compiling a script: an image, or the errors that prevented one.</summary>
internal abstract record CompileResult
{
    private CompileResult()
    {
    }

    /// <summary>Compiled (from the cache or from Roslyn).</summary>
    /// <param name="Script">The compiled image.</param>
    /// <param name="FromCache">True for a cache hit.</param>
    public sealed record Compiled(CompiledScript Script, bool FromCache) : CompileResult;

    /// <summary>Compile errors; nothing ran.</summary>
    /// <param name="Errors">Every error, in source order.</param>
    public sealed record Failed(IReadOnlyList<ScriptDiagnostic> Errors) : CompileResult;
}
