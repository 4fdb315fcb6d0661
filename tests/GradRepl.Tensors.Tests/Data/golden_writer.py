"""The writer the golden-case generators share (generate_autograd.py, generate_ops.py, generate_views.py).

A case is (python program, input names, C# spelling or None when mechanical, kind). The writer makes the named
inputs fresh, runs the program under PyTorch and records, by kind: "grad" (what PyTorch prints for the result,
its grad_fn's name, each input's .grad after backward with a gradient of ones), "value" and "approx" (the same
without backward; "approx" is compared to 1e-6 relative by the C# side), "text" (a string) or "error" (the
exception's type and first line). "skip" cases are not written.
"""
import json
import os

import torch


def to_csharp(expr):
    """C# spelling of a Python expression where the difference is mechanical."""
    for name in ("float", "double", "long", "bool"):
        expr = expr.replace(f".{name}()", f".@{name}()")
    return expr.replace("F.", "torch.nn.functional.")


def make_input(spec, clone=False):
    dtype = getattr(torch, spec["dtype"])
    t = torch.tensor(spec["values"], dtype=dtype).reshape(spec["shape"])
    if clone:
        # A tensor of its own rather than a view of the flat one (the C# side makes it the same way).
        t = t.clone()
    if spec["requires_grad"]:
        t.requires_grad_(True)
    return t


def evaluate(program, env):
    """The value of a one-expression program."""
    return eval(program, env)


def run_statements(program, env):
    """Runs the program's statements (separated by newlines or "; "), then returns the value of its last part,
    or None when that is a statement."""
    *body, last = program.split("\n")
    parts = last.split("; ")
    body += parts[:-1]
    exec("\n".join(body), env)
    try:
        return eval(parts[-1], env)
    except SyntaxError:
        exec(parts[-1], env)
        return None


def write(filename, cases, inputs, helpers, run=evaluate, clone_inputs=False, record_values=True):
    """Runs every case and writes them, with the torch version, to filename beside this script.

    helpers: the names the programs may call (the C# harness has the same ones)."""
    out = []
    for index, (program, names, cs, kind) in enumerate(cases):
        if kind == "skip":
            continue
        env = {"torch": torch, "F": torch.nn.functional}
        env.update(helpers)
        tensors = {name: make_input(inputs[name], clone_inputs) for name in names}
        env.update(tensors)
        case = {"id": f"{index:03d}_{program}", "expr": program, "cs": cs or to_csharp(program), "kind": kind,
                "inputs": [dict(name=n, **inputs[n]) for n in names]}
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
        if record_values:
            case["values"] = [float(v) for v in result.detach().reshape(-1).tolist()]
        case["grad_fn"] = None if result.grad_fn is None else type(result.grad_fn).__name__
        if kind in ("grad", "approx") and result.grad_fn is not None:
            result.backward(torch.ones_like(result))
        case["grads"] = {n: (None if t.grad is None else repr(t.grad)) for n, t in tensors.items() if t.requires_grad}
        out.append(case)
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), filename)
    with open(path, "w") as f:
        json.dump({"torch_version": torch.__version__, "cases": out}, f, indent=1)
    print(f"wrote {len(out)} cases to {path}")


def helpers_of(namespace):
    """The public functions of a generator module's globals, to hand to write()."""
    return {k: v for k, v in namespace.items() if callable(v) and not k.startswith("_")}
