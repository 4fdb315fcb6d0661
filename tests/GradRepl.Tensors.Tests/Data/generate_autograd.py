#!/usr/bin/env python3
"""Writes autograd.json: PyTorch's own results for expressions the C# tests evaluate through the engine.

Run by hand on a machine with Debian's python3-torch (PyTorch 1.13):
    /usr/bin/python3 tests/GradRepl.Tensors.Tests/Data/generate_autograd.py

Each case names its inputs (values, shape, dtype, requires_grad), a Python expression and, where C#
spells it differently, the C# expression. The generator records what PyTorch prints for the result,
its grad_fn's name, and each input's .grad after backward with a gradient of ones; or, for an error
case, the exception's type and message. The C# test (AutogradGoldenTests) compiles the C# expressions
with Roslyn, runs them on the same inputs and compares the printed forms byte for byte.
"""
import math

import torch
import torch.nn.functional as F

import golden_writer

torch.set_printoptions(profile="default")


# Helpers that exist under the same names in the C# test harness.
def backward(y):
    y.backward()
    return y


def backward_twice(y):
    y.backward()
    y.backward()
    return y


def backward_retain_twice(y):
    y.backward(retain_graph=True)
    y.backward()
    return y


def grad_of(y, x):
    return torch.autograd.grad(y, x)[0]


def d2(y, x):
    g = torch.autograd.grad(y, x, create_graph=True)[0]
    return torch.autograd.grad(g.sum(), x)[0]


def backward_with(y, g):
    y.backward(g)
    return y


def non_leaf_grad(y):
    return y.grad


def item(y):
    return torch.tensor(y.item())


def requires_grad_on(t):
    t.requires_grad_(True)
    return t


def in_no_grad(x):
    with torch.no_grad():
        return x * 2


def next_names(y):
    return "|".join("None" if f is None else type(f).__name__ for f, _ in y.grad_fn.next_functions)


INPUTS = {
    "s": dict(values=[2.0], shape=[], dtype="float32", requires_grad=True),
    "s1": dict(values=[1.0], shape=[], dtype="float32", requires_grad=True),
    "sn": dict(values=[-0.75], shape=[], dtype="float32", requires_grad=True),
    "d": dict(values=[0.3], shape=[], dtype="float64", requires_grad=True),
    "v": dict(values=[-1.5, -0.25, 0.5, 2.0], shape=[4], dtype="float32", requires_grad=True),
    "w": dict(values=[0.5, 1.25, -2.0, 3.0], shape=[4], dtype="float32", requires_grad=True),
    "pv": dict(values=[0.25, 0.5, 1.5, 3.0], shape=[4], dtype="float32", requires_grad=True),
    "z": dict(values=[-2.0, 0.0, 0.0, 3.0], shape=[4], dtype="float32", requires_grad=True),
    "c": dict(values=[1.0, 2.0, 3.0, 4.0], shape=[4], dtype="float32", requires_grad=False),
    "m": dict(values=[0.5, -1.0, 2.0, 1.5, 0.25, -0.5], shape=[2, 3], dtype="float32", requires_grad=True),
    "n": dict(values=[1.0, -2.0, 0.5, 3.0, -1.0, 0.25], shape=[3, 2], dtype="float32", requires_grad=True),
    "r": dict(values=[1.0, 2.0, -1.0], shape=[3], dtype="float32", requires_grad=True),
    "col": dict(values=[2.0, -1.0], shape=[2, 1], dtype="float32", requires_grad=True),
    "dv": dict(values=[0.1, 0.2, 0.7], shape=[3], dtype="float64", requires_grad=True),
    "i": dict(values=[1, 2, 3], shape=[3], dtype="int64", requires_grad=False),
    "b": dict(values=[True, False, True], shape=[3], dtype="bool", requires_grad=False),
    "big": dict(values=[float(k) / 7.0 - 40.0 for k in range(600)], shape=[600], dtype="float32", requires_grad=True),
}

# (python expression, inputs, C# expression or None when identical, kind)
CASES = [
    # the lab
    ("s.pow(2)", ["s"], None, "grad"),
    ("s.pow(2) + 2 * s + 1", ["s"], None, "grad"),
    ("2 * s1.pow(3) + s1", ["s1"], None, "grad"),
    ("s1 * s + s1.pow(2)", ["s1", "s"], None, "grad"),
    ("s * s1 + (s * s1).pow(2)", ["s", "s1"], None, "grad"),
    ("torch.sum(v.pow(2))", ["v"], None, "grad"),
    ("F.relu(v)", ["v"], "torch.nn.functional.relu(v)", "grad"),
    ("F.relu(z)", ["z"], "torch.nn.functional.relu(z)", "grad"),
    ("torch.linspace(-10, 10, 10, requires_grad=True).pow(2)", [], "torch.linspace(-10, 10, 10, requires_grad: true).pow(2)", "value"),
    ("torch.linspace(-3, 3, 100)", [], None, "value"),
    ("torch.linspace(-10, 10, 1000)[::111]", [], None, "skip"),
    # arithmetic with scalars on either side
    ("s + 1", ["s"], None, "grad"),
    ("1 + s", ["s"], None, "grad"),
    ("s - 1", ["s"], None, "grad"),
    ("1 - s", ["s"], None, "grad"),
    ("s * 3", ["s"], None, "grad"),
    ("3 * s", ["s"], None, "grad"),
    ("s / 4", ["s"], None, "grad"),
    ("4 / s", ["s"], None, "grad"),
    ("-s", ["s"], None, "grad"),
    ("v + 0.5", ["v"], None, "grad"),
    ("2.5 - v", ["v"], None, "grad"),
    ("v * -3", ["v"], None, "grad"),
    ("v / 3", ["v"], None, "grad"),
    ("1 / pv", ["pv"], None, "grad"),
    ("v + w", ["v", "w"], None, "grad"),
    ("v - w", ["v", "w"], None, "grad"),
    ("v * w", ["v", "w"], None, "grad"),
    ("v / w", ["v", "w"], None, "grad"),
    ("v * v", ["v"], None, "grad"),
    ("v * c", ["v", "c"], None, "grad"),
    ("c * v + c", ["v", "c"], None, "grad"),
    ("(v * w).sum()", ["v", "w"], None, "grad"),
    ("v.pow(3)", ["v"], None, "grad"),
    ("v.pow(0.5)", ["v"], None, "skip"),
    ("pv.pow(0.5)", ["pv"], None, "grad"),
    ("pv.pow(-1)", ["pv"], None, "grad"),
    ("pv.pow(-2)", ["pv"], None, "grad"),
    ("pv.pow(1.5)", ["pv"], None, "grad"),
    ("pv.pow(0)", ["pv"], None, "grad"),
    ("pv.pow(w)", ["pv", "w"], None, "grad"),
    ("torch.pow(2, v)", ["v"], "torch.pow(2.0, v)", "grad"),
    # element-wise functions
    ("v.exp()", ["v"], None, "grad"),
    ("pv.log()", ["pv"], None, "grad"),
    ("v.sin()", ["v"], None, "grad"),
    ("v.cos()", ["v"], None, "grad"),
    ("v.tan()", ["v"], None, "grad"),
    ("v.tanh()", ["v"], None, "grad"),
    ("v.sigmoid()", ["v"], None, "grad"),
    ("pv.sqrt()", ["pv"], None, "grad"),
    ("v.abs()", ["v"], None, "grad"),
    ("z.abs()", ["z"], None, "grad"),
    ("v.neg()", ["v"], None, "grad"),
    ("v.relu()", ["v"], None, "grad"),
    ("torch.exp(v)", ["v"], None, "grad"),
    ("torch.sin(v) * torch.cos(w)", ["v", "w"], None, "grad"),
    ("torch.tanh(v).sum()", ["v"], None, "grad"),
    ("torch.sigmoid(v)", ["v"], None, "grad"),
    ("F.sigmoid(v)", ["v"], "torch.nn.functional.sigmoid(v)", "grad"),
    ("F.tanh(v)", ["v"], "torch.nn.functional.tanh(v)", "grad"),
    ("F.softplus(v)", ["v"], "torch.nn.functional.softplus(v)", "grad"),
    ("F.softplus(v * 20)", ["v"], "torch.nn.functional.softplus(v * 20)", "grad"),
    ("F.softplus(v, beta=2)", ["v"], "torch.nn.functional.softplus(v, beta: 2)", "grad"),
    ("F.leaky_relu(v)", ["v"], "torch.nn.functional.leaky_relu(v)", "grad"),
    ("F.leaky_relu(v, 0.2)", ["v"], "torch.nn.functional.leaky_relu(v, 0.2)", "grad"),
    ("v.clamp(-1, 1)", ["v"], None, "grad"),
    ("v.clamp(min=0)", ["v"], "v.clamp(min: 0)", "grad"),
    ("v.clamp(max=0.5)", ["v"], "v.clamp(max: 0.5)", "grad"),
    ("torch.clamp(v, -0.25, 0.5)", ["v"], None, "grad"),
    ("v.sign()", ["v"], None, "grad"),
    ("torch.maximum(v, w)", ["v", "w"], None, "grad"),
    ("torch.minimum(v, w)", ["v", "w"], None, "grad"),
    ("pv.reciprocal()", ["pv"], None, "grad"),
    # reductions
    ("v.sum()", ["v"], None, "grad"),
    ("v.mean()", ["v"], None, "grad"),
    ("v.max()", ["v"], None, "grad"),
    ("v.min()", ["v"], None, "grad"),
    ("z.max()", ["z"], None, "grad"),
    ("torch.tensor([1.0, 3.0, 3.0], requires_grad=True).max()", [], "torch.tensor(new[] {1.0, 3.0, 3.0}, requires_grad: true).max()", "value"),
    ("m.sum()", ["m"], None, "grad"),
    ("m.sum(0)", ["m"], None, "grad"),
    ("m.sum(1)", ["m"], None, "grad"),
    ("m.sum(-1)", ["m"], None, "grad"),
    ("m.sum(0, keepdim=True)", ["m"], "m.sum(0, keepdim: true)", "grad"),
    ("m.mean()", ["m"], None, "grad"),
    ("m.mean(0)", ["m"], None, "grad"),
    ("m.mean(1, keepdim=True)", ["m"], "m.mean(1, keepdim: true)", "grad"),
    ("m.max(1)[0]", ["m"], "m.max(1).values", "grad"),
    ("m.max(1)[1]", ["m"], "m.max(1).indices", "value"),
    ("m.min(0)[0]", ["m"], "m.min(0).values", "grad"),
    ("m.min(0)[1]", ["m"], "m.min(0).indices", "value"),
    ("(m * m).sum(1).mean()", ["m"], None, "grad"),
    # PyTorch sums float32 in float32 blocks; the engine accumulates in double, so the last printed
    # digit of a long sum may differ: these compare values to 1e-6 relative, and grads exactly.
    ("big.sum()", ["big"], None, "approx"),
    ("big.mean()", ["big"], None, "approx"),
    ("(big * big).sum()", ["big"], None, "approx"),
    ("i.sum()", ["i"], None, "value"),
    ("b.sum()", ["b"], None, "value"),
    ("dv.sum()", ["dv"], None, "grad"),
    ("dv.mean()", ["dv"], None, "grad"),
    ("d * d", ["d"], None, "grad"),
    ("(d.exp() + d).log()", ["d"], None, "grad"),
    # broadcasting
    ("m + r", ["m", "r"], None, "grad"),
    ("m * r", ["m", "r"], None, "grad"),
    ("m - r", ["m", "r"], None, "grad"),
    ("m / r", ["m", "r"], None, "grad"),
    ("m * col", ["m", "col"], None, "grad"),
    ("col + r", ["col", "r"], None, "grad"),
    ("m * s", ["m", "s"], None, "grad"),
    ("s * v + w", ["s", "v", "w"], None, "grad"),
    ("m + torch.tensor([1.0, 2.0, 3.0])", ["m"], "m + torch.tensor(new[] {1.0, 2.0, 3.0})", "grad"),
    # linear algebra
    ("m.mm(n)", ["m", "n"], None, "grad"),
    ("m.matmul(n)", ["m", "n"], None, "grad"),
    ("m @ n", ["m", "n"], "m.matmul(n)", "grad"),
    ("n.mm(m)", ["m", "n"], None, "grad"),
    ("m.mv(r)", ["m", "r"], None, "grad"),
    ("m.matmul(r)", ["m", "r"], None, "grad"),
    ("v.dot(w)", ["v", "w"], None, "grad"),
    ("torch.dot(v, w)", ["v", "w"], None, "grad"),
    ("v.matmul(w)", ["v", "w"], None, "grad"),
    ("r.matmul(n)", ["r", "n"], None, "grad"),
    ("torch.matmul(m, n).sum()", ["m", "n"], None, "grad"),
    # shapes and indexing
    ("m.T", ["m"], None, "grad"),
    ("m.t()", ["m"], None, "grad"),
    ("m.transpose(0, 1)", ["m"], None, "grad"),
    ("m.reshape(3, 2)", ["m"], None, "grad"),
    ("m.reshape(-1)", ["m"], None, "grad"),
    ("m.view(6)", ["m"], None, "grad"),
    ("m.view(3, -1)", ["m"], None, "grad"),
    ("v.unsqueeze(0)", ["v"], None, "grad"),
    ("v.unsqueeze(1)", ["v"], None, "grad"),
    ("col.squeeze()", ["col"], None, "grad"),
    ("col.squeeze(1)", ["col"], None, "grad"),
    ("m.flatten()", ["m"], None, "grad"),
    ("v.expand(2, 4)", ["v"], None, "grad"),
    ("col.expand(2, 3)", ["col"], None, "grad"),
    ("v[1]", ["v"], None, "grad"),
    ("v[-1]", ["v"], None, "grad"),
    ("m[1]", ["m"], None, "grad"),
    ("m[0, 2]", ["m"], None, "grad"),
    ("m[1, -1] * m[0, 0]", ["m"], None, "grad"),
    ("v[0] * v[0] + v[3]", ["v"], None, "grad"),
    ("v.double()", ["v"], None, "grad"),
    ("dv.float()", ["dv"], None, "grad"),
    ("v.float()", ["v"], None, "grad"),
    ("v.clone()", ["v"], None, "grad"),
    ("v.detach()", ["v"], None, "value"),
    ("v.data", ["v"], None, "value"),
    ("v.sum_to_size(1)", ["v"], None, "grad"),
    ("m.sum_to_size(1, 3)", ["m"], None, "grad"),
    # comparisons and dtypes
    ("v > 0", ["v"], None, "value"),
    ("v < w", ["v", "w"], None, "value"),
    ("v >= 0.5", ["v"], None, "value"),
    ("v <= w", ["v", "w"], None, "value"),
    ("v.eq(w)", ["v", "w"], None, "value"),
    ("z.ne(0)", ["z"], None, "value"),
    ("i * 2", ["i"], None, "value"),
    ("i * 2.5", ["i"], None, "value"),
    ("i + i", ["i"], None, "value"),
    ("i / 2", ["i"], None, "value"),
    ("i - 1", ["i"], None, "value"),
    ("i.pow(2)", ["i"], None, "value"),
    ("i.float()", ["i"], None, "value"),
    ("i.double() / 3", ["i"], None, "value"),
    ("v + dv[0]", ["v", "dv"], None, "grad"),
    ("v * i[0]", ["v", "i"], None, "grad"),
    ("i.exp()", ["i"], None, "value"),
    ("-i", ["i"], None, "value"),
    ("b.long()", ["b"], None, "value"),
    ("v.long()", ["v"], None, "value"),
    ("v.bool()", ["v"], None, "value"),
    ("torch.arange(5)", [], None, "value"),
    ("torch.arange(1, 7, 2)", [], None, "value"),
    ("torch.arange(0.0, 1.0, 0.25)", [], "torch.arange(0.0, 1.0, 0.25)", "value"),
    ("torch.zeros(2, 3)", [], None, "value"),
    ("torch.ones(3)", [], None, "value"),
    ("torch.ones(2, 2, dtype=torch.float64)", [], "torch.ones(new long[] {2, 2}, dtype: torch.float64)", "value"),
    ("torch.full((2,), 7.0)", [], "torch.full(new long[] {2}, 7.0)", "value"),
    ("torch.zeros_like(v)", ["v"], None, "value"),
    ("torch.ones_like(i)", ["i"], None, "value"),
    ("torch.tensor(2.0)", [], None, "value"),
    ("torch.tensor(2)", [], None, "value"),
    ("torch.tensor(True)", [], "torch.tensor(true)", "value"),
    ("torch.tensor([1.0, 2.5])", [], "torch.tensor(new[] {1.0, 2.5})", "value"),
    ("torch.tensor([[1.0, 2.0], [3.0, 4.0]])", [], "torch.tensor(new[,] {{1.0, 2.0}, {3.0, 4.0}})", "value"),
    ("torch.tensor([1, 2, 3])", [], "torch.tensor(new[] {1, 2, 3})", "value"),
    ("torch.tensor(2.0, dtype=torch.float64, requires_grad=True)", [], "torch.tensor(2.0, dtype: torch.float64, requires_grad: true)", "value"),
    ("torch.tensor(0.1)", [], None, "value"),
    ("torch.tensor(0.1, dtype=torch.float64)", [], "torch.tensor(0.1, dtype: torch.float64)", "value"),
    ("torch.linspace(0, 1, 5, dtype=torch.float64)", [], "torch.linspace(0, 1, 5, dtype: torch.float64)", "value"),
    ("torch.linspace(-1, 1, 7)", [], None, "value"),
    ("torch.linspace(0, 1, 1)", [], None, "value"),
    ("torch.linspace(-10, 10, 1000)[500]", [], None, "value"),
    ("torch.linspace(-10, 10, 1000)[499]", [], None, "value"),
    ("torch.linspace(-10, 10, 1000)[1]", [], None, "value"),
    ("torch.linspace(-10, 10, 1000)[998]", [], None, "value"),
    # graph structure
    ("next_names(s * 2)", ["s"], None, "text"),
    ("next_names(s + s)", ["s"], None, "text"),
    ("next_names(1 - s)", ["s"], None, "text"),
    ("next_names(4 / s)", ["s"], None, "text"),
    ("next_names(s.pow(2) + 2 * s)", ["s"], None, "text"),
    ("next_names(v * c)", ["v", "c"], None, "text"),
    ("next_names(m.mm(n))", ["m", "n"], None, "text"),
    # autograd behaviour
    ("backward(s.pow(2))", ["s"], None, "value"),
    ("backward(s * s * s)", ["s"], None, "value"),
    ("backward_retain_twice(s.pow(2))", ["s"], None, "value"),
    ("backward_twice(s + 1)", ["s"], None, "value"),
    ("backward_twice(-s)", ["s"], None, "value"),
    ("backward_twice(v.sum())", ["v"], None, "value"),
    ("backward_twice(v.mean())", ["v"], None, "value"),
    ("backward_with(v * 2, w)", ["v", "w"], None, "value"),
    ("backward_with(m.sum(0), r)", ["m", "r"], None, "value"),
    ("grad_of(s.pow(3), s)", ["s"], None, "value"),
    ("grad_of((v * w).sum(), w)", ["v", "w"], None, "value"),
    ("d2(s.pow(3), s)", ["s"], None, "value"),
    ("d2(s.sin(), s)", ["s"], None, "value"),
    ("d2(s.exp() * s, s)", ["s"], None, "value"),
    ("d2((v.pow(3)).sum(), v)", ["v"], None, "value"),
    ("d2(v.tanh().sum(), v)", ["v"], None, "value"),
    ("d2(v.sigmoid().sum(), v)", ["v"], None, "value"),
    ("d2((pv.log() * pv).sum(), pv)", ["pv"], None, "value"),
    ("d2((pv.sqrt()).sum(), pv)", ["pv"], None, "value"),
    ("d2((1 / pv).sum(), pv)", ["pv"], None, "value"),
    ("d2((m.mm(n)).pow(2).sum(), m)", ["m", "n"], None, "value"),
    ("in_no_grad(v)", ["v"], None, "value"),
    ("item(s * 3)", ["s"], None, "value"),
    ("item(v.sum())", ["v"], None, "value"),
    # errors
    ("backward_twice(s.pow(2))", ["s"], None, "error"),
    ("backward_twice(s * 2)", ["s"], None, "error"),
    ("backward_twice(s.exp())", ["s"], None, "error"),
    ("backward_twice(v.relu().sum())", ["v"], None, "error"),
    ("backward_twice((v / 2).sum())", ["v"], None, "error"),
    ("backward(v * 2)", ["v"], None, "error"),
    ("backward(c * 2)", ["c"], None, "error"),
    ("backward(c.sum())", ["c"], None, "error"),
    ("requires_grad_on(i)", ["i"], None, "error"),
    ("requires_grad_on(b)", ["b"], None, "error"),
    ("v + r", ["v", "r"], None, "error"),
    ("m * v", ["m", "v"], None, "error"),
    ("m.mm(m)", ["m"], None, "error"),
    ("v.dot(r)", ["v", "r"], None, "error"),
    ("m.mv(v)", ["m", "v"], None, "error"),
    ("v[4]", ["v"], None, "error"),
    ("v[-5]", ["v"], None, "error"),
    ("m[2]", ["m"], None, "error"),
    ("m[0, 3]", ["m"], None, "error"),
    ("s[0]", ["s"], None, "error"),
    ("item(v)", ["v"], None, "error"),
    ("m.reshape(4, 2)", ["m"], None, "error"),
    ("m.view(-1, -1)", ["m"], None, "error"),
    ("m.sum(2)", ["m"], None, "error"),
    ("v.sum(-2)", ["v"], None, "error"),
    ("i.mean()", ["i"], None, "error"),
    ("v.numpy()", ["v"], None, "error"),
    ("v.dot(dv)", ["v", "dv"], None, "error"),
    ("b - b", ["b"], None, "error"),
    ("-b", ["b"], None, "error"),
    ("torch.zeros(2, -1)", [], None, "error"),
    ("torch.linspace(0, 1, -1)", [], None, "error"),
    ("backward_with(v * 2, r)", ["v", "r"], None, "error"),
    ("m.t().t().t().T.T.T.expand(3, 3)", ["m"], None, "error"),
    ("v.expand(2)", ["v"], None, "error"),
    ("m.mm(n.double())", ["m", "n"], None, "error"),
    ("m.mv(dv)", ["m", "dv"], None, "error"),
    ("v[1, 2]", ["v"], None, "error"),
    ("torch.ones(3).max(0)[0]", [], "torch.ones(3).max(0).values", "value"),
    ("i.unsqueeze(0).mm(i.unsqueeze(1))", ["i"], None, "value"),
    ("torch.ones(2, 3).sum(dim=(0, 0))", [], "torch.ones(2, 3).sum(new long[] {0, 0})", "error"),
    ("torch.ones(0).max()", [], None, "error"),
    ("torch.arange(0, 5, -1)", [], None, "error"),
]



def main():
    golden_writer.write("autograd.json", CASES, INPUTS, golden_writer.helpers_of(globals()))


if __name__ == "__main__":
    main()
