using System.Text;
using GradRepl.Prelude;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Scripting;

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
            .WithLanguageVersion(LanguageVersion.Latest)
            .WithEmitDebugInformation(true)
            .WithOptimizationLevel(OptimizationLevel.Debug));

    /// <summary>The script options every GradRepl script is compiled with (imports, references, file path).</summary>
    public static ScriptOptions CreateOptions(string? filePath) => s_baseOptions.Value.WithFilePath(filePath ?? "");

    /// <summary>Compiles <paramref name="source"/> into an assembly image, or returns its errors.</summary>
    public static CompileResult Compile(ScriptSource source)
    {
        HostTrace.Phase("roslyn: start");
        CompilerWarmUp.StartLight();
        var script = CSharpScript.Create(source.Text, CreateOptions(source.Path), typeof(ScriptGlobals));
        var compilation = script.GetCompilation();
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
            return new CompileResult.Failed(Convert(errors));
        }

        var entryPoint = compilation.GetEntryPoint(CancellationToken.None)
            ?? throw new InvalidOperationException("The script compilation has no entry point.");
        var type = entryPoint.ContainingType;
        var typeName = type.ContainingNamespace is { IsGlobalNamespace: false } ns
            ? ns.ToDisplayString() + "." + type.MetadataName
            : type.MetadataName;
        return new CompileResult.Compiled(new CompiledScript(pe.ToArray(), pdb.ToArray(), typeName, entryPoint.MetadataName), FromCache: false);
    }

    private static List<ScriptDiagnostic> Convert(IEnumerable<Diagnostic> diagnostics)
    {
        var result = new List<ScriptDiagnostic>();
        foreach (var d in diagnostics.OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal).ThenBy(d => d.Location.SourceSpan.Start))
        {
            var span = d.Location.GetMappedLineSpan();
            string? sourceLine = null;
            int length = 1;
            if (d.Location.SourceTree is { } tree && span.IsValid)
            {
                var text = tree.GetText();
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
