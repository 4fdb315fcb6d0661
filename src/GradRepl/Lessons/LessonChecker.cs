using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using GradRepl.Prelude;
using GradRepl.Scripting;

namespace GradRepl.Lessons;

/// <summary>What checking one lesson found.</summary>
/// <param name="Path">The lesson file.</param>
/// <param name="Checked">Number of expectation blocks compared.</param>
/// <param name="Mismatches">One report (with a diff) per block whose output differed.</param>
/// <param name="Error">A compile error, exception or timeout that stopped the lesson, or null.</param>
internal sealed record LessonCheckResult(string Path, int Checked, IReadOnlyList<string> Mismatches, string? Error)
{
    /// <summary>True when every block matched and the lesson ran to the end.</summary>
    public bool Passed => Mismatches.Count == 0 && Error is null;

    /// <summary>The host's compile warnings, formatted (they do not make a lesson fail), or null when there are none.</summary>
    public string? Warnings { get; init; }
}

/// <summary>
/// Runs a lesson in a fresh state (solutions included) and compares every <c>//&gt;</c> block with what was printed
/// since the previous block or step heading. To know where each block's output ends, the checker compiles a copy of
/// the lesson with a marker call prepended on each heading and each block's first line: those lines are comments, so
/// line numbers and columns of everything else stay as in the file.
/// </summary>
internal sealed partial class LessonChecker
{
    private readonly ScriptRunner _runner;
    private readonly string _plotDirectory;

    /// <summary>Creates a checker using <paramref name="runner"/>; figures go to <paramref name="plotDirectory"/>.</summary>
    public LessonChecker(ScriptRunner runner, string plotDirectory)
    {
        _runner = runner;
        _plotDirectory = plotDirectory;
    }

    /// <summary>
    /// Checks the lesson at <paramref name="path"/>. What the lesson writes to stderr (warnings) is kept apart and
    /// shown only in a report about the step that wrote it.
    /// </summary>
    public LessonCheckResult Check(string path)
    {
        var text = File.ReadAllText(path);
        var lesson = LessonParser.Parse(path, text);
        var markers = Markers(lesson, text);
        var source = ScriptSource.Create(path, Instrument(text, markers));

        var compiled = _runner.Compile(source);
        if (compiled is CompileResult.Failed failed)
        {
            return new LessonCheckResult(path, 0, [], DiagnosticFormatter.FormatCompileErrors(failed.Errors));
        }

        var captured = new StringWriter { NewLine = "\n" };
        var capturedError = new StringWriter { NewLine = "\n" };
        var reached = new List<(int Id, int Position, int ErrorPosition)>();
        var environment = new ScriptEnvironment
        {
            Output = new TextWriterScriptOutput(captured, capturedError),
            ScriptPath = source.Path,
            PlotDirectory = _plotDirectory,
            Checkpoint = id => reached.Add((id, captured.GetStringBuilder().Length, capturedError.GetStringBuilder().Length)),
        };

        var script = ((CompileResult.Compiled)compiled).Script;
        var warnings = script.Warnings.Count > 0 ? DiagnosticFormatter.FormatCompileWarnings(script.Warnings) : null;
        var result = _runner.Execute(script, source, environment);
        string? runError = result switch
        {
            EvaluationResult.Success => null,
            EvaluationResult.Error e => DiagnosticFormatter.FormatRuntimeError(e.Exception, e.ScriptAssemblyName, source.Path),
            EvaluationResult.TimedOut t => $"{DiagnosticFormatter.DisplayPath(path)}: error: timed out after {t.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s",
            _ => $"{DiagnosticFormatter.DisplayPath(path)}: interrupted",
        };
        if (result is EvaluationResult.TimedOut or EvaluationResult.Cancelled)
        {
            // The script thread may still be writing; stop here.
            return new LessonCheckResult(path, 0, [], runError) { Warnings = warnings };
        }

        var output = captured.ToString();
        var errorOutput = capturedError.ToString();
        // The stderr written after the last marker reached belongs with the error that stopped the lesson.
        if (runError is not null) runError += StderrSection(errorOutput[(reached.Count == 0 ? 0 : reached[^1].ErrorPosition)..]);
        var mismatches = new List<string>();
        int checkedCount = 0;
        foreach (var (id, expectation) in markers.Where(m => m.Value.Expectation is not null).Select(m => (m.Key, m.Value.Expectation!)))
        {
            checkedCount++;
            int index = reached.FindIndex(r => r.Id == id);
            var step = lesson.Steps.First(s => s.Number == expectation.StepNumber);
            var where = $"{DiagnosticFormatter.DisplayPath(path)}({expectation.Line})";
            var stepName = step.Title.Length > 0 ? $" in step \"{step.Title}\"" : "";
            if (index < 0)
            {
                if (runError is null) mismatches.Add($"{where}: expected output{stepName} was never reached");
                continue;
            }

            int start = index == 0 ? 0 : reached[index - 1].Position;
            var actual = SplitOutput(output[start..reached[index].Position]);
            if (!Matches(expectation.Lines, actual))
            {
                int errorStart = index == 0 ? 0 : reached[index - 1].ErrorPosition;
                var stderr = StderrSection(errorOutput[errorStart..reached[index].ErrorPosition]);
                mismatches.Add($"{where}: output differs{stepName}\n{LineDiff.Format(expectation.Lines, actual)}{stderr}");
            }
        }

        return new LessonCheckResult(path, checkedCount, mismatches, runError) { Warnings = warnings };
    }

    /// <summary>Text of the lesson with <c>__checkpoint(id);</c> prepended on each marker line.</summary>
    internal static string Instrument(string text, IReadOnlyDictionary<int, Marker> markers)
    {
        var byLine = markers.ToDictionary(m => m.Value.Line, m => m.Key);
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var sb = new StringBuilder(text.Length + markers.Count * 24);
        for (int i = 0; i < lines.Length; i++)
        {
            if (i > 0) sb.Append('\n');
            if (byLine.TryGetValue(i + 1, out var id)) sb.Append(CultureInfo.InvariantCulture, $"__checkpoint({id}); ");
            sb.Append(lines[i]);
        }

        return sb.ToString();
    }

    /// <summary>Marker ids (in file order) for step headings and expectation blocks.</summary>
    internal static SortedDictionary<int, Marker> Markers(Lesson lesson, string text)
    {
        // #r and #load must precede all code, so no marker goes on or above the last of them.
        var lines = LessonParser.SplitLines(text);
        int lastDirective = lines.FindLastIndex(l => l.TrimStart().StartsWith("#load", StringComparison.Ordinal)
            || l.TrimStart().StartsWith("#r ", StringComparison.Ordinal)) + 1;

        var markers = new SortedDictionary<int, Marker>();
        var positions = lesson.Steps.Where(s => s.HeadingLine > lastDirective).Select(s => new Marker(s.HeadingLine, null))
            .Concat(lesson.Expectations.Select(e => new Marker(e.Line, e)))
            .OrderBy(m => m.Line);
        int id = 1;
        foreach (var marker in positions) markers[id++] = marker;
        return markers;
    }

    // What the lesson wrote to stderr while producing one block's output, shown under that block's report.
    private static string StderrSection(string text)
    {
        var lines = SplitOutput(text);
        if (lines.Count == 0) return "";
        return "\n    stderr:" + string.Concat(lines.Select(l => "\n      " + l));
    }

    private static List<string> SplitOutput(string text)
    {
        var lines = LessonParser.SplitLines(text);
        return lines;
    }

    /// <summary>True when <paramref name="actual"/> is <paramref name="expected"/>, line for line (see <see cref="Normalize"/>).</summary>
    internal static bool Matches(IReadOnlyList<string> expected, IReadOnlyList<string> actual) =>
        expected.Count == actual.Count && expected.Zip(actual).All(p => Normalize(p.First) == Normalize(p.Second));

    /// <summary>Trailing spaces are not significant (editors strip them), nor are object addresses.</summary>
    internal static string Normalize(string line) => AddressPattern().Replace(line.TrimEnd(), "object at 0x…");

    [GeneratedRegex("object at 0x[0-9a-fA-F]+")]
    private static partial Regex AddressPattern();

    /// <summary>A marker line and, for an expectation block, the block.</summary>
    internal sealed record Marker(int Line, Expectation? Expectation);
}

/// <summary>
/// A small line diff (longest common subsequence), printed as a unified diff prints it: <c>-expected</c> lines before
/// the <c>+actual</c> lines that replace them.
/// </summary>
internal static class LineDiff
{
    /// <summary>Formats the differences between <paramref name="expected"/> and <paramref name="actual"/>.</summary>
    public static string Format(IReadOnlyList<string> expected, IReadOnlyList<string> actual)
    {
        int n = expected.Count, m = actual.Count;
        var lcs = new int[n + 1, m + 1];
        for (int i = n - 1; i >= 0; i--)
        {
            for (int j = m - 1; j >= 0; j--)
            {
                lcs[i, j] = Same(expected[i], actual[j]) ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var sb = new StringBuilder("    --- expected\n    +++ actual");
        int a = 0, b = 0;
        while (a < n || b < m)
        {
            if (a < n && b < m && Same(expected[a], actual[b]))
            {
                sb.Append("\n     ").Append(expected[a]);
                a++;
                b++;
            }
            else if (a < n && (b == m || lcs[a + 1, b] >= lcs[a, b + 1]))
            {
                sb.Append("\n    -").Append(expected[a++]);
            }
            else
            {
                sb.Append("\n    +").Append(actual[b++]);
            }
        }

        return sb.ToString();
    }

    private static bool Same(string x, string y) => LessonChecker.Normalize(x) == LessonChecker.Normalize(y);
}
