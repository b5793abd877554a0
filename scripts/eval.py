#!/usr/bin/env python3
"""Scores the CLI on every data set under ../shared/datasets in one table.

Sets and metrics (each set's own where it has one):
- ScrapingHub (article-extraction-benchmark, 181 pages): body_f1.py — 4-gram
  shingles, P and R averaged over pages, F1 of the two; "exact" pages.
- WCXB dev (1,497 pages, 7 types): the benchmark's evaluate.py — word F1
  macro over pages, `with`/`without` snippet rates — in all, per page type
  and per half of the domains (a hash of the host splits them: rules are
  tuned on one half and checked on the other).
- Readability (60 pages): the same word F1 against the text of expected.html.
- CWCED (35 Chinese pages): the same word F1 against the labelled text, with
  each CJK character a token (as body_f1.py tokenizes: `\\w+` alone makes a
  whole Chinese sentence one word).
Metadata where labelled: title (WCXB, Readability), author (WCXB,
Readability, CWCED), published date (WCXB, CWCED), as the share of labelled
pages the output matches (see `same_*` below). Empty outputs of pages with a
labelled body and failures are listed by name.

Usage: scripts/eval [--per-page OUT.json] [--compare OLD.json] [--check]
                    [--sets a,b] [--list N]
  --per-page  write every page's scores (default target/eval/latest.json)
  --compare   list the pages that gained or lost most against an older
              --per-page file
  --check     fail (exit 1) when a figure is more than FLOOR_MARGIN below
              its floor in tests/eval-floors.json
Run through scripts/eval, which builds the CLI first.
"""
import argparse
import gzip
import hashlib
import html.parser
import importlib.util
import json
import math
import re
import subprocess
import sys
import time
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
CLI = ROOT / "target/release/newsdecode"
FLOORS = ROOT / "tests/eval-floors.json"
# A figure may fall this far below its floor before --check fails: the
# scorers' rounding and the odd tie between candidates move figures by a
# few thousandths; more than that is a regression (issue 15's gate).
FLOOR_MARGIN = 0.005

# The figures with floors: precision and recall alone may trade against each
# other; F1 and the rest may not fall.
GATED = ("f1", "exact", "with", "without", "title", "author", "date")

CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
TOKEN = re.compile(rf"[{CJK}]|[^\W{CJK}]+", re.UNICODE)


def load_module(path, name):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def word_f1(predicted, reference):
    """Bag-of-words P/R/F1 as WCXB's evaluate.py computes it, with each CJK
    character a token (identical to it on text without CJK)."""
    pred, ref = TOKEN.findall(predicted.lower()), TOKEN.findall(reference.lower())
    if not ref:
        return (1.0, 1.0, 1.0) if not pred else (0.0, 0.0, 0.0)
    if not pred:
        return (0.0, 0.0, 0.0)
    overlap = sum((Counter(pred) & Counter(ref)).values())
    p, r = overlap / len(pred), overlap / len(ref)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


class TextOf(html.parser.HTMLParser):
    """The text of an HTML fragment (expected.html of the Readability set)."""

    def __init__(self):
        super().__init__()
        self.parts = []

    def handle_data(self, data):
        self.parts.append(data)


def text_of_html(markup):
    parser = TextOf()
    parser.feed(markup)
    return " ".join(parser.parts)


# --- metadata comparison -------------------------------------------------


def norm(text):
    """Letters and digits only, NFKC, lower-cased: what a reader compares."""
    text = unicodedata.normalize("NFKC", text or "").lower()
    return "".join(c for c in text if c.isalnum())


def same_title(ours, label):
    """Equal once normalised: a title with the site's name still attached
    (`Headline | Site`) is not the headline."""
    return bool(ours) and norm(ours) == norm(label)


NAME_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b|\bund\b|\bet\b|、|，|／|/|\|)\s*", re.I)
# Credentials and labels that a label may keep after a name (`Dylan Bailey,
# MS, RD`) and a byline may drop, or the reverse.
NAME_NOISE = re.compile(r"^(?:by|von|par|por|written by|author|作者|记者|文)\s*[:：]?\s*", re.I)


def names(text):
    out, short = set(), set()
    for part in NAME_SPLIT.split(NAME_NOISE.sub("", text or "")):
        key = norm(part)
        # Letters only and not a credential: `MS`, `RD`, `PhD` are not names
        # beside a name; alone, a short key is the name (`Ben`, `Tom`).
        if len(key) > 3 or (key and re.search(f"[{CJK}]", key)):
            out.add(key)
        elif key:
            short.add(key)
    return out or short


def same_author(ours, label):
    """Every labelled name is among the output's authors, and the output
    names nobody else."""
    expected = names(label)
    got = set().union(*(names(a) for a in ours)) if ours else set()
    return bool(expected) and expected == got


DATE = re.compile(r"(\d{4})\D{1,3}(\d{1,2})\D{1,3}(\d{1,2})")


def day(text):
    m = DATE.search(text or "")
    return m and f"{int(m[1]):04d}-{int(m[2]):02d}-{int(m[3]):02d}"


def same_date(ours, label):
    """The same calendar day as written (the offset is the page's)."""
    return bool(day(label)) and day(ours) == day(label)


# --- running the CLI ------------------------------------------------------


def run_cli(files, jobs):
    """Extracts every file in one CLI run; returns {path: article or None}.
    The CLI writes a line per success in input order and each failure to
    stderr as `newsdecode: PATH: message`, in input order too."""
    run = subprocess.run(
        [str(CLI), "--format", "jsonl", "--jobs", str(jobs), "--script", "keep", *map(str, files)],
        capture_output=True,
        text=True,
    )
    failed = [line.split(": ", 2)[1] for line in run.stderr.splitlines() if line.startswith("newsdecode: ")]
    # (JSON lines end at "\n" only: `splitlines` would also cut at U+2028
    # or U+0085 inside a string.)
    lines = iter(run.stdout.split("\n"))
    out, errors = {}, {}
    for f in files:
        if failed and failed[0] == str(f):
            errors[f] = [l for l in run.stderr.splitlines() if l.startswith(f"newsdecode: {f}: ")][0]
            failed.pop(0)
            out[f] = None
        else:
            out[f] = json.loads(next(lines))
    return out, errors


# --- the sets -------------------------------------------------------------


def page(article, error):
    a = article or {}
    return {
        "text": a.get("text", ""),
        "title": a.get("title"),
        "authors": a.get("authors") or [],
        "published": a.get("published"),
        "error": error,
        # The article says the page shows no text of its own (a shell that
        # scripts fill): an empty body that is not a loss of ours.
        "no_text": any(w.get("kind") == "no_text" for w in (a.get("decode") or {}).get("warnings") or []),
    }


def scrapinghub(data, jobs):
    root = data / "article-extraction-benchmark"
    files = sorted((root / "html").glob("*.html.gz"))
    arts, errors = run_cli(files, jobs)
    body = load_module(data.parent / "eval/body_f1.py", "body_f1")
    truth = json.load(open(root / "ground-truth.json", encoding="utf-8"))
    pages = {f.name[: -len(".html.gz")]: page(arts[f], errors.get(f)) for f in files}
    summary, rows = body.score(truth, {k: {"articleBody": p["text"]} for k, p in pages.items()})
    per_page = {}
    for key, row in rows.items():
        p, r = row["precision"] or 0.0, row["recall"] or 0.0
        per_page[key] = {
            "f1": 2 * p * r / (p + r) if p + r else 0.0,
            "p": p,
            "r": r,
            "exact": row["exact"],
            "empty": not pages.get(key, {}).get("text") and bool(truth[key]["articleBody"].strip()),
            "error": pages.get(key, {}).get("error"),
        }
    peers = {}
    for f in sorted((root / "output").glob("*.json")):
        peers[f.stem] = body.score(truth, body.load(f))[0]["f1"]
    figures = {
        "pages": len(files),
        "f1": summary["f1"],
        "precision": summary["precision"],
        "recall": summary["recall"],
        "exact": summary["accuracy"],
    }
    return {"all": figures}, per_page, peers


def wcxb(data, jobs):
    root = data / "wcxb-dev"
    evaluate = load_module(root / "evaluate.py", "wcxb_evaluate")
    files = sorted((root / "dev/html").glob("*.html.gz"))
    arts, errors = run_cli(files, jobs)
    per_page = {}
    groups = defaultdict(list)
    for f in files:
        key = f.name[: -len(".html.gz")]
        doc = json.load(open(root / "dev/ground-truth" / f"{key}.json", encoding="utf-8"))
        gt = doc.get("ground_truth") or {}
        kind = evaluate.get_page_type(doc)
        out = page(arts[f], errors.get(f))
        p, r, f1 = evaluate.word_f1(out["text"], gt.get("main_content") or "")
        host = urlsplit(doc.get("url") or "").hostname or key
        host = host[4:] if host.startswith("www.") else host
        half = "A" if hashlib.sha1(host.encode()).digest()[0] % 2 == 0 else "B"
        row = {
            "type": kind,
            "half": half,
            "f1": f1,
            "p": p,
            "r": r,
            "with": evaluate.snippet_check(out["text"], gt.get("with") or []),
            "without": evaluate.snippet_check(out["text"], gt.get("without") or []),
            "empty": not out["text"] and bool((gt.get("main_content") or "").strip()),
            "no_text": out["no_text"],
            "error": out["error"],
        }
        if gt.get("title"):
            row["title_ok"] = same_title(out["title"], gt["title"])
        if gt.get("author"):
            row["author_ok"] = same_author(out["authors"], gt["author"])
        if gt.get("publish_date"):
            row["date_ok"] = same_date(out["published"], gt["publish_date"])
        per_page[key] = row
        for g in ("all", kind, f"half {half}", f"{kind} half {half}"):
            groups[g].append(row)
    figures = {}
    for g, rows in groups.items():
        if " half " in g and not g.startswith("article"):
            continue
        figures[g] = summarize(rows)
        if g in ("all", "article"):
            figures[g]["with"] = mean(r["with"] for r in rows)
            figures[g]["without"] = mean(r["without"] for r in rows)
    return figures, per_page, {}


def readability(data, jobs):
    root = data / "readability-test-pages/pages"
    slugs = sorted(p.name for p in root.iterdir() if (p / "source.html").exists())
    files = [root / s / "source.html" for s in slugs]
    arts, errors = run_cli(files, jobs)
    per_page = {}
    for slug, f in zip(slugs, files):
        out = page(arts[f], errors.get(f))
        truth = text_of_html((root / slug / "expected.html").read_text(encoding="utf-8", errors="replace"))
        meta = json.loads((root / slug / "expected-metadata.json").read_text(encoding="utf-8"))
        p, r, f1 = word_f1(out["text"], truth)
        row = {"f1": f1, "p": p, "r": r, "empty": not out["text"] and bool(truth.strip()), "no_text": out["no_text"], "error": out["error"]}
        if meta.get("title"):
            row["title_ok"] = same_title(out["title"], meta["title"])
        if meta.get("byline"):
            row["author_ok"] = same_author(out["authors"], meta["byline"])
        per_page[slug] = row
    return {"all": summarize(per_page.values())}, per_page, {}


def cwced(data, jobs):
    root = data / "cwced-zh-dev"
    ids = sorted(p.stem for p in (root / "cleaned").glob("*.txt"))
    files = [root / "original" / f"{i}.html" for i in ids]
    arts, errors = run_cli(files, jobs)
    per_page = {}
    for i, f in zip(ids, files):
        out = page(arts[f], errors.get(f))
        truth = (root / "cleaned" / f"{i}.txt").read_text(encoding="utf-8", errors="replace")
        p, r, f1 = word_f1(out["text"], truth)
        row = {"f1": f1, "p": p, "r": r, "empty": not out["text"] and bool(truth.strip()), "no_text": out["no_text"], "error": out["error"]}
        author = (root / "author" / f"{i}.txt").read_text(encoding="utf-8").strip()
        if author and author != "UNKNOWN":
            row["author_ok"] = same_author(out["authors"], author.replace(" ", ","))
        date = (root / "date" / f"{i}.txt").read_text(encoding="utf-8").strip()
        if day(date):
            row["date_ok"] = same_date(out["published"], date)
        per_page[i] = row
    return {"all": summarize(per_page.values())}, per_page, {}


SETS = {"scrapinghub": scrapinghub, "wcxb": wcxb, "readability": readability, "cwced": cwced}


def mean(values):
    values = list(values)
    return sum(values) / len(values) if values else 0.0


def summarize(rows):
    rows = list(rows)
    out = {
        "pages": len(rows),
        "f1": mean(r["f1"] for r in rows),
        "precision": mean(r["p"] for r in rows),
        "recall": mean(r["r"] for r in rows),
        "empty": sum(r["empty"] for r in rows),
        "failed": sum(bool(r["error"]) for r in rows),
    }
    for field in ("title", "author", "date"):
        marks = [r[f"{field}_ok"] for r in rows if f"{field}_ok" in r]
        if marks:
            out[field] = mean(marks)
            out[f"{field}_labelled"] = len(marks)
    return out


# --- reporting ------------------------------------------------------------


def table(results):
    cols = ["pages", "f1", "precision", "recall", "exact", "with", "without", "title", "author", "date", "empty", "failed"]
    print(f"{'set':<28}" + "".join(f"{c:>10}" for c in cols))
    for name, (figures, _, _) in results.items():
        for group, fig in figures.items():
            cells = []
            for c in cols:
                v = fig.get(c)
                if v is None:
                    cells.append("")
                elif isinstance(v, float):
                    cells.append(f"{v:.3f}")
                else:
                    cells.append(str(v))
            label = name if group == "all" else f"  {group}"
            print(f"{label:<28}" + "".join(f"{c:>10}" for c in cells))


def flat(results):
    """`set/group/figure` → value, the keys floors are written with."""
    return {
        f"{name}/{group}/{k}": v
        for name, (figures, _, _) in results.items()
        for group, fig in figures.items()
        for k, v in fig.items()
        if isinstance(v, float)
    }


def compare(old_path, per_page, count):
    old = json.load(open(old_path, encoding="utf-8"))["pages"]
    for name, pages in per_page.items():
        deltas = [
            (row["f1"] - old[name][key]["f1"], key)
            for key, row in pages.items()
            if key in old.get(name, {})
        ]
        deltas.sort()
        moved = [d for d in deltas if abs(d[0]) >= 0.001]
        print(f"\n{name}: {len(moved)} pages moved, sum of changes {sum(d for d, _ in deltas):+.3f}")
        for d, key in deltas[:count]:
            if d < -0.001:
                print(f"  lost {d:+.3f}  {key}  (now {pages[key]['f1']:.3f})")
        for d, key in reversed(deltas[-count:]):
            if d > 0.001:
                print(f"  won  {d:+.3f}  {key}  (now {pages[key]['f1']:.3f})")


def check(flat_figures, sets):
    floors = json.load(open(FLOORS, encoding="utf-8"))["floors"]
    failures = []
    for key, floor in floors.items():
        if key.split("/")[0] not in sets:
            continue
        value = flat_figures.get(key)
        # `without` (boilerplate kept) is better lower: its floor is a ceiling.
        if key.endswith("/without"):
            bad = value is None or value > floor + FLOOR_MARGIN
        else:
            bad = value is None or value < floor - FLOOR_MARGIN
        if bad:
            failures.append(f"{key}: {value if value is None else round(value, 4)} (floor {floor})")
    return failures


def write_floors(figures):
    """The figures of this run, to three decimals, rounded the safe way."""
    floors = {
        k: (math.ceil(v * 1000) / 1000 if k.endswith("/without") else math.floor(v * 1000) / 1000)
        for k, v in sorted(figures.items())
        if k.rsplit("/", 1)[1] in GATED
    }
    FLOORS.write_text(
        json.dumps(
            {
                "about": "Floors of scripts/eval --check (scripts/eval --write-floors after a reviewed gain); "
                "a figure may fall FLOOR_MARGIN (0.005) below its floor; `without` is a ceiling.",
                "floors": floors,
            },
            indent=1,
        )
        + "\n"
    )
    print(f"floors written: {FLOORS}")


def main():
    global CLI
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=str(ROOT.parent / "shared/datasets"))
    ap.add_argument("--per-page", default=str(ROOT / "target/eval/latest.json"))
    ap.add_argument("--compare")
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--sets", default=",".join(SETS))
    ap.add_argument("--list", type=int, default=10, help="pages listed per set in --compare and empties")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--cli", help="the newsdecode binary to score")
    ap.add_argument("--write-floors", action="store_true", help="write the figures of this run as the floors (after review)")
    a = ap.parse_args()
    CLI = Path(a.cli) if a.cli else CLI
    data = Path(a.data)
    if not (data / "article-extraction-benchmark").is_dir():
        print(f"eval: no data sets at {data}", file=sys.stderr)
        return 2
    started = time.time()
    results = {}
    for name in a.sets.split(","):
        results[name] = SETS[name](data, a.jobs)
    table(results)
    peers = results.get("scrapinghub", ({}, {}, {}))[2]
    if peers:
        print("\nScrapingHub peers (published outputs, body_f1.py F1): " + ", ".join(f"{k} {v:.3f}" for k, v in sorted(peers.items(), key=lambda kv: -kv[1])))
    for name, (_, pages, _) in results.items():
        empties = [k for k, r in pages.items() if r["empty"] and not r.get("no_text")]
        shells = [k for k, r in pages.items() if r["empty"] and r.get("no_text")]
        failed = [f"{k} ({r['error']})" for k, r in pages.items() if r["error"]]
        if empties:
            print(f"{name}: empty output, body labelled: {', '.join(empties[: a.list])}" + (" …" if len(empties) > a.list else ""))
        if shells:
            print(f"{name}: empty output, body labelled, the page showing no text of its own (warning no_text): {', '.join(shells[: a.list])}" + (" …" if len(shells) > a.list else ""))
        if failed:
            print(f"{name}: failed: {'; '.join(failed[: a.list])}")
    per_page = {name: pages for name, (_, pages, _) in results.items()}
    figures = flat(results)
    out = Path(a.per_page)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"figures": figures, "pages": per_page}, indent=1, ensure_ascii=False))
    print(f"\nper-page scores: {out} ({time.time() - started:.0f} s)")
    if a.compare:
        compare(a.compare, per_page, a.list)
    if a.write_floors:
        write_floors(figures)
    if a.check:
        failures = check(figures, results)
        if failures:
            print("\neval: below the floors of tests/eval-floors.json:\n  " + "\n  ".join(failures), file=sys.stderr)
            return 1
        print("eval: every figure at or above its floor (tests/eval-floors.json)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
