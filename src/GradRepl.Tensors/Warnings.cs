namespace GradRepl.Tensors;

/// <summary>
/// Where the engine's user warnings go. The engine never writes to the console itself: a host
/// (the prelude) routes warnings to its output; without a host they go to standard error.
/// </summary>
public static class TorchWarnings
{
    /// <summary>Receives each warning's full text, e.g. <c>UserWarning: The .grad attribute ...</c>.</summary>
    public static Action<string> Handler { get; set; } = message => Console.Error.WriteLine(message);

    internal static void Warn(string message) => Handler(message);
}
