"""Pausing Python's cycle collector while a big run builds objects that never form cycles.

A 10,000-article run holds about 360,000 claims. Every few thousand new objects (unpickled
claims, shingle tuples, findings) the collector runs, and its full passes walk every live
claim: on such a run that is a third of the time spent receiving claims from the workers and
half the time of `repeated-passage`. Claims, evidence and findings are plain trees (no
cycles), so reference counting frees them anyway; pausing the collector loses nothing but
that repeated walk. The command line pauses it for a whole command; the library pauses it
around the stages that build many objects, for callers that keep it on.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["paused"]


@contextmanager
def paused() -> Iterator[None]:
    """Cycle collection off inside the block; back to what it was after (nesting is fine)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
