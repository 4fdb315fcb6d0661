using GradRepl.Repl;
using RadLine;

namespace GradRepl.Tests.Repl;

/// <summary>A typed closing brace lines up with the statement that opened its block.</summary>
public sealed class CloseBlockCommandTests
{
    private static LineBuffer Type(string line, int? cursor = null)
    {
        var buffer = new LineBuffer(line);
        if (cursor is { } at) buffer.Move(at);
        new CloseBlockCommand().Execute(new LineEditorContext(buffer, null));
        return buffer;
    }

    [Theory]
    [InlineData("    ", "}")]
    [InlineData("        ", "    }")]
    [InlineData("  ", "}")]
    public void OnlyIndentationBeforeIt_TakesOneLevelOff(string line, string expected)
    {
        var buffer = Type(line);

        Assert.Equal(expected, buffer.Content);
        Assert.Equal(expected.Length, buffer.Position);
    }

    [Theory]
    [InlineData("    x = 1; ", "    x = 1; }")]
    [InlineData("", "}")]
    public void AfterCode_OrAtTheStart_JustTypesIt(string line, string expected)
    {
        var buffer = Type(line);

        Assert.Equal(expected, buffer.Content);
        Assert.Equal(expected.Length, buffer.Position);
    }

    [Fact]
    public void CursorInsideTheIndentation_DedentsWhatIsBeforeIt()
    {
        var buffer = Type("        x", cursor: 4);

        Assert.Equal("}    x", buffer.Content);
        Assert.Equal(1, buffer.Position);
    }
}
