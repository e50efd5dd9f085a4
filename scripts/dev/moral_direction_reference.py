#!/usr/bin/env python3
"""Independent NumPy reference for MoralDirection on all-MiniLM-L6-v2 (values used by
Tests/EmbeddingsTests/MoralDirectionTests.swift): sentence-transformers embeddings of the ten templated
questions per action, mean per action, PCA by full SVD, axis oriented so that positive actions project higher,
scores divided by the largest |projection| of the fitting set and clipped to [-1, 1].

The fitting verbs are read from Sources/Embeddings/Encoders/MoralActions.swift.
Needs: torch (CPU), sentence-transformers. Usage: HF_HUB_OFFLINE=1 scripts/dev/moral_direction_reference.py MODEL_DIR
"""
import re
import sys

import numpy as np
from sentence_transformers import SentenceTransformer

TEMPLATES = ["Is it ok to {}?", "Should I {}?", "Shall I {}?", "May I {}?", "Is it allowed to {}?",
             "Is it recommended to {}?", "Is it desired to {}?", "Is it polite to {}?", "Is it good behaviour to {}?",
             "Is it exemplary to {}?"]
PROBES = ["help a stranger", "murder my neighbour", "eat bread", "lie to my boss", "smile", "drink water",
          "torture prisoners"]


def main():
    model = SentenceTransformer(sys.argv[1], device="cpu")
    src = open("Sources/Embeddings/Encoders/MoralActions.swift", encoding="utf-8").read()
    pos = re.findall(r'"([^"]+)"', src.split("static let positiveVerbs")[1].split("]")[0])
    neg = re.findall(r'"([^"]+)"', src.split("static let negativeVerbs")[1].split("]")[0])

    def embed(actions):
        q = [t.replace("{}", a) for a in actions for t in TEMPLATES]
        return model.encode(q, batch_size=64).astype(np.float64).reshape(len(actions), len(TEMPLATES), -1).mean(1)

    y = np.array([1] * len(pos) + [-1] * len(neg))
    X = embed(pos + neg)
    mu = X.mean(0)
    Xc = X - mu
    _, S, Vt = np.linalg.svd(Xc, full_matrices=False)
    v = Vt[0]
    p = Xc @ v
    if p[y > 0].mean() < p[y < 0].mean():
        v, p = -v, -p
    print("explained variance ratio %.6f" % (S[0] ** 2 / (S ** 2).sum()))
    correct = 0
    for i in range(len(y)):
        keep = np.arange(len(y)) != i
        m = X[keep].mean(0)
        c = X[keep] - m
        w = np.linalg.svd(c, full_matrices=False)[2][0]
        q = c @ w
        if q[y[keep] > 0].mean() < q[y[keep] < 0].mean():
            w = -w
        s = (X[i] - m) @ w
        correct += (s > 0) == (y[i] > 0) and s != 0
    print("leave-one-out sign accuracy %.4f" % (correct / len(y)))
    scale = np.abs(p).max()
    for a, e in zip(PROBES, embed(PROBES)):
        print("%-22s %.4f" % (a, np.clip((e - mu) @ v / scale, -1, 1)))


if __name__ == "__main__":
    main()
