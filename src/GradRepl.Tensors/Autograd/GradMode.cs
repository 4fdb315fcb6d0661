namespace GradRepl.Tensors.Autograd;

/// <summary>Whether operations record the autograd graph on this thread (PyTorch's grad mode is thread-local too).</summary>
internal static class GradMode
{
    [ThreadStatic] private static int t_disabledDepth;
    [ThreadStatic] private static bool t_forcedOn;

    public static bool IsEnabled => t_forcedOn || t_disabledDepth == 0;

    /// <summary>Turns recording off until the returned scope is disposed; scopes nest.</summary>
    public static IDisposable Disable()
    {
        var wasForced = t_forcedOn;
        t_forcedOn = false;
        t_disabledDepth++;
        return new Scope(() => { t_disabledDepth--; t_forcedOn = wasForced; });
    }

    /// <summary>Turns recording on (used by backward with create_graph inside a no_grad block).</summary>
    public static IDisposable Enable()
    {
        var wasForced = t_forcedOn;
        t_forcedOn = true;
        return new Scope(() => t_forcedOn = wasForced);
    }

    private sealed class Scope(Action onDispose) : IDisposable
    {
        private Action? _onDispose = onDispose;

        public void Dispose()
        {
            _onDispose?.Invoke();
            _onDispose = null;
        }
    }
}
