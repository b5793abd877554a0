#!/usr/bin/env python3
"""The native peers of ./scripts/bench, in .bench/venv: trafilatura (Python
over lxml) and resiliparse (C++ over lexbor), each timed in-process over the
same inflated pages, interleaved round by round so a noisy machine slows both
alike; then each one's WCXB development F1 (benches/wcxb_f1.py).

Usage: native_peers.py PAGES_DIR ROUNDS DATA; prints
{tool: {"ms_per_page", "p95_ms", "version", "wcxb_all", "wcxb_article"}}."""
import gzip
import importlib.metadata
import json
import statistics
import sys
import time
from pathlib import Path

import trafilatura
from resiliparse.extract.html2text import extract_plain_text
from resiliparse.parse.encoding import detect_encoding
from resiliparse.parse.html import HTMLTree

sys.path.insert(0, str(Path(__file__).resolve().parent))
import wcxb_f1  # noqa: E402  (beside this file)


def run_trafilatura(page):
    return trafilatura.extract(page) or ""


def run_resiliparse(page):
    # Its documented use on raw bytes: detect the encoding, parse, then
    # main-content extraction (boilerplate removal on).
    tree = HTMLTree.parse_from_bytes(page, detect_encoding(page))
    return extract_plain_text(tree, main_content=True)


TOOLS = {
    "trafilatura": (run_trafilatura, trafilatura.__version__),
    "resiliparse": (run_resiliparse, importlib.metadata.version("resiliparse")),
}


def inflate(path):
    raw = path.read_bytes()
    return gzip.decompress(raw) if path.name.endswith(".gz") else raw


def main():
    folder, rounds, data = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    pages = [inflate(p) for p in sorted(folder.iterdir()) if p.name.endswith((".html", ".html.gz"))]
    per_page = {tool: [[] for _ in pages] for tool in TOOLS}
    for _ in range(rounds):
        for tool, (run, _) in TOOLS.items():
            for i, page in enumerate(pages):
                start = time.perf_counter()
                run(page)
                per_page[tool][i].append(time.perf_counter() - start)
    out = {}
    for tool, (_, version) in TOOLS.items():
        medians = sorted(statistics.median(times) * 1000 for times in per_page[tool])
        out[tool] = {
            "ms_per_page": sum(medians) / len(medians),
            "p95_ms": medians[max(0, -(-len(medians) * 95 // 100) - 1)],
            "version": version,
        }
    texts = {tool: {} for tool in TOOLS}
    for key, path in wcxb_f1.pages(data):
        page = inflate(path)
        for tool, (run, _) in TOOLS.items():
            try:
                texts[tool][key] = run(page)
            except Exception:  # a failure scores as an empty output
                texts[tool][key] = ""
    for tool, figures in wcxb_f1.score(data, texts).items():
        out[tool]["wcxb_all"] = figures["all"]
        out[tool]["wcxb_article"] = figures["article"]
    print(json.dumps(out))


if __name__ == "__main__":
    main()
