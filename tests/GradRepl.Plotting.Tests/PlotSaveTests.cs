using GradRepl.Plotting.Tests.Support;

namespace GradRepl.Plotting.Tests;

public sealed class PlotSaveTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("gradrepl-plot-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void SavePng_MissingParentDirectories_CreatedAndFileWritten()
    {
        var path = Path.Combine(_root, "a", "b", "plot.png");

        LabFigures.Square().SavePng(path);

        Assert.Equal(LabFigures.Square().GetPngBytes(), File.ReadAllBytes(path));
    }

    [Fact]
    public void SavePng_ExistingFile_ReplacedWithoutLeftoverTemporaryFiles()
    {
        var path = Path.Combine(_root, "plot.png");
        File.WriteAllText(path, "old");

        LabFigures.Relu().SavePng(path, 320, 240);

        Assert.Equal(LabFigures.Relu().GetPngBytes(320, 240), File.ReadAllBytes(path));
        Assert.Equal(["plot.png"], Directory.GetFiles(_root).Select(Path.GetFileName));
    }

    [Fact]
    public void SavePng_ParentIsAFile_ThrowsNamingPathAndReasonLeavingNoFile()
    {
        var blocker = Path.Combine(_root, "not-a-directory");
        File.WriteAllText(blocker, "x");
        var path = Path.Combine(blocker, "plot.png");

        var e = Assert.Throws<IOException>(() => LabFigures.Square().SavePng(path));

        Assert.Contains(path, e.Message);
        Assert.True(e.Message.Length > path.Length + 20, $"no reason in '{e.Message}'");
        Assert.False(File.Exists(path));
        Assert.Equal(["not-a-directory"], Directory.GetFileSystemEntries(_root).Select(Path.GetFileName));
    }

    [Fact]
    public void SavePng_PathIsADirectory_ThrowsNamingPath()
    {
        var e = Assert.Throws<IOException>(() => new Plot().SavePng(_root));

        Assert.Contains(_root, e.Message);
        Assert.Contains("directory", e.Message);
    }

    [Fact]
    public void SavePng_UnwritableDirectory_ThrowsAndLeavesNoFile()
    {
        if (OperatingSystem.IsWindows() || Environment.UserName == "root")
        {
            Assert.Skip("Unix permissions do not stop root, and Windows has none to set here.");
            return;
        }

        var locked = Directory.CreateDirectory(Path.Combine(_root, "locked")).FullName;
        File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        try
        {
            var path = Path.Combine(locked, "plot.png");
            var e = Assert.Throws<IOException>(() => new Plot().SavePng(path));

            Assert.Contains(path, e.Message);
            Assert.Empty(Directory.GetFileSystemEntries(locked));
        }
        finally
        {
            File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void SavePng_EmptyPath_ThrowsArgumentException(string path)
    {
        Assert.Throws<ArgumentException>(() => new Plot().SavePng(path));
    }
}
