"""Dask on a local cluster: WARC files read with FastWARC in a bag on the
workers → a dataframe → newsdecode's extract_batch in map_partitions →
Parquet.

    python examples/dask/job.py --output out/ crawl.warc.gz …
"""

import argparse
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(HERE))
# Worker processes import warc_rows from the examples directory.
os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(HERE), os.environ.get("PYTHONPATH")]))
import warc_rows  # noqa: E402


def extract_partition(frame):
    import pyarrow as pa

    rows = pa.Table.from_pandas(frame[["uri", "content", "charset"]], preserve_index=False)
    return warc_rows.extract_arrow(rows).to_pandas()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("warc", nargs="+")
    parser.add_argument("--output", required=True)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    import dask.bag as db
    import newsdecode
    from dask.distributed import Client, LocalCluster

    with LocalCluster(n_workers=args.workers, threads_per_worker=1, dashboard_address=None) as cluster, Client(cluster):
        paths = [str(Path(p).resolve()) for p in args.warc]
        pages = db.from_sequence(paths, npartitions=len(paths)).map(lambda p: list(warc_rows.records(p))).flatten()
        frame = pages.to_dataframe(meta={"uri": str, "offset": int, "content": object, "charset": object})
        meta = newsdecode.BATCH_SCHEMA.empty_table().to_pandas()
        articles = frame.map_partitions(extract_partition, meta=meta)
        articles.to_parquet(args.output, engine="pyarrow", schema=newsdecode.BATCH_SCHEMA, write_index=False)


if __name__ == "__main__":
    main()
