#!/usr/bin/python3
"""The engine cases and the lessons' training loops (bench/training_pytorch.py), GradRepl and PyTorch 1.13
interleaved case by case (issues 14 and 15, "Performance").

On a shared machine the load moves by the minute, so the two sides are not run one after the other: this script
starts bench/GradRepl.Bench.Engine in --serve mode and, for each round and each case, times the case there and
then here in PyTorch (the order alternates between rounds), so both sides of a ratio see the same load.
Each side: median per call over --repeats batches of at least --min-time seconds (bench/engine_pytorch.py's
measure); GradRepl's process warms each case up for 3 s first (JIT tiers).

Output: JSON lines, a {"meta": ...} line, then one line per round and case:
  {"case": ..., "round": 0, "gradrepl_ns": ..., "gradrepl_min_ns": ..., "alloc_bytes": ..., "torch_ns": ...,
   "torch_min_ns": ..., "load": [1-min, 5-min, 15-min load average before the pair]}

  /usr/bin/python3 bench/engine_side_by_side.py --dll bench/GradRepl.Bench.Engine/bin/Release/net10.0/GradRepl.Bench.Engine.dll
"""
import argparse
import json
import os
import platform
import statistics
import subprocess
import sys

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from engine_pytorch import make_cases, measure  # noqa: E402
from training_pytorch import make_training_cases  # noqa: E402


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--dll", required=True, help="the built GradRepl.Bench.Engine.dll")
    p.add_argument("--rounds", type=int, default=5)
    p.add_argument("--repeats", type=int, default=5)
    p.add_argument("--min-time", type=float, default=0.1, help="seconds per batch, at least")
    p.add_argument("--filter", default="", help="only cases whose name contains this")
    args = p.parse_args()

    server = subprocess.Popen(["dotnet", args.dll, "--serve"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    ready = json.loads(server.stdout.readline())["ready"]
    cases = [fn for fn in make_cases() + make_training_cases() if args.filter in fn.__name__]
    missing = [fn.__name__ for fn in cases if fn.__name__ not in ready]
    if missing:
        sys.exit(f"GradRepl.Bench.Engine has no case {missing}")
    print(json.dumps({"meta": {
        "torch": torch.__version__, "python": platform.python_version(), "threads": torch.get_num_threads(),
        "interop_threads": torch.get_num_interop_threads(), "rounds": args.rounds, "repeats": args.repeats,
        "min_time": args.min_time,
    }}), flush=True)

    def gradrepl(name):
        server.stdin.write(f"{name} {args.repeats} {args.min_time}\n")
        server.stdin.flush()
        answer = json.loads(server.stdout.readline())
        if "error" in answer:
            sys.exit(answer["error"])
        return answer

    def pytorch(fn):
        _, times = measure(fn, args.repeats, args.min_time)
        return statistics.median(times) * 1e9, min(times) * 1e9

    try:
        for r in range(args.rounds):
            for fn in cases:
                load = list(os.getloadavg())
                if r % 2 == 0:
                    g = gradrepl(fn.__name__)
                    t, tmin = pytorch(fn)
                else:
                    t, tmin = pytorch(fn)
                    g = gradrepl(fn.__name__)
                print(json.dumps({
                    "case": fn.__name__, "round": r, "gradrepl_ns": g["median_ns"], "gradrepl_min_ns": g["min_ns"],
                    "alloc_bytes": g["alloc_bytes"], "torch_ns": t, "torch_min_ns": tmin, "load": load,
                }), flush=True)
    finally:
        server.stdin.close()
        server.wait(timeout=60)


if __name__ == "__main__":
    sys.exit(main())
