"""The bot in README.md, run verbatim as its own process against a real server."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

from handoff import Terminal, Unavailable
from handoff.v1 import types_pb2
from support import Feed, Server

PACKAGE_DIR = Path(__file__).resolve().parents[1]


def readme_bot() -> str:
    """The code between the readme-bot markers, exactly as the README shows it."""
    readme = (PACKAGE_DIR / "README.md").read_text()
    found = re.search(
        r"<!-- readme-bot:begin -->\n```python\n(.*?)```\n<!-- readme-bot:end -->", readme, re.DOTALL
    )
    assert found, "README.md has no readme-bot block"
    return found.group(1)


def start_bot(tmp_path: Path, server: Server, token: str) -> subprocess.Popen[str]:
    script = tmp_path / "bot.py"
    script.write_text(readme_bot())
    env = {
        **os.environ,
        "HANDOFF_ADDRESS": server.address,
        "BOT_TOKEN": token,
        # The package from this checkout, installed or not.
        "PYTHONPATH": os.pathsep.join(filter(None, [str(PACKAGE_DIR), os.environ.get("PYTHONPATH")])),
    }
    return subprocess.Popen([sys.executable, str(script)], env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def connect_when_attached(gw: Terminal, bot_id: str) -> str:
    """Connects a caller to the bot as soon as the bot's process has attached."""
    deadline = time.monotonic() + 20
    while True:
        try:
            return gw.connect(bot_id, "visitor-1", types_pb2.CHANNEL_WEB).id
        except Unavailable:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def stop_bot(bot: subprocess.Popen[str]) -> str:
    """Stops the bot with SIGTERM, as a process manager would; it must exit 0. Returns stderr."""
    bot.send_signal(signal.SIGTERM)
    _, stderr = bot.communicate(timeout=10)
    assert bot.returncode == 0, stderr
    return stderr


def test_readme_bot(server: Server, tmp_path: Path) -> None:
    bot_reg = server.create_terminal("echo-bot", "bot")
    gw_reg = server.create_terminal("web", "gateway")
    with Terminal(server.address, gw_reg.token) as gw:
        feed = Feed(gw)
        bot = start_bot(tmp_path, server, bot_reg.token)
        try:
            sid = connect_when_attached(gw, bot_reg.id)
            feed.wait_for(lambda e: e.message_posted.body == "Hi! I echo what you write.")
            gw.message(sid, "hello")
            feed.wait_for(lambda e: e.message_posted.body == "You said: hello")
            assert "Traceback" not in stop_bot(bot)

            # What the caller says while the bot is down is answered by its next process, which
            # resumes after the acknowledged events; what it sees again it answers with the same
            # keys, so nothing twice.
            gw.message(sid, "again")
            bot = start_bot(tmp_path, server, bot_reg.token)
            feed.wait_for(lambda e: e.message_posted.body == "You said: again", timeout=20)
            assert "Traceback" not in stop_bot(bot)
        finally:
            if bot.poll() is None:
                bot.kill()
                bot.communicate()
        bodies = [e.message_posted.body for e in gw.list_events(sid)
                  if e.WhichOneof("payload") == "message_posted"]
        assert bodies == ["Hi! I echo what you write.", "hello", "You said: hello",
                          "again", "You said: again"]
        feed.stop()
