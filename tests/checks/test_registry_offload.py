"""``run_cpu_bound``: small judge batches run on the event loop, large ones in a worker thread."""

from __future__ import annotations

import asyncio
import threading

from charter.checks import CheckVerdict, Sample
from charter.checks._registry import INLINE_CHARS, run_cpu_bound


def test_small_batches_inline_large_batches_in_a_thread() -> None:
    threads: list[int] = []

    def judge(samples: list[Sample]) -> list[CheckVerdict]:
        threads.append(threading.get_ident())
        return [
            CheckVerdict(check="t", label="ok", score=0.0, passed=True, statement_id=None, params={})
            for _ in samples
        ]

    async def run() -> int:
        small = [Sample(reply="short reply")] * 3
        large = [Sample(reply="x" * (INLINE_CHARS // 2 + 1))] * 2
        assert len(await run_cpu_bound(judge, small)) == 3
        assert len(await run_cpu_bound(judge, large)) == 2
        return threading.get_ident()

    loop_thread = asyncio.run(run())
    assert threads[0] == loop_thread and threads[1] != loop_thread


def test_built_in_checks_say_how_the_guard_may_run_them() -> None:
    from charter.checks import default_registry

    registry = default_registry()
    for name in registry.names():
        cls = registry.resolve(name)
        if name in ("llm_rubric", "llm_harm", "llm_refusal"):  # they call a judge model
            assert cls.remote and not cls.computes_only, name
        else:  # pure computations: run inline, without a timeout that could not stop them anyway
            assert cls.computes_only and not cls.remote, name
