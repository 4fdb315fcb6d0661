using GradRepl.Scripting;

namespace GradRepl.Tests.Scripting;

public sealed class NullReferenceExplainerTests
{
    // Not thrown: a thrown one's innermost frame would be this test assembly, which the explainer treats as library code.
    private static readonly NullReferenceException s_null = new();

    [Theory]
    // PyTorch 1.13 for the same line: AttributeError: 'NoneType' object has no attribute 'zero_' / 'item' / 'name'.
    [InlineData("x.grad.zero_();", "AttributeError: 'NoneType' object has no attribute 'zero_' (x.grad is None)")]
    [InlineData("print(x.grad.item());", "AttributeError: 'NoneType' object has no attribute 'item' (x.grad is None)")]
    [InlineData("print(x.grad!.item()); // x.grad", "AttributeError: 'NoneType' object has no attribute 'item' (x.grad is None)")]
    [InlineData("print($\"name: {y.grad_fn.name()}\");", "AttributeError: 'NoneType' object has no attribute 'name' (y.grad_fn is None)")]
    [InlineData("var n = y.next_functions[1].node.name();", "AttributeError: 'NoneType' object has no attribute 'name' (y.next_functions[1].node is None)")]
    [InlineData("var n = y.grad_fn.next_functions[1].node.name();", "NullReferenceException: one of these is None (null): y.grad_fn, y.grad_fn.next_functions[1].node")]
    [InlineData("print(Math.Sqrt(s.Length));", "AttributeError: 'NoneType' object has no attribute 'Length' (s is None)")]
    [InlineData("var first = values[0];", "TypeError: 'NoneType' object is not subscriptable (values is None)")]
    [InlineData("print(a.Length + b.Length);", "NullReferenceException: one of these is None (null): a, b")]
    public void Headline_NullOnTheLine_NamesItAsPythonWould(string line, string expected)
    {
        Assert.Equal(expected, NullReferenceExplainer.Headline(s_null, line));
    }

    [Theory]
    [InlineData("print(\"a.b\");")]
    [InlineData("x?.grad?.zero_();")]
    [InlineData("")]
    public void Headline_NothingDereferenced_LeavesTheMessageAlone(string line)
    {
        Assert.Null(NullReferenceExplainer.Headline(s_null, line));
    }

    [Fact]
    public void Headline_OtherException_LeavesTheMessageAlone()
    {
        Assert.Null(NullReferenceExplainer.Headline(new InvalidOperationException(), "x.grad.zero_();"));
    }
}
