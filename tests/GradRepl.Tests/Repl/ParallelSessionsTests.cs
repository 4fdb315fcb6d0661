using GradRepl.Repl;

namespace GradRepl.Tests.Repl;

// Sessions share the process-wide interrupt hook, so this class runs apart from the other session tests; its own two
// sessions run at once on purpose (nobody presses Ctrl+C).
[Collection(nameof(ReplSessionCollection))]
public sealed class ParallelSessionsTests
{
    [Fact]
    public void Evaluate_TwoSessionsAtOnce_EachClassPrintsToItsOwnSession()
    {
        const string speaker = """
            class Speaker
            {
                public static void Say(string word)
                {
                    for (int i = 0; i < 40; i++)
                    {
                        print(word, i);
                        System.Threading.Thread.Sleep(2);
                    }
                }
            }
            """;
        var first = new TestSession();
        var second = new TestSession();
        first.Run(speaker);
        second.Run(speaker);

        Parallel.Invoke(() => first.Run("Speaker.Say(\"first\");"), () => second.Run("Speaker.Say(\"second\");"));

        Assert.Equal(Lines("first"), first.Out.ToString());
        Assert.Equal(Lines("second"), second.Out.ToString());
    }

    private static string Lines(string word) => string.Concat(Enumerable.Range(0, 40).Select(i => $"{word} {i}\n"));
}
