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
        var skipped = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.GetFiles(path, "*.csx").Order(StringComparer.Ordinal));
            }
            else if (File.Exists(path))
            {
                // `check scripts/*` also names the README and other files: only lessons are checked.
                if (path.EndsWith(".csx", StringComparison.OrdinalIgnoreCase)) files.Add(path);
                else skipped.Add(DiagnosticFormatter.Visible(path));
            }
            else
            {
                output.WriteErrorLine($"gradrepl: error: no such file or directory: '{DiagnosticFormatter.Visible(path)}'");
                return ExitCodes.Usage;
            }
        }

        if (skipped.Count > 0)
        {
            output.WriteErrorLine($"gradrepl: skipped {skipped.Count} {(skipped.Count == 1 ? "file" : "files")} that {(skipped.Count == 1 ? "is" : "are")} not .csx: {string.Join(", ", skipped)}");
        }

        if (files.Count == 0)
        {
            output.WriteErrorLine($"gradrepl: error: no .csx lessons in {string.Join(", ", paths.Select(DiagnosticFormatter.Visible))}");
            return ExitCodes.Usage;
        }

        var checker = new LessonChecker(new ScriptRunner(options.ToSettings(cancellation, startCompileServer: false)), options.OutDirectory);
        int passed = 0, failed = 0, refused = 0;
        foreach (var file in files)
        {
            if (cancellation.IsCancellationRequested) return ExitCodes.Interrupted;
            var name = DiagnosticFormatter.DisplayPath(file);
            if (RunCommand.ReadProblem(file, out var text) is { } problem)
            {
                // A binary or unreadable file is not a lesson that failed but input that cannot be checked (exit 2).
                refused++;
                output.Out.WriteLine($"gradrepl: error: {problem}");
                output.Out.WriteLine($"FAIL  {name} (not checked)");
                continue;
            }

            LessonCheckResult result;
            try
            {
                result = checker.Check(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                result = new LessonCheckResult(file, 0, [], $"{name}: error: cannot read: {e.Message}");
            }

            if (result.Warnings is not null) output.Out.WriteLine(result.Warnings);
            foreach (var mismatch in result.Mismatches) output.Out.WriteLine(mismatch);
            if (result.Error is not null) output.Out.WriteLine(result.Error);
            if (result.Passed && result.Checked == 0)
            {
                // Nothing compared is no evidence the lesson is right (an emptied file would pass): a failure.
                failed++;
                var steps = LessonParser.Parse(file, text!).Steps.Count(s => s.Number > 0);
                output.Out.WriteLine(steps == 0
                    ? $"FAIL  {name} (the lesson has no steps: nothing to check; see gradrepl new)"
                    : $"FAIL  {name} (no //> lines: nothing to check)");
            }
            else if (result.Passed)
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

        output.Out.WriteLine($"{passed} passed, {failed + refused} failed");
        output.Flush();
        return refused > 0 ? ExitCodes.Usage : failed > 0 ? ExitCodes.Failure : ExitCodes.Success;
    }
}
