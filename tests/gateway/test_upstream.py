"""The gateway's upstream client (aiohttp) against a raw local server: SSE framing, failures, secrets."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any

from tests.gateway.upstream import free_port

from charter.gateway._upstream import Failure, Upstream, UpstreamStream

KEY = "sk-upstream-secret-123"
Handler = Callable[[asyncio.StreamReader, asyncio.StreamWriter], Awaitable[None]]


async def _read_request(reader: asyncio.StreamReader) -> bytes:
    head = await reader.readuntil(b"\r\n\r\n")
    length = 0
    for line in head.decode("latin-1").split("\r\n"):
        name, _, value = line.partition(":")
        if name.strip().lower() == "content-length":
            length = int(value)
    return await reader.readexactly(length) if length else b""


async def respond(writer: asyncio.StreamWriter, head: str, body: bytes) -> None:
    """Write one response: the status line and headers in ``head``, then ``body`` with its length."""
    writer.write(f"HTTP/1.1 {head}\r\ncontent-length: {len(body)}\r\n\r\n".encode() + body)
    await writer.drain()


@asynccontextmanager
async def serving(handler: Handler) -> AsyncIterator[str]:
    """A raw HTTP/1.1 server on 127.0.0.1 answering every connection with ``handler``."""

    async def run(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            await handler(reader, writer)
        finally:
            writer.close()

    server = await asyncio.start_server(run, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}/v1"
    finally:
        server.close()
        await server.wait_closed()


def sse_server(pieces: list[bytes], status: int = 200, kind: str = "text/event-stream") -> Handler:
    async def handler(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await _read_request(reader)
        writer.write(
            f"HTTP/1.1 {status} OK\r\ncontent-type: {kind}\r\ntransfer-encoding: chunked\r\n\r\n".encode()
        )
        for piece in pieces:  # each piece its own chunk and write, so lines arrive split
            writer.write(f"{len(piece):x}\r\n".encode() + piece + b"\r\n")
            await writer.drain()
            await asyncio.sleep(0.005)
        writer.write(b"0\r\n\r\n")
        await writer.drain()

    return handler


async def _events(url: str, **options: Any) -> tuple[list[dict[str, Any] | Failure], bool]:
    upstream = Upstream(url, api_key=KEY, **options)
    try:
        opened = await upstream.stream(b'{"stream": true}')
        assert isinstance(opened, UpstreamStream), opened
        try:
            items = [item async for item in opened.events()]
        finally:
            await opened.aclose()
        return items, opened.done
    finally:
        await upstream.aclose()


def test_stream_framing_crlf_split_lines_comments_and_multiline_data() -> None:
    first = json.dumps({"choices": [{"index": 0, "delta": {"content": "Hel"}}]}).encode()
    second = json.dumps({"choices": [{"index": 0, "delta": {"content": "lo"}}]}).encode()
    cut = second.index(b":") + 1  # a multi-line data field is joined with a newline: split between tokens
    body = b": keep-alive\r\n\r\ndata: " + first + b"\r\n\r\nevent: x\ndata:" + second[:cut] + b"\ndata:"
    body += second[cut:] + b"\n\ndata: [DONE]\r\n\r\n"
    # cut the body at awkward places: inside "data:", inside a JSON string, between \r and \n
    cuts = [3, 20, len(body) // 2, body.index(b"\r\n\r\nevent") + 1, len(body) - 3]
    pieces = [body[a:b] for a, b in zip([0, *cuts], [*cuts, len(body)], strict=True) if body[a:b]]

    async def run() -> tuple[list[dict[str, Any] | Failure], bool]:
        async with serving(sse_server(pieces)) as url:
            return await _events(url)

    items, done = asyncio.run(run())
    assert done
    assert [i["choices"][0]["delta"]["content"] for i in items if isinstance(i, dict)] == ["Hel", "lo"]
    assert not any(isinstance(i, Failure) for i in items)


def test_stream_says_when_more_events_are_at_hand_already() -> None:
    def event(text: str) -> bytes:
        return (
            b"data: " + json.dumps({"choices": [{"index": 0, "delta": {"content": text}}]}).encode() + b"\n\n"
        )

    # three events in one write, then one on its own: the first two have more behind them
    pieces = [event("a") + event("b") + event("c"), event("d") + b"data: [DONE]\n\n"]

    async def run() -> list[tuple[str, bool]]:
        async with serving(sse_server(pieces)) as url:
            upstream = Upstream(url, api_key=KEY)
            try:
                opened = await upstream.stream(b'{"stream": true}')
                assert isinstance(opened, UpstreamStream)
                seen = []
                async for item in opened.events():
                    assert isinstance(item, dict)
                    seen.append((item["choices"][0]["delta"]["content"], opened.more))
                await opened.aclose()
                return seen
            finally:
                await upstream.aclose()

    assert asyncio.run(run()) == [("a", True), ("b", True), ("c", False), ("d", True)]


def test_stream_scrubs_the_upstream_key_and_reports_bad_chunks() -> None:
    echoed = json.dumps({"choices": [{"index": 0, "delta": {"content": f"key {KEY}"}}]}).encode()
    pieces = [b"data: " + echoed[:30], echoed[30:] + b"\n\n", b"data: {not json\n\n"]

    async def run() -> list[dict[str, Any] | Failure]:
        async with serving(sse_server(pieces)) as url:
            return (await _events(url))[0]

    items = asyncio.run(run())
    assert KEY not in json.dumps([i for i in items if isinstance(i, dict)])
    assert "[upstream key]" in items[0]["choices"][0]["delta"]["content"]  # type: ignore[index]
    assert isinstance(items[-1], Failure) and items[-1].kind == "malformed"


def test_stream_that_is_not_event_stream_is_malformed() -> None:
    async def run() -> UpstreamStream | Failure:
        async with serving(sse_server([b"{}"], kind="application/json")) as url:
            upstream = Upstream(url)
            try:
                return await upstream.stream(b"{}")
            finally:
                await upstream.aclose()

    found = asyncio.run(run())
    assert isinstance(found, Failure) and found.kind == "malformed" and "content-type" in found.message


def test_status_failure_keeps_openai_error_and_retry_after_without_the_key() -> None:
    error = {"error": {"message": f"slow down {KEY}", "type": "rate_limit", "code": "rate_limit_exceeded"}}
    payload = json.dumps(error).encode()

    async def handler(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await _read_request(reader)
        await respond(writer, "429 Too Many\r\ncontent-type: application/json\r\nretry-after: 7", payload)

    async def run() -> Any:
        async with serving(handler) as url:
            upstream = Upstream(url, api_key=KEY)
            try:
                return await upstream.chat(b"{}"), await upstream.stream(b"{}")
            finally:
                await upstream.aclose()

    plain, streamed = asyncio.run(run())
    for found in (plain, streamed):
        assert isinstance(found, Failure) and found.kind == "status" and found.status == 429
        assert found.code == "upstream_rate_limited" and found.retry_after == "7"
        assert KEY not in found.message and found.error and KEY not in found.error["message"]


def test_timeout_unreachable_and_dropped_connection() -> None:
    async def stall(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await _read_request(reader)
        await asyncio.sleep(2)

    async def drop(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await _read_request(reader)
        writer.write(b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{")
        await writer.drain()
        writer.transport.abort()

    async def run() -> list[Any]:
        found = []
        async with serving(stall) as url:
            upstream = Upstream(url, timeout_s=0.2)
            found.append(await upstream.chat(b"{}"))
            await upstream.aclose()
        upstream = Upstream(f"http://127.0.0.1:{free_port()}/v1", connect_timeout_s=1)
        found.append(await upstream.chat(b"{}"))
        await upstream.aclose()
        async with serving(drop) as url:
            upstream = Upstream(url)
            found.append(await upstream.chat(b"{}"))
            await upstream.aclose()
        return found

    timed_out, unreachable, dropped = asyncio.run(run())
    assert isinstance(timed_out, Failure) and timed_out.kind == "timeout"
    assert isinstance(unreachable, Failure) and unreachable.kind == "unreachable"
    assert isinstance(dropped, Failure) and dropped.kind == "disconnected"


def test_keep_alive_connection_is_reused_after_a_full_stream() -> None:
    connections = []
    done = json.dumps({"choices": [{"index": 0, "delta": {"content": "x"}}]}).encode()

    async def handler(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        connections.append(writer)
        for _ in range(3):
            try:
                await _read_request(reader)
            except asyncio.IncompleteReadError:
                return
            await respond(
                writer,
                "200 OK\r\ncontent-type: text/event-stream",
                b"data: " + done + b"\n\ndata: [DONE]\n\n",
            )

    async def run() -> None:
        async with serving(handler) as url:
            upstream = Upstream(url)
            for _ in range(3):
                opened = await upstream.stream(b"{}")
                assert isinstance(opened, UpstreamStream)
                assert len([i async for i in opened.events()]) == 1 and opened.done
                await opened.aclose()
            await upstream.aclose()

    asyncio.run(run())
    assert len(connections) == 1


def test_proxy_from_the_environment_is_used_and_no_proxy_bypasses_it(monkeypatch: Any) -> None:
    """HTTP_PROXY is honoured (resolved once, when the client is built); NO_PROXY bypasses it."""
    seen: list[bytes] = []
    reply = json.dumps({"choices": [{"index": 0, "message": {"role": "assistant", "content": "hi"}}]})

    async def proxy(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        head = await reader.readuntil(b"\r\n\r\n")
        seen.append(head.split(b"\r\n", 1)[0])
        await respond(writer, "200 OK\r\ncontent-type: application/json", reply.encode())

    async def run(direct: str) -> tuple[Any, Any]:
        async with serving(proxy) as proxy_url:
            monkeypatch.setenv("HTTP_PROXY", proxy_url.removesuffix("/v1"))
            via_proxy = Upstream("http://model.example.test:8000/v1")
            monkeypatch.setenv("NO_PROXY", "127.0.0.1")
            bypassing = Upstream(direct)
            try:
                return await via_proxy.chat(b"{}"), await bypassing.chat(b"{}")
            finally:
                await via_proxy.aclose()
                await bypassing.aclose()

    async def outer() -> tuple[Any, Any]:
        async with serving(sse_server([b"data: [DONE]\n\n"], kind="application/json")) as direct:
            return await run(direct)

    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    proxied, bypassed = asyncio.run(outer())
    assert seen == [b"POST http://model.example.test:8000/v1/chat/completions HTTP/1.1"]
    assert isinstance(proxied, tuple) and proxied[0]["choices"][0]["message"]["content"] == "hi"
    assert isinstance(bypassed, Failure) and bypassed.kind == "malformed"  # reached directly, not the proxy


def test_a_pooled_connection_the_upstream_closed_is_replaced_not_reported() -> None:
    """The upstream closes each connection after one reply without saying so; every call still succeeds."""
    reply = json.dumps({"choices": [{"index": 0, "message": {"role": "assistant", "content": "ok"}}]})
    connections = []

    async def handler(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        connections.append(writer)
        await _read_request(reader)
        await respond(writer, "200 OK\r\ncontent-type: application/json", reply.encode())

    async def run() -> list[Any]:
        async with serving(handler) as url:
            upstream = Upstream(url)
            try:
                return [await upstream.chat(b"{}") for _ in range(4)]
            finally:
                await upstream.aclose()

    results = asyncio.run(run())
    assert all(isinstance(r, tuple) and r[0]["choices"][0]["message"]["content"] == "ok" for r in results)
    assert len(connections) == 4
