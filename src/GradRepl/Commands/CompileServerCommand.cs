using System.Globalization;
using GradRepl.Scripting;

namespace GradRepl.Commands;

/// <summary>
/// <c>gradrepl --compile-server SOCKET</c>: the background compile server (<see cref="CompileServer"/>). Not a user
/// command: batch runs start it themselves. <c>GRADREPL_COMPILE_SERVER_IDLE_SECONDS</c> shortens its idle timeout (tests).
/// </summary>
internal static class CompileServerCommand
{
    /// <summary>Serves on <paramref name="socketPath"/> until idle; the exit code is always 0.</summary>
    public static int Execute(string socketPath)
    {
        if (!OperatingSystem.IsLinux()) return ExitCodes.Usage;
        var idle = CompileServer.IdleTimeout;
        if (double.TryParse(Environment.GetEnvironmentVariable("GRADREPL_COMPILE_SERVER_IDLE_SECONDS"), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            && seconds > 0)
        {
            idle = TimeSpan.FromSeconds(seconds);
        }

        new CompileServer(socketPath, idle).Run(CancellationToken.None);
        return ExitCodes.Success;
    }
}
