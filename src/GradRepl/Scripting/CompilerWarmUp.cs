using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;

namespace GradRepl.Scripting;

/// <summary>
/// Shortens Roslyn's first compile in a process by doing part of it on the second core. Most of that first compile is
/// the runtime loading and preparing Roslyn's types and methods (about 60% of it, against 10% for the JIT and a few
/// per cent for Roslyn's own work; bench/README.md, "Start-up"), and a single thread does that one type at a time.
/// A second thread that compiles a tiny unrelated sample at the same moment loads much of the same machinery in
/// parallel. Best effort: it never reports anything. Two strengths, measured (bench/README.md):
/// <list type="bullet">
/// <item><see cref="StartThorough"/> (the REPL, whose first result waits for its warm-up compile): compiles and emits a
/// small library against the core library. First result about 130 ms sooner than with no warm-up, 90 ms sooner than
/// with the light one; about 17 MB more at the peak.</item>
/// <item><see cref="StartLight"/> (batch runs, whose peak memory counts): parses and binds a one-line class with no
/// references, then collects its garbage. A cold one-line script about 20% faster, 1.5-3 MB more at the peak.</item>
/// </list>
/// </summary>
internal static class CompilerWarmUp
{
    private const string LibrarySource = """
        static class WarmUp
        {
            static double Square(double x) { var y = x * x; return y > 0 ? y : -y; }
            static string Name(object o) => o?.ToString() ?? "";
        }
        """;

    private const string LightSource = "class WarmUp { int Twice(int x) => x * 2; }";

    private static int s_started;

    /// <summary>Starts compiling and emitting the sample library on a second thread (once per process).</summary>
    public static void StartThorough() => StartOnce(() => CompileLibrary());

    /// <summary>Starts parsing and binding the light sample on a second thread (once per process).</summary>
    public static void StartLight() => StartOnce(() => BindLightSample());

    private static void StartOnce(Action warmUp)
    {
        if (Environment.ProcessorCount < 2 || Interlocked.Exchange(ref s_started, 1) != 0) return;
        // A background thread: it never delays the end of the process, even if the real compile is already done.
        new Thread(() => warmUp()) { IsBackground = true, Name = "gradrepl compiler warm-up" }.Start();
    }

    /// <summary>Compiles and emits the sample library; true if it compiled (a sample with errors would skip emitting).</summary>
    internal static bool CompileLibrary()
    {
        try
        {
            var compilation = Sample(LibrarySource, [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)]);
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

    /// <summary>
    /// Parses and binds the light sample; true if Roslyn got through it. With no references its types do not resolve:
    /// the binder runs all the same, and no symbols of the core library are built.
    /// </summary>
    internal static bool BindLightSample()
    {
        try
        {
            var diagnostics = Sample(LightSource, []).GetDiagnostics();
            HostTrace.Phase("roslyn: warm-up thread done");
            return diagnostics.Length > 0; // at least "predefined type 'System.Object' is not defined"
        }
        catch (Exception)
        {
            return false;
        }
        finally
        {
            // Its few megabytes are garbage now: collected before the real compile grows the heap, they are not
            // added to the run's peak.
            GC.Collect();
        }
    }

    private static CSharpCompilation Sample(string source, MetadataReference[] references) => CSharpCompilation.Create(
        "GradReplWarmUp", [CSharpSyntaxTree.ParseText(source)], references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
}
