using System.Net.Sockets;
using System.Runtime.Versioning;
using System.Text;
using GradRepl.Prelude;
using GradRepl.Scripting;

namespace GradRepl.Tests.Scripting;

/// <summary>
/// The compile server in this process on a private socket, against the in-process compiler: same images' entry
/// points, same errors, refusals for requests of another build, and its lifecycle (idle exit, one server per socket,
/// a stale socket file replaced).
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class CompileServerTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("gradrepl-server-").FullName;
    private readonly CancellationTokenSource _stop = new();

    private string SocketPath => Path.Combine(_directory, "server.sock");

    public void Dispose()
    {
        _stop.Cancel();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public void TryCompile_GoodScript_GivesAnImageThatRuns()
    {
        if (!OperatingSystem.IsLinux()) return;
        StartServer(TimeSpan.FromMinutes(1));
        var source = ScriptSource.Create(Path.Combine(_directory, "good.csx"), "var x = tensor(3.0);\nprint(x * 2);\n");

        var served = Assert.IsType<CompileResult.Compiled>(CompileServerClient.TryCompile(source, SocketPath));
        var local = Assert.IsType<CompileResult.Compiled>(RoslynCompiler.Compile(source));

        Assert.False(served.FromCache);
        Assert.Equal(local.Script.EntryTypeName, served.Script.EntryTypeName);
        Assert.Equal(local.Script.EntryMethodName, served.Script.EntryMethodName);
        var output = new StringWriter();
        var environment = new ScriptEnvironment { Output = new TextWriterScriptOutput(output), PlotDirectory = _directory };
        var run = new ScriptRunner(new RunnerSettings()).Execute(served.Script, source, environment);
        Assert.IsType<EvaluationResult.Success>(run);
        Assert.Equal("tensor(6.)\n", output.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void TryCompile_ScriptWithErrors_GivesTheSameDiagnosticsAsInProcess()
    {
        if (!OperatingSystem.IsLinux()) return;
        StartServer(TimeSpan.FromMinutes(1));
        var source = ScriptSource.Create(Path.Combine(_directory, "bad.csx"), "var x = 1;\nprint(y);\nint z = \"s\";\n");

        var served = Assert.IsType<CompileResult.Failed>(CompileServerClient.TryCompile(source, SocketPath));
        var local = Assert.IsType<CompileResult.Failed>(RoslynCompiler.Compile(source));

        Assert.Equal(2, served.Errors.Count);
        Assert.Equal(local.Errors, served.Errors);
    }

    [Fact]
    public void TryCompile_ScriptWithAHostWarning_GivesTheSameWarningsAsInProcess()
    {
        if (!OperatingSystem.IsLinux()) return;
        StartServer(TimeSpan.FromMinutes(1));
        var source = ScriptSource.Create(Path.Combine(_directory, "update.csx"), "var w = tensor(2.0, requires_grad: true);\nusing (torch.no_grad()) w -= 0.1 * w;\n");

        var served = Assert.IsType<CompileResult.Compiled>(CompileServerClient.TryCompile(source, SocketPath));
        var local = Assert.IsType<CompileResult.Compiled>(RoslynCompiler.Compile(source));

        Assert.Equal("GR0001", Assert.Single(served.Script.Warnings).Id);
        Assert.Equal(local.Script.Warnings, served.Script.Warnings);
    }

    [Fact]
    public void TryCompile_NoServer_ReturnsNull()
    {
        var source = ScriptSource.Create(Path.Combine(_directory, "a.csx"), "print(1);");

        Assert.Null(CompileServerClient.TryCompile(source, SocketPath));
    }

    [Fact]
    public void ReadRequest_FromAnotherBuildOfTheTool_IsRefused()
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write("GRCS");
            writer.Write(1);
            writer.Write("0.0.0|another build");
            writer.Write("/tmp/a.csx");
            writer.Write("print(1);");
        }
        stream.Position = 0;

        Assert.Null(CompileServerProtocol.ReadRequest(stream));
    }

    [Fact]
    public void Reply_RoundTrips_CompiledFailedAndRefused()
    {
        var compiled = new CompileResult.Compiled(new CompiledScript([1, 2, 3], [4], "Submission#0", "<Factory>"), FromCache: false);
        var failed = new CompileResult.Failed([new ScriptDiagnostic("/a.csx", 2, 7, "CS0103", "The name 'y' does not exist", null, 1)]);

        var compiledBack = Assert.IsType<CompileResult.Compiled>(RoundTrip(compiled));
        var failedBack = Assert.IsType<CompileResult.Failed>(RoundTrip(failed));

        Assert.Equal(compiled.Script.Image, compiledBack.Script.Image);
        Assert.Equal(compiled.Script.Symbols, compiledBack.Script.Symbols);
        Assert.Equal("<Factory>", compiledBack.Script.EntryMethodName);
        Assert.Equal(failed.Errors, failedBack.Errors);
        Assert.Null(RoundTrip(null));
    }

    [Fact]
    public async Task Run_Idle_ExitsAndRemovesItsSocket()
    {
        if (!OperatingSystem.IsLinux()) return;
        var server = StartServer(TimeSpan.FromMilliseconds(300));

        var finished = await Task.WhenAny(server, Task.Delay(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken));
        Assert.True(finished == server, "the server did not exit when idle");
        Assert.True(await server);
        Assert.False(File.Exists(SocketPath));
    }

    [Fact]
    public void Run_SecondServerOnTheSameSocket_StepsAside()
    {
        if (!OperatingSystem.IsLinux()) return;
        StartServer(TimeSpan.FromMinutes(1));

        Assert.False(new CompileServer(SocketPath, TimeSpan.FromMinutes(1)).Run(_stop.Token));
    }

    [Fact]
    public void Run_StaleSocketFile_IsReplaced()
    {
        if (!OperatingSystem.IsLinux()) return;
        // What a killed server leaves: a socket file nobody listens on. (.NET removes the files of the sockets it binds
        // when they are closed, so another process makes it.)
        using (var python = System.Diagnostics.Process.Start("python3", ["-c", "import socket, sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])", SocketPath]))
        {
            python.WaitForExit();
        }
        Assert.True(File.Exists(SocketPath));
        StartServer(TimeSpan.FromMinutes(1));

        var source = ScriptSource.Create(Path.Combine(_directory, "a.csx"), "print(1);");
        Assert.IsType<CompileResult.Compiled>(CompileServerClient.TryCompile(source, SocketPath));
    }

    private bool Accepts()
    {
        using var probe = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            probe.Connect(new UnixDomainSocketEndPoint(SocketPath));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static CompileResult? RoundTrip(CompileResult? result)
    {
        using var stream = new MemoryStream();
        CompileServerProtocol.WriteReply(stream, result);
        stream.Position = 0;
        return CompileServerProtocol.ReadReply(stream);
    }

    private Task<bool> StartServer(TimeSpan idle)
    {
        var server = new CompileServer(SocketPath, idle);
        var run = Task.Factory.StartNew(() => server.Run(_stop.Token), TaskCreationOptions.LongRunning);
        // Listening once a connection is accepted (a stale socket file exists before that).
        for (var i = 0; i < 400 && !run.IsCompleted && !Accepts(); i++) Thread.Sleep(25);
        return run;
    }
}
