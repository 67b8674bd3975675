"""``charter serve``: run the OpenAI-compatible gateway; ``charter serve keys add|list``: manage keys."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING

import click
from pydantic import ValidationError

from charter.cli._common import friendly_errors
from charter.exceptions import ConfigError

if TYPE_CHECKING:
    from charter.gateway import GatewayApp

__all__ = ["serve"]

DEFAULT_KEYS = "charter-keys.yaml"
DEFAULT_STORE = "charter-decisions.db"


def _config_error(exc: ValidationError) -> ConfigError:
    first = exc.errors()[0]
    where = ".".join(str(p) for p in first["loc"])
    return ConfigError(f"--{where.replace('_', '-')}: {first['msg']}")


@click.group("serve", invoke_without_command=True)
@click.option("--spec", "spec_path", default="default", show_default=True, help="Spec file, or 'default'.")
@click.option(
    "--upstream", help="Base URL of the OpenAI-compatible upstream, e.g. https://api.openai.com/v1."
)
@click.option(
    "--profiles",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    help="Folder of profile files <name>.yaml named by the keys.",
)
@click.option(
    "--keys",
    "keys_file",
    default=DEFAULT_KEYS,
    show_default=True,
    type=click.Path(path_type=Path),
    help="Keys file (sha256 hashes; see 'charter serve keys add').",
)
@click.option(
    "--store",
    default=DEFAULT_STORE,
    show_default=True,
    help="Decision store: SQLite path or postgresql:// URL.",
)
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8080, show_default=True, type=click.IntRange(0, 65535))
@click.option("--redact-store", is_flag=True, help="Mask personal data in the requests and replies stored.")
@click.option(
    "--store-sync",
    type=click.Choice(["commit", "fsync"]),
    default="commit",
    show_default=True,
    help="Before a reply goes out, its decision is committed (survives a gateway crash; the log is "
    "fsynced every second) or fsynced (survives a power loss, costs latency).",
)
@click.option(
    "--model", help="Model listed by /v1/models if the upstream cannot list its own; default model."
)
@click.option("--upstream-timeout", default=120.0, show_default=True, type=click.FloatRange(min=0.001))
@click.option(
    "--judge-model",
    default=None,
    help="Judge model for the spec's LLM checks (llm_rubric, llm_harm), e.g. openai/gpt-4o-mini "
    "(fail open/closed by severity).",
)
@click.option("--judge-timeout", default=10.0, show_default=True, type=click.FloatRange(min=0.001))
@click.option(
    "--log-level",
    default="info",
    show_default=True,
    type=click.Choice(["debug", "info", "warning", "error"]),
)
@click.pass_context
@friendly_errors
def serve(
    ctx: click.Context,
    spec_path: str,
    upstream: str | None,
    profiles: Path | None,
    keys_file: Path,
    store: str,
    host: str,
    port: int,
    redact_store: bool,
    store_sync: str,
    model: str | None,
    upstream_timeout: float,
    judge_model: str | None,
    judge_timeout: float,
    log_level: str,
) -> None:
    """Run the gateway: an OpenAI-compatible endpoint that enforces the spec.

    Clients use their Charter key as the OpenAI API key and the gateway's /v1 URL as base URL.
    The upstream's own key is read from CHARTER_UPSTREAM_API_KEY.
    """
    if ctx.invoked_subcommand is not None:
        return
    if not upstream:
        raise click.UsageError("--upstream URL is required to serve")
    import uvicorn

    from charter.gateway import GatewayConfig, create_app

    try:
        config = GatewayConfig(
            spec=spec_path,
            upstream=upstream,
            profiles_dir=profiles,
            keys_file=keys_file,
            store=store,
            redact_store=redact_store,
            store_sync=store_sync,
            model=model,
            upstream_timeout_s=upstream_timeout,
            judge_model=judge_model,
            judge_timeout_s=judge_timeout,
        )
    except ValidationError as exc:
        raise _config_error(exc) from None
    logging.basicConfig(level=log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    app = create_app(config)
    key_state = "set" if os.environ.get(config.upstream_api_key_env) else "not set"
    click.echo(
        f"charter gateway on http://{host}:{port}/v1 -> {config.upstream} "
        f"({len(app.clients)} keys, spec {app.spec.title!r}, store {app.decisions.store.location}, "
        f"upstream key {key_state})",
        err=True,
    )
    note = enforcement_note(app)
    if note:
        click.echo(f"warning: {note}", err=True)
    uvicorn.run(
        app,
        host=host,
        port=port,
        access_log=False,
        log_level=log_level,
        lifespan="on",
        # on SIGINT/SIGTERM, streams still open get this long to finish (and be logged), then are cut
        timeout_graceful_shutdown=30,
    )


def enforcement_note(app: GatewayApp) -> str | None:
    """A warning when the gateway would enforce nothing: no statement of the spec has a check that runs
    on live traffic (the spec has no ``charter`` blocks, as OpenAI's published Model Spec has none)."""
    if any(guard.policy().checks for guard in app.guards):
        return None
    return (
        f"spec {app.spec.title!r} gives no check to run on live traffic (no charter block lists one): "
        "every request is logged, none is enforced"
    )


@serve.group("keys")
def keys() -> None:
    """Create and list the gateway's client keys (stored as sha256 hashes)."""


@keys.command("add")
@click.option("--keys", "keys_file", default=DEFAULT_KEYS, show_default=True, type=click.Path(path_type=Path))
@click.option("--tenant", required=True, help="Who the key belongs to (letters, digits, _.@:-).")
@click.option(
    "--profile", default="default", show_default=True, help="Profile name (<profiles>/<name>.yaml)."
)
@click.option(
    "--rpm",
    default=600,
    show_default=True,
    type=click.IntRange(min=0),
    help="Requests per minute; 0 = no limit.",
)
@friendly_errors
def keys_add(keys_file: Path, tenant: str, profile: str, rpm: int) -> None:
    """Create a key; its hash goes into the keys file and the key is printed once, on stdout."""
    from charter.gateway import add_key

    key, record = add_key(keys_file, tenant=tenant, profile=profile, rpm=rpm)
    click.echo(
        f"added {record.id} for tenant {tenant!r} (profile {profile!r}, {rpm} rpm) to {keys_file}", err=True
    )
    click.echo("the key is shown only now; keep it secret:", err=True)
    click.echo(key)


@keys.command("list")
@click.option("--keys", "keys_file", default=DEFAULT_KEYS, show_default=True, type=click.Path(path_type=Path))
@friendly_errors
def keys_list(keys_file: Path) -> None:
    """List the keys (their ids, never the keys themselves)."""
    from charter.gateway import load_keys

    for key in load_keys(keys_file):
        click.echo(f"{key.id}\t{key.tenant}\t{key.profile}\t{key.rpm} rpm\t{key.created_at}")


if __name__ == "__main__":  # pragma: no cover - ``python -m charter.cli._serve``
    serve()
