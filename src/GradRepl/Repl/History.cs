using System.Text;

namespace GradRepl.Repl;

/// <summary>
/// The REPL's history file: one entry per line (backslash and newline escaped, so a multi-line entry stays one line),
/// appended after every submission so a crash loses nothing already entered; only the last <see cref="Limit"/> are kept.
/// Lives in <c>$XDG_DATA_HOME/gradrepl/history</c>, else <c>~/.local/share/gradrepl/history</c>.
/// </summary>
internal sealed class History
{
    /// <summary>How many entries are kept.</summary>
    public const int Limit = 1000;

    private readonly List<string> _entries = [];

    /// <summary>Opens (and loads) the history at <paramref name="path"/>.</summary>
    public History(string path)
    {
        Path = path;
        try
        {
            if (File.Exists(path))
            {
                foreach (var line in File.ReadLines(path))
                {
                    if (line.Length > 0) _entries.Add(Unescape(line));
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // An unreadable history is not worth failing the session over.
        }

        if (_entries.Count > Limit)
        {
            _entries.RemoveRange(0, _entries.Count - Limit);
            Rewrite();
        }
    }

    /// <summary>The history file.</summary>
    public string Path { get; }

    /// <summary>Entries, oldest first.</summary>
    public IReadOnlyList<string> Entries => _entries;

    /// <summary>The default location: <c>$XDG_DATA_HOME/gradrepl/history</c>, else <c>~/.local/share/gradrepl/history</c>.</summary>
    public static string DefaultPath()
    {
        var data = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        if (string.IsNullOrEmpty(data) || !System.IO.Path.IsPathRooted(data))
        {
            data = System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        }

        return System.IO.Path.Combine(data, "gradrepl", "history");
    }

    /// <summary>Adds an entry (unless it repeats the last one) and appends it to the file at once.</summary>
    public void Add(string entry)
    {
        entry = entry.ReplaceLineEndings("\n").TrimEnd();
        if (entry.Length == 0 || (_entries.Count > 0 && _entries[^1] == entry)) return;
        _entries.Add(entry);
        try
        {
            if (_entries.Count > Limit)
            {
                _entries.RemoveRange(0, _entries.Count - Limit);
                Rewrite();
                return;
            }

            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
            File.AppendAllText(Path, Escape(entry) + "\n", new UTF8Encoding(false));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    private void Rewrite()
    {
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
            var temp = Path + ".tmp";
            File.WriteAllLines(temp, _entries.Select(Escape), new UTF8Encoding(false));
            File.Move(temp, Path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    /// <summary>Encodes an entry as one line.</summary>
    public static string Escape(string entry) => entry.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>Decodes a line written by <see cref="Escape"/>.</summary>
    public static string Unescape(string line)
    {
        var sb = new StringBuilder(line.Length);
        for (int i = 0; i < line.Length; i++)
        {
            if (line[i] == '\\' && i + 1 < line.Length)
            {
                i++;
                sb.Append(line[i] == 'n' ? '\n' : line[i]);
            }
            else
            {
                sb.Append(line[i]);
            }
        }

        return sb.ToString();
    }
}
