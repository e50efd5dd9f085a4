#!/usr/bin/env python3
"""The comparison behind scripts/peers/llama-logprob-check (standard library only)."""
import argparse
import json
import math
import socket
import subprocess
import sys
import time
import urllib.request


def post(base, path, body):
    request = urllib.request.Request(base + path, data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=600) as response:
        return json.loads(response.read())


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def llama_logprobs(base, prompt, answers):
    """Log-probability of each answer's first token at the answer position, from llama-server's top tokens."""
    reply = post(base, "/completion", {"prompt": prompt, "n_predict": 1, "n_probs": 100, "temperature": 0,
                                       "cache_prompt": False, "post_sampling_probs": False})
    first = reply["completion_probabilities"][0]
    top = first.get("top_logprobs") or first.get("probs") or []
    found = {}
    for entry in top:
        token = entry.get("token", entry.get("tok_str", ""))
        value = entry["logprob"] if "logprob" in entry else math.log(entry["prob"])
        if token in answers and token not in found:
            found[token] = value
    return found


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--valueprobe", required=True)
    parser.add_argument("--llama-server", required=True)
    parser.add_argument("--choices", type=int, default=6)
    parser.add_argument("--tolerance", type=float, default=0.05)
    parser.add_argument("--precision", default="quantized")
    parser.add_argument("--llama-args", default="", help="extra llama-server arguments, space-separated")
    parser.add_argument("--model", help="GGUF file both engines run (default: valueprobe's SmolLM2 asset)")
    parser.add_argument("--reference", action="store_true",
                        help="also run llama-server with flash attention off and print how far llama.cpp moves")
    args = parser.parse_args()

    model = args.model or subprocess.run([args.valueprobe, "assets", "path", "smollm2"], check=True,
                                         capture_output=True, text=True).stdout.strip()
    listing = json.loads(subprocess.run([args.valueprobe, "suites", "questions", "choices", "--json"], check=True,
                                        capture_output=True, text=True).stdout)
    chosen = []
    for question in listing:
        if question["choice"] not in chosen and not question["choice"].endswith("-control"):
            chosen.append(question["choice"])
    chosen = chosen[:args.choices]
    questions = [q for q in listing if q["choice"] in chosen and q["form"] in ("ab", "compare")]

    def llama_run(extra):
        """Every question's answer log-probabilities from one llama-server started with `extra` arguments."""
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen([args.llama_server, "-m", model, "--port", str(port), "--host", "127.0.0.1",
                                   "-c", "2048", "--jinja", "-t", "2"] + extra,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            for _ in range(240):
                try:
                    with urllib.request.urlopen(base + "/health", timeout=2) as response:
                        if response.status == 200:
                            break
                except Exception:
                    time.sleep(0.5)
            else:
                raise SystemExit("llama-logprob-check: llama-server did not start")
            results = []
            for question in questions:
                prompt = post(base, "/apply-template",
                              {"messages": [{"role": "user", "content": question["prompt"]}]})["prompt"]
                results.append((prompt, llama_logprobs(base, prompt, question["answers"])))
            return results
        finally:
            server.terminate()
            server.wait()

    main_run = llama_run(args.llama_args.split())
    # llama.cpp's own numerical spread: the same prompts with its other attention path (flash attention off).
    reference = llama_run(args.llama_args.split() + ["-fa", "off"]) if args.reference else None

    worst, compared, missing, differences = 0.0, 0, 0, []
    print(f"{'choice':<34} {'form':<8} {'order':>5} {'answer':>6} {'llama.cpp':>10} {'valueprobe':>11} {'diff':>8}")
    for index, question in enumerate(questions):
        prompt, theirs = main_run[index]
        answers = question["answers"]
        scored = json.loads(subprocess.run([args.valueprobe, "score", "--json", "--model", model, "--precision", args.precision,
                                            prompt]
                                           + answers, check=True, capture_output=True, text=True).stdout)
        for answer, continuation in zip(answers, scored["continuations"]):
            ours = continuation["logprob"]
            if len(continuation["tokens"]) != 1 or answer not in theirs:
                missing += 1
                print(f"{question['choice']:<34} {question['form']:<8} {question['order']:>5} {answer:>6} "
                      f"{'(not in top 100)':>10} {ours:>11.4f}")
                continue
            diff = abs(theirs[answer] - ours)
            differences.append(diff)
            worst = max(worst, diff)
            compared += 1
            print(f"{question['choice']:<34} {question['form']:<8} {question['order']:>5} {answer:>6} "
                  f"{theirs[answer]:>10.4f} {ours:>11.4f} {diff:>8.4f}")
    mean = sum(differences) / len(differences) if differences else float("nan")
    print(f"valueprobe vs llama.cpp: {compared} answer log-probabilities ({missing} not comparable); largest "
          f"difference {worst:.4f} nats, mean {mean:.4f}; tolerance {args.tolerance}")
    if reference is not None:
        spread = [abs(main_run[i][1][a] - reference[i][1][a]) for i in range(len(questions))
                  for a in questions[i]["answers"] if a in main_run[i][1] and a in reference[i][1]]
        if spread:
            print(f"llama.cpp vs itself (flash attention on vs off): largest difference {max(spread):.4f} nats, "
                  f"mean {sum(spread) / len(spread):.4f}")
    return 0 if compared > 0 and worst <= args.tolerance else 1


if __name__ == "__main__":
    sys.exit(main())
