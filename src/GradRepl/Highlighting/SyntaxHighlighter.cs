using GradRepl.Repl;
using RadLine;
using Spectre.Console;

namespace GradRepl.Highlighting;

/// <summary>
/// Colours the editor's text. RadLine 0.6 asks an <see cref="IHighlighter"/> for one word at a time, without its
/// position; but it draws a line's prompt just before the line's words, so the prompt calls <see cref="BeginLine"/>,
/// the whole buffer is classified once (<see cref="Classifier"/>), and the words that follow are matched to it in order.
/// If RadLine ever hands over a word that does not match (a scrolled long line), the word is classified on its own.
/// Text stays plain until the session's warm-up has finished: classifying needs Roslyn's parser, and loading it on the
/// editor's thread while the warm-up holds the other core would make the prompt and the first keys slow to appear.
/// </summary>
internal sealed class SyntaxHighlighter : IHighlighter
{
    private readonly Func<IReadOnlySet<string>> _typeNames;
    private readonly Func<bool> _ready;
    private readonly Queue<(string Word, Classification Kind)> _words = new();
    private string? _classifiedText;
    private Classification[] _classified = [];

    /// <summary>Creates a highlighter.</summary>
    /// <param name="typeNames">The names the session knows as types.</param>
    /// <param name="ready">True once colouring may start (the session is warm); until then text is drawn plain.</param>
    public SyntaxHighlighter(Func<IReadOnlySet<string>> typeNames, Func<bool>? ready = null)
    {
        _typeNames = typeNames;
        _ready = ready ?? (() => true);
    }

    /// <summary>The style for each classification (null: terminal default).</summary>
    public static Style? StyleOf(Classification kind) => kind switch
    {
        Classification.Keyword => new Style(Color.SteelBlue1),
        Classification.ControlKeyword => new Style(Color.Orchid),
        Classification.String => new Style(Color.LightSalmon3_1),
        Classification.Number => new Style(Color.DarkSeaGreen2),
        Classification.Comment => new Style(Color.Grey50),
        Classification.Type => new Style(Color.Aquamarine3),
        Classification.Method => new Style(Color.LightGoldenrod2_1),
        Classification.Preprocessor => new Style(Color.Grey70),
        _ => null,
    };

    /// <summary>RadLine is about to draw line <paramref name="line"/> of what <paramref name="view"/> holds.</summary>
    public void BeginLine(EditorView view, int line)
    {
        _words.Clear();
        if (!_ready()) return;
        IReadOnlyList<string> lines;
        try
        {
            lines = view.Lines();
        }
        catch (Exception e) when (e is System.Reflection.TargetInvocationException or InvalidOperationException)
        {
            return;
        }

        if (line < 0 || line >= lines.Count) return;
        var text = string.Join("\n", lines);
        if (text != _classifiedText)
        {
            _classified = Classifier.Classify(text, _typeNames());
            _classifiedText = text;
        }

        int offset = lines.Take(line).Sum(l => l.Length + 1);
        foreach (var (start, length) in Words(lines[line]))
        {
            _words.Enqueue((lines[line].Substring(start, length), _classified[offset + start]));
        }
    }

    /// <inheritdoc />
    public Style? Highlight(string token)
    {
        if (!_ready()) return null;
        while (_words.Count > 0)
        {
            var (word, kind) = _words.Dequeue();
            if (word == token) return StyleOf(kind);
        }

        return StyleOf(Classifier.Classify(token, _typeNames()) is { Length: > 0 } alone ? alone[0] : Classification.Plain);
    }

    /// <summary>Words as RadLine splits a line: runs of letters and digits, and every other character alone (whitespace is skipped).</summary>
    public static IEnumerable<(int Start, int Length)> Words(string line)
    {
        int i = 0;
        while (i < line.Length)
        {
            if (char.IsLetterOrDigit(line[i]))
            {
                int start = i;
                while (i < line.Length && char.IsLetterOrDigit(line[i])) i++;
                yield return (start, i - start);
            }
            else
            {
                if (!char.IsWhiteSpace(line[i])) yield return (i, 1);
                i++;
            }
        }
    }
}
