using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;

namespace GradRepl.Tensors.Tests.Autograd;

/// <summary>
/// Property: random compositions of the reductions, joins, selections, products and losses of Tensor.Ops*.cs
/// and torch.nn.functional, on random shapes, have autograd gradients that agree with central finite
/// differences in float64. Each op keeps its input's shape (or broadcasts it with b), so any sequence composes.
/// </summary>
public sealed class OpsGradcheckPropertyTests
{
    private static readonly (long[] A, long[] B)[] s_shapes =
    [
        ([3], [3]), ([2, 3], [3]), ([2, 3], [2, 1]), ([4], []), ([], [3]), ([2, 1], [1, 3]), ([3, 1, 2], [2]), ([2, 2, 3], [1]),
    ];

    // Smooth where the inputs land (ties and zero norms have probability zero for these values).
    private static readonly (string Name, Func<Tensor, Tensor, Tensor> Apply)[] s_ops =
    [
        ("softmax", (x, _) => x.dim() == 0 ? x : x.softmax(-1) * 2),
        ("log_softmax", (x, _) => x.dim() == 0 ? x : x.log_softmax(-1) * 0.5),
        ("x+var", (x, _) => x.dim() == 0 ? x : x + x.var(-1, unbiased: false, keepdim: true)),
        // a ramp keeps rows from being constant, where std has no derivative (x·prod can zero a row)
        ("x·std", (x, _) => x.dim() == 0 || x.size(-1) < 2 ? x : x * ((x + torch.arange(x.size(-1), dtype: torch.float64) * 0.5).std(-1, keepdim: true) + 1)),
        ("x·prod", (x, _) => x.dim() == 0 ? x : x * x.prod(-1, keepdim: true) * 0.5),
        ("cumsum", (x, _) => x.dim() == 0 ? x : x.cumsum(-1) * 0.5),
        ("x-logsumexp", (x, _) => x.dim() == 0 ? x : x - x.logsumexp(-1, keepdim: true)),
        ("x/(norm+1)", (x, _) => x.dim() == 0 ? x : x / (x.norm(dim: -1, keepdim: true) + 1)),
        ("x+norm3", (x, _) => x + x.norm(3) * 0.1),
        ("exp2", (x, _) => (x * 0.3).exp2()),
        ("log1p(x²)", (x, _) => (x * x).log1p()),
        ("log2(x²+1)", (x, _) => (x * x + 1).log2()),
        ("expm1", (x, _) => (x * 0.2).expm1()),
        ("where(b>0)", (x, b) => torch.where(b > 0, x, x * x)),
        ("gather reversed", (x, _) => x.dim() == 0 ? x : x + x.gather(-1, Reversed(x)) * 0.5),
        ("sort", (x, _) => x.dim() == 0 ? x : x.sort(-1).values),
        ("x-max", (x, _) => x.dim() == 0 ? x : x - x.max(-1, keepdim: true).values * 0.5),
        ("topk", (x, _) => x.dim() == 0 ? x : x + x.topk(1).values),
        ("cat", (x, _) => x.dim() == 0 ? x : torch.cat(new[] { x, x * 2 }, -1).sum(-1, keepdim: true) * 0.2 + x),
        ("stack", (x, _) => torch.stack(new[] { x, x.sin() }).sum(0)),
        ("x·x@xᵀ@x", (x, _) => x.dim() switch { 0 => x, 1 => x.matmul(x) * x * 0.1, _ => x.matmul(x.transpose(-1, -2)).matmul(x) * 0.1 }),
        ("masked_fill", (x, b) => Same(x, b) ? x.masked_fill(b > 0.5, 0.25) : x),
        ("x+mse", (x, _) => x + torch.nn.functional.mse_loss(x, x.sin())),
        ("x+bce_logits", (x, _) => x + torch.nn.functional.binary_cross_entropy_with_logits(x, torch.full_like(x, 0.3))),
        ("x+bce", (x, _) => x + torch.nn.functional.binary_cross_entropy(x.sigmoid(), torch.full_like(x, 0.7), reduction: "sum") * 0.1),
        ("x+cross_entropy", (x, _) => x.dim() != 2 ? x : x + torch.nn.functional.cross_entropy(x, torch.zeros(x.size(0), dtype: torch.int64))),
        ("x+nll", (x, _) => x.dim() != 2 ? x : x + torch.nn.functional.nll_loss(x.log_softmax(1), torch.zeros(x.size(0), dtype: torch.int64), reduction: "sum")),
        ("linear", (x, _) => x.dim() != 2 ? x : torch.nn.functional.linear(x, Mixing(x.size(1)), torch.ones(x.size(1), dtype: torch.float64) * 0.1)),
        ("x·mean over dims", (x, _) => x.dim() < 2 ? x : x * x.mean(new long[] { 0, -1 }, keepdim: true)),
    ];

    private static bool Same(Tensor x, Tensor b) => x.shape.Equals(b.shape) || b.dim() == 0 || (b.dim() <= x.dim() && x.shape.Skip((int)(x.dim() - b.dim())).Zip(b.shape).All(p => p.First == p.Second || p.Second == 1));

    /// <summary>Indices that read each row of the last dimension backwards.</summary>
    private static Tensor Reversed(Tensor x)
    {
        var n = x.size(-1);
        var rows = x.numel() / n;
        var index = Enumerable.Range(0, (int)rows).SelectMany(_ => Enumerable.Range(0, (int)n).Select(k => n - 1 - k)).ToArray();
        return torch.tensor(index).reshape(x.shape);
    }

    /// <summary>A fixed, well-conditioned square weight matrix.</summary>
    private static Tensor Mixing(long n)
        => torch.tensor(Enumerable.Range(0, (int)(n * n)).Select(k => Math.Cos(0.9 * k)).ToArray(), dtype: torch.float64).reshape(n, n);

    /// <summary>A random program: a shape pair, a sequence of op indices and an offset for the input values.</summary>
    public sealed record RandomProgram(int ShapeCase, int[] Ops, int Offset)
    {
        public override string ToString()
            => $"shapes [{string.Join(",", s_shapes[ShapeCase].A)}] & [{string.Join(",", s_shapes[ShapeCase].B)}], offset {Offset}: "
               + string.Join(" -> ", Ops.Select(o => s_ops[o].Name));
    }

    private static Arbitrary<RandomProgram> Programs()
    {
        var gen =
            from shape in Gen.Choose(0, s_shapes.Length - 1)
            from length in Gen.Choose(1, 4)
            from ops in Gen.ArrayOf(Gen.Choose(0, s_ops.Length - 1), length)
            from offset in Gen.Choose(-20, 20)
            select new RandomProgram(shape, ops, offset);
        return Arb.From(gen);
    }

    [Fact]
    public void RandomCompositionsOfNewOps_AutogradGradients_MatchFiniteDifferences()
    {
        var property = Prop.ForAll(Programs(), program =>
        {
            var (shapeA, shapeB) = s_shapes[program.ShapeCase];
            var a = Values(shapeA, i => 1.5 * Math.Sin(1.3 * i + program.Offset * 0.1));
            var b = Values(shapeB, i => Math.Cos(0.7 * i - program.Offset * 0.1));
            Tensor Run(Tensor x, Tensor y)
            {
                var current = x;
                foreach (var op in program.Ops) current = s_ops[op].Apply(current, y);
                return current.sum() + (current * current).mean();
            }

            var ta = Make(a, shapeA, true);
            var tb = Make(b, shapeB, true);
            var output = Run(ta, tb);
            if (!(Math.Abs(output.item()) < 1e6)) return false.When(false);
            output.backward();
            var gradA = ta.grad?.ToArray() ?? new double[a.Length];
            var numericA = TrustedFiniteDifferences(a, v => Run(Make(v, shapeA, false), Make(b, shapeB, false)).item());
            if (numericA is null) return false.When(false);
            return Agrees(gradA, numericA).When(true).Label(program.ToString());
        });
        var replay = new Replay(new Rnd(0x5EED_0014UL, 0x9E37_79B9_7F4A_7C15UL), FSharpOption<int>.None);
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300).WithReplay(replay), property);
    }

    private static double[]? TrustedFiniteDifferences(double[] at, Func<double[], double> f)
    {
        var fine = FiniteDifferences(at, f, 1e-6);
        var coarse = FiniteDifferences(at, f, 1e-5);
        return Agrees(fine, coarse) ? fine : null;
    }

    private static double[] Values(long[] shape, Func<int, double> f)
        => Enumerable.Range(0, (int)shape.Aggregate(1L, (p, s) => p * s)).Select(f).ToArray();

    private static Tensor Make(double[] values, long[] shape, bool requiresGrad)
        => torch.tensor(values, dtype: torch.float64, requires_grad: requiresGrad).reshape(shape).detach().requires_grad_(requiresGrad);

    private static double[] FiniteDifferences(double[] at, Func<double[], double> f, double h)
    {
        var result = new double[at.Length];
        for (var i = 0; i < at.Length; i++)
        {
            var plus = (double[])at.Clone();
            var minus = (double[])at.Clone();
            plus[i] += h;
            minus[i] -= h;
            result[i] = (f(plus) - f(minus)) / (2 * h);
        }
        return result;
    }

    private static bool Agrees(double[] autograd, double[] numeric)
        => autograd.Zip(numeric).All(p => Math.Abs(p.First - p.Second) <= 1e-5 + 1e-4 * Math.Abs(p.Second));
}
