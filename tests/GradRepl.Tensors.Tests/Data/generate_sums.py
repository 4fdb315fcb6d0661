#!/usr/bin/env python3
"""Writes sums.json: PyTorch 1.13's float32 sum and mean of runs of every length class its CPU kernel treats
differently (under 8, whole rows of 32, the cascade's carries, long runs), sums along inner and outer dimensions, and softmax along the last dimension
(rows shorter and longer than its eight lanes), as ReductionTests checks them.

Run by hand on a machine with Debian's python3-torch (PyTorch 1.13, AVX2 kernels):
    /usr/bin/python3 tests/GradRepl.Tensors.Tests/Data/generate_sums.py

The values are computed the same way in C#: value(k) = float32((k * 7919 % 10007) / 1000.0 - 5.0) * scale, scale
cycling through SCALES, so that the order of the additions shows in the rounding; softmax rows are
float32((k * 37 % 101) / 25.0 - 2.0).
"""
import json
import os

import torch

SCALES = [1e-4, 1e-2, 1.0, 1e2, 1e4]
# Sums along dimensions: innermost (rows), outermost (columns: groups of 32, 8, 4 and single ones), all of them.
DIM_SUMS = [([60, 1], [0, 1]), ([3, 5], [1]), ([4, 37], [1]), ([2, 3, 40], [2]), ([2, 3, 40], [1, 2]),
            ([300, 1], [0]), ([300, 3], [0]), ([300, 6], [0]), ([300, 7], [0]), ([100, 45], [0]), ([50, 80], [0]),
            ([20, 9, 3], [0]), ([600, 5], [0]), ([5, 4, 3], [0, 1, 2])]
SOFTMAX_LENGTHS = [1, 2, 3, 7, 8, 9, 15, 16, 17, 40]
LENGTHS = [0, 1, 3, 4, 5, 7, 8, 9, 31, 32, 33, 60, 100, 513, 1000, 4095, 4096, 4097, 5000, 65537, 300001]


def values(n):
    return torch.tensor([((k * 7919 % 10007) / 1000.0 - 5.0) * SCALES[k % len(SCALES)] for k in range(n)],
                        dtype=torch.float64).to(torch.float32)


def main():
    cases = []
    for n in LENGTHS:
        x = values(n)
        cases.append({"length": n, "sum": x.sum().item(), "mean": x.mean().item() if n else None})
    softmax = []
    for n in SOFTMAX_LENGTHS:
        x = torch.tensor([(k * 37 % 101) / 25.0 - 2.0 for k in range(3 * n)], dtype=torch.float64).to(torch.float32)
        softmax.append({"length": n, "values": x.view(3, n).softmax(-1).flatten().tolist()})
    dims = []
    for shape, dim in DIM_SUMS:
        n = 1
        for size in shape:
            n *= size
        x = values(n).view(shape)
        dims.append({"shape": shape, "dim": dim, "values": x.sum(dim).flatten().tolist()})
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "sums.json")
    with open(path, "w") as f:
        json.dump({"torch": torch.__version__, "cases": cases, "softmax": softmax, "dims": dims}, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
