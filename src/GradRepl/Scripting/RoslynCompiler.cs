using System.Text;
using GradRepl.Prelude;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Scripting;
using Microsoft.CodeAnalysis.Text;
using GradRepl.Repl;

namespace GradRepl.Scripting;

/// <summary>
/// The only place the batch path touches Roslyn. Kept apart so that a compile-cache hit never makes the JIT
/// or the loader see a Microsoft.CodeAnalysis type: its signature uses only GradRepl's own types.
/// </summary>
internal static class RoslynCompiler
{
    // Built once per process: the metadata references (and the metadata Roslyn reads from them) are then shared by
    // every compilation of the process (all lessons of a check run, every REPL submission) instead of re-read.
    private static readonly Lazy<ScriptOptions> s_baseOptions = new(() =>
        ScriptOptions.Default
            .WithFileEncoding(Encoding.UTF8)
            .WithImports(DefaultImports.Namespaces)
            .AddReferences(DefaultImports.Assemblies)
            .AddReferences(DefaultImports.LibraryPaths.Select(path => MetadataReference.CreateFromFile(path)))
            .WithLanguageVersion(LanguageVersion.Latest)
            .WithEmitDebugInformation(true)
            .WithOptimizationLevel(OptimizationLevel.Debug));

    // The compilation of an empty script, from which every script's compilation is derived by putting its syntax tree
    // in place of the empty one. Derived compilations share the template's reference manager, so the binding of the
    // references (some 30 assemblies: 20-45 ms per compilation once Roslyn is warm) is done once per process, not
    // once per script: every lesson after the first in `check`, every request to the compile server.
    private static readonly Lazy<CSharpCompilation> s_template = new(() =>
        (CSharpCompilation)CSharpScript.Create("", CreateOptions(null), typeof(ScriptGlobals)).GetCompilation());

    /// <summary>The script options every GradRepl script is compiled with (imports, references, file path).</summary>
    public static ScriptOptions CreateOptions(string? filePath) => s_baseOptions.Value.WithFilePath(filePath ?? "");

    /// <summary>Compiles <paramref name="source"/> into an assembly image, or returns its errors.</summary>
    public static CompileResult Compile(ScriptSource source)
    {
        HostTrace.Phase("roslyn: start");
        CompilerWarmUp.StartLight();
        var (compilation, main, instrumented) = CreateCompilation(source);
        HostTrace.Phase("roslyn: parsed");

        // Emit alone: it reports every declaration and method-body error itself, so the script is bound once, not once
        // for GetDiagnostics and again for Emit (a few per cent of a cold compile; see bench/README.md).
        using var pe = new MemoryStream();
        using var pdb = new MemoryStream();
        var emit = compilation.Emit(pe, pdb, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.PortablePdb));
        HostTrace.Phase("roslyn: emitted");
        if (!emit.Success)
        {
            var errors = emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            if (errors.Count == 0) errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            return new CompileResult.Failed(Convert(errors, main, source, instrumented));
        }

        var entryPoint = compilation.GetEntryPoint(CancellationToken.None)
            ?? throw new InvalidOperationException("The script compilation has no entry point.");
        var type = entryPoint.ContainingType;
        var typeName = type.ContainingNamespace is { IsGlobalNamespace: false } ns
            ? ns.ToDisplayString() + "." + type.MetadataName
            : type.MetadataName;
        return new CompileResult.Compiled(new CompiledScript(pe.ToArray(), pdb.ToArray(), typeName, entryPoint.MetadataName), FromCache: false);
    }

    /// <summary>
    /// The script's compilation, as <c>CSharpScript.Create(text, options).GetCompilation()</c> would make it (same parse
    /// options, encoding, checksum and path), but derived from <see cref="s_template"/>. Its assembly name is the
    /// template's, the same for every script of the process: each script is loaded into a context of its own.
    /// A script with <c>#r</c> or <c>#load</c> gets its references bound afresh (Roslyn does not reuse them then).
    /// The script is compiled instrumented (<see cref="Instrumentation"/>: Ctrl+C and recursion checks).
    /// </summary>
    private static (Compilation Compilation, SyntaxTree Main, InstrumentedCode Instrumented) CreateCompilation(ScriptSource source)
    {
        var template = s_template.Value;
        var empty = template.SyntaxTrees[0];
        var options = (CSharpParseOptions)empty.Options;
        var instrumented = Instrumentation.Instrument(source.Text, options);
        var text = SourceText.From(instrumented.Text, Encoding.UTF8, SourceHashAlgorithm.Sha256);
        var tree = CSharpSyntaxTree.ParseText(text, options, source.Path ?? "");
        return (template.ReplaceSyntaxTree(empty, tree), tree, instrumented);
    }

    private static List<ScriptDiagnostic> Convert(IEnumerable<Diagnostic> diagnostics, SyntaxTree main, ScriptSource source, InstrumentedCode instrumented)
    {
        var result = new List<ScriptDiagnostic>();
        var original = SourceText.From(source.Text);
        foreach (var d in diagnostics.OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal).ThenBy(d => d.Location.SourceSpan.Start))
        {
            var span = d.Location.GetMappedLineSpan();
            var text = d.Location.SourceTree?.GetText();
            if (ReferenceEquals(d.Location.SourceTree, main))
            {
                // The main script was compiled instrumented: report positions in the text as written.
                var mapped = instrumented.ToOriginal(d.Location.SourceSpan);
                text = original;
                span = new FileLinePositionSpan(
                    span.Path,
                    original.Lines.GetLinePosition(Math.Min(mapped.Start, original.Length)),
                    original.Lines.GetLinePosition(Math.Min(mapped.End, original.Length)));
            }

            string? sourceLine = null;
            int length = 1;
            if (text is not null && span.IsValid)
            {
                if (span.StartLinePosition.Line < text.Lines.Count)
                {
                    var line = text.Lines[span.StartLinePosition.Line];
                    sourceLine = line.ToString();
                    var end = span.EndLinePosition.Line == span.StartLinePosition.Line
                        ? span.EndLinePosition.Character
                        : sourceLine.Length;
                    length = Math.Max(1, end - span.StartLinePosition.Character);
                }
            }

            result.Add(new ScriptDiagnostic(
                span.Path,
                span.StartLinePosition.Line + 1,
                span.StartLinePosition.Character + 1,
                d.Id,
                d.GetMessage(System.Globalization.CultureInfo.InvariantCulture),
                sourceLine,
                length));
        }

        return result;
    }
}
