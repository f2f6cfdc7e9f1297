"""A render in a forked process of its own, which hands back its result and exits.

A layout is a few hundred thousand objects that refer to each other. Freed in the worker,
they cost a full garbage collection (half a second for a long charter) and leave the
worker's heap at its largest render's size; a process that exits gives it all back at once.
Forked, the child starts with everything the worker has loaded: WeasyPrint, the fonts, the
style sheets.
"""

import ctypes
import ctypes.util
import gc
import os
import pickle
import signal
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

# Linux's prctl option that sends the child a signal when its parent dies.
PR_SET_PDEATHSIG = 1

_libc = ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)
_prctl = getattr(_libc, "prctl", None)


class RenderProcessDied(RuntimeError):
    """The render's process ended without handing back a result (killed, out of memory)."""


@contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic garbage collection inside the block.

    A render allocates millions of short-lived objects, and each time the youngest generation
    fills up the collector runs: a quarter of a long charter's render went to collections
    walking every live object (the worker's Django, fonts and the layout itself) without
    freeing anything, since a layout's boxes stay alive until the PDF is written.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _die_with_parent(parent_pid: int) -> None:
    # A worker killed mid-render (a hard time limit, a deploy) must not leave its render
    # running: nobody would read the result, and the export is rendered again elsewhere.
    if _prctl is not None:
        _prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent_pid:
        os._exit(1)


def _outcome(function: Callable, args: tuple) -> bytes:
    try:
        outcome = ("result", function(*args))
    except BaseException as error:
        # Every failure goes back to the worker, with where it happened: the traceback of
        # the exception raised there starts at the wait.
        error.add_note(traceback.format_exc())
        outcome = ("error", error)
    try:
        return pickle.dumps(outcome)
    except Exception as unpicklable:  # some library errors do not pickle
        return pickle.dumps(("error", RuntimeError(f"{outcome[1]!r} ({unpicklable})")))


def _run_child(write_end: int, parent_pid: int, function: Callable, args: tuple) -> None:
    """The child's whole life: it never returns into the worker's code."""
    try:
        _die_with_parent(parent_pid)
        # The process exits once the result is sent: collecting garbage is wasted work.
        gc.disable()
        with os.fdopen(write_end, "wb") as pipe:
            pipe.write(_outcome(function, args))
    finally:
        os._exit(0)


def can_fork() -> bool:
    return hasattr(os, "fork")


class Child:
    """A forked child running ``function(*args)``; ``result()`` waits for what it hands back."""

    def __init__(self, function: Callable[..., Any], *args: Any) -> None:
        read_end, write_end = os.pipe()
        parent_pid = os.getpid()
        self.pid = os.fork()
        if self.pid == 0:
            os.close(read_end)
            _run_child(write_end, parent_pid, function, args)
        os.close(write_end)
        self._read_end = read_end

    def result(self) -> Any:
        """The function's return value; its exception, if it raised, re-raised here."""
        waited = False
        try:
            with os.fdopen(self._read_end, "rb") as pipe:
                received = pipe.read()
            os.waitpid(self.pid, 0)
            waited = True
        finally:
            # A soft time limit (or any error here) interrupts the wait: the child goes too.
            if not waited:
                self.kill()
        if not received:
            raise RenderProcessDied("The render process ended before it finished.")
        kind, value = pickle.loads(received)  # noqa: S301 - our own child's, over our own pipe
        if kind == "error":
            raise value
        return value

    def kill(self) -> None:
        os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)


def in_render_process(function: Callable[..., Any], *args: Any) -> Any:
    """``function(*args)`` in a forked child; its exception, if it raised, re-raised here.

    Where processes cannot be forked (Windows), the function runs here, with the collector
    paused.
    """
    if not can_fork():
        with collector_paused():
            return function(*args)
    return Child(function, *args).result()
