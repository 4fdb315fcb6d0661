#!/usr/bin/env python3
"""Start-up and whole-lab timings, side by side; called by bench/run-startup.sh (which installs what it needs).

Every case runs RUNS times; the cases of one comparison are interleaved run by run (A, B, A, B, ...) so that load
from other work on the machine hits both sides alike. Wall time is measured here (perf_counter around the child);
peak memory is the "Maximum resident set size" of /usr/bin/time -v. Reported: medians, and the ratio of medians.
Writes the results as JSON (argv[1]) and rewrites the section between <!-- startup:start --> and
<!-- startup:end --> of bench/README.md (unless --no-readme).
"""
import datetime
import glob
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.environ["ROOT"]
RUNS = int(os.environ.get("RUNS", "5"))
PY = os.environ.get("PY", "/usr/bin/python3")
GRADREPL = os.environ.get("GRADREPL", os.path.join(ROOT, "gradrepl"))
CSHARPREPL = os.environ["CSHARPREPL"]
WORK = tempfile.mkdtemp(prefix="gradrepl-bench-startup.")
LESSONS = sorted(glob.glob(os.path.join(ROOT, "scripts", "*.csx")))
ONE_LINE = os.path.join(WORK, "one-line.csx")
with open(ONE_LINE, "w") as f:
    f.write("var x = 2.0; print(x * x);\n")


def run_once(argv, env=None, cwd=WORK):
    """Runs argv under /usr/bin/time -v; returns (wall ms, peak RSS MiB, exit code, stdout+stderr tail)."""
    timefile = os.path.join(WORK, "time.txt")
    full_env = dict(os.environ, **(env or {}))
    start = time.perf_counter()
    proc = subprocess.run(["/usr/bin/time", "-v", "-o", timefile] + argv, cwd=cwd, env=full_env,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    wall = (time.perf_counter() - start) * 1000
    rss_kb = 0
    with open(timefile) as f:
        for line in f:
            if "Maximum resident set size" in line:
                rss_kb = int(line.split(":")[1])
    out = (proc.stdout + proc.stderr).decode("utf-8", "replace")
    if proc.returncode != 0:
        raise SystemExit(f"failed ({proc.returncode}): {' '.join(argv)}\n{out[-2000:]}")
    return wall, rss_kb / 1024, out


def fresh_cache():
    return {"XDG_CACHE_HOME": tempfile.mkdtemp(prefix="cache.", dir=WORK)}


# The two builds the launcher makes: the default (self-contained composite ReadyToRun) and GRADREPL_BUILD=framework
# (framework-dependent ReadyToRun). Each has its own warm cache (the tool's build id is part of the key).
# Both without the compile server (GRADREPL_COMPILE_SERVER=0): every run compiles in its own process, as these rows
# always measured. The server's own rows (default build) are below.
VARIANTS = {"standard": {"GRADREPL_BUILD": "standard", "GRADREPL_COMPILE_SERVER": "0"},
            "framework": {"GRADREPL_BUILD": "framework", "GRADREPL_COMPILE_SERVER": "0"}}
WITH_SERVER = {"GRADREPL_BUILD": "standard", "GRADREPL_COMPILE_SERVER": "1"}
if os.environ.get("SKIP_FRAMEWORK") == "1":
    del VARIANTS["framework"]


def warm_cache(variant):
    return dict(VARIANTS[variant], XDG_CACHE_HOME=os.path.join(WORK, "warm-cache-" + variant))


def cold_cache(variant):
    return dict(VARIANTS[variant], **fresh_cache())


# --- the cases -------------------------------------------------------------------------------------------------------
# Each returns (wall ms, peak MiB) for one run.

def python_lab():
    w, m, _ = run_once([PY, os.path.join(ROOT, "bench", "lab_pytorch.py"), os.path.join(WORK, "plots-py")])
    return w, m


def gradrepl_lab_one_process(cache_env):
    w, m, out = run_once([GRADREPL, "check", *LESSONS, "--out", os.path.join(WORK, "plots-gr")], env=cache_env)
    return w, m


def gradrepl_lab_per_lesson(cache_env):
    total, peak = 0.0, 0.0
    for lesson in LESSONS:
        w, m, _ = run_once([GRADREPL, lesson], env=cache_env)
        total += w
        peak = max(peak, m)
    return total, peak


def server_pids():
    pids = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                if b"--compile-server" in f.read():
                    pids.append(int(pid))
        except OSError:
            pass
    return pids


def server_peak_mib():
    """Peak RSS (VmHWM) of the running compile servers, summed."""
    total = 0
    for pid in server_pids():
        try:
            with open(f"/proc/{pid}/status") as f:
                total += next((int(l.split()[1]) for l in f if l.startswith("VmHWM:")), 0)
        except OSError:
            pass
    return total / 1024


def stop_servers():
    for pid in server_pids():
        try:
            os.kill(pid, 9)
        except OSError:
            pass
    time.sleep(0.2)


def gradrepl_lab_per_lesson_server(fresh):
    """Six processes, cold cache, with the compile server: started by the first lesson (fresh) or already running and
    warm (left by the previous case). Memory = the largest client plus the server."""
    if fresh:
        stop_servers()
    w, m = gradrepl_lab_per_lesson(dict(WITH_SERVER, **fresh_cache()))
    return w, m + server_peak_mib()


def gradrepl_one_line_server():
    """One-line script, cold cache, with the compile server already running (started by an untimed run before)."""
    if not server_pids():
        run_once([GRADREPL, LESSONS[0]], env=dict(WITH_SERVER, **fresh_cache()))
        time.sleep(1.0)
    w, m, _ = run_once([GRADREPL, ONE_LINE], env=dict(WITH_SERVER, **fresh_cache()))
    return w, m + server_peak_mib()


def gradrepl_lesson(lesson, cache_env):
    w, m, _ = run_once([GRADREPL, lesson], env=cache_env)
    return w, m


def gradrepl_one_line(cache_env):
    w, m, _ = run_once([GRADREPL, ONE_LINE], env=cache_env)
    return w, m


def csharprepl_eval():
    w, m, out = run_once([CSHARPREPL, "--eval", "var x = 2.0; x*x"])
    return w, m


def repl(argv, prompt, snippet, expect, env, enter_at_once=False):
    proc = subprocess.run([PY, os.path.join(ROOT, "bench", "startup", "pty_repl.py"), "--prompt", prompt,
                           "--snippet", snippet, "--expect", expect, "--timeout", "60"]
                          + (["--enter-at-once"] if enter_at_once else []) + ["--"] + argv,
                          cwd=WORK, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=dict(os.environ, **env))
    try:
        return json.loads(proc.stdout.decode().strip().splitlines()[-1])
    except (IndexError, ValueError):
        return {"prompt_ms": None, "result_ms": None, "error": "driver failed: " + proc.stderr.decode()[-300:]}


def cpu_steal_ticks():
    """(steal, total) jiffies since boot, from /proc/stat: steal is the time a VM's host gave this VM's CPUs to others."""
    values = [int(v) for v in open("/proc/stat").readline().split()[1:]]
    return values[7], sum(values)


def steal_since(start):
    """Per cent of the CPU time since `start` (a cpu_steal_ticks() reading) that the host stole."""
    steal, total = cpu_steal_ticks()
    return 100.0 * (steal - start[0]) / max(1, total - start[1])


STEAL_MAX = float(os.environ.get("STEAL_MAX", "10"))
REDONE = []   # the steal of each run thrown away


def wait_for_quiet():
    """Returns once the host steals under STEAL_MAX % of the CPU for half a second (or after a minute). On a shared VM
    the steal goes from 0 to over 80% and back within minutes, and it slows every side of a comparison differently."""
    for _ in range(60):
        start = cpu_steal_ticks()
        time.sleep(0.5)
        if steal_since(start) < STEAL_MAX:
            return
        time.sleep(0.5)


def measured(fn):
    """Runs fn once the host is quiet; a run during which the host stole STEAL_MAX % or more of the CPU is thrown
    away and run again (at most three times more), since it measures the neighbours, not the program."""
    for _ in range(4):
        wait_for_quiet()
        start = cpu_steal_ticks()
        result = fn()
        steal = steal_since(start)
        if steal < STEAL_MAX:
            break
        REDONE.append(steal)
    return result


def interleaved(cases):
    """cases: {name: fn}; runs each RUNS times, round-robin; returns {name: {"wall": [...], "mem": [...]}}."""
    results = {name: {"wall": [], "mem": []} for name in cases}
    for i in range(RUNS):
        for name, fn in cases.items():
            w, m = measured(fn)
            results[name]["wall"].append(w)
            results[name]["mem"].append(m)
        print(f"  run {i + 1}/{RUNS}: " + ", ".join(f"{n} {results[n]['wall'][-1]:.0f} ms" for n in cases), flush=True)
    return results


def summary(samples):
    return {"median_ms": statistics.median(samples["wall"]), "min_ms": min(samples["wall"]),
            "max_ms": max(samples["wall"]), "peak_mib": max(samples["mem"]), "runs": samples["wall"]}


def main():
    load_before = open("/proc/loadavg").read().split()[:3]
    steal_start = cpu_steal_ticks()
    print(f"# work dir {WORK}; {RUNS} runs per case; load before: {' '.join(load_before)}", flush=True)
    # Warm-up, untimed: builds each variant through the launcher if needed, fills the page cache for every side,
    # and fills the warm compile caches.
    for v in VARIANTS:
        subprocess.run([GRADREPL, "--version"], check=True, stdout=subprocess.DEVNULL, env=dict(os.environ, **VARIANTS[v]))
        run_once([GRADREPL, "check", *LESSONS, "--out", os.path.join(WORK, "plots-gr")], env=warm_cache(v))
        for lesson in LESSONS:
            run_once([GRADREPL, lesson], env=warm_cache(v))
        run_once([GRADREPL, ONE_LINE], env=warm_cache(v))
    python_lab()
    csharprepl_eval()

    print("# (a) whole lab: PyTorch + matplotlib vs gradrepl (cold and warm compile cache)", flush=True)
    cases = {"python": python_lab}
    for v in VARIANTS:
        cases[f"{v}_cold_1proc"] = lambda v=v: gradrepl_lab_one_process(cold_cache(v))
        cases[f"{v}_warm_1proc"] = lambda v=v: gradrepl_lab_one_process(warm_cache(v))
        cases[f"{v}_cold_6proc"] = lambda v=v: gradrepl_lab_per_lesson(cold_cache(v))
        cases[f"{v}_warm_6proc"] = lambda v=v: gradrepl_lab_per_lesson(warm_cache(v))
    cases["server_fresh_6proc"] = lambda: gradrepl_lab_per_lesson_server(fresh=True)
    cases["server_running_6proc"] = lambda: gradrepl_lab_per_lesson_server(fresh=False)
    lab = interleaved(cases)
    stop_servers()
    print("# warm-cache lessons, one process each", flush=True)
    lessons = interleaved({f"{v}:{os.path.basename(l)}": (lambda l=l, v=v: gradrepl_lesson(l, warm_cache(v)))
                           for l in LESSONS for v in VARIANTS})
    print("# (b) one-line script vs csharprepl --eval", flush=True)
    cases = {"csharprepl": csharprepl_eval}
    for v in VARIANTS:
        cases[f"{v}_cold"] = lambda v=v: gradrepl_one_line(cold_cache(v))
        cases[f"{v}_warm"] = lambda v=v: gradrepl_one_line(warm_cache(v))
    cases["server_running_cold"] = gradrepl_one_line_server
    one = interleaved(cases)
    stop_servers()
    print("# (c) REPL through a pseudo-terminal", flush=True)
    repl_runs = {v: [] for v in VARIANTS}
    repl_runs["csharprepl"] = []
    for i in range(RUNS):
        for v in VARIANTS:
            repl_runs[v].append(measured(lambda v=v: repl([GRADREPL], r"^>[ \r]*$", "tensor(2.0).pow(2)", "tensor(4.)",
                                                         VARIANTS[v], enter_at_once=True)))
        repl_runs["csharprepl"].append(measured(lambda: repl([CSHARPREPL], r"^>[ \r]*$", "var x = 2.0; x*x + 0.5", "4.5", {})))
        print(f"  run {i + 1}/{RUNS}: " + ", ".join(f"{n} {r[-1]}" for n, r in repl_runs.items()), flush=True)
    load_after = open("/proc/loadavg").read().split()[:3]
    steal_run = steal_since(steal_start)

    results = {
        "steal_run_percent": round(steal_run, 1), "redone": len(REDONE),
        "steal_max_percent": STEAL_MAX,
        "when": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "load_before": load_before, "load_after": load_after, "runs": RUNS,
        "variants": list(VARIANTS),
        "machine": machine(),
        "lab": {k: summary(v) for k, v in lab.items()},
        "lessons": {k: summary(v) for k, v in lessons.items()},
        "one_line": {k: summary(v) for k, v in one.items()},
        "repl": {k: repl_summary(v) for k, v in repl_runs.items()},
    }
    with open(sys.argv[1], "w") as f:
        json.dump(results, f, indent=1)
    table = render(results)
    print(table)
    if "--no-readme" not in sys.argv:
        write_readme(table)
    shutil.rmtree(WORK, ignore_errors=True)


def repl_summary(runs):
    ok = [r for r in runs if r.get("prompt_ms") is not None]
    res = [r for r in runs if r.get("result_ms") is not None]
    errors = sorted({r["error"] for r in runs if r.get("error")})
    return {
        "prompt_ms": statistics.median([r["prompt_ms"] for r in ok]) if ok else None,
        "result_ms": statistics.median([r["result_ms"] for r in res]) if res else None,
        "errors": errors,
        "output_tail": next((r.get("output_tail") for r in runs if r.get("output_tail")), None),
    }


def machine():
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
    mem = next((int(l.split()[1]) // 1024 for l in open("/proc/meminfo") if l.startswith("MemTotal")), 0)

    def out(cmd):
        try:
            return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True).stdout.strip()
        except OSError:
            return "?"

    torch_v = out([PY, "-c", "import torch, matplotlib, numpy; print(torch.__version__, matplotlib.__version__, numpy.__version__)"])
    return {
        "cpu": cpu, "cores": os.cpu_count(), "mem_mib": mem, "kernel": platform.release(),
        "dotnet_sdk": out(["dotnet", "--version"]),
        "dotnet_runtime": next((l.split(" [")[0] for l in out(["dotnet", "--list-runtimes"]).splitlines()
                                if l.startswith("Microsoft.NETCore.App")), "?"),
        "gradrepl": out([GRADREPL, "--version"]),
        "python": out([PY, "--version"]), "torch_matplotlib_numpy": torch_v,
        "csharprepl": "0.7.1",
    }


def fmt_ms(x):
    return "n/a" if x is None else (f"{x:,.0f}" if x >= 100 else f"{x:.1f}")


def ratio(a, b):
    return None if a is None or b is None or b == 0 else a / b


def fmt_ratio(r):
    return "n/a" if r is None else f"{r:.2f}x"


def verdict(value, limit):
    if value is None:
        return "not measured"
    return "met" if value <= limit else "missed"


VARIANT_LABEL = {"standard": "gradrepl (default build)", "framework": "gradrepl (GRADREPL_BUILD=framework)"}


def render(r):
    lab, one, les, rp = r["lab"], r["one_line"], r["lessons"], r["repl"]
    variants = r["variants"]
    py = lab["python"]
    lines = []
    m = r["machine"]
    lines.append(f"Measured {r['when']} by `bench/run-startup.sh` ({r['runs']} runs per case, interleaved; medians). "
                 f"Load average before {' '.join(r['load_before'])}, after {' '.join(r['load_after'])} "
                 "(other work shares the machine: absolute times move with it, ratios less so). "
                 f"CPU steal (the VM's host running others on these cores) over the whole run: {r['steal_run_percent']}%; "
                 f"each run starts once it is under {r['steal_max_percent']:.0f}% for half a second (waiting up to a "
                 f"minute), and a run during which it reached {r['steal_max_percent']:.0f}% is run again (up to three "
                 f"times): {r['redone']} runs were.")
    lines.append("")
    lines.append(f"- Machine: {m['cpu']}, {m['cores']} cores, {m['mem_mib']} MiB, Linux {m['kernel']}.")
    lines.append(f"- .NET SDK {m['dotnet_sdk']} ({m['dotnet_runtime']}); gradrepl {m['gradrepl']}, always run through "
                 "the repo-root launcher `./gradrepl`: *default build* = self-contained composite ReadyToRun publish "
                 "(`.build/gradrepl`); *framework* = `GRADREPL_BUILD=framework ./gradrepl`, framework-dependent "
                 "ReadyToRun (`.build/gradrepl-framework`).")
    lines.append(f"- {m['python']}, torch/matplotlib/numpy {m['torch_matplotlib_numpy']} (`/usr/bin/python3`, Debian "
                 f"packages); CSharpRepl {m['csharprepl']} (`dotnet tool install csharprepl --version 0.7.1 --tool-path <tmp>`).")
    lines.append("")
    lines.append("### (a) The whole lab")
    lines.append("")
    lines.append("Python: `/usr/bin/python3 bench/lab_pytorch.py OUT` (every step of the lab, both figures saved as "
                 "640x480 PNG). gradrepl, one process: `./gradrepl check scripts/*.csx --out OUT` (runs every lesson "
                 "in a fresh state, solutions included, saves both figures, and also compares every `//>` "
                 "expectation). gradrepl, six processes: `./gradrepl scripts/X.csx` (the README's command; figures go to `plots/` in the "
                 "work directory) for each lesson, times "
                 "summed, peak = the largest of the six. Cold = a fresh `XDG_CACHE_HOME` per run (Roslyn compiles "
                 "every lesson); warm = the compile cache already holds every lesson. Every row but the last two "
                 "runs with `GRADREPL_COMPILE_SERVER=0` (each run compiles in its own process); the last two use the "
                 "compile server (the default): *started by the first lesson* = no server at the start, the first cold "
                 "compile starts one; *already running* = a warm server left by the run before. Their peak memory is "
                 "the largest run's plus the server's own peak (VmHWM).")
    lines.append("")
    lines.append("| case | median ms | min-max ms | peak MiB | time vs Python | memory vs Python | goal |")
    lines.append("|---|---:|---:|---:|---:|---:|---|")
    rows = [("PyTorch + matplotlib, one process", "python", None, None)]
    for v in variants:
        rows += [(f"{VARIANT_LABEL[v]}, cold cache, one process", f"{v}_cold_1proc", 0.5, 0.5),
                 (f"{VARIANT_LABEL[v]}, warm cache, one process", f"{v}_warm_1proc", 0.2, 0.5),
                 (f"{VARIANT_LABEL[v]}, cold cache, six processes", f"{v}_cold_6proc", 0.5, 0.5),
                 (f"{VARIANT_LABEL[v]}, warm cache, six processes", f"{v}_warm_6proc", 0.2, 0.5)]
    rows += [("gradrepl (default build) with its compile server, cold cache, six processes: server started by the "
              "first lesson", "server_fresh_6proc", 0.5, 0.5),
             ("gradrepl (default build) with its compile server, cold cache, six processes: server already running",
              "server_running_6proc", 0.5, 0.5)]
    for label, key, tgoal, mgoal in rows:
        s = lab[key]
        tr, mr = ratio(s["median_ms"], py["median_ms"]), ratio(s["peak_mib"], py["peak_mib"])
        goal = "" if tgoal is None else (f"time <= {tgoal}x: {verdict(tr, tgoal)}; memory <= {mgoal}x: {verdict(mr, mgoal)}")
        lines.append(f"| {label} | {fmt_ms(s['median_ms'])} | {fmt_ms(s['min_ms'])}-{fmt_ms(s['max_ms'])} | "
                     f"{s['peak_mib']:.0f} | {fmt_ratio(tr)} | {fmt_ratio(mr)} | {goal} |")
    lines.append("")
    lines.append("### Warm-cache lessons (one process each: `./gradrepl scripts/X.csx`), goal < 150 ms")
    lines.append("")
    lines.append("| lesson | " + " | ".join(f"{VARIANT_LABEL[v]} median ms (min-max), peak MiB" for v in variants) + " | goal |")
    lines.append("|---|" + "---:|" * len(variants) + "---|")
    for name in sorted({k.split(":", 1)[1] for k in les}):
        cells, verdicts = [], []
        for v in variants:
            s = les[f"{v}:{name}"]
            cells.append(f"{fmt_ms(s['median_ms'])} ({fmt_ms(s['min_ms'])}-{fmt_ms(s['max_ms'])}), {s['peak_mib']:.0f}")
            verdicts.append(f"{v}: {'met' if s['median_ms'] < 150 else 'missed'}")
        lines.append(f"| {name} | " + " | ".join(cells) + " | " + "; ".join(verdicts) + " |")
    lines.append("")
    lines.append("### (b) One line: `./gradrepl one-line.csx` (`var x = 2.0; print(x * x);`) vs `csharprepl --eval 'var x = 2.0; x*x'`")
    lines.append("")
    lines.append("| case | median ms | min-max ms | peak MiB | time vs CSharpRepl | goal <= 0.3x |")
    lines.append("|---|---:|---:|---:|---:|---|")
    cs = one["csharprepl"]
    rows = [("csharprepl --eval", "csharprepl")]
    for v in variants:
        rows += [(f"{VARIANT_LABEL[v]}, cold cache", f"{v}_cold"), (f"{VARIANT_LABEL[v]}, warm cache", f"{v}_warm")]
    rows += [("gradrepl (default build), cold cache, compile server already running", "server_running_cold")]
    for label, key in rows:
        s = one[key]
        tr = ratio(s["median_ms"], cs["median_ms"])
        goal = "" if key == "csharprepl" else verdict(tr, 0.3)
        lines.append(f"| {label} | {fmt_ms(s['median_ms'])} | {fmt_ms(s['min_ms'])}-{fmt_ms(s['max_ms'])} | "
                     f"{s['peak_mib']:.0f} | {fmt_ratio(tr)} | {goal} |")
    lines.append("")
    lines.append("### (c) REPL through a pseudo-terminal (`bench/startup/pty_repl.py`)")
    lines.append("")
    lines.append("Launch on a fresh 80x24 pty; *prompt* = the screen shows `>` (the editor waits for input); the snippet "
                 "is typed at once; for gradrepl the Enter goes in the same write (its editor runs typed-ahead lines), for "
                 "CSharpRepl it follows when the editor has echoed the snippet and been quiet for 100 ms (sooner, "
                 "PrettyPrompt takes the Enter as part of a paste); *result* = its value is on screen, "
                 "counted from launch. gradrepl: `tensor(2.0).pow(2)` -> `tensor(4.)`; CSharpRepl (reference): "
                 "`var x = 2.0; x*x + 0.5` -> `4.5`.")
    lines.append("")
    lines.append("| REPL | prompt ms | first result ms | goal | notes |")
    lines.append("|---|---:|---:|---|---|")
    for name in list(variants) + ["csharprepl"]:
        s = rp[name]
        goal = ""
        if name != "csharprepl":
            goal = f"prompt <= 150 ms: {verdict(s['prompt_ms'], 150)}; result <= 600 ms: {verdict(s['result_ms'], 600)}"
        notes = "; ".join(s["errors"])
        if s["errors"] and s.get("output_tail"):
            notes += " (output: " + s["output_tail"].replace("\n", " / ").replace("|", "\\|")[:160] + ")"
        label = VARIANT_LABEL.get(name, "csharprepl")
        lines.append(f"| {label} | {fmt_ms(s['prompt_ms'])} | {fmt_ms(s['result_ms'])} | {goal} | {notes} |")
    return "\n".join(lines)


def write_readme(table):
    path = os.path.join(ROOT, "bench", "README.md")
    text = open(path).read() if os.path.exists(path) else "# Benchmarks\n"
    start, end = "<!-- startup:start -->", "<!-- startup:end -->"
    block = f"{start}\n{table}\n{end}"
    if start in text and end in text:
        text = re.sub(re.escape(start) + r".*?" + re.escape(end), lambda _: block, text, flags=re.S)
    else:
        text = text.rstrip("\n") + "\n\n## Start-up and the whole lab\n\n" + block + "\n"
    with open(path, "w") as f:
        f.write(text)


if __name__ == "__main__":
    main()
