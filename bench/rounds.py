#!/usr/bin/env python3
"""Time commands in interleaved rounds and write their medians and ratios as JSON.

usage: bench/rounds.py RUNS OUT.json NAME=COMMAND ...

hyperfine runs one command's runs back to back, so on a shared machine a slow minute can fall
on one command and not the others, and a ratio of two means then says more about the minute
than about the programs. Here every round runs each command once, in an order that rotates
from round to round, and the ratio of two commands is the median of their ratios within a
round: the programs compared always ran seconds apart, under the same load.

Commands are split like a shell would split them, run without a shell, output discarded;
exit statuses are ignored (diff tools exit 1 on differences). One warm-up round is not timed.
The JSON has hyperfine's shape where it overlaps: results[].command, .median, .mean, .min,
.times; and ratios["a/b"] for every pair of commands.
"""

import json
import shlex
import statistics
import subprocess
import sys
import time


def run_once(argv):
    start = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__.strip().splitlines()[2])
    runs, out = int(sys.argv[1]), sys.argv[2]
    commands = [arg.split("=", 1) for arg in sys.argv[3:]]
    argvs = {name: shlex.split(command) for name, command in commands}
    names = [name for name, _ in commands]
    for name in names:
        run_once(argvs[name])
    times = {name: [] for name in names}
    for round_index in range(runs):
        shift = round_index % len(names)
        for name in names[shift:] + names[:shift]:
            times[name].append(run_once(argvs[name]))
    results = [
        {
            "command": name,
            "median": statistics.median(times[name]),
            "mean": statistics.fmean(times[name]),
            "min": min(times[name]),
            "times": times[name],
        }
        for name in names
    ]
    ratios = {
        f"{a}/{b}": statistics.median(x / y for x, y in zip(times[a], times[b]))
        for a in names
        for b in names
        if a != b
    }
    with open(out, "w") as f:
        json.dump({"results": results, "ratios": ratios}, f, indent=2)


if __name__ == "__main__":
    main()
