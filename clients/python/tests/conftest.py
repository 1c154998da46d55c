"""Fixtures: one real server, on a database of its own, per test (see ``support.Server``)."""

from __future__ import annotations

import json
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest

from support import REPORTS, Server


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    """A started server on a database of its own, killed after the test if it still runs."""
    server = Server(tmp_path)
    server.start()
    yield server
    server.stop(signal.SIGKILL)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Ends the run with one JSON line of counts per fault test."""
    if REPORTS:
        terminalreporter.section("exactly-once counts")
        for counts in REPORTS:
            terminalreporter.write_line(json.dumps(counts))
