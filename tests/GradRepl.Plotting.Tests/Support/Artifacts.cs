using System.Runtime.CompilerServices;

namespace GradRepl.Plotting.Tests.Support;

/// <summary>Rendered files kept after the run, named after the test that made them, for people to look at.</summary>
internal static class Artifacts
{
    public static string Directory { get; } = System.IO.Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "artifacts")).FullName;

    public static string PathFor(string extension, [CallerMemberName] string test = "") => Path.Combine(Directory, $"{test}.{extension}");
}
