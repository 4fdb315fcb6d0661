#!/usr/bin/python3
"""The engine benchmark's cases in PyTorch 1.13 (issue 2 and issue 14, "Performance").

Same work as bench/GradRepl.Bench.Engine (EngineBench): leaves are made once, every call clears
x.grad first so each backward writes a fresh gradient.  Timing: timeit with an auto-chosen number of
calls per repeat (>= ~0.2 s), median over repeats, reported per call.

Run with the system python that has torch 1.13:  /usr/bin/python3 bench/engine_pytorch.py [--threads N ...]
Output: one JSON object per line (machine readable), e.g.
  {"case": "a_scalar_poly_backward", "threads": 1, "median_ns": 23456.7, "min_ns": ..., "repeats": 7, "number": 10000}
plus a leading {"meta": ...} line with versions and thread counts.
"""
import argparse
import json
import platform
import statistics
import sys
import timeit

import torch

from training_pytorch import make_training_cases


def make_cases():
    torch.manual_seed(0)
    scalar = torch.tensor(2.0, requires_grad=True)
    big = torch.rand(1_000_000, requires_grad=True)
    line = torch.linspace(-10, 10, 1000)

    def a_scalar_poly_backward():
        x = scalar
        x.grad = None
        y = x.pow(2) + 2 * x + 1
        y.backward()
        return x.grad

    def b_relu_sum_backward_1e6():
        x = big
        x.grad = None
        s = torch.nn.functional.relu(x).sum()
        s.backward()
        return x.grad

    def c_poly_sum_backward_1e6():
        x = big
        x.grad = None
        s = (x.pow(2) + 2 * x + 1).sum()
        s.backward()
        return x.grad

    def d_repr_linspace_1000():
        return repr(line)

    # (e) The course's hand-written training step (labs "Linear Regression 1D: Training Two Parameters"):
    # 60 points, slicing, .data updates and in-place zero_ of the gradients.
    X = torch.arange(-3, 3, 0.1).view(-1, 1)
    Y = -3 * X + 0.1 * torch.randn(X.size())
    w = torch.tensor(-15.0, requires_grad=True)
    b = torch.tensor(-10.0, requires_grad=True)
    lr = 0.1

    def e1_train_batch_100_epochs():
        w.data.fill_(-15.0)
        b.data.fill_(-10.0)
        for _ in range(100):
            yhat = w * X + b
            loss = torch.mean((yhat - Y) ** 2)
            loss.backward()
            w.data = w.data - lr * w.grad.data
            w.grad.data.zero_()
            b.data = b.data - lr * b.grad.data
            b.grad.data.zero_()
        return loss

    def e2_train_sgd_per_sample_10_epochs():
        w.data.fill_(-15.0)
        b.data.fill_(-10.0)
        for _ in range(10):
            for i in range(len(X)):
                x, y = X[i], Y[i]
                yhat = w * x + b
                loss = (yhat - y) ** 2
                loss.backward()
                w.data = w.data - 0.01 * w.grad.data
                w.grad.data.zero_()
                b.data = b.data - 0.01 * b.grad.data
                b.grad.data.zero_()
        return loss

    # (f) A two-layer perceptron (784-100-10) on a 100x784 float32 batch: forward, cross-entropy, backward.
    images = torch.randn(100, 784)
    labels = torch.randint(0, 10, (100,))
    w1 = (torch.randn(784, 100) * 0.05).requires_grad_()
    b1 = torch.zeros(100, requires_grad=True)
    w2 = (torch.randn(100, 10) * 0.1).requires_grad_()
    b2 = torch.zeros(10, requires_grad=True)

    def f_mlp_784_100_10_backward():
        for p in (w1, b1, w2, b2):
            p.grad = None
        hidden = torch.relu(images @ w1 + b1)
        loss = torch.nn.functional.cross_entropy(hidden @ w2 + b2, labels)
        loss.backward()
        return loss

    return [a_scalar_poly_backward, b_relu_sum_backward_1e6, c_poly_sum_backward_1e6, d_repr_linspace_1000,
            e1_train_batch_100_epochs, e2_train_sgd_per_sample_10_epochs, f_mlp_784_100_10_backward]


def measure(fn, repeats, min_time):
    for _ in range(3):  # warm-up
        fn()
    timer = timeit.Timer(fn)
    number, _ = timer.autorange()  # smallest 1/2/5*10^k with >= 0.2 s per repeat
    while True:
        t = timer.timeit(number)
        if t >= min_time:
            break
        number *= 2
    times = [timer.timeit(number) / number for _ in range(repeats)]
    return number, times


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--threads", type=int, nargs="*", default=None,
                   help="thread counts to run with (default: torch's default, then 1)")
    p.add_argument("--repeats", type=int, default=7)
    p.add_argument("--min-time", type=float, default=0.2, help="seconds per repeat, at least")
    p.add_argument("--filter", default="", help="only cases whose name contains this")
    args = p.parse_args()

    default_threads = torch.get_num_threads()
    threads = args.threads if args.threads else sorted({default_threads, 1}, reverse=True)
    print(json.dumps({"meta": {
        "torch": torch.__version__, "python": platform.python_version(),
        "default_threads": default_threads, "interop_threads": torch.get_num_interop_threads(),
        "parallel_backend": "OpenMP" if "OpenMP" in torch.__config__.parallel_info() else "other",
    }}), flush=True)
    for n in threads:
        torch.set_num_threads(n)
        for fn in make_cases() + make_training_cases():
            if args.filter not in fn.__name__:
                continue
            number, times = measure(fn, args.repeats, args.min_time)
            print(json.dumps({
                "case": fn.__name__, "threads": n,
                "median_ns": statistics.median(times) * 1e9, "min_ns": min(times) * 1e9,
                "repeats": args.repeats, "number": number,
            }), flush=True)
    torch.set_num_threads(default_threads)


if __name__ == "__main__":
    sys.exit(main())
