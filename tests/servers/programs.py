"""The programs a test runs, and the free ports of the loopback interface they listen on."""

import os
import socket
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def require_program(path, what):
    if path and Path(path).exists():
        return path
    if os.environ.get("CI") == "true":
        pytest.fail(f"{what} is not installed, and CI must run this test")
    pytest.skip(f"{what} is not installed")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port, timeout=30.0, process=None):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"process exited with {process.returncode} before listening")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise TimeoutError(f"nothing listens on port {port} after {timeout} s")
