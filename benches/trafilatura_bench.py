#!/usr/bin/env python3
"""trafilatura's side of scripts/bench: extract() on every page of a folder,
in one process, timed per round (pages read and inflated beforehand).
Usage: trafilatura_bench.py DIR [ROUNDS]; prints {"ms_per_page", "version"}."""
import gzip
import json
import statistics
import sys
import time
from pathlib import Path

import trafilatura


def main():
    folder = Path(sys.argv[1])
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    pages = []
    for path in sorted(folder.iterdir()):
        if path.name.endswith(".html.gz"):
            pages.append(gzip.decompress(path.read_bytes()))
        elif path.name.endswith(".html"):
            pages.append(path.read_bytes())
    totals = []
    for _ in range(rounds):
        start = time.perf_counter()
        for page in pages:
            trafilatura.extract(page)
        totals.append(time.perf_counter() - start)
    median = statistics.median(totals)
    print(json.dumps({"ms_per_page": median * 1000 / len(pages), "rounds": rounds,
                      "version": trafilatura.__version__}))


if __name__ == "__main__":
    main()
