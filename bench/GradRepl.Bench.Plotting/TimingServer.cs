using System.Diagnostics;
using System.Reflection;

namespace GradRepl.Bench.Plotting;

/// <summary>
/// The GradRepl side of the interleaved plotting benchmark (bench/plotting_interleaved.py): reads one benchmark name
/// per line on stdin (a method of <see cref="PlottingBenchmarks"/>), runs it once and answers with its time in
/// nanoseconds, so that the driver can alternate one call here with one matplotlib call and both see the same load.
/// </summary>
public static class TimingServer
{
    /// <summary>Serves until stdin ends; prints "ready" once the figures are built.</summary>
    public static int Run()
    {
        var benchmarks = new PlottingBenchmarks();
        benchmarks.Setup();
        var methods = typeof(PlottingBenchmarks).GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => m.GetCustomAttribute<BenchmarkDotNet.Attributes.BenchmarkAttribute>() is not null)
            .ToDictionary(m => m.Name, m => (Func<object?>)(() => m.Invoke(benchmarks, null)));
        Console.WriteLine("ready");
        string? line;
        while ((line = Console.ReadLine()) is not null)
        {
            if (!methods.TryGetValue(line.Trim(), out var run))
            {
                Console.WriteLine($"error unknown benchmark {line.Trim()}");
                continue;
            }

            var start = Stopwatch.GetTimestamp();
            GC.KeepAlive(run());
            Console.WriteLine(Stopwatch.GetElapsedTime(start).Ticks * 100);
        }

        benchmarks.Cleanup();
        return 0;
    }
}
