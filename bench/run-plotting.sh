#!/usr/bin/env bash
# The plotting benchmark, side by side with matplotlib (issue 3 "Performance", issue 16 "Start-up").
#   bench/run-plotting.sh [ROUNDS]        # default 15 rounds after 3 warm-up rounds
# Builds bench/GradRepl.Bench.Plotting (Release), then runs bench/plotting_interleaved.py: GradRepl and matplotlib
# (/usr/bin/python3, Debian's python3-matplotlib; `python3` on PATH may lack it) each keep their figures in one
# process and take turns, one savefig each, so both see the same load on a shared machine. Prints medians, minima,
# the ratio GradRepl/matplotlib and the load average during the rounds. Goals: saving the two-series PNG <= 0.5x
# matplotlib; the 1,000,000-point figure < 100 ms. bench/README.md's "Plotting" section records runs by hand.
# For BenchmarkDotNet's statistics on the GradRepl side alone:
#   dotnet run -c Release --project bench/GradRepl.Bench.Plotting -- --filter '*'
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PY="${MPL_PYTHON:-/usr/bin/python3}"

echo "# load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet build bench/GradRepl.Bench.Plotting -c Release -nologo -v q >/dev/null
MPL_PYTHON="$PY" "$PY" bench/plotting_interleaved.py "${1:-15}"
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
