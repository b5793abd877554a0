#!/usr/bin/env python3
"""WCXB development-split word F1 of any extractor's plain text, with WCXB's
own evaluate.py (the same scorer as scripts/eval.py), so ./scripts/bench can
print each tool's accuracy beside its speed (issue 20: speed is never bought
with accuracy).

Usage: wcxb_f1.py DATA TEXTS.json, where TEXTS.json is {tool: {page: text}}
and a page is a WCXB key (`0001`); prints {tool: {"all": F1, "article": F1,
"pages": N}}. A page missing from a tool's texts scores as an empty output."""
import importlib.util
import json
import sys
from pathlib import Path


def load_evaluate(data):
    spec = importlib.util.spec_from_file_location("wcxb_evaluate", Path(data) / "wcxb-dev/evaluate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def pages(data):
    """[(key, gzipped html path)] of the development split, in key order."""
    return [(f.name[: -len(".html.gz")], f) for f in sorted((Path(data) / "wcxb-dev/dev/html").glob("*.html.gz"))]


def score(data, texts):
    """{tool: {all, article, pages}}: mean word F1 over every page and over
    the article pages, as WCXB reports it (macro over pages)."""
    evaluate = load_evaluate(data)
    truth = {}
    for key, _ in pages(data):
        doc = json.loads((Path(data) / "wcxb-dev/dev/ground-truth" / f"{key}.json").read_text(encoding="utf-8"))
        truth[key] = (evaluate.get_page_type(doc), (doc.get("ground_truth") or {}).get("main_content") or "")
    out = {}
    for tool, by_page in texts.items():
        every, articles = [], []
        for key, (kind, reference) in truth.items():
            f1 = evaluate.word_f1(by_page.get(key) or "", reference)[2]
            every.append(f1)
            if kind == "article":
                articles.append(f1)
        out[tool] = {"all": sum(every) / len(every), "article": sum(articles) / len(articles), "pages": len(every)}
    return out


if __name__ == "__main__":
    print(json.dumps(score(sys.argv[1], json.loads(Path(sys.argv[2]).read_text(encoding="utf-8")))))
