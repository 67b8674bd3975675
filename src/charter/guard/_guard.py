"""The guard: apply the chain of command and the spec's checks to a request, a reply or a stream."""

from __future__ import annotations

import asyncio
import re
import time
from collections import OrderedDict
from collections.abc import Sequence

from charter.chat import Conversation, Message, Role
from charter.checks import Check, CheckVerdict, Registry, Sample, default_registry
from charter.exceptions import CharterError, ConfigError
from charter.guard._decision import Citation, Decision, strictest
from charter.guard._policy import ActiveCheck, EffectivePolicy, Overrides, resolve_policy
from charter.guard._profile import Profile
from charter.spec import Spec
from charter.spec._model import Action

__all__ = ["Guard", "StreamMonitor", "StreamStep", "mask_spans"]

_FAIL_CLOSED = ("critical", "high")


def mask_spans(text: str, spans: Sequence[tuple[int, int, str]]) -> str:
    """Replace each (start, end, label) span with ``[label]``; overlapping spans are merged."""
    out: list[str] = []
    cursor = 0
    for start, end, label in sorted(spans):
        if end <= cursor:
            continue
        start = max(start, cursor)
        out.append(text[cursor:start])
        out.append(f"[{label}]")
        cursor = end
    out.append(text[cursor:])
    return "".join(out)


def _first_paragraph(body: str, limit: int = 600) -> str:
    for paragraph in re.split(r"\n\s*\n", body):
        text = " ".join(paragraph.split())
        if text and not text.startswith(("```", "~~~", "#", "|", "<")):
            text = re.sub(r"\[([^\]]*)\]\(#[^)]*\)", r"\1", text)
            return text if len(text) <= limit else text[: limit - 1] + "…"
    return ""


class StreamStep:
    """What a stream monitor lets through after one chunk: text to release, or a stopping decision."""

    __slots__ = ("decision", "release")

    def __init__(self, release: str, decision: Decision | None = None) -> None:
        self.release = release
        self.decision = decision


class Guard:
    """Hold conversations to a spec under a developer profile.

    ``check_input`` judges a request before it goes upstream (escalation attempts, injections in
    tool outputs); ``check_output`` judges the reply; ``monitor`` judges a streamed reply with a
    bounded hold-back. Every :class:`Decision` carries the effective policy's hash, the spec's
    sha256 and citations (statement, authority, check, score, evidence).
    """

    def __init__(
        self,
        spec: Spec,
        profile: Profile | None = None,
        *,
        registry: Registry | None = None,
        tenant: str | None = None,
        judge_model: str | None = None,
        judge_timeout_s: float = 10.0,
        hold_back: int = 64,
        policy_cache: int = 256,
    ) -> None:
        self.spec = spec
        self.profile = (profile or Profile()).check(spec)
        self.registry = registry or default_registry()
        self.tenant = tenant
        #: model of the LLM policy judge (``llm_rubric`` checks); ``None`` leaves them to audits
        self.judge_model = judge_model
        self.judge_timeout_s = judge_timeout_s
        self.hold_back = hold_back
        self._policy_cache = policy_cache
        self._policies: OrderedDict[str, EffectivePolicy] = OrderedDict()
        self._checks: dict[str, Check] = {}
        self.policy()  # validate the spec's checks now, not on the first request

    # -- policy -------------------------------------------------------------------------------
    def policy(self, overrides: Overrides | None = None) -> EffectivePolicy:
        """The effective policy for a request with these overrides (an LRU of recent override sets)."""
        overrides = overrides or Overrides()
        key = overrides.model_dump_json()
        found = self._policies.get(key)
        if found is None:
            found = resolve_policy(
                self.spec, self.profile, overrides, self.registry, judges=self.judge_model is not None
            )
            self._policies[key] = found
            if len(self._policies) > self._policy_cache:
                self._policies.popitem(last=False)
        else:
            self._policies.move_to_end(key)
        return found

    def _instance(self, active: ActiveCheck) -> Check:
        found = self._checks.get(active.key)
        if found is None:
            try:
                if active.check == "llm_rubric":
                    from charter.checks._rubric import RubricJudge

                    model = str(active.params.get("model") or self.judge_model)
                    found = RubricJudge.for_statement(self.spec.section(active.statement_id), model=model)
                else:
                    params = dict(active.params)
                    cls = self.registry.resolve(active.check)
                    if cls.remote and "model" in cls.Params.model_fields and "model" not in params:
                        params["model"] = self.judge_model  # other LLM judges: the same judge model
                    found = self.registry.create(active.check, params, statement_id=active.statement_id)
            except CharterError as exc:
                raise ConfigError(f"statement {active.statement_id!r}: {exc}") from exc
            self._checks[active.key] = found
        return found

    # -- running checks -----------------------------------------------------------------------
    async def awarm_up(self) -> float:
        """Prepare the local checks before the first request: each one of the default policy judges
        a short sample once (loading embedded models, compiling patterns) and the verdicts are
        dropped. Remote checks (LLM judges) are not called. Returns the time taken in ms."""
        start = time.perf_counter()
        policy = self.policy()
        conversation = Conversation(messages=[Message(role=Role.USER, content="Hello! What can you do?")])
        samples = {
            "input": Sample(conversation=conversation),
            "output": Sample(conversation=conversation, reply="I can answer questions and help you write."),
        }
        for stage, sample in samples.items():
            for active in policy.for_stage(stage):
                if not self._instance(active).remote:
                    await self._evaluate(active, sample)
        return (time.perf_counter() - start) * 1000

    async def _evaluate(self, active: ActiveCheck, sample: Sample) -> tuple[CheckVerdict, float]:
        check = self._instance(active)
        start = time.perf_counter()
        try:
            if check.computes_only:
                verdict = await check.evaluate(sample)
            else:
                async with asyncio.timeout(self.judge_timeout_s):
                    verdict = await check.evaluate(sample)
        except (TimeoutError, CharterError) as exc:
            reason = "timed out" if isinstance(exc, TimeoutError) else str(exc)
            verdict = check.verdict(label="error", score=0.0, passed=None, error=f"{active.check}: {reason}")
        return verdict, (time.perf_counter() - start) * 1000

    async def _run(
        self, checks: list[ActiveCheck], sample: Sample
    ) -> list[tuple[ActiveCheck, CheckVerdict, float]]:
        """Run each distinct (check, parameters) once and cite its verdict for every statement using it.

        Every check that may wait runs under the judge timeout. Remote checks (LLM judges) run
        concurrently; local checks run one after another while those wait, awaited directly: no task
        per check, so a request's local checks finish without yielding the event loop in between.
        """
        if not checks:
            return []
        first: dict[str, ActiveCheck] = {}
        for active in checks:
            first.setdefault(active.key, active)
        remote = [k for k, a in first.items() if self._instance(a).remote]
        pending = asyncio.gather(*(self._evaluate(first[k], sample) for k in remote)) if remote else None
        by_key: dict[str, tuple[CheckVerdict, float]] = {}
        if pending is not None:
            await asyncio.sleep(0)  # let the remote calls go out before the local checks run
        try:
            for key, active in first.items():
                if key not in remote:
                    by_key[key] = await self._evaluate(active, sample)
        finally:
            if pending is not None:
                by_key.update(zip(remote, await pending, strict=True))
        # one verdict object per distinct check: citations take the statement from ``active``
        return [(active, *by_key[active.key]) for active in checks]

    def _decide(
        self,
        stage: str,
        policy: EffectivePolicy,
        results: list[tuple[ActiveCheck, CheckVerdict, float]],
        *,
        reply: str | None = None,
        messages: Sequence[Message] = (),
    ) -> Decision:
        citations: list[Citation] = []
        errors: list[str] = []
        actions: list[Action] = []
        latencies: dict[str, float] = {}
        for active, verdict, elapsed in results:
            latencies[f"{active.check}@{active.statement_id}"] = round(elapsed, 3)
            failed_closed = verdict.error is not None and active.severity in _FAIL_CLOSED
            if verdict.error is not None:
                errors.append(verdict.error)
            if verdict.passed is False or failed_closed:
                action = "block" if failed_closed and active.action in ("flag", "allow") else active.action
                actions.append(action)
                citations.append(
                    Citation(
                        statement_id=active.statement_id,
                        authority=active.authority,
                        check=active.check,
                        label=verdict.label,
                        score=verdict.score,
                        action=action,
                        explanation=verdict.explanation or (verdict.error or ""),
                        evidence=verdict.evidence,
                        error=verdict.error,
                    )
                )
        if stage == "input":
            for refused in policy.refused:
                actions.append("flag")
                citations.append(
                    Citation(
                        statement_id=refused.statement_id,
                        authority=refused.authority,
                        check="override",
                        label="refused",
                        score=1.0,
                        action="flag",
                        explanation=f"{refused.principal} override refused: {refused.reason}",
                    )
                )
        action = strictest(actions)
        extra: dict[str, object] = {}
        if action == "block":
            extra["message"] = self.refusal(citations)
        elif action == "safe_complete":
            extra["guidance"] = self.guidance(citations)
        elif action == "redact":
            redactions = [c for c in citations if c.action == "redact"]
            if stage == "input":
                extra["redacted_messages"] = self._redact_messages(messages, redactions)
            elif reply is not None:
                extra["redacted"] = mask_spans(
                    reply,
                    [
                        (s.start, s.end, f"REDACTED:{c.check}")
                        for c in redactions
                        for s in c.evidence
                        if s.source == "reply"
                    ],
                )
        return Decision(
            stage=stage,
            action=action,
            policy_hash=policy.hash,
            spec_sha256=policy.spec_sha256,
            profile=policy.profile,
            tenant=self.tenant,
            citations=citations,
            latencies_ms=latencies,
            errors=errors,
            **extra,
        )

    @staticmethod
    def _redact_messages(messages: Sequence[Message], citations: list[Citation]) -> list[Message]:
        per_message: dict[int, list[tuple[int, int, str]]] = {}
        for citation in citations:
            for span in citation.evidence:
                match = re.fullmatch(r"messages\[(\d+)\]", span.source)
                if match:
                    per_message.setdefault(int(match.group(1)), []).append(
                        (span.start, span.end, f"REDACTED:{citation.check}")
                    )
        return [
            m.model_copy(update={"content": mask_spans(m.content, per_message[i])}) if i in per_message else m
            for i, m in enumerate(messages)
        ]

    def refusal(self, citations: Sequence[Citation]) -> str:
        """A refusal in the spec's style that names what it cannot help with."""
        blocking = [c for c in citations if c.action == "block"] or list(citations)
        shared = {(c.check, c.label, c.score) for c in blocking}
        if len(blocking) > 1 and len(shared) == 1:
            # one verdict of one check (the harm judge, say) serves every statement that lists it: it
            # cannot tell which of them the reply breaks, so the refusal names none of them
            return (
                f"Sorry, I can't help with that: it was judged {blocking[0].label} under this assistant's "
                "safety rules. I'm glad to help with something else or with a safer version of the request."
            )
        titles = []
        for citation in blocking:
            section = self.spec.get(citation.statement_id)
            title = section.title if section is not None else citation.statement_id
            if title not in titles:
                titles.append(title)
        named = "; ".join(f"“{t}”" for t in titles[:2])
        return (
            f"Sorry, I can't help with that: it goes against {named}. "
            "I'm glad to help with something else or with a safer version of the request."
        )

    def guidance(self, citations: Sequence[Citation]) -> str:
        """Developer guidance for a safe completion: the statements' own words."""
        parts = []
        for citation in citations:
            if citation.action != "safe_complete":
                continue
            section = self.spec.get(citation.statement_id)
            if section is not None:
                parts.append(f"[{section.id}] {section.title}. {_first_paragraph(section.body)}")
        return "Answer again, keeping to these rules of the behavior spec:\n" + "\n".join(
            dict.fromkeys(parts)
        )

    # -- public API ---------------------------------------------------------------------------
    async def acheck_input(
        self, conversation: Conversation, *, overrides: Overrides | None = None
    ) -> Decision:
        policy = self.policy(overrides)
        sample = Sample(conversation=conversation)
        results = await self._run(policy.for_stage("input"), sample)
        return self._decide("input", policy, results, messages=conversation.messages)

    async def acheck_output(
        self,
        conversation: Conversation,
        reply: str,
        *,
        overrides: Overrides | None = None,
        response_format: str | None = None,
    ) -> Decision:
        """Judge ``reply``; ``response_format`` is the output format the request asked for (OpenAI's
        ``response_format.type``), which checks such as ``json_schema`` with ``when: asked`` read."""
        policy = self.policy(overrides)
        sample = Sample(conversation=conversation, reply=reply, response_format=response_format)
        results = await self._run(policy.for_stage("output"), sample)
        return self._decide("output", policy, results, reply=reply)

    def check_input(self, conversation: Conversation, *, overrides: Overrides | None = None) -> Decision:
        """Synchronous :meth:`acheck_input` (not for use inside a running event loop)."""
        return _run_sync(self.acheck_input(conversation, overrides=overrides))

    def check_output(
        self,
        conversation: Conversation,
        reply: str,
        *,
        overrides: Overrides | None = None,
        response_format: str | None = None,
    ) -> Decision:
        """Synchronous :meth:`acheck_output` (not for use inside a running event loop)."""
        return _run_sync(
            self.acheck_output(conversation, reply, overrides=overrides, response_format=response_format)
        )

    def safe_completion_messages(self, conversation: Conversation, decision: Decision) -> list[Message]:
        """The request to send upstream once more for a ``safe_complete`` decision."""
        guidance = Message(role=Role.DEVELOPER, content=decision.guidance or "")
        return [*conversation.messages, guidance]

    def monitor(
        self,
        conversation: Conversation,
        *,
        overrides: Overrides | None = None,
        response_format: str | None = None,
    ) -> StreamMonitor:
        return StreamMonitor(self, conversation, self.policy(overrides), response_format=response_format)


#: the least a span check looks back past the text it judged last (see ``StreamMonitor.overlap``)
_MIN_OVERLAP = 256


class StreamMonitor:
    """Judge a reply while it streams, holding back at most ``guard.hold_back`` characters.

    Streamable checks run on the text so far at each chunk that lets some text leave (the text is
    longer than what was released plus the hold-back), so a violating phrase split across chunks is
    caught before any of it is released (as long as it is shorter than the hold-back).
    Once the reply is long, checks that find spans (patterns, personal data) read only its newest
    part, from :attr:`overlap` characters before what they judged last, so each chunk costs the
    same however long the reply grows (other streamable checks, such as leakage, which counts over
    the whole reply, read all of it). Checks that judge a prefix (the embedded harm judge, see
    :attr:`~charter.checks.Check.judges_prefix`) run on the whole text so far whenever text they have
    not read would be released, so once per ``hold_back`` characters: what they would block never
    leaves first. The other output checks run once at :meth:`finish` on the whole reply, and so do all
    of them when a chunk was judged on a slice.
    """

    def __init__(
        self,
        guard: Guard,
        conversation: Conversation,
        policy: EffectivePolicy,
        *,
        response_format: str | None = None,
    ) -> None:
        self.guard = guard
        self.conversation = conversation
        self.response_format = response_format
        self.policy = policy
        self.text = ""
        self.released = 0
        self.stopped: Decision | None = None
        self._stream_checks = [c for c in policy.for_stage("output") if c.streamable]
        self._final_checks = [c for c in policy.for_stage("output") if not c.streamable]
        self._prefix_checks = [c for c in self._final_checks if guard._instance(c).judges_prefix]
        #: how much of the text the prefix checks have read
        self._prefix_judged = 0
        self._span_checks = [c for c in self._stream_checks if guard._instance(c).finds_spans]
        self._whole_checks = [c for c in self._stream_checks if not guard._instance(c).finds_spans]
        #: the streamable checks' results on the text as it was last judged (its length, results)
        self._judged: tuple[int, list[tuple[ActiveCheck, CheckVerdict, float]]] | None = None
        #: how much text had been judged at the last feed, and whether a feed judged only a slice
        self._judged_chars = 0
        self._sliced = False
        #: span checks look again at this many characters before the text judged last (at least
        #: four times the hold-back): a match that ends in the new text is found whole
        self.overlap = max(4 * guard.hold_back, _MIN_OVERLAP)

    async def feed(self, chunk: str) -> StreamStep:
        if self.stopped is not None:
            return StreamStep("", self.stopped)
        self.text += chunk
        upto = len(self.text) - self.guard.hold_back
        if upto <= self.released:
            # nothing could be released yet: the text is judged once some of it could leave
            # (or at finish), so a reply shorter than the hold-back is judged once, not per chunk
            return StreamStep("")
        start = self._slice_start()
        sample = self._sample(self.text)
        if start == 0:
            results = await self.guard._run(self._stream_checks, sample)
            self._judged = (len(self.text), results)
        else:
            results = [*await self._run_slice(start), *await self.guard._run(self._whole_checks, sample)]
            self._judged, self._sliced = None, True
        self._judged_chars = len(self.text)
        if self._prefix_checks and upto > self._prefix_judged:
            results = [*results, *await self.guard._run(self._prefix_checks, sample)]
            self._prefix_judged = len(self.text)
        if all(verdict.passed is not False and verdict.error is None for _, verdict, _ in results):
            return StreamStep(self._release(upto, None))  # nothing to cite: no decision to build
        decision = self.guard._decide("stream", self.policy, results, reply=self.text)
        if decision.action in ("block", "safe_complete"):
            return StreamStep("", self._stop(decision))
        return StreamStep(self._release(upto, decision))

    async def finish(self) -> tuple[str, Decision]:
        """Release what is left and return the stream's decision (whole-reply checks included)."""
        if self.stopped is not None:
            return "", self.stopped
        sample = self._sample(self.text)
        # (after a feed that judged a slice, every check judges the whole reply once more here)
        if self._judged is not None and self._judged[0] == len(self.text):
            # the last chunk was judged on the whole reply already: only the whole-reply checks are left
            results = [*self._judged[1], *await self.guard._run(self._final_checks, sample)]
        else:
            results = await self.guard._run([*self._stream_checks, *self._final_checks], sample)
        decision = self.guard._decide("stream", self.policy, results, reply=self.text)
        if decision.action in ("block", "safe_complete"):
            return "", self._stop(decision)
        return self._release(len(self.text), decision), decision

    def _sample(self, reply: str) -> Sample:
        return Sample(conversation=self.conversation, reply=reply, response_format=self.response_format)

    def _slice_start(self) -> int:
        """Where the span checks start reading: 0 (the whole text) until the text judged last is
        longer than :attr:`overlap`, then the start of a word about that far before its end."""
        cut = self._judged_chars - self.overlap
        if not self._span_checks or cut <= 0:
            return 0
        space = max(self.text.rfind(" ", 0, cut), self.text.rfind("\n", 0, cut))
        return space + 1 if space >= 0 else 0

    async def _run_slice(self, start: int) -> list[tuple[ActiveCheck, CheckVerdict, float]]:
        """The span checks on ``text[start:]``, their evidence moved to positions in the whole text.

        A verdict whose every match ends in text already released is left out: earlier feeds judged
        that text whole, and a match there can only be an artefact of where the slice begins (the
        tail of a phone number, say). What was released cannot be recalled anyway."""
        sample = self._sample(self.text[start:])
        kept = []
        for active, verdict, elapsed in await self.guard._run(self._span_checks, sample):
            if verdict.evidence:
                evidence = [
                    span.model_copy(update={"start": span.start + start, "end": span.end + start})
                    if span.source == "reply"
                    else span
                    for span in verdict.evidence
                ]
                if verdict.passed is False and all(
                    span.source == "reply" and span.end <= self.released for span in evidence
                ):
                    continue
                verdict = verdict.model_copy(update={"evidence": evidence})
            kept.append((active, verdict, elapsed))
        return kept

    def _stop(self, decision: Decision) -> Decision:
        self.stopped = decision.model_copy(
            update={"action": "block", "message": self.guard.refusal(decision.citations)}
        )
        return self.stopped

    def _release(self, upto: int, decision: Decision | None) -> str:
        """Text from the last release up to ``upto``, never cutting a redaction span, spans masked."""
        spans = [
            (s.start, s.end, f"REDACTED:{c.check}")
            for c in (decision.citations if decision is not None else ())
            if c.action == "redact"
            for s in c.evidence
            if s.source == "reply" and s.end > self.released
        ]
        for start, end, _ in spans:
            if start < upto < end:
                upto = start
        upto = max(upto, self.released)
        inside = [
            (max(s, self.released) - self.released, e - self.released, label)
            for s, e, label in spans
            if s < upto
        ]
        piece = mask_spans(self.text[self.released : upto], inside)
        self.released = upto
        return piece


def _run_sync(coroutine: object) -> Decision:
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coroutine)  # type: ignore[arg-type]
    if hasattr(coroutine, "close"):
        coroutine.close()
    raise ConfigError("inside a running event loop, use the async methods (acheck_input, acheck_output)")
