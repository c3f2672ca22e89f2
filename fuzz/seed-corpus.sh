#!/usr/bin/env bash
# Seed the fuzz corpora from the texts the project ships: each text alone for `normalize`,
# pairs of texts joined by a NUL byte for `diff` and `align`, a web page for `html`, a Word
# document for `docx`, Akoma Ntoso markup for `akn`, lines of text for `pdf`. Small slices keep
# inputs fast, and no pipe is cut short (under pipefail a `head` would fail the script).
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p corpus/normalize corpus/diff corpus/align corpus/html corpus/docx corpus/akn corpus/pdf
i=0
for f in ../versions/*.txt ../versions/udhr/*.txt ../fixtures/*/*.txt ../fixtures/grundgesetz-history/*.md; do
  i=$((i + 1))
  head -c 4000 "$f" > "corpus/normalize/seed-$i"
done
pair() { { head -c 3000 "$1"; printf '\0'; head -c 3000 "$2"; } > "$3"; }
pair ../versions/dushanbe-2021.draft.en.txt ../versions/dushanbe-2021.en.txt corpus/diff/seed-draft
pair ../fixtures/diff-every-kind/old.txt ../fixtures/diff-every-kind/new.txt corpus/diff/seed-kinds
pair ../fixtures/hostile/old.txt ../fixtures/hostile/new.txt corpus/diff/seed-hostile
pair ../fixtures/grundgesetz-history/3-bb3f0178.md ../fixtures/grundgesetz-history/4-166018c1.md corpus/diff/seed-gg
for l in ru zh fr ar; do pair ../versions/udhr/udhr.en.txt "../versions/udhr/udhr.$l.txt" "corpus/align/seed-en-$l"; done
head -c 4000 ../fixtures/html/declaration.html > corpus/html/seed-declaration
cp ../fixtures/docx/dushanbe-2021.draft.docx corpus/docx/seed-draft
sed -n "/<mainBody>/,/eId=\"para_12\"/p" ../fixtures/akn/dushanbe-2021.xml > corpus/akn/seed-declaration
head -c 4000 ../versions/dushanbe-2021.en.txt > corpus/pdf/seed-declaration
