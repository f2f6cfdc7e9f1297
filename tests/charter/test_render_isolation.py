"""The render runs in a forked child that hands back its result, its error or its death."""

import gc
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from charter.documents import isolation, rendering

ROOT = Path(__file__).resolve().parents[2]


def own_pid() -> int:
    return os.getpid()


def collector_state() -> bool:
    return gc.isenabled()


def fails_with_lookup_error() -> None:
    raise LookupError("no such section")


class Unpicklable(Exception):
    def __reduce__(self):
        raise TypeError("not over a pipe")


def fails_unpicklably() -> None:
    raise Unpicklable("a library's own error")


def killed() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def exits_early() -> None:
    os._exit(3)


def sleeps_after_writing_pid(path: str) -> None:
    Path(path).write_text(str(os.getpid()))
    time.sleep(60)


def wait_for_pid(path: Path) -> int:
    for _ in range(500):
        if path.exists() and path.read_text():
            return int(path.read_text())
        time.sleep(0.02)
    raise AssertionError("the child never started")


def gone(pid: int) -> bool:
    for _ in range(500):
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.02)
    return False


def test_the_function_runs_in_another_process_and_its_result_comes_back():
    assert isolation.in_render_process(own_pid) != os.getpid()
    assert isolation.in_render_process(sorted, [3, 1, 2]) == [1, 2, 3]


def test_the_child_never_collects_and_the_worker_keeps_its_collector():
    assert gc.isenabled()
    assert isolation.in_render_process(collector_state) is False
    assert gc.isenabled()


def test_an_error_in_the_child_is_raised_in_the_worker_with_where_it_happened():
    with pytest.raises(LookupError, match="no such section") as raised:
        isolation.in_render_process(fails_with_lookup_error)
    assert "fails_with_lookup_error" in "".join(raised.value.__notes__)


def test_an_error_that_cannot_cross_the_pipe_still_fails_the_render_with_its_message():
    with pytest.raises(RuntimeError, match="a library's own error"):
        isolation.in_render_process(fails_unpicklably)


@pytest.mark.parametrize("death", [killed, exits_early])
def test_a_child_that_dies_without_a_result_is_an_error_not_an_empty_pdf(death):
    with pytest.raises(isolation.RenderProcessDied):
        isolation.in_render_process(death)


class TimeLimit(Exception):
    pass


def test_a_worker_interrupted_while_waiting_kills_its_render(tmp_path):
    pid_file = tmp_path / "child.pid"

    def interrupt(signum, frame):
        wait_for_pid(pid_file)
        raise TimeLimit

    # Celery's soft time limit interrupts the wait with an exception from a signal handler.
    previous = signal.signal(signal.SIGALRM, interrupt)
    signal.alarm(1)
    try:
        with pytest.raises(TimeLimit):
            isolation.in_render_process(sleeps_after_writing_pid, str(pid_file))
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert gone(int(pid_file.read_text()))


def test_a_worker_killed_mid_render_takes_its_render_with_it(tmp_path):
    pid_file = tmp_path / "child.pid"
    worker_script = textwrap.dedent(
        f"""
        import os, sys, time
        from pathlib import Path
        sys.path.insert(0, {str(ROOT)!r})
        from charter.documents.isolation import in_render_process

        def sleeps_after_writing_pid(path):
            Path(path).write_text(str(os.getpid()))
            time.sleep(60)

        in_render_process(sleeps_after_writing_pid, {str(pid_file)!r})
        """
    )
    worker = subprocess.Popen([sys.executable, "-c", worker_script])  # noqa: S603
    try:
        render_pid = wait_for_pid(pid_file)
        worker.kill()
        worker.wait(timeout=30)
        assert gone(render_pid)
    finally:
        if worker.poll() is None:
            worker.kill()


def test_without_fork_the_function_runs_here_with_the_collector_paused(monkeypatch):
    monkeypatch.setattr(isolation, "can_fork", lambda: False)
    assert isolation.in_render_process(own_pid) == os.getpid()
    assert isolation.in_render_process(collector_state) is False
    assert gc.isenabled()


SAMPLE = "<html lang=en><body>" + "<table>" + "<tr><td>cell</td></tr>" * 400 + "</table></body>"


def garbage_left_by(render) -> int:
    """Objects in reference cycles that ``render`` leaves for the worker's collector."""
    gc.collect()
    with isolation.collector_paused():
        render()
        return gc.collect()


def test_a_render_leaves_no_garbage_in_the_worker():
    rendered = rendering.render(SAMPLE)
    assert rendered.data.startswith(b"%PDF")
    assert rendered.page_count >= 2
    # The same render done here leaves tens of thousands of boxes in reference cycles.
    assert garbage_left_by(lambda: rendering._render_here(SAMPLE, [])) > 10_000
    assert garbage_left_by(lambda: rendering.render(SAMPLE)) < 100
