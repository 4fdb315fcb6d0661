#!/usr/bin/env bash
# Start-up and whole-lab time, side by side (issue 6):
#   (a) the whole lab: bench/lab_pytorch.py (PyTorch 1.13 + matplotlib) vs every scripts/*.csx through ./gradrepl,
#       with a cold and a warm compile cache, in one process (check) and one process per lesson;
#   (b) a one-line script through ./gradrepl vs `csharprepl --eval 'var x = 2.0; x*x'` (CSharpRepl 0.7.1);
#   (c) the REPL on a pseudo-terminal: time to the prompt and to the first snippet's result.
# Medians of RUNS runs (default 5), interleaved case by case; peak memory from /usr/bin/time -v.
#   bench/run-startup.sh              # measure, print the table, rewrite the startup section of bench/README.md
#   bench/run-startup.sh --no-readme  # same, but leave bench/README.md alone
#   RUNS=9 bench/run-startup.sh
#   SKIP_FRAMEWORK=1 bench/run-startup.sh   # only the launcher's default build, not GRADREPL_BUILD=framework
#   STEAL_MAX=100 bench/run-startup.sh       # no waiting; by default each run waits (up to a minute) until the VM's
#                                            # host steals under 10% of the CPU, and is repeated (up to 3 times) if
#                                            # the host stole more while it ran (/proc/stat)
# Installs what is missing: `time` and python3-torch/python3-matplotlib (apt), CSharpRepl (a temporary tool path).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export ROOT PY="${PY:-/usr/bin/python3}" RUNS="${RUNS:-5}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

if [ ! -x /usr/bin/time ]; then
  echo "# installing time (apt)"
  apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q time >/dev/null
fi
"$PY" bench/lab_pytorch.py --ensure   # installs python3-torch and python3-matplotlib with apt if missing

TOOLS="$(mktemp -d "${TMPDIR:-/tmp}/gradrepl-bench-tools.XXXXXX")"
trap 'rm -rf "$TOOLS"' EXIT
echo "# installing CSharpRepl 0.7.1 into $TOOLS"
dotnet tool install csharprepl --version 0.7.1 --tool-path "$TOOLS" >/dev/null
export CSHARPREPL="$TOOLS/csharprepl"

echo "# building gradrepl through the launcher, both builds (first use or sources changed: a few minutes)."
echo "# SKIP_FRAMEWORK=1 measures the default build only."
GRADREPL_BUILD=composite ./gradrepl --version   # the default build, made now rather than in the background
if [ "${SKIP_FRAMEWORK:-}" != 1 ]; then GRADREPL_BUILD=framework ./gradrepl --version; fi

RESULTS="$(mktemp "${TMPDIR:-/tmp}/gradrepl-bench-startup.XXXXXX.json")"
"$PY" bench/startup/measure.py "$RESULTS" "$@"
echo "# results: $RESULTS"
