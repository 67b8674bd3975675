"""``charter log``: read and verify the tamper-evident decision log."""

from __future__ import annotations

import json
import sys

import click

from charter.cli._common import friendly_errors
from charter.store import open_store, verify_chain

__all__ = ["log"]

_store_option = click.option(
    "--store",
    "store_url",
    default="charter-decisions.db",
    show_default=True,
    help="SQLite file or postgresql:// URL.",
)


@click.group("log")
def log() -> None:
    """The gateway's decision log: a hash chain that shows any edited, deleted or reordered record."""


@log.command("verify")
@_store_option
@click.option("--anchor", default=None, metavar="SEQ:HASH", help="A chain head kept outside the store.")
@friendly_errors
def verify_cmd(store_url: str, anchor: str | None) -> None:
    """Check every record's hash against its predecessor; exit 1 if the chain is broken."""
    pinned: tuple[int, str] | None = None
    if anchor:
        seq, _, digest = anchor.partition(":")
        if not seq.isdigit() or len(digest) != 64:
            raise click.BadParameter("use SEQ:HASH as printed by 'charter log head'", param_hint="--anchor")
        pinned = (int(seq), digest)
    with open_store(store_url, create=False) as store:
        report = verify_chain(store, anchor=pinned)
    if report.ok:
        click.echo(f"ok: {report.checked} decisions, head {report.head_seq}:{report.head_hash}")
        return
    click.echo(f"BROKEN at seq {report.first_bad_seq}: {report.reason} ({report.checked} checked)")
    sys.exit(1)


@log.command("head")
@_store_option
@friendly_errors
def head_cmd(store_url: str) -> None:
    """Print the chain head as SEQ:HASH, to keep outside the store as an anchor."""
    with open_store(store_url, create=False) as store:
        seq, digest = store.chain_head()
    click.echo(f"{seq}:{digest}")


@log.command("show")
@_store_option
@click.option("--since", "since_seq", type=int, default=None, help="Only records after this sequence number.")
@click.option("--tenant", default=None)
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["text", "jsonl"]), default="text", show_default=True)
@friendly_errors
def show_cmd(store_url: str, since_seq: int | None, tenant: str | None, limit: int, fmt: str) -> None:
    """Decisions in chain order: sequence, time, tenant, action and the statements cited."""
    with open_store(store_url, create=False) as store:
        for count, record in enumerate(store.iter_decisions(since_seq, tenant=tenant)):
            if count >= limit:
                break
            if fmt == "jsonl":
                click.echo(json.dumps(record.model_dump(mode="json"), ensure_ascii=False))
                continue
            cited = _cited(record.payload)
            click.echo(
                f"{record.seq:>6}  {record.created_at:%Y-%m-%d %H:%M:%S}  {record.tenant or '-':12s}  "
                f"{record.action:13s}  {record.decision_id}  {', '.join(cited) or '-'}"
            )


def _cited(payload: dict[str, object]) -> list[str]:
    """Statement ids cited anywhere in a decision payload (input, output or stream decisions)."""
    found: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, dict):
            statement = value.get("statement_id")
            if isinstance(statement, str) and statement not in found:
                found.append(statement)
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(payload)
    return found
