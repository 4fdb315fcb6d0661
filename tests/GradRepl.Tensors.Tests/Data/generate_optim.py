#!/usr/bin/env python3
"""Writes optim.json: PyTorch 1.13's optimizer steps and DataLoader batches, as the C# test OptimGoldenTests checks them.

Run by hand on a machine with Debian's python3-torch (PyTorch 1.13):
    /usr/bin/python3 tests/GradRepl.Tensors.Tests/Data/generate_optim.py

The cases have generate_autograd.py's form (golden_writer.py writes them). Most are "text": a helper runs 20
optimizer steps on a small problem, or one or more passes of a DataLoader, and returns what it printed; the C# side
(GoldenCaseCompiler's helpers of the same names) prints the same things through the engine. "bits" lines hold the
parameters' exact float bits after the last step, so the update formulas are checked beyond the printed digits.
"""
import os
import struct
import sys

import torch
from torch.utils.data import DataLoader, Dataset, TensorDataset

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import golden_writer  # noqa: E402


def bits(t):
    """The elements' IEEE bits in hex, so a float32 or float64 result is compared exactly."""
    fmt, width = ("<d", "<Q") if t.dtype == torch.float64 else ("<f", "<I")
    return " ".join(format(struct.unpack(width, struct.pack(fmt, v))[0], "x") for v in t.detach().reshape(-1).tolist())


def quadratic(make, dtype="float32", steps=20):
    """Minimises a weighted quadratic in w (2x3) and b (3) whose gradients are exact element by element. The loss is
    not printed: its float32 sum is the engine's reduction, not the optimizer under test."""
    dt = getattr(torch, dtype)
    w = torch.tensor([[0.5, -1.0, 2.0], [1.5, 0.25, -0.5]], dtype=dt, requires_grad=True)
    b = torch.tensor([0.1, -0.2, 0.3], dtype=dt, requires_grad=True)
    t = torch.tensor([[1.0, 0.5, -1.0], [0.0, 2.0, 1.0]], dtype=dt)
    c = torch.tensor([[1.0, 0.5, 2.0], [0.25, 1.5, 1.0]], dtype=dt)
    bt = torch.tensor([1.0, -1.0, 0.5], dtype=dt)
    optimizer = make([w, b])
    lines = []
    for i in range(steps):
        optimizer.zero_grad()
        loss = (c * (w - t) ** 2).sum() + ((b - bt) ** 2).sum()
        loss.backward()
        optimizer.step()
        lines.append(f"{i}:\n{w}\n{b}")
    lines.append("bits: " + bits(w) + " | " + bits(b))
    return "\n".join(lines)


def linreg(make, steps=20):
    """Linear regression y = Xw + b on five points, the course's kind of problem."""
    X = torch.tensor([[1.0, 2.0], [2.0, -1.0], [0.5, 0.5], [-1.0, 3.0], [3.0, 1.0]])
    y = torch.tensor([[1.0], [2.0], [0.0], [-1.5], [4.0]])
    w = torch.tensor([[0.3], [-0.2]], requires_grad=True)
    b = torch.tensor([0.1], requires_grad=True)
    optimizer = make([w, b])
    lines = []
    for i in range(steps):
        optimizer.zero_grad()
        loss = ((X @ w + b - y) ** 2).mean()
        loss.backward()
        optimizer.step()
        lines.append(f"{i}: {loss!r} {w.flatten()} {b}")
    return "\n".join(lines)


def lr_changed(make):
    """Five steps, the learning rate read and set through param_groups, five more."""
    w = torch.tensor([1.0, -2.0, 3.0], requires_grad=True)
    optimizer = make([w])
    lines = []
    for i in range(10):
        if i == 5:
            lines.append(f"lr was {optimizer.param_groups[0]['lr']}")
            optimizer.param_groups[0]["lr"] = optimizer.param_groups[0]["lr"] * 0.1
        optimizer.zero_grad()
        (w ** 2).sum().backward()
        optimizer.step()
        lines.append(f"{i}: {w}")
    return "\n".join(lines)


def no_grad_step():
    """step() with no gradients leaves parameters and their versions alone; each real step bumps the version once."""
    w = torch.tensor([1.0, 2.0], requires_grad=True)
    v = torch.tensor([3.0], requires_grad=True)
    optimizer = torch.optim.SGD([w, v], lr=0.1, momentum=0.9)
    optimizer.step()
    lines = [f"{w} {w._version} {w.grad}"]
    for _ in range(3):
        optimizer.zero_grad()
        (w * w).sum().backward()
        optimizer.step()
    lines.append(f"{w} {w._version} {v} {v._version} {v.grad}")
    optimizer.zero_grad()
    lines.append(f"{w.grad}")
    optimizer.zero_grad(set_to_none=True)
    lines.append(f"{w.grad}")
    return "\n".join(lines)


class PairData(Dataset):
    """x_i = (2i, 2i + 1), y_i = i: a dataset of (x, y) samples."""

    def __init__(self, n):
        self.x = torch.arange(2.0 * n).reshape(n, 2)
        self.y = torch.arange(n)

    def __len__(self):
        return len(self.y)

    def __getitem__(self, index):
        return self.x[index], self.y[index]


class RowData(Dataset):
    """Sample i is row i of a float matrix: a dataset of single tensors."""

    def __init__(self, n):
        self.x = torch.arange(3.0 * n).reshape(n, 3) / 4

    def __len__(self):
        return len(self.x)

    def __getitem__(self, index):
        return self.x[index]


def batches(kind, n, batch_size, shuffle, drop_last, seed, epochs=2):
    """len(loader), then every batch of each pass, then torch.rand(2): the global generator's state afterwards."""
    torch.manual_seed(seed)
    if kind == "tensors":
        dataset = TensorDataset(torch.arange(2.0 * n).reshape(n, 2), torch.arange(n))
    elif kind == "pairs":
        dataset = PairData(n)
    else:
        dataset = RowData(n)
    loader = DataLoader(dataset, batch_size=batch_size, shuffle=shuffle, drop_last=drop_last)
    lines = [f"len {len(loader)}"]
    for epoch in range(epochs):
        for batch in loader:
            fields = batch if isinstance(batch, (list, tuple)) else [batch]
            lines.append(f"{epoch}: " + " ".join(repr(f) for f in fields))
    lines.append(f"after: {torch.rand(2)}")
    return "\n".join(lines)


def order(n, batch_size, seed, epochs=3):
    """The sample order of shuffled passes over a larger dataset: the labels of each batch."""
    torch.manual_seed(seed)
    loader = DataLoader(TensorDataset(torch.arange(n)), batch_size=batch_size, shuffle=True)
    return "\n".join(" ".join(str(b[0].tolist()) for b in loader) for _ in range(epochs))


def dataset_item(i):
    return repr(TensorDataset(torch.arange(20.0).reshape(10, 2), torch.arange(10))[i])


def non_leaf():
    w = torch.ones(2, requires_grad=True)
    return torch.optim.SGD([w * 2], lr=0.1)


def sgd(lr, **kw):
    return lambda ps: torch.optim.SGD(ps, lr=lr, **kw)


def adam(**kw):
    return lambda ps: torch.optim.Adam(ps, **kw)


def rmsprop(**kw):
    return lambda ps: torch.optim.RMSprop(ps, **kw)


def adagrad(**kw):
    return lambda ps: torch.optim.Adagrad(ps, **kw)


W = "new[] { torch.ones(2, requires_grad: true) }"

CASES = [
    # SGD: plain, momentum, dampening, Nesterov, weight decay, maximize, float64
    ("quadratic(sgd(0.1))", [], "quadratic(ps => torch.optim.SGD(ps, learningRate: 0.1))", "text"),
    ("quadratic(sgd(0.05, momentum=0.9))", [], "quadratic(ps => torch.optim.SGD(ps, 0.05, momentum: 0.9))", "text"),
    ("quadratic(sgd(0.05, momentum=0.9, dampening=0.5))", [], "quadratic(ps => torch.optim.SGD(ps, lr: 0.05, momentum: 0.9, dampening: 0.5))", "text"),
    ("quadratic(sgd(0.05, momentum=0.9, nesterov=True))", [], "quadratic(ps => torch.optim.SGD(ps, 0.05, momentum: 0.9, nesterov: true))", "text"),
    ("quadratic(sgd(0.1, weight_decay=0.1))", [], "quadratic(ps => torch.optim.SGD(ps, 0.1, weight_decay: 0.1))", "text"),
    ("quadratic(sgd(0.03, momentum=0.5, weight_decay=0.2, dampening=0.1))", [], "quadratic(ps => torch.optim.SGD(ps, 0.03, momentum: 0.5, dampening: 0.1, weight_decay: 0.2))", "text"),
    ("quadratic(sgd(0.01, maximize=True), steps=5)", [], "quadratic(ps => torch.optim.SGD(ps, 0.01, maximize: true), steps: 5)", "text"),
    ("quadratic(sgd(0.05, momentum=0.9), dtype='float64')", [], "quadratic(ps => torch.optim.SGD(ps, 0.05, momentum: 0.9), dtype: torch.float64)", "text"),
    ("linreg(sgd(0.01))", [], "linreg(ps => torch.optim.SGD(ps, learningRate: 0.01))", "text"),
    ("linreg(sgd(0.05, momentum=0.9))", [], "linreg(ps => torch.optim.SGD(ps, 0.05, momentum: 0.9))", "text"),
    # Adam: defaults, AMSGrad, weight decay, other betas, float64
    ("quadratic(adam(lr=0.1))", [], "quadratic(ps => torch.optim.Adam(ps, lr: 0.1))", "text"),
    ("quadratic(adam())", [], "quadratic(ps => torch.optim.Adam(ps))", "text"),
    ("quadratic(adam(lr=0.1, amsgrad=True))", [], "quadratic(ps => torch.optim.Adam(ps, lr: 0.1, amsgrad: true))", "text"),
    ("quadratic(adam(lr=0.05, weight_decay=0.1))", [], "quadratic(ps => torch.optim.Adam(ps, lr: 0.05, weight_decay: 0.1))", "text"),
    ("quadratic(adam(lr=0.2, betas=(0.5, 0.9), eps=1e-3))", [], "quadratic(ps => torch.optim.Adam(ps, lr: 0.2, beta1: 0.5, beta2: 0.9, eps: 1e-3))", "text"),
    ("quadratic(adam(lr=0.1, maximize=True), steps=5)", [], "quadratic(ps => torch.optim.Adam(ps, lr: 0.1, maximize: true), steps: 5)", "text"),
    ("quadratic(adam(lr=0.1, amsgrad=True), dtype='float64')", [], "quadratic(ps => torch.optim.Adam(ps, lr: 0.1, amsgrad: true), dtype: torch.float64)", "text"),
    ("linreg(adam(lr=0.1))", [], "linreg(ps => torch.optim.Adam(ps, lr: 0.1))", "text"),
    # RMSprop and Adagrad
    ("quadratic(rmsprop())", [], "quadratic(ps => torch.optim.RMSprop(ps))", "text"),
    ("quadratic(rmsprop(lr=0.01, centered=True))", [], "quadratic(ps => torch.optim.RMSProp(ps, lr: 0.01, centered: true))", "text"),
    ("quadratic(rmsprop(lr=0.01, momentum=0.8, weight_decay=0.1))", [], "quadratic(ps => torch.optim.RMSProp(ps, lr: 0.01, momentum: 0.8, weight_decay: 0.1))", "text"),
    ("quadratic(rmsprop(lr=0.01, alpha=0.9, centered=True, momentum=0.5), dtype='float64')", [], "quadratic(ps => torch.optim.RMSProp(ps, lr: 0.01, alpha: 0.9, centered: true, momentum: 0.5), dtype: torch.float64)", "text"),
    ("quadratic(adagrad(lr=0.1))", [], "quadratic(ps => torch.optim.Adagrad(ps, lr: 0.1))", "text"),
    ("quadratic(adagrad(lr=0.5, lr_decay=0.1, weight_decay=0.05, initial_accumulator_value=0.1))", [], "quadratic(ps => torch.optim.Adagrad(ps, lr: 0.5, lr_decay: 0.1, weight_decay: 0.05, initial_accumulator_value: 0.1))", "text"),
    ("quadratic(adagrad(), dtype='float64')", [], "quadratic(ps => torch.optim.Adagrad(ps), dtype: torch.float64)", "text"),
    # param_groups, zero_grad, no gradients, versions, printing
    ("lr_changed(sgd(0.1))", [], "lr_changed(ps => torch.optim.SGD(ps, 0.1))", "text"),
    ("lr_changed(adam(lr=0.5))", [], "lr_changed(ps => torch.optim.Adam(ps, lr: 0.5))", "text"),
    ("no_grad_step()", [], None, "text"),
    ("str(torch.optim.SGD([torch.ones(2, requires_grad=True)], lr=0.01))", [], f"torch.optim.SGD({W}, 0.01).ToString()", "text"),
    ("str(torch.optim.SGD([torch.ones(2, requires_grad=True)], lr=0.1, momentum=0.9, weight_decay=1e-05, nesterov=True))", [], f"torch.optim.SGD({W}, 0.1, momentum: 0.9, weight_decay: 1e-05, nesterov: true).ToString()", "text"),
    ("str(torch.optim.Adam([torch.ones(2, requires_grad=True)]))", [], f"torch.optim.Adam({W}).ToString()", "text"),
    ("str(torch.optim.RMSprop([torch.ones(2, requires_grad=True)]))", [], f"torch.optim.RMSprop({W}).ToString()", "text"),
    ("str(torch.optim.Adagrad([torch.ones(2, requires_grad=True)]))", [], f"torch.optim.Adagrad({W}).ToString()", "text"),
    ("str(torch.optim.SGD([torch.ones(2, requires_grad=True)], lr=0.01).param_groups[0])", [], f"torch.optim.SGD({W}, 0.01).param_groups[0].ToString()", "text"),
    ("str(torch.optim.Adam([torch.ones(2, requires_grad=True)], lr=1e-4).param_groups[0])", [], f"torch.optim.Adam({W}, lr: 1e-4).param_groups[0].ToString()", "text"),
    # bad input
    ("torch.optim.SGD([torch.ones(2, requires_grad=True)], lr=-0.1)", [], f"torch.optim.SGD({W}, -0.1)", "error"),
    ("torch.optim.SGD([torch.ones(2, requires_grad=True)], lr=0.1, momentum=-0.5)", [], f"torch.optim.SGD({W}, 0.1, momentum: -0.5)", "error"),
    ("torch.optim.SGD([torch.ones(2, requires_grad=True)], lr=0.1, weight_decay=-1e-3)", [], f"torch.optim.SGD({W}, 0.1, weight_decay: -1e-3)", "error"),
    ("torch.optim.SGD([torch.ones(2, requires_grad=True)], lr=0.1, nesterov=True)", [], f"torch.optim.SGD({W}, 0.1, nesterov: true)", "error"),
    ("torch.optim.SGD([torch.ones(2, requires_grad=True)], lr=0.1, momentum=0.9, dampening=0.1, nesterov=True)", [], f"torch.optim.SGD({W}, 0.1, momentum: 0.9, dampening: 0.1, nesterov: true)", "error"),
    ("torch.optim.SGD([torch.ones(2, requires_grad=True)])", [], f"torch.optim.SGD({W})", "error"),
    ("torch.optim.SGD([], lr=0.1)", [], "torch.optim.SGD(new Tensor[0], 0.1)", "error"),
    ("torch.optim.Adam([], lr=0.1)", [], "torch.optim.Adam(new List<Tensor>(), lr: 0.1)", "error"),
    ("non_leaf()", [], "torch.optim.SGD(new[] { torch.ones(2, requires_grad: true) * 2 }, 0.1)", "error"),
    ("torch.optim.Adam([torch.ones(2, requires_grad=True)], lr=-1e-3)", [], f"torch.optim.Adam({W}, lr: -1e-3)", "error"),
    ("torch.optim.Adam([torch.ones(2, requires_grad=True)], eps=-1.0)", [], f"torch.optim.Adam({W}, eps: -1.0)", "error"),
    ("torch.optim.Adam([torch.ones(2, requires_grad=True)], betas=(1.0, 0.999))", [], f"torch.optim.Adam({W}, beta1: 1.0)", "error"),
    ("torch.optim.Adam([torch.ones(2, requires_grad=True)], betas=(0.9, -0.5))", [], f"torch.optim.Adam({W}, beta2: -0.5)", "error"),
    ("torch.optim.Adam([torch.ones(2, requires_grad=True)], weight_decay=-0.1)", [], f"torch.optim.Adam({W}, weight_decay: -0.1)", "error"),
    ("torch.optim.RMSprop([torch.ones(2, requires_grad=True)], alpha=-0.9)", [], f"torch.optim.RMSprop({W}, alpha: -0.9)", "error"),
    ("torch.optim.RMSprop([torch.ones(2, requires_grad=True)], momentum=-0.9)", [], f"torch.optim.RMSprop({W}, momentum: -0.9)", "error"),
    ("torch.optim.Adagrad([torch.ones(2, requires_grad=True)], lr_decay=-0.1)", [], f"torch.optim.Adagrad({W}, lr_decay: -0.1)", "error"),
    ("torch.optim.Adagrad([torch.ones(2, requires_grad=True)], initial_accumulator_value=-1e-5)", [], f"torch.optim.Adagrad({W}, initial_accumulator_value: -1e-5)", "error"),
    # DataLoader: order for several seeds, shuffle on and off, drop_last, an uneven last batch, three kinds of dataset
] + [
    (f"batches('{kind}', {n}, {bs}, {shuffle}, {drop}, {seed})", [],
     f"batches(\"{kind}\", {n}, {bs}, {str(shuffle).lower()}, {str(drop).lower()}, {seed})", "text")
    for kind, n, bs, shuffle, drop, seed in [
        ("tensors", 10, 3, False, False, 0),
        ("tensors", 10, 3, False, True, 0),
        ("tensors", 10, 3, True, False, 0),
        ("tensors", 10, 3, True, True, 1),
        ("tensors", 10, 5, True, False, 42),
        ("tensors", 7, 7, True, False, 2024),
        ("tensors", 5, 8, False, False, 3),
        ("tensors", 5, 8, True, True, 3),
        ("pairs", 10, 4, False, False, 0),
        ("pairs", 10, 4, True, False, 0),
        ("pairs", 9, 2, True, True, 123),
        ("rows", 6, 4, False, False, 0),
        ("rows", 6, 4, True, False, 7),
        ("rows", 1, 1, True, False, 5),
    ]
] + [
    (f"order({n}, {bs}, {seed})", [], f"order({n}, {bs}, {seed})", "text")
    for n, bs, seed in [(100, 16, 0), (100, 16, 1), (37, 10, 99), (1000, 250, 2024)]
] + [
    ("dataset_item(3)", [], None, "text"),
    ("dataset_item(-1)", [], None, "text"),
    ("dataset_item(10)", [], None, "error"),
    ("DataLoader(TensorDataset(torch.ones(4, 2)), batch_size=0)", [], "torch.utils.data.DataLoader(torch.utils.data.TensorDataset(torch.ones(4, 2)), batchSize: 0)", "error"),
    ("DataLoader(TensorDataset(torch.ones(4, 2)), batch_size=-2, shuffle=True)", [], "torch.utils.data.DataLoader(torch.utils.data.TensorDataset(torch.ones(4, 2)), -2, shuffle: true)", "error"),
    ("DataLoader(TensorDataset(torch.ones(0, 2)), batch_size=2, shuffle=True)", [], "torch.utils.data.DataLoader(torch.utils.data.TensorDataset(torch.ones(0, 2)), 2, shuffle: true)", "error"),
    ("str(len(TensorDataset(torch.ones(6, 2), torch.zeros(6))))", [], "torch.utils.data.TensorDataset(torch.ones(6, 2), torch.zeros(6)).Count.ToString()", "text"),
]


if __name__ == "__main__":
    golden_writer.write("optim.json", CASES, {}, golden_writer.helpers_of(globals()))
