using GradRepl.Completion;

namespace GradRepl.Tests.Repl;

// Sessions share the process-wide interrupt hook (ScriptEnvironment.Interrupt), so they run one at a time.
[Collection(nameof(ReplSessionCollection))]
public sealed class CompletionProviderTests
{
    private static readonly Lazy<(TestSession Session, CompletionProvider Provider)> Shared = new(() =>
    {
        var session = new TestSession();
        session.Run("var x = tensor(2.0, requires_grad: true);");
        session.Run("var learningRate = 0.1;");
        return (session, new CompletionProvider(session.Session));
    });

    private static CompletionResult Complete(string code) => Shared.Value.Provider.GetCompletions(code, code.Length);

    [Fact]
    public void GetCompletions_MemberPrefixOfTensor_OffersBackward()
    {
        var result = Complete("x.ba");

        Assert.Equal(2, result.Start);
        Assert.Equal("ba", result.Word);
        Assert.Equal(["backward"], result.Candidates);
    }

    [Fact]
    public void GetCompletions_AfterDot_OffersTensorMembers()
    {
        var result = Complete("var y = x.");

        Assert.Contains("backward", result.Candidates);
        Assert.Contains("grad", result.Candidates);
        Assert.Contains("pow", result.Candidates);
        Assert.Contains("requires_grad", result.Candidates);
        Assert.DoesNotContain("tensor", result.Candidates);
    }

    [Fact]
    public void GetCompletions_NamePrefix_OffersEarlierVariablesAndGlobals()
    {
        Assert.Contains("learningRate", Complete("print(lea").Candidates);
        var te = Complete("te").Candidates;
        Assert.Contains("tensor", te);
        Assert.Contains("Tensor", te);
        Assert.Contains("show", Complete("sh").Candidates);
    }

    [Fact]
    public void GetCompletions_GlobalAtTopLevelAndInsideAClass_OfferedOnce()
    {
        Assert.Equal(["gradcheck"], Complete("gradch").Candidates);
        Assert.Equal(["gradcheck"], Complete("class A\n{\n    public void F() => gradch").Candidates);
        Assert.Equal(["savefig"], Complete("static void Save() => savef").Candidates);
    }

    [Fact]
    public void GetCompletions_StaticTypeMembers_OffersTorchFunctions()
    {
        var result = Complete("torch.");

        Assert.Contains("tensor", result.Candidates);
        Assert.Contains("linspace", result.Candidates);
        Assert.Contains("no_grad", result.Candidates);
    }

    [Fact]
    public void GetCompletions_HiddenMembers_AreLeftOut()
    {
        Assert.DoesNotContain("__checkpoint", Complete("__").Candidates);
        Assert.DoesNotContain("MakeCurrent", Complete("MakeCurr").Candidates);
        Assert.DoesNotContain("GetHashCode", Complete("GetHash").Candidates);
    }

    [Fact]
    public void GetCompletions_MultiLineCode_UsesEarlierLines()
    {
        var result = Complete("var z = x * 2;\nz.ba");

        Assert.Equal(["backward"], result.Candidates);
    }

    [Fact]
    public void GetCompletions_InsideString_OffersNothing()
    {
        Assert.Empty(Complete("print(\"x.ba").Candidates);
    }
}
