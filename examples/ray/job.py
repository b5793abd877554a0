"""Ray Data: WARC files read with FastWARC on the workers → newsdecode's
extract_batch in map_batches (pyarrow batches) → Parquet.

    python examples/ray/job.py --output out/ crawl.warc.gz …
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
    parser.add_argument("--cpus", type=int, default=2)
    args = parser.parse_args()
    import pyarrow as pa
    import ray

    # Workers import warc_rows from the examples directory.
    path = os.pathsep.join(filter(None, [str(HERE), os.environ.get("PYTHONPATH")]))
    ray.init(num_cpus=args.cpus, include_dashboard=False, logging_level="ERROR",
             runtime_env={"env_vars": {"PYTHONPATH": path}})
    files = ray.data.from_items([{"path": str(Path(p).resolve())} for p in args.warc])
    pages = files.flat_map(lambda item: list(warc_rows.records(item["path"])))

    def extract(table: pa.Table) -> pa.Table:
        return pa.Table.from_batches([warc_rows.extract_arrow(table)])

    articles = pages.map_batches(extract, batch_format="pyarrow", batch_size=16)
    articles.write_parquet(args.output)
    ray.shutdown()


if __name__ == "__main__":
    main()
