namespace GradRepl.Repl;

/// <summary>Where the loop reads submissions from: the line editor in a terminal, or plain lines from a pipe.</summary>
internal interface IReplInput
{
    /// <summary>True for a person at a terminal (prompts, colours, Ctrl+C clears the line).</summary>
    bool IsInteractive { get; }

    /// <summary>
    /// Reads one complete submission (more lines are read while <see cref="Submissions.IsComplete"/> says no).
    /// Returns null at the end of input (Ctrl+D, end of the pipe) and <see cref="Dropped"/> when the line was dropped (Ctrl+C).
    /// </summary>
    /// <param name="prompt">The first line's prompt text, e.g. <c>&gt;</c>.</param>
    string? Read(string prompt);

    /// <summary>What <see cref="Read"/> returns for a line dropped with Ctrl+C (ETX, the character Ctrl+C types).</summary>
    const string Dropped = "\u0003";
}

/// <summary>Reads submissions from a text stream without an editor (piped stdin, or a terminal RadLine cannot drive).</summary>
/// <param name="reader">The input.</param>
/// <param name="promptWriter">Where prompts go when a person is typing; null for a pipe.</param>
internal sealed class PlainInput(TextReader reader, TextWriter? promptWriter) : IReplInput
{
    /// <inheritdoc />
    public bool IsInteractive => promptWriter is not null;

    /// <inheritdoc />
    public string? Read(string prompt)
    {
        var pending = new System.Text.StringBuilder();
        while (true)
        {
            if (promptWriter is not null)
            {
                promptWriter.Write(pending.Length == 0 ? prompt + " " : ". ");
                promptWriter.Flush();
            }

            var line = reader.ReadLine();
            if (line is null) return pending.Length > 0 ? pending.ToString().TrimEnd('\n') : null;
            if (pending.Length == 0 && string.IsNullOrWhiteSpace(line)) return "";
            pending.Append(line).Append('\n');
            var text = pending.ToString();
            if (Submissions.IsComplete(text)) return text.TrimEnd('\n');
        }
    }
}
