#!/usr/bin/env python3
"""Writes float_bits.json: float32 results where PyTorch 1.13's exact bits show in what it prints. Its float32 sum and mean of runs of every length class its CPU kernel treats
differently (under 8, whole rows of 32, the cascade's carries, long runs), sums along inner and outer dimensions, and softmax along the last dimension
(rows shorter and longer than its eight lanes), exp and sigmoid (SLEEF's exp, and the C library's in sigmoid's
tail), sin, log and tanh, log_softmax along the last dimension and its gradient, tanh's gradient, matrix products (mm, linear with a bias, a transposed operand, mv, dot), nll_loss's sums and float32 randn, as
FloatBitsTests checks them.

Run by hand on a machine with Debian's python3-torch (PyTorch 1.13, AVX2 kernels):
    /usr/bin/python3 tests/GradRepl.Tensors.Tests/Data/generate_float_bits.py

The values are computed the same way in C#: value(k) = float32((k * 7919 % 10007) / 1000.0 - 5.0) * scale, scale
cycling through SCALES, so that the order of the additions shows in the rounding; softmax rows are
float32((k * 37 % 101) / 25.0 - 2.0).
"""
import json
import math
import os

import torch

SCALES = [1e-4, 1e-2, 1.0, 1e2, 1e4]
# Sums along dimensions: innermost (rows), outermost (columns: groups of 32, 8, 4 and single ones), all of them.
DIM_SUMS = [([60, 1], [0, 1]), ([3, 5], [1]), ([4, 37], [1]), ([2, 3, 40], [2]), ([2, 3, 40], [1, 2]),
            ([300, 1], [0]), ([300, 3], [0]), ([300, 6], [0]), ([300, 7], [0]), ([100, 45], [0]), ([50, 80], [0]),
            ([20, 9, 3], [0]), ([600, 5], [0]), ([5, 4, 3], [0, 1, 2])]
# exp, sigmoid and sin of these, then of 2005 values of the formula (whole blocks of 16 and a tail).
UNARY_EDGES = [-200.0, -104.5, -103.9, -87.5, 88.0, 88.8, 100.0, 100.5, float("inf"), float("-inf"), float("nan"), 0.0, -0.0, 12.0]
SOFTMAX_LENGTHS = [1, 2, 3, 7, 8, 9, 15, 16, 17, 40]
# Matrix products (n, m, p): this build's reference BLAS adds one float term at a time; small and blocked sizes.
# nll_loss over batches around its cascade's carries (every 16 samples) and long ones; float32 randn of 16 or more
# elements (its AVX2 Box-Muller with avx_mathfun's log and sincos), whole blocks of 16 and a redrawn last block.
# Gradients PyTorch's kernels compute with a fused multiply-add: log_softmax's (last dim, rows shorter and longer than
# eight) and tanh's.
GRADIENT_SHAPES = [(20, 3), (5, 17), (3, 40)]
NLL_SIZES = [1, 2, 15, 16, 17, 100, 257, 4099]
RANDN_CASES = [(0, 16), (0, 80), (1, 50), (42, 1000), (7, 4099)]
PRODUCT_SHAPES = [(3, 5, 2), (7, 33, 9), (4, 784, 16), (101, 97, 10), (40, 300, 37)]
LENGTHS = [0, 1, 3, 4, 5, 7, 8, 9, 31, 32, 33, 60, 100, 513, 1000, 4095, 4096, 4097, 5000, 65537, 262144, 300001, 1000003,
           16777249]


def values(n):
    return torch.tensor([((k * 7919 % 10007) / 1000.0 - 5.0) * SCALES[k % len(SCALES)] for k in range(n)],
                        dtype=torch.float64).to(torch.float32)


def finite_or_name(values):
    """JSON has no infinities or NaN: those are written as the strings "inf", "-inf" and "nan"."""
    return [v if math.isfinite(v) else str(v) for v in values]


def main():
    cases = []
    for n in LENGTHS:
        x = values(n)
        cases.append({"length": n, "sum": x.sum().item(), "mean": x.mean().item() if n else None})
    softmax = []
    for n in SOFTMAX_LENGTHS:
        x = torch.tensor([(k * 37 % 101) / 25.0 - 2.0 for k in range(3 * n)], dtype=torch.float64).to(torch.float32)
        softmax.append({"length": n, "values": x.view(3, n).softmax(-1).flatten().tolist(),
                        "log_values": x.view(3, n).log_softmax(-1).flatten().tolist()})
    dims = []
    for shape, dim in DIM_SUMS:
        n = 1
        for size in shape:
            n *= size
        x = values(n).view(shape)
        dims.append({"shape": shape, "dim": dim, "values": x.sum(dim).flatten().tolist()})
    x = torch.tensor(UNARY_EDGES + [(k * 7919 % 10007) / 1000.0 - 5.0 for k in range(2005)], dtype=torch.float64).to(torch.float32)
    unary = {"exp": finite_or_name(x.exp().tolist()), "sigmoid": finite_or_name(x.sigmoid().tolist()),
             "sin": finite_or_name(x.sin().tolist()), "log": finite_or_name(x.log().tolist()),
             "tanh": finite_or_name(x.tanh().tolist())}
    products = []
    for n, m, p in PRODUCT_SHAPES:
        a, b, w = values(n * m).view(n, m), values(m * p).view(m, p), values(p * m).view(p, m)
        products.append({"shape": [n, m, p],
                         "mm": torch.mm(a, b).flatten().tolist(),
                         "linear": torch.nn.functional.linear(a, w, values(p)).flatten().tolist(),
                         "mm_transposed_left": torch.mm(values(m * n).view(m, n).t(), b).flatten().tolist(),
                         "mv": torch.mv(a, values(m)).tolist(),
                         "dot": torch.dot(values(m), values(m + 3)[3:]).item()})
    gradients = []
    for rows, size in GRADIENT_SHAPES:
        n = rows * size
        g = values(n + 7)[7:].view(rows, size)
        x = values(n).view(rows, size).requires_grad_()
        torch.log_softmax(x, -1).backward(g)
        t = values(n).view(rows, size).requires_grad_()
        t.tanh().backward(g)
        gradients.append({"shape": [rows, size], "log_softmax": x.grad.flatten().tolist(), "tanh": t.grad.flatten().tolist()})
    nll = []
    for n in NLL_SIZES:
        x = values(n * 5).view(n, 5)
        target = torch.tensor([k * 7 % 5 for k in range(n)])
        target[3::11] = -100  # some samples ignored
        weight = values(5).abs() + 0.5
        nll.append({"n": n, "mean": torch.nn.functional.nll_loss(x, target).item(),
                    "sum": torch.nn.functional.nll_loss(x, target, reduction="sum").item(),
                    "weighted_mean": torch.nn.functional.nll_loss(x, target, weight=weight).item()})
    randn = []
    for seed, size in RANDN_CASES:
        torch.manual_seed(seed)
        randn.append({"seed": seed, "size": size, "values": torch.randn(size).tolist()})
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "float_bits.json")
    with open(path, "w") as f:
        json.dump({"torch": torch.__version__, "cases": cases, "softmax": softmax, "dims": dims, "unary": unary, "nll": nll, "randn": randn, "gradients": gradients,
                   "products": products}, f, indent=1, allow_nan=False)
        f.write("\n")


if __name__ == "__main__":
    main()
