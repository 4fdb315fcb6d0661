namespace GradRepl.Prelude.Tests;

public sealed class ScriptGlobalsPrintTests
{
    private static (ScriptGlobals Globals, StringWriter Output) Create()
    {
        var output = new StringWriter();
        var globals = new ScriptGlobals(new ScriptEnvironment { Output = new TextWriterScriptOutput(output) });
        return (globals, output);
    }

    [Fact]
    public void Print_StringThenValue_JoinsWithOneSpaceLikePython()
    {
        var (globals, output) = Create();
        globals.print("The value: ", 2.0);
        Assert.Equal("The value:  2.0\n", output.ToString());
    }

    [Fact]
    public void Print_NullAndBooleans_PrintsNoneTrueFalse()
    {
        var (globals, output) = Create();
        globals.print(null);
        globals.print(true, false, null, 1e-5);
        Assert.Equal("None\nTrue False None 1e-05\n", output.ToString());
    }

    [Fact]
    public void Print_NoArguments_PrintsEmptyLine()
    {
        var (globals, output) = Create();
        globals.print();
        Assert.Equal("\n", output.ToString());
    }

    [Fact]
    public void Checkpoint_WithHandler_InvokesHandler()
    {
        var seen = new List<int>();
        var globals = new ScriptGlobals(new ScriptEnvironment { Output = new TextWriterScriptOutput(new StringWriter()), Checkpoint = seen.Add });
        globals.__checkpoint(3);
        Assert.Equal([3], seen);
    }
}
