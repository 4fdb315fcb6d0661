using GradRepl.Repl;

namespace GradRepl.Tests.Repl;

public sealed class SubmissionsTests
{
    [Theory]
    [InlineData("var x = 1;")]
    [InlineData("x.grad")]
    [InlineData("print(1 + 1)")]
    [InlineData("for (int i = 0; i < 3; i++) { print(i); }")]
    [InlineData("// just a comment")]
    [InlineData("")]
    [InlineData("#help")]
    [InlineData("#save out.csx")]
    [InlineData("var s = \"{\";")]
    [InlineData(":solution\n")]
    public void IsComplete_CompleteCode_ReturnsTrue(string code) => Assert.True(Submissions.IsComplete(code));

    [Theory]
    [InlineData("for (int i = 0; i < 3; i++) {")]
    [InlineData("var y = x.pow(2) +")]
    [InlineData("int F(int n)\n{\n    return n;")]
    [InlineData("var s = @\"multi\nline")]
    [InlineData("/* open comment")]
    [InlineData("print(")]
    public void IsComplete_IncompleteCode_ReturnsFalse(string code) => Assert.False(Submissions.IsComplete(code));

    [Theory]
    [InlineData("for (;;) {", "    ")]
    [InlineData("class A {\n  void F() {", "        ")]
    [InlineData("var x = 1;", "")]
    [InlineData("print(f(", "        ")]
    public void Indentation_OpenBrackets_FourSpacesEach(string code, string expected) => Assert.Equal(expected, Submissions.Indentation(code));

    [Fact]
    public void Split_LinesOfSnippets_GroupsCompleteSubmissions()
    {
        var input = new StringReader("print(1)\n\nfor (int i = 0; i < 2; i++)\n{\n    print(i);\n}\nx.grad\n");

        var parts = Submissions.Split(input).Select(p => p.Text).ToList();

        Assert.Equal(["print(1)", "for (int i = 0; i < 2; i++)\n{\n    print(i);\n}", "x.grad"], parts);
    }

    [Fact]
    public void TryParse_Commands_RecognisesNameAndArgument()
    {
        Assert.True(MetaCommand.TryParse("#save \"my session.csx\"", out var save));
        Assert.Equal(new MetaCommand("save", "my session.csx"), save);
        Assert.True(MetaCommand.TryParse("  #exit ", out var exit));
        Assert.Equal("exit", exit.Name);
        Assert.False(MetaCommand.TryParse("#r \"lib.dll\"", out _));
        Assert.False(MetaCommand.TryParse("#nullable enable", out _));
    }
}
