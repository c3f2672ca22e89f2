#!/usr/bin/env bash
# Speed and memory of `accord align` on two 5 MB translations (issue: translations), written
# to bench/runs/DATE-align.md (or the file given) and printed.
#
# usage: bench/align.sh [REPORT.md]      RUNS=5 by default
#
# The pairs are built from the shipped UDHR (versions/udhr, English and Russian), each file cut
# at 5 MB:
# - renumbered: the declaration repeated with its articles numbered on (31, 32, …), a long
#   treaty whose labels anchor the alignment;
# - repeated: the declaration repeated as it is, every label recurring, so the aligner meets
#   long stretches that only lengths and words can pair (the harder case);
# - unnumbered: the renumbered pair with every article heading taken out, one stretch from
#   start to end with nothing to anchor it.
# Needs python3 and GNU time. Machines here are noisy: take the median of the runs.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-5}
report=${1:-bench/runs/$(date +%F)-align.md}
data=target/bench-data/align
accord=target/release/accord
command -v /usr/bin/time >/dev/null || { echo "align.sh: GNU time is not installed" >&2; exit 2; }
cargo build --release --locked --quiet
mkdir -p "$data" "$(dirname "$report")"

python3 - "$data" <<'PY'
import re, sys
out = sys.argv[1]
LIMIT = 5_000_000
words = {'en': 'Article', 'ru': 'Статья'}
for lang, word in words.items():
    text = open('versions/udhr/udhr.%s.txt' % lang, encoding='utf-8').read().strip()
    heading = re.compile(r'^%s (\d+)$' % word, re.M)
    def build(copy):
        parts, size, k = [], 0, 0
        while size < LIMIT:
            part = copy(text, k)
            parts.append(part)
            size += len(part.encode()) + 2
            k += 1
        blocks = '\n\n'.join(parts).split('\n\n')
        kept, size = [], 0
        for b in blocks:
            size += len(b.encode()) + 2
            if size > LIMIT:
                break
            kept.append(b)
        return '\n\n'.join(kept) + '\n'
    renumber = lambda t, k: heading.sub(lambda m: '%s %d' % (word, int(m.group(1)) + 30 * k), t)
    variants = {
        'renumbered': build(renumber),
        'repeated': build(lambda t, k: t),
    }
    variants['unnumbered'] = '\n\n'.join(
        b for b in variants['renumbered'].strip().split('\n\n') if not heading.fullmatch(b)) + '\n'
    for name, body in variants.items():
        open('%s/%s.%s.txt' % (out, name, lang), 'w', encoding='utf-8').write(body)
PY

{
  echo "# accord align at 5 MB, $(date +%F)"
  echo
  echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sm)."
  echo "Command: \`accord align --format json EN RU > /dev/null\`, $runs runs each; median wall time, peak resident memory."
  echo
  echo "| pair | sizes (MB) | blocks | median s | peak MiB |"
  echo "|---|---|---|---|---|"
  for name in renumbered repeated unnumbered; do
    en=$data/$name.en.txt ru=$data/$name.ru.txt
    times=() peak=0
    for ((r = 0; r < runs; r++)); do
      /usr/bin/time -o "$data/time" -f '%e %M' "$accord" align --format json "$en" "$ru" >/dev/null 2>&1 || true
      # GNU time puts a line before its own when the command exits non-zero (findings: 1).
      read -r t m < <(tail -n 1 "$data/time")
      times+=("$t")
      (( m > peak )) && peak=$m
    done
    median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
    blocks=$(awk 'BEGIN{RS=""} END{print NR}' "$en")/$(awk 'BEGIN{RS=""} END{print NR}' "$ru")
    sizes=$(du -b "$en" "$ru" | awk '{ printf "%s%.1f", (NR > 1 ? " / " : ""), $1 / 1e6 }')
    echo "| $name | $sizes | $blocks | $median | $((peak / 1024)) |"
  done
} | tee "$report"
