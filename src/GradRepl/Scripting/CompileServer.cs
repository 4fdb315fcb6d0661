using System.Net.Sockets;
using System.Runtime.Versioning;

namespace GradRepl.Scripting;

/// <summary>
/// A background process that keeps one warm Roslyn for the batch runs of one build of the tool (like the .NET SDK's
/// VBCSCompiler). A first compile in a fresh process costs about 0.6 s, nearly all of it the runtime loading and
/// preparing Roslyn (bench/README.md, "Start-up"); in this process every compile after the first takes a few tens of
/// milliseconds. It only compiles: the client runs the script and keeps the compile cache. It serves one request at a
/// time, accepts only its own user, and exits after <see cref="IdleTimeout"/> without a request.
/// </summary>
[SupportedOSPlatform("linux")]
internal sealed class CompileServer
{
    /// <summary>How long the server waits for a request before it exits.</summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(10);

    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);

    private readonly string _socketPath;
    private readonly TimeSpan _idleTimeout;

    /// <summary>A server for <paramref name="socketPath"/> that exits after <paramref name="idleTimeout"/> without a request.</summary>
    public CompileServer(string socketPath, TimeSpan idleTimeout)
    {
        _socketPath = socketPath;
        _idleTimeout = idleTimeout;
    }

    /// <summary>Serves until idle or <paramref name="stop"/>; false when another server already has the socket.</summary>
    public bool Run(CancellationToken stop)
    {
        using var listener = Listen();
        if (listener is null) return false;
        try
        {
            // Warmed while the first client (which started this server) is still compiling in-process.
            ThreadPool.QueueUserWorkItem(_ => WarmUp());
            while (!stop.IsCancellationRequested)
            {
                using var idle = CancellationTokenSource.CreateLinkedTokenSource(stop);
                idle.CancelAfter(_idleTimeout);
                Socket client;
                try
                {
                    client = listener.AcceptAsync(idle.Token).AsTask().GetAwaiter().GetResult();
                }
                catch (OperationCanceledException)
                {
                    return true;
                }

                using (client) Serve(client);
                // Roslyn's garbage from that compile, collected while no client waits.
                GC.Collect();
            }
            return true;
        }
        finally
        {
            TryDelete(_socketPath);
        }
    }

    private static void Serve(Socket client)
    {
        try
        {
            client.ReceiveTimeout = client.SendTimeout = (int)RequestTimeout.TotalMilliseconds;
            if (CompileServerProtocol.PeerUserId(client) != CompileServerProtocol.OwnUserId()) return;
            using var stream = new NetworkStream(client, ownsSocket: false);
            var request = CompileServerProtocol.ReadRequest(stream);
            CompileResult? result = null;
            if (request is var (path, text))
            {
                try
                {
                    result = RoslynCompiler.Compile(ScriptSource.Create(path, text));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
                {
                    // Refused: the client compiles in-process and reports the problem itself.
                }
            }
            CompileServerProtocol.WriteReply(stream, result);
        }
        catch (Exception e) when (e is IOException or SocketException or EndOfStreamException)
        {
            // The client went away or sent garbage: it falls back to compiling in-process.
        }
    }

    // One small script compiled the way clients' scripts are, so that the first real request finds Roslyn loaded.
    private static void WarmUp()
    {
        try
        {
            RoslynCompiler.Compile(ScriptSource.Create(Path.Combine(Path.GetTempPath(), "gradrepl-warm-up.csx"), "var t = tensor(2.0, requires_grad: true);\nprint(t.pow(2));\n"));
        }
        catch (Exception)
        {
            // Best effort: a request does the same work if this failed.
        }
    }

    private Socket? Listen()
    {
        var directory = Path.GetDirectoryName(_socketPath)!;
        Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var endPoint = new UnixDomainSocketEndPoint(_socketPath);
        if (File.Exists(_socketPath))
        {
            // A live server answers; a socket file nobody listens on is left over from one that was killed.
            using var probe = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            try
            {
                probe.Connect(endPoint);
                return null;
            }
            catch (SocketException)
            {
                TryDelete(_socketPath);
            }
        }

        var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            listener.Bind(endPoint);
            listener.Listen(16);
            return listener;
        }
        catch (SocketException)
        {
            // Another server bound it first.
            listener.Dispose();
            return null;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }
}
