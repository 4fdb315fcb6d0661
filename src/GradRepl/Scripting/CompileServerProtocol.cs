using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;

namespace GradRepl.Scripting;

/// <summary>
/// What the compile server and its clients say to each other over a Unix domain socket: one request (the tool's
/// identity, the script's path and text) and one reply (the compiled image, or the compile errors, or a refusal) per
/// connection. Both sides check that the other end belongs to the same user (SO_PEERCRED), so no other account can
/// hand a client an assembly to run or read a user's files through the server.
/// </summary>
internal static class CompileServerProtocol
{
    /// <summary>The hidden command-line option that makes <c>gradrepl</c> a compile server.</summary>
    public const string ServerOption = "--compile-server";

    private const string Magic = "GRCS";
    private const int Version = 2;

    /// <summary>The reply's kinds.</summary>
    public enum ReplyKind : byte
    {
        /// <summary>The script compiled: an image follows.</summary>
        Compiled = 0,

        /// <summary>The script has errors: the diagnostics follow.</summary>
        Failed = 1,

        /// <summary>The server will not compile it (another build of the tool, a malformed request): compile in-process.</summary>
        Refused = 2,
    }

    /// <summary>
    /// The socket for this build of the tool: <c>$XDG_RUNTIME_DIR/gradrepl/</c> (else <c>/tmp/gradrepl-USER/</c>), named
    /// after a hash of the tool's identity, so a rebuilt tool never talks to the server of an older build.
    /// </summary>
    public static string SocketPath()
    {
        var runtime = Environment.GetEnvironmentVariable("XDG_RUNTIME_DIR");
        var directory = !string.IsNullOrEmpty(runtime) && Path.IsPathRooted(runtime)
            ? Path.Combine(runtime, "gradrepl")
            : Path.Combine(Path.GetTempPath(), "gradrepl-" + Environment.UserName);
        var digest = Sha256.Hash(Encoding.UTF8.GetBytes(ToolIdentity.Value + "|" + RuntimeInformation.FrameworkDescription));
        return Path.Combine(directory, "compile-" + ScriptSource.ToHex(digest)[..16] + ".sock");
    }

    /// <summary>Writes a request.</summary>
    public static void WriteRequest(Stream stream, string path, string text)
    {
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(Version);
        writer.Write(ToolIdentity.Value);
        writer.Write(path);
        writer.Write(text);
    }

    /// <summary>Reads a request; null when it is not one this build understands.</summary>
    public static (string Path, string Text)? ReadRequest(Stream stream)
    {
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        if (reader.ReadString() != Magic || reader.ReadInt32() != Version || reader.ReadString() != ToolIdentity.Value) return null;
        var path = reader.ReadString();
        var text = reader.ReadString();
        return (path, text);
    }

    /// <summary>Writes the reply for <paramref name="result"/> (null: a refusal).</summary>
    public static void WriteReply(Stream stream, CompileResult? result)
    {
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        switch (result)
        {
            case CompileResult.Compiled { Script: var script }:
                writer.Write((byte)ReplyKind.Compiled);
                script.WriteTo(writer);
                break;
            case CompileResult.Failed { Errors: var errors }:
                writer.Write((byte)ReplyKind.Failed);
                ScriptDiagnostic.WriteAll(writer, errors);
                break;
            default:
                writer.Write((byte)ReplyKind.Refused);
                break;
        }
    }

    /// <summary>Reads a reply; null for a refusal.</summary>
    public static CompileResult? ReadReply(Stream stream)
    {
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        switch ((ReplyKind)reader.ReadByte())
        {
            case ReplyKind.Compiled:
                return new CompileResult.Compiled(CompiledScript.ReadFrom(reader), FromCache: false);
            case ReplyKind.Failed:
                return new CompileResult.Failed(ScriptDiagnostic.ReadAll(reader));
            default:
                return null;
        }
    }

    /// <summary>The user id of the process at the other end of <paramref name="socket"/> (Linux SO_PEERCRED).</summary>
    public static uint PeerUserId(Socket socket)
    {
        const int solSocket = 1, soPeerCred = 17; // struct ucred { pid_t pid; uid_t uid; gid_t gid; }
        Span<byte> credentials = stackalloc byte[12];
        socket.GetRawSocketOption(solSocket, soPeerCred, credentials);
        return BitConverter.ToUInt32(credentials[4..8]);
    }

    /// <summary>This process's real user id.</summary>
    public static uint OwnUserId() => getuid();

    [DllImport("libc", SetLastError = false)]
    private static extern uint getuid();
}
