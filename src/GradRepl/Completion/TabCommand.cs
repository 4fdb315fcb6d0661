using GradRepl.Repl;
using RadLine;

namespace GradRepl.Completion;

/// <summary>
/// Tab in the editor: indents when only whitespace precedes the cursor; otherwise completes the identifier before
/// the cursor: a single candidate at once, several to their common prefix; when that adds nothing, the candidates are
/// listed below the line (as bash and IPython list them) and a further Tab cycles through them.
/// </summary>
internal sealed class TabCommand(CompletionProvider provider, EditorView view) : LineEditorCommand
{
    private const string Indent = "    ";

    // Cycling state survives between key presses (RadLine makes a new command per key).
    private static Cycle? s_cycle;

    /// <inheritdoc />
    public override void Execute(LineEditorContext context)
    {
        var buffer = context.Buffer;
        var content = buffer.Content;
        var caret = buffer.Position;
        if (string.IsNullOrWhiteSpace(content[..caret]))
        {
            buffer.Insert(Indent);
            buffer.Move(caret + Indent.Length);
            s_cycle = null;
            return;
        }

        if (s_cycle is { } cycle && cycle.Content == content && cycle.Caret == caret)
        {
            var next = (cycle.Index + 1) % cycle.Candidates.Count;
            Replace(buffer, cycle.Start, caret, cycle.Candidates[next]);
            s_cycle = cycle with { Index = next, Content = buffer.Content, Caret = buffer.Position };
            return;
        }

        s_cycle = null;
        var lines = view.Lines();
        var lineIndex = view.State?.LineIndex ?? 0;
        var before = lines.Count > lineIndex ? string.Concat(lines.Take(lineIndex).Select(l => l + "\n")) : "";
        CompletionResult result;
        try
        {
            result = provider.GetCompletions(before + content, before.Length + caret);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return;
        }

        var candidates = result.Candidates;
        if (candidates.Count == 0) return;
        var start = result.Start - before.Length;
        if (candidates.Count == 1)
        {
            Replace(buffer, start, caret, candidates[0]);
            return;
        }

        var common = CommonPrefix(candidates);
        if (common.Length > result.Word.Length)
        {
            Replace(buffer, start, caret, common);
            return;
        }

        // Cycling starts from the next Tab, in the editor that shows the same line again under the list.
        s_cycle = new Cycle(start, candidates, -1, content, caret);
        view.RequestRedraw(context, candidates);
    }

    private static void Replace(LineBuffer buffer, int start, int end, string text)
    {
        if (end > start) buffer.Clear(start, end - start);
        buffer.Move(start);
        buffer.Insert(text);
        buffer.Move(start + text.Length);
    }

    private static string CommonPrefix(IReadOnlyList<string> items)
    {
        var prefix = items[0];
        foreach (var item in items.Skip(1))
        {
            int n = 0;
            while (n < prefix.Length && n < item.Length && prefix[n] == item[n]) n++;
            prefix = prefix[..n];
        }

        return prefix;
    }

    private sealed record Cycle(int Start, IReadOnlyList<string> Candidates, int Index, string Content, int Caret);
}
