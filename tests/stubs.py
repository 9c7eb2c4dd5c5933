"""Framework modules stubbed while a consumer's own code loads (tests/superdesk.py, tests/pyconverters.py)."""

from __future__ import annotations

import sys
import types
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

__all__ = ["module", "stubbed"]


def module(name: str, **attributes: Any) -> types.ModuleType:
    """A module named ``name`` holding ``attributes``."""
    made = types.ModuleType(name)
    made.__dict__.update(attributes)
    return made


@contextmanager
def stubbed(stubs: dict[str, types.ModuleType], restore: Iterable[str] = ()) -> Iterator[None]:
    """``stubs`` in ``sys.modules`` for the time being; then those and the ``restore`` names as they were."""
    saved = {name: sys.modules.get(name) for name in [*stubs, *restore]}
    sys.modules.update(stubs)
    try:
        yield
    finally:
        for name, previous in saved.items():
            if previous is None:
                sys.modules.pop(name, None)
            else:
                sys.modules[name] = previous
