using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;

namespace GradRepl.Scripting;

/// <summary>
/// Shortens Roslyn's first compile in a process by doing part of it on the second core. Most of that first compile is
/// the runtime loading and preparing Roslyn's types and methods (about 60% of it, against 10% for the JIT and a few
/// per cent for Roslyn's own work; bench/README.md, "Start-up"), and a single thread does that one type at a time.
/// A second thread that compiles a tiny unrelated library at the same moment loads much of the same machinery (syntax,
/// binder, lowering, IL and PDB writers, metadata reader) in parallel. Best effort: it never reports anything.
/// The REPL uses it, where the first result waits for that compile (about 130 ms sooner). Batch runs do not: the
/// second compilation raises the peak memory of a cold run by about 17 MB, for about 100 ms (bench/README.md).
/// </summary>
internal static class CompilerWarmUp
{
    private const string Source = """
        static class WarmUp
        {
            static double Square(double x) { var y = x * x; return y > 0 ? y : -y; }
            static string Name(object o) => o?.ToString() ?? "";
        }
        """;

    private static int s_started;

    /// <summary>Starts the warm-up thread, once per process and only where a second core can run it.</summary>
    public static void Start()
    {
        if (Environment.ProcessorCount < 2 || Interlocked.Exchange(ref s_started, 1) != 0) return;
        // A background thread: it never delays the end of the process, even if the real compile is already done.
        new Thread(() => CompileSample()) { IsBackground = true, Name = "gradrepl compiler warm-up" }.Start();
    }

    /// <summary>Compiles and emits the sample library; true if it compiled (a sample with errors would skip emitting).</summary>
    internal static bool CompileSample()
    {
        try
        {
            var compilation = CSharpCompilation.Create(
                "GradReplWarmUp",
                [CSharpSyntaxTree.ParseText(Source)],
                [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)],
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            using var pe = new MemoryStream();
            using var pdb = new MemoryStream();
            var emitted = compilation.Emit(pe, pdb, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.PortablePdb));
            HostTrace.Phase("roslyn: warm-up thread done");
            return emitted.Success;
        }
        catch (Exception)
        {
            // Nothing depends on the warm-up: the real compile does the same work itself if this one failed.
            return false;
        }
    }
}
