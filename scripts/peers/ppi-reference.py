#!/usr/bin/env python3
"""Reference numbers for ValueProbe's prediction-powered mean (Sources/Statistics/PredictionPoweredMean.swift).

Runs ppi-python (the reference implementation of prediction-powered inference) on the small fixed data set that
Tests/StatisticsTests/PredictionPoweredTests.swift uses, and prints the PPI (lambda = 1) and PPI++ (power-tuned
lambda) estimates and 95 % intervals. Install ppi-python in a throwaway virtual environment, e.g.

    python3 -m venv /tmp/ppi-venv && /tmp/ppi-venv/bin/pip install ppi-python
    /tmp/ppi-venv/bin/python scripts/peers/ppi-reference.py
"""
from importlib.metadata import version

import numpy as np
from ppi_py import ppi_mean_ci, ppi_mean_pointestimate
from ppi_py.ppi import _calc_lam_glm

# A judge's recognised (1) / missed (0) calls with human labels on 12 samples of a run ...
Y = np.array([1, 1, 0, 1, 0, 0, 1, 1, 0, 1, 0, 1], dtype=float)
Yhat = np.array([1, 1, 0, 1, 1, 0, 1, 0, 0, 1, 0, 1], dtype=float)
# ... and the judge's calls on 30 samples nobody labelled.
Yhat_unlabeled = np.array([1, 0, 1, 1, 0, 1, 1, 1, 0, 0, 1, 1, 0, 1, 1,
                           0, 1, 1, 1, 0, 1, 0, 1, 1, 1, 0, 0, 1, 1, 1], dtype=float)
alpha = 0.05

print(f"ppi-python {version('ppi-python')}")
for name, lam in [("ppi", 1.0), ("ppi++", None)]:
    estimate = ppi_mean_pointestimate(Y, Yhat, Yhat_unlabeled, lam=lam)
    lower, upper = ppi_mean_ci(Y, Yhat, Yhat_unlabeled, alpha=alpha, lam=lam)
    print(f"{name}: estimate {float(np.ravel(estimate)[0]):.12f} "
          f"interval [{float(np.ravel(lower)[0]):.12f}, {float(np.ravel(upper)[0]):.12f}]")
theta = ppi_mean_pointestimate(Y, Yhat, Yhat_unlabeled, lam=1)
lam = _calc_lam_glm((Y - theta).reshape(-1, 1), (Yhat - theta).reshape(-1, 1),
                    (Yhat_unlabeled - theta).reshape(-1, 1), np.eye(1), clip=True)
print(f"ppi++ lambda {float(lam):.12f}")
