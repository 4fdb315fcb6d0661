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
            return new CompileResult.Failed(Convert(errors, compilation, new MainScript(main, SourceText.From(source.Text), instrumented)));
        }

        var findings = TensorCompoundAssignments.Find(compilation);
        var warnings = findings.Count == 0 ? [] : Warnings(findings, new MainScript(main, SourceText.From(source.Text), instrumented));
        HostTrace.Phase("roslyn: host warnings found");
        var entryPoint = compilation.GetEntryPoint(CancellationToken.None)
            ?? throw new InvalidOperationException("The script compilation has no entry point.");
        var type = entryPoint.ContainingType;
        var typeName = type.ContainingNamespace is { IsGlobalNamespace: false } ns
            ? ns.ToDisplayString() + "." + type.MetadataName
            : type.MetadataName;
        return new CompileResult.Compiled(
            new CompiledScript(pe.ToArray(), pdb.ToArray(), typeName, entryPoint.MetadataName) { Warnings = warnings },
            FromCache: false);
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

    // The host's own warnings (a tensor's -= under no_grad), in the form compile errors take.
    private static List<ScriptDiagnostic> Warnings(List<TensorCompoundAssignments.Finding> findings, MainScript main)
    {
        var result = new List<ScriptDiagnostic>();
        foreach (var finding in findings)
        {
            var target = main.OriginalText(finding.Tree, finding.Target);
            result.Add(main.Locate(Location.Create(finding.Tree, finding.Span)) with
            {
                Id = TensorCompoundAssignments.WarningId,
                Message = TensorCompoundAssignments.Message(target, finding.Operator),
                IsWarning = true,
                Hint = TensorCompoundAssignments.Hint(target, finding.Operator, main.OriginalText(finding.Tree, finding.Value)),
            });
        }

        return result;
    }

    private static List<ScriptDiagnostic> Convert(List<Diagnostic> errors, Compilation compilation, MainScript main)
    {
        var result = new List<ScriptDiagnostic>();
        foreach (var d in errors.OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal).ThenBy(d => d.Location.SourceSpan.Start))
        {
            result.Add(main.Locate(d.Location) with
            {
                Id = d.Id,
                Message = d.GetMessage(System.Globalization.CultureInfo.InvariantCulture),
                Hint = TensorCompoundAssignments.HintFor(compilation, d, span => main.OriginalText(d.Location.SourceTree!, span)),
            });
        }

        return result;
    }

    /// <summary>The main script's tree, compiled instrumented, and its text as written, to report positions in.</summary>
    private sealed record MainScript(SyntaxTree Tree, SourceText Original, InstrumentedCode Instrumented)
    {
        /// <summary>The text of <paramref name="span"/> in <paramref name="tree"/>, as the user wrote it.</summary>
        public string OriginalText(SyntaxTree tree, TextSpan span) =>
            ReferenceEquals(tree, Tree) ? Original.ToString(Instrumented.ToOriginal(span)) : tree.GetText().ToString(span);

        /// <summary>A diagnostic at <paramref name="location"/>: file, line, column, source line and length; no id or message yet.</summary>
        public ScriptDiagnostic Locate(Location location)
        {
            var span = location.GetMappedLineSpan();
            var text = location.SourceTree?.GetText();
            if (ReferenceEquals(location.SourceTree, Tree))
            {
                var mapped = Instrumented.ToOriginal(location.SourceSpan);
                text = Original;
                span = new FileLinePositionSpan(
                    span.Path,
                    Original.Lines.GetLinePosition(Math.Min(mapped.Start, Original.Length)),
                    Original.Lines.GetLinePosition(Math.Min(mapped.End, Original.Length)));
            }

            string? sourceLine = null;
            int length = 1;
            if (text is not null && span.IsValid && span.StartLinePosition.Line < text.Lines.Count)
            {
                sourceLine = text.Lines[span.StartLinePosition.Line].ToString();
                var end = span.EndLinePosition.Line == span.StartLinePosition.Line
                    ? span.EndLinePosition.Character
                    : sourceLine.Length;
                length = Math.Max(1, end - span.StartLinePosition.Character);
            }

            return new ScriptDiagnostic(span.Path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1, "", "", sourceLine, length);
        }
    }
}
