using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text;

namespace GradRepl.Scripting;

/// <summary>Turns compile errors and runtime exceptions into the messages learners see.</summary>
internal static class DiagnosticFormatter
{
    /// <summary>How many compile errors are shown; the rest are counted (a wrong file can give thousands).</summary>
    public const int MaxCompileErrors = 20;

    /// <summary>How many <c>called from</c> lines a runtime error shows.</summary>
    public const int MaxCalledFrom = 20;

    /// <summary>
    /// The first <see cref="MaxCompileErrors"/> errors, each formatted by <see cref="FormatCompileError"/>, then
    /// <c>and N more errors</c> when there are more, one per line.
    /// </summary>
    public static string FormatCompileErrors(IReadOnlyList<ScriptDiagnostic> errors)
    {
        var lines = errors.Take(MaxCompileErrors).Select(FormatCompileError).ToList();
        if (errors.Count > MaxCompileErrors) lines.Add($"and {errors.Count - MaxCompileErrors} more errors");
        return string.Join('\n', lines);
    }

    /// <summary>
    /// Every warning, each formatted as <see cref="FormatCompileError"/> formats an error but with <c>warning</c>, one
    /// after the other; shown before the script runs, which it does anyway.
    /// </summary>
    public static string FormatCompileWarnings(IReadOnlyList<ScriptDiagnostic> warnings) =>
        string.Join('\n', warnings.Select(FormatCompileError));

    /// <summary>
    /// <paramref name="text"/> with control characters (other than tabs) written as <c>\x1b</c>, so that text taken
    /// from a user's file (a source line, a compiler message quoting it) cannot move the cursor or recolour the terminal.
    /// </summary>
    public static string Visible(string text)
    {
        if (!text.Any(IsControl)) return text;
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (IsControl(c)) sb.Append(CultureInfo.InvariantCulture, $"\\x{(int)c:x2}");
            else sb.Append(c);
        }

        return sb.ToString();
    }

    private static bool IsControl(char c) => c != '\t' && char.IsControl(c);

    /// <summary>
    /// A compile error as <c>path(line,col): error CSxxxx: message</c> (a warning with <c>warning</c>), then the source
    /// line and a caret (with tildes under the rest of the span), then the hint when there is one.
    /// </summary>
    public static string FormatCompileError(ScriptDiagnostic diagnostic)
    {
        var sb = new StringBuilder();
        var severity = diagnostic.IsWarning ? "warning" : "error";
        sb.Append(CultureInfo.InvariantCulture, $"{DisplayPath(diagnostic.Path)}({diagnostic.Line},{diagnostic.Column}): {severity} {diagnostic.Id}: {Visible(diagnostic.Message)}");
        if (diagnostic.SourceLine is { } rawLine)
        {
            var line = rawLine;
            sb.Append('\n').Append("    ").Append(Visible(line.TrimEnd()));
            sb.Append('\n').Append("    ");
            // Keep tabs so the caret lines up under tab-indented code; a control character shown as \x1b takes four columns.
            for (int i = 0; i < diagnostic.Column - 1 && i < line.Length; i++) sb.Append(line[i] == '\t' ? "\t" : IsControl(line[i]) ? "    " : " ");
            sb.Append('^');
            int tildes = Math.Min(diagnostic.Length, Math.Max(1, line.Length - (diagnostic.Column - 1))) - 1;
            if (tildes > 0) sb.Append('~', tildes);
        }

        if ((diagnostic.Hint ?? CompileHints.For(diagnostic.Id, diagnostic.Message)) is { } hint) sb.Append("\n    ").Append(Visible(hint));
        return sb.ToString();
    }

    /// <summary>
    /// An unhandled exception as <c>path(line): error: Type: message</c> at the innermost script frame, with the
    /// source line, then one <c>called from</c> line per outer script frame. The host's own frames are never shown.
    /// </summary>
    /// <param name="exception">The exception the script threw.</param>
    /// <param name="scriptAssemblyName">Full name of the script's assembly (its frames are the ones shown).</param>
    /// <param name="fallbackPath">The script path to name when no frame carries a line number.</param>
    public static string FormatRuntimeError(Exception exception, string scriptAssemblyName, string fallbackPath)
    {
        var frames = ScriptFrames(exception, scriptAssemblyName);
        var headline = $"{exception.GetType().Name}: {exception.Message}";
        var sb = new StringBuilder();
        if (frames.Count == 0)
        {
            sb.Append(DisplayPath(fallbackPath)).Append(": error: ").Append(headline);
            return sb.ToString();
        }

        var (file, line) = frames[0];
        var source = SourceLine(file, line);
        headline = NullReferenceExplainer.Headline(exception, source) ?? headline;
        sb.Append(CultureInfo.InvariantCulture, $"{DisplayPath(file)}({line}): error: {headline}");
        if (source is { } text) sb.Append("\n    ").Append(Visible(text.Trim()));
        foreach (var (outerFile, outerLine) in frames.Skip(1).Take(MaxCalledFrom))
        {
            sb.Append(CultureInfo.InvariantCulture, $"\n  called from {DisplayPath(outerFile)}({outerLine})");
            if (SourceLine(outerFile, outerLine) is { } outerText) sb.Append(": ").Append(Visible(outerText.Trim()));
        }

        // Deep (mutual) recursion leaves thousands of frames.
        if (frames.Count - 1 > MaxCalledFrom) sb.Append(CultureInfo.InvariantCulture, $"\n  and {frames.Count - 1 - MaxCalledFrom} more calls");

        return sb.ToString();
    }

    /// <summary>A path as shown to the user: relative to the working directory when inside it, else absolute.</summary>
    public static string DisplayPath(string path)
    {
        if (string.IsNullOrEmpty(path)) return "<script>";
        try
        {
            var full = Path.GetFullPath(path);
            var relative = Path.GetRelativePath(Environment.CurrentDirectory, full);
            return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? full : relative;
        }
        catch (ArgumentException)
        {
            return path;
        }
    }

    // Innermost first; consecutive duplicates (async state machines) collapsed.
    private static List<(string File, int Line)> ScriptFrames(Exception exception, string scriptAssemblyName)
    {
        var result = new List<(string, int)>();
        foreach (var (frame, method) in ExceptionFrames.WithMethods(exception))
        {
            if (method?.DeclaringType?.Assembly.FullName != scriptAssemblyName) continue;
            var file = frame.GetFileName();
            var line = frame.GetFileLineNumber();
            if (file is null || line <= 0) continue;
            if (result.Count > 0 && result[^1] == (file, line)) continue;
            result.Add((file, line));
        }

        return result;
    }

    private static string? SourceLine(string file, int line)
    {
        try
        {
            return File.ReadLines(file).Skip(line - 1).FirstOrDefault();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }
}
