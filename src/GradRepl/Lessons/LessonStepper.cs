using GradRepl.Highlighting;
using GradRepl.Repl;
using Spectre.Console;

namespace GradRepl.Lessons;

/// <summary>
/// <c>gradrepl FILE.csx --step</c>: shows a lesson's title, then each step (narrative, code) and waits at a step
/// prompt. Enter runs the step, says whether what it printed matches the lesson's <c>//&gt;</c> lines, and moves on;
/// anything else typed is evaluated in the same session (try things, then continue; in an exercise, an answer's
/// output is compared with the step's too); <c>:solution</c> reveals an exercise's hidden solution, <c>:back</c> goes
/// to the previous step with the state it had (the lesson is run again up to there, silently), <c>:quit</c> leaves.
/// A short summary closes the walk, and a person at a terminal can go on in the REPL with the lesson's variables.
/// </summary>
internal sealed class LessonStepper
{
    private readonly Lesson _lesson;
    private readonly ReplLoop _loop;
    private readonly IReplInput _input;
    private readonly ReplOutput _output;
    private readonly Ansi _ansi;
    private readonly IAnsiConsole _console;
    private readonly List<string> _fileLines;
    private readonly List<LessonStep> _steps;

    /// <summary>Creates a stepper over <paramref name="lesson"/>, evaluating through <paramref name="loop"/>.</summary>
    public LessonStepper(Lesson lesson, ReplLoop loop, IReplInput input, ReplOutput output, Ansi ansi, IAnsiConsole console)
    {
        _lesson = lesson;
        _loop = loop;
        _input = input;
        _output = output;
        _ansi = ansi;
        _console = console;
        _fileLines = LessonParser.SplitLines(File.ReadAllText(lesson.Path));
        _steps = lesson.Steps.Where(s => !string.IsNullOrWhiteSpace(s.Code) || s.Narrative.Count > 0 || s.Number > 0).ToList();
    }

    /// <summary>Walks the lesson; returns the exit code (0 unless the input ended in a pipe after a failure).</summary>
    public int Run()
    {
        var title = _lesson.Title ?? Path.GetFileNameWithoutExtension(_lesson.Path);
        _output.Out.WriteLine(_ansi.Bold(_ansi.Cyan(title)));
        foreach (var line in _lesson.Introduction) _output.Out.WriteLine(line);
        _output.Out.WriteLine(_ansi.Dim(Keys));

        var ran = new HashSet<int>();
        var failed = new HashSet<int>();
        var revealed = new HashSet<int>();
        var nudged = new HashSet<int>();
        var answered = new HashSet<int>();
        int tries = 0;
        int index = 0;
        bool show = true;
        bool quit = false;
        while (index < _steps.Count)
        {
            var step = _steps[index];
            if (show)
            {
                ShowStep(index, revealed.Contains(index));
                show = false;
            }

            _output.EndLine();
            var text = _input.Read($"step {index + 1}>");
            if (text is null)
            {
                quit = true;
                break;
            }

            var command = text.Trim();
            if (text == IReplInput.Dropped) continue;
            switch (command)
            {
                case "":
                    if (step.IsExercise && !revealed.Contains(index) && !answered.Contains(index) && nudged.Add(index))
                    {
                        _output.Out.WriteLine(_ansi.Yellow("This step is an exercise: write your answer at the prompt, type :solution to see one, or press Enter again to run the solution and go on."));
                        continue;
                    }

                    if (RunStep(step))
                    {
                        ran.Add(index);
                        failed.Remove(index);
                    }
                    else
                    {
                        failed.Add(index);
                        ran.Remove(index);
                    }

                    index++;
                    show = true;
                    continue;
                case ":solution":
                    if (!step.IsExercise)
                    {
                        _output.Out.WriteLine(_ansi.Dim("This step has no exercise; Enter runs it."));
                    }
                    else
                    {
                        revealed.Add(index);
                        _output.Out.WriteLine(_ansi.Bold("Solution"));
                        _output.Flush();
                        WriteCode(SolutionLines(step));
                        _output.Out.WriteLine(_ansi.Dim("Enter runs the step with this solution."));
                    }

                    continue;
                case ":back":
                    index = Math.Max(0, index - 1);
                    Rewind(index);
                    show = true;
                    continue;
                case ":quit" or ":q":
                    quit = true;
                    break;
                case ":help":
                    _output.Out.WriteLine(_ansi.Dim(Keys));
                    continue;
                default:
                    tries++;
                    _output.StartRecording();
                    bool goOn = _loop.Process(text);
                    var printed = _output.StopRecording();
                    // An answer to an exercise is checked against the step's expected output.
                    if (step.IsExercise && _loop.LastSucceeded && CompareAnswer(step, printed)) answered.Add(index);
                    if (!goOn) quit = true;
                    break;
            }

            if (quit) break;
        }

        _output.EndLine();
        var summary = quit && index < _steps.Count
            ? $"Stopped at step {index + 1} of {_steps.Count}: {ran.Count} run"
            : $"Lesson complete: {ran.Count} of {_steps.Count} steps run";
        if (failed.Count > 0) summary += $", {failed.Count} failed";
        var exercises = _steps.Count(s => s.IsExercise);
        if (exercises > 0) summary += $", {exercises} {(exercises == 1 ? "exercise" : "exercises")} ({revealed.Count} solution{(revealed.Count == 1 ? "" : "s")} viewed)";
        summary += $", {tries} {(tries == 1 ? "thing" : "things")} tried.";
        _output.Out.WriteLine(failed.Count > 0 ? _ansi.Yellow(summary) : _ansi.Green(summary));
        _output.Flush();
        if (!quit && _input.IsInteractive) return OfferRepl();
        return !_input.IsInteractive && _loop.AnyFailed ? Commands.ExitCodes.Failure : Commands.ExitCodes.Success;
    }

    // Runs a step as Enter does; says whether its output is the lesson's. Returns false when it failed.
    private bool RunStep(LessonStep step)
    {
        _output.StartRecording();
        bool succeeded = _loop.Submit(StepCode(step, includeSolution: true), _lesson.Path);
        var printed = _output.StopRecording();
        if (succeeded) Compare(step, printed);
        return succeeded;
    }

    // What was printed against the step's //> lines (all its blocks, in order): "matches", or the difference.
    private void Compare(LessonStep step, string printed)
    {
        var expected = step.Expectations.SelectMany(e => e.Lines).ToList();
        if (expected.Count == 0) return;
        var actual = LessonParser.SplitLines(printed);
        if (LessonChecker.Matches(expected, actual)) WriteMatches();
        else WriteDifference(expected, actual);
    }

    // A try in an exercise: "matches" when it prints the step's expected output; the difference only when it prints
    // as many lines, so an answer that is nearly right is shown where it differs but trying other things stays quiet.
    // Returns true when it matches.
    private bool CompareAnswer(LessonStep step, string printed)
    {
        var expected = step.Expectations.SelectMany(e => e.Lines).ToList();
        var actual = LessonParser.SplitLines(printed);
        if (expected.Count == 0 || actual.Count != expected.Count) return false;
        if (LessonChecker.Matches(expected, actual))
        {
            WriteMatches();
            return true;
        }

        WriteDifference(expected, actual);
        return false;
    }

    private void WriteMatches() => _output.Out.WriteLine(_ansi.Green("✓ matches the lesson's expected output"));

    private void WriteDifference(IReadOnlyList<string> expected, IReadOnlyList<string> actual)
    {
        _output.Out.WriteLine(_ansi.Yellow("✗ differs from the lesson's expected output:"));
        _output.Out.WriteLine(LineDiff.Format(expected, actual));
    }

    // :back: the session starts again and the steps before the one at index run in it unseen, so running that step
    // again meets the state it first met (a graph not yet backpropagated, a gradient not yet accumulated).
    private void Rewind(int index)
    {
        _output.Out.WriteLine(_ansi.Dim($"Back to step {index + 1}: the lesson runs again up to it, in a fresh state (what you tried is gone)."));
        var codes = _steps.Take(index).Select(s => StepCode(s, includeSolution: true)).ToList();
        int done = _loop.Rebuild(codes, _lesson.Path);
        if (done < codes.Count)
        {
            _output.Out.WriteLine(_ansi.Yellow($"Step {done + 1} failed when run again: the state is the one before it."));
        }
    }

    // At the end of a lesson: the REPL, with every variable the lesson made.
    private int OfferRepl()
    {
        _output.Out.WriteLine(_ansi.Dim("Enter continues in the REPL with the lesson's variables; :quit or Ctrl+D leaves."));
        var answer = _input.Read(">");
        if (answer is null) return Commands.ExitCodes.Success;
        switch (answer.Trim())
        {
            case ":quit" or ":q" or "n" or "no":
                return Commands.ExitCodes.Success;
            case "" or "y" or "yes":
                break;
            default:
                // C# typed straight away: the first REPL entry.
                if (!_loop.Process(answer)) return Commands.ExitCodes.Success;
                break;
        }

        return _loop.Run(banner: false);
    }

    private const string Keys = "Enter runs the step · type C# to try things · :solution shows an exercise's answer · :back goes to the previous step · :quit";

    private void ShowStep(int index, bool revealed)
    {
        var step = _steps[index];
        _output.Flush();
        var heading = step.Title.Length > 0 ? step.Title : "Setup";
        _console.WriteLine();
        _console.Write(new Rule($"[cyan bold]Step {index + 1}/{_steps.Count}[/] [bold]{Markup.Escape(heading)}[/]") { Alignment = Justify.Left, Style = new Style(Color.Grey) });
        foreach (var line in step.Narrative) _console.WriteLine(line);
        var code = CodeLines(step, revealed);
        if (code.Count > 0) WriteCode(code);
        Console.Out.Flush();
    }

    private void WriteCode(IReadOnlyList<string> lines)
    {
        var text = string.Join("\n", lines);
        var kinds = Classifier.Classify(text, new HashSet<string>(StringComparer.Ordinal) { "Tensor", "torch", "Plot", "Math" });
        var paragraph = new Paragraph();
        int offset = 0;
        foreach (var line in lines)
        {
            paragraph.Append("  │ ", new Style(Color.Grey));
            int i = 0;
            while (i < line.Length)
            {
                int j = i + 1;
                while (j < line.Length && kinds[offset + j] == kinds[offset + i]) j++;
                var style = SyntaxHighlighter.StyleOf(kinds[offset + i]);
                paragraph.Append(line[i..j], line.StartsWith("// your turn", StringComparison.Ordinal) ? new Style(Color.Yellow) : style);
                i = j;
            }

            paragraph.Append("\n");
            offset += line.Length + 1;
        }

        _console.Write(paragraph);
        Console.Out.Flush();
    }

    // The step's code lines as shown: expectations and narrative left out, a hidden solution replaced by a hint.
    private List<string> CodeLines(LessonStep step, bool revealed)
    {
        var result = new List<string>();
        bool hinted = false;
        foreach (var (number, line, inSolution) in StepLines(step))
        {
            if (inSolution && !revealed)
            {
                if (!hinted) result.Add("// your turn: write it at the prompt, or type :solution");
                hinted = true;
                continue;
            }

            if (IsRegionLine(line)) continue;
            result.Add(line);
        }

        while (result.Count > 0 && string.IsNullOrWhiteSpace(result[^1])) result.RemoveAt(result.Count - 1);
        return result;
    }

    private List<string> SolutionLines(LessonStep step) =>
        StepLines(step).Where(l => l.InSolution && !IsRegionLine(l.Text)).Select(l => l.Text).ToList();

    // What Enter runs: the step's lines at their own line numbers (earlier lines left blank), so errors name the file's lines.
    private string StepCode(LessonStep step, bool includeSolution)
    {
        var lines = new string[Math.Max(0, step.EndLine)];
        Array.Fill(lines, "");
        foreach (var (number, line, inSolution) in StepLines(step))
        {
            if (inSolution && !includeSolution) continue;
            if (number - 1 < lines.Length) lines[number - 1] = line;
        }

        return string.Join("\n", lines).TrimEnd();
    }

    private IEnumerable<(int Number, string Text, bool InSolution)> StepLines(LessonStep step)
    {
        bool seenCode = false;
        for (int number = Math.Max(1, step.StartLine); number <= step.EndLine && number <= _fileLines.Count; number++)
        {
            var line = _fileLines[number - 1];
            var trimmed = line.Trim();
            if (trimmed.StartsWith(LessonParser.ExpectationPrefix, StringComparison.Ordinal)) continue;
            if (!seenCode && (trimmed.Length == 0 || trimmed.StartsWith("//", StringComparison.Ordinal))) continue;
            if (trimmed.StartsWith("// ## ", StringComparison.Ordinal)) continue;
            seenCode = true;
            bool inSolution = step.Solution is { } s && number >= s.Start && number <= s.End;
            yield return (number, line, inSolution);
        }
    }

    private static bool IsRegionLine(string line)
    {
        var trimmed = line.TrimStart();
        return trimmed.StartsWith("#region", StringComparison.Ordinal) || trimmed.StartsWith("#endregion", StringComparison.Ordinal);
    }
}
