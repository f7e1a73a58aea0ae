"""Benchmarks/.venv with the peers from PyPI, and the release build of quiver-bench."""

import importlib.util
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ROOT = os.path.dirname(HERE)
VENV = os.path.join(HERE, ".venv")
PEERS = ["kuzu==0.11.3", "ladybug==0.22.0", "igraph==1.0.0", "networkx==3.6.1", "networkit==11.3"]
MODULES = ["kuzu", "ladybug", "igraph", "networkx", "networkit"]


def ensure_venv(peers=None, modules=None):
    """Re-executes the running script inside Benchmarks/.venv, creating the venv on first use and
    installing the peers (compare.py's by default) that an existing one lacks."""
    peers, modules = peers or PEERS, modules or MODULES
    python = os.path.join(VENV, "bin", "python")
    if os.path.realpath(sys.prefix) != os.path.realpath(VENV):
        if not os.path.exists(python):
            subprocess.run([sys.executable, "-m", "venv", VENV], check=True)
        os.execv(python, [python] + sys.argv)
    # Looked up, not imported: kuzu and ladybug should not be loaded into one process.
    missing = [requirement for module, requirement in zip(modules, peers) if not has_module(module)]
    if missing:
        subprocess.run([python, "-m", "pip", "install", "-q", "--disable-pip-version-check"] + missing, check=True,
                       stdout=sys.stderr)


def build_quiver(product="quiver-bench"):
    """Builds `product` (quiver-bench unless told) in release mode and returns the path of the
    executable."""
    command = ["swift", "build", "-c", "release", "--package-path", ROOT, "--product", product]
    subprocess.run(command, check=True, stdout=sys.stderr)
    out = subprocess.run(["swift", "build", "-c", "release", "--package-path", ROOT, "--show-bin-path"],
                         check=True, capture_output=True, text=True).stdout.strip()
    return os.path.join(out, product)


def has_module(name):
    """Whether the venv's Python can import `name` (found without importing it)."""
    try:
        return importlib.util.find_spec(name) is not None
    except ImportError:
        return False


def peer(name):
    """The command that runs Benchmarks/peers/NAME_peer.py in the venv."""
    return [sys.executable, os.path.join(HERE, "peers", name + "_peer.py")]


def database_peers():
    """The database peers as [(name, command)]: Kuzu 0.11.3, the last release before it was
    archived, and LadybugDB, its maintained fork, through the same peer script."""
    return [("Kuzu", peer("kuzu")), ("LadybugDB", peer("kuzu") + ["--engine", "ladybug"])]
