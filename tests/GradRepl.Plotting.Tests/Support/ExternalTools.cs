using System.Diagnostics;

namespace GradRepl.Plotting.Tests.Support;

/// <summary>
/// Independent PNG decoders: Debian's <c>pngcheck</c> and Pillow (<c>python3-pil</c>) under the system Python.
/// Tests that need one are skipped, with the package to install, when it is missing.
/// </summary>
internal static class ExternalTools
{
    public const string SystemPython = "/usr/bin/python3";

    private static readonly Lazy<bool> s_pillow = new(() =>
        File.Exists(SystemPython) && Run(SystemPython, ["-c", "import PIL"]).ExitCode == 0);

    public static string? PngCheck => new[] { "/usr/bin/pngcheck", "/usr/local/bin/pngcheck" }.FirstOrDefault(File.Exists);

    public static bool HasPillow => s_pillow.Value;

    public static (int ExitCode, string Output, string Error) Run(string file, IEnumerable<string> args)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {file}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000))
        {
            process.Kill();
            throw new TimeoutException($"{file} did not finish within a minute.");
        }

        return (process.ExitCode, output.Result, error.Result);
    }
}
