#!/usr/bin/env bash
# Speed and memory of `accord diff` at 1, 10 and 50 MB, against the peers and the floor, and
# on the inputs that break naive diffs. Writes a Markdown report to bench/runs/DATE.md (or
# the file given) and prints it.
#
# usage: bench/scale.sh [REPORT.md]
#   SIZES="1M 10M" RUNS=3 bench/scale.sh   # a quicker run
#
# Needs hyperfine, python3 and GNU time; wdiff is timed when installed. Corpora are generated
# once (make_corpus.py, seed 1, from the shipped declaration) under target/bench-data/.
# Machines here are noisy: quote the ratios of one run, not absolute times across runs.
set -euo pipefail
cd "$(dirname "$0")/.."

sizes=${SIZES:-1M 10M 50M}
runs=${RUNS:-5}
report=${1:-bench/runs/$(date +%F).md}
data=target/bench-data/scale
accord=target/release/accord
for tool in hyperfine python3 /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "scale.sh: $tool is not installed" >&2; exit 2; }
done

cargo build --release --locked --quiet
cargo build --release --locked --quiet --example floor
floor=target/release/examples/floor
mkdir -p "$data" "$(dirname "$report")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Peak resident memory of one run, in MiB.
peak() { /usr/bin/time -o "$work/time" -f %M "$@" >/dev/null 2>&1 || true; echo "scale=1; $(tail -n 1 "$work/time") / 1024" | bc; }
# Median seconds from a timing export (rounds.py's, in hyperfine's shape), by command name:
# the statistic the bench kit's reference points use, and one a single slow run does not move.
median() { python3 -c 'import json,sys; r={x["command"]: x["median"] for x in json.load(open(sys.argv[1]))["results"]}; print(r[sys.argv[2]])' "$1" "$2"; }

{
  echo "# accord diff at scale, $(date +%F)"
  echo
  echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sm)."
  echo "accord $(git rev-parse --short HEAD 2>/dev/null || echo unknown), built with \`cargo build --release\`."
  echo "Produced by \`bench/scale.sh\`; $runs interleaved rounds after one warm-up round (bench/rounds.py), medians, output discarded;"
  echo "a ratio is the median of the two programs' ratios within a round."
  echo "Corpora: \`bench/make_corpus.py --size S --seed 1\` (a revision of the declaration with 5 % of"
  echo "paragraphs edited and every later number shifted)."
  echo
  echo "## accord against the floor and git"
  echo
  echo "The floor is \`bench/floor.rs\`: a Rust program that reads both files and splits them into"
  echo "lines and words, and nothing else."
  echo
  echo "| size (both files) | floor | wc -w | git diff --word-diff | accord diff --format json | ÷ floor | ÷ wc -w | ÷ git | peak memory | ÷ inputs |"
  echo "|---|---|---|---|---|---|---|---|---|---|"
} > "$work/report.md"

declare -A accord_median
for size in $sizes; do
  dir=$data/c$size
  [ -s "$dir/new.txt" ] || python3 bench/make_corpus.py --size "$size" --seed 1 \
    --seed-file versions/dushanbe-2021.en.txt --out-dir "$dir" >/dev/null 2>&1
  old=$dir/old.txt new=$dir/new.txt
  # Interleaved rounds, not hyperfine: the three run seconds apart in every round, so a
  # ratio compares them under the same load (bench/rounds.py says more).
  python3 bench/rounds.py "$runs" "$work/h$size.json" \
    "floor=$floor $old $new" \
    "wc=wc -w $old $new" \
    "git=git diff --no-index --word-diff=porcelain $old $new" \
    "accord=$accord diff --format json $old $new"
  acc_s=$(median "$work/h$size.json" accord)
  accord_median[$size]=$acc_s
  mib=$(peak "$accord" diff --format json "$old" "$new")
  inputs=$(( $(stat -c %s "$old") + $(stat -c %s "$new") ))
  python3 - "$size" "$inputs" "$work/h$size.json" "$mib" "$work/room.txt" >> "$work/report.md" <<'EOF'
import json, sys
size, inputs, timings, mib = sys.argv[1], int(sys.argv[2]), json.load(open(sys.argv[3])), float(sys.argv[4])
t = {r["command"]: r["median"] for r in timings["results"]}
ratio = timings["ratios"]
print(f"| {size} ({inputs/1e6:.1f} MB) | {t['floor']:.3f} s | {t['wc']:.3f} s | {t['git']:.3f} s"
      f" | {t['accord']:.3f} s | {ratio['accord/floor']:.2f}× | {ratio['accord/wc']:.2f}× | {ratio['accord/git']:.2f}×"
      f" | {mib:.0f} MiB | {mib*1048576/inputs:.2f}× |")
# The git target in units of the floor: how much room it leaves beyond reading and splitting.
with open(sys.argv[5], "a") as room:
    room.write(f"{size} {0.25 / ratio['floor/git']:.2f}×\n")
EOF
  RUNS=$runs bash bench/peers.sh "$old" "$new" "$accord" > "$work/peers$size.txt" 2>&1 || true
done

{
  echo
  echo "Targets (issue 7): at 10 MB ≤ 0.25 × git diff --word-diff and ≤ 2 × wc -w; peak memory at"
  echo "50 MB ≤ 3 × the inputs."
  echo
  echo "0.25 × git in units of the floor (the room that target leaves for everything beyond reading"
  echo "and splitting): $(paste -sd, "$work/room.txt" | sed 's/,/, /g')."
  if [ -n "${accord_median[1M]:-}" ] && [ -n "${accord_median[10M]:-}" ]; then
    echo
    python3 - $(for s in "${!accord_median[@]}"; do echo "$s=${accord_median[$s]}"; done) <<'EOF'
import sys
a = {k: float(v) for k, v in (x.split("=") for x in sys.argv[1:])}
line = f"Growth: 1 MB → 10 MB {a['10M'] / a['1M']:.1f}×"
if "50M" in a:
    line += f", 10 MB → 50 MB {a['50M'] / a['10M']:.1f}×"
print(line + " (targets within 12× and 6×; linear is 10× and 5×).")
EOF
  fi
  echo
  echo "## The declaration pair, end to end"
  echo
  # No shell (-N): at a few milliseconds, a shell's start-up would be a good part of the time.
  hyperfine -N -i --warmup 3 --runs 30 --style none --export-json "$work/decl.json" \
    -n decl "$accord diff versions/dushanbe-2021.draft.en.txt versions/dushanbe-2021.en.txt" >/dev/null
  python3 - "$work/decl.json" <<'EOF'
import json, sys
r = json.load(open(sys.argv[1]))["results"][0]
median, least = r["median"] * 1000, r["min"] * 1000
print("`accord diff versions/dushanbe-2021.draft.en.txt versions/dushanbe-2021.en.txt` (terminal"
      f" report): median {median:.1f} ms, min {least:.1f} ms over 30 runs (target ≤ 10 ms).")
EOF
  echo
  echo "## Inputs that break naive diffs"
  echo
  echo "| input | time | peak memory | what the report says |"
  echo "|---|---|---|---|"
  python3 - "$work" <<'EOF'
import sys
work = sys.argv[1]
words = " ".join(f"w{i}" for i in range(1000))
para = (words + " ") * 10_000  # one paragraph of 48.9 MB
with open(f"{work}/para-old.txt", "w") as f: f.write(para + "\n")
with open(f"{work}/para-new.txt", "w") as f: f.write(para[: len(para)//2] + "changed " + para[len(para)//2 :] + "\n")
same = "".join("The same paragraph again, word for word.\n\n" for _ in range(100_000))
with open(f"{work}/same-old.txt", "w") as f: f.write(same)
with open(f"{work}/same-new.txt", "w") as f: f.write("A new first paragraph.\n\n" + same)
EOF
  for case in para same; do
    old=$work/$case-old.txt new=$work/$case-new.txt
    start=$(date +%s.%N)
    mib=$(peak "$accord" diff --format json "$old" "$new")
    end=$(date +%s.%N)
    "$accord" diff --format json "$old" "$new" > "$work/$case.json" 2>/dev/null || true
    note=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); f=[e["fallback"] for e in d["entries"] if e.get("fallback")]; s=d["summary"]; print((f[0] if f else "no fallback") + "; " + ", ".join(f"{v} {k}" for k,v in s.items() if v))' "$work/$case.json")
    label=$([ $case = para ] && echo "one paragraph of $(( $(stat -c %s "$old") / 1000000 )) MB, one word inserted" || echo "100,000 identical paragraphs, one inserted before them")
    printf '| %s | %.2f s | %s MiB | %s |\n' "$label" "$(echo "$end - $start" | bc)" "$mib" "$note"
  done
  echo
  echo "## Each size against every peer (bench/peers.sh)"
  for size in $sizes; do
    echo
    echo "### $size"
    echo
    echo '```'
    sed "s|$data/||g" "$work/peers$size.txt"
    echo '```'
  done
} >> "$work/report.md"

cp "$work/report.md" "$report"
cat "$report"
