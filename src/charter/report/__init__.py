"""The public spec web site: ``charter spec render FILE... -o DIR``."""

from charter.report._site import render_site

__all__ = ["render_site"]
