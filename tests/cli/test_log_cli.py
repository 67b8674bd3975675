from __future__ import annotations

import sqlite3
from pathlib import Path

from click.testing import CliRunner

from charter.cli import main
from charter.store import DecisionRecord, open_store


def test_verify_show_head_and_tamper(tmp_path: Path) -> None:
    db = tmp_path / "g.db"
    with open_store(db) as store:
        for i in range(5):
            store.append_decision(
                DecisionRecord(
                    action="block" if i == 2 else "allow",
                    tenant="acme",
                    payload={"output": {"citations": [{"statement_id": "secret"}]} if i == 2 else {}},
                )
            )
    runner = CliRunner()
    ok = runner.invoke(main, ["log", "verify", "--store", str(db)])
    assert ok.exit_code == 0 and ok.output.startswith("ok: 5 decisions")
    head = runner.invoke(main, ["log", "head", "--store", str(db)]).output.strip()
    shown = runner.invoke(main, ["log", "show", "--store", str(db)]).output.splitlines()
    assert len(shown) == 5 and "block" in shown[2] and shown[2].endswith("secret")
    with sqlite3.connect(db) as raw:
        raw.execute("UPDATE decisions SET action = 'allow' WHERE seq = 3")
    broken = runner.invoke(main, ["log", "verify", "--store", str(db)])
    assert broken.exit_code == 1 and "BROKEN at seq 3" in broken.output
    anchored = runner.invoke(main, ["log", "verify", "--store", str(db), "--anchor", head])
    assert anchored.exit_code == 1
