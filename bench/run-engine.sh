#!/usr/bin/env bash
# The engine benchmark, side by side with PyTorch 1.13 (issue 2, "Performance").
#   bench/run-engine.sh            # run both, print the ratio table, rewrite the Engine section of bench/README.md
#   bench/run-engine.sh --no-readme  # same, but leave bench/README.md alone
# Runs, one after the other (never concurrently): BenchmarkDotNet on bench/GradRepl.Bench.Engine (Release,
# in-process short job, JSON/CSV exported to a temp dir), then bench/engine_pytorch.py under /usr/bin/python3
# (the python with torch 1.13; `python3` on PATH may lack torch). Ratio = PyTorch time / GradRepl time
# (medians), so > 1 means GradRepl is faster.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PY="${TORCH_PYTHON:-/usr/bin/python3}"
WRITE_README=1
[[ "${1:-}" == "--no-readme" ]] && WRITE_README=0

# Before each side, wait (up to BENCH_WAIT_IDLE seconds, default 30) for the 1-minute load average to fall
# below the core count, so that the two sides see similar machines. Set BENCH_WAIT_IDLE=0 to skip.
wait_idle() {
  local limit="${BENCH_WAIT_IDLE:-30}" waited=0 cores; cores="$(nproc)"
  while (( waited < limit )) && awk -v l="$(cut -d' ' -f1 /proc/loadavg)" -v c="$cores" 'BEGIN{exit !(l >= c)}'; do
    sleep 10; waited=$((waited + 10))
  done
  echo "# load average: $(cut -d' ' -f1-3 /proc/loadavg) (waited ${waited}s)"
}

OUT="$(mktemp -d "${TMPDIR:-/tmp}/gradrepl-bench-engine.XXXXXX")"
echo "# artifacts: $OUT"

echo "# [1/2] GradRepl (BenchmarkDotNet)"
dotnet build -c Release bench/GradRepl.Bench.Engine -v q -nologo > "$OUT/build.log" 2>&1 || { cat "$OUT/build.log" >&2; exit 1; }
wait_idle
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
dotnet run -c Release --no-build --project bench/GradRepl.Bench.Engine -- --filter '*' --artifacts "$OUT/bdn" \
  | tee "$OUT/bdn.log" | grep -E '^\|' || true
BDN_JSON="$(ls "$OUT"/bdn/results/*-report-full.json 2>/dev/null | head -n1 || true)"
if [[ -z "$BDN_JSON" ]]; then echo "BenchmarkDotNet produced no JSON report; see $OUT/bdn.log" >&2; exit 1; fi
LOAD_MID="$(cut -d' ' -f1-3 /proc/loadavg)"

echo "# [2/2] PyTorch ($PY)"
wait_idle
NPROC="$(nproc)"
DEFAULT_THREADS="$("$PY" -c 'import torch; print(torch.get_num_threads())')"
# torch's default thread count first, then 1 thread, then one per core (deduplicated, order kept).
THREADS="$(printf '%s\n' "$DEFAULT_THREADS" 1 "$NPROC" | awk '!seen[$0]++' | tr '\n' ' ')"
"$PY" bench/engine_pytorch.py --threads $THREADS --repeats 9 | tee "$OUT/torch.jsonl"
LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)"

export BDN_JSON OUT NPROC LOAD_BEFORE LOAD_MID LOAD_AFTER WRITE_README ROOT
export CPU_MODEL="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
export DOTNET_SDK="$(dotnet --version)"
export DOTNET_RUNTIME="$(grep -m1 -oE '\.NET [0-9][^,]*\([0-9.]+\)' "$OUT/bdn.log" || dotnet --list-runtimes | grep NETCore.App | tail -n1)"
export HOST_INFO="$(grep -m1 -E '^\s*\[Host\]' "$OUT/bdn.log" | sed 's/^ *//' || true)"

"$PY" - <<'PYEOF'
import json, os, re, datetime, statistics

bdn = json.load(open(os.environ["BDN_JSON"]))
cs = {}
for b in bdn["Benchmarks"]:
    name = b.get("MethodTitle") or b["Method"]
    name = name.strip("'\"")
    st = b["Statistics"]
    mem = b.get("Memory") or {}
    cs[name] = {"median_ns": st["Median"], "min_ns": st["Min"], "mean_ns": st["Mean"], "sd_ns": st["StandardDeviation"],
                "alloc": mem.get("BytesAllocatedPerOperation"), "gen2": mem.get("Gen2Collections")}

meta, torch, torch_min = {}, {}, {}
for line in open(os.path.join(os.environ["OUT"], "torch.jsonl")):
    line = line.strip()
    if not line.startswith("{"): continue
    r = json.loads(line)
    if "meta" in r: meta = r["meta"]; continue
    torch[(r["case"], r["threads"])] = r["median_ns"]
    torch_min[(r["case"], r["threads"])] = r["min_ns"]

default_t = meta.get("default_threads", 1)
nproc = int(os.environ["NPROC"])
threads = sorted({t for (_, t) in torch}, key=lambda t: (t != default_t, t))

cases = [
    ("a_scalar_poly_backward", "(a) scalar x²+2x+1, backward", 10.0, "≥ 10× faster"),
    ("b_relu_sum_backward_1e6", "(b) 1e6 relu + sum + backward", 1.0, "no slower (≥ 1×)"),
    ("c_poly_sum_backward_1e6", "(c) 1e6 x²+2x+1 + sum + backward", 1.0, "no slower (≥ 1×)"),
    ("d_repr_linspace_1000", "(d) repr of linspace(-10,10,1000) f32", None, "report"),
]

def fmt(ns):
    if ns is None: return "—"
    if ns >= 1e6: return f"{ns/1e6:.2f} ms"
    if ns >= 1e3: return f"{ns/1e3:.2f} µs"
    return f"{ns:.0f} ns"

def kb(b):
    return "—" if b is None else (f"{b/1024/1024:.1f} MB" if b >= 1024*1024 else f"{b/1024:.1f} KB")

others = threads[1:]
hdr = (["case", "GradRepl median (min)", "GradRepl alloc/op", f"PyTorch {default_t}T default, median (min)"]
       + [f"PyTorch {t}T median" for t in others]
       + [f"ratio vs {default_t}T (medians)", f"ratio vs {default_t}T (minima)"]
       + [f"ratio vs {t}T (medians)" for t in others] + ["goal", "met?"])
rows = []
def ratio(p, g): return (p / g) if (p and g) else None
def rx(r): return "—" if r is None else f"{r:.2f}×"
for key, label, goal, goal_text in cases:
    c = cs.get(key, {})
    g, gmin = c.get("median_ns"), c.get("min_ns")
    p0, p0min = torch.get((key, default_t)), torch_min.get((key, default_t))
    r0, r0min = ratio(p0, g), ratio(p0min, gmin)
    if goal is None: met = "—"
    elif r0 is None: met = "n/a"
    else: met = "yes" if r0 >= goal else "**no**"
    rows.append([label, f"{fmt(g)} ({fmt(gmin)})", kb(c.get("alloc")), f"{fmt(p0)} ({fmt(p0min)})"]
                + [fmt(torch.get((key, t))) for t in others]
                + [rx(r0), rx(r0min)] + [rx(ratio(torch.get((key, t)), g)) for t in others] + [goal_text, met])

def table(h, rs):
    out = ["| " + " | ".join(h) + " |", "|" + "|".join("---" for _ in h) + "|"]
    out += ["| " + " | ".join(r) + " |" for r in rs]
    return "\n".join(out)

tbl = table(hdr, rows)
print()
print("Ratio = PyTorch median / GradRepl median (> 1: GradRepl faster); the goal is judged against PyTorch's default thread count (%d)." % default_t)
print(tbl)

if os.environ["WRITE_README"] != "1":
    raise SystemExit(0)

loads = (os.environ["LOAD_BEFORE"], os.environ["LOAD_MID"], os.environ["LOAD_AFTER"])
peak = max(float(l.split()[0]) for l in loads)
caveat = ""
if peak > nproc * 0.75:
    caveat = (f"\n> **Caveat:** the machine was busy while this ran (1-minute load average {loads[0].split()[0]} before, "
              f"{loads[1].split()[0]} between, {loads[2].split()[0]} after, on {nproc} cores), so absolute times are noisy "
              "and multi-threaded PyTorch suffers most (OpenMP threads spin while waiting for a core). "
              "Re-run on an idle machine for clean numbers.\n")

section = f"""<!-- engine:start -->
## Engine

Side by side: the tensor engine (`src/GradRepl.Tensors`) against PyTorch {meta.get('torch','?')} on the same machine,
the four cases of issue 2 ("Performance"). Generated by `bench/run-engine.sh` on {datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%d %H:%M UTC')}.

**Machine:** {os.environ['CPU_MODEL']}, `nproc` = {nproc}; .NET SDK {os.environ['DOTNET_SDK']}, runtime {os.environ['DOTNET_RUNTIME']}
(`{os.environ['HOST_INFO']}`); PyTorch {meta.get('torch','?')} on Python {meta.get('python','?')}
(`{meta.get('parallel_backend','?')}`, default `torch.get_num_threads()` = {default_t}, interop threads = {meta.get('interop_threads','?')}).
GradRepl is single-threaded. Load average (1/5/15 min): before `{loads[0]}`, between the two runs `{loads[1]}`, after `{loads[2]}`.
{caveat}
**Ratio = PyTorch time / GradRepl time** (> 1 means GradRepl is faster). "met?" is judged on the ratio of medians against
PyTorch at its default thread count ({default_t}). The ratio of minima (best iteration / best repeat on each side) is less
sensitive to other load on the machine; the other thread-count columns are for fairness (at 1 thread both are single-threaded).

{tbl}

**What each case does** (identical in both; the leaf is made once and `x.grad` is cleared before every call, so each backward
allocates and writes a fresh gradient):
- (a) `x = tensor(2.0, requires_grad)`; `y = x.pow(2) + 2*x + 1; y.backward()`.
- (b) `x = rand(1e6, requires_grad)`; `relu(x).sum().backward()`.
- (c) `x = rand(1e6, requires_grad)`; `(x.pow(2) + 2*x + 1).sum().backward()`.
- (d) `repr` / `ToString()` of `linspace(-10, 10, 1000)` (float32; 1000 elements, so not summarised).

**How it is measured.** GradRepl: BenchmarkDotNet 0.14.0, in-process job, 3 warm-ups + 15 measured iterations, 1 launch,
median per operation, `MemoryDiagnoser` on (column "alloc/op"). PyTorch: `timeit` with an auto-ranged call count
(≥ 0.2 s per repeat), 9 repeats, median per call, after 3 warm-up calls; run once per thread count
(`torch.set_num_threads`).

**Reproduce:**
```sh
bench/run-engine.sh                       # both, ratio table, rewrites this section
bench/run-engine.sh --no-readme           # both, table only
dotnet run -c Release --project bench/GradRepl.Bench.Engine -- --filter '*'      # GradRepl only
/usr/bin/python3 bench/engine_pytorch.py --threads 1 2                          # PyTorch only (JSON lines)
```
<!-- engine:end -->"""

path = os.path.join(os.environ["ROOT"], "bench", "README.md")
text = open(path, encoding="utf-8").read() if os.path.exists(path) else "# Benchmarks\n"
pat = re.compile(r"<!-- engine:start -->.*?<!-- engine:end -->", re.S)
if pat.search(text):
    text = pat.sub(lambda _: section, text, count=1)
else:
    text = text.rstrip("\n") + "\n\n" + section + "\n"
tmp = path + ".tmp"
with open(tmp, "w", encoding="utf-8") as f: f.write(text)
os.replace(tmp, path)
print(f"\nwrote the Engine section of {path}")
PYEOF
