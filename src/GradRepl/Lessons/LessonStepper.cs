using GradRepl.Highlighting;
using GradRepl.Repl;
using Spectre.Console;

namespace GradRepl.Lessons;

/// <summary>
/// <c>gradrepl FILE.csx --step</c>: shows a lesson's title, then each step (narrative, code) and waits at a step
/// prompt. Enter runs the step and moves on; anything else typed is evaluated in the same session (try things, then
/// continue); <c>:solution</c> reveals an exercise's hidden solution, <c>:back</c> shows the previous step again,
/// <c>:quit</c> leaves. A short summary closes the walk.
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
        var revealed = new HashSet<int>();
        var nudged = new HashSet<int>();
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
                    if (step.IsExercise && !revealed.Contains(index) && nudged.Add(index))
                    {
                        _output.Out.WriteLine(_ansi.Yellow("This step is an exercise: write your answer at the prompt, type :solution to see one, or press Enter again to run the solution and go on."));
                        continue;
                    }

                    ran.Add(index);
                    _loop.Submit(StepCode(step, includeSolution: true), _lesson.Path);
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
                    if (!_loop.Process(text)) quit = true;
                    break;
            }

            if (quit) break;
        }

        _output.EndLine();
        var summary = quit && index < _steps.Count
            ? $"Stopped at step {index + 1} of {_steps.Count}: {ran.Count} run"
            : $"Lesson complete: {ran.Count} of {_steps.Count} steps run";
        var exercises = _steps.Count(s => s.IsExercise);
        if (exercises > 0) summary += $", {exercises} {(exercises == 1 ? "exercise" : "exercises")} ({revealed.Count} solution{(revealed.Count == 1 ? "" : "s")} viewed)";
        summary += $", {tries} {(tries == 1 ? "thing" : "things")} tried.";
        _output.Out.WriteLine(_ansi.Green(summary));
        _output.Flush();
        return !_input.IsInteractive && _loop.AnyFailed ? Commands.ExitCodes.Failure : Commands.ExitCodes.Success;
    }

    private const string Keys = "Enter runs the step · type C# to try things · :solution shows an exercise's answer · :back · :quit";

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
