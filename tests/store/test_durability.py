"""A writer killed with SIGKILL loses nothing it acknowledged, and leaves a valid chain."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import time
from pathlib import Path

import pytest

from charter.store import RunInfo, open_store, verify_chain
from tests.store.conftest import child_command


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
@pytest.mark.parametrize("round_", range(2))
def test_sigkill_loses_nothing_acknowledged(store_url: str, tmp_path: Path, round_: int) -> None:
    with open_store(store_url) as store:
        run_id = store.create_run(RunInfo(model="m"))
    ack = tmp_path / "ack"
    child = subprocess.Popen(child_command("forever", store_url, str(ack), run_id))
    try:
        deadline = time.monotonic() + 60
        wanted = 150 + random.Random(round_).randrange(100)
        while True:
            assert child.poll() is None, "the writer died on its own"
            assert time.monotonic() < deadline, "the writer is too slow"
            if ack.exists() and ack.read_bytes().count(b"\n") >= wanted:
                break
            time.sleep(0.002)
        time.sleep(random.Random(round_).random() * 0.05)  # kill at an arbitrary point of the loop
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL

    lines = ack.read_bytes().split(b"\n")[:-1]  # a torn last line (no newline) is not an acknowledgement
    results = {line.split()[1].decode() for line in lines if line.startswith(b"R ")}
    decisions = {line.split()[1].decode(): int(line.split()[2]) for line in lines if line.startswith(b"D ")}
    assert len(results) >= 50 and len(decisions) >= 50

    with open_store(store_url) as store:
        stored_results = {case_id for case_id, _ in store.completed(run_id)}
        assert results <= stored_results
        # at most the one call in flight when the process died was committed without its acknowledgement
        assert len(stored_results - results) <= 1
        for decision_id, seq in decisions.items():
            record = store.get_decision(decision_id)
            assert record is not None and record.seq == seq
        report = verify_chain(store)
        assert report.ok, report.reason
        assert report.checked - len(decisions) in (0, 1)
        # the store is fully usable after the crash
        assert (
            store.add_result(next(store.iter_results(run_id)).model_copy(update={"case_id": "after"})) is True
        )
