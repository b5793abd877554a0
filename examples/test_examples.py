"""The three engine examples on a small WARC of benchmark pages: each writes
one Parquet row per page, no errors, the same text as `newsdecode --warc`,
so the same body F1 (../shared/eval/body_f1.py) as the CLI's."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("NEWSDECODE_DATA", ROOT.parent / "shared/datasets"))
BENCH = DATA / "article-extraction-benchmark"
SCORER = Path(os.environ.get("NEWSDECODE_SCORER", ROOT.parent / "shared/eval/body_f1.py"))
CLI = Path(os.environ.get("NEWSDECODE_BIN", ROOT / "target/debug/newsdecode"))
# Pages in the WARC: enough for several partitions and batches, few enough
# that the three engines start and finish in about a minute together.
PAGES = 24

if not BENCH.is_dir():
    if os.environ.get("CI") in ("true", "1"):
        raise RuntimeError(f"benchmark pages not found under {DATA} (NEWSDECODE_DATA)")
    pytest.skip(f"no benchmark pages under {DATA}", allow_module_level=True)


@pytest.fixture(scope="module")
def crawl(tmp_path_factory):
    """The WARC, the CLI's text per URI, and the ground truth per URI."""
    tmp = tmp_path_factory.mktemp("crawl")
    pages = sorted((BENCH / "html").glob("*.html*"))[:PAGES]
    warc = tmp / "crawl.warc.gz"
    subprocess.run([sys.executable, str(ROOT / "examples/make_warc.py"), str(warc), *map(str, pages)], check=True)
    out = subprocess.run([str(CLI), "--warc", "-q", str(warc)], check=True, capture_output=True).stdout
    cli = {r["input"]["uri"]: r["text"] for r in map(json.loads, out.decode().splitlines())}
    truth = json.loads((BENCH / "ground-truth.json").read_text())
    gt = {f"https://pages.invalid/{p.name.split('.')[0]}": truth[p.name.split(".")[0]] for p in pages}
    return warc, cli, gt, tmp


def f1(gt, texts, tmp, name):
    """Body F1 of `texts` (URI → text) with the benchmark's scorer."""
    (tmp / "gt.json").write_text(json.dumps(gt))
    (tmp / f"{name}.json").write_text(json.dumps({u: {"articleBody": t} for u, t in texts.items()}))
    out = subprocess.run([sys.executable, str(SCORER), str(tmp / "gt.json"), str(tmp / f"{name}.json"), "--json"],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)["f1"]


@pytest.mark.parametrize("engine", ["spark", "ray", "dask"])
def test_engine_writes_the_clis_articles(crawl, engine):
    warc, cli, gt, tmp = crawl
    output = tmp / f"out-{engine}"
    subprocess.run([sys.executable, str(ROOT / f"examples/{engine}/job.py"), "--output", str(output), str(warc)],
                   check=True, capture_output=True, timeout=600)
    table = pq.read_table(output)
    assert table.num_rows == PAGES
    rows = table.to_pylist()
    assert [r["error"] for r in rows] == [None] * PAGES
    written = {r["url"]: r["text"] for r in rows}
    assert written == cli
    assert all(json.loads(r["article"])["url"] == r["url"] for r in rows)
    score = f1(gt, written, tmp, engine)
    assert score == f1(gt, cli, tmp, "cli")
    print(f"{engine}: {PAGES} rows, body F1 {score:.3f} (the CLI's)")


def test_bad_records_are_error_rows_and_a_broken_file_ends_quietly(crawl, tmp_path):
    """An empty page is an error row in place; a WARC cut off in its last
    record gives the records before it; the task does not die."""
    sys.path.insert(0, str(ROOT / "examples"))
    import make_warc

    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    pages = sorted((BENCH / "html").glob("*.html*"))[:3]
    warc = tmp_path / "bad.warc.gz"
    make_warc.main(str(warc), [str(pages[0]), str(empty), str(pages[1]), str(pages[2])])
    data = warc.read_bytes()
    warc.write_bytes(data[: len(data) - 2000] + b"\xff" * 64)  # the last member broken off into junk
    output = tmp_path / "out"
    done = subprocess.run([sys.executable, str(ROOT / "examples/dask/job.py"), "--output", str(output), str(warc)],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    rows = pq.read_table(output).to_pylist()
    codes = [r["error"]["code"] if r["error"] else "ok" for r in rows]
    # The broken record gives a row or not, as the reader manages; the rest are in place.
    assert codes[:3] == ["ok", "empty_input", "ok"] and len(codes) <= 4, codes
