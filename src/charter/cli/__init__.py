"""The ``charter`` command line: one module per command group."""

from __future__ import annotations

import click

from charter import __version__
from charter.cli._audit import audit
from charter.cli._init import init
from charter.cli._judge import judge
from charter.cli._log import log
from charter.cli._serve import serve
from charter.cli._spec import spec
from charter.cli._suite import suite
from charter.cli._suite_generate import generate

__all__ = ["main"]


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="charter")
def main() -> None:
    """Charter: make a model behavior spec real.

    Spec as code (lint, diff, render, prompt), checks and judges, audits and enforcement.
    """


main.add_command(spec)
main.add_command(init)
main.add_command(judge)
main.add_command(audit)
main.add_command(suite)
main.add_command(log)
main.add_command(serve)
suite.add_command(generate)
