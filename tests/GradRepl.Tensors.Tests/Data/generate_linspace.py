#!/usr/bin/env python3
"""Writes linspace.json: PyTorch 1.13's exact linspace values (float32 and float64), element by element.

Run by hand with Debian's python3-torch:
    /usr/bin/python3 tests/GradRepl.Tensors.Tests/Data/generate_linspace.py
"""
import json
import os
import torch

CASES = [(-10, 10, 10), (-10, 10, 1000), (-3, 3, 100), (-1, 1, 7), (0, 1, 5), (-10, 10, 1001), (2, 5, 33),
         (0, 1, 16), (0, 1, 17), (-5, 5, 31), (1e-3, 1e3, 250), (0, 1, 1), (3, -3, 64), (-10, 10, 100)]

out = []
for start, end, steps in CASES:
    for dtype in ("float32", "float64"):
        values = torch.linspace(start, end, steps, dtype=getattr(torch, dtype)).tolist()
        out.append({"start": start, "end": end, "steps": steps, "dtype": dtype, "values": values})
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "linspace.json")
with open(path, "w") as f:
    json.dump(out, f)
print(f"wrote {len(out)} cases to {path}")
