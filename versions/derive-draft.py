#!/usr/bin/env python3
"""Derive the illustrative draft of the Dushanbe Declaration from the final text.

The draft is NOT a real document: it is the final English translation with documented edits
undone, so that `accord diff` of draft and final shows every kind of change at least once:

  final ¶ 17            absent from the draft                 -> added
  draft-only paragraph  after final ¶ 25, dropped in final    -> removed
  final ¶ 10, ¶ 45      a few words differ in the draft       -> changed
  final ¶ 40            sits in subsection 3.3 in the draft   -> moved
  final ¶ 80            sits after ¶ 85, one word differs     -> moved and changed
  final ¶ 60 + ¶ 61     one paragraph in the draft            -> split
  final ¶ 100           two paragraphs in the draft           -> merged
  heading 4.3.          "Financing mechanisms" in the draft   -> changed heading
  every later paragraph number shifts                          -> renumbered

The draft's paragraphs are numbered continuously, as a real draft would be. Run from the
repository root: python3 versions/derive-draft.py > versions/dushanbe-2021.draft.en.txt
"""
import re
import sys

FINAL = "versions/dushanbe-2021.en.txt"
NUMBERED = re.compile(r"^(\d+)\. (?=[A-Z])")


def main():
    with open(FINAL, encoding="utf-8") as f:
        blocks = [b for b in f.read().split("\n\n")]
    by_number = {}
    for i, b in enumerate(blocks):
        m = NUMBERED.match(b)
        if m and not b.isupper():
            by_number.setdefault(int(m.group(1)), i)

    def text(n):
        return NUMBERED.sub("", blocks[by_number[n]], count=1)

    edits = {}
    edits[17] = []
    edits[25] = ["25. " + text(25), "N. The Member States will consider establishing a working group on the security of outer space activities."]
    edits[10] = ["10. " + text(10).replace("further develop cooperation", "develop cooperation further").replace("environmentally friendly", "clean")]
    edits[45] = ["45. " + text(45).replace("bring new advantages", "offer new advantages")]
    edits[40] = []
    moved_40 = "N. " + text(40)
    edits[80] = []
    moved_80 = "N. " + text(80).replace("broad international", "wide international")
    edits[85] = ["85. " + text(85), moved_80]
    edits[60] = ["60. " + text(60) + " " + text(61)]
    edits[61] = []
    first, second = text(100).split(" In this regard, ", 1)
    edits[100] = ["100. " + first, "N. In this regard, " + second]

    out = []
    for i, b in enumerate(blocks):
        m = NUMBERED.match(b)
        n = int(m.group(1)) if m and by_number.get(int(m.group(1))) == i else None
        if b.startswith("4.3. Financial mechanisms"):
            out.append(b.replace("Financial mechanisms", "Financing mechanisms"))
        elif n in edits:
            out.extend(edits[n])
        else:
            out.append(b)
        if n == 50:
            out.append(moved_40)

    # Number the draft's paragraphs continuously. Headings and the run-in 165 stay as they are.
    counter = 0
    renumbered = []
    for b in out:
        m = re.match(r"^(\d+|N)\. (?=[A-Z])", b)
        if m and not (len(b) < 100 and not b.rstrip().endswith(".")):
            counter += 1
            b = re.sub(r"^(\d+|N)\. ", f"{counter}. ", b, count=1)
        renumbered.append(b)
    sys.stdout.write("\n\n".join(renumbered))


if __name__ == "__main__":
    main()
