#!/usr/bin/env python3
"""Validate calibration/judge-calibration.jsonl against the built-in suites and print its counts.

Usage: python3 calibration/check.py [FILE]      (standard library only; exits 1 on any problem)

FILE defaults to judge-calibration.jsonl. For the fresh held-out set (judge-calibration-fresh.jsonl) the ids are
fresh-0001, fresh-0002, …, every row must be in the test split, every item must be a test-split item of the main
file, and no response may repeat one of the main file's responses (compared with whitespace collapsed).

Checks: one JSON object per line with exactly the expected keys in order; enums; unique, sequential ids;
the item exists in the named suite with the stated mode and family value; the variant exists (0 = the main
prompt, k = the k-th paraphrase); every item lies in exactly one split, and that split is the one the
documented rule assigns (sha256 of the item id within each suite x mode group, 60/20/20).
"""
import hashlib, json, os, re, sys
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SUITES = {"khamassi2024": "calibration/suites/khamassi2024.yaml", "values-core": "calibration/suites/values-core.yaml"}
KEYS = ["id", "suite", "item", "variant", "mode", "value", "response", "finish_reason", "label", "source",
        "failure_class", "split", "note"]
MODES = ["explicit", "implicit", "control", "causal"]
LABELS = ["recognised", "missed", "refused"]
SPLITS = ["train", "dev", "test"]


def parse_suite(path):
    """Minimal reader for the suites' layout: family value, item id, mode and number of paraphrases."""
    items = {}
    value = None
    cur = None
    in_para = False
    para_indent = None
    for line in open(path, encoding="utf-8"):
        s = line.rstrip("\n")
        m = re.match(r"^  - id: (\S+)\s*$", s)
        if m:  # family
            cur = None
            in_para = False
            continue
        m = re.match(r"^    value: (.+?)\s*$", s)
        if m:
            value = m.group(1).strip("'\"")
            continue
        m = re.match(r"^      - id: (\S+)\s*$", s)
        if m:
            cur = m.group(1)
            items[cur] = {"value": value, "mode": None, "paraphrases": 0}
            in_para = False
            continue
        if cur is None:
            continue
        m = re.match(r"^        mode: (\S+)\s*$", s)
        if m:
            items[cur]["mode"] = m.group(1)
            in_para = False
            continue
        if re.match(r"^        paraphrases:\s*$", s):
            in_para = True
            continue
        if in_para:
            if re.match(r"^          - ", s):
                items[cur]["paraphrases"] += 1
                continue
            if re.match(r"^          \S", s) or re.match(r"^            ", s) or s.strip() == "":
                continue
            in_para = False
    return items


def expected_split(all_items):
    groups = defaultdict(list)
    for (suite, iid), it in all_items.items():
        groups[(suite, it["mode"])].append(iid)
    out = {}
    for (suite, _), ids in groups.items():
        ids.sort(key=lambda i: hashlib.sha256(i.encode("utf-8")).hexdigest())
        n = len(ids)
        k = max(1, round(0.2 * n))
        ntr = n - 2 * k
        for j, i in enumerate(ids):
            out[(suite, i)] = "train" if j < ntr else ("dev" if j < ntr + k else "test")
    return out


def main():
    main_path = os.path.join(HERE, "judge-calibration.jsonl")
    path = sys.argv[1] if len(sys.argv) > 1 else main_path
    fresh = os.path.basename(path).startswith("judge-calibration-fresh")
    prefix = "fresh" if fresh else "cal"
    if fresh:  # the main file's test items and responses (membership only)
        main_test, main_texts = set(), set()
        with open(main_path, encoding="utf-8") as fh:
            for line in fh:
                m = json.loads(line)
                if m["split"] == "test":
                    main_test.add((m["suite"], m["item"]))
                main_texts.add(" ".join(m["response"].split()))
    all_items = {}
    for suite, rel in SUITES.items():
        for iid, it in parse_suite(os.path.join(ROOT, rel)).items():
            all_items[(suite, iid)] = it
    want_split = expected_split(all_items)
    errors = []
    rows = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            try:
                r = json.loads(line)
            except json.JSONDecodeError as e:
                errors.append(f"line {n}: not JSON ({e})")
                continue
            if not isinstance(r, dict) or list(r.keys()) != KEYS:
                errors.append(f"line {n}: keys {list(r.keys()) if isinstance(r, dict) else type(r)} != {KEYS}")
                continue
            rows.append((n, r))
    ids = Counter(r["id"] for _, r in rows)
    item_splits = defaultdict(set)
    for n, r in rows:
        where = f"line {n} ({r['id']})"
        if ids[r["id"]] > 1:
            errors.append(f"{where}: duplicate id")
        if r["id"] != f"{prefix}-{n:04d}":
            errors.append(f"{where}: id should be {prefix}-{n:04d}")
        if fresh:
            if r["split"] != "test":
                errors.append(f"{where}: the fresh set holds test rows only")
            if (r["suite"], r["item"]) not in main_test:
                errors.append(f"{where}: {r['item']} is not a test-split item of the main file")
            if isinstance(r["response"], str) and " ".join(r["response"].split()) in main_texts:
                errors.append(f"{where}: response already in the main file")
        for key, allowed in (("mode", MODES), ("label", LABELS), ("split", SPLITS),
                             ("finish_reason", ["stop", "length"]), ("source", ["smollm2", "written"]),
                             ("suite", list(SUITES))):
            if r[key] not in allowed:
                errors.append(f"{where}: {key} {r[key]!r} not in {allowed}")
        if not isinstance(r["response"], str) or not r["response"].strip():
            errors.append(f"{where}: empty response")
        if not isinstance(r["failure_class"], str) or not r["failure_class"]:
            errors.append(f"{where}: empty failure_class")
        if not isinstance(r["note"], str):
            errors.append(f"{where}: note must be a string")
        it = all_items.get((r["suite"], r["item"]))
        if it is None:
            errors.append(f"{where}: no item {r['item']!r} in suite {r['suite']!r}")
            continue
        if it["mode"] != r["mode"]:
            errors.append(f"{where}: item mode is {it['mode']}, row says {r['mode']}")
        if it["value"] != r["value"]:
            errors.append(f"{where}: family value is {it['value']}, row says {r['value']}")
        if not isinstance(r["variant"], int) or isinstance(r["variant"], bool) or not 0 <= r["variant"] <= it["paraphrases"]:
            errors.append(f"{where}: variant {r['variant']!r} does not exist (item has {it['paraphrases']} paraphrases)")
        item_splits[(r["suite"], r["item"])].add(r["split"])
        if r["split"] != want_split[(r["suite"], r["item"])]:
            errors.append(f"{where}: split {r['split']} but the rule assigns {want_split[(r['suite'], r['item'])]}")
    for key, splits in item_splits.items():
        if len(splits) > 1:
            errors.append(f"item {key[1]} is in several splits: {sorted(splits)}")

    recs = [r for _, r in rows]
    print(f"{path}: {len(recs)} rows, {len(item_splits)} items "
          f"({sum(1 for k in item_splits if k[0] == 'khamassi2024')} khamassi2024, "
          f"{sum(1 for k in item_splits if k[0] == 'values-core')} values-core)")
    print()
    c = Counter((r["mode"], r["label"], r["split"]) for r in recs)
    head = "| mode | label | train | dev | test | all |"
    print(head)
    print("|---|---|---:|---:|---:|---:|")
    for m in MODES:
        for l in LABELS:
            v = [c[(m, l, s)] for s in SPLITS]
            print(f"| {m} | {l} | {v[0]} | {v[1]} | {v[2]} | {sum(v)} |")
    tot = [sum(c[(m, l, s)] for m in MODES for l in LABELS) for s in SPLITS]
    print(f"| **all** | | {tot[0]} | {tot[1]} | {tot[2]} | {sum(tot)} |")
    print()
    cs = Counter((r["mode"], r["source"]) for r in recs)
    ct = Counter((r["mode"], r["finish_reason"]) for r in recs)
    print("| mode | smollm2 | written | truncated (length) | items |")
    print("|---|---:|---:|---:|---:|")
    for m in MODES:
        ni = len({r["item"] for r in recs if r["mode"] == m})
        print(f"| {m} | {cs[(m, 'smollm2')]} | {cs[(m, 'written')]} | {ct[(m, 'length')]} | {ni} |")
    print()
    cl = Counter((r["source"], r["label"]) for r in recs)
    print("| source | recognised | missed | refused |")
    print("|---|---:|---:|---:|")
    for s in ("smollm2", "written"):
        print(f"| {s} | {cl[(s, 'recognised')]} | {cl[(s, 'missed')]} | {cl[(s, 'refused')]} |")
    print()
    fc = Counter((r["failure_class"], r["label"]) for r in recs)
    print("failure classes (label: rows): " + "; ".join(
        f"{k}: " + ", ".join(f"{l} {fc[(k, l)]}" for l in LABELS if fc[(k, l)])
        for k in sorted({r['failure_class'] for r in recs})))
    print()
    if errors:
        print(f"{len(errors)} problem(s):")
        for e in errors[:200]:
            print("  " + e)
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
