using GradRepl.Scripting;

namespace GradRepl.Tests.Scripting;

public sealed class CompilerWarmUpTests
{
    [Fact]
    public void CompileLibrary_CompilesAndEmits()
    {
        // A sample with a compile error would stop before emitting, and so warm much less of Roslyn.
        Assert.True(CompilerWarmUp.CompileLibrary());
    }

    [Fact]
    public void BindLightSample_GetsThroughTheBinder()
    {
        Assert.True(CompilerWarmUp.BindLightSample());
    }
}
