using System.Reflection;
using Xunit.Sdk;
using Xunit.v3;

[assembly: TestFramework(typeof(GradRepl.Testing.SkipReasonsAsWarnings))]

namespace GradRepl.Testing;

/// <summary>
/// xunit's own test framework, except that a skipped test's reason is also reported as one of its warnings.
/// <c>dotnet test</c> (VSTest at its default, minimal verbosity) prints a skipped test as <c>[SKIP]</c> and
/// drops the reason, but prints warnings; so the reason ("tmux is not installed ...") shows under the
/// <c>[SKIP]</c> line. Included in every C# test project by tests/Directory.Build.props.
/// </summary>
public sealed class SkipReasonsAsWarnings : XunitTestFramework
{
    /// <inheritdoc/>
    protected override ITestFrameworkExecutor CreateExecutor(Assembly assembly) => new Executor(base.CreateExecutor(assembly));

    private sealed class Executor(ITestFrameworkExecutor inner) : ITestFrameworkExecutor, IAsyncDisposable
    {
        public ValueTask RunTestCases(IReadOnlyCollection<ITestCase> testCases, IMessageSink executionMessageSink,
            ITestFrameworkExecutionOptions executionOptions, CancellationToken? cancellationToken) =>
            inner.RunTestCases(testCases, new Sink(executionMessageSink), executionOptions, cancellationToken);

        public ValueTask DisposeAsync() => inner is IAsyncDisposable disposable ? disposable.DisposeAsync() : ValueTask.CompletedTask;
    }

    /// <summary>Passes every message on, a skipped test's with its reason added to its warnings.</summary>
    internal sealed class Sink(IMessageSink inner) : IMessageSink
    {
        /// <inheritdoc/>
        public bool OnMessage(IMessageSinkMessage message)
        {
            if (message is TestSkipped skipped)
                skipped.Warnings = [.. skipped.Warnings ?? [], skipped.Reason];
            return inner.OnMessage(message);
        }
    }
}
