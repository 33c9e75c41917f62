"""A Ctrl-C the interpreter drops is still honoured before anything is written.

A SIGINT that lands while Python runs a callback whose exceptions it cannot raise (the
import lock's weakref callback, while the command starts and imports its libraries) is
printed as "Exception ignored" and lost: the run would go on and write every fix the user
tried to stop. The command's first act is to install :func:`_note_and_raise`, which remembers
the signal before raising ``KeyboardInterrupt`` as Python's own handler does; the write phase
asks :func:`interrupted` before it writes the first file.
"""

from __future__ import annotations

import signal
import threading

_received = False


def _note_and_raise(signal_number: int, frame: object) -> None:
    global _received
    _received = True
    raise KeyboardInterrupt


def watch_for_interrupts() -> None:
    """Install the handler (from the main thread only: signals are the main thread's)."""
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, _note_and_raise)


def interrupted() -> bool:
    """Whether a SIGINT has arrived, even one that was raised where it was then dropped."""
    return _received


class Terminated(BaseException):
    """Raised from the SIGTERM handler so that clean-up code (worker pools, temp files) runs."""


def signal_behind(error: BaseException) -> BaseException | None:
    """The Ctrl-C or SIGTERM an error was raised from, if any: a signal that arrives while a class
    is made (a module imported on demand) reaches the run wrapped, as Python 3.11 turns what a
    ``__set_name__`` raises into a ``RuntimeError``."""
    cause: BaseException | None = error
    while cause is not None:
        if isinstance(cause, (KeyboardInterrupt, Terminated)):
            return cause
        cause = cause.__cause__
    return None
