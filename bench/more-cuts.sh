#!/usr/bin/env bash
# More uneven-coverage alignments than langs.py's forty, for bench/confidence.py: each language
# of ../shared/texts/udhr-more against cuts of the next one (omission and mix, which leave out
# or merge paragraphs inside articles), with SEEDS seeds each.
# usage: bench/more-cuts.sh BIN OUT [SEEDS]
set -euo pipefail
bin=$1 out=$2 seeds=${3:-3}
here=$(cd "$(dirname "$0")" && pwd)
texts=${TEXTS:-$here/../../shared/texts/udhr-more}
bench=${BENCH:-$here/../../shared/bench}
mkdir -p "$out"
mapfile -t langs < <(ls "$texts" | sed -n 's/^udhr\.\(.*\)\.keys\.json$/\1/p' | grep -vx eng)
n=${#langs[@]}
for ((i = 0; i < n; i++)); do
    x=${langs[i]} y=${langs[(i + 1) % n]}
    for kind in omission mix; do
        for ((s = 1; s <= seeds; s++)); do
            cut="$kind$s"
            python3 "$bench/udhr_cuts.py" "$texts/udhr.$y.txt" "$texts/udhr.$y.keys.json" $((5000 + 100 * s + i)) \
                "$out/cut-$y-$cut.txt" "$out/cut-$y-$cut.keys.json" --kind "$kind"
            "$bin" align --format json "$texts/udhr.$x.txt" "$out/cut-$y-$cut.txt" > "$out/align-$x-$y-$cut.json" 2>/dev/null || true
        done
    done
done
