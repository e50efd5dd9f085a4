#!/usr/bin/env python3
"""Draw the `smollm2` rows of judge-calibration-v3.jsonl from run stores, by a fixed rule (never by content).

Usage: python3 calibration/v3/draw_smollm2.py OUT.json ROWS_PER_MODE [--before TIME] [--exclude EARLIER.json ...] STORE.sqlite ...
(standard library + PyYAML)

Reads only the `samples` and `responses` tables of each store (item id, variant, text, finish reason, error) —
never `verdicts`. Candidates: answers to single-turn items of the frozen suites beside this script (every item
except ID-follow-up), with a non-empty text, no error and a finish reason of `stop` or `length` (the calibration
format's two values; answers the engine stopped as a repetition loop, finish reason `repetition`, are left out).
With --before (an ISO time such as 2026-12-07T21:59:54Z), only answers stored up to that time count (the stores'
`responses.created`), so a draw made while the runs were still going can be repeated exactly later. The stores are
given in order of preference: for an item and variant answered in several stores (or in several runs of one store),
the first store's earliest stored answer is the candidate.

Selection, per mode (explicit, implicit, control, causal), ROWS_PER_MODE rows, at most one per item, leaving out the
items of earlier draws given with --exclude (so a second batch, drawn when the runs have gone further, never repeats
an item of the first):
the mode's candidate items are grouped by (suite, value); each group's items are shuffled with
random.Random(int(sha256("v3-items:SUITE:VALUE:MODE").hexdigest(), 16)) after sorting by id; the groups are taken in
the order of sha256("v3-groups:SUITE:VALUE:MODE"), round-robin, one item per group per round, until the mode has
ROWS_PER_MODE rows; the item's answer is random.Random(int(sha256("v3-answer:ITEM").hexdigest(), 16)).choice of its
candidates sorted by (variant, store order). If a mode has fewer candidate items than ROWS_PER_MODE, a second round
takes a second answer (another variant) from its items, in the same group order, round-robin, the answer chosen with
random.Random(int(sha256("v3-answer2:ITEM").hexdigest(), 16)) among the item's remaining candidates. OUT.json lists the drawn rows (suite, item, variant, mode, value,
response, finish_reason, store, sample key), unlabelled.
"""
import hashlib
import json
import os
import random
import sqlite3
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from check import SUITES, expand_suite  # noqa: E402

MODES = ["explicit", "implicit", "control", "causal"]
HERE = os.path.dirname(os.path.abspath(__file__))


def h(text):
    return int(hashlib.sha256(text.encode("utf-8")).hexdigest(), 16)


def main():
    args = sys.argv[1:]
    if len(args) < 3:
        sys.exit(__doc__.strip().splitlines()[2])
    out, rest = args[0], args[2:]
    try:
        rows_per_mode = int(args[1])
    except ValueError:
        sys.exit(f"draw_smollm2.py: ROWS_PER_MODE must be a whole number, got {args[1]!r}")
    excluded, stores, before = set(), [], None
    while rest:
        a = rest.pop(0)
        if a == "--before":
            before = rest.pop(0)
        elif a == "--exclude":
            with open(rest.pop(0), encoding="utf-8") as fh:
                excluded |= {(r["suite"], r["item"]) for r in json.load(fh)}
        else:
            stores.append(a)
    suites = {name: expand_suite(os.path.join(HERE, "suites", name + ".yaml")) for name in SUITES}
    owner = {}  # item id -> suite name (ids are unique across the two suites)
    for name, items in suites.items():
        for iid in items:
            owner[iid] = name
    cand = {}  # (suite, item) -> {variant: (store index, store, key, text, finish)}
    if not stores:
        sys.exit("draw_smollm2.py: no STORE.sqlite given")
    for si, store in enumerate(stores):
        if not os.path.isfile(store):
            sys.exit(f"draw_smollm2.py: {store}: no such run store")
        db = sqlite3.connect(f"file:{store}?mode=ro", uri=True)
        q = ("SELECT s.key, s.item_id, s.variant, r.text, r.finish_reason, r.error "
             "FROM samples s JOIN responses r ON r.key = s.key "
             + ("WHERE r.created <= ? " if before else "") + "ORDER BY r.created, s.ordinal")
        for key, iid, variant, text, finish, error in db.execute(q, (before,) if before else ()):
            suite = owner.get(iid)
            if suite is None or suites[suite][iid]["level"] == 2 or (suite, iid) in excluded:
                continue
            if error or not text.strip() or finish not in ("stop", "length"):
                continue
            slot = cand.setdefault((suite, iid), {})
            if variant not in slot:
                slot[variant] = (si, store, key, text, finish)
        db.close()

    drawn = []
    for mode in MODES:
        groups = {}
        for (suite, iid) in cand:
            it = suites[suite][iid]
            if it["mode"] == mode:
                groups.setdefault((suite, it["value"]), []).append(iid)
        order = sorted(groups, key=lambda g: hashlib.sha256(f"v3-groups:{g[0]}:{g[1]}:{mode}".encode()).hexdigest())
        for g in order:
            ids = sorted(groups[g])
            random.Random(h(f"v3-items:{g[0]}:{g[1]}:{mode}")).shuffle(ids)
            groups[g] = ids
        taken = 0
        seconds = {g: list(groups[g]) for g in order}  # the same item order, for a second round
        used = set()
        rounds = [("v3-answer", groups), ("v3-answer2", seconds)]
        for salt, queue in rounds:
            while taken < rows_per_mode and any(queue[g] for g in order):
                for g in order:
                    if taken >= rows_per_mode:
                        break
                    if not queue[g]:
                        continue
                    iid = queue[g].pop(0)
                    options = [kv for kv in sorted(cand[(g[0], iid)].items(), key=lambda kv: (kv[0], kv[1][0]))
                               if (iid, kv[0]) not in used]
                    if not options:
                        continue
                    variant, (si, store, key, text, finish) = random.Random(h(f"{salt}:{iid}")).choice(options)
                    used.add((iid, variant))
                    drawn.append({"suite": g[0], "item": iid, "variant": variant, "mode": mode, "value": g[1],
                                  "response": text, "finish_reason": finish,
                                  "store": os.path.basename(os.path.dirname(store)), "key": key})
                    taken += 1
        print(f"{mode}: {taken} rows from {len(order)} suite×value groups", file=sys.stderr)
    with open(out, "w", encoding="utf-8") as fh:
        json.dump(drawn, fh, ensure_ascii=False, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
