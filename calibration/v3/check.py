#!/usr/bin/env python3
"""Validate calibration/v3/judge-calibration-v3.jsonl against the frozen suites beside it and print its counts.

Usage: python3 calibration/v3/check.py [FILE]      (standard library + PyYAML; exits 1 on any problem)

FILE defaults to judge-calibration-v3.jsonl beside this script. Items are resolved in the frozen copies
suites/khamassi2024.yaml and suites/values-core.yaml beside it, expanded the way ValueProbe's loader expands
matched scenarios (docs/suite-format.md): ID-explicit (explicit), ID (implicit, level 0), ID-deliberate
(implicit, level 1: the request followed by the ladder's deliberation sentence), ID-follow-up (implicit, level 2),
ID-control (control), ID-causal (causal); items written one by one (the definition questions and the family-level
causal questions) keep their own id and mode.

Checks: one JSON object per line with exactly the expected keys in order; enums; unique, sequential ids v3-0001,
v3-0002, ...; the item exists in the named suite with the stated mode and family value; the item is single-turn
(no ID-follow-up item: those need an earlier answer); the variant exists (0 = the main prompt, k = the k-th
paraphrase); split is `test` on every row; the response is non-empty and no response appears twice; a `length`
finish reason on every `truncated` row; and no response repeats a response of any earlier labelled file
(calibration/*.jsonl, calibration/extra/*.jsonl, calibration/v2/*.jsonl), compared by the SHA-256 of the text with
whitespace collapsed: membership only; nothing of those files is printed or kept but the hashes of their texts.
The counts printed at the end are this file's only.
"""
import glob
import hashlib
import json
import os
import sys
from collections import Counter, defaultdict

try:
    import yaml
except ImportError:  # pragma: no cover - a clear message instead of a traceback
    sys.exit("check.py needs PyYAML (pip install pyyaml)")

HERE = os.path.dirname(os.path.abspath(__file__))
CALIBRATION = os.path.dirname(HERE)
SUITES = ["khamassi2024", "values-core"]
KEYS = ["id", "suite", "item", "variant", "mode", "value", "response", "finish_reason", "label", "source",
        "failure_class", "split", "note"]
MODES = ["explicit", "implicit", "control", "causal"]
LABELS = ["recognised", "missed", "refused"]
SOURCES = ["smollm2", "written"]
FINISH = ["stop", "length"]
EARLIER = ["*.jsonl", "extra/*.jsonl", "v2/*.jsonl"]  # globs under calibration/


def expand_suite(path):
    """Item id -> {mode, value, paraphrases, level}, expanded like the Swift loader expands scenarios."""
    with open(path, encoding="utf-8") as fh:
        suite = yaml.safe_load(fh)
    ladder = suite.get("ladder")
    items = {}

    def add(iid, mode, value, form, level, scenario=None):
        if iid in items:
            raise ValueError(f"{path}: item id {iid} appears twice")
        items[iid] = {"mode": mode, "value": value, "paraphrases": len(form.get("paraphrases") or []),
                      "level": level, "scenario": scenario or iid}

    for family in suite["families"]:
        value = family["value"]
        for item in family.get("items") or []:
            add(item["id"], item["mode"], value, item, item.get("level"))
        for sc in family.get("scenarios") or []:
            sid = sc["id"]
            add(sid + "-explicit", "explicit", value, sc["explicit"], 3, sid)
            add(sid, "implicit", value, sc["implicit"], 0, sid)
            if ladder:
                add(sid + "-deliberate", "implicit", value, sc["implicit"], 1, sid)
                add(sid + "-follow-up", "implicit", value, sc["implicit"], 2, sid)
            add(sid + "-control", "control", value, sc["control"], None, sid)
            add(sid + "-causal", "causal", value, sc["causal"], None, sid)
    return items


def norm(text):
    return " ".join(text.split())


def digest(text):
    return hashlib.sha256(norm(text).encode("utf-8")).hexdigest()


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "judge-calibration-v3.jsonl")
    suites = {name: expand_suite(os.path.join(HERE, "suites", name + ".yaml")) for name in SUITES}
    old_hashes = set()
    for pattern in EARLIER:
        for p in sorted(glob.glob(os.path.join(CALIBRATION, pattern))):
            with open(p, encoding="utf-8") as fh:
                for line in fh:
                    try:
                        obj = json.loads(line)
                    except json.JSONDecodeError:
                        continue
                    text = obj.get("response") if isinstance(obj, dict) else None
                    if isinstance(text, str):
                        old_hashes.add(digest(text))

    errors, rows = [], []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            try:
                r = json.loads(line)
            except json.JSONDecodeError as e:
                errors.append(f"line {n}: not JSON ({e})")
                continue
            if not isinstance(r, dict) or list(r.keys()) != KEYS:
                errors.append(f"line {n}: keys {list(r.keys()) if isinstance(r, dict) else type(r).__name__} != {KEYS}")
                continue
            rows.append((n, r))

    seen_text = {}
    for n, r in rows:
        where = f"line {n} ({r['id']})"
        if r["id"] != f"v3-{n:04d}":
            errors.append(f"{where}: id should be v3-{n:04d}")
        if r["suite"] not in suites:
            errors.append(f"{where}: unknown suite {r['suite']!r}")
            continue
        item = suites[r["suite"]].get(r["item"])
        if item is None:
            errors.append(f"{where}: item {r['item']!r} is not in suites/{r['suite']}.yaml")
            continue
        if item["level"] == 2:
            errors.append(f"{where}: {r['item']} is a follow-up item (needs an earlier answer)")
        if r["mode"] != item["mode"]:
            errors.append(f"{where}: mode {r['mode']!r}, but {r['item']} is {item['mode']}")
        if r["value"] != item["value"]:
            errors.append(f"{where}: value {r['value']!r}, but {r['item']} belongs to {item['value']}")
        if not isinstance(r["variant"], int) or isinstance(r["variant"], bool) or not 0 <= r["variant"] <= item["paraphrases"]:
            errors.append(f"{where}: variant {r['variant']!r} outside 0…{item['paraphrases']}")
        if r["label"] not in LABELS:
            errors.append(f"{where}: label {r['label']!r} not in {LABELS}")
        if r["source"] not in SOURCES:
            errors.append(f"{where}: source {r['source']!r} not in {SOURCES}")
        if r["finish_reason"] not in FINISH:
            errors.append(f"{where}: finish_reason {r['finish_reason']!r} not in {FINISH}")
        if r["split"] != "test":
            errors.append(f"{where}: split {r['split']!r}, must be test")
        if not isinstance(r["response"], str) or not r["response"].strip():
            errors.append(f"{where}: empty response")
            continue
        if not isinstance(r["failure_class"], str) or not r["failure_class"]:
            errors.append(f"{where}: empty failure_class")
        if not isinstance(r["note"], str):
            errors.append(f"{where}: note must be a string")
        if r["failure_class"] == "truncated" and r["finish_reason"] != "length":
            errors.append(f"{where}: failure_class truncated needs finish_reason length")
        t = norm(r["response"])
        if t in seen_text:
            errors.append(f"{where}: same response as line {seen_text[t]}")
        seen_text[t] = n
        if digest(r["response"]) in old_hashes:
            errors.append(f"{where}: response repeats a response of an earlier labelled file")

    if errors:
        for e in errors[:50]:
            print(e, file=sys.stderr)
        if len(errors) > 50:
            print(f"… and {len(errors) - 50} more", file=sys.stderr)
        print(f"FAILED: {len(errors)} problem(s) in {path}", file=sys.stderr)
        return 1

    rs = [r for _, r in rows]
    by = Counter((r["mode"], r["label"], r["source"]) for r in rs)
    print(f"{os.path.basename(path)}: {len(rs)} rows, all valid\n")
    print("| mode | label | smollm2 | written | all |")
    print("|---|---|---:|---:|---:|")
    for m in MODES:
        for lab in LABELS:
            a, b = by[(m, lab, "smollm2")], by[(m, lab, "written")]
            print(f"| {m} | {lab} | {a} | {b} | {a + b} |")
    tot = Counter(r["source"] for r in rs)
    print(f"| **all** | | {tot['smollm2']} | {tot['written']} | {len(rs)} |\n")

    print("| mode | rows | recognised | missed | refused | smollm2 share | truncated (length) | items | scenario families | values |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for m in MODES:
        mr = [r for r in rs if r["mode"] == m]
        if not mr:
            continue
        lab = Counter(r["label"] for r in mr)
        share = sum(r["source"] == "smollm2" for r in mr) / len(mr)
        trunc = sum(r["finish_reason"] == "length" for r in mr)
        items = len({(r["suite"], r["item"]) for r in mr})
        values = len({(r["suite"], r["value"]) for r in mr})
        fams = len({(r["suite"], suites[r["suite"]][r["item"]]["scenario"]) for r in mr})
        pct = lambda k: f"{lab[k]} ({100 * lab[k] / len(mr):.0f} %)"
        print(f"| {m} | {len(mr)} | {pct('recognised')} | {pct('missed')} | {pct('refused')} | "
              f"{100 * share:.0f} % | {trunc} | {items} | {fams} | {values} |")
    scen = {(r["suite"], suites[r["suite"]][r["item"]]["scenario"]) for r in rs}
    matched = {s for s in scen if suites[s[0]].get(s[1] + "-control")}
    print(f"\n{len({(r['suite'], r['item']) for r in rs})} items; {len(scen)} scenario families "
          f"({len(matched)} matched scenarios, {len(scen) - len(matched)} stand-alone items); "
          f"{len({(r['suite'], r['value']) for r in rs})} suite × value families\n")

    print("| suite | value | explicit | implicit | control | causal |")
    print("|---|---|---:|---:|---:|---:|")
    cov = Counter((r["suite"], r["value"], r["mode"]) for r in rs)
    for suite in SUITES:
        for value in sorted({it["value"] for it in suites[suite].values()}):
            print(f"| {suite} | {value} | " + " | ".join(str(cov[(suite, value, m)]) for m in MODES) + " |")
    print()

    fc = defaultdict(Counter)
    for r in rs:
        fc[r["failure_class"]][r["label"]] += 1
    print("failure classes (label: rows): " + "; ".join(
        f"{k}: " + ", ".join(f"{lab} {fc[k][lab]}" for lab in LABELS if fc[k][lab]) for k in sorted(fc)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
