#!/usr/bin/env python3
"""Inter-annotator agreement between the first labels of the calibration set and a blind second labelling.

Reads calibration/judge-calibration.jsonl (first labels) and calibration/second-labels.jsonl (second labels,
one {"id", "label", "labeller", "note"?} per line) and prints, for the rows present in both:

* raw agreement and Cohen's kappa per mode and overall, each with a 95 % percentile bootstrap interval over
  rows (seeded; the overall interval resamples rows within each mode, so the 60-per-mode design is kept), and
  for raw agreement also the exact (Clopper-Pearson) binomial interval, which stays informative when a group
  has no disagreement at all (the bootstrap interval then collapses to [1, 1]);
* the same figures per source (smollm2 / written);
* a confusion table per mode (rows = first labeller, columns = second labeller);
* the list of disagreements (id, mode, source, first label, second label, second labeller's note).

Python 3 standard library only.  Usage:  python3 calibration/agreement.py [--boot N] [--seed S] [--markdown]
"""
import argparse
import json
import math
import os
import random
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
FIRST = os.path.join(HERE, 'judge-calibration.jsonl')
SECOND = os.path.join(HERE, 'second-labels.jsonl')
LABELS = ('recognised', 'missed', 'refused')
MODES = ('explicit', 'implicit', 'control', 'causal')


def load(path):
    with open(path, encoding='utf-8') as f:
        return [json.loads(line) for line in f if line.strip()]


def kappa(pairs):
    """Cohen's kappa for a list of (a, b) label pairs; None when chance agreement is 1 (undefined)."""
    n = len(pairs)
    if n == 0:
        return None
    po = sum(a == b for a, b in pairs) / n
    ca = Counter(a for a, _ in pairs)
    cb = Counter(b for _, b in pairs)
    pe = sum(ca[k] * cb[k] for k in set(ca) | set(cb)) / (n * n)
    if pe >= 1.0:
        return None
    return (po - pe) / (1 - pe)


def agreement(pairs):
    return sum(a == b for a, b in pairs) / len(pairs) if pairs else None


def bootstrap(strata, stat, n_boot, rng):
    """Percentile 95 % interval of stat over resampled rows; strata is a list of lists of pairs, each resampled
    with replacement to its own size (one stratum = plain row bootstrap)."""
    vals = []
    for _ in range(n_boot):
        sample = []
        for s in strata:
            sample.extend(s[rng.randrange(len(s))] for _ in range(len(s)))
        v = stat(sample)
        if v is not None:
            vals.append(v)
    if not vals:
        return (None, None)
    vals.sort()
    lo = vals[int(0.025 * (len(vals) - 1))]
    hi = vals[int(round(0.975 * (len(vals) - 1)))]
    return (lo, hi)


def binom_cdf(k, n, p):
    return sum(math.comb(n, i) * p ** i * (1 - p) ** (n - i) for i in range(k + 1))


def clopper_pearson(k, n, alpha=0.05):
    """Exact binomial interval for k successes in n (bisection on the binomial tail, stdlib only)."""
    def solve(f):
        lo, hi = 0.0, 1.0
        for _ in range(60):
            mid = (lo + hi) / 2
            lo, hi = (mid, hi) if f(mid) else (lo, mid)
        return (lo + hi) / 2
    lower = 0.0 if k == 0 else solve(lambda p: 1 - binom_cdf(k - 1, n, p) < alpha / 2)
    upper = 1.0 if k == n else solve(lambda p: binom_cdf(k, n, p) > alpha / 2)
    return lower, upper


def fmt(x, digits=2):
    return '—' if x is None else f'{x:.{digits}f}'


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--boot', type=int, default=2000, help='bootstrap replicates (default 2000)')
    ap.add_argument('--seed', type=int, default=20261207, help='bootstrap seed (default 20261207)')
    ap.add_argument('--first', default=FIRST)
    ap.add_argument('--second', default=SECOND)
    args = ap.parse_args()

    first = {r['id']: r for r in load(args.first)}
    second = load(args.second)
    ids = [s['id'] for s in second]
    assert len(ids) == len(set(ids)), 'duplicate ids in the second labels'
    missing = [i for i in ids if i not in first]
    assert not missing, f'ids not in the calibration set: {missing[:5]}'

    rows = []
    for s in second:
        f = first[s['id']]
        rows.append({'id': s['id'], 'mode': f['mode'], 'source': f['source'], 'first': f['label'],
                     'second': s['label'], 'note': s.get('note', ''), 'failure_class': f.get('failure_class', '')})

    by_mode = defaultdict(list)
    for r in rows:
        by_mode[r['mode']].append((r['first'], r['second']))

    print(f'# Agreement: first labels vs second labels ({len(rows)} rows, bootstrap {args.boot}x, seed {args.seed})')
    print()
    print('| group | n | agree | raw agreement [bootstrap 95 % CI] | raw agreement, exact 95 % CI | Cohen\'s κ [bootstrap 95 % CI] |')
    print('|---|---:|---:|---|---|---|')

    def line(name, strata):
        rng = random.Random(f'{args.seed}:{name}')
        pairs = [p for s in strata for p in s]
        a, k = agreement(pairs), kappa(pairs)
        alo, ahi = bootstrap(strata, agreement, args.boot, rng)
        klo, khi = bootstrap(strata, kappa, args.boot, rng)
        n_agree = sum(x == y for x, y in pairs)
        cplo, cphi = clopper_pearson(n_agree, len(pairs))
        print(f'| {name} | {len(pairs)} | {n_agree} | {fmt(a, 3)} [{fmt(alo, 3)}, {fmt(ahi, 3)}] '
              f'| [{fmt(cplo, 3)}, {fmt(cphi, 3)}] | {fmt(k)} [{fmt(klo)}, {fmt(khi)}] |')

    for m in MODES:
        if by_mode[m]:
            line(m, [by_mode[m]])
    line('**all** (stratified by mode)', [by_mode[m] for m in MODES if by_mode[m]])

    print()
    print('By source (rows resampled within source × mode):')
    print()
    print('| group | n | agree | raw agreement [bootstrap 95 % CI] | raw agreement, exact 95 % CI | Cohen\'s κ [bootstrap 95 % CI] |')
    print('|---|---:|---:|---|---|---|')
    for src in sorted({r['source'] for r in rows}):
        strata = [[(r['first'], r['second']) for r in rows if r['source'] == src and r['mode'] == m] for m in MODES]
        line(src, [s for s in strata if s])

    print()
    print('Confusion tables (rows: first labeller, columns: second labeller):')
    for m in MODES:
        c = Counter(by_mode[m])
        present = [l for l in LABELS if any(l in p for p in c)]
        print()
        print(f'**{m}**')
        print()
        print('| first \\ second | ' + ' | '.join(present) + ' | total |')
        print('|---|' + '---:|' * (len(present) + 1))
        for a in present:
            cells = [c[(a, b)] for b in present]
            print(f'| {a} | ' + ' | '.join(str(x) for x in cells) + f' | {sum(cells)} |')
        print('| total | ' + ' | '.join(str(sum(c[(a, b)] for a in present)) for b in present)
              + f' | {sum(c.values())} |')

    dis = [r for r in rows if r['first'] != r['second']]
    dis.sort(key=lambda r: (MODES.index(r['mode']), r['id']))
    print()
    print(f'Disagreements ({len(dis)}):')
    print()
    print('| id | mode | source | first | second | failure_class (first) | second labeller\'s note |')
    print('|---|---|---|---|---|---|---|')
    for r in dis:
        note = r['note'].replace('|', '/')
        print(f"| {r['id']} | {r['mode']} | {r['source']} | {r['first']} | {r['second']} | {r['failure_class']} | {note} |")


if __name__ == '__main__':
    main()
