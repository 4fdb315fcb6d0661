using GradRepl.Repl;

namespace GradRepl.Tests.Repl;

public sealed class HistoryTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("gradrepl-history-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string FilePath => Path.Combine(_directory, "gradrepl", "history");

    [Fact]
    public void Add_MultiLineEntry_SurvivesReopening()
    {
        var history = new History(FilePath);
        history.Add("var x = 1;");
        history.Add("for (;;)\n{\n    break; // a \\ backslash\n}");
        history.Add("for (;;)\n{\n    break; // a \\ backslash\n}");

        var reopened = new History(FilePath);

        Assert.Equal(["var x = 1;", "for (;;)\n{\n    break; // a \\ backslash\n}"], reopened.Entries);
        Assert.Equal(2, File.ReadAllLines(FilePath).Length);
    }

    [Fact]
    public void Add_MoreThanLimit_KeepsTheLastThousand()
    {
        var history = new History(FilePath);
        for (int i = 0; i < History.Limit + 5; i++) history.Add($"print({i})");

        var reopened = new History(FilePath);

        Assert.Equal(History.Limit, reopened.Entries.Count);
        Assert.Equal("print(5)", reopened.Entries[0]);
        Assert.Equal($"print({History.Limit + 4})", reopened.Entries[^1]);
    }

    [Fact]
    public void DefaultPath_XdgDataHome_IsUnderIt()
    {
        var previous = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        try
        {
            Environment.SetEnvironmentVariable("XDG_DATA_HOME", _directory);
            Assert.Equal(FilePath, History.DefaultPath());
        }
        finally
        {
            Environment.SetEnvironmentVariable("XDG_DATA_HOME", previous);
        }
    }
}
