"""``python -m bench [--quick]``: run every benchmark and print Markdown tables."""

from __future__ import annotations

import argparse

from bench import http_load, import_throughput, remote_backends, write_throughput


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small sizes, for development")
    args = parser.parse_args()
    scale = 0.1 if args.quick else 1.0
    write_throughput.run(customers=int(1300 * scale), batch_interactions=int(10_000 * scale))
    remote_backends.run(customers=int(200 * scale) or 20)
    http_load.run(customers=int(1200 * scale), seconds=3 if args.quick else 10)
    import_throughput.run(int(1000 * scale))


if __name__ == "__main__":
    main()
