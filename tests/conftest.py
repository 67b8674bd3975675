"""Shared fixtures: the real specs and data in ../shared (skipped cleanly when absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
RELEASES = ("2025-02-12", "2025-04-11", "2025-09-12")


def release_path(release: str) -> Path:
    path = SHARED / "specs" / "openai-model-spec" / release / "model_spec.md"
    if not path.exists():
        pytest.skip(f"real spec {release} not available at {path}")
    return path


@pytest.fixture
def shared_dir() -> Path:
    if not SHARED.exists():
        pytest.skip(f"shared data not available at {SHARED}")
    return SHARED
