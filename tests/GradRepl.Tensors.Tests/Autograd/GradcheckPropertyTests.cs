using static GradRepl.Tensors.Tests.Autograd.GradcheckProperty;

namespace GradRepl.Tensors.Tests.Autograd;

/// <summary>
/// Property: for random compositions of ops on random (broadcasting) shapes, autograd's gradients
/// agree with central finite differences in float64.
/// </summary>
public sealed class GradcheckPropertyTests
{
    private static readonly (long[] A, long[] B)[] s_shapes =
    [
        ([3], [3]), ([2, 3], [3]), ([2, 3], [2, 1]), ([4], []), ([], [3]), ([2, 1], [1, 3]), ([3, 1, 2], [2]), ([1], [5]),
    ];

    // Smooth ops only (no kinks), so finite differences are meaningful everywhere.
    private static readonly Op[] s_ops =
    [
        new("sin", (x, _) => x.sin()),
        new("cos", (x, _) => torch.cos(x)),
        new("tanh", (x, _) => x.tanh()),
        new("sigmoid", (x, _) => torch.nn.functional.sigmoid(x)),
        new("exp(0.3x)", (x, _) => (x * 0.3).exp()),
        new("x*x", (x, _) => x * x),
        new("softplus", (x, _) => torch.nn.functional.softplus(x)),
        new("log(x²+1)", (x, _) => (x.pow(2) + 1).log()),
        new("sqrt(x²+1)", (x, _) => (x * x + 1.0).sqrt()),
        new("x+b", (x, b) => x + b),
        new("x*b", (x, b) => x * b),
        new("x-b", (x, b) => x - b),
        new("x/(b²+1)", (x, b) => x / (b * b + 1)),
        new("(b²+1)^tanh(x)", (x, b) => (b * b + 1).pow(x.tanh())),
        new("2-x", (x, _) => 2.0 - x),
        new("x/3", (x, _) => x / 3.0),
        new("1/(x²+1)", (x, _) => 1.0 / (x * x + 1)),
        new("x+mean0(x)", (x, _) => x.dim() == 0 ? x : x + x.mean(0, keepdim: true)),
        new("x+0.1·sum-1(x)", (x, _) => x.dim() == 0 ? x : x + x.sum(-1, keepdim: true) * 0.1),
        new("x^3", (x, _) => x.pow(3)),
        new("x·x.T-like", (x, _) => x.dim() == 2 ? x.T.T * x : x),
        // views and in-place ops (each keeps the shape, so any of them can follow any other)
        new("view(-1).view", (x, _) => x.reshape(-1).view(x.shape.ToArray()) * x),
        new("t().contiguous().t()", (x, _) => x.dim() == 2 ? x.t().contiguous().t().sin() : x.sin()),
        new("expand.sum", (x, _) => x.unsqueeze(0).expand(new long[] { 2 }.Concat(x.shape.ToArray()).ToArray()).sum(0) * 0.5),
        new("clone.mul_(x)", (x, _) => { var y = x * 1; y.mul_(x); return y; }),
        new("clone.sub_(0.1x²)", (x, _) => { var y = x.clone(); y.sub_(x.pow(2).mul(0.1)); return y; }),
        new("y[0]=sin", (x, _) => { var y = x.clone(); if (x.dim() == 0) y.copy_(x.sin()); else y[0] = x[0].sin(); return y; }),
        new("y[..1].mul_(x[..1])", (x, _) => { var y = x * 1; if (x.dim() > 0) y[..1].mul_(x[..1] * 1); return y; }),
        new("y.t().add_(x.t()²)", (x, _) => { var y = x * 1; if (x.dim() <= 2) y.T.add_(x.T.pow(2)); return y; }),
        new("y[::2].div_(2)", (x, _) => { var y = x * 1; if (x.dim() > 0) y[TensorIndex.Slice(step: 2)].div_(2); return y; }),
        new("y.view(-1)[^1]+=x", (x, _) => { var y = x.clone(); y.view(-1)[^1].add_(x.reshape(-1)[0]); return y; }),
        // the mask's edge is off zero, where the inputs can sit exactly (sin 0) and a finite difference would straddle it
        new("y[x>0.25]=0.5x", (x, _) => { var y = x.clone(); y[x > 0.25] = x[x > 0.25] * 0.5; return y; }),
        // writes through tensor indices among slices (distinct rows: a repeated one is written once but gets two gradients, as in PyTorch)
        new("y[rows, 1..]=sin x[rows, ..^1]", (x, _) =>
        {
            var y = x * 1;
            if (x.dim() == 0) return y;
            var rows = torch.tensor(x.size(0) > 1 ? new long[] { -1, 0 } : [0]);
            if (x.dim() == 1) y[rows] = x[rows].sin();
            else y[rows, 1..] = x[rows, ..^1].sin();
            return y;
        }),
        new("y[..., [0]]=tanh 2x[..., ..1]", (x, _) =>
        {
            var y = x * 1;
            if (x.dim() > 0) y[TensorIndex.Ellipsis, torch.tensor(new long[] { 0 })] = (x[TensorIndex.Ellipsis, ..1] * 2).tanh();
            return y;
        }),
    ];

    [Fact]
    public void RandomCompositions_AutogradGradients_MatchFiniteDifferences()
        => Check(s_shapes, s_ops, maxLength: 6, checkB: true, seed: 0x5EED_0001UL);

    [Fact]
    public void Property_WithWrongGradient_IsDetected()
    {
        // The checker itself must be able to fail: a deliberately wrong derivative is caught.
        var at = new[] { 0.3, -1.2 };
        var numeric = FiniteDifferences(at, v => Math.Sin(v[0]) + Math.Sin(v[1]));
        Assert.True(Agrees(at.Select(Math.Cos).ToArray(), numeric));
        Assert.False(Agrees(at.Select(x => -Math.Cos(x)).ToArray(), numeric));
    }
}
