#!/usr/bin/env python3
"""Writes optim_groups.json: PyTorch 1.13's optimizers with several parameter groups, add_param_group, the state they
keep per parameter, state_dict()/load_state_dict(), and their error texts, as the C# test OptimGoldenTests checks them.

Run by hand on a machine with Debian's python3-torch (PyTorch 1.13):
    /usr/bin/python3 tests/GradRepl.Tensors.Tests/Data/generate_optim_groups.py

The cases have generate_optim.py's form: most are "text", what a helper printed; the C# side (GoldenCaseCompiler's
helpers of the same names) prints the same things through the engine. Each run prints the two parameters after
every step, their exact float bits at the end, the optimizer and each parameter's state.
"""
import os
import sys

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import golden_writer  # noqa: E402
from generate_optim import bits  # noqa: E402


def problem(dtype="float32"):
    """generate_optim.py's weighted quadratic in w (2x3) and b (3): w and b, and a function giving the loss."""
    dt = getattr(torch, dtype)
    w = torch.tensor([[0.5, -1.0, 2.0], [1.5, 0.25, -0.5]], dtype=dt, requires_grad=True)
    b = torch.tensor([0.1, -0.2, 0.3], dtype=dt, requires_grad=True)
    return w, b, loss_of(w, b)


def loss_of(w, b):
    """The quadratic's loss as a function of w and b (of their dtype)."""
    t = torch.tensor([[1.0, 0.5, -1.0], [0.0, 2.0, 1.0]], dtype=w.dtype)
    c = torch.tensor([[1.0, 0.5, 2.0], [0.25, 1.5, 1.0]], dtype=w.dtype)
    bt = torch.tensor([1.0, -1.0, 0.5], dtype=w.dtype)
    return lambda: (c * (w - t) ** 2).sum() + ((b - bt) ** 2).sum()


def steps(optimizer, w, b, loss, count, lines, first=0):
    for i in range(first, first + count):
        optimizer.zero_grad()
        loss().backward()
        optimizer.step()
        lines.append(f"{i}:\n{w}\n{b}")


def two_groups(make, dtype="float32", count=8):
    """w in group 0 and b in group 1 (make(ws, bs) builds the optimizer): the values after each step, their bits,
    then the optimizer and both states."""
    w, b, loss = problem(dtype)
    optimizer = make([w], [b])
    lines = []
    steps(optimizer, w, b, loss, count, lines)
    lines.append("bits: " + bits(w) + " | " + bits(b))
    lines.append(str(optimizer))
    lines.append(f"state w: {optimizer.state[w]}")
    lines.append(f"state b: {optimizer.state[b]}")
    return "\n".join(lines)


def added(make, add, count=6):
    """Three steps on w alone, then add(optimizer, [b]) adds b's group (b's gradient has piled up meanwhile), then more."""
    w, b, loss = problem()
    optimizer = make([w])
    lines = []
    steps(optimizer, w, b, loss, 3, lines)
    add(optimizer, [b])
    lines.append(str(optimizer))
    steps(optimizer, w, b, loss, count - 3, lines, first=3)
    lines.append("bits: " + bits(w) + " | " + bits(b))
    lines.append(f"state b: {optimizer.state[b]}")
    return "\n".join(lines)


def schedule(make, count=6):
    """A hand-written schedule: every group's learning rate halved through param_groups after each step."""
    w, b, loss = problem()
    optimizer = make([w], [b])
    lines = []
    for i in range(count):
        optimizer.zero_grad()
        loss().backward()
        optimizer.step()
        for group in optimizer.param_groups:
            group["lr"] = group["lr"] * 0.5
        lines.append(f"{i}: {[g['lr'] for g in optimizer.param_groups]}\n{w}\n{b}")
    lines.append("bits: " + bits(w) + " | " + bits(b))
    return "\n".join(lines)


def round_trip(make, before=3, after=3):
    """A checkpoint: state_dict() after some steps, loaded into a fresh optimizer (whose lr was changed, and is
    restored) over copies of the parameters; both then take the same steps and agree to the bit. The loaded state
    is a copy: the first optimizer's state does not move with the second's."""
    w, b, loss = problem()
    optimizer = make([w], [b])
    lines = []
    steps(optimizer, w, b, loss, before, lines)
    saved = optimizer.state_dict()
    lines.append(f"saved: {saved}")
    w2 = w.detach().clone().requires_grad_()
    b2 = b.detach().clone().requires_grad_()
    loss2 = loss_of(w2, b2)
    restored = make([w2], [b2])
    restored.param_groups[0]["lr"] = 123.0
    restored.load_state_dict(saved)
    lines.append(f"group 0: {restored.param_groups[0]}")
    lines.append(str(restored))
    steps(restored, w2, b2, loss2, after, lines, first=before)
    steps(optimizer, w, b, loss, after, lines, first=before)
    lines.append("bits: " + bits(w) + " | " + bits(b))
    lines.append("bits: " + bits(w2) + " | " + bits(b2))
    steps(restored, w2, b2, loss2, 1, lines, first=before + after)
    lines.append(f"first: {optimizer.state[w]}")
    lines.append(f"restored: {restored.state[w2]}")
    lines.append(f"restored dict: {restored.state_dict()}")
    return "\n".join(lines)


def state_now(make, count):
    """The whole state after count steps: len(optimizer.state), optimizer.state, and state_dict()."""
    w, b, loss = problem()
    optimizer = make([w], [b])
    lines = []
    steps(optimizer, w, b, loss, count, lines)
    lines.append(f"len {len(optimizer.state)}")
    lines.append(str(optimizer.state))
    lines.append(str(optimizer.state_dict()))
    return "\n".join(lines)


def cast_load():
    """A float32 optimizer's state dict loaded by one over float64 parameters: the buffers become float64, step stays."""
    w, b, loss = problem()
    optimizer = torch.optim.Adam([w, b], lr=0.1)
    steps(optimizer, w, b, loss, 2, [])
    w2, b2, loss2 = problem("float64")
    restored = torch.optim.Adam([w2, b2], lr=0.1)
    restored.load_state_dict(optimizer.state_dict())
    lines = [f"{restored.state[w2]}"]
    steps(restored, w2, b2, loss2, 2, lines, first=2)
    lines.append("bits: " + bits(w2) + " | " + bits(b2))
    return "\n".join(lines)


def state_set():
    """A momentum buffer set by hand before the first step is used as the buffer (not replaced by the gradient)."""
    w, b, loss = problem()
    optimizer = torch.optim.SGD([w, b], lr=0.1, momentum=0.9)
    optimizer.state[w]["momentum_buffer"] = torch.ones(2, 3)
    lines = []
    steps(optimizer, w, b, loss, 2, lines)
    lines.append("bits: " + bits(w) + " | " + bits(b))
    lines.append(f"{optimizer.state[w]}")
    return "\n".join(lines)


def dup_groups():
    w = torch.ones(2, requires_grad=True)
    return torch.optim.SGD([{"params": [w]}, {"params": [torch.zeros(1, requires_grad=True), w]}], lr=0.1)


def dup_added():
    w = torch.ones(2, requires_grad=True)
    optimizer = torch.optim.Adam([w])
    optimizer.add_param_group({"params": w, "lr": 0.1})


def load_other(make_saved, make_loading):
    """Loads the state dict of one optimizer into another of a different layout."""
    w, b, _ = problem()
    make_loading([w], [b]).load_state_dict(make_saved([w], [b]).state_dict())


def sgd_groups(lr0, lr1, **kw):
    return lambda ws, bs: torch.optim.SGD([{"params": ws, "lr": lr0}, {"params": bs, "lr": lr1}], **kw)


W2 = "new[] { torch.ones(2, requires_grad: true) }"
B1 = "new[] { torch.zeros(1, requires_grad: true) }"

CASES = [
    # two groups of different options, every optimizer: values each step, bits, repr, state
    ("two_groups(lambda ws, bs: torch.optim.SGD([{'params': ws}, {'params': bs, 'lr': 0.01, 'momentum': 0.5}], lr=0.05, momentum=0.9))", [],
     "two_groups((ws, bs) => torch.optim.SGD([new SGD.ParamGroup(ws), new SGD.ParamGroup(bs, lr: 0.01, momentum: 0.5)], lr: 0.05, momentum: 0.9))", "text"),
    ("two_groups(lambda ws, bs: torch.optim.SGD([{'params': ws, 'nesterov': True}, {'params': bs, 'lr': 0.2, 'momentum': 0, 'weight_decay': 0.1}], lr=0.05, momentum=0.8))", [],
     "two_groups((ws, bs) => torch.optim.SGD([new SGD.ParamGroup(ws, nesterov: true), new SGD.ParamGroup(bs, lr: 0.2, momentum: 0, weight_decay: 0.1)], lr: 0.05, momentum: 0.8))", "text"),
    ("two_groups(lambda ws, bs: torch.optim.SGD([{'params': ws, 'lr': 0.03, 'dampening': 0.3}, {'params': bs, 'lr': 0.1, 'maximize': True}], momentum=0.7))", [],
     "two_groups((ws, bs) => torch.optim.SGD([new SGD.ParamGroup(ws, lr: 0.03, dampening: 0.3), new SGD.ParamGroup(bs, lr: 0.1, maximize: true)], momentum: 0.7))", "text"),
    ("two_groups(lambda ws, bs: torch.optim.SGD([{'params': ws}, {'params': bs, 'lr': 0.01, 'momentum': 0.5}], lr=0.05, momentum=0.9), dtype='float64')", [],
     "two_groups((ws, bs) => torch.optim.SGD([new SGD.ParamGroup(ws), new SGD.ParamGroup(bs, lr: 0.01, momentum: 0.5)], lr: 0.05, momentum: 0.9), dtype: torch.float64)", "text"),
    ("two_groups(lambda ws, bs: torch.optim.Adam([{'params': ws}, {'params': bs, 'lr': 0.01, 'betas': (0.5, 0.9), 'amsgrad': True}], lr=0.1))", [],
     "two_groups((ws, bs) => torch.optim.Adam([new Adam.ParamGroup(ws), new Adam.ParamGroup(bs, lr: 0.01, beta1: 0.5, beta2: 0.9, amsgrad: true)], lr: 0.1))", "text"),
    ("two_groups(lambda ws, bs: torch.optim.Adam([{'params': ws, 'weight_decay': 0.1}, {'params': bs, 'eps': 0.001}], lr=0.05, amsgrad=True), dtype='float64')", [],
     "two_groups((ws, bs) => torch.optim.Adam([new Adam.ParamGroup(ws, weight_decay: 0.1), new Adam.ParamGroup(bs, eps: 0.001)], lr: 0.05, amsgrad: true), dtype: torch.float64)", "text"),
    ("two_groups(lambda ws, bs: torch.optim.RMSprop([{'params': ws, 'momentum': 0.5, 'centered': True}, {'params': bs, 'lr': 0.001, 'alpha': 0.9}], lr=0.01))", [],
     "two_groups((ws, bs) => torch.optim.RMSprop([new RMSProp.ParamGroup(ws, momentum: 0.5, centered: true), new RMSProp.ParamGroup(bs, lr: 0.001, alpha: 0.9)], lr: 0.01))", "text"),
    ("two_groups(lambda ws, bs: torch.optim.Adagrad([{'params': ws, 'lr_decay': 0.1}, {'params': bs, 'lr': 0.5, 'initial_accumulator_value': 0.1}], lr=0.2))", [],
     "two_groups((ws, bs) => torch.optim.Adagrad([new Adagrad.ParamGroup(ws, lr_decay: 0.1), new Adagrad.ParamGroup(bs, lr: 0.5, initial_accumulator_value: 0.1)], lr: 0.2))", "text"),
    # a group written as Python's dict, options set by name
    ("two_groups(lambda ws, bs: torch.optim.SGD([{'params': ws}, {'params': bs, 'lr': 0.01, 'momentum': 0.5}], lr=0.05, momentum=0.9), count=3)", [],
     "two_groups((ws, bs) => torch.optim.SGD([new ParamGroup(ws), new ParamGroup(bs) { [\"lr\"] = 0.01, [\"momentum\"] = 0.5 }], lr: 0.05, momentum: 0.9), count: 3)", "text"),
    # add_param_group
    ("added(lambda ws: torch.optim.SGD(ws, lr=0.05, momentum=0.9), lambda o, bs: o.add_param_group({'params': bs, 'lr': 0.01}))", [],
     "added(ws => torch.optim.SGD(ws, lr: 0.05, momentum: 0.9), (o, bs) => o.add_param_group(new SGD.ParamGroup(bs, lr: 0.01)))", "text"),
    ("added(lambda ws: torch.optim.Adam(ws, lr=0.1), lambda o, bs: o.add_param_group({'params': bs}))", [],
     "added(ws => torch.optim.Adam(ws, lr: 0.1), (o, bs) => o.add_param_group(new Adam.ParamGroup(bs)))", "text"),
    ("added(lambda ws: torch.optim.RMSprop(ws), lambda o, bs: o.add_param_group({'params': bs[0], 'lr': 0.05, 'momentum': 0.9}))", [],
     "added(ws => torch.optim.RMSprop(ws), (o, bs) => o.add_param_group(new ParamGroup(bs) { [\"params\"] = bs.First(), [\"lr\"] = 0.05, [\"momentum\"] = 0.9 }))", "text"),
    # a hand-written learning-rate schedule through param_groups
    ("schedule(sgd_groups(0.1, 0.02, momentum=0.9))", [],
     "schedule((ws, bs) => torch.optim.SGD([new SGD.ParamGroup(ws, lr: 0.1), new SGD.ParamGroup(bs, lr: 0.02)], momentum: 0.9))", "text"),
    ("schedule(lambda ws, bs: torch.optim.Adam([{'params': ws}, {'params': bs, 'lr': 0.3}], lr=0.2))", [],
     "schedule((ws, bs) => torch.optim.Adam([new Adam.ParamGroup(ws), new Adam.ParamGroup(bs, lr: 0.3)], lr: 0.2))", "text"),
    # state and state_dict: every optimizer's names, None for SGD without momentum, RMSprop's int step
    ("state_now(sgd_groups(0.1, 0.01), 2)", [],
     "state_now((ws, bs) => torch.optim.SGD([new SGD.ParamGroup(ws, lr: 0.1), new SGD.ParamGroup(bs, lr: 0.01)]), 2)", "text"),
    ("state_now(lambda ws, bs: torch.optim.SGD(ws + bs, lr=0.1, momentum=0.9), 2)", [],
     "state_now((ws, bs) => torch.optim.SGD(ws.Concat(bs), lr: 0.1, momentum: 0.9), 2)", "text"),
    ("state_now(lambda ws, bs: torch.optim.Adam([{'params': ws}, {'params': bs, 'amsgrad': True}]), 3)", [],
     "state_now((ws, bs) => torch.optim.Adam([new Adam.ParamGroup(ws), new Adam.ParamGroup(bs, amsgrad: true)]), 3)", "text"),
    ("state_now(lambda ws, bs: torch.optim.RMSprop([{'params': ws, 'centered': True}, {'params': bs, 'momentum': 0.5}]), 2)", [],
     "state_now((ws, bs) => torch.optim.RMSprop([new RMSProp.ParamGroup(ws, centered: true), new RMSProp.ParamGroup(bs, momentum: 0.5)]), 2)", "text"),
    ("state_now(lambda ws, bs: torch.optim.Adagrad([{'params': ws}, {'params': bs, 'initial_accumulator_value': 0.5}]), 0)", [],
     "state_now((ws, bs) => torch.optim.Adagrad([new Adagrad.ParamGroup(ws), new Adagrad.ParamGroup(bs, initial_accumulator_value: 0.5)]), 0)", "text"),
    ("state_now(lambda ws, bs: torch.optim.Adam(ws + bs), 0)", [],
     "state_now((ws, bs) => torch.optim.Adam(ws.Concat(bs)), 0)", "text"),
    # checkpoints: state_dict() into a fresh optimizer
    ("round_trip(lambda ws, bs: torch.optim.SGD([{'params': ws}, {'params': bs, 'lr': 0.01}], lr=0.05, momentum=0.9))", [],
     "round_trip((ws, bs) => torch.optim.SGD([new SGD.ParamGroup(ws), new SGD.ParamGroup(bs, lr: 0.01)], lr: 0.05, momentum: 0.9))", "text"),
    ("round_trip(lambda ws, bs: torch.optim.Adam([{'params': ws}, {'params': bs, 'amsgrad': True}], lr=0.1))", [],
     "round_trip((ws, bs) => torch.optim.Adam([new Adam.ParamGroup(ws), new Adam.ParamGroup(bs, amsgrad: true)], lr: 0.1))", "text"),
    ("round_trip(lambda ws, bs: torch.optim.RMSprop([{'params': ws, 'momentum': 0.5}, {'params': bs, 'centered': True}], lr=0.01))", [],
     "round_trip((ws, bs) => torch.optim.RMSprop([new RMSProp.ParamGroup(ws, momentum: 0.5), new RMSProp.ParamGroup(bs, centered: true)], lr: 0.01))", "text"),
    ("round_trip(lambda ws, bs: torch.optim.Adagrad(ws + bs, lr=0.3, lr_decay=0.01))", [],
     "round_trip((ws, bs) => torch.optim.Adagrad(ws.Concat(bs), lr: 0.3, lr_decay: 0.01))", "text"),
    ("cast_load()", [], "cast_load()", "text"),
    ("state_set()", [], "state_set()", "text"),
    # printing
    (f"str(torch.optim.SGD([{{'params': [torch.ones(2, requires_grad=True)]}}, {{'params': [torch.zeros(1, requires_grad=True)], 'lr': 0.001, 'momentum': 0.5, 'nesterov': True}}], lr=0.01, momentum=0.9))", [],
     f"torch.optim.SGD([new SGD.ParamGroup({W2}), new SGD.ParamGroup({B1}, lr: 0.001, momentum: 0.5, nesterov: true)], lr: 0.01, momentum: 0.9).ToString()", "text"),
    (f"str(torch.optim.SGD([{{'params': [torch.ones(2, requires_grad=True)]}}, {{'params': [torch.zeros(1, requires_grad=True)], 'lr': 0.001, 'momentum': 0.5, 'nesterov': True}}], lr=0.01, momentum=0.9).param_groups[1])", [],
     f"torch.optim.SGD([new SGD.ParamGroup({W2}), new SGD.ParamGroup({B1}, lr: 0.001, momentum: 0.5, nesterov: true)], lr: 0.01, momentum: 0.9).param_groups[1].ToString()", "text"),
    (f"str(torch.optim.Adam([{{'params': [torch.ones(2, requires_grad=True)], 'betas': (0.8, 0.99)}}, {{'params': [torch.zeros(1, requires_grad=True)], 'lr': 0.1, 'weight_decay': 0.01}}]))", [],
     f"torch.optim.Adam([new Adam.ParamGroup({W2}, beta1: 0.8, beta2: 0.99), new Adam.ParamGroup({B1}, lr: 0.1, weight_decay: 0.01)]).ToString()", "text"),
    (f"str(torch.optim.RMSprop([{{'params': [torch.ones(2, requires_grad=True)]}}, {{'params': [torch.zeros(1, requires_grad=True)], 'lr': 0.1, 'momentum': 0.9}}]))", [],
     f"torch.optim.RMSprop([new RMSProp.ParamGroup({W2}), new RMSProp.ParamGroup({B1}, lr: 0.1, momentum: 0.9)]).ToString()", "text"),
    (f"str(torch.optim.Adagrad([{{'params': [torch.ones(2, requires_grad=True)], 'lr_decay': 0.5}}, {{'params': [torch.zeros(1, requires_grad=True)], 'lr': 0.1}}]))", [],
     f"torch.optim.Adagrad([new Adagrad.ParamGroup({W2}, lr_decay: 0.5), new Adagrad.ParamGroup({B1}, lr: 0.1)]).ToString()", "text"),
    # bad input
    ("dup_groups()", [], "dup_groups()", "error"),
    ("dup_added()", [], "dup_added()", "error"),
    (f"torch.optim.SGD([{{'params': [torch.ones(2, requires_grad=True)]}}, {{'params': [torch.zeros(1, requires_grad=True)], 'lr': 0.1}}])", [],
     f"torch.optim.SGD([new SGD.ParamGroup({W2}), new SGD.ParamGroup({B1}, lr: 0.1)])", "error"),
    ("torch.optim.Adam([{'params': [torch.ones(2, requires_grad=True) * 2]}])", [],
     "torch.optim.Adam([new Adam.ParamGroup(new[] { torch.ones(2, requires_grad: true) * 2 })])", "error"),
    ("torch.optim.RMSprop([])", [], "torch.optim.RMSprop(new ParamGroup[0])", "error"),
    ("load_other(sgd_groups(0.1, 0.2), lambda ws, bs: torch.optim.SGD(ws + bs, lr=0.1))", [],
     "load_other((ws, bs) => torch.optim.SGD([new SGD.ParamGroup(ws, lr: 0.1), new SGD.ParamGroup(bs, lr: 0.2)]), (ws, bs) => torch.optim.SGD(ws.Concat(bs), lr: 0.1))", "error"),
    ("load_other(lambda ws, bs: torch.optim.Adam([{'params': ws}, {'params': bs}]), lambda ws, bs: torch.optim.Adam([{'params': ws + bs}, {'params': []}]))", [],
     "load_other((ws, bs) => torch.optim.Adam([new Adam.ParamGroup(ws), new Adam.ParamGroup(bs)]), (ws, bs) => torch.optim.Adam([new Adam.ParamGroup(ws.Concat(bs)), new Adam.ParamGroup(new Tensor[0])]))", "error"),
]


if __name__ == "__main__":
    golden_writer.write("optim_groups.json", CASES, {}, golden_writer.helpers_of(globals()))
