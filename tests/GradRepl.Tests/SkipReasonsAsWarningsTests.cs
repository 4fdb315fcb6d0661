using System.Reflection;
using GradRepl.Testing;
using Xunit.Sdk;
using Xunit.v3;

namespace GradRepl.Tests;

/// <summary>The test projects' framework reports a skipped test's reason as a warning, which <c>dotnet test</c> prints.</summary>
public sealed class SkipReasonsAsWarningsTests
{
    [Fact]
    public void TestAssembly_UsesTheFrameworkThatReportsSkipReasons()
    {
        var attribute = typeof(SkipReasonsAsWarningsTests).Assembly.GetCustomAttribute<TestFrameworkAttribute>();

        Assert.Equal(typeof(SkipReasonsAsWarnings), attribute?.FrameworkType);
    }

    [Fact]
    public void Sink_SkippedTest_ReasonAddedToWarnings()
    {
        var received = new List<IMessageSinkMessage>();
        var sink = new SkipReasonsAsWarnings.Sink(new RecordingSink(received));

        sink.OnMessage(Skipped(reason: "tmux is not installed", warnings: ["an earlier warning"]));

        var skipped = Assert.IsAssignableFrom<ITestSkipped>(Assert.Single(received));
        Assert.Equal(["an earlier warning", "tmux is not installed"], skipped.Warnings!);
        Assert.Equal("tmux is not installed", skipped.Reason);
    }

    [Fact]
    public void Sink_SkippedTestWithoutWarnings_ReasonIsTheOnlyWarning()
    {
        var received = new List<IMessageSinkMessage>();
        var sink = new SkipReasonsAsWarnings.Sink(new RecordingSink(received));

        sink.OnMessage(Skipped(reason: "pngcheck is not installed", warnings: null));

        Assert.Equal(["pngcheck is not installed"], Assert.IsAssignableFrom<ITestSkipped>(Assert.Single(received)).Warnings!);
    }

    private static TestSkipped Skipped(string reason, string[]? warnings) => new()
    {
        AssemblyUniqueID = "assembly",
        ExecutionTime = 0,
        FinishTime = DateTimeOffset.UnixEpoch,
        Output = "",
        Reason = reason,
        TestCaseUniqueID = "case",
        TestClassUniqueID = "class",
        TestCollectionUniqueID = "collection",
        TestMethodUniqueID = "method",
        TestUniqueID = "test",
        Warnings = warnings,
    };

    private sealed class RecordingSink(List<IMessageSinkMessage> received) : IMessageSink
    {
        public bool OnMessage(IMessageSinkMessage message)
        {
            received.Add(message);
            return true;
        }
    }
}
