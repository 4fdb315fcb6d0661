#!/usr/bin/env python3
"""The plotting benchmark interleaved: GradRepl and matplotlib take turns, one call each, so both see the same load.

Starts bench/GradRepl.Bench.Plotting --serve (built Release) and bench/plotting_matplotlib.py --serve, builds each
side's figures once, then for every round asks each side (in alternating order) to save each figure once as a
640x480 PNG, timing it in-process. Warm-up rounds first. Prints one JSON line per benchmark with both medians, the
ratio and the load average (1 min) before and after, then a table.
  /usr/bin/python3 bench/plotting_interleaved.py [ROUNDS] [--json OUT]
"""
import json
import os
import statistics
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SIDE_BY_SIDE = ["SavePng_TwoSeries1000", "SavePng_MillionPoints"]
GRADREPL_ONLY = ["GetPngBytes_MillionPoints", "GetSvgXml_TwoSeries1000", "RenderTerminal_TwoSeries1000"]
WARMUP = 3


def start(cmd):
    p = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=ROOT)
    line = p.stdout.readline().strip()
    if line != "ready":
        raise SystemExit(f"{cmd[0]} did not start: {line!r}")
    return p


def ask(p, name):
    p.stdin.write(name + "\n")
    p.stdin.flush()
    answer = p.stdout.readline().strip()
    if not answer.isdigit():
        raise SystemExit(f"benchmark {name}: {answer!r}")
    return int(answer) / 1e6


def load():
    return float(open("/proc/loadavg").read().split()[0])


def main():
    args = sys.argv[1:]
    out = None
    if "--json" in args:
        i = args.index("--json")
        out = args[i + 1]
        del args[i:i + 2]
    rounds = int(args[0]) if args else 15
    dll = os.path.join(ROOT, "bench/GradRepl.Bench.Plotting/bin/Release/net10.0/GradRepl.Bench.Plotting.dll")
    ours = start(["dotnet", dll, "--serve"])
    theirs = start([os.environ.get("MPL_PYTHON", "/usr/bin/python3"), "bench/plotting_matplotlib.py", "--serve"])
    times = {name: ([], []) for name in SIDE_BY_SIDE + GRADREPL_ONLY}
    loads = {name: [] for name in times}
    for r in range(WARMUP + rounds):
        for name in SIDE_BY_SIDE + GRADREPL_ONLY:
            before = load()
            sides = [(0, ours)] + ([(1, theirs)] if name in SIDE_BY_SIDE else [])
            if r % 2:
                sides.reverse()
            for k, p in sides:
                t = ask(p, name)
                if r >= WARMUP:
                    times[name][k].append(t)
            if r >= WARMUP:
                loads[name].append(before)
    for p in (ours, theirs):
        p.stdin.close()
        p.wait()
    results = []
    for name, (a, b) in times.items():
        row = {"name": name, "gradrepl_ms": statistics.median(a), "gradrepl_min_ms": min(a), "runs": len(a),
               "load_min": min(loads[name]), "load_max": max(loads[name])}
        if b:
            row.update(matplotlib_ms=statistics.median(b), matplotlib_min_ms=min(b),
                       ratio=statistics.median(a) / statistics.median(b))
        results.append(row)
        print(json.dumps(row), flush=True)
    if out:
        json.dump(results, open(out, "w"), indent=1)
    print()
    print("| benchmark | GradRepl median (min) ms | matplotlib median (min) ms | ratio GradRepl/matplotlib | load (1 min) |")
    print("|---|---:|---:|---:|---|")
    for row in results:
        mpl = f"{row['matplotlib_ms']:.2f} ({row['matplotlib_min_ms']:.2f})" if "ratio" in row else "-"
        ratio = f"{row['ratio']:.2f}" if "ratio" in row else "-"
        print(f"| {row['name']} | {row['gradrepl_ms']:.2f} ({row['gradrepl_min_ms']:.2f}) | {mpl} | {ratio} | "
              f"{row['load_min']:.1f}-{row['load_max']:.1f} |")


if __name__ == "__main__":
    main()
