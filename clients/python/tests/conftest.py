"""Fixtures: one real server, on a database of its own, per test (see ``support.Server``)."""

from __future__ import annotations

import signal
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from support import Server


@pytest.fixture
def make_server(tmp_path: Path) -> Iterator[Callable[..., Server]]:
    """Makes and starts servers for one test (with extra ``serve`` flags) and stops them after it."""
    servers: list[Server] = []

    def make(*extra_args: str) -> Server:
        workdir = tmp_path / f"server{len(servers)}"
        workdir.mkdir()
        server = Server(workdir, list(extra_args))
        servers.append(server)
        server.start()
        return server

    yield make
    for server in servers:
        server.stop(signal.SIGKILL)


@pytest.fixture
def server(make_server: Callable[..., Server]) -> Server:
    """A started server with default settings."""
    return make_server()
