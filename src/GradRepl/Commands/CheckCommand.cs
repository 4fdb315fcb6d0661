using GradRepl.Lessons;
using GradRepl.Scripting;

namespace GradRepl.Commands;

/// <summary><c>gradrepl check [PATHS]</c>: run lessons and compare their output with the <c>//&gt;</c> expectations.</summary>
internal static class CheckCommand
{
    /// <summary>Checks every lesson under <paramref name="paths"/> (default <c>scripts/</c>); returns the exit code.</summary>
    public static int Execute(IReadOnlyList<string> paths, ScriptOptionsFromCli options, CancellationToken cancellation)
    {
        var output = new ConsoleScriptOutput();
        if (paths.Count == 0) paths = ["scripts"];

        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.GetFiles(path, "*.csx").Order(StringComparer.Ordinal));
            }
            else if (File.Exists(path))
            {
                files.Add(path);
            }
            else
            {
                output.WriteErrorLine($"gradrepl: error: no such file or directory: '{path}'");
                return ExitCodes.Usage;
            }
        }

        if (files.Count == 0)
        {
            output.WriteErrorLine($"gradrepl: error: no .csx lessons in {string.Join(", ", paths)}");
            return ExitCodes.Usage;
        }

        var checker = new LessonChecker(new ScriptRunner(options.ToSettings(cancellation, startCompileServer: false)), options.OutDirectory);
        int passed = 0, failed = 0;
        foreach (var file in files)
        {
            if (cancellation.IsCancellationRequested) return ExitCodes.Interrupted;
            LessonCheckResult result;
            try
            {
                result = checker.Check(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                result = new LessonCheckResult(file, 0, [], $"{DiagnosticFormatter.DisplayPath(file)}: error: cannot read: {e.Message}");
            }

            foreach (var mismatch in result.Mismatches) output.Out.WriteLine(mismatch);
            if (result.Error is not null) output.Out.WriteLine(result.Error);
            var name = DiagnosticFormatter.DisplayPath(file);
            if (result.Passed)
            {
                passed++;
                output.Out.WriteLine($"ok    {name} ({result.Checked} outputs match)");
            }
            else
            {
                failed++;
                var what = result.Error is not null && result.Mismatches.Count == 0
                    ? "did not run to the end"
                    : $"{result.Mismatches.Count} of {result.Checked} outputs differ" + (result.Error is null ? "" : ", and it did not run to the end");
                output.Out.WriteLine($"FAIL  {name} ({what})");
            }

            output.Out.Flush();
            if (cancellation.IsCancellationRequested) return ExitCodes.Interrupted;
            if (result.Error is not null && result.Error.Contains(": error: timed out", StringComparison.Ordinal)) return ExitCodes.Timeout;
        }

        output.Out.WriteLine($"{passed} passed, {failed} failed");
        output.Flush();
        return failed == 0 ? ExitCodes.Success : ExitCodes.Failure;
    }
}
