#!/usr/bin/env python3
"""Scores Python trafilatura on the article-extraction benchmark with the same metric as `vigia eval extract-text`.

Usage: python3 scripts/extract/python_trafilatura.py [DATA_DIR]
DATA_DIR defaults to ../shared/data/article-extraction-benchmark next to the repository.
Needs `pip install trafilatura`; runs on one core, timing only the extraction calls.
"""

import gzip
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

import trafilatura

ROOT = Path(__file__).resolve().parents[2]
DATA = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared/data/article-extraction-benchmark"


def shingles(text):
    tokens = re.findall(r"\w+", text)
    return Counter(tuple(tokens[i : i + 4]) for i in range(len(tokens) - 3))


def page_counts(truth, pred):
    """TP, FP, FN normalised to sum to 1, as the benchmark defines them."""
    t, p = shingles(truth), shingles(pred)
    tp = sum(min(n, t[k]) for k, n in p.items())
    fp = sum(max(0, n - t[k]) for k, n in p.items())
    fn = sum(max(0, n - p[k]) for k, n in t.items())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def main():
    truth = json.loads((DATA / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for key, item in sorted(truth.items()):
        html = gzip.decompress((DATA / "html" / f"{key}.html.gz").read_bytes()).decode("utf-8", "replace")
        pages.append((key, item["url"], item["articleBody"], html))
    start = time.perf_counter()
    preds = [trafilatura.extract(html, url=url) or "" for _, url, _, html in pages]
    seconds = time.perf_counter() - start
    precisions, recalls = [], []
    for (key, _, body, _), pred in zip(pages, preds):
        tp, fp, fn = page_counts(body, pred)
        if tp + fp > 0:
            precisions.append(tp / (tp + fp))
        if tp + fn > 0:
            recalls.append(tp / (tp + fn))
    p = sum(precisions) / len(precisions)
    r = sum(recalls) / len(recalls)
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    print(f"python trafilatura {trafilatura.__version__}: pages={len(pages)} precision={p:.4f} recall={r:.4f} f1={f1:.4f} pages/s={len(pages) / seconds:.1f}")


if __name__ == "__main__":
    main()
