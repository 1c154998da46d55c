"""TLS: a server started with ``--tls-cert``/``--tls-key`` (and ``--client-ca`` for mutual TLS),
with a throwaway CA made by the ``openssl`` CLI at test time. Terminals connect with the README's
``grpc.ssl_channel_credentials(...)``; trusting another CA, speaking plaintext, or (mutual TLS)
coming without a client certificate fails."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from pathlib import Path

import grpc
import pytest

from handoff import HandoffError, Terminal
from handoff.v1 import types_pb2
from support import Certificates, Feed, Server, kind, make_certificates


@pytest.fixture
def certs(tmp_path: Path) -> Certificates:
    directory = tmp_path / "certs"
    directory.mkdir()
    return make_certificates(directory)


def tls_server(workdir: Path, certs: Certificates, *extra: str) -> Iterator[Server]:
    server = Server(workdir, ("--tls-cert", str(certs.server_cert),
                              "--tls-key", str(certs.server_key), *extra))
    server.start()
    yield server
    server.stop(signal.SIGKILL)


@pytest.fixture
def tls(tmp_path: Path, certs: Certificates) -> Iterator[Server]:
    yield from tls_server(tmp_path, certs)


@pytest.fixture
def mtls(tmp_path: Path, certs: Certificates) -> Iterator[Server]:
    yield from tls_server(tmp_path, certs, "--client-ca", str(certs.ca))


def converse(server: Server, credentials: grpc.ChannelCredentials) -> None:
    """A gateway connects a caller to a bot over TLS, one message each way; both are in the log."""
    gw = server.create_terminal("web-gateway", "gateway")
    b = server.create_terminal("echo-bot", "bot")
    with Terminal(server.address, gw.token, credentials=credentials) as gateway, \
            Terminal(server.address, b.token, credentials=credentials) as bot:

        def on_bot_event(event: types_pb2.Event) -> None:
            if kind(event) == "session_requested":
                bot.acknowledge_connect(event.session_id)

        bot_feed = Feed(bot, on_bot_event)
        gateway_feed = Feed(gateway)
        try:
            sid = gateway.connect(b.id, "visitor-tls", types_pb2.CHANNEL_WEB).id
            gateway.message(sid, "hello over TLS")
            bot_feed.wait_for(lambda e: e.message_posted.body == "hello over TLS")
            bot.message(sid, "hi, encrypted")
            gateway_feed.wait_for(lambda e: e.message_posted.body == "hi, encrypted")
            bodies = [e.message_posted.body for e in gateway.list_events(sid)
                      if kind(e) == "message_posted"]
            assert bodies == ["hello over TLS", "hi, encrypted"]
        finally:
            bot_feed.stop()
            gateway_feed.stop()


def refused(server: Server, credentials: grpc.ChannelCredentials | None) -> HandoffError:
    """The error of a call that must fail (retries stop after half a second)."""
    with Terminal(server.address, "hnd_unused", credentials=credentials,
                  retry_deadline=0.5, call_timeout=2) as t:
        with pytest.raises(HandoffError) as caught:
            t.get_session("0198c0de-0000-7000-8000-000000000000")
    return caught.value


def test_tls_conversation_and_refusals(tls: Server, certs: Certificates) -> None:
    # As in the README.
    credentials = grpc.ssl_channel_credentials(root_certificates=certs.ca.read_bytes())
    converse(tls, credentials)

    untrusted = refused(tls, grpc.ssl_channel_credentials(root_certificates=certs.other_ca.read_bytes()))
    assert untrusted.code == grpc.StatusCode.UNAVAILABLE, untrusted
    assert "certificate" in untrusted.message.lower(), untrusted
    plaintext = refused(tls, None)
    assert plaintext.code == grpc.StatusCode.UNAVAILABLE, plaintext
    print(f"another CA: {untrusted!r}; plaintext: {plaintext!r}")


def test_mutual_tls_requires_a_client_certificate(mtls: Server, certs: Certificates) -> None:
    # As in the README.
    credentials = grpc.ssl_channel_credentials(
        root_certificates=certs.ca.read_bytes(),
        private_key=certs.client_key.read_bytes(),
        certificate_chain=certs.client_cert.read_bytes(),
    )
    converse(mtls, credentials)

    no_cert = refused(mtls, grpc.ssl_channel_credentials(root_certificates=certs.ca.read_bytes()))
    assert no_cert.code == grpc.StatusCode.UNAVAILABLE, no_cert
    print(f"without a client certificate: {no_cert!r}")
