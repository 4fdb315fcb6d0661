using GradRepl.Lessons;
using GradRepl.Scripting;

namespace GradRepl.Commands;

/// <summary><c>gradrepl new NAME</c>: write <c>scripts/NAME.csx</c>, a lesson skeleton that passes <c>check</c>.</summary>
internal static class NewCommand
{
    /// <summary>Writes the skeleton; returns the exit code (2 for a bad name or an existing file).</summary>
    public static int Execute(string name)
    {
        var output = new ConsoleScriptOutput();
        if (name.EndsWith(".csx", StringComparison.OrdinalIgnoreCase)) name = name[..^4];
        if (name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            output.WriteErrorLine($"gradrepl: error: '{name}' is not a lesson name (use letters, digits, '-' and '_')");
            return ExitCodes.Usage;
        }

        var path = Path.Combine("scripts", name + ".csx");
        if (File.Exists(path))
        {
            output.WriteErrorLine($"gradrepl: error: {path} already exists");
            return ExitCodes.Usage;
        }

        try
        {
            Directory.CreateDirectory("scripts");
            using (var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
            using (var writer = new StreamWriter(stream))
            {
                writer.Write(LessonTemplate.Create(name));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            output.WriteErrorLine($"gradrepl: error: cannot write {path}: {e.Message}");
            return ExitCodes.Failure;
        }

        output.Out.WriteLine($"Created {DiagnosticFormatter.DisplayPath(path)}");
        output.Out.WriteLine($"Run it with:   gradrepl {path}");
        output.Out.WriteLine($"Check it with: gradrepl check {path}");
        output.Flush();
        return ExitCodes.Success;
    }
}
