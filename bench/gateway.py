"""Gateway overhead: the same scripted upstream (answering after 50 ms) called directly and through
``charter serve``, by the same raw-asyncio load generator, at 1, 16 and 64 concurrent clients, plain
and streamed, with the bundled default spec's run-time checks on (deterministic checks, and the
embedded ``harm``/``refusal`` judges when they are importable; LLM judges off). Every request through
the gateway stores its chained decision (SQLite in a temporary folder, or ``--store-dir``).

Measured: added latency p50/p99 (gateway minus direct), throughput ratio (gateway / direct), the
gateway's CPU time per request (from /proc/<pid>/stat, all its threads, during the measured phase
only), and its RSS over 20,000 requests. Goals: added p50 <= 3 ms and p99 <= 15 ms at 16 clients,
>= 80 % of direct throughput, <= 2 ms CPU per request, flat RSS.

Reading the numbers: with a fixed 50 ms upstream, closed-loop clients tend to move in lockstep:
requests that go upstream together come back together, and a burst of N replies queues on the
gateway's one event loop (added p50 about N/2 times its CPU per reply). The gateway judges replies
one at a time and lets new requests go upstream in between (``GatewayApp.take_turn``), which spreads
the next round out; what remains of the added latency is mostly replies that still collide. The
extra rows at 16 clients with an upstream answering in 50-70 ms (uniform) show the same gateway when
arrivals drift apart, as with a real model.
The main rows answer every request with the same text, so the embedded judges' feature cache hits;
the "varied" rows answer each request with a different text (the bundled spec's example responses,
numbered), so every reply is featurised from scratch, as with real traffic. The main rows' streams
arrive all at once; the "trickled" row streams 1,500-character replies four characters every 10 ms
(a fast model), so the monitor judges each reply many times while it flows, as in production.

Decisions are committed before each reply leaves and fsynced every second (``--store-sync commit``,
the default); the "fsync" rows measure the same gateway at 16 clients with an fsync before each reply
(``--store-sync fsync``, which survives a power loss).

The gateway, the upstream and this load generator run as separate processes; on a machine with
two or more cores the gateway gets a core of its own. Prints a table and writes
bench/results/gateway.json. ``--quick`` runs shorter phases (for a smoke test).
"""

from __future__ import annotations

import argparse
import asyncio
import importlib.util
import json
import os
import platform
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
RESULTS = HERE / "results" / "gateway.json"
UPSTREAM_DELAY_S = 0.05
#: context rows: the upstream answers after 50 ms plus a uniform 0-20 ms, so the clients drift apart
#: instead of arriving in lockstep bursts (see the module docstring)
JITTER_S = 0.02
#: a row with the replies of a fast model that streams long answers: TRICKLE_CHARS characters, four
#: every TRICKLE_DELAY_S seconds (about 100 tokens a second), which the monitor judges as they come
TRICKLE_CHARS = 1500
TRICKLE_DELAY_S = 0.01
CONCURRENCY = (1, 16, 64)
#: the 16-client rows (the goals) are measured this many times; the run with the median added p50 is
#: reported and every run is kept (this machine's timing drifts from minute to minute)
REPEATS = 3
RSS_REQUESTS = 20_000
GOALS = {"added_p50_ms": 3.0, "added_p99_ms": 15.0, "throughput_ratio": 0.8, "cpu_ms_per_request": 2.0}
BODY = {
    "model": "bench-model",
    "messages": [
        {"role": "system", "content": "You are a helpful assistant for a travel company."},
        {"role": "user", "content": "What should I pack for a weekend in Lisbon in October?"},
    ],
}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _rss_mb(pid: int) -> float:
    match = re.search(r"VmRSS:\s+(\d+) kB", Path(f"/proc/{pid}/status").read_text())
    return int(match.group(1)) / 1024 if match else float("nan")


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


# -- load generator: raw asyncio HTTP/1.1 with keep-alive -------------------------------------------


async def _read_response(reader: asyncio.StreamReader) -> int:
    status_line = await reader.readline()
    if not status_line:
        raise ConnectionError("closed")
    status = int(status_line.split()[1])
    length = None
    chunked = False
    while True:
        line = await reader.readline()
        if line in (b"\r\n", b""):
            break
        name, _, value = line.decode("latin-1").partition(":")
        name = name.strip().lower()
        if name == "content-length":
            length = int(value)
        elif name == "transfer-encoding" and "chunked" in value:
            chunked = True
    if chunked:
        while True:
            size = int((await reader.readline()).split(b";")[0], 16)
            await reader.readexactly(size + 2)
            if size == 0:
                break
    elif length:
        await reader.readexactly(length)
    return status


async def _client(
    port: int, request: bytes, deadline: float, budget: list[int], latencies: list[float], errors: list[int]
) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        while time.perf_counter() < deadline and budget[0] > 0:
            budget[0] -= 1
            start = time.perf_counter()
            writer.write(request)
            status = await _read_response(reader)
            if status == 200:
                latencies.append(time.perf_counter() - start)
            else:
                errors[0] += 1
    finally:
        writer.close()


async def _load(
    port: int, request: bytes, concurrency: int, seconds: float, limit: int
) -> tuple[list[float], float, int]:
    latencies: list[float] = []
    errors = [0]
    budget = [limit]
    start = time.perf_counter()
    deadline = start + seconds
    await asyncio.gather(
        *(_client(port, request, deadline, budget, latencies, errors) for _ in range(concurrency))
    )
    return latencies, time.perf_counter() - start, errors[0]


def _request(port: int, stream: bool, key: str | None, model: str = "bench-model") -> bytes:
    body = json.dumps({**BODY, "model": model, "stream": stream}).encode()
    head = [
        "POST /v1/chat/completions HTTP/1.1",
        f"host: 127.0.0.1:{port}",
        "content-type: application/json",
        f"content-length: {len(body)}",
    ]
    if key:
        head.append(f"authorization: Bearer {key}")
    return ("\r\n".join(head) + "\r\n\r\n").encode() + body


def run_load(
    port: int,
    stream: bool,
    key: str | None,
    concurrency: int,
    seconds: float,
    pid: int | None = None,
    model: str = "bench-model",
) -> dict[str, Any]:
    """Warm up, then load ``port`` for ``seconds``; with ``pid``, that process's CPU time in the phase."""
    request = _request(port, stream, key, model)
    asyncio.run(_load(port, request, concurrency, min(1.0, seconds / 4), 50 * concurrency))  # warm up
    cpu = _cpu_seconds(pid) if pid else 0.0
    latencies, elapsed, errors = asyncio.run(_load(port, request, concurrency, seconds, 10**9))
    cpu = _cpu_seconds(pid) - cpu if pid else 0.0
    if not latencies:
        raise RuntimeError(f"no successful request on port {port} ({errors} errors)")
    return {
        "requests": len(latencies),
        "errors": errors,
        "rps": len(latencies) / elapsed,
        "p50_ms": statistics.median(latencies) * 1000,
        "p99_ms": _percentile(latencies, 0.99) * 1000,
        "cpu_ms_per_request": cpu * 1000 / (len(latencies) + errors),
    }


# -- processes ----------------------------------------------------------------------------------------


def _wait_ready(port: int, process: subprocess.Popen[bytes], path: str) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"process for port {port} exited with {process.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1) as sock:
                sock.sendall(f"GET {path} HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n".encode())
                if sock.recv(64).startswith(b"HTTP/1.1 200"):
                    return
        except OSError:
            pass
        time.sleep(0.1)
    raise RuntimeError(f"nothing answered on port {port}")


def _pin(pid: int, cpus: set[int]) -> None:
    if cpus and hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(pid, cpus)


_HEADER = (
    f"{'clients':>7} {'mode':6} | {'direct p50':>10} {'p99':>7} {'rps':>7} | {'gateway p50':>11} {'p99':>7} "
    f"{'rps':>7} | {'+p50 ms':>7} {'+p99 ms':>7} {'ratio':>5} {'cpu ms/req':>10}"
)


def _line(row: dict[str, Any]) -> str:
    direct, through = row["direct"], row["gateway"]
    errors = f"  ({through['errors']} errors)" if through["errors"] else ""
    return (
        f"{row['concurrency']:>7} {'stream' if row['stream'] else 'plain':6} | "
        f"{direct['p50_ms']:>10.1f} {direct['p99_ms']:>7.1f} {direct['rps']:>7.1f} | "
        f"{through['p50_ms']:>11.1f} {through['p99_ms']:>7.1f} {through['rps']:>7.1f} | "
        f"{row['added_p50_ms']:>7.2f} {row['added_p99_ms']:>7.2f} {row['throughput_ratio']:>5.2f} "
        f"{row['cpu_ms_per_request']:>10.2f}{errors}"
    )


def _specs(folder: Path) -> dict[str, tuple[Path, list[str]]]:
    """The configurations measured: the bundled default spec with its embedded judges (when they are
    importable) and the same spec with deterministic checks only (the gateway's own overhead)."""
    from charter.specs import default_spec_path

    path = default_spec_path()
    text = path.read_text(encoding="utf-8")
    judges = ("harm", "refusal")
    missing = [n for n in judges if importlib.util.find_spec(f"charter.checks._{n}") is None]

    def without(names: Sequence[str], name: str) -> Path:
        stripped = text
        for check in names:
            stripped = re.sub(rf"\n  - name: {check}\n(    params: .*\n)?", "\n", stripped)
        copy = folder / name
        copy.write_text(stripped, encoding="utf-8")
        return copy

    configs = {"deterministic": (without(judges, "default-deterministic.md"), list(judges))}
    if len(missing) < len(judges):
        full = path if not missing else without(missing, "default-available-judges.md")
        configs["deterministic+embedded"] = (full, missing)
    return configs


def _example_replies() -> list[str]:
    """The bundled spec's example responses (GOOD and BAD, all lengths): real reply text for the rows
    where every reply differs, so the embedded judges featurise each one (no cache hit)."""
    from charter.spec import load_spec
    from charter.specs import default_spec_path

    spec = load_spec(default_spec_path())
    return [r.content for s in spec.statements for e in s.examples for r in e.responses if r.content.strip()]


def _row(concurrency: int, stream: bool, direct: dict[str, Any], through: dict[str, Any]) -> dict[str, Any]:
    return {
        "concurrency": concurrency,
        "stream": stream,
        "direct": direct,
        "gateway": through,
        "added_p50_ms": through["p50_ms"] - direct["p50_ms"],
        "added_p99_ms": through["p99_ms"] - direct["p99_ms"],
        "throughput_ratio": through["rps"] / direct["rps"],
        "cpu_ms_per_request": through["cpu_ms_per_request"],
    }


def _measure(
    name: str,
    spec: Path,
    folder: Path,
    store_dir: Path,
    up_port: int,
    key: str,
    seconds: dict[int | str, float],
    rss_requests: int,
    cpus: tuple[set[int], set[int]],
    store_sync: str = "commit",
) -> dict[str, Any]:
    """Start a gateway on ``spec``, run every phase against it and the upstream, stop it. With
    ``store_sync="fsync"`` only the 16-client rows are measured (the cost of fsync before each reply)."""
    gw_port = _free_port()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO / "src"), os.environ.get("PYTHONPATH", "")])}
    command = [
        sys.executable, "-c", "from charter.cli._serve import serve; serve()",
        "--spec", str(spec), "--upstream", f"http://127.0.0.1:{up_port}/v1",
        "--keys", str(folder / "keys.yaml"),
        "--store", str(store_dir / f"bench-{name.replace('+', '-')}.db"), "--port", str(gw_port),
        "--log-level", "warning", "--store-sync", store_sync,
    ]  # fmt: skip
    gateway = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    result: dict[str, Any] = {"spec": str(spec)}
    try:
        _wait_ready(gw_port, gateway, "/healthz")
        _pin(gateway.pid, cpus[0])
        print(f"\n{name}: {spec.name}\n{_HEADER}", flush=True)
        rows = []

        def measure(
            concurrency: int,
            stream: bool,
            model: str = "bench-model",
            note: str = "",
            phase_s: float | None = None,
        ) -> dict[str, Any]:
            runs = []
            phase = phase_s or seconds[concurrency]
            for _ in range(REPEATS if concurrency == 16 and model == "bench-model" else 1):
                direct = run_load(up_port, stream, None, concurrency, phase, model=model)
                through = run_load(gw_port, stream, key, concurrency, phase, gateway.pid, model=model)
                runs.append(_row(concurrency, stream, direct, through))
            # the run with the median added p50 stands for the row; every run is kept
            row = sorted(runs, key=lambda r: r["added_p50_ms"])[len(runs) // 2]
            if len(runs) > 1:
                fields = ("added_p50_ms", "added_p99_ms", "throughput_ratio", "cpu_ms_per_request")
                row = {**row, "repeats": [{f: r[f] for f in fields} for r in runs]}
                spread = ", ".join(f"{r['added_p50_ms']:.2f}/{r['added_p99_ms']:.1f}" for r in runs)
                note += f"  (median of {len(runs)} runs; +p50/+p99: {spread})"
            print(_line(row) + note, flush=True)
            return row

        if store_sync == "fsync":
            result["rows"] = [measure(16, stream, note="  (--store-sync fsync)") for stream in (False, True)]
            return result
        for concurrency in CONCURRENCY:
            for stream in (False, True):
                rows.append(measure(concurrency, stream))
        jitter_note = f"  (upstream 50-{50 + JITTER_S * 1000:.0f} ms)"
        jittered = [measure(16, stream, "bench-model-jitter", jitter_note) for stream in (False, True)]
        result["rows"] = rows
        result["jittered_upstream"] = {"jitter_ms": JITTER_S * 1000, "rows": jittered}
        varied_note = "  (every reply a different text)"
        result["varied_replies"] = {
            "rows": [measure(16, stream, "bench-model-varied", varied_note) for stream in (False, True)]
        }
        trickle_note = (
            f"  ({TRICKLE_CHARS}-character replies, 4 characters every {TRICKLE_DELAY_S * 1000:.0f} ms)"
        )
        result["trickled_streams"] = {
            "reply_chars": TRICKLE_CHARS,
            "chunk_delay_ms": TRICKLE_DELAY_S * 1000,
            "rows": [measure(16, True, "bench-model-trickle", trickle_note, seconds["trickle"])],
        }
        for row in rows:
            suffix = "_stream" if row["stream"] else ""
            entry = result.setdefault(str(row["concurrency"]), {})
            for field in ("added_p50_ms", "added_p99_ms", "throughput_ratio", "cpu_ms_per_request"):
                entry[field + suffix] = row[field]
        if rss_requests:
            # memory: RSS over many requests through the gateway
            rss_start = _rss_mb(gateway.pid)
            cpu0 = _cpu_seconds(gateway.pid)
            samples = [rss_start]
            done = 0
            request = _request(gw_port, False, key)
            while done < rss_requests:
                latencies, _, errors = asyncio.run(
                    _load(gw_port, request, 64, 3600, min(5_000, rss_requests - done))
                )
                done += len(latencies) + errors
                samples.append(_rss_mb(gateway.pid))
            result["rss"] = {
                "requests": done,
                "start_mb": rss_start,
                "end_mb": samples[-1],
                "samples_mb": samples,
                "growth_mb": samples[-1] - rss_start,
                "cpu_ms_per_request": (_cpu_seconds(gateway.pid) - cpu0) * 1000 / max(1, done),
            }
            print(
                f"RSS over {done} requests: {rss_start:.1f} MB -> {samples[-1]:.1f} MB "
                f"(samples {', '.join(f'{s:.1f}' for s in samples)}); "
                f"CPU {result['rss']['cpu_ms_per_request']:.2f} ms/request",
                flush=True,
            )
        at16 = result["16"]
        result["meets_goals"] = {
            "added_p50_ms_at_16": at16["added_p50_ms"] <= GOALS["added_p50_ms"],
            "added_p99_ms_at_16": at16["added_p99_ms"] <= GOALS["added_p99_ms"],
            "throughput_ratio_at_16": at16["throughput_ratio"] >= GOALS["throughput_ratio"],
            "cpu_ms_per_request_at_16": at16["cpu_ms_per_request"] <= GOALS["cpu_ms_per_request"],
        }
        print(
            "goals:", ", ".join(f"{k} {'met' if v else 'MISSED'}" for k, v in result["meets_goals"].items())
        )
    finally:
        gateway.terminate()
        gateway.wait(10)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description="gateway overhead benchmark")
    parser.add_argument("--quick", action="store_true", help="short phases (smoke test)")
    parser.add_argument("--store-dir", help="folder for the decision store (default: a temporary folder)")
    args = parser.parse_args()
    seconds: dict[int | str, float] = (
        {1: 2.0, 16: 1.5, 64: 1.5, "trickle": 8.0}
        if args.quick
        else {1: 5.0, 16: 4.0, 64: 4.0, "trickle": 16.0}
    )
    rss_requests = 2_000 if args.quick else RSS_REQUESTS
    sys.path.insert(0, str(REPO / "src"))
    from charter.gateway import add_key

    available = sorted(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else []
    gateway_cpus = {available[-1]} if len(available) >= 2 else set()
    other_cpus = set(available[:-1]) if len(available) >= 2 else set()
    _pin(os.getpid(), other_cpus)
    results: dict[str, Any] = {
        "machine": {
            "cpus": len(available),
            "python": platform.python_version(),
            "gateway_pinned_to": sorted(gateway_cpus),
        },
        "upstream_delay_ms": UPSTREAM_DELAY_S * 1000,
        "goals": GOALS,
        "store": "SQLite (WAL): each decision committed before its reply, fsync every second "
        "(--store-sync commit, the default); store_sync_fsync: fsync before each reply",
    }
    with tempfile.TemporaryDirectory(prefix="charter-bench-") as tmp:
        folder = Path(tmp)
        store_dir = Path(args.store_dir) if args.store_dir else folder
        results["store_dir"] = str(store_dir)
        key, _ = add_key(folder / "keys.yaml", tenant="bench", rpm=0)
        up_port = _free_port()
        replies = folder / "replies.json"
        replies.write_text(json.dumps(_example_replies()), encoding="utf-8")
        upstream = subprocess.Popen(
            [sys.executable, str(REPO / "tests" / "gateway" / "upstream.py"), "--port", str(up_port),
             "--delay", str(UPSTREAM_DELAY_S), "--jitter", str(JITTER_S), "--replies", str(replies),
             "--trickle-chars", str(TRICKLE_CHARS)],
            stdout=subprocess.DEVNULL,
        )  # fmt: skip
        try:
            _wait_ready(up_port, upstream, "/v1/models")
            _pin(upstream.pid, other_cpus)
            configs = _specs(folder)
            results["configs"] = {}
            last = list(configs)[-1]
            for name, (spec, missing) in configs.items():
                measured = _measure(
                    name, spec, folder, store_dir, up_port, key, seconds,
                    rss_requests if name == last else 0, (gateway_cpus, other_cpus),
                )  # fmt: skip
                measured["checks_left_out"] = missing
                results["configs"][name] = measured
            # the same fullest configuration with an fsync before each reply (--store-sync fsync)
            spec, _ = configs[last]
            fsync = _measure(
                "fsync", spec, folder, store_dir, up_port, key, seconds, 0, (gateway_cpus, other_cpus),
                store_sync="fsync",
            )  # fmt: skip
            results["store_sync_fsync"] = {"config": last, "rows": fsync["rows"]}
        finally:
            upstream.terminate()
            upstream.wait(10)
    # the headline figures: the fullest configuration (embedded judges on when available)
    headline = results["configs"][last]
    results["headline_config"] = last
    for field in ("1", "16", "64", "rss", "meets_goals"):
        if field in headline:
            results[field] = headline[field]
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n")
    print(f"\nwrote {RESULTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
