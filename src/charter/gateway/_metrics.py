"""Prometheus metrics in the text exposition format (version 0.0.4), written by hand.

One :class:`Metrics` object per app; the gateway runs on one event loop, so no locking is needed.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable

__all__ = ["CONTENT_TYPE", "Metrics"]

CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"
_BUCKETS: tuple[float, ...] = (
    0.001,
    0.0025,
    0.005,
    0.01,
    0.025,
    0.05,
    0.1,
    0.25,
    0.5,
    1.0,
    2.5,
    5.0,
    10.0,
    30.0,
)
_LE: tuple[str, ...] = (*(f'le="{b}"' for b in _BUCKETS), 'le="+Inf"')

Labels = tuple[tuple[str, str], ...]


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"')


def _labels(labels: Labels, extra: str = "") -> str:
    parts = [f'{k}="{_escape(v)}"' for k, v in labels]
    if extra:
        parts.append(extra)
    return "{" + ",".join(parts) + "}" if parts else ""


def _number(value: float) -> str:
    if value == int(value) and abs(value) < 1e15:
        return str(int(value))
    return repr(value)


class _Counter:
    def __init__(self, name: str, help_text: str, kind: str = "counter") -> None:
        self.name = name
        self.help = help_text
        self.kind = kind
        self.values: dict[Labels, float] = {}

    def inc(self, labels: Labels = (), amount: float = 1.0) -> None:
        self.values[labels] = self.values.get(labels, 0.0) + amount

    def render(self) -> Iterable[str]:
        yield f"# HELP {self.name} {self.help}"
        yield f"# TYPE {self.name} {self.kind}"
        if not self.values and self.kind == "gauge":
            yield f"{self.name} 0"
        for labels, value in sorted(self.values.items()):
            yield f"{self.name}{_labels(labels)} {_number(value)}"


class _Histogram:
    def __init__(self, name: str, help_text: str) -> None:
        self.name = name
        self.help = help_text
        # labels -> [bucket counts..., +Inf count], sum
        self.counts: dict[Labels, list[int]] = {}
        self.sums: dict[Labels, float] = {}

    def observe(self, seconds: float, labels: Labels = ()) -> None:
        counts = self.counts.get(labels)
        if counts is None:
            counts = self.counts[labels] = [0] * (len(_BUCKETS) + 1)
            self.sums[labels] = 0.0
        counts[bisect_left(_BUCKETS, seconds)] += 1
        self.sums[labels] += seconds

    def render(self) -> Iterable[str]:
        yield f"# HELP {self.name} {self.help}"
        yield f"# TYPE {self.name} histogram"
        for labels, counts in sorted(self.counts.items()):
            running = 0
            for bound, count in zip(_LE, counts, strict=True):
                running += count
                yield f"{self.name}_bucket{_labels(labels, bound)} {running}"
            yield f"{self.name}_sum{_labels(labels)} {self.sums[labels]!r}"
            yield f"{self.name}_count{_labels(labels)} {running}"


class Metrics:
    """The gateway's counters and histograms."""

    def __init__(self) -> None:
        self.requests = _Counter(
            "charter_gateway_requests_total", "Chat requests answered, by tenant, final action and streaming."
        )
        self.responses = _Counter("charter_gateway_responses_total", "HTTP responses by status code.")
        self.upstream_errors = _Counter(
            "charter_gateway_upstream_errors_total",
            "Upstream failures by kind (timeout, unreachable, status, malformed, disconnected).",
        )
        self.rate_limited = _Counter("charter_gateway_rate_limited_total", "Requests refused by rate limit.")
        self.auth_failures = _Counter(
            "charter_gateway_auth_failures_total", "Requests with a missing or bad key."
        )
        self.store_errors = _Counter(
            "charter_gateway_store_errors_total", "Decisions the store failed to keep."
        )
        self.safe_completions = _Counter(
            "charter_gateway_safe_completions_total", "Replies asked for again with the spec's guidance."
        )
        self.in_flight = _Counter(
            "charter_gateway_in_flight_requests", "Chat requests being handled.", "gauge"
        )
        self.duration = _Histogram(
            "charter_gateway_request_duration_seconds", "Time from request to last byte, by streaming."
        )
        self.guard_duration = _Histogram(
            "charter_gateway_guard_duration_seconds", "Time the guard took, by stage (input, output, stream)."
        )
        self.upstream_duration = _Histogram(
            "charter_gateway_upstream_duration_seconds", "Time the upstream took to answer (plain requests)."
        )

    def render(self) -> str:
        lines: list[str] = []
        for metric in (
            self.requests,
            self.responses,
            self.upstream_errors,
            self.rate_limited,
            self.auth_failures,
            self.store_errors,
            self.safe_completions,
            self.in_flight,
            self.duration,
            self.guard_duration,
            self.upstream_duration,
        ):
            lines.extend(metric.render())
        return "\n".join(lines) + "\n"
