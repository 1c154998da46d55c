"""Smoke test of the generated Python client.

GetSession for a random id must come back NOT_FOUND "session not found": that proves the generated
stubs, the channel and the bearer token all work (a bad token gives UNAUTHENTICATED instead).
Then it opens the Attach stream with a hello and prints the server's `attached` reply.

    HANDOFF_URL=http://127.0.0.1:50051 HANDOFF_TOKEN=... python clients/python/smoke.py
"""

import os
import sys
import uuid

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import grpc  # noqa: E402

from handoff.v1 import terminal_service_pb2 as pb  # noqa: E402
from handoff.v1 import terminal_service_pb2_grpc as pb_grpc  # noqa: E402


def open_channel(url: str) -> grpc.Channel:
    if url.startswith("https://"):
        return grpc.secure_channel(url.removeprefix("https://"), grpc.ssl_channel_credentials())
    return grpc.insecure_channel(url.removeprefix("http://"))


def main() -> int:
    url = os.environ.get("HANDOFF_URL", "http://127.0.0.1:50051")
    token = os.environ.get("HANDOFF_TOKEN")
    if not token:
        print("set HANDOFF_TOKEN to a terminal token", file=sys.stderr)
        return 2
    metadata = (("authorization", f"Bearer {token}"),)
    with open_channel(url) as channel:
        stub = pb_grpc.TerminalServiceStub(channel)
        session_id = str(uuid.uuid4())
        try:
            reply = stub.GetSession(pb.GetSessionRequest(session_id=session_id), metadata=metadata, timeout=10)
            print(f"GetSession({session_id}): OK {reply.session}")
            return 1
        except grpc.RpcError as err:
            print(f'GetSession({session_id}): {err.code().name} ({err.code().value[0]}) "{err.details()}"')
            if err.code() != grpc.StatusCode.NOT_FOUND:
                return 1

        stream = stub.Attach(iter([pb.AttachRequest(hello=pb.Hello())]), metadata=metadata)
        first = next(stream)
        print(f"Attach: {first.WhichOneof('kind')} terminal_id={first.attached.terminal_id}")
        stream.cancel()
    return 0


if __name__ == "__main__":
    sys.exit(main())
