using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using BenchmarkDotNet.Attributes;

namespace GradRepl.Bench.Engine;

/// <summary>
/// The GradRepl half of bench/engine_side_by_side.py, which interleaves the two sides case by case so that both see
/// the same load. Reads requests <c>case repeats min-seconds</c> from stdin, one a line; answers each with one JSON
/// line: the median and minimum time per call over <c>repeats</c> batches of at least <c>min-seconds</c> each, and the
/// bytes allocated per call. Timing as bench/engine_pytorch.py's <c>measure</c>: calls per batch 1, 2, 5, 10, 20, ...
/// until a batch lasts <c>min-seconds</c>.
/// </summary>
internal static class SideBySide
{
    /// <summary>A case's first request runs it this long first, so the JIT's tiers settle before anything is timed.</summary>
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(3);

    public static int Serve(TextReader input, TextWriter output)
    {
        var engine = new EngineBench();
        engine.Setup();
        var training = new TrainingBench();
        training.Setup();
        var cases = Cases(engine).Concat(Cases(training)).ToDictionary(c => c.Name, c => c.Run);
        var warmed = new HashSet<string>();
        output.WriteLine("{\"ready\": [" + string.Join(", ", cases.Keys.Select(k => $"\"{k}\"")) + "]}");
        output.Flush();
        while (input.ReadLine() is { } line)
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 3 || !cases.TryGetValue(parts[0], out var run))
            {
                output.WriteLine($"{{\"error\": \"expected 'case repeats min-seconds' with a known case, got '{line}'\"}}");
                output.Flush();
                continue;
            }
            var repeats = int.Parse(parts[1], CultureInfo.InvariantCulture);
            var minSeconds = double.Parse(parts[2], CultureInfo.InvariantCulture);
            if (warmed.Add(parts[0]))
                for (var clock = Stopwatch.StartNew(); clock.Elapsed < WarmUp;) run();
            var (median, min, bytes) = Measure(run, repeats, minSeconds);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{{\"case\": \"{parts[0]}\", \"median_ns\": {median:F1}, \"min_ns\": {min:F1}, \"alloc_bytes\": {bytes}}}"));
            output.Flush();
        }
        return 0;
    }

    /// <summary>The <c>[Benchmark]</c> methods of <paramref name="bench"/>, by their descriptions (the Python side's case names).</summary>
    private static IEnumerable<(string Name, Func<object?> Run)> Cases(object bench) => bench.GetType().GetMethods()
        .Select(m => (Method: m, Attribute: m.GetCustomAttribute<BenchmarkAttribute>()))
        .Where(c => c.Attribute?.Description is not null)
        .Select(c => (c.Attribute!.Description!, c.Method.CreateDelegate<Func<object?>>(bench)));

    private static (double MedianNs, double MinNs, long AllocatedBytes) Measure(Func<object?> run, int repeats, double minSeconds)
    {
        for (var i = 0; i < 3; i++) run();
        var calls = 1;
        for (var step = 0; Batch(run, calls) < minSeconds; step++) calls = (step % 3) switch { 0 => calls * 2, 1 => calls * 5 / 2, _ => calls * 2 };
        var perCall = new double[repeats];
        for (var r = 0; r < repeats; r++) perCall[r] = Batch(run, calls) / calls * 1e9;
        Array.Sort(perCall);
        var before = GC.GetAllocatedBytesForCurrentThread();
        run();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        var median = repeats % 2 == 1 ? perCall[repeats / 2] : (perCall[repeats / 2 - 1] + perCall[repeats / 2]) / 2;
        return (median, perCall[0], allocated);
    }

    /// <summary>Seconds for <paramref name="calls"/> calls.</summary>
    private static double Batch(Func<object?> run, int calls)
    {
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < calls; i++) run();
        return clock.Elapsed.TotalSeconds;
    }
}
