using GradRepl.Repl;
using GradRepl.Tensors;

namespace GradRepl.Tests.Repl;

public sealed class ValueFormatterTests
{
    [Fact]
    public void Format_Values_ReadableForms()
    {
        Assert.Null(ValueFormatter.Format(null));
        Assert.Equal("tensor([1., 2.])", ValueFormatter.Format(torch.tensor(new[] { 1.0, 2.0 })));
        Assert.Equal("\"a\\nb\"", ValueFormatter.Format("a\nb"));
        Assert.Equal("[1, 2, 3]", ValueFormatter.Format(new List<int> { 1, 2, 3 }));
        Assert.Equal("0.1", ValueFormatter.Format(0.1));
        Assert.Equal("True", ValueFormatter.Format(true));
        Assert.Equal("(1, 'a')", ValueFormatter.Format((1, "a")));
    }

    [Fact]
    public void Format_EndlessSequence_ShowsTheFirstHundred()
    {
        var text = ValueFormatter.Format(Enumerable.Range(0, int.MaxValue).Select(i => i));

        Assert.StartsWith("[0, 1, 2", text, StringComparison.Ordinal);
        Assert.EndsWith("99, ...]", text, StringComparison.Ordinal);
    }
}
