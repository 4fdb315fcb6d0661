using System.Diagnostics;
using System.Globalization;

namespace GradRepl.Scripting;

/// <summary>
/// With <c>GRADREPL_TRACE=1</c>, host events (cache hit or miss, whether Roslyn was loaded) are noted on stderr as
/// <c>[gradrepl] ...</c> lines, for tests and benchmarks; with <c>GRADREPL_TRACE=2</c>, also the time of each
/// start-up phase, in milliseconds since the process started (read from <c>/proc/self/stat</c>, 10 ms resolution, so
/// it includes the runtime's own start-up; elsewhere since the first use of this class), with the JIT's count and the
/// process's CPU time so far. Costs one environment read when off.
/// </summary>
internal static class HostTrace
{
    private static readonly string? s_level = Environment.GetEnvironmentVariable("GRADREPL_TRACE");
    private static readonly bool s_enabled = s_level is "1" or "2";
    private static readonly bool s_timing = s_level == "2";
    private static readonly long s_originTicks = s_timing ? ProcessStartTimestamp() : 0;

    /// <summary>True when tracing is on.</summary>
    public static bool Enabled => s_enabled;

    /// <summary>Writes <c>[gradrepl] message</c> to stderr when tracing is on.</summary>
    /// <param name="message">The event.</param>
    public static void Note(string message)
    {
        if (s_enabled) Console.Error.WriteLine("[gradrepl] " + message);
    }

    /// <summary>Writes <c>[gradrepl] +N ms phase</c> (time since process start) to stderr with <c>GRADREPL_TRACE=2</c>.</summary>
    /// <param name="phase">What just finished or is about to start.</param>
    public static void Phase(string phase)
    {
        if (!s_timing) return;
        var ms = Stopwatch.GetElapsedTime(s_originTicks).TotalMilliseconds;
        var jitted = System.Runtime.JitInfo.GetCompiledMethodCount();
        var jitMs = System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds;
        var cpuMs = Environment.CpuUsage.TotalTime.TotalMilliseconds;
        Console.Error.WriteLine(
            "[gradrepl] +" + ms.ToString("F1", CultureInfo.InvariantCulture) + " ms " + phase
            + " (JIT so far: " + jitted.ToString(CultureInfo.InvariantCulture) + " methods, "
            + jitMs.ToString("F0", CultureInfo.InvariantCulture) + " ms; CPU so far: "
            + cpuMs.ToString("F0", CultureInfo.InvariantCulture) + " ms)");
    }

    // The Stopwatch timestamp at which this process started: /proc/self/stat field 22 is the start time in clock
    // ticks since boot (USER_HZ, 100 on Linux), /proc/uptime the seconds since boot now.
    private static long ProcessStartTimestamp()
    {
        var now = Stopwatch.GetTimestamp();
        try
        {
            var stat = File.ReadAllText("/proc/self/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var startSeconds = long.Parse(fields[19], CultureInfo.InvariantCulture) / 100.0;
            var uptimeSeconds = double.Parse(File.ReadAllText("/proc/uptime").Split(' ')[0], CultureInfo.InvariantCulture);
            var ageSeconds = Math.Max(0, uptimeSeconds - startSeconds);
            return now - (long)(ageSeconds * Stopwatch.Frequency);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            return now;
        }
    }
}
