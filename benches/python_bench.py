"""The wheel's side of ./scripts/bench (issue 19): the wheel in-process
against the Rust library in-process (benches/inprocess.rs, same pages, same
work: extract and the article's JSON), extract_batch's pages/s, and a Spark
local[2] job of the same pages with a newsdecode pandas UDF (extract_batch)
against a trafilatura one. Prints one JSON object.

    python benches/python_bench.py DATASET_HTML_DIR RUST_PAGES_PER_S ROUNDS
"""

import glob
import gzip
import json
import os
import sys
import time


def pages(directory):
    out = []
    for path in sorted(glob.glob(os.path.join(directory, "*.html*"))):
        data = open(path, "rb").read()
        out.append(gzip.decompress(data) if path.endswith(".gz") else data)
    return out


def best_rate(count, rounds, work):
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return count / best


def spark_ratio(data, rounds):
    """Pages/s of a Spark local[2] job, newsdecode against trafilatura, on
    the same DataFrame of page bytes (both as Arrow pandas UDFs)."""
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    import pandas as pd
    from pyspark.sql import SparkSession
    from pyspark.sql.functions import pandas_udf

    spark = (SparkSession.builder.master("local[2]").appName("bench")
             .config("spark.ui.enabled", "false").getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    frame = spark.createDataFrame([(i, d) for i, d in enumerate(data)], "id int, content binary").repartition(4).cache()
    frame.count()

    @pandas_udf("string")
    def with_newsdecode(content: pd.Series) -> pd.Series:
        import newsdecode

        return newsdecode.extract_batch(list(content)).column("text").to_pandas()

    @pandas_udf("string")
    def with_trafilatura(content: pd.Series) -> pd.Series:
        import trafilatura

        return content.map(lambda b: trafilatura.extract(b) or "")

    rates = {}
    for name, udf in [("newsdecode", with_newsdecode), ("trafilatura", with_trafilatura)]:
        def job(udf=udf):
            frame.select(udf("content").alias("t")).write.format("noop").mode("overwrite").save()

        # One run first: Python workers start and import the extractor once.
        job()
        rates[name] = best_rate(len(data), rounds, job)
    spark.stop()
    return rates


def main():
    directory, rust_rate, rounds = sys.argv[1], float(sys.argv[2]), int(sys.argv[3])
    import newsdecode
    from newsdecode import extract_json

    data = pages(directory)
    wheel = best_rate(len(data), rounds, lambda: [extract_json(d) for d in data])
    batch = best_rate(len(data), rounds, lambda: newsdecode.extract_batch(data))
    spark = spark_ratio(data, max(3, rounds))
    print(json.dumps({
        "pages": len(data),
        "rust_in_process_pages_per_s": rust_rate,
        "wheel_in_process_pages_per_s": round(wheel, 1),
        "wheel_overhead": round(rust_rate / wheel - 1, 3),
        "extract_batch_pages_per_s": round(batch, 1),
        "spark_local2_pages_per_s": {k: round(v, 1) for k, v in spark.items()},
        "spark_ratio": round(spark["newsdecode"] / spark["trafilatura"], 2),
    }))


if __name__ == "__main__":
    main()
