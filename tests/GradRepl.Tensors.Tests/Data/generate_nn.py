#!/usr/bin/env python3
"""Writes nn.json: PyTorch 1.13's results for torch.nn (modules, their printing, state dicts, initial values,
forward passes, losses and their gradients, init functions, load_state_dict errors), as the C# test
NnGoldenTests checks them.

Run by hand on a machine with Debian's python3-torch (PyTorch 1.13):
    /usr/bin/python3 tests/GradRepl.Tensors.Tests/Data/generate_nn.py

Each case is a Python expression and its C# spelling, both evaluated with the helpers and model classes below
(NnGoldenTests.cs holds their C# twins), and a kind: "text" (the expression gives a string; C# must give the same)
or "values" (a tensor; C# must give the same elements exactly).
"""
import json
import math
import os

import torch
import torch.nn as nn


def seeded(seed, make):
    torch.manual_seed(seed)
    return make()


def lines(*items):
    return "\n".join(str(item) for item in items)


def error(action):
    try:
        action()
    except Exception as e:  # noqa: BLE001 - the error is the expectation
        return f"{type(e).__name__}: {e}"
    return "no error"


def names(pairs):
    return "|".join(name for name, _ in pairs)


def train_step(model, criterion, x, y):
    """One forward and backward: the loss, then every parameter's grad."""
    loss = criterion(model(x), y)
    loss.backward()
    return lines(loss, *[p.grad for p in model.parameters()])


def set_weight(model):
    model.state_dict()["linear.weight"][0] = torch.tensor(-15.0)
    return model.linear.weight


def zeroed(model, x):
    model(x).sum().backward()
    model.zero_grad()
    return lines(*[p.grad for p in model.parameters()])


def modes(model):
    before = model.training
    model.eval()
    after = [m.training for m in model.modules()]
    model.train()
    return lines(before, after, model.training)


def load_from(model, other):
    result = model.load_state_dict(other.state_dict())
    return lines(result, model.linear.weight)


def filled(init, shape):
    t = torch.empty(shape)
    init(t)
    return t


class LR(nn.Module):
    def __init__(self, input_size, output_size):
        super().__init__()
        self.linear = nn.Linear(input_size, output_size)

    def forward(self, x):
        return self.linear(x)


class Net(nn.Module):
    """One hidden layer with sigmoids, as the course's shallow networks."""

    def __init__(self, d_in, h, d_out):
        super().__init__()
        self.linear1 = nn.Linear(d_in, h)
        self.linear2 = nn.Linear(h, d_out)

    def forward(self, x):
        return torch.sigmoid(self.linear2(torch.sigmoid(self.linear1(x))))


class Manual(nn.Module):
    """Parameters made by hand, and a plain tensor that is not one."""

    def __init__(self):
        super().__init__()
        self.w = nn.Parameter(torch.tensor([[1.0, -2.0]]))
        self.scale = torch.tensor(3.0)
        self.b = nn.Parameter(torch.zeros(1))

    def forward(self, x):
        return x @ self.w.t() * self.scale + self.b


class Nested(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(3, 4), nn.ReLU(), nn.Dropout(0.25))
        self.head = LR(4, 2)

    def forward(self, x):
        return self.head(self.body(x))


class Deep(nn.Module):
    """Layers of the sizes given, in a ModuleList, as the course's deeper networks."""

    def __init__(self, layers):
        super().__init__()
        self.hidden = nn.ModuleList()
        for input_size, output_size in zip(layers, layers[1:]):
            self.hidden.append(nn.Linear(input_size, output_size))

    def forward(self, x):
        for layer in self.hidden:
            x = torch.relu(layer(x))
        return x


class DropNet(nn.Module):
    def __init__(self, p):
        super().__init__()
        self.drop = nn.Dropout(p)
        self.linear1 = nn.Linear(2, 4)
        self.linear2 = nn.Linear(4, 1)

    def forward(self, x):
        return self.linear2(self.drop(torch.relu(self.linear1(x))))


X = "torch.tensor([[1.0, 2.0], [-0.5, 0.25], [3.0, -1.0]])"
Y = "torch.tensor([[1.0], [0.0], [2.5]])"
CS_X = "torch.tensor(new double[,] { { 1.0, 2.0 }, { -0.5, 0.25 }, { 3.0, -1.0 } })"
CS_Y = "torch.tensor(new double[,] { { 1.0 }, { 0.0 }, { 2.5 } })"
LOGITS = "torch.tensor([[1.0, -0.5, 2.0], [0.1, 0.3, 0.8], [-1.2, 1.5, -0.7]])"
CS_LOGITS = "torch.tensor(new double[,] { { 1.0, -0.5, 2.0 }, { 0.1, 0.3, 0.8 }, { -1.2, 1.5, -0.7 } })"
CLASSES = "torch.tensor([0, 2, 1])"
CS_CLASSES = "torch.tensor(new long[] { 0, 2, 1 })"

# (python expression, C# expression, kind)
CASES = [
    # printing modules
    ("seeded(1, lambda: repr(LR(1, 1)))", "seeded(1, () => new LR(1, 1).ToString())", "text"),
    ("repr(Net(2, 3, 1))", "new Net(2, 3, 1).ToString()", "text"),
    ("repr(Nested())", "new Nested().ToString()", "text"),
    ("repr(Manual())", "new Manual().ToString()", "text"),
    ("repr(nn.Sequential(nn.Linear(2, 3), nn.Sigmoid(), nn.Linear(3, 1)))",
     "torch.nn.Sequential(torch.nn.Linear(2, 3), torch.nn.Sigmoid(), torch.nn.Linear(3, 1)).ToString()", "text"),
    ("repr(nn.Sequential(nn.Linear(2, 3, bias=False), nn.ReLU(), nn.Tanh(), nn.LeakyReLU(), nn.LeakyReLU(0.2), nn.Softmax(dim=1), "
     "nn.LogSoftmax(dim=0), nn.Dropout(), nn.Dropout(0.3), nn.Flatten(), nn.Flatten(0, 2), nn.Identity()))",
     "torch.nn.Sequential(torch.nn.Linear(2, 3, hasBias: false), torch.nn.ReLU(), torch.nn.Tanh(), torch.nn.LeakyReLU(), torch.nn.LeakyReLU(0.2), "
     "torch.nn.Softmax(1), torch.nn.LogSoftmax(0), torch.nn.Dropout(), torch.nn.Dropout(0.3), torch.nn.Flatten(), torch.nn.Flatten(0, 2), torch.nn.Identity()).ToString()", "text"),
    ("lines(nn.MSELoss(), nn.L1Loss(), nn.BCELoss(), nn.BCEWithLogitsLoss(), nn.CrossEntropyLoss(), nn.NLLLoss(), nn.MSELoss(reduction='sum'))",
     "lines(torch.nn.MSELoss(), torch.nn.L1Loss(), torch.nn.BCELoss(), torch.nn.BCEWithLogitsLoss(), torch.nn.CrossEntropyLoss(), torch.nn.NLLLoss(), torch.nn.MSELoss(reduction: \"sum\"))", "text"),
    ("repr(nn.Sequential(nn.Sequential(nn.Linear(1, 2)), LR(2, 1)))",
     "torch.nn.Sequential(torch.nn.Sequential(torch.nn.Linear(1, 2)), new LR(2, 1)).ToString()", "text"),
    ("seeded(0, lambda: repr(Deep([2, 3, 4, 1])))", "seeded(0, () => new Deep(new long[] { 2, 3, 4, 1 }).ToString())", "text"),
    ("repr(nn.ModuleList([nn.ReLU(), nn.Tanh()]))", "torch.nn.ModuleList<torch.nn.Module>(torch.nn.ReLU(), torch.nn.Tanh()).ToString()", "text"),
    ("repr(nn.ModuleList())", "torch.nn.ModuleList<Linear>().ToString()", "text"),
    (f"seeded(17, lambda: train_step(Deep([2, 3, 4, 1]), nn.MSELoss(), {X}, {Y}))", f"seeded(17, () => train_step(new Deep(new long[] {{ 2, 3, 4, 1 }}), torch.nn.MSELoss(), {CS_X}, {CS_Y}))", "text"),
    ("names(Deep([2, 3, 1]).named_parameters())", "names(new Deep(new long[] { 2, 3, 1 }).named_parameters())", "text"),
    # parameters, names, state dicts
    ("seeded(1, lambda: repr(LR(1, 1).state_dict()))", "seeded(1, () => new LR(1, 1).state_dict().ToString())", "text"),
    ("seeded(1, lambda: str(list(LR(1, 1).parameters())))", "seeded(1, () => list(new LR(1, 1).parameters()))", "text"),
    ("seeded(2, lambda: repr(Net(2, 3, 1).state_dict()))", "seeded(2, () => new Net(2, 3, 1).state_dict().ToString())", "text"),
    ("seeded(3, lambda: repr(Manual().state_dict()))", "seeded(3, () => new Manual().state_dict().ToString())", "text"),
    ("seeded(4, lambda: repr(Nested().state_dict()))", "seeded(4, () => new Nested().state_dict().ToString())", "text"),
    ("seeded(1, lambda: lines(nn.Linear(1, 1).state_dict().keys(), nn.Linear(1, 1).state_dict().values(), nn.Linear(1, 1).state_dict().items()))",
     "seeded(1, () => lines(torch.nn.Linear(1, 1).state_dict().keys(), torch.nn.Linear(1, 1).state_dict().values(), torch.nn.Linear(1, 1).state_dict().items()))", "text"),
    ("names(Nested().named_parameters())", "names(new Nested().named_parameters())", "text"),
    ("names(Nested().named_modules())", "names(new Nested().named_modules())", "text"),
    ("names(Nested().named_children())", "names(new Nested().named_children())", "text"),
    ("lines(*Nested().children())", "lines(new Nested().children().ToArray())", "text"),
    ("str(list(Manual().parameters()))", "list(new Manual().parameters())", "text"),
    ("repr(nn.Parameter(torch.tensor([1.0, 2.0])))", "torch.nn.Parameter(torch.tensor(new[] { 1.0, 2.0 })).ToString()", "text"),
    ("repr(nn.Parameter(torch.tensor([1.0, 2.0]), requires_grad=False))", "new Parameter(torch.tensor(new[] { 1.0, 2.0 }), requires_grad: false).ToString()", "text"),
    ("repr(nn.Parameter(torch.tensor([1.0, 2.0])) * 2)", "(torch.nn.Parameter(torch.tensor(new[] { 1.0, 2.0 })) * 2).ToString()", "text"),
    ("seeded(1, lambda: repr(set_weight(LR(1, 1))))", "seeded(1, () => set_weight(new LR(1, 1)).ToString())", "text"),
    ("seeded(5, lambda: repr(LR(2, 2).linear.weight.is_leaf))", "seeded(5, () => python(new LR(2, 2).linear.weight.is_leaf))", "text"),
    # forward passes, losses, gradients and node names
    (f"seeded(1, lambda: repr(LR(1, 1)(torch.tensor([[1.0], [2.0]]))))", "seeded(1, () => new LR(1, 1).forward(torch.tensor(new double[,] { { 1.0 }, { 2.0 } })).ToString())", "text"),
    (f"seeded(1, lambda: repr(nn.Linear(2, 1)({X}[0])))", f"seeded(1, () => torch.nn.Linear(2, 1).forward({CS_X}[0]).ToString())", "text"),
    (f"seeded(6, lambda: train_step(LR(2, 1), nn.MSELoss(), {X}, {Y}))", f"seeded(6, () => train_step(new LR(2, 1), torch.nn.MSELoss(), {CS_X}, {CS_Y}))", "text"),
    (f"seeded(6, lambda: train_step(LR(2, 1), nn.MSELoss(reduction='sum'), {X}, {Y}))", f"seeded(6, () => train_step(new LR(2, 1), torch.nn.MSELoss(reduction: \"sum\"), {CS_X}, {CS_Y}))", "text"),
    (f"seeded(7, lambda: train_step(LR(2, 1), nn.L1Loss(), {X}, {Y}))", f"seeded(7, () => train_step(new LR(2, 1), torch.nn.L1Loss(), {CS_X}, {CS_Y}))", "text"),
    (f"seeded(8, lambda: train_step(Net(2, 3, 1), nn.BCELoss(), {X}, torch.tensor([[1.0], [0.0], [1.0]])))",
     f"seeded(8, () => train_step(new Net(2, 3, 1), torch.nn.BCELoss(), {CS_X}, torch.tensor(new double[,] {{ {{ 1.0 }}, {{ 0.0 }}, {{ 1.0 }} }})))", "text"),
    (f"seeded(9, lambda: train_step(LR(2, 1), nn.BCEWithLogitsLoss(), {X}, torch.tensor([[1.0], [0.0], [1.0]])))",
     f"seeded(9, () => train_step(new LR(2, 1), torch.nn.BCEWithLogitsLoss(), {CS_X}, torch.tensor(new double[,] {{ {{ 1.0 }}, {{ 0.0 }}, {{ 1.0 }} }})))", "text"),
    (f"seeded(10, lambda: train_step(LR(2, 3), nn.CrossEntropyLoss(), {X}, {CLASSES}))", f"seeded(10, () => train_step(new LR(2, 3), torch.nn.CrossEntropyLoss(), {CS_X}, {CS_CLASSES}))", "text"),
    (f"seeded(11, lambda: train_step(nn.Sequential(nn.Linear(2, 3), nn.LogSoftmax(dim=1)), nn.NLLLoss(), {X}, {CLASSES}))",
     f"seeded(11, () => train_step(torch.nn.Sequential(torch.nn.Linear(2, 3), torch.nn.LogSoftmax(1)), torch.nn.NLLLoss(), {CS_X}, {CS_CLASSES}))", "text"),
    (f"repr(nn.CrossEntropyLoss(reduction='none')({LOGITS}, {CLASSES}))", f"torch.nn.CrossEntropyLoss(reduction: \"none\").call({CS_LOGITS}, {CS_CLASSES}).ToString()", "text"),
    (f"repr(nn.CrossEntropyLoss(weight=torch.tensor([1.0, 2.0, 0.5]))({LOGITS}, {CLASSES}))",
     f"torch.nn.CrossEntropyLoss(weight: torch.tensor(new[] {{ 1.0, 2.0, 0.5 }})).call({CS_LOGITS}, {CS_CLASSES}).ToString()", "text"),
    (f"repr(nn.MSELoss()({LOGITS}.requires_grad_(), torch.zeros(3, 3)))", f"torch.nn.MSELoss().call({CS_LOGITS}.requires_grad_(), torch.zeros(3, 3)).ToString()", "text"),
    (f"seeded(12, lambda: train_step(nn.Sequential(nn.Linear(2, 4), nn.Tanh(), nn.Linear(4, 3), nn.Softmax(dim=1)), nn.MSELoss(), {X}, torch.eye(3)))",
     f"seeded(12, () => train_step(torch.nn.Sequential(torch.nn.Linear(2, 4), torch.nn.Tanh(), torch.nn.Linear(4, 3), torch.nn.Softmax(1)), torch.nn.MSELoss(), {CS_X}, torch.eye(3)))", "text"),
    (f"seeded(13, lambda: train_step(nn.Sequential(nn.Linear(2, 4), nn.LeakyReLU(0.1), nn.Identity(), nn.Linear(4, 1)), nn.MSELoss(), {X}, {Y}))",
     f"seeded(13, () => train_step(torch.nn.Sequential(torch.nn.Linear(2, 4), torch.nn.LeakyReLU(0.1), torch.nn.Identity(), torch.nn.Linear(4, 1)), torch.nn.MSELoss(), {CS_X}, {CS_Y}))", "text"),
    ("repr(nn.Flatten()(torch.arange(24.0).reshape(2, 3, 4).requires_grad_()))", "torch.nn.Flatten().forward(torch.arange(24.0).reshape(2, 3, 4).requires_grad_()).ToString()", "text"),
    ("str(nn.Flatten(0, 1)(torch.ones(2, 3, 4)).shape)", "torch.nn.Flatten(0, 1).forward(torch.ones(2, 3, 4)).shape.ToString()", "text"),
    # dropout obeys train() and eval(), with PyTorch's mask
    ("seeded(14, lambda: repr(nn.Dropout(0.5)(torch.ones(2, 6))))", "seeded(14, () => torch.nn.Dropout(0.5).forward(torch.ones(2, 6)).ToString())", "text"),
    ("seeded(14, lambda: repr(nn.Dropout(0.5).eval()(torch.ones(2, 6))))", "seeded(14, () => ((Dropout)torch.nn.Dropout(0.5).eval()).forward(torch.ones(2, 6)).ToString())", "text"),
    (f"seeded(15, lambda: train_step(DropNet(0.3), nn.MSELoss(), {X}, {Y}))", f"seeded(15, () => train_step(new DropNet(0.3), torch.nn.MSELoss(), {CS_X}, {CS_Y}))", "text"),
    (f"seeded(15, lambda: train_step(DropNet(0.3).eval(), nn.MSELoss(), {X}, {Y}))", f"seeded(15, () => train_step((DropNet)new DropNet(0.3).eval(), torch.nn.MSELoss(), {CS_X}, {CS_Y}))", "text"),
    ("modes(Nested())", "modes(new Nested())", "text"),
    (f"seeded(16, lambda: zeroed(Net(2, 3, 1), {X}))", f"seeded(16, () => zeroed(new Net(2, 3, 1), {CS_X}))", "text"),
    # load_state_dict
    ("load_from(seeded(1, lambda: LR(1, 1)), seeded(2, lambda: LR(1, 1)))", "load_from(seeded(1, () => new LR(1, 1)), seeded(2, () => new LR(1, 1)))", "text"),
    ("error(lambda: LR(1, 1).load_state_dict({'linear.weight': torch.ones(1, 1)}))",
     "error(() => new LR(1, 1).load_state_dict(dict((\"linear.weight\", torch.ones(1, 1)))))", "text"),
    ("error(lambda: LR(1, 1).load_state_dict({'linear.weight': torch.ones(1, 1), 'linear.bias': torch.ones(1), 'extra': torch.ones(1), 'more.w': torch.ones(2)}))",
     "error(() => new LR(1, 1).load_state_dict(dict((\"linear.weight\", torch.ones(1, 1)), (\"linear.bias\", torch.ones(1)), (\"extra\", torch.ones(1)), (\"more.w\", torch.ones(2)))))", "text"),
    ("error(lambda: LR(1, 1).load_state_dict({'weight': torch.ones(1, 1), 'bias': torch.ones(1)}))",
     "error(() => new LR(1, 1).load_state_dict(dict((\"weight\", torch.ones(1, 1)), (\"bias\", torch.ones(1)))))", "text"),
    ("error(lambda: LR(1, 1).load_state_dict(LR(2, 3).state_dict()))", "error(() => new LR(1, 1).load_state_dict(new LR(2, 3).state_dict()))", "text"),
    ("error(lambda: LR(1, 1).load_state_dict({'linear.weight': torch.ones(2, 1)}))", "error(() => new LR(1, 1).load_state_dict(dict((\"linear.weight\", torch.ones(2, 1)))))", "text"),
    ("repr(LR(1, 1).load_state_dict({'linear.weight': torch.ones(1, 1), 'x': torch.ones(1)}, strict=False))",
     "new LR(1, 1).load_state_dict(dict((\"linear.weight\", torch.ones(1, 1)), (\"x\", torch.ones(1))), strict: false).ToString()", "text"),
    ("repr(Net(2, 3, 1).load_state_dict(Net(2, 3, 1).state_dict()))", "new Net(2, 3, 1).load_state_dict(new Net(2, 3, 1).state_dict()).ToString()", "text"),
    # bad input
    ("seeded(1, lambda: error(lambda: nn.Linear(2, 1)(torch.ones(5, 3))))", "seeded(1, () => error(() => torch.nn.Linear(2, 1).forward(torch.ones(5, 3))))", "text"),
    ("error(lambda: nn.Dropout(1.5))", "error(() => torch.nn.Dropout(1.5))", "text"),
    ("error(lambda: nn.MSELoss(reduction='avg')(torch.ones(2), torch.ones(2)))", "error(() => torch.nn.MSELoss(reduction: \"avg\").call(torch.ones(2), torch.ones(2)))", "text"),
    ("error(lambda: nn.CrossEntropyLoss()(torch.ones(3, 2), torch.ones(3)))", "error(() => torch.nn.CrossEntropyLoss().call(torch.ones(3, 2), torch.ones(3)))", "text"),
    ("error(lambda: nn.Module().register_module('a.b', nn.ReLU()))", "error(() => torch.nn.Identity().register_module(\"a.b\", torch.nn.ReLU()))", "text"),
    ("error(lambda: nn.Module().register_parameter('a.b', nn.Parameter(torch.ones(1))))", "error(() => torch.nn.Identity().register_parameter(\"a.b\", torch.nn.Parameter(torch.ones(1))))", "text"),
    ("error(lambda: nn.Module().register_module('', nn.ReLU()))", "error(() => torch.nn.Identity().register_module(\"\", torch.nn.ReLU()))", "text"),
    ("error(lambda: nn.Parameter(torch.tensor([1, 2])))", "error(() => torch.nn.Parameter(torch.tensor(new long[] { 1, 2 })))", "text"),
    ("error(lambda: nn.init.xavier_uniform_(torch.empty(3)))", "error(() => torch.nn.init.xavier_uniform_(torch.empty(3)))", "text"),
    ("error(lambda: nn.init.kaiming_uniform_(torch.empty(3, 2), mode='fan_avg'))", "error(() => torch.nn.init.kaiming_uniform_(torch.empty(3, 2), mode: \"fan_avg\"))", "text"),
    ("error(lambda: nn.init.calculate_gain('softsign'))", "error(() => torch.nn.init.calculate_gain(\"softsign\"))", "text"),
    ("error(lambda: nn.Flatten(2, 1)(torch.ones(2, 3, 4)))", "error(() => torch.nn.Flatten(2, 1).forward(torch.ones(2, 3, 4)))", "text"),
    ("error(lambda: LR(1, 1).state_dict()['linear.w'])", "error(() => new LR(1, 1).state_dict()[\"linear.w\"])", "text"),
    # init functions
    ("lines(nn.init.calculate_gain('relu'), nn.init.calculate_gain('tanh'), nn.init.calculate_gain('leaky_relu'), nn.init.calculate_gain('leaky_relu', 0.2), nn.init.calculate_gain('selu'))",
     "lines(python(torch.nn.init.calculate_gain(\"relu\")), python(torch.nn.init.calculate_gain(\"tanh\")), python(torch.nn.init.calculate_gain(\"leaky_relu\")), python(torch.nn.init.calculate_gain(\"leaky_relu\", 0.2)), "
     "python(torch.nn.init.calculate_gain(\"selu\")))", "text"),
    ("repr(filled(lambda t: nn.init.constant_(t, 0.3), (2, 3)))", "filled(t => torch.nn.init.constant_(t, 0.3), 2, 3).ToString()", "text"),
    ("repr(filled(nn.init.zeros_, (2, 2)))", "filled(t => torch.nn.init.zeros_(t), 2, 2).ToString()", "text"),
    ("repr(filled(nn.init.ones_, (3,)))", "filled(t => torch.nn.init.ones_(t), 3).ToString()", "text"),
    ("repr(nn.init.ones_(nn.Parameter(torch.zeros(2))))", "torch.nn.init.ones_(torch.nn.Parameter(torch.zeros(2))).ToString()", "text"),
]

# initial values for several seeds and sizes, compared element by element
for seed in (0, 1, 42, 2024):
    for n_in, n_out in ((1, 1), (2, 3), (3, 2), (10, 5), (784, 3), (5, 100)):
        CASES.append((f"seeded({seed}, lambda: torch.cat([p.detach().reshape(-1) for p in nn.Linear({n_in}, {n_out}).parameters()]))",
                      f"seeded({seed}, () => torch.cat(torch.nn.Linear({n_in}, {n_out}).parameters().Select(p => p.detach().reshape(-1)).ToArray()))", "values"))
    CASES.append((f"seeded({seed}, lambda: torch.cat([p.detach().reshape(-1) for p in nn.Sequential(nn.Linear(4, 6), nn.ReLU(), nn.Linear(6, 2)).parameters()]))",
                  f"seeded({seed}, () => torch.cat(torch.nn.Sequential(torch.nn.Linear(4, 6), torch.nn.ReLU(), torch.nn.Linear(6, 2)).parameters().Select(p => p.detach().reshape(-1)).ToArray()))", "values"))
    CASES.append((f"seeded({seed}, lambda: nn.Linear(3, 2, dtype=torch.float64).weight.detach())",
                  f"seeded({seed}, () => torch.nn.Linear(3, 2, dtype: torch.float64).weight.detach())", "values"))
    for py, cs in [
        ("nn.init.uniform_(torch.empty(4, 5))", "torch.nn.init.uniform_(torch.empty(4, 5))"),
        ("nn.init.uniform_(torch.empty(3, 3), -2.0, 0.5)", "torch.nn.init.uniform_(torch.empty(3, 3), -2.0, 0.5)"),
        ("nn.init.normal_(torch.empty(3, 4))", "torch.nn.init.normal_(torch.empty(3, 4))"),
        ("nn.init.normal_(torch.empty(20, dtype=torch.float64), 1.0, 0.1)", "torch.nn.init.normal_(torch.empty(20, dtype: torch.float64), 1.0, 0.1)"),
        ("nn.init.xavier_uniform_(torch.empty(5, 7))", "torch.nn.init.xavier_uniform_(torch.empty(5, 7))"),
        ("nn.init.xavier_uniform_(torch.empty(3, 2, 4), gain=nn.init.calculate_gain('relu'))", "torch.nn.init.xavier_uniform_(torch.empty(3, 2, 4), gain: torch.nn.init.calculate_gain(\"relu\"))"),
        ("nn.init.xavier_normal_(torch.empty(2, 6, dtype=torch.float64))", "torch.nn.init.xavier_normal_(torch.empty(2, 6, dtype: torch.float64))"),
        ("nn.init.kaiming_uniform_(torch.empty(6, 4))", "torch.nn.init.kaiming_uniform_(torch.empty(6, 4))"),
        ("nn.init.kaiming_uniform_(torch.empty(6, 4), a=math.sqrt(5))", "torch.nn.init.kaiming_uniform_(torch.empty(6, 4), a: Math.Sqrt(5))"),
        ("nn.init.kaiming_uniform_(torch.empty(6, 4), mode='fan_out', nonlinearity='relu')", "torch.nn.init.kaiming_uniform_(torch.empty(6, 4), mode: \"fan_out\", nonlinearity: \"relu\")"),
        ("nn.init.kaiming_normal_(torch.empty(5, 3, dtype=torch.float64), nonlinearity='relu')", "torch.nn.init.kaiming_normal_(torch.empty(5, 3, dtype: torch.float64), nonlinearity: \"relu\")"),
    ]:
        CASES.append((f"seeded({seed}, lambda: {py})", f"seeded({seed}, () => {cs})", "values"))


def main():
    env = dict(globals())
    env.update(torch=torch, nn=nn, math=math)
    out = []
    for index, (py, cs, kind) in enumerate(CASES):
        result = eval(py, env)
        case = {"id": f"{index:03d}_{py}", "py": py, "cs": cs, "kind": kind}
        if kind == "text":
            assert isinstance(result, str), py
            case["text"] = result
        else:
            case["dtype"] = str(result.dtype).replace("torch.", "")
            case["values"] = [float(v) for v in result.detach().reshape(-1).tolist()]
        out.append(case)
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "nn.json")
    with open(path, "w") as f:
        json.dump({"torch_version": torch.__version__, "cases": out}, f, indent=1)
    print(f"wrote {len(out)} cases to {path}")


if __name__ == "__main__":
    main()
