// The issue's bad input, each in turn: the error PyTorch 1.13 names (or the value, where PyTorch clamps).
void attempt(string label, Func<object> f)
{
    try
    {
        print(label, f());
    }
    catch (TorchException e)
    {
        print(label, e.PythonName + ":", e.Message);
    }
}

var x = torch.tensor(new[] { 1.0, 2.0, 3.0 });
var m = torch.arange(6.0).view(2, 3);
var w = torch.tensor(new[] { 1.0, 2.0, 3.0 }, requires_grad: true);

attempt("cat sizes", () => torch.cat(new[] { torch.ones(2, 3), torch.ones(2, 4) }, dim: 0));
attempt("cat ranks", () => torch.cat(new[] { torch.ones(2, 3), torch.ones(3) }));
attempt("cat dim", () => torch.cat(new[] { m, m }, dim: 2));
attempt("stack sizes", () => torch.stack(new[] { torch.ones(2), torch.ones(3) }));
attempt("stack empty", () => torch.stack(new Tensor[0]));
attempt("stack dim", () => torch.stack(new[] { x, x }, dim: 3));
attempt("mm", () => torch.mm(torch.ones(5, 3), torch.ones(2, 1)));
attempt("mm 1-D", () => torch.mm(torch.ones(3), torch.ones(3, 1)));
attempt("matmul", () => torch.matmul(torch.ones(2, 3), torch.ones(4)));
attempt("mv", () => torch.mv(torch.ones(2, 3), torch.ones(4)));
attempt("dot", () => torch.dot(torch.ones(3), torch.ones(4)));
attempt("sum dim", () => x.sum(3));
attempt("softmax dim", () => m.softmax(-3));
attempt("transpose dim", () => m.transpose(0, 2));
attempt("unsqueeze dim", () => x.unsqueeze(2));
attempt("squeeze dim", () => x.squeeze(1));
attempt("index", () => x[5]);
attempt("index negative", () => x[-4]);
attempt("index 2-D", () => m[0, 7]);
attempt("too many indices", () => m[0, 0, 0]);
attempt("index tensor", () => x[torch.tensor(new long[] { 0, 5 })]);
attempt("select", () => x.select(0, 5));
attempt("narrow", () => x.narrow(0, 2, 3));
attempt("slice clamps", () => x[1..10]);
attempt("slice clamps below", () => x[TensorIndex.Slice(-10, 2)]);
attempt("slice empty", () => x[5..7]);
attempt("slice 2-D clamps", () => m[.., 2..9]);
attempt("view non-contiguous", () => m.t().view(6));
attempt("view size", () => x.view(4));
attempt("reshape size", () => x.reshape(2, 2));
attempt("expand", () => x.expand(2, 4));

attempt("in-place leaf", () => w.add_(1));
attempt("write leaf", () => w[0] = 5);
attempt("mask write leaf", () => w[w > 1] = 0);
attempt("mask shape", () => x[torch.tensor(new[] { true, false })]);
attempt("mask 2-D shape", () => m[torch.tensor(new[] { true, false, true })]);
attempt("mask write shape", () =>
{
    var y = x.clone();
    return y[torch.tensor(new[] { true, false })] = 0;
});
attempt("int requires grad", () => torch.tensor(new long[] { 1, 2 }, requires_grad: true));
attempt("int requires_grad_", () => torch.arange(3).requires_grad_());
attempt("bool requires_grad_", () => torch.tensor(new[] { true }).requires_grad_());

attempt("saved modified", () =>
{
    var a = w.exp();
    a.add_(1);
    a.sum().backward();
    return null;
});
attempt("backward non-scalar", () =>
{
    (w * 2).backward();
    return null;
});
attempt("backward twice", () =>
{
    var y = (w * w).sum();
    y.backward();
    y.backward();
    return null;
});
attempt("int zeros requires grad", () => torch.zeros(3, dtype: torch.int64, requires_grad: true));
attempt("int arange requires grad", () => torch.arange(3, requires_grad: true));
attempt("randint requires grad", () => torch.randint(0, 3, new long[] { 2 }, requires_grad: true));
attempt("randperm requires grad", () => torch.randperm(3, requires_grad: true));
attempt("int zeros_like requires grad", () => torch.zeros_like(torch.arange(3), requires_grad: true));
attempt("int requires_grad setter", () =>
{
    var t = torch.arange(3);
    return t.requires_grad = true;
});
