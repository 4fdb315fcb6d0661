#!/usr/bin/env python3
"""Drives an interactive REPL through a pseudo-terminal and times it (part of bench/run-startup.sh).

    pty_repl.py --prompt REGEX --snippet TEXT --expect TEXT [--timeout S] -- COMMAND [ARGS...]

Starts COMMAND on a fresh pty (80x24, TERM=xterm-256color), answers the terminal's cursor-position queries the way
a terminal would, and reports as one JSON line:
  prompt_ms  time from launch until the screen shows the prompt (ANSI codes stripped), i.e. the editor waits for input;
  result_ms  time from launch until the snippet, typed as soon as the prompt was shown (Enter once it is echoed, or
           with --enter-at-once in the same write, as a typist ahead of the editor would), has printed EXPECT;
  error      why a measurement is missing (the program exited first, timed out, ...), with the tail of its output.
Needs only the standard library (os.openpty, select): no pexpect.
"""
import argparse
import fcntl
import json
import os
import re
import select
import signal
import struct
import subprocess
import sys
import termios
import time

ANSI = re.compile(rb"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_=>]")
CURSOR_QUERY = b"\x1b[6n"
QUIET = 0.1  # seconds without output after the echo before Enter is pressed


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--prompt", required=True, help="regex the ANSI-stripped output matches once the prompt is shown")
    parser.add_argument("--snippet", required=True)
    parser.add_argument("--expect", required=True)
    parser.add_argument("--timeout", type=float, default=30.0)
    parser.add_argument("--enter-at-once", action="store_true",
                        help="send Enter with the snippet (for editors that tell typed-ahead keys from a paste)")
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command

    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    env = dict(os.environ, TERM="xterm-256color", COLUMNS="80", LINES="24")
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True,
                            close_fds=True)
    os.close(slave)

    raw = bytearray()
    prompt_re = re.compile(args.prompt.encode(), re.MULTILINE)
    expect = args.expect.encode()
    prompt_ms = result_ms = None
    typed_at = None
    entered = False
    last_output = start
    chunk = b""
    error = None
    deadline = start + args.timeout
    exited = False
    while True:
        now = time.perf_counter()
        if now > deadline:
            error = "timed out"
            break
        ready, _, _ = select.select([master], [], [], 0.005)
        if ready:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                chunk = b""
            if not chunk:
                exited = True
            else:
                raw.extend(chunk)
                # Answer cursor-position queries (line editors ask before drawing the prompt).
                for _ in range(chunk.count(CURSOR_QUERY)):
                    os.write(master, b"\x1b[1;1R")
        elif proc.poll() is not None:
            exited = True
        text = ANSI.sub(b"", bytes(raw))
        if prompt_ms is None and prompt_re.search(text):
            prompt_ms = (time.perf_counter() - start) * 1000
            typed_at = len(text)
            os.write(master, args.snippet.encode() + (b"\r" if args.enter_at_once else b""))
            entered = args.enter_at_once
        if ready and chunk:
            last_output = time.perf_counter()
        if (prompt_ms is not None and not entered
                and args.snippet.encode() in text[typed_at:].replace(b"\r", b"").replace(b"\n", b"")
                and time.perf_counter() - last_output >= QUIET):
            # Enter only once the editor has echoed the snippet and gone quiet, as a quick typist would: sent with the
            # text, or while the editor still works through a burst of keys, editors that detect pastes (RadLine,
            # PrettyPrompt) take the Enter as a new line inside the pasted text. The wait is part of result_ms.
            os.write(master, b"\r")
            entered = True
            typed_at = len(text)
        if entered and result_ms is None:
            # EXPECT must not occur in the snippet itself (its echo would match).
            if expect in text[typed_at:]:
                result_ms = (time.perf_counter() - start) * 1000
                break
        if exited:
            error = "exited before " + ("the prompt" if prompt_ms is None else "the result")
            break

    try:
        os.write(master, b"\x04")  # Ctrl+D: leave the REPL
    except OSError:
        pass
    try:
        proc.wait(timeout=5)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    os.close(master)
    tail = ANSI.sub(b"", bytes(raw)).decode("utf-8", "replace").strip()[-300:]
    print(json.dumps({"prompt_ms": prompt_ms, "result_ms": result_ms, "error": error,
                      "output_tail": tail if error else None}))


if __name__ == "__main__":
    sys.exit(main())
