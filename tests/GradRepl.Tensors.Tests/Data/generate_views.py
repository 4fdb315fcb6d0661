#!/usr/bin/env python3
"""Writes views.json: PyTorch 1.13's results for views, indexing, in-place ops, version counters and ==.

Run by hand on a machine with Debian's python3-torch (PyTorch 1.13):
    /usr/bin/python3 tests/GradRepl.Tensors.Tests/Data/generate_views.py

Each case is a short program: statements separated by "; ", the last one an expression whose value is the
result, in Python and in C# (ViewsGoldenTests compiles the C# with Roslyn). The generator records what PyTorch
prints for the result, its grad_fn's name and, for "grad" cases, each input's .grad after backward with a
gradient of ones; for "text" cases the result as a string; for "error" cases the exception's type and message.
Inputs are made fresh for every case.
"""
import json
import os
import torch

torch.set_printoptions(profile="default")


# Helpers that exist under the same names in the C# test harness.
def chain(t):
    """grad_fn names from t back along each node's first input."""
    names, f = [], t.grad_fn
    while f is not None:
        names.append(type(f).__name__)
        nxt = [n for n, _ in f.next_functions if n is not None]
        f = nxt[0] if nxt else None
    return "|".join(names)


def next_names(y):
    return "|".join("None" if f is None else type(f).__name__ for f, _ in y.grad_fn.next_functions)


def backward(y):
    y.backward(torch.ones_like(y))
    return y


def strides(t):
    return str(list(t.stride())) + " " + str(t.storage_offset())


INPUTS = {
    "v": dict(values=[-1.5, -0.25, 0.5, 2.0], shape=[4], dtype="float32", requires_grad=True),
    "w": dict(values=[0.5, 1.25, -2.0, 3.0], shape=[4], dtype="float32", requires_grad=True),
    "m": dict(values=[0.5, -1.0, 2.0, 1.5, 0.25, -0.5], shape=[2, 3], dtype="float32", requires_grad=True),
    "c3": dict(values=[float(k) - 11.5 for k in range(24)], shape=[2, 3, 4], dtype="float32", requires_grad=True),
    "x": dict(values=[1.0, 2.0, 3.0, 4.0, 5.0, 6.0], shape=[6], dtype="float32", requires_grad=False),
    "a": dict(values=[0.5, -1.0, 2.0, 1.5, 0.25, -0.5, 3.0, -2.0, 1.0, 0.0, 4.0, -3.0], shape=[3, 4], dtype="float32", requires_grad=False),
    "d": dict(values=[0.1, 0.2, 0.3, 0.4], shape=[2, 2], dtype="float64", requires_grad=True),
    "i": dict(values=[5, -3, 7, 0, 2, 9], shape=[2, 3], dtype="int64", requires_grad=False),
    "b": dict(values=[True, False, True, True, False, False], shape=[2, 3], dtype="bool", requires_grad=False),
    "big": dict(values=[float(k) / 4.0 for k in range(1200)], shape=[30, 40], dtype="float32", requires_grad=False),
}

# (python program, inputs, C# program or None when identical, kind)
CASES = [
    # views of a graph tensor: values, node names, gradients
    ("v[1:3]", ["v"], "v[1..3]", "grad"),
    ("v[:2]", ["v"], "v[..2]", "grad"),
    ("v[2:]", ["v"], "v[2..]", "grad"),
    ("v[:]", ["v"], "v[..]", "grad"),
    ("v[-1]", ["v"], "v[^1]", "grad"),
    ("v[-2:]", ["v"], "v[^2..]", "grad"),
    ("v[:-1]", ["v"], "v[..^1]", "grad"),
    ("v[1:-1]", ["v"], "v[1..^1]", "grad"),
    ("v[::2]", ["v"], "v[TensorIndex.Slice(null, null, 2)]", "grad"),
    ("v[1::2]", ["v"], "v[TensorIndex.Slice(1, null, 2)]", "grad"),
    ("v[::3]", ["v"], "v[TensorIndex.Slice(step: 3)]", "grad"),
    ("v[10:20]", ["v"], "v[10..20]", "grad"),
    ("v[-10:2]", ["v"], "v[TensorIndex.Slice(-10, 2)]", "grad"),
    ("v[3:1]", ["v"], "v[3..1]", "grad"),
    ("m[:, 0]", ["m"], "m[.., 0]", "grad"),
    ("m[:, -1]", ["m"], "m[.., ^1]", "grad"),
    ("m[1, :]", ["m"], "m[1, ..]", "grad"),
    ("m[0]", ["m"], None, "grad"),
    ("m[-1]", ["m"], "m[^1]", "grad"),
    ("m[1, 2]", ["m"], None, "grad"),
    ("m[:, 1:]", ["m"], "m[.., 1..]", "grad"),
    ("m[:, ::2]", ["m"], "m[.., TensorIndex.Slice(step: 2)]", "grad"),
    ("m[..., 1]", ["m"], "m[TensorIndex.Ellipsis, 1]", "grad"),
    ("m[None]", ["m"], "m[TensorIndex.None]", "grad"),
    ("m[:, None]", ["m"], "m[.., TensorIndex.None]", "grad"),
    ("c3[1]", ["c3"], None, "grad"),
    ("c3[:, 1]", ["c3"], "c3[.., 1]", "grad"),
    ("c3[..., 0]", ["c3"], "c3[TensorIndex.Ellipsis, 0]", "grad"),
    ("c3[1, :, 2]", ["c3"], "c3[1, .., 2]", "grad"),
    ("c3[:, 1:, ::3]", ["c3"], "c3[.., 1.., TensorIndex.Slice(step: 3)]", "grad"),
    ("c3[0, 1, 2]", ["c3"], None, "grad"),
    ("m.narrow(1, 1, 2)", ["m"], None, "grad"),
    ("m.narrow(0, -1, 1)", ["m"], None, "grad"),
    ("m.select(1, 0)", ["m"], None, "grad"),
    ("m.select(0, -1)", ["m"], None, "grad"),
    ("m.t()", ["m"], None, "grad"),
    ("m.T", ["m"], None, "grad"),
    ("m.transpose(0, 1)", ["m"], None, "grad"),
    ("c3.transpose(0, 2)", ["c3"], None, "grad"),
    ("c3.permute(2, 0, 1)", ["c3"], None, "grad"),
    ("c3.permute(-1, 1, 0)", ["c3"], None, "grad"),
    ("m.view(3, 2)", ["m"], None, "grad"),
    ("m.view(-1)", ["m"], None, "grad"),
    ("m.view(6, 1)", ["m"], None, "grad"),
    ("m.reshape(3, 2)", ["m"], None, "grad"),
    ("m.t().reshape(6)", ["m"], None, "grad"),
    ("m.t().reshape(2, 3)", ["m"], None, "grad"),
    ("m.t().contiguous()", ["m"], None, "grad"),
    ("m.t().flatten()", ["m"], None, "grad"),
    ("m.flatten()", ["m"], None, "grad"),
    ("c3.flatten()", ["c3"], None, "grad"),
    ("m.unsqueeze(0)", ["m"], None, "grad"),
    ("m.unsqueeze(-1)", ["m"], None, "grad"),
    ("m.unsqueeze(1).squeeze(1)", ["m"], None, "grad"),
    ("m[0:1].squeeze()", ["m"], "m[0..1].squeeze()", "grad"),
    ("m[:, 0:1].squeeze(1)", ["m"], "m[.., 0..1].squeeze(1)", "grad"),
    ("v.expand(3, 4)", ["v"], None, "grad"),
    ("m[:, 0:1].expand(2, 3)", ["m"], "m[.., 0..1].expand(2, 3)", "grad"),
    ("v.unsqueeze(1).expand(-1, 2)", ["v"], None, "grad"),
    ("m.t()[0]", ["m"], None, "grad"),
    ("m.t()[:, 1]", ["m"], "m.t()[.., 1]", "grad"),
    ("m.t().t()", ["m"], None, "grad"),
    ("m.view(-1)[::2]", ["m"], "m.view(-1)[TensorIndex.Slice(step: 2)]", "grad"),
    ("(m * m)[:, 1].sum()", ["m"], "(m * m)[.., 1].sum()", "grad"),
    ("v[1:3] * w[0:2]", ["v", "w"], "v[1..3] * w[0..2]", "grad"),
    ("v[0] * v[1] + v[1:].sum()", ["v"], "v[0] * v[1] + v[1..].sum()", "grad"),
    ("m.t().matmul(m)", ["m"], None, "grad"),
    ("m[:, 1:].t().mm(m[:, :2])", ["m"], "m[.., 1..].t().mm(m[.., ..2])", "grad"),
    ("(m.t() * 2).pow(2)", ["m"], None, "grad"),
    ("m.t().sum(0)", ["m"], None, "grad"),
    ("m.t().max()", ["m"], None, "grad"),
    ("c3.permute(2, 0, 1)[1:3].sum(1)", ["c3"], "c3.permute(2, 0, 1)[1..3].sum(1)", "grad"),
    ("d[:, 1] * d[0]", ["d"], "d[.., 1] * d[0]", "grad"),
    ("d.t().reshape(4)", ["d"], None, "grad"),
    ("v.detach()[1:3]", ["v"], "v.detach()[1..3]", "value"),
    ("v.data[::2]", ["v"], "v.data[TensorIndex.Slice(step: 2)]", "value"),
    # node chains
    ("chain(m[:, 0])", ["m"], "chain(m[.., 0])", "text"),
    ("chain(m[1, :])", ["m"], "chain(m[1, ..])", "text"),
    ("chain(m.t().reshape(6))", ["m"], None, "text"),
    ("chain(m.t().contiguous())", ["m"], None, "text"),
    ("chain(m.reshape(6).view(2, 3))", ["m"], None, "text"),
    ("chain(c3[1, :, 2])", ["c3"], "chain(c3[1, .., 2])", "text"),
    ("chain(v[v > 0])", ["v"], None, "text"),
    # strides, contiguity, sharing
    ("strides(m.t())", ["m"], None, "text"),
    ("strides(c3.permute(2, 0, 1))", ["c3"], None, "text"),
    ("strides(c3[:, 1])", ["c3"], "strides(c3[.., 1])", "text"),
    ("strides(c3[1, :, 1:3])", ["c3"], "strides(c3[1, .., 1..3])", "text"),
    ("strides(v.expand(3, 4))", ["v"], None, "text"),
    ("strides(m.unsqueeze(2))", ["m"], None, "text"),
    ("strides(m[0][None])", ["m"], "strides(m[0][TensorIndex.None])", "text"),
    ("strides(m.t().contiguous())", ["m"], None, "text"),
    ("strides(c3[:, :, ::2].reshape(6, 2))", ["c3"], "strides(c3[.., .., TensorIndex.Slice(step: 2)].reshape(6, 2))", "text"),
    ("strides(c3.transpose(1, 2).reshape(2, 12))", ["c3"], None, "text"),
    ("strides(a[1:, 2:])", ["a"], "strides(a[1.., 2..])", "text"),
    ("str(m.t().is_contiguous())", ["m"], "str(m.t().is_contiguous())", "text"),
    ("str(m[1].is_contiguous())", ["m"], "str(m[1].is_contiguous())", "text"),
    ("str(m[:, 1].is_contiguous())", ["m"], "str(m[.., 1].is_contiguous())", "text"),
    # writes through a view are seen by the base, and the other way round
    ("y = x[1:3]; y[0] = 10; x", ["x"], "var y = x[1..3]; y[0] = 10; x", "value"),
    ("y = x[1:3]; x[2] = -1; y", ["x"], "var y = x[1..3]; x[2] = -1; y", "value"),
    ("y = x.view(2, 3); y[1, 1] = 0; x", ["x"], "var y = x.view(2, 3); y[1, 1] = 0; x", "value"),
    ("y = x.view(3, 2).t(); y[0] = 7; x", ["x"], "var y = x.view(3, 2).t(); y[0] = 7; x", "value"),
    ("y = a.t(); y[:, 0] = 9; a", ["a"], "var y = a.t(); y[.., 0] = 9; a", "value"),
    ("y = a[:, 1]; y.mul_(10); a", ["a"], "var y = a[.., 1]; y.mul_(10); a", "value"),
    ("y = a[::2, ::3]; y.zero_(); a", ["a"], "var y = a[TensorIndex.Slice(step: 2), TensorIndex.Slice(step: 3)]; y.zero_(); a", "value"),
    ("y = x.detach(); y.add_(1); x", ["x"], "var y = x.detach(); y.add_(1); x", "value"),
    ("y = v.data; y[0] = 100; v", ["v"], "var y = v.data; y[0] = 100; v", "value"),
    ("y = x.reshape(2, 3); y.fill_(3); x", ["x"], "var y = x.reshape(2, 3); y.fill_(3); x", "value"),
    ("y = x.unsqueeze(0); y[0, 5] = 50; x", ["x"], "var y = x.unsqueeze(0); y[0, 5] = 50; x", "value"),
    ("y = x.narrow(0, 2, 3); y.copy_(torch.tensor([7.0, 8.0, 9.0])); x", ["x"], "var y = x.narrow(0, 2, 3); y.copy_(torch.tensor(new[] {7.0, 8.0, 9.0})); x", "value"),
    ("y = a.t().contiguous(); y[0] = 0; a", ["a"], "var y = a.t().contiguous(); y[0] = 0; a", "value"),
    ("y = a.t().reshape(12); y[0] = 99; a", ["a"], "var y = a.t().reshape(12); y[0] = 99; a", "value"),
    ("y = a.reshape(12); y[0] = 99; a", ["a"], "var y = a.reshape(12); y[0] = 99; a", "value"),
    ("y = x.clone(); y[0] = 99; x", ["x"], "var y = x.clone(); y[0] = 99; x", "value"),
    ("y = x[1:5]; z = y[1:3]; z[:] = 0; x", ["x"], "var y = x[1..5]; var z = y[1..3]; z[..] = 0; x", "value"),
    ("y = x[::2]; x.mul_(2); y", ["x"], "var y = x[TensorIndex.Slice(step: 2)]; x.mul_(2); y", "value"),
    ("y = x.expand(2, 6); x[0] = -5; y", ["x"], "var y = x.expand(2, 6); x[0] = -5; y", "value"),
    ("y = x[2:4]; str(x._version) + ' ' + str(y._version)", ["x"], "var y = x[2..4]; y.add_(1); str(x._version) + \" \" + str(y._version)", "skip"),
    ("y = x[2:4]; y.add_(1); str(x._version) + ' ' + str(y._version)", ["x"], "var y = x[2..4]; y.add_(1); str(x._version) + \" \" + str(y._version)", "text"),
    ("x.add_(1); x.mul_(2); x[0] = 1; str(x._version)", ["x"], "x.add_(1); x.mul_(2); x[0] = 1; str(x._version)", "text"),
    # element, slice and tensor assignment
    ("x[3] = 4; x", ["x"], "x[3] = 4; x", "value"),
    ("x[-1] = 0.5; x", ["x"], "x[^1] = 0.5; x", "value"),
    ("x[1:4] = 0; x", ["x"], "x[1..4] = 0; x", "value"),
    ("x[::2] = torch.tensor([7.0, 8.0, 9.0]); x", ["x"], "x[TensorIndex.Slice(step: 2)] = torch.tensor(new[] {7.0, 8.0, 9.0}); x", "value"),
    ("a[:, 0] = torch.arange(3.0); a", ["a"], "a[.., 0] = torch.arange(0.0, 3.0, 1.0); a", "value"),
    ("a[1] = torch.tensor([1.0, 2.0, 3.0, 4.0]); a", ["a"], "a[1] = torch.tensor(new[] {1.0, 2.0, 3.0, 4.0}); a", "value"),
    ("a[1:, 1:] = -1; a", ["a"], "a[1.., 1..] = -1; a", "value"),
    ("a[:, 2] = torch.tensor([5.0]); a", ["a"], "a[.., 2] = torch.tensor(new[] {5.0}); a", "value"),
    ("a[0:2] = torch.tensor([1.0, 2.0, 3.0, 4.0]); a", ["a"], "a[0..2] = torch.tensor(new[] {1.0, 2.0, 3.0, 4.0}); a", "value"),
    ("a[1, 2] = 42; a", ["a"], "a[1, 2] = 42; a", "value"),
    ("i[0, 1] = 100; i", ["i"], "i[0, 1] = 100; i", "value"),
    ("i[:, 0] = 2.7; i", ["i"], "i[.., 0] = 2.7; i", "value"),
    ("b[0] = False; b", ["b"], "b[0] = false; b", "skip"),
    ("big[::2, 5:30:5] = 0; big", ["big"], "big[TensorIndex.Slice(step: 2), TensorIndex.Slice(5, 30, 5)] = 0; big", "value"),
    ("a[:, 0] = torch.tensor([1.0, 2.0]); a", ["a"], "a[.., 0] = torch.tensor(new[] {1.0, 2.0}); a", "error"),
    ("x[6] = 1; x", ["x"], "x[6] = 1; x", "error"),
    # boolean masks and index tensors
    ("x[x > 3]", ["x"], None, "value"),
    ("a[a > 0]", ["a"], None, "value"),
    ("a[a[:, 0] > 0]", ["a"], "a[a[.., 0] > 0]", "value"),
    ("v[v > 0]", ["v"], None, "grad"),
    ("m[m < 1]", ["m"], None, "grad"),
    ("m[torch.tensor([True, False])]", ["m"], "m[torch.tensor(new[] {true, false})]", "grad"),
    ("i[i > 2]", ["i"], None, "value"),
    ("i[b]", ["i", "b"], None, "value"),
    ("x[torch.tensor([0, 2, 2, -1])]", ["x"], "x[torch.tensor(new long[] {0, 2, 2, -1})]", "value"),
    ("v[torch.tensor([0, 0, 3])]", ["v"], "v[torch.tensor(new long[] {0, 0, 3})]", "grad"),
    ("m[torch.tensor([1, 0, 1])]", ["m"], "m[torch.tensor(new long[] {1, 0, 1})]", "grad"),
    ("x[x > 100]", ["x"], None, "value"),
    ("x[x > 2] = 0; x", ["x"], "x[x > 2] = 0; x", "value"),
    ("a[a < 0] = 0; a", ["a"], "a[a < 0] = 0; a", "value"),
    ("a[a[:, 1] > 0] = torch.tensor([1.0, 2.0, 3.0, 4.0]); a", ["a"], "a[a[.., 1] > 0] = torch.tensor(new[] {1.0, 2.0, 3.0, 4.0}); a", "value"),
    ("x[x > 3] = torch.tensor([-1.0, -2.0, -3.0]); x", ["x"], "x[x > 3] = torch.tensor(new[] {-1.0, -2.0, -3.0}); x", "value"),
    ("i[b] = -1; i", ["i", "b"], "i[b] = -1; i", "value"),
    ("x[torch.tensor([True, False])]", ["x"], "x[torch.tensor(new[] {true, false})]", "error"),
    ("a[torch.tensor([True, False, True, True])]", ["a"], "a[torch.tensor(new[] {true, false, true, true})]", "error"),
    ("x[torch.tensor([6])]", ["x"], "x[torch.tensor(new long[] {6})]", "error"),
    ("x[a > 0]", ["x", "a"], None, "error"),
    # in-place ops: values, node names, gradients through them
    ("x.add_(1.5)", ["x"], None, "value"),
    ("x.sub_(torch.tensor(2.0))", ["x"], None, "value"),
    ("x.mul_(-2)", ["x"], None, "value"),
    ("x.div_(4)", ["x"], None, "value"),
    ("x.zero_()", ["x"], None, "value"),
    ("x.fill_(-0.5)", ["x"], None, "value"),
    ("x.clamp_(2, 4)", ["x"], None, "value"),
    ("x.clamp_(min=3)", ["x"], "x.clamp_(min: 3)", "value"),
    ("x.pow_(2)", ["x"], None, "value"),
    ("a.add_(torch.tensor([1.0, 2.0, 3.0, 4.0]))", ["a"], "a.add_(torch.tensor(new[] {1.0, 2.0, 3.0, 4.0}))", "value"),
    ("a.mul_(torch.tensor([[2.0], [0.0], [-1.0]]))", ["a"], "a.mul_(torch.tensor(new[,] {{2.0}, {0.0}, {-1.0}}))", "value"),
    ("a.copy_(torch.arange(4.0))", ["a"], "a.copy_(torch.arange(0.0, 4.0, 1.0))", "value"),
    ("i.add_(2)", ["i"], None, "value"),
    ("i.mul_(3)", ["i"], None, "value"),
    ("d.data.mul_(2)", ["d"], None, "value"),
    ("i.add_(1.5)", ["i"], None, "error"),
    ("i.div_(2)", ["i"], None, "error"),
    ("x.add_(torch.ones(2, 6))", ["x"], "x.add_(torch.ones(2, 6))", "error"),
    ("v.mul(1).add_(1.5)", ["v"], None, "grad"),
    ("v.mul(1).sub_(w)", ["v", "w"], None, "grad"),
    ("v.mul(1).mul_(w)", ["v", "w"], None, "grad"),
    ("v.mul(1).div_(w)", ["v", "w"], None, "grad"),
    ("v.mul(2).pow_(2)", ["v"], None, "grad"),
    ("v.mul(1).clamp_(-1, 1)", ["v"], None, "grad"),
    ("v.mul(1).zero_()", ["v"], None, "grad"),
    ("v.mul(1).fill_(3)", ["v"], None, "grad"),
    ("v.mul(1).copy_(w)", ["v", "w"], None, "grad"),
    ("x[:4].clone().copy_(w)", ["x", "w"], "x[..4].clone().copy_(w)", "grad"),
    ("backward(v.exp().mul_(2).sum())", ["v"], None, "error"),
    ("y = v * 1; y.add_(w); y.mul_(y.detach()); backward(y)", ["v", "w"], "var y = v * 1; y.add_(w); y.mul_(y.detach()); backward(y)", "error"),
    ("y = v * 1; y.add_(w); y.mul_(y.detach() * 1); y", ["v", "w"], "var y = v * 1; y.add_(w); y.mul_(y.detach() * 1); y", "grad"),
    ("chain(v.mul(1).add_(1))", ["v"], None, "text"),
    ("next_names(v.mul(1).mul_(w))", ["v", "w"], None, "text"),
    ("next_names(v.mul(1).copy_(w))", ["v", "w"], None, "text"),
    ("next_names(x[:4].clone().copy_(w))", ["x", "w"], "next_names(x[..4].clone().copy_(w))", "text"),
    # writes into views of graph tensors: CopySlices
    ("y = v.clone(); y[1] = 4; y", ["v"], "var y = v.clone(); y[1] = 4; y", "grad"),
    ("y = m * 1; y[:, 0] = torch.tensor([7.0, 8.0]); y", ["m"], "var y = m * 1; y[.., 0] = torch.tensor(new[] {7.0, 8.0}); y", "grad"),
    ("y = m * 1; y[0].mul_(2); y", ["m"], "var y = m * 1; y[0].mul_(2); y", "grad"),
    ("y = m * 1; y[:, 1:].add_(w[:2]); y", ["m", "w"], "var y = m * 1; y[.., 1..].add_(w[..2]); y", "grad"),
    ("y = v * 1; y[1:3] = w[:2] * 2; y", ["v", "w"], "var y = v * 1; y[1..3] = w[..2] * 2; y", "grad"),
    ("y = x.clone(); y[2:4] = v[:2] ** 2; y", ["x", "v"], "var y = x.clone(); y[2..4] = v[..2].pow(2); y", "grad"),
    ("y = torch.zeros(4); y[1:3] = v[:2] * 3; y", ["v"], "var y = torch.zeros(4); y[1..3] = v[..2] * 3; y", "grad"),
    ("y = m * 1; z = y[1]; y.mul_(2); z", ["m"], "var y = m * 1; var z = y[1]; y.mul_(2); z", "grad"),
    ("y = m * 1; z = y[1]; z.add_(1); y.sum()", ["m"], "var y = m * 1; var z = y[1]; z.add_(1); y.sum()", "grad"),
    ("z = v[:1] * 1; y = z.clone(); y[0] = z[0].sin(); y", ["v"], "var z = v[..1] * 1; var y = z.clone(); y[0] = z[0].sin(); y", "grad"),
    ("y = v[2:3] * 1; y[0].mul_(y[0].detach() * 3); y", ["v"], "var y = v[2..3] * 1; y[0].mul_(y[0].detach() * 3); y", "grad"),
    ("y = v * 1; y[y > 0] = 0; y", ["v"], "var y = v * 1; y[y > 0] = 0; y", "grad"),
    ("y = v * 1; y[y < 0] = w[:2]; y", ["v", "w"], "var y = v * 1; y[y < 0] = w[..2]; y", "grad"),
    ("chain(v.clone().__setitem__(1, 4) or None) if False else 'CopySlices|CloneBackward0|AccumulateGrad'", [], "{ var y = torch.tensor(new[] {1.0, 2.0}, requires_grad: true).clone(); y[1] = 4; return chain(y); }", "skip"),
    ("y = v.clone(); y[1] = 4; chain(y)", ["v"], "var y = v.clone(); y[1] = 4; chain(y)", "text"),
    ("y = m * 1; y[0].mul_(2); chain(y[0])", ["m"], "var y = m * 1; y[0].mul_(2); chain(y[0])", "text"),
    ("y = m * 1; z = y[0]; z.mul_(2); chain(z)", ["m"], "var y = m * 1; var z = y[0]; z.mul_(2); chain(z)", "text"),
    ("y = m * 1; y[:, 0] = torch.tensor([7.0, 8.0]); next_names(y)", ["m"], "var y = m * 1; y[.., 0] = torch.tensor(new[] {7.0, 8.0}); next_names(y)", "text"),
    ("y = v * 1; y[1:3] = w[:2] * 2; next_names(y)", ["v", "w"], "var y = v * 1; y[1..3] = w[..2] * 2; next_names(y)", "text"),
    ("y = v * 1; y[y > 0] = 0; chain(y)", ["v"], "var y = v * 1; y[y > 0] = 0; chain(y)", "text"),
    # version counters and in-place errors
    ("y = v * 1; z = y * y; y.add_(1); backward(z)", ["v"], "var y = v * 1; var z = y * y; y.add_(1); backward(z)", "error"),
    ("y = v * 1; z = y.exp(); z.add_(1); backward(z)", ["v"], "var y = v * 1; var z = y.exp(); z.add_(1); backward(z)", "error"),
    ("y = v * 1; z = y.exp(); y.add_(1); backward(z)", ["v"], "var y = v * 1; var z = y.exp(); y.add_(1); backward(z)", "value"),
    ("y = v * 1; z = y.sigmoid(); z.mul_(2); backward(z)", ["v"], "var y = v * 1; var z = y.sigmoid(); z.mul_(2); backward(z)", "error"),
    ("y = v * 1; z = y.sin(); y.zero_(); backward(z)", ["v"], "var y = v * 1; var z = y.sin(); y.zero_(); backward(z)", "error"),
    ("y = v * 1; z = y.pow(2); y[0] = 5; backward(z)", ["v"], "var y = v * 1; var z = y.pow(2); y[0] = 5; backward(z)", "error"),
    ("y = m * 1; z = y.mm(m.t()); y[0].zero_(); backward(z)", ["m"], "var y = m * 1; var z = y.mm(m.t()); y[0].zero_(); backward(z)", "error"),
    ("y = d * 1; z = y * 3; y.add_(1); backward(z)", ["d"], "var y = d * 1; var z = y * 3; y.add_(1); backward(z)", "value"),
    ("y = d * 1; z = (y * y).sum(); y.add_(1); backward(z)", ["d"], "var y = d * 1; var z = (y * y).sum(); y.add_(1); backward(z)", "error"),
    ("z = v * w\nwith torch.no_grad():\n    w.add_(1)\nbackward(z)", ["v", "w"], "var z = v * w; using (torch.no_grad()) w.add_(1); backward(z)", "error"),
    ("z = v * 2\nwith torch.no_grad():\n    v.add_(1)\nbackward(z)", ["v"], "var z = v * 2; using (torch.no_grad()) v.add_(1); backward(z)", "value"),
    ("v.add_(1)", ["v"], None, "error"),
    ("v.zero_()", ["v"], None, "error"),
    ("v.copy_(w)", ["v", "w"], None, "error"),
    ("v[0] = 1", ["v"], "v[0] = 1", "error"),
    ("v[1:3].mul_(2)", ["v"], "v[1..3].mul_(2)", "error"),
    ("v.uniform_()", ["v"], None, "error"),
    ("x.expand(2, 6).add_(1)", ["x"], None, "error"),
    ("y = x.expand(2, 6); y.zero_(); x", ["x"], "var y = x.expand(2, 6); y.zero_(); x", "value"),
    ("with torch.no_grad():\n    y = v[1:3]\ny.mul_(2)", ["v"], "Tensor y; using (torch.no_grad()) y = v[1..3]; y.mul_(2)", "error"),
    ("with torch.no_grad():\n    v.mul_(2)\nv", ["v"], "using (torch.no_grad()) v.mul_(2); v", "value"),
    ("with torch.no_grad():\n    v[0] = 0\nv", ["v"], "using (torch.no_grad()) v[0] = 0; v", "value"),
    # the course's update step and .data
    ("y = v * w; y.sum().backward()\nv.data = v.data - 0.1 * v.grad.data; v.grad.data.zero_()\nv", ["v", "w"], "var y = v * w; y.sum().backward(); v.data = v.data - 0.1 * v.grad!.data; v.grad.data.zero_(); v", "value"),
    ("y = v * w; y.sum().backward()\nv.data = v.data - 0.1 * v.grad.data; v.grad.data.zero_()\nv.grad", ["v", "w"], "var y = v * w; y.sum().backward(); v.data = v.data - 0.1 * v.grad!.data; v.grad.data.zero_(); v.grad", "value"),
    ("(v * v).sum().backward()\nwith torch.no_grad():\n    v -= 0.5 * v.grad\nv.grad.zero_(); (v * v).sum().backward()\nv.grad", ["v"], "(v * v).sum().backward(); using (torch.no_grad()) v.sub_(0.5 * v.grad!); v.grad.zero_(); (v * v).sum().backward(); v.grad", "value"),
    ("v.data = torch.tensor([1.0, 2.0]); v", ["v"], "v.data = torch.tensor(new[] {1.0, 2.0}); v", "value"),
    ("y = v.data; y.mul_(2); v", ["v"], "var y = v.data; y.mul_(2); v", "value"),
    ("y = v * 2; y.data.fill_(0); y", ["v"], "var y = v * 2; y.data.fill_(0); y", "value"),
    ("v.requires_grad_(False); v.add_(1)", ["v"], "v.requires_grad_(false); v.add_(1)", "value"),
    ("x.requires_grad_()", ["x"], None, "value"),
    ("i.requires_grad_()", ["i"], None, "error"),
    # == and != between tensors
    ("v == w", ["v", "w"], None, "value"),
    ("v != w", ["v", "w"], None, "value"),
    ("v == v * 1", ["v"], None, "value"),
    ("x == 3", ["x"], None, "value"),
    ("3 == x", ["x"], None, "value"),
    ("x != 3", ["x"], None, "value"),
    ("a == a.t().t()", ["a"], None, "value"),
    ("i == b", ["i", "b"], None, "value"),
    ("(v * v).sum().backward()\nv.grad == 2 * v", ["v"], "(v * v).sum().backward(); v.grad == 2 * v", "value"),
    ("x[1:3] == torch.tensor([2.0, 0.0])", ["x"], "x[1..3] == torch.tensor(new[] {2.0, 0.0})", "value"),
    ("x[:2] == x[1:3]", ["x"], "x[..2] == x[1..3]", "value"),
    ("v == x", ["v", "x"], None, "error"),
    ("str(bool(x[0] == 1))", ["x"], "str((bool)(x[0] == 1))", "text"),
    ("str(bool(x == x))", ["x"], "str((bool)(x == x))", "error"),
    # printing of views: bool, int64, non-contiguous, summarised
    ("b.t()", ["b"], None, "value"),
    ("b[:, 1:]", ["b"], "b[.., 1..]", "value"),
    ("b[1]", ["b"], None, "value"),
    ("i.t()", ["i"], None, "value"),
    ("i[:, ::2]", ["i"], "i[.., TensorIndex.Slice(step: 2)]", "value"),
    ("i[1, 2]", ["i"], None, "value"),
    ("i.view(3, 2)", ["i"], None, "value"),
    ("i.expand(2, 2, 3)", ["i"], None, "value"),
    ("a.t()", ["a"], None, "value"),
    ("a[:, 1:3]", ["a"], "a[.., 1..3]", "value"),
    ("a.t()[1:]", ["a"], "a.t()[1..]", "value"),
    ("a.unsqueeze(1)", ["a"], None, "value"),
    ("a[None, :, None, 0]", ["a"], "a[TensorIndex.None, .., TensorIndex.None, 0]", "value"),
    ("big.t()", ["big"], None, "value"),
    ("big[::3, ::2]", ["big"], "big[TensorIndex.Slice(step: 3), TensorIndex.Slice(step: 2)]", "value"),
    ("big.t()[5:9]", ["big"], "big.t()[5..9]", "value"),
    ("d.t()", ["d"], None, "value"),
    ("d[:, 1]", ["d"], "d[.., 1]", "value"),
    ("x[2:2]", ["x"], "x[2..2]", "value"),
    ("a[:, 4:]", ["a"], "a[.., 4..]", "value"),
    ("x.view(2, 3).t() > 3", ["x"], None, "value"),
    ("(b.t())[0]", ["b"], "(b.t())[0]", "value"),
    # random fills draw PyTorch's stream
    ("torch.manual_seed(0); x.uniform_(-1, 1)", ["x"], "torch.manual_seed(0); x.uniform_(-1, 1)", "value"),
    ("torch.manual_seed(3); x.uniform_()", ["x"], "torch.manual_seed(3); x.uniform_()", "value"),
    ("torch.manual_seed(0); x.normal_(2, 0.5)", ["x"], "torch.manual_seed(0); x.normal_(2, 0.5)", "value"),
    ("torch.manual_seed(1); big.normal_()", ["big"], "torch.manual_seed(1); big.normal_()", "value"),
    ("torch.manual_seed(2); d.data.uniform_(0, 10)", ["d"], "torch.manual_seed(2); d.data.uniform_(0, 10)", "value"),
    ("torch.manual_seed(5); a[1:].normal_(); a", ["a"], "torch.manual_seed(5); a[1..].normal_(); a", "value"),
    ("torch.manual_seed(7); a.t().uniform_(); a", ["a"], "torch.manual_seed(7); a.t().uniform_(); a", "value"),
    # bad input
    ("m.t().view(6)", ["m"], None, "error"),
    ("c3.transpose(0, 1).view(24)", ["c3"], None, "error"),
    ("m.view(4, 2)", ["m"], None, "error"),
    ("v[4]", ["v"], None, "error"),
    ("v[-5]", ["v"], "v[^5]", "error"),
    ("m[:, 3]", ["m"], "m[.., 3]", "error"),
    ("m[0, 0, 0]", ["m"], None, "error"),
    ("m[0, :, 0]", ["m"], "m[0, .., 0]", "error"),
    ("v[::0]", ["v"], "v[TensorIndex.Slice(step: 0)]", "error"),
    ("v[::-1]", ["v"], "v[TensorIndex.Slice(step: -1)]", "error"),
    ("torch.tensor(2.0)[0:1]", [], "torch.tensor(2.0)[0..1]", "error"),
    ("m.narrow(1, 2, 2)", ["m"], None, "error"),
    ("m.narrow(1, 4, 1)", ["m"], None, "error"),
    ("m.narrow(2, 0, 1)", ["m"], None, "error"),
    ("m.select(2, 0)", ["m"], None, "error"),
    ("m.select(1, 3)", ["m"], None, "error"),
    ("m.permute(0)", ["m"], None, "error"),
    ("m.permute(0, 0)", ["m"], None, "error"),
    ("m.transpose(0, 2)", ["m"], None, "error"),
    ("m.unsqueeze(3)", ["m"], None, "error"),
    ("m.squeeze(2)", ["m"], None, "error"),
    ("v.expand(2, 3)", ["v"], None, "error"),
]


def to_csharp(expr):
    for name in ("float", "double", "long", "bool"):
        expr = expr.replace(f".{name}()", f".@{name}()")
    return expr


def make_input(spec):
    dtype = getattr(torch, spec["dtype"])
    # A copy, so the input is a tensor of its own and not a view of the flat one (C# makes it the same way).
    t = torch.tensor(spec["values"], dtype=dtype).reshape(spec["shape"]).clone()
    if spec["requires_grad"]:
        t.requires_grad_(True)
    return t


def run(program, env):
    """Runs the program's statements, then returns the value of its last line (or None when it is a statement)."""
    lines = program.split("\n")
    *body, last = lines
    parts = last.split("; ")
    body += parts[:-1]
    exec("\n".join(body), env)
    try:
        return eval(parts[-1], env)
    except SyntaxError:
        exec(parts[-1], env)
        return None


def main():
    out = []
    for index, (program, names, cs, kind) in enumerate(CASES):
        if kind == "skip":
            continue
        env = {"torch": torch}
        env.update({k: v for k, v in globals().items() if callable(v) and not k.startswith("_")})
        tensors = {name: make_input(INPUTS[name]) for name in names}
        env.update(tensors)
        case = {"id": f"{index:03d}_{program}", "expr": program, "cs": cs or to_csharp(program), "kind": kind,
                "inputs": [dict(name=n, **INPUTS[n]) for n in names]}
        try:
            result = run(program, env)
        except Exception as e:  # noqa: BLE001 - the error is the expectation
            if kind != "error":
                raise
            case["error_type"] = type(e).__name__
            case["error"] = str(e).split("\n")[0]
            out.append(case)
            continue
        if kind == "error":
            raise AssertionError(f"expected an error from {program}")
        if kind == "text":
            case["text"] = result
            out.append(case)
            continue
        case["repr"] = repr(result)
        case["grad_fn"] = None if result.grad_fn is None else type(result.grad_fn).__name__
        if kind == "grad" and result.grad_fn is not None:
            result.backward(torch.ones_like(result))
        case["grads"] = {n: (None if t.grad is None else repr(t.grad)) for n, t in tensors.items() if t.requires_grad}
        out.append(case)
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "views.json")
    with open(path, "w") as f:
        json.dump({"torch_version": torch.__version__, "cases": out}, f, indent=1)
    print(f"wrote {len(out)} cases to {path}")


if __name__ == "__main__":
    main()
