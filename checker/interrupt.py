"""SIGINT and SIGTERM end a run at once, with the shell's exit codes (130 and 143).

A Ctrl-C at a terminal reaches every process of the group, workers included; a SIGINT or
SIGTERM sent by a supervisor (CI cancelling a job, `kill PID`) reaches the main process only.
Python turns SIGINT into a KeyboardInterrupt, which click catches and reports as exit 1, and
SIGTERM's default action ends the process without running any cleanup. Both signals therefore
raise `Interrupted` instead: a BaseException that click lets through, which unwinds every
`finally` on its way (the worker pool is killed in `checker.parallel`, a half-written report's
temporary file removed in `checker.output`, an open cache transaction rolled back in
`checker.cache`) before the command line exits with 128 + the signal's number.
"""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

__all__ = ["SIGNALS", "Interrupted", "ending_on_signals", "ignored_in_workers"]

SIGNALS = (signal.SIGINT, signal.SIGTERM)


class Interrupted(BaseException):
    """The run was asked to stop by a signal."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum

    @property
    def exit_code(self) -> int:
        """What a shell reports for a process ended by this signal."""
        return 128 + self.signum


def _stop(signum: int, frame: FrameType | None) -> None:
    # A second signal while the first unwinds would interrupt the cleanup itself: ignore it.
    for other in SIGNALS:
        signal.signal(other, signal.SIG_IGN)
    raise Interrupted(signum)


@contextmanager
def ending_on_signals() -> Iterator[None]:
    """Inside the block, SIGINT and SIGTERM raise `Interrupted` (main thread only)."""
    previous = {signum: signal.signal(signum, _stop) for signum in SIGNALS}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def ignored_in_workers() -> None:
    """A worker leaves the decision to the main process, which kills it when the run stops.

    A forked worker inherits `_stop`; left in place, a Ctrl-C would raise in every worker and
    print its traceback. SIGTERM goes back to its default (end at once)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
