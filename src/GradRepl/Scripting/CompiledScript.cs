namespace GradRepl.Scripting;

/// <summary>A script compiled to an assembly image: what the compile cache stores and the executor loads.</summary>
/// <param name="Image">The PE image.</param>
/// <param name="Symbols">The portable PDB (gives script line numbers in exceptions).</param>
/// <param name="EntryTypeName">Metadata name of the submission class, e.g. <c>Submission#0</c>.</param>
/// <param name="EntryMethodName">The script's factory method, e.g. <c>&lt;Factory&gt;</c>.</param>
internal sealed record CompiledScript(byte[] Image, byte[] Symbols, string EntryTypeName, string EntryMethodName);

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
