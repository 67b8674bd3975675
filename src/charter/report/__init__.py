"""HTML for the public: the spec web site and the single-file audit report."""

from charter.report._audit import RunReport, load_run_report, render_audit_report
from charter.report._site import render_site

__all__ = ["RunReport", "load_run_report", "render_audit_report", "render_site"]
