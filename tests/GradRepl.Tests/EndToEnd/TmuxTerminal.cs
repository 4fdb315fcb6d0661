using System.Diagnostics;
using System.Text;

namespace GradRepl.Tests.EndToEnd;

/// <summary>
/// Drives the built <c>gradrepl</c> in a real terminal: a tmux server on a private socket, a fixed-size window,
/// isolated XDG directories, and a screen read with <c>capture-pane</c>, polled until a deadline. Keys go out the
/// moment they are asked for, as fast as a script (or a typist ahead of the program) sends them.
/// </summary>
internal sealed class TmuxTerminal : IDisposable
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private readonly string _socket = "gradrepl-test-" + Guid.NewGuid().ToString("N");
    private int _sessions;
    private string? _socketPath;

    public TmuxTerminal()
    {
        Home = Directory.CreateTempSubdirectory("gradrepl-tmux-").FullName;
        WorkingDirectory = Path.Combine(Home, "work");
        Directory.CreateDirectory(WorkingDirectory);
    }

    /// <summary>True when tmux is installed (.ci/run installs it).</summary>
    public static bool Available { get; } = Probe();

    public string Home { get; }

    public string WorkingDirectory { get; }

    public string DataHome => Path.Combine(Home, "data");

    /// <summary>Extra environment variables for the next <see cref="Start"/>.</summary>
    public Dictionary<string, string> ExtraEnvironment { get; } = [];

    /// <summary>Where <see cref="Start"/> copies the program's raw output (escapes and all): tmux's <c>pipe-pane -O</c>.</summary>
    public string RawOutputFile => Path.Combine(Home, $"raw-{_sessions}");

    private string Target => $"s{_sessions}";

    private string ExitFile => Path.Combine(Home, $"exit-{_sessions}");

    /// <summary>Starts <c>gradrepl ARGS</c> in a new 120x40 window (the previous one, if any, is left as it is).</summary>
    public void Start(params string[] args)
    {
        _sessions++;
        // The shell records the exit code in a file: tmux 3.3 sometimes marks the pane dead (its terminal closed)
        // without ever reporting the status of the process that ended.
        var command = new StringBuilder("env -u NO_COLOR");
        foreach (var (name, value) in new[]
                 {
                     ("XDG_DATA_HOME", DataHome), ("XDG_CACHE_HOME", Path.Combine(Home, "cache")), ("HOME", Home),
                     ("TERM", "xterm-256color"), ("DOTNET_CLI_TELEMETRY_OPTOUT", "1"), ("GRADREPL_COMPILE_SERVER", "0"),
                 }.Concat(ExtraEnvironment.Select(e => (e.Key, e.Value))))
        {
            command.Append(' ').Append(name).Append('=').Append(Quote(value));
        }

        command.Append(" dotnet ").Append(Quote(ToolProcess.ToolPath));
        foreach (var arg in args) command.Append(' ').Append(Quote(arg));
        command.Append("; echo $? > ").Append(Quote(ExitFile));
        Tmux("-f", "/dev/null", "new-session", "-d", "-s", Target, "-x", "120", "-y", "40", "-c", WorkingDirectory, command.ToString());
        _socketPath ??= Tmux("display-message", "-p", "-t", Target, "#{socket_path}").Trim();
        Tmux("set-option", "-t", Target, "remain-on-exit", "on");
        Tmux("set-option", "-t", Target, "history-limit", "5000");
        Tmux("pipe-pane", "-O", "-t", Target, "cat >> " + Quote(RawOutputFile));
    }

    /// <summary>Types <paramref name="text"/> literally and waits until it is on screen.</summary>
    public void Type(string text)
    {
        // tmux takes a trailing ';' as a command separator unless it is escaped.
        Tmux("send-keys", "-t", Target, "-l", text.EndsWith(';') ? text[..^1] + "\\;" : text);
        WaitFor(text);
    }

    /// <summary>Types a line and presses Enter.</summary>
    public void Enter(string text)
    {
        Type(text);
        Press("Enter");
    }

    /// <summary>Presses keys (tmux names: Enter, Tab, C-c, C-d, Up).</summary>
    public void Press(params string[] keys) => Tmux(["send-keys", "-t", Target, .. keys]);

    /// <summary>Sends each line and an Enter at once, without waiting to see anything: typing ahead of the program.</summary>
    public void TypeAhead(params string[] lines)
    {
        var args = new List<string>();
        foreach (var line in lines)
        {
            if (args.Count > 0) args.Add(";");
            args.AddRange(["send-keys", "-t", Target, "-l", line.EndsWith(';') ? line[..^1] + "\\;" : line, ";", "send-keys", "-t", Target, "Enter"]);
        }

        Tmux([.. args]);
    }

    /// <summary>Pastes <paramref name="text"/> as a terminal does: bracketed, when the program asked for that.</summary>
    public void Paste(string text)
    {
        var file = Path.Combine(Home, "paste.txt");
        File.WriteAllText(file, text);
        Tmux("load-buffer", "-b", "paste", file);
        Tmux("paste-buffer", "-p", "-d", "-b", "paste", "-t", Target);
    }

    /// <summary>The whole pane, scrollback included, wrapped lines joined, without colours.</summary>
    public string Screen() =>
        string.Join('\n', Tmux("capture-pane", "-p", "-J", "-S", "-", "-t", Target).Split('\n').Select(l => l.TrimEnd()));

    /// <summary>Waits until the screen contains <paramref name="text"/> at least <paramref name="times"/> times.</summary>
    public string WaitFor(string text, int times = 1) => WaitUntil(s => Count(s, text) >= times, $"'{text}' x{times}");

    /// <summary>Waits until the prompt (<paramref name="prompt"/> alone on the last non-empty line) shows.</summary>
    public string WaitForPrompt(string prompt = ">")
    {
        return WaitUntil(s => s.Split('\n').Select(l => l.TrimEnd()).LastOrDefault(l => l.Length > 0) == prompt, $"prompt '{prompt}'");
    }

    /// <summary>Waits for the program to end and returns its exit status.</summary>
    public int WaitForExit()
    {
        int status = -1;
        WaitUntil(_ =>
        {
            var text = File.Exists(ExitFile) ? File.ReadAllText(ExitFile).Trim() : "";
            return text.Length > 0 && int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out status);
        }, "exit");
        return status;
    }

    public string WaitUntil(Func<string, bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        string screen = "";
        while (clock.Elapsed < Deadline)
        {
            screen = Screen();
            if (condition(screen)) return screen;
            Thread.Sleep(100);
        }

        throw new TimeoutException($"waited {Deadline.TotalSeconds} s for {what}; the screen:\n{screen}");
    }

    public void Dispose()
    {
        try
        {
            Tmux("kill-server");
        }
        catch (InvalidOperationException)
        {
        }

        try
        {
            if (_socketPath is { Length: > 0 }) File.Delete(_socketPath);
            Directory.Delete(Home, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static int Count(string text, string part)
    {
        int count = 0;
        for (int i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal)) count++;
        return count;
    }

    private string Tmux(params string[] args) => Run("tmux", ["-L", _socket, .. args]);

    private static string Run(string file, string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        using var process = Process.Start(info) ?? throw new InvalidOperationException("cannot start " + file);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{file} {string.Join(' ', args)}: {stderr.Result}");
        return stdout.Result;
    }

    private static bool Probe()
    {
        try
        {
            Run("tmux", ["-V"]);
            return true;
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
