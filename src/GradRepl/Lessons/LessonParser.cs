using System.Text;

namespace GradRepl.Lessons;

/// <summary>
/// Reads the lesson format (DESIGN.md): <c>// # Title</c>, <c>// ## Step</c> headings, narrative <c>//</c> lines,
/// <c>//&gt;</c> expected output, and <c>#region solution</c> .. <c>#endregion</c> for exercises. The file stays a plain
/// C# script; the parser only reads comments and line positions.
/// </summary>
internal static class LessonParser
{
    /// <summary>The prefix of an expected-output line.</summary>
    public const string ExpectationPrefix = "//>";

    /// <summary>Parses <paramref name="text"/>, the contents of <paramref name="path"/>.</summary>
    public static Lesson Parse(string path, string text)
    {
        var lines = SplitLines(text);
        string? title = null;
        var introduction = new List<string>();
        var steps = new List<LessonStep>();
        StepBuilder? current = null;

        for (int i = 0; i < lines.Count; i++)
        {
            int lineNumber = i + 1;
            var trimmed = lines[i].Trim();
            if (IsHeading(trimmed, "// ## ", out var stepTitle))
            {
                if (current is not null) steps.Add(current.Build(lineNumber - 1));
                current = new StepBuilder(steps.Count(s => s.Number > 0) + 1, stepTitle, lineNumber);
                continue;
            }

            if (title is null && current is null && IsHeading(trimmed, "// # ", out var lessonTitle))
            {
                title = lessonTitle;
                continue;
            }

            if (current is null)
            {
                if (IsNarrative(trimmed) || trimmed.Length == 0)
                {
                    if (trimmed.Length > 0 || introduction.Count > 0) introduction.Add(NarrativeText(trimmed));
                    continue;
                }

                // Code before the first heading forms an untitled step 0.
                current = new StepBuilder(0, "", 0) { StartLine = lineNumber };
            }

            current.Add(lineNumber, lines[i], trimmed);
        }

        if (current is not null) steps.Add(current.Build(lines.Count));
        while (introduction.Count > 0 && introduction[^1].Length == 0) introduction.RemoveAt(introduction.Count - 1);
        return new Lesson(path, title, introduction, steps);
    }

    /// <summary>Splits on \n, \r\n or \r, without a trailing empty line for a final newline.</summary>
    public static List<string> SplitLines(string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n').ToList();
        if (lines.Count > 0 && lines[^1].Length == 0) lines.RemoveAt(lines.Count - 1);
        return lines;
    }

    /// <summary>The expected text of a <c>//&gt;</c> line: everything after the prefix and one optional space.</summary>
    public static string ExpectationText(string trimmedLine)
    {
        var rest = trimmedLine[ExpectationPrefix.Length..];
        return rest.StartsWith(' ') ? rest[1..] : rest;
    }

    private static bool IsHeading(string trimmed, string prefix, out string text)
    {
        text = trimmed.StartsWith(prefix, StringComparison.Ordinal) ? trimmed[prefix.Length..].Trim() : "";
        return text.Length > 0;
    }

    private static bool IsNarrative(string trimmed) =>
        trimmed.StartsWith("//", StringComparison.Ordinal) && !trimmed.StartsWith(ExpectationPrefix, StringComparison.Ordinal);

    private static string NarrativeText(string trimmed) =>
        trimmed.Length == 0 ? "" : trimmed[2..].StartsWith(' ') ? trimmed[3..] : trimmed[2..];

    private sealed class StepBuilder(int number, string title, int headingLine)
    {
        private readonly List<string> _narrative = [];
        private readonly StringBuilder _code = new();
        private readonly List<Expectation> _expectations = [];
        private List<string>? _openBlock;
        private int _openBlockLine;
        private bool _seenCode;
        private int? _solutionStart;
        private (int, int)? _solution;

        public int StartLine { get; set; } = headingLine + 1;

        public void Add(int lineNumber, string line, string trimmed)
        {
            if (trimmed.StartsWith(ExpectationPrefix, StringComparison.Ordinal))
            {
                if (_openBlock is null)
                {
                    _openBlock = [];
                    _openBlockLine = lineNumber;
                }

                _openBlock.Add(ExpectationText(trimmed));
                return;
            }

            CloseBlock();
            if (!_seenCode && IsNarrative(trimmed))
            {
                _narrative.Add(NarrativeText(trimmed));
                return;
            }

            if (!_seenCode && trimmed.Length == 0 && _code.Length == 0)
            {
                if (_narrative.Count > 0) _narrative.Add("");
                return;
            }

            _seenCode = true;
            if (trimmed.StartsWith("#region", StringComparison.Ordinal) && trimmed.Contains("solution", StringComparison.OrdinalIgnoreCase))
            {
                _solutionStart = lineNumber;
            }
            else if (trimmed.StartsWith("#endregion", StringComparison.Ordinal) && _solutionStart is { } start)
            {
                _solution = (start, lineNumber);
                _solutionStart = null;
            }

            _code.Append(line).Append('\n');
        }

        public LessonStep Build(int endLine)
        {
            CloseBlock();
            while (_narrative.Count > 0 && _narrative[^1].Length == 0) _narrative.RemoveAt(_narrative.Count - 1);
            return new LessonStep(number, title, headingLine, StartLine, endLine, _narrative, _code.ToString().TrimEnd('\n') + "\n", _expectations, _solution);
        }

        private void CloseBlock()
        {
            if (_openBlock is null) return;
            _expectations.Add(new Expectation(_openBlockLine, _openBlock, number));
            _openBlock = null;
        }
    }
}
