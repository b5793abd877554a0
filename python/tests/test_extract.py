"""The wheel: extract and extract_batch against the CLI's output, typed
errors, the GIL released while extracting."""

import gzip
import json
import os
import subprocess
import threading
import time
from pathlib import Path

import pyarrow as pa
import pytest

import newsdecode
from newsdecode import NewsdecodeError, extract, extract_batch

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "tests/pages/seed-chinanews-sichuan-wuhou/input.txt"
CLI = Path(os.environ.get("NEWSDECODE_BIN", ROOT / "target/debug/newsdecode"))
GBK_PAGE = "<title>武侯区</title><p>武侯区产业园区高质量发展大会15日召开，进一步树牢抓经济必须抓园区的意识。</p>"


def cli_json(path):
    return json.loads(subprocess.run([str(CLI), "-f", "json", str(path)], check=True, capture_output=True).stdout)


def test_bytes_give_the_clis_article():
    article = extract(SEED.read_bytes())
    expected = cli_json(SEED)
    del expected["input"]["name"]  # the CLI names its input; here the caller may pass url
    assert article == expected
    assert article["title"] == "武侯区产业园区高质量发展大会召开"


def test_text_gzip_options_and_url():
    assert extract("<p>plain text of a page</p>")["decode"]["source"] == "text"
    gbk = GBK_PAGE.encode("gbk")
    hinted = extract(gbk, charset_hint="gb2312", url="https://a.example/zh")
    assert (hinted["decode"]["source"], hinted["title"]) == ("hint", "武侯区")
    assert hinted["url"] == "https://a.example/zh"
    assert extract(gzip.compress(gbk), encoding="gbk")["title"] == "武侯区"
    assert extract("<p>頁面內容</p>", script="hans")["text"] == "页面内容"


@pytest.mark.parametrize(
    "data, kwargs, code",
    [
        (b"", {}, "empty_input"),
        (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", {}, "binary_input"),
        (b"<p>x</p>" * 100, {"max_bytes": 10}, "too_large"),
        (b"<p>x</p>", {"encoding": "klingon"}, "unknown_encoding"),
        (b"<p>x</p>", {"script": "cyrillic"}, "invalid_option"),
    ],
)
def test_errors_are_typed(data, kwargs, code):
    with pytest.raises(NewsdecodeError) as raised:
        extract(data, **kwargs)
    assert raised.value.code == code
    assert isinstance(raised.value, ValueError)


def test_batch_rows_in_order_with_errors_in_place():
    data = [SEED.read_bytes(), b"", GBK_PAGE.encode("gbk"), "<p>a string input, long enough</p>"]
    urls = ["https://a.example/seed", None, "https://a.example/zh", None]
    batch = extract_batch(data, urls=urls, charset_hints=[None, None, "gbk", None])
    assert isinstance(batch, pa.RecordBatch)
    assert batch.schema == newsdecode.BATCH_SCHEMA
    rows = batch.to_pylist()
    assert [r["title"] for r in rows] == ["武侯区产业园区高质量发展大会召开", None, "武侯区", None]
    assert rows[1]["error"] == {"code": "empty_input", "message": "input is empty"}
    assert [r["error"] is None for r in rows] == [True, False, True, True]
    assert rows[0]["url"] == "https://a.example/seed"
    assert json.loads(rows[0]["article"])["url"] == "https://a.example/seed"
    assert rows[2]["encoding"] == "GBK"
    assert rows[0]["authors"] == extract(SEED.read_bytes())["authors"]
    with pytest.raises(ValueError):
        extract_batch(data, urls=["only one"])


def test_the_gil_is_released_while_extracting():
    # A thread counting in Python keeps running while a big page is extracted.
    page = ("<p>" + "The council met on Monday and approved the budget. " * 20 + "</p>\n") * 4000
    ticks = []
    done = threading.Event()

    def count():
        while not done.is_set():
            ticks.append(time.perf_counter())
            time.sleep(0.001)

    counter = threading.Thread(target=count)
    counter.start()
    time.sleep(0.01)
    start = len(ticks)
    began = time.perf_counter()
    extract(page.encode())
    elapsed = time.perf_counter() - began
    done.set()
    counter.join()
    during = [t for t in ticks[start:] if began <= t <= began + elapsed]
    assert elapsed > 0.05, elapsed
    # With the GIL held the counter could not tick at all during extraction.
    assert len(during) >= 5, (len(during), elapsed)


def test_version():
    assert newsdecode.version() == json.loads(
        subprocess.run([str(CLI), "--version"], capture_output=True, text=True).stdout.split()[1].join('""')
    )
