using GradRepl.Lessons;

namespace GradRepl.Tests.Acceptance;

/// <summary>
/// Public teaching material ported line by line to C# (README spelling), run through the tool and compared line by
/// line with what its Python original prints under PyTorch 1.13 (NAME.expected, written by generate.sh from NAME.py).
/// The tool's own "Figure saved to" lines are not part of the comparison, and object addresses match any address.
/// </summary>
public sealed class AcceptanceTests : IDisposable
{
    private static readonly string s_directory = Path.Combine(ToolProcess.RepositoryRoot, "tests", "GradRepl.Tests", "Acceptance");

    private readonly ToolProcess _tool = new();

    public void Dispose() => _tool.Dispose();

    public static TheoryData<string> Ports()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(s_directory, "*.csx").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Ports))]
    public void Run_Port_PrintsWhatPyTorchPrints(string name)
    {
        var result = _tool.Run(Path.Combine(s_directory, name + ".csx"), "--out", "figures");

        Assert.True(result.ExitCode == 0, result.ToString());
        var expected = Lines(File.ReadAllText(Path.Combine(s_directory, name + ".expected")));
        var actual = Lines(result.Stdout).Where(l => !l.StartsWith("Figure saved to ", StringComparison.Ordinal)).ToList();
        Assert.True(
            expected.Select(LessonChecker.Normalize).SequenceEqual(actual.Select(LessonChecker.Normalize)),
            $"{name}.csx prints otherwise than PyTorch:\n{LineDiff.Format(expected, actual)}");
    }

    private static List<string> Lines(string text) => text.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n').ToList();
}
