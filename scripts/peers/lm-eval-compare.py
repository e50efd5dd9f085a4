"""Compares the log-likelihoods lm-evaluation-harness logged (--log_samples) with `valueprobe score` on the same
tokens. Part of scripts/peers/lm-eval-check; standard library only.

lm-eval splits each (context, continuation) pair into tokens as its TemplateAPI does: trailing spaces of the
context move to the continuation, the context and the whole text are tokenised (here through the server's
/tokenize, the tokenizer lm-eval used), and the continuation is the whole text's tokens after the context's.
Each document's pairs are then scored with one `valueprobe score --ids --json` call per context.
"""
import argparse
import json
import subprocess
import sys
import urllib.request

TOLERANCE = 1e-4


def tokenize(server, text):
    body = json.dumps({"prompt": text, "add_special_tokens": False}).encode()
    request = urllib.request.Request(f"{server}/tokenize", data=body, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.load(response)["tokens"]


def encode_pair(server, context, continuation):
    spaces = len(context) - len(context.rstrip())
    if spaces > 0:
        continuation = context[-spaces:] + continuation
        context = context[:-spaces]
    whole = tokenize(server, context + continuation)
    context_ids = tokenize(server, context)
    return context_ids, whole[len(context_ids):]


def pairs(sample):
    """The (context, continuation) arguments of one logged sample, in order (two layouts across lm-eval versions)."""
    arguments = sample["arguments"]
    if isinstance(arguments, dict):
        return [(a["arg_0"], a["arg_1"]) for _, a in sorted(arguments.items(), key=lambda kv: int(kv[0].rsplit("_", 1)[1]))]
    return [(a[0], a[1]) for a in arguments]


def reported(sample):
    """lm-eval's (log-likelihood, is_greedy) for each pair."""
    out = []
    for r in sample["resps"]:
        value = r[0] if isinstance(r[0], (list, tuple)) else r
        out.append((float(value[0]), value[1] in (True, "True", "true")))
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", required=True)
    parser.add_argument("--server", required=True)
    parser.add_argument("--valueprobe", required=True)
    parser.add_argument("--model", default="smollm2")
    parser.add_argument("--generations", help="lm-eval's samples file of the generate_until task")
    args = parser.parse_args()
    score_model = "local:smollm2" if args.model == "smollm2" else args.model

    rows, failures, largest = 0, 0, 0.0
    with open(args.samples) as f:
        samples = [json.loads(line) for line in f if line.strip()]
    if not samples:
        sys.exit("lm-eval-compare: the samples file is empty")
    print(f"{'doc':>3}  {'continuation':<28} {'lm-eval':>12} {'valueprobe':>12} {'|diff|':>9}  greedy")
    for sample in samples:
        by_context = {}
        for (context, continuation), (lm_lp, lm_greedy) in zip(pairs(sample), reported(sample)):
            context_ids, continuation_ids = encode_pair(args.server, context, continuation)
            by_context.setdefault(tuple(context_ids), []).append((continuation, continuation_ids, lm_lp, lm_greedy))
        for context_ids, entries in by_context.items():
            command = [args.valueprobe, "score", "--model", score_model, "--ids", "--json",
                       " ".join(map(str, context_ids))] + [" ".join(map(str, e[1])) for e in entries]
            result = subprocess.run(command, capture_output=True, text=True)
            if result.returncode != 0:
                sys.exit(f"lm-eval-compare: valueprobe score failed: {result.stderr.strip()}")
            scores = json.loads(result.stdout)["continuations"]
            for (continuation, _, lm_lp, lm_greedy), score in zip(entries, scores):
                diff = abs(lm_lp - score["logprob"])
                ok = diff <= TOLERANCE and lm_greedy == score["is_greedy"]
                rows += 1
                failures += 0 if ok else 1
                largest = max(largest, diff)
                flag = "" if ok else "  MISMATCH"
                print(f"{sample['doc_id']:>3}  {continuation[:28]!r:<28} {lm_lp:>12.6f} {score['logprob']:>12.6f} "
                      f"{diff:>9.2e}  {lm_greedy}/{score['is_greedy']}{flag}")
    print(f"lm-eval-compare: {rows} log-likelihoods, largest |diff| {largest:.2e}, {failures} mismatches "
          f"(tolerance {TOLERANCE})")
    generated, different = compare_generations(args) if args.generations else (0, 0)
    sys.exit(1 if failures or rows == 0 or different or (args.generations and generated == 0) else 0)


def compare_generations(args):
    """lm-eval's greedy generations against the server's own greedy /v1/completions of the same context."""
    with open(args.generations) as f:
        samples = [json.loads(line) for line in f if line.strip()]
    different = 0
    for sample in samples:
        arguments = sample["arguments"]
        first = arguments["gen_args_0"] if isinstance(arguments, dict) else arguments[0]
        context, settings = (first["arg_0"], first["arg_1"]) if isinstance(first, dict) else (first[0], first[1])
        theirs = sample["resps"][0][0]
        body = json.dumps({"model": "smollm2", "prompt": context, "temperature": 0,
                           "max_tokens": settings.get("max_gen_toks", 8), "stop": settings.get("until", [])}).encode()
        request = urllib.request.Request(f"{args.server}/v1/completions", data=body,
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=120) as response:
            ours = json.load(response)["choices"][0]["text"]
        same = theirs == ours and theirs.strip() != ""
        different += 0 if same else 1
        print(f"{sample['doc_id']:>3}  {context[-40:]!r:<44} lm-eval {theirs!r:<20} server {ours!r:<20}"
              f"{'' if same else '  DIFFERENT'}")
    print(f"lm-eval-compare: {len(samples)} generations, {different} differ from the server's greedy completions "
          "(or are empty)")
    return len(samples), different


if __name__ == "__main__":
    main()
