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
        // bench/engine_side_by_side.py drives this process case by case, interleaved with PyTorch.
        if (args is ["--serve"]) return SideBySide.Serve(Console.In, Console.Out);
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
/// The cases of issue 2 and issue 14 ("Performance"), each the same work as bench/engine_pytorch.py does in PyTorch.
/// Leaves are made once in setup; every invocation clears <c>.grad</c> first (as the Python side does with
/// <c>x.grad = None</c>), so each backward allocates and writes a fresh gradient, as a learner's cell would.
/// </summary>
[BenchmarkCategory("engine")]
public class EngineBench
{
    private Tensor _scalar = null!;
    private Tensor _big = null!;
    private Tensor _line = null!;
    private Tensor _points = null!, _targets = null!, _w = null!, _b = null!;
    private Tensor _images = null!, _labels = null!, _w1 = null!, _b1 = null!, _w2 = null!, _b2 = null!;

    [GlobalSetup]
    public void Setup()
    {
        torch.manual_seed(0);
        _scalar = torch.tensor(2.0, requires_grad: true);
        _big = torch.rand(new long[] { 1_000_000 }, requires_grad: true);
        _line = torch.linspace(-10, 10, 1000);

        _points = torch.arange(-3.0, 3.0, 0.1).view(-1, 1);
        _targets = -3 * _points + 0.1 * torch.randn(_points.size());
        _w = torch.tensor(-15.0, requires_grad: true);
        _b = torch.tensor(-10.0, requires_grad: true);

        _images = torch.randn(100, 784);
        _labels = torch.randint(0, 10, [100]);
        _w1 = (torch.randn(784, 100) * 0.05).requires_grad_();
        _b1 = torch.zeros(100, requires_grad: true);
        _w2 = (torch.randn(100, 10) * 0.1).requires_grad_();
        _b2 = torch.zeros(10, requires_grad: true);
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

    /// <summary>(e1) The course's training step on 60 points, 100 epochs: forward, mean squared error, backward, <c>.data</c> updates, <c>zero_</c>.</summary>
    [Benchmark(Description = "e1_train_batch_100_epochs")]
    public Tensor TrainBatch()
    {
        const double lr = 0.1;
        Tensor w = _w, b = _b, loss = null!;
        w.data.fill_(-15.0);
        b.data.fill_(-10.0);
        for (var epoch = 0; epoch < 100; epoch++)
        {
            var yhat = w * _points + b;
            loss = torch.mean((yhat - _targets).pow(2));
            loss.backward();
            w.data = w.data - lr * w.grad!.data;
            w.grad.data.zero_();
            b.data = b.data - lr * b.grad!.data;
            b.grad.data.zero_();
        }
        return loss;
    }

    /// <summary>(e2) The same step per sample (<c>X[i]</c>, <c>Y[i]</c> slices), 10 epochs of 60 steps.</summary>
    [Benchmark(Description = "e2_train_sgd_per_sample_10_epochs")]
    public Tensor TrainPerSample()
    {
        const double lr = 0.01;
        Tensor w = _w, b = _b, loss = null!;
        w.data.fill_(-15.0);
        b.data.fill_(-10.0);
        for (var epoch = 0; epoch < 10; epoch++)
        {
            for (var i = 0; i < _points.size(0); i++)
            {
                Tensor x = _points[i], y = _targets[i];
                var yhat = w * x + b;
                loss = (yhat - y).pow(2);
                loss.backward();
                w.data = w.data - lr * w.grad!.data;
                w.grad.data.zero_();
                b.data = b.data - lr * b.grad!.data;
                b.grad.data.zero_();
            }
        }
        return loss;
    }

    /// <summary>(f) A 784-100-10 perceptron on a 100x784 float32 batch: forward, cross-entropy, backward.</summary>
    [Benchmark(Description = "f_mlp_784_100_10_backward")]
    public Tensor MlpBackward()
    {
        _w1.grad = _b1.grad = _w2.grad = _b2.grad = null;
        var hidden = torch.relu(_images.matmul(_w1) + _b1);
        var loss = torch.nn.functional.cross_entropy(hidden.matmul(_w2) + _b2, _labels);
        loss.backward();
        return loss;
    }
}
