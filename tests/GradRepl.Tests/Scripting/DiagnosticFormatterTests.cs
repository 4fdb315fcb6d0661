using GradRepl.Scripting;

namespace GradRepl.Tests.Scripting;

public sealed class DiagnosticFormatterTests
{
    [Fact]
    public void FormatCompileError_WithSpan_PrintsLineAndCaret()
    {
        var path = Path.Combine(Environment.CurrentDirectory, "x.csx");
        var diagnostic = new ScriptDiagnostic(path, 12, 5, "CS0103", "The name 'foo' does not exist in the current context", "    foo(1);", 3);

        var text = DiagnosticFormatter.FormatCompileError(diagnostic);

        Assert.Equal("x.csx(12,5): error CS0103: The name 'foo' does not exist in the current context\n        foo(1);\n        ^~~", text);
    }

    [Fact]
    public void DisplayPath_OutsideWorkingDirectory_StaysAbsolute()
    {
        Assert.Equal("/definitely/elsewhere.csx", DiagnosticFormatter.DisplayPath("/definitely/elsewhere.csx"));
    }
}
