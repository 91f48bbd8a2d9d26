#!/usr/bin/env python3
"""Runs a command in a pseudo-terminal and saves what the terminal showed as
PNG images: once while it runs (--at SECONDS) and once when it has ended, so
that terminal output (--live, --timeline, colours) can be checked as a person
sees it, not as a stream of escape codes.

Uses pyte (Debian: python3-pyte) as the terminal and matplotlib to draw.

Usage: scripts/term_screenshot.py [--cols N] [--rows N] [--at S --during FILE.png]
                                  --final FILE.png -- COMMAND [ARGS...]
"""

import argparse
import fcntl
import os
import pty
import select
import struct
import sys
import termios
import time

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pyte  # noqa: E402

COLOURS = {"default": "#d0d0d0", "red": "#ff6b6b", "green": "#69db7c", "blue": "#74c0fc", "yellow": "#ffd43b", "brown": "#ffd43b",
           "magenta": "#e599f7", "cyan": "#66d9e8", "white": "#ffffff", "black": "#808080"}


def snapshot(screen):
    """The screen's rows as lists of (char, colour)."""
    rows = []
    for y in range(screen.lines):
        line = screen.buffer[y]
        rows.append([(line[x].data, COLOURS.get(line[x].fg, "#d0d0d0")) for x in range(screen.columns)])
    while rows and all(ch == " " for ch, _ in rows[-1]):
        rows.pop()
    return rows


def render(rows, cols, path, title):
    height = max(len(rows), 1)
    fig = plt.figure(figsize=(cols * 0.085, height * 0.19 + 0.4), dpi=110)
    ax = fig.add_axes([0, 0, 1, 1])
    ax.set_facecolor("#1e1e1e")
    fig.patch.set_facecolor("#1e1e1e")
    ax.set_xlim(0, cols)
    ax.set_ylim(height + 1.5, 0)
    ax.axis("off")
    ax.text(0.5, 0.9, title, color="#909090", family="monospace", fontsize=8)
    for y, row in enumerate(rows):
        x = 0
        while x < len(row):
            colour = row[x][1]
            end = x
            while end < len(row) and row[end][1] == colour:
                end += 1
            text = "".join(ch for ch, _ in row[x:end])
            if text.strip():
                ax.text(x, y + 2, text, color=colour, family="monospace", fontsize=9, va="bottom")
            x = end
    fig.savefig(path)
    plt.close(fig)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cols", type=int, default=110)
    parser.add_argument("--rows", type=int, default=40)
    parser.add_argument("--at", type=float, help="seconds after start for the --during image")
    parser.add_argument("--during", help="PNG of the screen at --at seconds")
    parser.add_argument("--final", required=True, help="PNG of the screen once the command has ended")
    parser.add_argument("command", nargs="+")
    args = parser.parse_args()

    screen = pyte.Screen(args.cols, args.rows)
    stream = pyte.ByteStream(screen)
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["COLUMNS"] = str(args.cols)
        os.execvp(args.command[0], args.command)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", args.rows, args.cols, 0, 0))
    start = time.monotonic()
    during_taken = False
    while True:
        ready, _, _ = select.select([fd], [], [], 0.02)
        if ready:
            try:
                data = os.read(fd, 65536)
            except OSError:
                break
            if not data:
                break
            stream.feed(data)
        if args.at is not None and args.during and not during_taken and time.monotonic() - start >= args.at:
            render(snapshot(screen), args.cols, args.during, f"after {args.at:.1f} s: {' '.join(args.command)}")
            during_taken = True
    _, status = os.waitpid(pid, 0)
    render(snapshot(screen), args.cols, args.final, f"at the end: {' '.join(args.command)}")
    sys.exit(os.waitstatus_to_exitcode(status))


if __name__ == "__main__":
    main()
