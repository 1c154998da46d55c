"""What the tests run against: a real ``handoff serve`` on SQLite (``Server``), a TCP proxy whose
connections can be cut (``Proxy``), and a terminal's feed read in a thread (``Feed``).

The binary comes from ``HANDOFF_BIN``, or else ``target/debug/handoff`` at the repository root.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from handoff import Event, Terminal

REPO_ROOT = Path(__file__).resolve().parents[3]

#: The counts each fault test reports (see ``report``); conftest prints them after the run.
REPORTS: list[dict[str, object]] = []


def report(counts: dict[str, object]) -> None:
    """Records a fault test's counts (sent, committed, shown, shown twice, ...) for the summary that
    ends the run, so they can be quoted without re-running with ``-s``."""
    REPORTS.append(counts)


def handoff_bin() -> str:
    path = os.environ.get("HANDOFF_BIN") or str(REPO_ROOT / "target" / "debug" / "handoff")
    if not os.access(path, os.X_OK):
        pytest.fail(f"no handoff binary at {path}: build it or set HANDOFF_BIN")
    return path


def free_port() -> int:
    """A port nobody listens on now. Fixed for the server's lifetime so that a restart comes back on
    the same address, as a real deployment would."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass(frozen=True)
class Registered:
    """A terminal registered with ``handoff admin create-terminal``."""

    id: str
    token: str


class Server:
    """One ``handoff serve`` process on a database of its own, which can be stopped and started
    again on the same port and database (to test reconnects across restarts)."""

    def __init__(self, workdir: Path, extra_args: tuple[str, ...] = ()) -> None:
        self.binary = handoff_bin()
        self.extra_args = extra_args  # more ``serve`` flags, e.g. ``--tls-cert``
        self.database_url = f"sqlite://{workdir / 'h.db'}"
        self.address = f"127.0.0.1:{free_port()}"
        self.log_path = workdir / "server.log"
        self.process: subprocess.Popen[bytes] | None = None
        self.starts = 0

    def start(self) -> None:
        """Starts the server and returns once it logs that it listens (binding may need a moment
        while a killed predecessor's port is released, so it retries)."""
        deadline = time.monotonic() + 15
        while True:
            offset = self.log_path.stat().st_size if self.log_path.exists() else 0
            with open(self.log_path, "ab") as log:
                self.process = subprocess.Popen(
                    [self.binary, "serve", "--listen", self.address,
                     "--database-url", self.database_url, *self.extra_args],
                    stdout=log, stderr=log,
                    env={**os.environ, "NO_COLOR": "1"},
                )
            while self.process.poll() is None and time.monotonic() < deadline:
                with open(self.log_path, "rb") as log:
                    log.seek(offset)
                    if b"handoff listening" in log.read():
                        self.starts += 1
                        return
                time.sleep(0.02)
            if self.process.poll() is None or time.monotonic() >= deadline:
                self.stop(signal.SIGKILL)
                raise RuntimeError(f"server did not start; see {self.log_path}")
            time.sleep(0.1)

    def stop(self, sig: signal.Signals = signal.SIGTERM) -> None:
        """Stops the server with ``sig`` (SIGTERM: graceful shutdown; SIGKILL: a crash)."""
        if self.process is None:
            return
        if self.process.poll() is None:
            self.process.send_signal(sig)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None

    def create_terminal(self, name: str, kind: str, groups: tuple[str, ...] = ()) -> Registered:
        args = [self.binary, "admin", "--database-url", self.database_url, "create-terminal",
                "--name", name, "--kind", kind, "--export-as", "T"]
        for group in groups:
            args += ["--group", group]
        out = subprocess.run(args, check=True, capture_output=True, text=True).stdout
        found = dict(re.findall(r"^export T_(ID|TOKEN)=(\S+)$", out, re.MULTILINE))
        return Registered(found["ID"], found["TOKEN"])


@dataclass(frozen=True)
class Certificates:
    """The PEM files ``make_certificates`` writes."""

    ca: Path  # the CA that signed the server and client certificates
    other_ca: Path  # an unrelated CA: a client trusting it must refuse the server
    server_cert: Path  # subjectAltName IP:127.0.0.1, DNS:localhost
    server_key: Path
    client_cert: Path  # CN=gateway-cert, for mutual TLS
    client_key: Path


def make_certificates(directory: Path) -> Certificates:
    """A throwaway CA with a server certificate for 127.0.0.1/localhost and a client certificate,
    and a second, unrelated CA, made in ``directory`` with the ``openssl`` CLI (P-256, one day)."""

    def openssl(*args: str) -> None:
        subprocess.run(["openssl", *args], cwd=directory, check=True, capture_output=True)

    ec = ("-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes")
    for ca in ("ca", "other-ca"):
        openssl("req", "-x509", *ec, "-keyout", f"{ca}.key", "-out", f"{ca}.pem", "-days", "1",
                "-subj", f"/CN=handoff test {ca}")
    leaves = {
        "server": ("localhost", "subjectAltName=IP:127.0.0.1,DNS:localhost\n"
                                "basicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n"),
        "client": ("gateway-cert", "basicConstraints=CA:FALSE\nextendedKeyUsage=clientAuth\n"),
    }
    for name, (cn, extensions) in leaves.items():
        openssl("req", "-new", *ec, "-keyout", f"{name}.key", "-out", f"{name}.csr",
                "-subj", f"/CN={cn}")
        (directory / f"{name}.ext").write_text(extensions)
        openssl("x509", "-req", "-in", f"{name}.csr", "-CA", "ca.pem", "-CAkey", "ca.key",
                "-CAcreateserial", "-out", f"{name}.pem", "-days", "1", "-extfile", f"{name}.ext")
    return Certificates(
        ca=directory / "ca.pem", other_ca=directory / "other-ca.pem",
        server_cert=directory / "server.pem", server_key=directory / "server.key",
        client_cert=directory / "client.pem", client_key=directory / "client.key",
    )




def kind(event: Event) -> str:
    """The event's payload kind, e.g. ``"message_posted"``."""
    return event.WhichOneof("payload") or ""


class Feed:
    """Reads a terminal's ``events()`` in a thread, as an application would: each event is recorded
    in ``events`` as shown (the test waits on those), then goes to the handler, if any."""

    def __init__(self, terminal: Terminal, handler: Callable[[Event], None] | None = None) -> None:
        self.terminal = terminal
        self.events: list[Event] = []
        self.error: BaseException | None = None
        self._handler = handler
        self._changed = threading.Condition()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        if not terminal.wait_attached(10):
            raise AssertionError("the terminal did not attach")

    def _run(self) -> None:
        try:
            for event in self.terminal.events():
                with self._changed:
                    self.events.append(event)
                    self._changed.notify_all()
                if self._handler is not None:
                    self._handler(event)
        except BaseException as err:  # handed to the test through wait_for
            with self._changed:
                self.error = err
                self._changed.notify_all()

    def wait_for(self, predicate: Callable[[Event], bool], timeout: float = 10) -> Event:
        """The first event shown that matches; fails the test after ``timeout`` seconds."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                found = next((e for e in self.events if predicate(e)), None)
                if found is not None:
                    return found
                if self.error is not None:
                    raise self.error
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    seen = [(e.seq, kind(e)) for e in self.events]
                    raise AssertionError(f"no matching event within {timeout}s; shown: {seen}")
                self._changed.wait(remaining)

    def messages(self, session_id: str) -> list[str]:
        """The bodies of the messages shown for the session, in the order shown."""
        with self._changed:
            return [e.message_posted.body for e in self.events
                    if e.session_id == session_id and kind(e) == "message_posted"]

    def stop(self) -> None:
        """Closes the terminal, which ends the loop, and waits for the thread."""
        self.terminal.close()
        self._thread.join(10)
        assert not self._thread.is_alive(), "events() did not end after close()"
        assert self.error is None, self.error


class Proxy:
    """A TCP forwarder to the server whose connections can fail while the server goes on running:
    ``cut()`` drops them at once (as a reset would), ``stall()`` silently stops forwarding on them
    (as a dead network path does: no reset ever arrives). New connections work as before."""

    def __init__(self, upstream: str) -> None:
        host, port = upstream.rsplit(":", 1)
        self._upstream = (host, int(port))
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.address = f"127.0.0.1:{self._listener.getsockname()[1]}"
        # Open connections: both sockets and the event that stalls them.
        self._open: list[tuple[socket.socket, socket.socket, threading.Event]] = []
        self._lock = threading.Lock()
        self.cuts = 0
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return  # closed
            try:
                server = socket.create_connection(self._upstream)
            except OSError:
                client.close()
                continue
            for s in (client, server):  # no Nagle delays on top of the server's own latency
                s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            stalled = threading.Event()
            with self._lock:
                self._open.append((client, server, stalled))
            threading.Thread(target=_pump, args=(client, server, stalled), daemon=True).start()
            threading.Thread(target=_pump, args=(server, client, stalled), daemon=True).start()

    def _take_open(self) -> list[tuple[socket.socket, socket.socket, threading.Event]]:
        with self._lock:
            taken, self._open = self._open, []
        return taken

    def cut(self) -> None:
        """Drops every open connection."""
        self.cuts += 1
        for client, server, _ in self._take_open():
            _shut(client)
            _shut(server)

    def stall(self) -> None:
        """Stops forwarding on every open connection, without closing it."""
        for _, _, stalled in self._take_open():
            stalled.set()

    def close(self) -> None:
        _shut(self._listener)
        self.cut()


def _pump(source: socket.socket, sink: socket.socket, stalled: threading.Event) -> None:
    """Forwards until either side closes; once stalled, reads and drops (a black hole)."""
    try:
        while data := source.recv(65536):
            if not stalled.is_set():
                sink.sendall(data)
    except OSError:
        pass
    _shut(sink)


def _shut(s: socket.socket) -> None:
    """Shuts a socket down (which also wakes a thread blocked on it) and closes it."""
    try:
        s.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    s.close()
