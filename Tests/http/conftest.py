# Fixtures for the HTTP suite: a `quiver serve --http` process (HTTP only, authentication on,
# one user, a 64 KiB body limit) on a free loopback port, started once per test session.
import os
import socket
import subprocess
import tempfile
import time

import pytest
import requests

USER = "alice"
PASSWORD = "wonderland-7"
MAX_BODY = 65536


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port, proc, seconds=30):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"quiver serve exited with {proc.returncode}: {proc.stderr.read()}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError("quiver serve did not start listening")


class Server:
    def __init__(self, proc, port):
        self.proc = proc
        self.port = port
        self.base = f"http://127.0.0.1:{port}"
        self.auth = (USER, PASSWORD)

    def rss_kib(self):
        with open(f"/proc/{self.proc.pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        return 0

    def query(self, statement, parameters=None, **kwargs):
        body = {"statement": statement}
        if parameters is not None:
            body["parameters"] = parameters
        return requests.post(f"{self.base}/db/neo4j/query/v2", json=body, auth=self.auth, **kwargs)


@pytest.fixture(scope="session")
def server():
    binary = os.environ.get("QUIVER_BIN", ".build/debug/quiver")
    directory = tempfile.mkdtemp(prefix="quiver-http-")
    db = os.path.join(directory, "graph.quiver")
    subprocess.run([binary, "user", "add", USER, "--db", db], input=PASSWORD + "\n", text=True, check=True,
                   capture_output=True)
    port = free_port()
    proc = subprocess.Popen([binary, "serve", db, "--no-bolt", "--http", f"127.0.0.1:{port}",
                             "--max-message-bytes", str(MAX_BODY)], stderr=subprocess.PIPE, text=True)
    try:
        wait_for_port(port, proc)
        yield Server(proc, port)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
