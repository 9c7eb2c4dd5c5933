"""Shared fixtures: the ``../shared`` material (golden sample, schemas) and hypothesis profiles."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent
SHARED = Path(os.environ.get("NEWSISSUE_SHARED", ROOT.parent / "shared"))
EXAMPLES = ROOT / "examples"
GOLDEN_STEM = "seed-zhuzhou-daily-2023-12-07-p01"

settings.register_profile("default", deadline=None, max_examples=40, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("thorough", deadline=None, max_examples=600, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


def _shared(relative: str) -> Path:
    path = SHARED / relative
    if not path.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{path} is missing: CI needs ../shared beside the checkout")
        pytest.skip(f"{path} is missing (../shared is not beside this checkout)")
    return path


@pytest.fixture(scope="session")
def golden_page() -> Path:
    """The sample front page of 株洲日报 2023-12-07 (read from ../shared, never copied here)."""
    return _shared(f"golden/{GOLDEN_STEM}.md")


@pytest.fixture(scope="session")
def golden_expected() -> Path:
    """The editor's expected structure of the sample page."""
    return _shared(f"golden/{GOLDEN_STEM}.expected.json")


@pytest.fixture(scope="session")
def schemas() -> Path:
    """The official NewsML-G2 and ninjs schemas in ../shared/schemas."""
    return _shared("schemas")


@pytest.fixture(scope="session")
def corpus() -> Path:
    """The real-page development corpus with the editor's truth and its scorers (third-party text, never copied)."""
    return _shared("corpus")


@pytest.fixture(scope="session")
def example_issue() -> Path:
    """The fictional four-page Chinese example issue."""
    return EXAMPLES / "qingxi-daily"


@pytest.fixture(scope="session")
def english_issue() -> Path:
    """The fictional four-page English example issue (OCR-like plain text on page 2)."""
    return EXAMPLES / "harbour-gazette"


@pytest.fixture(scope="session", params=["qingxi-daily", "harbour-gazette"])
def any_example(request: pytest.FixtureRequest) -> Path:
    """Each example issue in turn."""
    return EXAMPLES / request.param
