#!/usr/bin/env bash
# The engine benchmark, side by side with PyTorch 1.13 (issues 2 and 14, "Performance"), and the lessons'
# training loops (issue 15, "Tests and performance": bench/GradRepl.Bench.Engine/TrainingBench.cs, bench/training_pytorch.py).
#   bench/run-engine.sh              # run both, print the ratio table, rewrite the Engine section of bench/README.md
#   bench/run-engine.sh --no-readme  # same, but leave bench/README.md alone
# Environment: BENCH_ROUNDS (default 5), BENCH_REPEATS (5), BENCH_MIN_TIME (0.1 s per batch), BENCH_FILTER (case name part).
# The two sides are interleaved case by case (bench/engine_side_by_side.py drives bench/GradRepl.Bench.Engine in
# --serve mode and times PyTorch in between), so each ratio compares two timings made under the same load; the table
# gives medians over the rounds. Ratio = PyTorch time / GradRepl time, so > 1 means GradRepl is faster.
# The BenchmarkDotNet run of the same cases (GradRepl alone, with allocations):
#   dotnet run -c Release --project bench/GradRepl.Bench.Engine -- --filter '*'
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PY="${TORCH_PYTHON:-/usr/bin/python3}"
WRITE_README=1
[[ "${1:-}" == "--no-readme" ]] && WRITE_README=0

OUT="$(mktemp -d "${TMPDIR:-/tmp}/gradrepl-bench-engine.XXXXXX")"
echo "# artifacts: $OUT"
dotnet build -c Release bench/GradRepl.Bench.Engine -v q -nologo > "$OUT/build.log" 2>&1 || { cat "$OUT/build.log" >&2; exit 1; }
DLL="bench/GradRepl.Bench.Engine/bin/Release/net10.0/GradRepl.Bench.Engine.dll"

LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
"$PY" bench/engine_side_by_side.py --dll "$DLL" --rounds "${BENCH_ROUNDS:-5}" --repeats "${BENCH_REPEATS:-5}" \
  --min-time "${BENCH_MIN_TIME:-0.1}" --filter "${BENCH_FILTER:-}" | tee "$OUT/side-by-side.jsonl"
LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)"

export OUT LOAD_BEFORE LOAD_AFTER WRITE_README ROOT
export NPROC="$(nproc)"
export CPU_MODEL="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
export DOTNET_SDK="$(dotnet --version)"
export DOTNET_RUNTIME="$(dotnet --list-runtimes | grep NETCore.App | tail -n1 | cut -d' ' -f1-2)"

"$PY" - <<'PYEOF'
import json, os, re, datetime, statistics

meta, rows = {}, {}
for line in open(os.path.join(os.environ["OUT"], "side-by-side.jsonl")):
    if not line.startswith("{"): continue
    r = json.loads(line)
    if "meta" in r: meta = r["meta"]; continue
    rows.setdefault(r["case"], []).append(r)

HALF = "≤ 0.5× PyTorch's time (≥ 2×)"

# (key, label, goal as a minimum of PyTorch time / GradRepl time, goal text)
cases = [
    ("a_scalar_poly_backward", "(a) scalar x²+2x+1, backward", 10.0, "≥ 10× faster"),
    ("b_relu_sum_backward_1e6", "(b) 1e6 relu + sum + backward", 1.0, "no slower (≥ 1×)"),
    ("c_poly_sum_backward_1e6", "(c) 1e6 x²+2x+1 + sum + backward", 1.0, "no slower (≥ 1×)"),
    ("d_repr_linspace_1000", "(d) repr of linspace(-10,10,1000) f32", None, "report"),
    ("e1_train_batch_100_epochs", "(e) training step, 60 points, 100 epochs", 1 / 0.3, "≤ 0.3× PyTorch's time (≥ 3.33×)"),
    ("e2_train_sgd_per_sample_10_epochs", "(e) per-sample SGD on X[i], Y[i], 10 epochs", 1 / 0.3, "≤ 0.3× PyTorch's time (≥ 3.33×)"),
    ("f_mlp_784_100_10_backward", "(f) 784-100-10 perceptron, 100×784 batch, backward", 1.0, "no slower (≥ 1×)"),
    ("g1_lesson_linear_regression_pytorch", "(g) lesson linear-regression-pytorch: LR module, MSELoss, SGD, DataLoader(5, shuffle), 10 epochs", 2.0, HALF),
    ("g2_lesson_logistic_regression_bce", "(g) lesson logistic-regression: Linear+Sigmoid, BCELoss, SGD, batches of 3, 100 epochs", 2.0, HALF),
    ("g3_lesson_softmax_cross_entropy", "(g) lesson softmax-classification: Linear(1, 3), CrossEntropyLoss, SGD, batches of 5, 100 epochs", 2.0, HALF),
    ("g4_lesson_xor_hidden_layer", "(g) lesson xor: 2-2-1 sigmoid Net, BCELoss, SGD, batches of 10, 200 epochs", 2.0, HALF),
    ("g5_lesson_momentum", "(g) lesson momentum: 2-3-1 sigmoid, BCELoss, SGD momentum 0.9, batches of 10, 100 epochs", 2.0, HALF),
    ("g6_lesson_dropout_adam", "(g) lesson dropout: 1-100-100-1 ReLU + Dropout(0.5), MSELoss, Adam, 300 epochs", 2.0, HALF),
    ("h_mlp_784_100_10_one_epoch", "(h) 784-100-10 MLP, CrossEntropyLoss, SGD lr 0.1, one epoch of 1,000 samples in batches of 100", 1.0, "no slower (≥ 1×)"),
]

def fmt(ns):
    if ns >= 1e6: return f"{ns/1e6:.2f} ms"
    if ns >= 1e3: return f"{ns/1e3:.2f} µs"
    return f"{ns:.0f} ns"

def size(b):
    return f"{b/1024/1024:.1f} MB" if b >= 1024 * 1024 else f"{b/1024:.1f} KB"

hdr = ["case", "GradRepl median", "PyTorch median", "ratio (median of rounds)", "ratio range", "GradRepl time / PyTorch time",
       "GradRepl alloc/call", "load (1-min)", "goal", "met?"]
out = []
for key, label, goal, goal_text in cases:
    rs = rows.get(key)
    if not rs: continue
    ratios = [r["torch_ns"] / r["gradrepl_ns"] for r in rs]
    ratio = statistics.median(ratios)
    loads = [r["load"][0] for r in rs]
    met = "—" if goal is None else ("yes" if ratio >= goal else "**no**")
    out.append([label, fmt(statistics.median(r["gradrepl_ns"] for r in rs)), fmt(statistics.median(r["torch_ns"] for r in rs)),
                f"{ratio:.2f}×", f"{min(ratios):.2f}-{max(ratios):.2f}×", f"{1 / ratio:.2f}×", size(rs[-1]["alloc_bytes"]),
                f"{min(loads):.1f}-{max(loads):.1f}", goal_text, met])

tbl = "\n".join(["| " + " | ".join(hdr) + " |", "|" + "|".join("---" for _ in hdr) + "|"] + ["| " + " | ".join(r) + " |" for r in out])
print()
print(tbl)
if os.environ["WRITE_README"] != "1":
    raise SystemExit(0)

section = f"""<!-- engine:start -->
## Engine

Side by side: the tensor engine (`src/GradRepl.Tensors`) against PyTorch {meta.get('torch', '?')} on the same machine,
the cases of issues 2 and 14 ("Performance") and the lessons' training loops of issue 15. Generated by `bench/run-engine.sh` on {datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%d %H:%M UTC')}.

**Machine:** {os.environ['CPU_MODEL']}, `nproc` = {os.environ['NPROC']}; .NET SDK {os.environ['DOTNET_SDK']}, runtime {os.environ['DOTNET_RUNTIME']};
PyTorch {meta.get('torch', '?')} on Python {meta.get('python', '?')} at its default `torch.get_num_threads()` = {meta.get('threads', '?')}
(this build multiplies matrices with the reference BLAS). GradRepl shares among the cores matrix products of 2M
multiply-adds and more, and relu, element-wise arithmetic and float32 sums of 256K elements and more
(`Kernels/CoreSplit.cs`); everything else runs on one. Load average (1/5/15 min): before `{os.environ['LOAD_BEFORE']}`, after `{os.environ['LOAD_AFTER']}`.

**Ratio = PyTorch time / GradRepl time** (> 1 means GradRepl is faster), one per round, each from a GradRepl timing and a
PyTorch timing made one right after the other (the order alternates between rounds); "met?" is judged on the median
of the {meta.get('rounds', '?')} rounds' ratios. Times are medians too; "load" is the 1-minute load average at the pairs.

{tbl}

**What each case does** (identical in both; leaves are made once, and `.grad` cleared before every call in (a)-(c), (f)):
- (a) `x = tensor(2.0, requires_grad)`; `y = x.pow(2) + 2*x + 1; y.backward()`.
- (b) `x = rand(1e6, requires_grad)`; `relu(x).sum().backward()`.
- (c) `x = rand(1e6, requires_grad)`; `(x.pow(2) + 2*x + 1).sum().backward()`.
- (d) `repr` / `ToString()` of `linspace(-10, 10, 1000)` (float32; 1000 elements, so not summarised).
- (e) The course's hand-written training step ("Linear Regression 1D: Training Two Parameters"): `X = arange(-3, 3, 0.1).view(-1, 1)`,
  `Y = -3*X + 0.1*randn`, `w`, `b` requiring grad; per step `yhat = w*X + b`, `loss = mean((yhat - Y)**2)`, `backward()`,
  `w.data = w.data - lr*w.grad.data; w.grad.data.zero_()` and the same for `b`. First row: 100 epochs on the whole batch;
  second: per-sample SGD over the slices `X[i]`, `Y[i]`, 10 epochs of 60 steps.
- (f) `relu(X @ W1 + b1) @ W2 + b2` with `X` 100×784, `W1` 784×100, `W2` 100×10 (float32), `cross_entropy` against 100 labels, `backward()`.
- (g) The training loops of the lessons (`scripts/*.csx`, twins `scripts/reference/*.py`), without prints and plots, same
  data, sizes, batch sizes, learning rates and epochs; per call: seed, build the model (from the lesson's start values),
  criterion, optimizer and `DataLoader`, run every epoch (zero_grad, backward, step per batch; the lesson's per-epoch
  loss under `no_grad`, `.item()`). xor trains its H = 2 network, momentum its μ = 0.9 run, dropout its p = 0.5 run
  (`bench/GradRepl.Bench.Engine/TrainingBench.cs`, `bench/training_pytorch.py`).
- (h) `Sequential(Linear(784, 100), ReLU(), Linear(100, 10))`, made once; per call a `CrossEntropyLoss`, `SGD(lr=0.1)` and
  `DataLoader(TensorDataset(X, y), batch_size=100)` over `X = randn(1000, 784)`, `y = randint(0, 10, (1000,))` (seed 0): one epoch, 10 steps.

**How it is measured.** `bench/engine_side_by_side.py`: per round and case, GradRepl (in a `--serve` process of
`bench/GradRepl.Bench.Engine`, each case warmed up for 3 s first so the JIT's tiers have settled) and PyTorch each time
{meta.get('repeats', '?')} batches of at least {meta.get('min_time', '?')} s (calls per batch 1, 2, 5, 10, ... as `timeit.autorange`) and report the median per call.

**Reproduce:**
```sh
bench/run-engine.sh                       # both, interleaved; ratio table; rewrites this section
bench/run-engine.sh --no-readme           # the same, table only
BENCH_FILTER=f_mlp bench/run-engine.sh --no-readme                              # one case
BENCH_FILTER=_lesson_ bench/run-engine.sh --no-readme                           # the lessons' training loops
dotnet run -c Release --project bench/GradRepl.Bench.Engine -- --filter '*'      # GradRepl alone (BenchmarkDotNet, allocations)
/usr/bin/python3 bench/engine_pytorch.py --threads 1 2                          # PyTorch alone (JSON lines)
```
<!-- engine:end -->"""

path = os.path.join(os.environ["ROOT"], "bench", "README.md")
text = open(path, encoding="utf-8").read()
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
