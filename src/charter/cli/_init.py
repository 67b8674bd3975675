"""``charter init``: write a starter spec, configuration and profile into a directory."""

from __future__ import annotations

from pathlib import Path

import click

from charter.cli._common import friendly_errors
from charter.exceptions import ConfigError
from charter.specs import bundled_spec_path

__all__ = ["init"]

_CONFIG = """\
# Charter configuration for this project.
version: 1
spec: spec.md                 # the behavior spec (Model Spec markdown dialect)
profiles: profiles            # override profiles, one YAML file each
store: charter.db             # SQLite file for runs and decisions
judges:
  refusal: {}                 # embedded, offline
  harm: {}                    # embedded, offline
"""

_PROFILE = """\
# An override profile: what this developer changes in the spec's defaults.
version: 1
name: example
description: A developer who wants short, plain answers
disable: []                   # ids of overridable defaults turned off
params: {}                    # statement id -> check parameters
instructions: |
  Keep answers under 150 words unless the user asks for more.
user_may_change: null         # null = as the spec allows; [] = users change nothing
delegate_tools: false         # tool outputs carry no authority
"""


@click.command("init")
@click.argument("directory", type=click.Path(file_okay=False), default=".")
@click.option("--force", is_flag=True, help="Overwrite files that already exist.")
@friendly_errors
def init(directory: str, force: bool) -> None:
    """Write a starter spec.md, charter.yaml and profiles/example.yaml into DIRECTORY."""
    root = Path(directory)
    files = {
        root / "spec.md": bundled_spec_path("starter.md").read_text(encoding="utf-8"),
        root / "charter.yaml": _CONFIG,
        root / "profiles" / "example.yaml": _PROFILE,
    }
    existing = [str(p) for p in files if p.exists()]
    if existing and not force:
        raise ConfigError(f"refusing to overwrite {', '.join(existing)} (use --force)")
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        click.echo(f"wrote {path}")
    click.echo(f"next: charter spec lint {root / 'spec.md'}")
