namespace GradRepl.Tests.EndToEnd;

/// <summary>
/// The prelude's globals (print, plot, savefig, ...) called from classes and static methods a script declares, as
/// PyTorch code ported line by line calls Python's: they print and plot where top-level code does, in the same order.
/// </summary>
public sealed class GlobalsInClassesTests : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(120);
    private readonly ToolProcess _tool = new();

    public void Dispose() => _tool.Dispose();

    [Fact]
    public void Run_ClassMethodPrints_PrintsBetweenTheTopLevelPrints()
    {
        File.WriteAllText(Path.Combine(_tool.WorkingDirectory, "greeter.csx"), """
            class Greeter
            {
                public void Greet(Tensor x) => print("x is", x);
            }
            print("before");
            new Greeter().Greet(tensor(2.0));
            print("after");

            """);

        var result = _tool.Run("greeter.csx");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("before\nx is tensor(2.)\nafter\n", result.Stdout);
    }

    [Fact]
    public void Run_StaticMethodPlotsAndSaves_WritesBothFigures()
    {
        File.WriteAllText(Path.Combine(_tool.WorkingDirectory, "draw.csx"), """
            static class Figures
            {
                public static void Square(Tensor x)
                {
                    plot(x, x.pow(2), "r-", label: "square");
                    legend();
                    savefig("out/square.png");
                    show();
                }
            }
            Figures.Square(linspace(-1, 1, 5));

            """);

        var result = _tool.Run("draw.csx");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("Figure saved to plots/draw-1.png\n", result.Stdout);
        byte[] png = [0x89, (byte)'P', (byte)'N', (byte)'G'];
        Assert.Equal(png, File.ReadAllBytes(Path.Combine(_tool.WorkingDirectory, "out", "square.png"))[..4]);
        Assert.Equal(png, File.ReadAllBytes(Path.Combine(_tool.WorkingDirectory, "plots", "draw-1.png"))[..4]);
    }

    [Fact]
    public void Run_ModuleWhoseForwardPrints_PrintsOnEveryCall()
    {
        File.WriteAllText(Path.Combine(_tool.WorkingDirectory, "net.csx"), """
            class Net : torch.nn.Module<Tensor, Tensor>
            {
                private readonly Linear linear;
                public Net() : base("Net") => linear = torch.nn.Linear(2, 1);
                public override Tensor forward(Tensor x)
                {
                    print("forward:", x.shape);
                    return linear.forward(x);
                }
            }
            var model = new Net();
            print(model.forward(torch.ones(3, 2)).shape);
            print(model.forward(torch.ones(1, 2)).shape);

            """);

        var result = _tool.Run("net.csx");

        // PyTorch 1.13 prints the same for the same module (print(x.shape) in forward)
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("forward: torch.Size([3, 2])\ntorch.Size([3, 1])\nforward: torch.Size([1, 2])\ntorch.Size([1, 1])\n", result.Stdout);
    }

    [Fact]
    public void Check_LessonWhoseClassPrints_EachStepsOutputMatches()
    {
        File.WriteAllText(Path.Combine(_tool.WorkingDirectory, "steps.csx"), """
            // # A class that prints

            // ## Declare it
            class Trainer
            {
                public void Epoch(int n) => print("epoch", n, "loss", 1.0 / n);
            }
            var trainer = new Trainer();
            trainer.Epoch(1);
            //> epoch 1 loss 1.0

            // ## Call it again
            trainer.Epoch(2);
            //> epoch 2 loss 0.5

            """);

        var result = _tool.Run("check", "steps.csx");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("ok    steps.csx (2 outputs match)", result.Stdout);
    }

    [Fact]
    public void Repl_ClassDeclaredInOneEntry_PrintsFromALaterOneInOrderAndAfterReset()
    {
        var input = """
            class Counter
            {
                private int _n;
                public void Tick() => print("tick", ++_n);
            }
            var c = new Counter();
            print("before"); c.Tick(); c.Tick(); print("after");
            #reset
            class Again { public static void Hello() => print("hello after reset"); }
            Again.Hello();

            """;

        var result = _tool.RunWithInput(input, Limit);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("before\ntick 1\ntick 2\nafter\nSession reset: every variable and figure is gone.\nhello after reset\n", result.Stdout);
    }
}
