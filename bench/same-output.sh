#!/usr/bin/env bash
# Every JSON output of one accord binary, written to a folder, so that two builds can be
# compared byte for byte: a refactoring that must not change behaviour is checked with
#
#   bench/same-output.sh OLD-BINARY before/
#   bench/same-output.sh target/release/accord after/
#   diff -r before/ after/
#
# JSON outputs: `outline`, `diff` (two versions, and the timeline of three), `align` and
# `versions` on the texts in versions/; `diff` on a generated 1 MB revision
# (make_corpus.py, seed 1); `log` and `blame` on a repository built with fixed dates from
# fixtures/grundgesetz-history, so its commit ids are the same on every run. Each file holds
# the output and, last, the exit status. The text, HTML, Markdown, TSV and TMX reports of the
# same inputs are written beside them.
set -euo pipefail
cd "$(dirname "$0")/.."

[ $# -eq 2 ] || { echo "usage: bench/same-output.sh BINARY OUT-DIR" >&2; exit 2; }
bin=$(realpath "$1")
out=$(realpath -m "$2")
mkdir -p "$out"

# Run accord with the given arguments; stdout and the exit status go to OUT/NAME (.json added
# to a name without a format suffix).
run() {
  local name=$1
  shift
  case $name in *.*) ;; *) name=$name.json ;; esac
  local status=0
  COLUMNS=100 "$bin" "$@" > "$out/$name" 2>/dev/null || status=$?
  echo "exit $status" >> "$out/$name"
}

for text in versions/*.txt versions/grundgesetz/*.md versions/udhr/*.txt fixtures/hostile/*.txt; do
  run "outline-$(echo "$text" | tr / _)" outline --format json "$text"
done
run diff-declaration diff --format json versions/dushanbe-2021.draft.en.txt versions/dushanbe-2021.en.txt
run diff-declaration-strict diff --format json --strict versions/dushanbe-2021.draft.en.txt versions/dushanbe-2021.en.txt
run diff-declaration-case diff --format json --ignore-case --ignore-punctuation versions/dushanbe-2021.draft.en.txt versions/dushanbe-2021.en.txt
run diff-grundgesetz diff --format json versions/grundgesetz/gg-2012.md versions/grundgesetz/gg-2018.md
run diff-every-kind diff --format json fixtures/diff-every-kind/old.txt fixtures/diff-every-kind/new.txt
run diff-hostile diff --format json fixtures/hostile/old.txt fixtures/hostile/new.txt
run timeline diff --format json fixtures/grundgesetz-history/1-8e9e7a10.md \
  fixtures/grundgesetz-history/4-166018c1.md fixtures/grundgesetz-history/5-5710c0a6.md
run align-udhr align --format json versions/udhr/udhr.en.txt versions/udhr/udhr.ru.txt \
  versions/udhr/udhr.zh.txt versions/udhr/udhr.fr.txt versions/udhr/udhr.ar.txt \
  versions/udhr/udhr.es.txt versions/udhr/udhr.de.txt
run align-declaration align --format json versions/dushanbe-2021.draft.en.txt versions/dushanbe-2021.en.txt
run versions versions --format json
# The other formats, which must not change either.
decl="versions/dushanbe-2021.draft.en.txt versions/dushanbe-2021.en.txt"
for format in text html markdown; do
  run "diff-declaration.$format" diff --format "$format" --color never $decl
done
run diff-declaration.text-all diff --all --color always $decl
run diff-declaration.text-context diff --context 2 --color never $decl
run diff-hostile.text diff --color always fixtures/hostile/old.txt fixtures/hostile/new.txt
run diff-hostile.html diff --format html fixtures/hostile/old.txt fixtures/hostile/new.txt
run diff-hostile.markdown diff --format markdown fixtures/hostile/old.txt fixtures/hostile/new.txt
for format in text html tsv tmx; do
  run "align-udhr.$format" align --format "$format" --color never versions/udhr/udhr.en.txt \
    versions/udhr/udhr.ru.txt versions/udhr/udhr.zh.txt
done
run align-udhr.only-findings align --only-findings --color always versions/udhr/udhr.en.txt versions/udhr/udhr.ar.txt
run outline-declaration.text outline --color always versions/dushanbe-2021.en.txt
run timeline.text diff fixtures/grundgesetz-history/1-8e9e7a10.md \
  fixtures/grundgesetz-history/4-166018c1.md fixtures/grundgesetz-history/5-5710c0a6.md
run timeline.html diff --format html fixtures/grundgesetz-history/1-8e9e7a10.md \
  fixtures/grundgesetz-history/4-166018c1.md fixtures/grundgesetz-history/5-5710c0a6.md
run versions.text versions

corpus=target/bench-data/same-output-1M
[ -s "$corpus/new.txt" ] || python3 bench/make_corpus.py --size 1M --seed 1 \
  --seed-file versions/dushanbe-2021.en.txt --out-dir "$corpus" >/dev/null 2>&1
run diff-1M diff --format json "$corpus/old.txt" "$corpus/new.txt"

repo=$(mktemp -d)
trap 'rm -rf "$repo"' EXIT
export GIT_AUTHOR_NAME="Drafting Committee" GIT_AUTHOR_EMAIL=committee@example.org
export GIT_COMMITTER_NAME="Drafting Committee" GIT_COMMITTER_EMAIL=committee@example.org
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1
git -C "$repo" init -q -b main
mkdir -p "$repo/g/gg"
month=1
for version in fixtures/grundgesetz-history/[0-9]-*.md; do
  cp "$version" "$repo/g/gg/index.md"
  git -C "$repo" add -A
  GIT_AUTHOR_DATE="2012-0$month-01T10:00:00+02:00" GIT_COMMITTER_DATE="2012-0$month-01T10:00:00+02:00" \
    git -C "$repo" commit -q -m "Version $month: $(basename "$version")"
  month=$((month + 1))
done
run log log --repo "$repo" --format json g/gg/index.md
run log-range log --repo "$repo" --format json g/gg/index.md HEAD~3..HEAD
run blame blame --repo "$repo" --format json g/gg/index.md
run blame-rev blame --repo "$repo" --format json --rev HEAD~1 g/gg/index.md
run diff-git diff --repo "$repo" --format json HEAD~1:g/gg/index.md HEAD:g/gg/index.md
run log.text log --repo "$repo" --color always g/gg/index.md
run blame.text blame --repo "$repo" --color never g/gg/index.md
(cd "$repo" && COLUMNS=80 "$bin" git-diff g/gg/index.md "$OLDPWD/fixtures/grundgesetz-history/4-166018c1.md" \
  0000000 100644 "$OLDPWD/fixtures/grundgesetz-history/5-5710c0a6.md" 0000000 100644) > "$out/git-diff.text" 2>&1 || true
echo "$(ls "$out" | wc -l) outputs in $out"
