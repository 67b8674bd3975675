"""Enforcement: chain-of-command resolution, override profiles and decisions."""

from charter.guard._decision import ACTION_ORDER, DECISION_VERSION, Citation, Decision, strictest
from charter.guard._guard import Guard, StreamMonitor, StreamStep, mask_spans
from charter.guard._policy import ActiveCheck, EffectivePolicy, Overrides, RefusedOverride, resolve_policy
from charter.guard._profile import PROFILE_VERSION, Profile, load_profile

__all__ = [
    "ACTION_ORDER",
    "DECISION_VERSION",
    "PROFILE_VERSION",
    "ActiveCheck",
    "Citation",
    "Decision",
    "EffectivePolicy",
    "Guard",
    "Overrides",
    "Profile",
    "RefusedOverride",
    "StreamMonitor",
    "StreamStep",
    "load_profile",
    "mask_spans",
    "resolve_policy",
    "strictest",
]
