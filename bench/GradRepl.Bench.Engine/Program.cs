using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Exporters.Csv;
using BenchmarkDotNet.Exporters.Json;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using GradRepl.Tensors;

namespace GradRepl.Bench.Engine;

public static class Program
{
    public static int Main(string[] args)
    {
        // A short job (3 warm-ups, 15 measured iterations, 1 launch), run in process: no per-run
        // project generation or rebuild, so the whole side-by-side finishes in a few minutes on 2 cores.
        var job = Job.ShortRun
            .WithWarmupCount(3)
            .WithIterationCount(15)
            .WithLaunchCount(1)
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithId("Short");
        var config = ManualConfig.CreateEmpty()
            .AddJob(job)
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .AddColumn(StatisticColumn.Median)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddExporter(JsonExporter.Full, CsvExporter.Default, MarkdownExporter.GitHub)
            .AddLogger(BenchmarkDotNet.Loggers.ConsoleLogger.Default)
            .WithOptions(ConfigOptions.JoinSummary);
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    }
}

/// <summary>
/// The four cases of issue 2 ("Performance"), each the same work as bench/engine_pytorch.py does in PyTorch.
/// Leaves are made once in setup; every invocation clears <c>.grad</c> first (as the Python side does with
/// <c>x.grad = None</c>), so each backward allocates and writes a fresh gradient, as a learner's cell would.
/// </summary>
[BenchmarkCategory("engine")]
public class EngineBench
{
    private Tensor _scalar = null!;
    private Tensor _big = null!;
    private Tensor _line = null!;

    [GlobalSetup]
    public void Setup()
    {
        torch.manual_seed(0);
        _scalar = torch.tensor(2.0, requires_grad: true);
        _big = torch.rand(new long[] { 1_000_000 }, requires_grad: true);
        _line = torch.linspace(-10, 10, 1000);
    }

    /// <summary>(a) scalar x²+2x+1, then backward.</summary>
    [Benchmark(Description = "a_scalar_poly_backward")]
    public Tensor? ScalarPolyBackward()
    {
        var x = _scalar;
        x.grad = null;
        var y = x.pow(2) + 2 * x + 1;
        y.backward();
        return x.grad;
    }

    /// <summary>(b) 1e6-element relu + sum + backward.</summary>
    [Benchmark(Description = "b_relu_sum_backward_1e6")]
    public Tensor? ReluSumBackward()
    {
        var x = _big;
        x.grad = null;
        var s = torch.nn.functional.relu(x).sum();
        s.backward();
        return x.grad;
    }

    /// <summary>(c) 1e6-element x²+2x+1 + sum + backward.</summary>
    [Benchmark(Description = "c_poly_sum_backward_1e6")]
    public Tensor? PolySumBackward()
    {
        var x = _big;
        x.grad = null;
        var s = (x.pow(2) + 2 * x + 1).sum();
        s.backward();
        return x.grad;
    }

    /// <summary>(d) ToString (PyTorch's repr) of a 1000-element float32 tensor, linspace(-10, 10, 1000).</summary>
    [Benchmark(Description = "d_repr_linspace_1000")]
    public string Repr() => _line.ToString();
}
