"""``python -m bench [--quick]``: run every benchmark and print a Markdown table."""

from __future__ import annotations

import argparse

from bench.write_throughput import run as run_write_throughput


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--customers", type=int, default=1300, help="base demo size")
    parser.add_argument("--batch", type=int, default=10_000, help="interactions per bulk batch")
    args = parser.parse_args()
    run_write_throughput(customers=args.customers, batch_interactions=args.batch)


if __name__ == "__main__":
    main()
