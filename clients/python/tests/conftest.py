"""Fixtures: one real server, on a database of its own, per test (see ``support.Server``)."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from pathlib import Path

import pytest

from support import Server


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    """A started server on a database of its own, killed after the test if it still runs."""
    server = Server(tmp_path)
    server.start()
    yield server
    server.stop(signal.SIGKILL)
