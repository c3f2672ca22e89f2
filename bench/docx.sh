#!/usr/bin/env bash
# Reading a Word document against reading its text (issue: Word documents and web pages): a
# 10 MB text (the shipped declaration repeated), the same text as a .docx with heading styles
# and automatic numbering (fixtures/docx/make.py), `accord outline --format json` of each,
# RUNS runs, median wall time and peak memory. Writes bench/runs/DATE-docx.md and prints it.
# usage: bench/docx.sh [REPORT.md]      RUNS=15 by default; SIZE=10000000 bytes of text
# needs hyperfine (Debian package)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-15}
size=${SIZE:-10000000}
report=${1:-bench/runs/$(date +%F)-docx.md}
data=target/bench-data/docx
accord=target/release/accord
cargo build --release --locked --quiet
mkdir -p "$data" "$(dirname "$report")"
python3 - "$data/text.txt" "$size" <<'PY'
import sys
text = open('versions/dushanbe-2021.en.txt', encoding='utf-8').read().strip()
out, n = [], 0
while n < int(sys.argv[2]):
    out.append(text)
    n += len(text.encode()) + 2
open(sys.argv[1], 'w', encoding='utf-8').write('\n\n'.join(out) + '\n')
PY
"$accord" outline --format json "$data/text.txt" > "$data/outline.json" || true
python3 fixtures/docx/make.py "$data/outline.json" "$data/text.docx"
# Median wall time (hyperfine, Debian's package, for millisecond resolution) and peak memory
# (GNU time) of `accord outline --format json FILE`.
time_of() {
  local peak=0 m t
  hyperfine -N -i -w 2 -r "$runs" --export-json "$data/hyperfine.json" \
    "$accord outline --format json $1" >/dev/null 2>&1
  t=$(python3 -c 'import json,sys; print("%.3f" % json.load(open(sys.argv[1]))["results"][0]["median"])' "$data/hyperfine.json")
  for ((r = 0; r < 3; r++)); do
    /usr/bin/time -o "$data/time" -f '%M' "$accord" outline --format json "$1" >/dev/null 2>&1 || true
    m=$(tail -n 1 "$data/time")
    (( m > peak )) && peak=$m
  done
  printf '%s %s\n' "$t" "$((peak / 1024))"
}
read -r t_text m_text < <(time_of "$data/text.txt")
read -r t_docx m_docx < <(time_of "$data/text.docx")
{
  echo "# accord outline: a Word document against its text, $(date +%F)"
  echo
  echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sm). $runs runs each, median."
  echo
  echo "| input | size (MB) | median s | peak MiB |"
  echo "|---|---|---|---|"
  echo "| text | $(du -b "$data/text.txt" | awk '{printf "%.1f", $1/1e6}') | $t_text | $m_text |"
  echo "| docx | $(du -b "$data/text.docx" | awk '{printf "%.1f", $1/1e6}') | $t_docx | $m_docx |"
  echo
  echo "Ratio (docx / text): $(echo "scale=2; $t_docx / $t_text" | bc)"
} | tee "$report"
