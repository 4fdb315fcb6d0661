using GradRepl.Repl;

namespace GradRepl.Tests.Repl;

// Sessions share the process-wide interrupt hook (ScriptEnvironment.Interrupt), so they run one at a time.
[Collection(nameof(ReplSessionCollection))]
public sealed class InstrumentationTests
{
    private static string Instrument(string code) => Instrumentation.Instrument(code, Submissions.ParseOptions).Text;

    private static int Checks(string code) => (Instrument(code).Length - code.Length) == 0
        ? 0
        : CountOccurrences(Instrument(code), Instrumentation.Check) + CountOccurrences(Instrument(code), Instrumentation.CallCheck);

    private static int CountOccurrences(string text, string part)
    {
        int count = 0;
        for (int i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + 1, StringComparison.Ordinal)) count++;
        return count;
    }

    [Theory]
    [InlineData("while (true) { }", 1)]
    [InlineData("while (true) x++;", 1)]
    [InlineData("do { x++; } while (x < 10);", 1)]
    [InlineData("for (int i = 0; i < 10; i++) for (int j = 0; j < 10; j++) s += i * j;", 2)]
    [InlineData("foreach (var v in xs) { print(v); }", 1)]
    [InlineData("int F(int n) { return n == 0 ? 0 : F(n - 1); }", 1)]
    [InlineData("class C { public C() { } public int P { get { return 1; } } void M() { } }", 3)]
    [InlineData("Func<int, int> f = n => { return n; };", 1)]
    [InlineData("var y = x.pow(2);", 0)]
    [InlineData("double F(double n) => F(n + 1);", 1)]
    [InlineData("void G() => print(1);", 1)]
    [InlineData("class C { int P => 1; int this[int i] => i; int Q { get => 1; set => _ = value; } C() => print(0); }", 5)]
    [InlineData("var n = xs.Count(i => Math.Sqrt(i) > -1);", 1)]
    [InlineData("Action a = () => print(1);", 0)]
    [InlineData("", 1)]
    [InlineData("using System; // nothing to run", 1)]
    public void Instrument_LoopsAndBodies_InsertsOneCheckEach(string code, int expected) => Assert.Equal(expected, Checks(code));

    [Fact]
    public void Instrument_MultiLineCode_KeepsLineNumbers()
    {
        var code = "var n = 0;\nwhile (n < 5)\n    n++;\nfor (;;)\n{\n    break;\n}\nn";

        var text = Instrument(code);

        Assert.Equal(code.Split('\n').Length, text.Split('\n').Length);
        Assert.EndsWith("\nn", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ToOriginal_PositionAfterInsertions_MapsBack()
    {
        var code = "while (true) { x++; } undefined";
        var instrumented = Instrumentation.Instrument(code, Submissions.ParseOptions);

        var inInstrumented = instrumented.Text.IndexOf("undefined", StringComparison.Ordinal);

        Assert.Equal(code.IndexOf("undefined", StringComparison.Ordinal), instrumented.ToOriginal(inInstrumented));
    }

    [Fact]
    public async Task Evaluate_InfiniteLoopThenCtrlC_InterruptedAndVariablesKept()
    {
        var session = new TestSession();
        session.Run("var x = tensor(2.0, requires_grad: true); var y = x.pow(2); y.backward();");
        var press = session.InterruptWhenRunning();

        var result = session.Session.Evaluate("var count = 0; while (true) { count++; }");

        await press;
        Assert.IsType<SubmissionResult.Interrupted>(result);
        Assert.Equal("tensor(4.)", session.Run("x.grad")!.ToString());
        Assert.True((int)session.Run("count")! > 0);
    }

    [Fact]
    public async Task Evaluate_EndlessRecursionWithoutLoopsThenCtrlC_Interrupted()
    {
        var session = new TestSession();
        var press = session.InterruptWhenRunning();

        // 2^1000 calls, 1000 deep, no loop: only the check at the top of the method body can stop it.
        var result = session.Session.Evaluate("void Fork(int depth) { if (depth < 1000) { Fork(depth + 1); Fork(depth + 1); } }\nFork(0);");

        await press;
        Assert.IsType<SubmissionResult.Interrupted>(result);
        Assert.Equal(2, (int)session.Run("1 + 1")!);
    }

    [Fact]
    public void Evaluate_ExpressionBodiedMembersAndLambdas_RunAsWritten()
    {
        var session = new TestSession();

        session.Run("""
            int Twice(int n) => 2 * n;
            void Show(int n) => print(n);
            async Task Nap() => await Task.Delay(1);
            async Task<int> Later() => await Task.FromResult(5);
            class Box
            {
                public Box() => Value = 1;
                public int Value { get => _value; set => _value = value; }
                private int _value;
                public int Doubled => 2 * Value;
                public int this[int i] => i * Value;
                public static Box operator +(Box a, Box b) => new Box { Value = a.Value + b.Value };
                public static implicit operator int(Box b) => b.Value;
                public void Fail() => throw new InvalidOperationException("no");
                public ref int Slot => ref _value;
            }
            """);

        Assert.Equal(0 + 1 + 1 + 1 + 4 + 3 + 5 + 12 + 9, (int)session.Run("""
            await Nap(); Show(1);
            var b = new Box() + new Box();
            b.Slot += 1;
            Func<int, Func<int, int>> add = x => y => x + y;
            Twice(0) + 1 + (int)new Box() + 1 + new Box()[4] + 3 + await Later() + Enumerable.Range(0, 4).Sum(i => i * 2) + add(b)(b.Doubled)
            """)!);
        Assert.Equal("1\n", session.Out.ToString());
    }

    [Fact]
    public void Evaluate_UnboundedRecursion_RecursionErrorAndVariablesKept()
    {
        var session = new TestSession();
        session.Run("var keep = 42;");

        var result = session.Session.Evaluate("double F(double n) => F(n + 1);\nF(0)");

        var failed = Assert.IsType<SubmissionResult.Failed>(result);
        Assert.Equal("RecursionError", failed.Exception.GetType().Name);
        Assert.Equal(42, (int)session.Run("keep")!);
    }
}
