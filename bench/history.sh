#!/usr/bin/env bash
# Times `accord log` over a history of 200 commits of a 60 KB document, next to `git log -p`
# on the same repository. Each commit holds the new version of one generated revision
# (make_corpus.py --size 57K, seeds 1..200), so every commit changes a few paragraphs.
#
# usage: bench/history.sh [WORK_DIR] [ACCORD_BINARY]     (needs python3, git, hyperfine)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=${1:-/tmp/accord-history-bench}
accord=$(realpath "${2:-target/release/accord}")
commits=${COMMITS:-200}
rm -rf "$work" && mkdir -p "$work/repo" "$work/corpus"
cd "$work/repo"
git init -q -b main
export GIT_AUTHOR_NAME=bench GIT_AUTHOR_EMAIL=bench@example.org GIT_COMMITTER_NAME=bench GIT_COMMITTER_EMAIL=bench@example.org
for seed in $(seq 1 "$commits"); do
  python3 "$here/make_corpus.py" --size 57K --seed "$seed" --seed-file "$here/../versions/dushanbe-2021.en.txt" \
    --out-dir "$work/corpus" >/dev/null 2>&1
  cp "$work/corpus/new.txt" doc.txt
  git add doc.txt
  git commit -q -m "revision $seed"
done
echo "$(git rev-list --count HEAD) commits of a $(wc -c < doc.txt)-byte document"
hyperfine --warmup 1 --runs "${RUNS:-5}" --style basic \
  -n "git log -p" "git log -p -- doc.txt > /dev/null" \
  -n "accord log (text)" "$accord log doc.txt > /dev/null" \
  -n "accord log --format json" "$accord log doc.txt --format json > /dev/null"
