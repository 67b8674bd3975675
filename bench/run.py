"""``make bench``: run every benchmark in its own process; each prints a table and writes JSON."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ORDER = ["parse", "checks", "judges", "audit", "gateway"]


def main() -> int:
    failed = []
    for name in ORDER:
        script = HERE / f"{name}.py"
        if not script.exists():
            continue
        print(f"\n=== bench/{name}.py ===", flush=True)
        if subprocess.run([sys.executable, str(script)], check=False).returncode != 0:
            failed.append(name)
    print(f"\nresults in {HERE / 'results'}" + (f"; failed: {', '.join(failed)}" if failed else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
