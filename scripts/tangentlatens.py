#!/usr/bin/env python3
"""Tangent → skärm: hur länge det tar från att en tangent skrivs till att skärmen är ritad om.

Startar ett program i en pseudoterminal (pty) på 120x40, väntar tills det har ritat klart,
och skriver sedan `motiv` om och om igen (Ctrl-U tömmer sökrutan mellan varven; det tas
inte med). För varje tangent mäts tiden från att tecknet skrivs till pty:n till den sista
byte programmet skriver innan det blir tyst (ingen utdata på TYST ms). Det är samma sak
som en användare väntar på: skärmen färdigritad.

    scripts/tangentlatens.py [--tangenter 60] [--tyst 0.08] [--json FIL] -- PROGRAM ARG...

Skriver median, 90:e percentilen och medianen per tecken (m, o, t, i, v). Kör det mot insats
och fzf direkt efter varandra för att jämföra (scripts/jamfor-fzf.sh gör det):

    scripts/tangentlatens.py -- target/release/insats --data KATALOG
    scripts/tangentlatens.py --stdin namn.txt -- fzf

Programmet körs med ett eget tomt HOME, så att inga inställningar eller checklistor läses
eller skrivs. Kräver Python 3 på Linux eller macOS (modulen pty).
"""

import argparse
import fcntl
import json
import os
import pty
import select
import shutil
import signal
import statistics
import struct
import sys
import tempfile
import termios
import time

WORD = "motiv"
COLS, ROWS = 120, 40
CTRL_U = b"\x15"
ESC = b"\x1b"


def spawn(argv, stdin_file, home):
    """Start argv in a new pty of COLS x ROWS; return (pid, master fd)."""
    pid, fd = pty.fork()
    if pid == 0:
        if stdin_file:
            # The program reads its list from the file; the terminal is still its tty
            # (fzf opens /dev/tty for the keys).
            f = os.open(stdin_file, os.O_RDONLY)
            os.dup2(f, 0)
        env = dict(os.environ)
        env.update(
            HOME=home,
            XDG_CONFIG_HOME=os.path.join(home, "config"),
            XDG_DATA_HOME=os.path.join(home, "data"),
            TERM="xterm-256color",
            FZF_DEFAULT_OPTS="",
        )
        try:
            os.execvpe(argv[0], argv, env)
        finally:
            os._exit(127)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
    return pid, fd


def drain(fd, quiet, limit=30.0):
    """Read until nothing has come for `quiet` seconds after the first byte (which may take
    up to `limit`); return the time of the last byte (time.perf_counter) or None when
    nothing came, and the number of bytes."""
    last = None
    total = 0
    end = time.perf_counter() + limit
    while time.perf_counter() < end:
        wait = quiet if last is not None else max(0.0, end - time.perf_counter())
        r, _, _ = select.select([fd], [], [], wait)
        if not r:
            break
        try:
            data = os.read(fd, 65536)
        except OSError:
            break
        if not data:
            break
        last = time.perf_counter()
        total += len(data)
    return last, total


def measure(argv, stdin_file, keys, quiet, startup, insats):
    home = tempfile.mkdtemp(prefix="tangentlatens-")
    pid, fd = spawn(argv, stdin_file, home)
    try:
        # Started: the first screen drawn, and then nothing for a while.
        select.select([fd], [], [], 60)
        time.sleep(startup)
        drain(fd, 0.5, limit=60)
        if insats:
            # Close the first-start hint, then go to the search box.
            os.write(fd, ESC)
            drain(fd, 0.3, limit=1)
            os.write(fd, b"/")
            drain(fd, 0.3, limit=1)
        times = {c: [] for c in WORD}
        all_ms = []
        at = 0
        while len(all_ms) < keys:
            if at == len(WORD):
                os.write(fd, CTRL_U)
                drain(fd, max(quiet, 0.2), limit=10)
                at = 0
            c = WORD[at]
            start = time.perf_counter()
            os.write(fd, c.encode())
            last, n = drain(fd, quiet, limit=10)
            if last is None or n == 0:
                raise SystemExit(f"tangentlatens: ingen utdata efter {c!r} från {argv[0]}")
            ms = (last - start) * 1000
            times[c].append(ms)
            all_ms.append(ms)
            at += 1
        return all_ms, times
    finally:
        os.kill(pid, signal.SIGTERM)
        try:
            drain(fd, 0.2, limit=2)
            os.waitpid(pid, 0)
        except (OSError, ChildProcessError):
            pass
        os.close(fd)
        shutil.rmtree(home, ignore_errors=True)


def p90(values):
    v = sorted(values)
    return v[min(len(v) - 1, len(v) * 9 // 10)]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tangenter", type=int, default=60, help="antal tangenter (60)")
    ap.add_argument("--tyst", type=float, default=0.08,
                    help="sekunder utan utdata som räknas som färdigritat (0.08)")
    ap.add_argument("--start", type=float, default=0.5,
                    help="sekunder att vänta efter programmets första utdata (0.5)")
    ap.add_argument("--stdin", help="fil som programmet läser på standard in (fzf)")
    ap.add_argument("--namn", help="namn i utskriften (standard: programmets)")
    ap.add_argument("--json", help="skriv resultatet som JSON hit")
    ap.add_argument("program", nargs="+")
    a = ap.parse_args()
    # insats starts with a hint on first start and the tree focused: Esc, then /.
    insats = any(os.path.basename(p).startswith("insats") for p in a.program)
    all_ms, per = measure(a.program, a.stdin, a.tangenter, a.tyst, a.start, insats)
    name = a.namn or os.path.basename(a.program[0])
    result = {
        "namn": name,
        "tangenter": len(all_ms),
        "median_ms": statistics.median(all_ms),
        "p90_ms": p90(all_ms),
        "per_tecken_median_ms": {c: statistics.median(v) for c, v in per.items() if v},
    }
    per_char = ", ".join(f"{c} {m:.1f}" for c, m in result["per_tecken_median_ms"].items())
    print(f"{name}: median {result['median_ms']:.2f} ms, 90:e percentilen "
          f"{result['p90_ms']:.2f} ms (n = {len(all_ms)}); per tecken: {per_char}")
    if a.json:
        with open(a.json, "w", encoding="utf-8") as f:
            json.dump(result, f, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    sys.exit(main())
