#!/bin/sh
# Writes NAME.expected for every NAME.py here: what PyTorch 1.13 prints for the Python original of NAME.csx.
# Run by hand on a machine with Debian's python3-torch and python3-matplotlib (PyTorch 1.13, matplotlib 3.6):
#     sh tests/GradRepl.Tests/Acceptance/generate.sh
set -eu
cd "$(dirname "$0")"
for py in *.py; do
    /usr/bin/python3 "$py" > "${py%.py}.expected"
done
