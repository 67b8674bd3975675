"""A separate process for the store tests (not collected by pytest).

    python _child.py append URL ACKFILE N TENANT GOFILE   append N decisions once GOFILE exists
    python _child.py forever URL ACKFILE RUN_ID           add a result then a decision, forever

After each call returns, one line is appended to ACKFILE with a single ``write`` (``R case_id``
or ``D decision_id seq``), so the parent knows exactly what the store acknowledged before the
process was killed.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from charter.audit import CaseResult
from charter.store import DecisionRecord, open_store


def main(argv: list[str]) -> int:
    mode, url, ackfile = argv[0], argv[1], argv[2]
    ack = os.open(ackfile, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    store = open_store(url)
    if mode == "append":
        count, tenant, go = int(argv[3]), argv[4], Path(argv[5])
        os.write(ack, b"ready\n")
        while not go.exists():
            time.sleep(0.005)
        for i in range(count):
            record = store.append_decision(DecisionRecord(action="allow", tenant=tenant, payload={"i": i}))
            os.write(ack, f"D {record.decision_id} {record.seq}\n".encode())
    elif mode == "forever":
        run_id = argv[3]
        i = 0
        while True:
            result = CaseResult(
                run_id=run_id,
                case_id=f"case-{i:07d}",
                model="m",
                response="r" * 200,
                outcome="full_compliance",
            )
            if store.add_result(result):
                os.write(ack, f"R {result.case_id}\n".encode())
            record = store.append_decision(DecisionRecord(action="block", tenant="kill", payload={"i": i}))
            os.write(ack, f"D {record.decision_id} {record.seq}\n".encode())
            i += 1
    else:
        raise SystemExit(f"unknown mode {mode}")
    store.close()
    os.close(ack)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
