"""A cc-pyspark-style job: WARC files → FastWARC on the executors →
newsdecode.extract_batch in mapInArrow (Arrow batches, no per-row pickling)
→ Parquet.

    python examples/spark/job.py --master 'local[2]' --output out.parquet crawl.warc.gz …

On a cluster, install the newsdecode wheel (and fastwarc, pyarrow) on every
executor and point PYSPARK_PYTHON at that Python (docs/SCALE.md).
"""

import argparse
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(HERE))
import warc_rows  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("warc", nargs="+")
    parser.add_argument("--output", required=True)
    parser.add_argument("--master", default="local[2]")
    parser.add_argument("--partitions", type=int, default=4)
    args = parser.parse_args()
    # Executors run this Python (the one with newsdecode installed).
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    spark = (
        SparkSession.builder.master(args.master)
        .appName("newsdecode-warc")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", str(args.partitions))
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    spark.sparkContext.addPyFile(str(HERE / "warc_rows.py"))
    paths = spark.sparkContext.parallelize([str(Path(p).resolve()) for p in args.warc], len(args.warc))
    rows = paths.flatMap(lambda path: __import__("warc_rows").records(path))
    frame = spark.createDataFrame(rows, "uri string, offset long, content binary, charset string")
    frame = frame.repartition(args.partitions)

    def extract(batches):
        import warc_rows as rows_module

        for batch in batches:
            yield rows_module.extract_arrow(batch)

    articles = frame.mapInArrow(extract, warc_rows.ARTICLES_DDL)
    articles.write.mode("overwrite").parquet(args.output)
    spark.stop()


if __name__ == "__main__":
    main()
