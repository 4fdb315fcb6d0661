namespace GradRepl.Scripting;

/// <summary>A script compiled to an assembly image: what the compile cache stores and the executor loads.</summary>
/// <param name="Image">The PE image.</param>
/// <param name="Symbols">The portable PDB (gives script line numbers in exceptions).</param>
/// <param name="EntryTypeName">Metadata name of the submission class, e.g. <c>Submission#0</c>.</param>
/// <param name="EntryMethodName">The script's factory method, e.g. <c>&lt;Factory&gt;</c>.</param>
internal sealed record CompiledScript(byte[] Image, byte[] Symbols, string EntryTypeName, string EntryMethodName)
{
    /// <summary>
    /// Writes the entry type and method names, then the image and the symbols, each after its length: the form of a
    /// compile cache entry's body and of the compile server's reply.
    /// </summary>
    public void WriteTo(BinaryWriter writer)
    {
        writer.Write(EntryTypeName);
        writer.Write(EntryMethodName);
        writer.Write(Image.Length);
        writer.Write(Image);
        writer.Write(Symbols.Length);
        writer.Write(Symbols);
    }

    /// <summary>Reads what <see cref="WriteTo"/> wrote; <see cref="EndOfStreamException"/> when the bytes run out.</summary>
    public static CompiledScript ReadFrom(BinaryReader reader)
    {
        var typeName = reader.ReadString();
        var methodName = reader.ReadString();
        var image = ReadBytes(reader);
        var symbols = ReadBytes(reader);
        return new CompiledScript(image, symbols, typeName, methodName);
    }

    private static byte[] ReadBytes(BinaryReader reader)
    {
        var length = reader.ReadInt32();
        var bytes = reader.ReadBytes(length);
        if (bytes.Length != length) throw new EndOfStreamException();
        return bytes;
    }
}

/// <summary>One compiler diagnostic, already resolved to a file, position and source line.</summary>
/// <param name="Path">Full path of the file the diagnostic is in.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
/// <param name="Id">E.g. <c>CS0103</c>.</param>
/// <param name="Message">The compiler's message.</param>
/// <param name="SourceLine">The text of the offending line (without newline), or null.</param>
/// <param name="Length">Length of the span on that line (at least 1).</param>
internal sealed record ScriptDiagnostic(string Path, int Line, int Column, string Id, string Message, string? SourceLine, int Length);

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
