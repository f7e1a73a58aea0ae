"""Runs one benchmark process and collects its JSON lines and its peak resident set size, which
the operating system reports for that process alone (ru_maxrss from wait4).

Linux starts a new program's ru_maxrss at the peak of the memory image it replaces, so a process
started straight from this (large) Python process would report at least this process's peak. A
small launcher (python -I -S, a few MB) forks the benchmark process instead and reports what wait4
says about it.
"""

import json
import shutil
import subprocess
import sys
import tempfile

LAUNCHER = r"""
import os, sys
pid = os.fork()
if pid == 0:
    try:
        os.execv(sys.argv[2], sys.argv[2:])
    finally:
        os._exit(127)
_, status, usage = os.wait4(pid, 0)
with open(sys.argv[1], "w") as f:
    f.write(str(usage.ru_maxrss * 1024))
sys.exit(os.waitstatus_to_exitcode(status) & 255)
"""


class ProcessFailed(Exception):
    pass


def run(command):
    """Runs `command`; returns (records, peak RSS in bytes). Each record is one JSON line."""
    with tempfile.TemporaryFile() as errors, tempfile.NamedTemporaryFile("r", suffix=".rss") as rss:
        executable = shutil.which(command[0]) or command[0]
        process = subprocess.run([sys.executable, "-I", "-S", "-c", LAUNCHER, rss.name, executable] + command[1:],
                                 stdout=subprocess.PIPE, stderr=errors)
        if process.returncode != 0:
            errors.seek(0)
            message = errors.read().decode(errors="replace").strip()
            raise ProcessFailed("%s exited with status %d:\n%s" % (" ".join(command), process.returncode, message))
        peak = int(rss.read() or 0)
    records = []
    for line in process.stdout.decode().splitlines():
        line = line.strip()
        if line.startswith("{"):
            records.append(json.loads(line))
        elif line:
            print(line, file=sys.stderr)
    return records, peak
