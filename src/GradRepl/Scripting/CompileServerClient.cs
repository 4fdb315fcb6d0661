using System.Diagnostics;
using System.Net.Sockets;

namespace GradRepl.Scripting;

/// <summary>
/// The batch runner's side of the compile server (<see cref="CompileServer"/>): asks the running server to compile a
/// script, or starts one for the next run. Linux only (the peer check is SO_PEERCRED). <c>GRADREPL_COMPILE_SERVER=0</c>
/// turns it off, <c>=1</c> on; by default it is on except under CI (<c>CI=true</c>), where a process left running after
/// the job is unwelcome. Any failure (no server, a refusal, a broken connection) only means compiling in-process.
/// </summary>
internal static class CompileServerClient
{
    // A compile on a warm server takes tens of milliseconds; a server still warming up, up to a second or two.
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Whether this process may use (and start) a compile server.</summary>
    public static bool Enabled { get; } = OperatingSystem.IsLinux() && Environment.GetEnvironmentVariable("GRADREPL_COMPILE_SERVER") switch
    {
        "0" => false,
        "1" => true,
        _ => Environment.GetEnvironmentVariable("CI") is not ("true" or "1"),
    };

    /// <summary>The server's compile of <paramref name="source"/>; null when no server answered or it refused.</summary>
    /// <param name="source">The script.</param>
    /// <param name="socketPath">The server's socket; by default this build's (<see cref="CompileServerProtocol.SocketPath"/>).</param>
    public static CompileResult? TryCompile(ScriptSource source, string? socketPath = null)
    {
        socketPath ??= CompileServerProtocol.SocketPath();
        if (!File.Exists(socketPath)) return null;
        try
        {
            using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            socket.Connect(new UnixDomainSocketEndPoint(socketPath));
            if (CompileServerProtocol.PeerUserId(socket) != CompileServerProtocol.OwnUserId()) return null;
            socket.ReceiveTimeout = socket.SendTimeout = (int)ReplyTimeout.TotalMilliseconds;
            using var stream = new NetworkStream(socket, ownsSocket: false);
            CompileServerProtocol.WriteRequest(stream, source.Path, source.Text);
            var result = CompileServerProtocol.ReadReply(stream);
            HostTrace.Phase("compile server: replied");
            if (result is not null) HostTrace.Note("compiled by the compile server");
            return result;
        }
        catch (Exception e) when (e is SocketException or IOException or EndOfStreamException)
        {
            return null;
        }
    }

    /// <summary>
    /// Starts a server for later runs, detached: it outlives this process, holds none of its standard streams (a
    /// caller reading this process's output to the end is never kept waiting), runs in a session of its own (through
    /// setsid, where there is one: Ctrl+C in the terminal and closing it do not reach it), and exits once idle.
    /// </summary>
    public static void StartServer()
    {
        try
        {
            var executable = Environment.ProcessPath;
            if (executable is null) return;
            const string setsid = "/usr/bin/setsid";
            var detach = File.Exists(setsid);
            var info = new ProcessStartInfo(detach ? setsid : executable)
            {
                UseShellExecute = false,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            if (detach) info.ArgumentList.Add(executable);
            // Run as `dotnet gradrepl.dll` (tests, a framework-dependent copy): the server needs the same dll.
            if (Path.GetFileNameWithoutExtension(executable) == "dotnet") info.ArgumentList.Add(typeof(CompileServerClient).Assembly.Location);
            info.ArgumentList.Add(CompileServerProtocol.ServerOption);
            info.ArgumentList.Add(CompileServerProtocol.SocketPath());
            info.Environment.Remove("GRADREPL_TRACE");
            using var process = Process.Start(info);
            process?.StandardInput.Close();
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            // No server this time: runs compile in-process as before.
        }
    }
}
