#!/usr/bin/env bash
# The plotting benchmark, side by side with matplotlib (issue 3, "Performance").
#   bench/run-plotting.sh              # run both, print the ratio table, rewrite the Plotting section of bench/README.md
#   bench/run-plotting.sh --no-readme  # same, but leave bench/README.md alone
# Runs, one after the other: BenchmarkDotNet on bench/GradRepl.Bench.Plotting (Release, in-process short job,
# JSON exported to a temp dir), then bench/plotting_matplotlib.py under /usr/bin/python3 (Debian's
# python3-matplotlib; `python3` on PATH may lack it). Ratio = GradRepl time / matplotlib time (medians):
# the goal for saving the two-series PNG is <= 0.5 (issue 16); the 1,000,000-point render must take < 100 ms.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PY="${MPL_PYTHON:-/usr/bin/python3}"
WRITE_README=1
[[ "${1:-}" == "--no-readme" ]] && WRITE_README=0

OUT="$(mktemp -d "${TMPDIR:-/tmp}/gradrepl-bench-plotting.XXXXXX")"
echo "# artifacts: $OUT"
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"

echo "# [1/2] GradRepl.Plotting (BenchmarkDotNet)"
dotnet run -c Release --project bench/GradRepl.Bench.Plotting -- --filter '*' --artifacts "$OUT/bdn" \
  | tee "$OUT/bdn.log" | grep -E '^\|' || true
BDN_JSON="$(ls "$OUT"/bdn/results/*-report-full.json 2>/dev/null | head -n1 || true)"
if [[ -z "$BDN_JSON" ]]; then echo "BenchmarkDotNet produced no JSON report; see $OUT/bdn.log" >&2; exit 1; fi

echo "# [2/2] matplotlib ($PY)"
"$PY" bench/plotting_matplotlib.py 10 | tee "$OUT/mpl.jsonl"
LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)"

export BDN_JSON OUT LOAD_BEFORE LOAD_AFTER WRITE_README ROOT
export NPROC="$(nproc)"
export CPU_MODEL="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
export DOTNET_SDK="$(dotnet --version)"
export DOTNET_RUNTIME="$(grep -m1 -oE '\.NET [0-9][^,]*\([0-9.]+\)' "$OUT/bdn.log" || true)"

"$PY" - <<'PYEOF'
import datetime, json, os, re

bdn = json.load(open(os.environ["BDN_JSON"]))
cs = {}
for b in bdn["Benchmarks"]:
    name = (b.get("MethodTitle") or b["Method"]).strip("'\"")
    cs[name] = {"median": b["Statistics"]["Median"] / 1e6, "alloc": (b.get("Memory") or {}).get("BytesAllocatedPerOperation")}

meta, mpl = {}, {}
for line in open(os.path.join(os.environ["OUT"], "mpl.jsonl")):
    line = line.strip()
    if not line.startswith("{"):
        continue
    r = json.loads(line)
    if "meta" in r:
        meta = r["meta"]
    else:
        mpl[r["name"]] = r["median_ns"] / 1e6

rows = []
for name in sorted(cs):
    ours = cs[name]["median"]
    theirs = mpl.get(name)
    ratio = f"{ours / theirs:.3f}" if theirs else "-"
    speedup = f"{theirs / ours:.1f}x" if theirs else "-"
    goal = {"SavePng_TwoSeries1000": ("<= 0.5 x matplotlib", theirs is not None and ours <= theirs / 2),
            "SavePng_MillionPoints": ("< 100 ms", ours < 100),
            "GetPngBytes_MillionPoints": ("< 100 ms", ours < 100)}.get(name)
    goal_text = f"{goal[0]}: {'met' if goal[1] else 'NOT met'}" if goal else ""
    theirs_text = f"{theirs:.2f}" if theirs else "-"
    rows.append(f"| {name} | {ours:.2f} | {theirs_text} | {ratio} | {speedup} | {goal_text} |")

table = "\n".join([
    "| benchmark | GradRepl median (ms) | matplotlib median (ms) | ratio GradRepl/matplotlib | matplotlib time / GradRepl time | goal |",
    "|---|---:|---:|---:|---:|---|",
    *rows])
print()
print(table)

if os.environ["WRITE_README"] != "1":
    raise SystemExit(0)

section = f"""## Plotting

Side by side with matplotlib {meta.get('matplotlib', '?')} (Agg, numpy {meta.get('numpy', '?')}, Python {meta.get('python', '?')}):
each figure is built once, then saved as a 640x480 PNG again and again (matplotlib's `savefig` redraws the
figure each time, and so does `Figure.Save`, drawn by ScottPlot). Medians; ratio < 1 means GradRepl is faster.

{table}

- Machine: {os.environ['CPU_MODEL']}, {os.environ['NPROC']} cores; load average before {os.environ['LOAD_BEFORE']}, after {os.environ['LOAD_AFTER']}
  (other work was running on the machine; absolute times move with it, ratios less so).
- .NET SDK {os.environ['DOTNET_SDK']} {os.environ.get('DOTNET_RUNTIME', '')}; BenchmarkDotNet 0.14.0 short in-process job (3 warm-ups, 10 iterations);
  matplotlib: 3 warm-ups, 10 timed `savefig` calls.
- Commands: `bench/run-plotting.sh` (both sides), or separately
  `dotnet run -c Release --project bench/GradRepl.Bench.Plotting -- --filter '*'` and
  `/usr/bin/python3 bench/plotting_matplotlib.py`.
- Run on {datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%d %H:%M UTC')}.
"""

path = os.path.join(os.environ["ROOT"], "bench", "README.md")
text = open(path).read() if os.path.exists(path) else "# Benchmarks\n"
pattern = re.compile(r"^## Plotting\n.*?(?=^## |\Z)", re.S | re.M)
if pattern.search(text):
    text = pattern.sub(lambda _: section + "\n", text)
else:
    text = text.rstrip("\n") + "\n\n" + section
open(path, "w").write(text.rstrip("\n") + "\n")
print(f"\nwrote the Plotting section of {path}")
PYEOF
