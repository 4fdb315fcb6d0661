using RadLine;

namespace GradRepl.Repl;

/// <summary>
/// Types a closing brace; when it is the first thing on its line, the line loses one level of the indentation the
/// editor gave it, as in a code editor (<c>}</c> lines up with the statement that opened the block).
/// </summary>
internal sealed class CloseBlockCommand : LineEditorCommand
{
    /// <inheritdoc />
    public override void Execute(LineEditorContext context)
    {
        var buffer = context.Buffer;
        var position = buffer.Position;
        if (position > 0 && buffer.Content.AsSpan(0, position).IndexOfAnyExcept(' ') < 0)
        {
            var dedent = Math.Min(Submissions.IndentWidth, position);
            buffer.Clear(position - dedent, dedent);
            buffer.Move(position - dedent);
        }

        buffer.Insert('}');
        buffer.Move(buffer.Position + 1);
    }
}
