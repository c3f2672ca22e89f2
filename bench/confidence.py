#!/usr/bin/env python3
"""How well accord's confidence points a reviewer at wrong pairs, on langs.py's align and cuts sets.

usage: confidence.py LANGS_OUT [--texts ../shared/texts/udhr-more] [--bench ../shared/bench]
                     [--threshold 0.5 ...]

LANGS_OUT is the --out folder of a `langs.py --parts align,cuts` run. Every pair (a row with blocks
on both sides) inside the articles of every alignment there is right or wrong by udhr_score.py's
rule (one article on both sides; one block each: the same block). The preamble is left out: its
truth numbers each language's recitals its own way. For each threshold it prints how many pairs fall
below it, how many of the wrong pairs do (what a reviewer of `accord align --review` sees), and
how many right pairs a reviewer has to look at for that.
"""
import argparse
import glob
import json
import os
import re
import sys


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('out')
    ap.add_argument('--texts', default=os.path.join(os.path.dirname(__file__), '../../shared/texts/udhr-more'))
    ap.add_argument('--bench', default=os.path.join(os.path.dirname(__file__), '../../shared/bench'))
    ap.add_argument('--threshold', type=float, action='append')
    o = ap.parse_args()
    sys.path.insert(0, o.bench)
    import udhr_score as S
    thresholds = o.threshold or [0.31, 0.5, 0.7, 0.9]
    pairs = []  # (confidence, right)
    for rep in sorted(glob.glob(os.path.join(o.out, 'align-*.json'))):
        name = os.path.basename(rep)[len('align-'):-len('.json')]
        m = re.match(r'^([^-]+)-([^-]+)-(.+)$', name)
        if m:  # cuts: X against a cut of Y
            x, y, cut = m.groups()
            a, ak = os.path.join(o.texts, 'udhr.%s.txt' % x), os.path.join(o.texts, 'udhr.%s.keys.json' % x)
            b = os.path.join(o.out, 'cut-%s-%s.txt' % (y, cut))
            bk = os.path.join(o.out, 'cut-%s-%s.keys.json' % (y, cut))
        else:  # align: English against X
            a, ak = os.path.join(o.texts, 'udhr.eng.txt'), os.path.join(o.texts, 'udhr.eng.keys.json')
            b, bk = os.path.join(o.texts, 'udhr.%s.txt' % name), os.path.join(o.texts, 'udhr.%s.keys.json' % name)
        if not all(os.path.exists(p) for p in (a, ak, b, bk)):
            continue
        ka, kb = json.load(open(ak)), json.load(open(bk))
        sa, sb = S.line_index(a), S.line_index(b)

        def flat(keys):
            return [k for key in keys for k in (key if isinstance(key, list) else [key])]
        for p in json.load(open(rep))['pairs']:
            if not (p['blocks'][0] and p['blocks'][1]):
                continue
            ia = sorted({S.block_of(sa, blk['line']) for blk in p['blocks'][0]})
            ib = sorted({S.block_of(sb, blk['line']) for blk in p['blocks'][1]})
            x, y = sorted(set(flat([ka[i] for i in ia]))), sorted(set(flat([kb[i] for i in ib])))
            if not any(k.startswith('A') for k in x + y):
                continue  # preamble keys number each language's own recitals: no truth to compare
            parts = {k.split('.')[0] if k.startswith('A') else k for k in x + y}
            right = len(parts) == 1 and (len(x) != 1 or len(y) != 1 or x == y)
            pairs.append((p['confidence'], right))
    wrong = sum(1 for _, r in pairs if not r)
    print('%d pairs, %d wrong (%.2f%%)' % (len(pairs), wrong, 100.0 * wrong / max(len(pairs), 1)))
    for t in thresholds:
        below = [r for c, r in pairs if c < t]
        caught = sum(1 for r in below if not r)
        print('below %.2f: %d pairs (%.1f%%), %d of the %d wrong (%.0f%%)'
              % (t, len(below), 100.0 * len(below) / max(len(pairs), 1), caught, wrong,
                 100.0 * caught / max(wrong, 1)))


if __name__ == '__main__':
    main()
