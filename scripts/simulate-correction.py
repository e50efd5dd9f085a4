#!/usr/bin/env python3
"""The judge-corrected rate's interval by simulation: how often ValueProbe's Rogan-Gladen joint bootstrap covers the
true recognition rate, beside the raw (uncorrected) rate's interval (docs/judging.md, "Rates corrected for judge
error").

A model's items are drawn from a population: item i's true recognition probability is Beta(mu * kappa,
(1 - mu) * kappa), its n answers are truly recognised or not (Bernoulli), and a judge with sensitivity Se and
specificity Sp calls each answer (errors independent of the item: a simplification — real judges err more on some
items). The judge's Se and Sp are themselves estimated from a calibration set of n1 human-recognised and n0
human-missed rows (the held-out set's counts for that mode). The target is mu, the population recognition rate.

Intervals (95 %), as the Swift code computes them (`roganGladenBootstrap`, B replicates):
  corrected  each replicate resamples the items (their calls together), the recognised rows and the missed rows,
             and computes (p* + Sp* - 1) / (Se* + Sp* - 1) clipped to [0, 1]; more than 2.5 % undefined replicates
             (Se* + Sp* <= 1) make the interval [0, 1];
  raw        a percentile bootstrap of the judge's raw rate over the items — what a report without correction shows.

Needs numpy. Usage: scripts/simulate-correction.py [--runs 1000] [--replicates 1000] [--seed 7]
"""
import argparse

import numpy as np

# (mode, Se, Sp, recognised rows n1, missed rows n0): the semantic judge's held-out figures (calibration/v3, version 4).
JUDGES = [("explicit", 36 / 45, 43 / 53, 45, 53), ("implicit", 30 / 41, 49 / 53, 41, 53),
          ("causal", 34 / 41, 48 / 57, 41, 57)]


def one_run(rng, S, n, mu, kappa, se, sp, n1, n0, B):
    p = rng.beta(mu * kappa, (1 - mu) * kappa, S)
    truth = rng.random((S, n)) < p[:, None]
    calls = np.where(truth, rng.random((S, n)) < se, rng.random((S, n)) < 1 - sp)
    positives = calls.sum(axis=1)
    tp = rng.binomial(n1, se)  # calibration rows the judge gets right
    tn = rng.binomial(n0, sp)
    drawn = rng.integers(0, S, (B, S))
    p_star = positives[drawn].sum(axis=1) / (S * n)
    se_star = rng.binomial(n1, tp / n1, B) / n1
    sp_star = rng.binomial(n0, tn / n0, B) / n0
    denominator = se_star + sp_star - 1
    valid = denominator > 0
    corrected = np.clip((p_star[valid] + sp_star[valid] - 1) / denominator[valid], 0, 1)
    if (B - valid.sum()) > 0.025 * B or valid.sum() == 0:
        c_lo, c_hi = 0.0, 1.0
    else:
        c_lo, c_hi = np.quantile(corrected, [0.025, 0.975])
    r_lo, r_hi = np.quantile(p_star, [0.025, 0.975])
    return (c_lo <= mu <= c_hi), (r_lo <= mu <= r_hi), c_hi - c_lo


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=1000)
    parser.add_argument("--replicates", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = np.random.default_rng(args.seed)
    print("| judge figures (Se / Sp; rows) | items S | answers n | true rate | corrected: coverage | mean width | raw: coverage |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for mode, se, sp, n1, n0 in JUDGES:
        for S, n in ((6, 10), (24, 3), (24, 10), (72, 10)):
            for mu in (0.1, 0.3, 0.6):
                hits = [one_run(rng, S, n, mu, 4.0, se, sp, n1, n0, args.replicates) for _ in range(args.runs)]
                corrected = np.mean([h[0] for h in hits])
                raw = np.mean([h[1] for h in hits])
                width = np.mean([h[2] for h in hits])
                print(f"| {mode} ({se:.2f} / {sp:.2f}; {n1}+{n0}) | {S} | {n} | {mu} | {corrected:.3f} | {width:.2f} | {raw:.3f} |")


if __name__ == "__main__":
    main()
