using GradRepl.Scripting;

namespace GradRepl.Tests.Scripting;

public sealed class CompilerWarmUpTests
{
    [Fact]
    public void CompileSample_CompilesAndEmits()
    {
        // A sample with a compile error would stop before emitting, and so warm much less of Roslyn.
        Assert.True(CompilerWarmUp.CompileSample());
    }
}
