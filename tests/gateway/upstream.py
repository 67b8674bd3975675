"""A scripted OpenAI-compatible upstream on 127.0.0.1, written on raw asyncio (HTTP/1.1, keep-alive).

It answers ``POST /v1/chat/completions`` (plain JSON, or SSE with chunked transfer encoding when the
request says ``stream: true``) and ``GET /v1/models`` with scripted replies, optionally after a delay,
and records every request it receives so tests can assert what the gateway forwarded. Faults:
an HTTP status, a raw (malformed) body, a connection dropped mid-stream, a long delay (timeouts).

Which reply: the first queued one (:meth:`ScriptedUpstream.push`), else the first rule whose needle
is in the last message (:meth:`ScriptedUpstream.when`), else the default.

Also a program, for benchmarks: ``python tests/gateway/upstream.py --port 9000 --delay 0.05``.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import dataclasses
import json
import random
import socket
import threading
import time
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

__all__ = ["Received", "Reply", "ScriptedUpstream", "free_port"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Reply:
    """What the upstream answers to one request."""

    content: str | None = "Hello from the scripted upstream."
    #: the content in stream chunks (default: split into pieces of ``chunk_chars`` characters)
    chunks: list[str] | None = None
    chunk_chars: int = 8
    tool_calls: list[dict[str, Any]] | None = None
    finish_reason: str | None = None
    status: int = 200
    #: a raw body instead of the JSON reply (malformed JSON, an error payload, ...)
    body: bytes | None = None
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    chunk_delay: float = 0.0
    #: streaming: close the connection after this many chunks (no terminating chunk, no [DONE])
    drop_after: int | None = None
    #: streaming: a raw line sent as the n-th event instead of a chunk (malformed JSON mid-stream)
    garbage_at: int | None = None
    choices: int = 1


@dataclass
class Received:
    method: str
    path: str
    headers: dict[str, str]
    body: dict[str, Any] | None

    def last_content(self) -> str:
        messages = (self.body or {}).get("messages") or [{}]
        content = messages[-1].get("content")
        return content if isinstance(content, str) else json.dumps(content)


class ScriptedUpstream:
    """The server; run it in a thread with :meth:`running` or on a loop with :meth:`serve`."""

    def __init__(self, default: Reply | None = None, *, model: str = "scripted-model") -> None:
        self.default = default or Reply()
        self.model = model
        self.queue: deque[Reply] = deque()
        self.rules: list[tuple[str, Reply]] = []
        self.received: list[Received] = []
        self.record = True
        #: extra random delay, uniform in [0, jitter] seconds, for requests whose model ends in "-jitter"
        self.jitter = 0.0
        #: for requests whose model ends in "-varied": the reply text cycles through these, each made
        #: unique by a serial number (so no cache downstream ever sees the same reply twice)
        self.varied: list[str] = []
        #: for requests whose model ends in "-trickle": this long text, streamed as a fast model
        #: does (a few characters every ``trickle_delay`` seconds), made unique by a serial number
        self.trickle = ""
        self.trickle_delay = 0.01
        self.port = 0
        self._lock = threading.Lock()
        self._server: asyncio.AbstractServer | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._writers: set[asyncio.StreamWriter] = set()
        self._count = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def push(self, *replies: Reply) -> None:
        with self._lock:
            self.queue.extend(replies)

    def when(self, needle: str, reply: Reply) -> None:
        with self._lock:
            self.rules.append((needle, reply))

    def reset(self) -> None:
        with self._lock:
            self.queue.clear()
            self.rules.clear()
            self.received.clear()

    def _choose(self, request: Received) -> Reply:
        with self._lock:
            if self.queue:
                return self.queue.popleft()
            last = request.last_content()
            for needle, reply in self.rules:
                if needle in last:
                    return reply
            return self.default

    # -- HTTP --------------------------------------------------------------------------------
    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._writers.add(writer)
        try:
            while True:
                line = await reader.readline()
                if not line:
                    return
                method, path, _ = line.decode("latin-1").split(" ", 2)
                headers: dict[str, str] = {}
                while True:
                    header = await reader.readline()
                    if header in (b"\r\n", b"\n", b""):
                        break
                    name, _, value = header.decode("latin-1").partition(":")
                    headers[name.strip().lower()] = value.strip()
                length = int(headers.get("content-length", "0") or 0)
                raw = await reader.readexactly(length) if length else b""
                body = json.loads(raw) if raw else None
                request = Received(method, path, headers, body)
                if self.record:
                    with self._lock:
                        self.received.append(request)
                keep = await self._respond(request, writer)
                if not keep:
                    return
        except (ConnectionError, asyncio.IncompleteReadError, ValueError):
            return
        except asyncio.CancelledError:
            return  # shutting down (returning keeps asyncio from logging the cancelled handler)
        finally:
            self._writers.discard(writer)
            writer.close()

    async def _respond(self, request: Received, writer: asyncio.StreamWriter) -> bool:
        if request.method == "GET" and request.path.endswith("/models"):
            data = {
                "object": "list",
                "data": [{"id": self.model, "object": "model", "created": 0, "owned_by": "test"}],
            }
            self._write(writer, 200, json.dumps(data).encode(), {})
            return True
        reply = self._choose(request)
        delay = reply.delay
        if self.jitter and str((request.body or {}).get("model", "")).endswith("-jitter"):
            delay += random.uniform(0.0, self.jitter)
        if delay:
            await asyncio.sleep(delay)
        if reply.status != 200 or reply.body is not None:
            body = (
                reply.body
                if reply.body is not None
                else json.dumps({"error": {"message": "scripted"}}).encode()
            )
            self._write(writer, reply.status, body, reply.headers)
            await writer.drain()
            return True
        self._count += 1
        completion_id = f"chatcmpl-up{self._count}"
        if self.varied and str((request.body or {}).get("model", "")).endswith("-varied"):
            text = self.varied[self._count % len(self.varied)]
            reply = dataclasses.replace(reply, content=f"{text} (#{self._count})")
        if self.trickle and str((request.body or {}).get("model", "")).endswith("-trickle"):
            reply = dataclasses.replace(
                reply,
                content=f"(#{self._count}) {self.trickle}",
                chunk_chars=4,
                chunk_delay=self.trickle_delay,
            )
        if (request.body or {}).get("stream"):
            return await self._stream(reply, completion_id, writer)
        message: dict[str, Any] = {"role": "assistant", "content": reply.content, "refusal": None}
        if reply.tool_calls:
            message["tool_calls"] = reply.tool_calls
        finish = reply.finish_reason or ("tool_calls" if reply.tool_calls else "stop")
        data = {
            "id": completion_id,
            "object": "chat.completion",
            "created": int(time.time()),
            "model": self.model,
            "choices": [
                {"index": i, "message": message, "logprobs": None, "finish_reason": finish}
                for i in range(reply.choices)
            ],
            "usage": {"prompt_tokens": 10, "completion_tokens": 5, "total_tokens": 15},
        }
        self._write(writer, 200, json.dumps(data).encode(), reply.headers)
        await writer.drain()
        return True

    @staticmethod
    def _write(writer: asyncio.StreamWriter, status: int, body: bytes, headers: dict[str, str]) -> None:
        head = [f"HTTP/1.1 {status} X", "content-type: application/json", f"content-length: {len(body)}"]
        head += [f"{k}: {v}" for k, v in headers.items()]
        writer.write(("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + body)

    async def _stream(self, reply: Reply, completion_id: str, writer: asyncio.StreamWriter) -> bool:
        head = "HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\ntransfer-encoding: chunked\r\n\r\n"
        writer.write(head.encode())
        base = {
            "id": completion_id,
            "object": "chat.completion.chunk",
            "created": int(time.time()),
            "model": self.model,
        }
        pieces = reply.chunks
        if pieces is None:
            text = reply.content or ""
            pieces = [text[i : i + reply.chunk_chars] for i in range(0, len(text), reply.chunk_chars)]
        events: list[bytes] = []
        for i in range(reply.choices):
            events.append(
                self._event(
                    {
                        **base,
                        "choices": [
                            {"index": i, "delta": {"role": "assistant", "content": ""}, "finish_reason": None}
                        ],
                    }
                )
            )
        for piece in pieces:
            for i in range(reply.choices):
                events.append(
                    self._event(
                        {
                            **base,
                            "choices": [{"index": i, "delta": {"content": piece}, "finish_reason": None}],
                        }
                    )
                )
        for k, call in enumerate(reply.tool_calls or []):
            arguments = call["function"]["arguments"]
            half = len(arguments) // 2
            first = {
                "index": k,
                "id": call.get("id"),
                "type": "function",
                "function": {"name": call["function"]["name"], "arguments": arguments[:half]},
            }
            second = {"index": k, "function": {"arguments": arguments[half:]}}
            for delta in (first, second):
                events.append(
                    self._event(
                        {
                            **base,
                            "choices": [
                                {"index": 0, "delta": {"tool_calls": [delta]}, "finish_reason": None}
                            ],
                        }
                    )
                )
        finish = reply.finish_reason or ("tool_calls" if reply.tool_calls else "stop")
        for i in range(reply.choices):
            events.append(
                self._event({**base, "choices": [{"index": i, "delta": {}, "finish_reason": finish}]})
            )
        events.append(b"data: [DONE]\n\n")
        for n, event in enumerate(events):
            if reply.drop_after is not None and n >= reply.drop_after:
                await writer.drain()
                transport = writer.transport
                transport.abort()
                return False
            if reply.garbage_at is not None and n == reply.garbage_at:
                event = b"data: {not json\n\n"
            writer.write(f"{len(event):x}\r\n".encode() + event + b"\r\n")
            if reply.chunk_delay:
                await writer.drain()
                await asyncio.sleep(reply.chunk_delay)
        writer.write(b"0\r\n\r\n")
        await writer.drain()
        return True

    @staticmethod
    def _event(chunk: dict[str, Any]) -> bytes:
        return b"data: " + json.dumps(chunk).encode() + b"\n\n"

    # -- running -----------------------------------------------------------------------------
    async def start(self, port: int = 0) -> None:
        self._loop = asyncio.get_running_loop()
        self._server = await asyncio.start_server(self._handle, "127.0.0.1", port, backlog=1024)
        self.port = self._server.sockets[0].getsockname()[1]

    async def stop(self) -> None:
        if self._server is not None:
            self._server.close()
            for writer in list(self._writers):
                writer.transport.abort()
            await self._server.wait_closed()

    @contextlib.contextmanager
    def running(self) -> Iterator[ScriptedUpstream]:
        """Serve in a background thread while the block runs."""
        ready = threading.Event()
        done: asyncio.Event | None = None

        async def main() -> None:
            nonlocal done
            done = asyncio.Event()
            await self.start()
            ready.set()
            await done.wait()
            await self.stop()

        thread = threading.Thread(target=asyncio.run, args=(main(),), daemon=True)
        thread.start()
        if not ready.wait(10):
            raise RuntimeError("the scripted upstream did not start")
        try:
            yield self
        finally:
            assert self._loop is not None and done is not None
            self._loop.call_soon_threadsafe(done.set)
            thread.join(10)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=9000)
    parser.add_argument("--delay", type=float, default=0.05)
    parser.add_argument("--jitter", type=float, default=0.0, help="extra uniform delay for '*-jitter' models")
    parser.add_argument("--replies", help="JSON file: a list of reply texts for '*-varied' models")
    parser.add_argument(
        "--trickle-chars",
        type=int,
        default=1500,
        help="'*-trickle' models: the replies joined, cut to this length, 4 characters every 10 ms",
    )
    parser.add_argument(
        "--content",
        default="Sure. Here is a short and perfectly ordinary answer to your question, "
        "with a few sentences of text so the reply looks like a real one.",
    )
    args = parser.parse_args()
    upstream = ScriptedUpstream(Reply(content=args.content, delay=args.delay, chunk_chars=12))
    upstream.record = False
    upstream.jitter = args.jitter
    if args.replies:
        with open(args.replies, encoding="utf-8") as fh:
            upstream.varied = [str(text) for text in json.load(fh)]
        upstream.trickle = " ".join(upstream.varied)[: args.trickle_chars]

    async def run() -> None:
        await upstream.start(args.port)
        print(f"scripted upstream on {upstream.url}", flush=True)
        await asyncio.Event().wait()

    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(run())


if __name__ == "__main__":
    main()
