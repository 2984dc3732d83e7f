"""Fit models/calibration.json: the weights behind ``confidence``.

    .venv/bin/python scripts/calibrate.py [GOLD.jsonl]

Runs the extractor over the gold file (the dev set by default), labels every
asserted prediction right or wrong (GUIDELINES matching), and fits a
logistic regression of that label on ``eventx.confidence.features``: a
handful of weights, so little to overfit.  Five-fold cross-validation by
document shows how the bands hold on documents the fit did not see; both
tables are printed and stored in the file.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import numpy as np

from eventx.evaluate import calibration_table, read_gold, score
from eventx.events.confidence import features
from eventx.knowledge.files import models_dir

GOLD = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("../shared/gold/dev.jsonl")
NAMES = ("strength", "coded_share", "context_parties", "nominal")
L2 = 1.0  # ridge on the weights: a prior that no single feature decides
FOLDS = 5


def _fit(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, float]:
    """Newton's method on the L2-penalised log-likelihood (bias unpenalised)."""
    design = np.hstack([np.ones((len(x), 1)), x])
    beta = np.zeros(design.shape[1])
    penalty = np.eye(design.shape[1]) * L2
    penalty[0, 0] = 0.0
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-design @ beta))
        gradient = design.T @ (y - p) - penalty @ beta
        hessian = design.T @ (design * (p * (1 - p))[:, None]) + penalty
        step = np.linalg.solve(hessian, gradient)
        beta += step
        if np.abs(step).max() < 1e-8:
            break
    return beta[1:], float(beta[0])


def _predict(x: np.ndarray, weights: np.ndarray, bias: float) -> np.ndarray:
    return np.asarray(1.0 / (1.0 + np.exp(-(x @ weights + bias))))


def _table(prob: np.ndarray, judged: list[tuple[float, bool, bool]]) -> list[dict[str, Any]]:
    """The evaluation's calibration table, with these probabilities as confidence."""
    return calibration_table(
        [(float(p), detected, full) for p, (_, detected, full) in zip(prob, judged, strict=True)]
    )


def main() -> None:
    out = models_dir() / "calibration.json"
    # the fit must not depend on the weights it replaces: score with a neutral model
    out.write_text(json.dumps({"features": [], "weights": [], "bias": 0.0}), encoding="utf-8")
    report = score(read_gold(GOLD))
    predictions = [p for p, _ in report.pairs] + [p for p, _ in report.false_positives]
    judged = report.judged()  # the same order: matched pairs, then false positives
    labels = np.array([float(detected) for _, detected, _ in judged])
    x = np.array([[features(p)[name] for name in NAMES] for p in predictions])
    weights, bias = _fit(x, labels)

    documents = sorted({p.doc_id for p in predictions})
    fold_of = {doc: i % FOLDS for i, doc in enumerate(documents)}
    folds = np.array([fold_of[p.doc_id] for p in predictions])
    held_out = np.zeros(len(predictions))
    for fold in range(FOLDS):
        w, b = _fit(x[folds != fold], labels[folds != fold])
        held_out[folds == fold] = _predict(x[folds == fold], w, b)

    data = {
        "version": "1",
        "about": (
            "Logistic weights behind each event's confidence (eventx/confidence.py), "
            "fitted by scripts/calibrate.py on the dev set's asserted predictions: "
            "right = the event matches a gold event (GUIDELINES matching)."
        ),
        "fitted_on": f"{GOLD.name}: {len(documents)} documents, {len(predictions)} predictions",
        "features": list(NAMES),
        "weights": [round(float(w), 4) for w in weights],
        "bias": round(bias, 4),
        "table_in_sample": _table(_predict(x, weights, bias), judged),
        "table_cross_validated": _table(held_out, judged),
    }
    out.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    for name in ("table_in_sample", "table_cross_validated"):
        print(name)
        for row in data[name]:  # type: ignore[attr-defined]
            print(f"  {row['confidence']:<10}{row['events']:>6}  {row['detection_right']}")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
