#!/usr/bin/env python3
"""Writes randn.json: what PyTorch 1.13's seeded torch.randn gives, for sequences of calls after manual_seed.

Each case is a seed and a list of calls (size, dtype); for every call the values (exact) and the printed repr.
Run by hand with Debian's python3-torch:
    /usr/bin/python3 tests/GradRepl.Tensors.Tests/Data/generate_randn.py
"""
import json
import os
import torch

CASES = [
    (0, [(3, "float32"), (3, "float64")]),
    (0, [(5, "float32"), (5, "float32"), (1, "float64")]),
    (0, [(20, "float32")]),
    (1, [(16, "float32"), (17, "float64"), (2, "float32")]),
    (42, [(15, "float64"), (33, "float32")]),
    (1234, [(100, "float32"), (64, "float64"), (7, "float32")]),
    (7, [(1, "float32"), (1, "float32"), (31, "float64")]),
]

out = []
for seed, calls in CASES:
    torch.manual_seed(seed)
    results = []
    for size, dtype in calls:
        t = torch.randn(size, dtype=getattr(torch, dtype))
        results.append({"size": size, "dtype": dtype, "values": t.tolist(), "repr": repr(t)})
    out.append({"seed": seed, "calls": results})
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "randn.json")
with open(path, "w") as f:
    json.dump(out, f)
print(f"wrote {len(out)} cases to {path}")
