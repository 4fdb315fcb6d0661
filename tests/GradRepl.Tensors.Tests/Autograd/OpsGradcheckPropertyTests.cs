using static GradRepl.Tensors.Tests.Autograd.GradcheckProperty;

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
    private static readonly Op[] s_ops =
    [
        new("softmax", (x, _) => x.dim() == 0 ? x : x.softmax(-1) * 2),
        new("log_softmax", (x, _) => x.dim() == 0 ? x : x.log_softmax(-1) * 0.5),
        new("x+var", (x, _) => x.dim() == 0 ? x : x + x.var(-1, unbiased: false, keepdim: true)),
        // a ramp keeps rows from being constant, where std has no derivative (x·prod can zero a row)
        new("x·std", (x, _) => x.dim() == 0 || x.size(-1) < 2 ? x : x * ((x + torch.arange(x.size(-1), dtype: torch.float64) * 0.5).std(-1, keepdim: true) + 1)),
        new("x·prod", (x, _) => x.dim() == 0 ? x : x * x.prod(-1, keepdim: true) * 0.5),
        new("cumsum", (x, _) => x.dim() == 0 ? x : x.cumsum(-1) * 0.5),
        new("x-logsumexp", (x, _) => x.dim() == 0 ? x : x - x.logsumexp(-1, keepdim: true)),
        new("x/(norm+1)", (x, _) => x.dim() == 0 ? x : x / (x.norm(dim: -1, keepdim: true) + 1)),
        new("x+norm3", (x, _) => x + x.norm(3) * 0.1),
        new("exp2", (x, _) => (x * 0.3).exp2()),
        new("log1p(x²)", (x, _) => (x * x).log1p()),
        new("log2(x²+1)", (x, _) => (x * x + 1).log2()),
        new("expm1", (x, _) => (x * 0.2).expm1()),
        new("where(b>0)", (x, b) => torch.where(b > 0, x, x * x)),
        new("gather reversed", (x, _) => x.dim() == 0 ? x : x + x.gather(-1, Reversed(x)) * 0.5),
        new("sort", (x, _) => x.dim() == 0 ? x : x.sort(-1).values),
        new("x-max", (x, _) => x.dim() == 0 ? x : x - x.max(-1, keepdim: true).values * 0.5),
        new("topk", (x, _) => x.dim() == 0 ? x : x + x.topk(1).values),
        new("cat", (x, _) => x.dim() == 0 ? x : torch.cat(new[] { x, x * 2 }, -1).sum(-1, keepdim: true) * 0.2 + x),
        new("stack", (x, _) => torch.stack(new[] { x, x.sin() }).sum(0)),
        new("x·x@xᵀ@x", (x, _) => x.dim() switch { 0 => x, 1 => x.matmul(x) * x * 0.1, _ => x.matmul(x.transpose(-1, -2)).matmul(x) * 0.1 }),
        new("masked_fill", (x, b) => Same(x, b) ? x.masked_fill(b > 0.5, 0.25) : x),
        new("x+mse", (x, _) => x + torch.nn.functional.mse_loss(x, x.sin())),
        new("x+bce_logits", (x, _) => x + torch.nn.functional.binary_cross_entropy_with_logits(x, torch.full_like(x, 0.3))),
        new("x+bce", (x, _) => x + torch.nn.functional.binary_cross_entropy(x.sigmoid(), torch.full_like(x, 0.7), reduction: "sum") * 0.1),
        new("x+cross_entropy", (x, _) => x.dim() != 2 ? x : x + torch.nn.functional.cross_entropy(x, torch.zeros(x.size(0), dtype: torch.int64))),
        new("x+nll", (x, _) => x.dim() != 2 ? x : x + torch.nn.functional.nll_loss(x.log_softmax(1), torch.zeros(x.size(0), dtype: torch.int64), reduction: "sum")),
        new("linear", (x, _) => x.dim() != 2 ? x : torch.nn.functional.linear(x, Mixing(x.size(1)), torch.ones(x.size(1), dtype: torch.float64) * 0.1)),
        new("x·mean over dims", (x, _) => x.dim() < 2 ? x : x * x.mean(new long[] { 0, -1 }, keepdim: true)),
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

    // b serves as a mask or a condition in some ops, so only x's gradient is compared.
    [Fact]
    public void RandomCompositionsOfNewOps_AutogradGradients_MatchFiniteDifferences()
        => Check(s_shapes, s_ops, maxLength: 4, checkB: false, seed: 0x5EED_0014UL);
}
