using GradRepl.Repl;

namespace GradRepl.Tests.Repl;

/// <summary>What each Enter, Tab and paste marker becomes, for keys arriving all at once (as under load or typed ahead).</summary>
public sealed class TerminalKeySourceTests
{
    private const char Esc = '\u001b';

    /// <summary>A key source over <paramref name="typed"/>, every key already waiting, as in a burst.</summary>
    private static TerminalKeySource Burst(string typed, out Queue<ConsoleKeyInfo> waiting)
    {
        var keys = new Queue<ConsoleKeyInfo>(typed.Select(ToKey));
        waiting = keys;
        return new TerminalKeySource(() => keys.Count > 0, () => keys.Dequeue());
    }

    private static ConsoleKeyInfo ToKey(char c) => c switch
    {
        '\r' => new ConsoleKeyInfo('\r', ConsoleKey.Enter, false, false, false),
        '\n' => new ConsoleKeyInfo('\n', ConsoleKey.Enter, false, false, true), // what .NET reports for a line feed
        '\t' => new ConsoleKeyInfo('\t', ConsoleKey.Tab, false, false, false),
        Esc => new ConsoleKeyInfo(Esc, ConsoleKey.Escape, false, false, false),
        _ => new ConsoleKeyInfo(c, ConsoleKey.NoName, false, false, false),
    };

    /// <summary>Reads like RadLine's editor does: while a key is available, read it.</summary>
    private static List<ConsoleKeyInfo> Drain(TerminalKeySource source)
    {
        var read = new List<ConsoleKeyInfo>();
        while (source.IsKeyAvailable()) read.Add(source.ReadKey());
        return read;
    }

    private static string Describe(IEnumerable<ConsoleKeyInfo> keys) => string.Concat(keys.Select(k =>
        k == TerminalKeySource.NewLine ? "⇧⏎" : k == TerminalKeySource.Enter ? "⏎" : k == TerminalKeySource.Nothing ? "∅"
        : k == TerminalKeySource.CloseBlock ? "⇤}" : k.KeyChar.ToString()));

    [Fact]
    public void TypedAhead_EnterIsRealAndStopsTheDrain()
    {
        var source = Burst("var a = 2;\ra*a\r", out var waiting);

        var firstEditor = Drain(source);

        Assert.Equal("var a = 2;⏎", Describe(firstEditor));
        Assert.Equal(4, waiting.Count); // "a*a⏎" is left for the next prompt
        Assert.Equal("a*a⏎", Describe(Drain(source)));
    }

    [Fact]
    public void LineFeedFromLineMode_IsAnEnter()
    {
        var source = Burst("1+1\n", out _);

        Assert.Equal("1+1⏎", Describe(Drain(source)));
    }

    [Fact]
    public void BracketedPaste_EntersBecomeNewLinesAndTabsSpaces()
    {
        var source = Burst($"{Esc}[200~var c = 3;\r{{\r\tc\r}}{Esc}[201~", out _);

        var keys = Drain(source);

        Assert.Equal("var c = 3;⇧⏎{⇧⏎    c⇧⏎}∅", Describe(keys));
    }

    [Fact]
    public void TypedClosingBrace_IsTheDedentingKey_PastedOneIsNot()
    {
        var source = Burst($"}}{Esc}[200~}}{Esc}[201~", out _);

        Assert.Equal("⇤}}∅", Describe(Drain(source)));
    }

    [Fact]
    public void AfterPasteEnds_EnterSubmitsAgain()
    {
        var source = Burst($"{Esc}[200~x\r{Esc}[201~y\r", out _);

        Assert.Equal("x⇧⏎y⏎", Describe(Drain(source)));
        Assert.False(source.InPaste);
    }

    [Fact]
    public void LoneEscapeAndOtherSequences_PassThroughInOrder()
    {
        var source = Burst($"{Esc}[2Ax{Esc}", out _);

        var keys = Drain(source);

        Assert.Equal([Esc, '[', '2', 'A', 'x', Esc], keys.Select(k => k.KeyChar));
        Assert.False(source.InPaste);
    }

    [Fact]
    public void InjectedKeys_ComeBeforeTerminalKeys()
    {
        var source = Burst("ab", out _);
        source.Inject(new ConsoleKeyInfo('\0', ConsoleKey.PageDown, false, false, false));

        var keys = Drain(source);

        Assert.Equal([ConsoleKey.PageDown, ConsoleKey.NoName, ConsoleKey.NoName], keys.Select(k => k.Key));
    }

    [Fact]
    public void RadLineNeverRewritesEnters()
    {
        Assert.True(Burst("", out _).ByPassProcessing);
    }
}
