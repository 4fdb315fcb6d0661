#!/bin/sh
# Runs each lesson's Python twin with PyTorch and compares what it prints with the lesson's //> lines, in order.
# Usage: scripts/reference/compare.sh [NAME...]   (NAME as in scripts/NAME.csx; default: every twin here)
# PYTHON selects the interpreter (default /usr/bin/python3, with torch 1.13). Exit status 1 if any twin differs.
here=$(cd "$(dirname "$0")" && pwd)
python=${PYTHON:-/usr/bin/python3}
if [ $# -eq 0 ]; then
    set -- $(cd "$here" && ls *.py | sed 's/\.py$//')
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
for name in "$@"; do
    "$python" "$here/$name.py" > "$tmp/actual" 2>&1
    sed -n 's#^//>\( \(.*\)\)\{0,1\}$#\2#p' "$here/../$name.csx" > "$tmp/expected"
    if diff -u "$tmp/expected" "$tmp/actual" > "$tmp/diff"; then
        echo "same  $name"
    else
        echo "DIFF  $name (- the lesson's //> lines, + what PyTorch prints)"
        tail -n +3 "$tmp/diff"
        status=1
    fi
done
exit $status
