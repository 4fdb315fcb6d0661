#!/usr/bin/env python3
"""matplotlib side of the plotting benchmark (bench/run-plotting.sh).

Does what bench/GradRepl.Bench.Plotting does: builds each figure once, then times fig.savefig to a
640x480 PNG (figsize 6.4x4.8 in at 100 dpi, Agg), which redraws the figure every time.
Prints one JSON object per benchmark: {"name", "median_ns", "mean_ns", "runs"}, plus a meta line.
"""
import json
import os
import statistics
import sys
import tempfile
import time

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402


def two_series():
    x = np.linspace(-10, 10, 1000)
    fig = plt.figure(figsize=(6.4, 4.8), dpi=100)
    plt.plot(x, np.sin(x), label="function")
    plt.plot(x, np.cos(x), label="derivative")
    plt.xlabel("x")
    plt.legend()
    return fig


def million():
    n = 1_000_000
    # the same deterministic noise as the C# side (an LCG)
    state = np.empty(n, dtype=np.uint64)
    s = 12345
    a, c = 1664525, 1013904223
    # vectorised LCG is awkward; 1M python steps take ~0.3 s once, outside the timing
    for i in range(n):
        s = (s * a + c) & 0xFFFFFFFF
        state[i] = s
    xs = np.arange(n) * 1e-5
    ys = np.sin(xs) + (state >> 8) * (0.1 / (1 << 24))
    fig = plt.figure(figsize=(6.4, 4.8), dpi=100)
    plt.plot(xs, ys)
    return fig


def measure(fig, path, warmup=3, runs=10):
    for _ in range(warmup):
        fig.savefig(path)
    times = []
    for _ in range(runs):
        t0 = time.perf_counter_ns()
        fig.savefig(path)
        times.append(time.perf_counter_ns() - t0)
    return times


def serve(path):
    """One savefig per line on stdin (a benchmark name), answering with its time in ns (bench/plotting_interleaved.py)."""
    figures = {"SavePng_TwoSeries1000": two_series(), "SavePng_MillionPoints": million()}
    print("ready", flush=True)
    for line in sys.stdin:
        name = line.strip()
        if name not in figures:
            print(f"error unknown benchmark {name}", flush=True)
            continue
        t0 = time.perf_counter_ns()
        figures[name].savefig(path)
        print(time.perf_counter_ns() - t0, flush=True)


def main():
    if sys.argv[1:] == ["--serve"]:
        with tempfile.TemporaryDirectory() as d:
            serve(os.path.join(d, "bench.png"))
        return
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    print(json.dumps({"meta": {"matplotlib": matplotlib.__version__, "numpy": np.__version__,
                               "python": sys.version.split()[0], "backend": matplotlib.get_backend()}}))
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "bench.png")
        for name, build in (("SavePng_TwoSeries1000", two_series), ("SavePng_MillionPoints", million)):
            fig = build()
            times = measure(fig, path, runs=runs)
            plt.close(fig)
            print(json.dumps({"name": name, "median_ns": statistics.median(times),
                              "mean_ns": statistics.mean(times), "runs": len(times)}), flush=True)


if __name__ == "__main__":
    main()
