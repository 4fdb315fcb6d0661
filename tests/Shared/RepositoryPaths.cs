namespace GradRepl.TestSupport;

/// <summary>Where the repository is, for tests that read or run files outside their output folder.</summary>
internal static class RepositoryPaths
{
    /// <summary>The directory holding GradRepl.sln, found by walking up from the test binaries.</summary>
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "GradRepl.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("GradRepl.sln not found above " + AppContext.BaseDirectory);
    }
}
