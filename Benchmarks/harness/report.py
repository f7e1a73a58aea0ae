"""The tables compare.py prints, the machine they ran on, and the docs/performance.md section they replace."""

import os
import platform
import re
import subprocess

BEGIN = "<!-- performance-table:begin (written by Benchmarks/compare.py --docs) -->"
END = "<!-- performance-table:end -->"


def duration(seconds):
    if seconds is None:
        return "-"
    if seconds < 1e-3:
        return "%.1f µs" % (seconds * 1e6)
    if seconds < 1:
        return "%.2f ms" % (seconds * 1e3)
    return "%.2f s" % seconds


def megabytes(n):
    return "-" if not n else "%.0f MB" % (n / 1e6)


def comparison_table(rows):
    """Rows: dicts with workload, dataset, peer, quiver_s, peer_s, quiver_rss, peer_rss, note, and
    optionally `others`, [(peer, seconds, rss)]: the slower peers of that row, shown after the one
    the ratio is taken against."""
    lines = ["| workload | dataset | Quiver | fastest peer (others) | Quiver/peer time | peak RSS Quiver / peers (same order) | answer, notes |",
             "|---|---|---:|---:|---:|---:|---|"]
    for r in rows:
        ratio = "%.3g" % (r["quiver_s"] / r["peer_s"]) if r["peer_s"] else "-"
        others = r.get("others") or []
        peer = "%s %s" % (r["peer"], duration(r["peer_s"]))
        peer += "".join(" (%s %s)" % (name, duration(seconds)) for name, seconds, _ in others)
        memory = " / ".join([megabytes(r["quiver_rss"]), megabytes(r["peer_rss"])] +
                            ["%s" % megabytes(rss) for _, _, rss in others])
        lines.append("| %s | %s | %s | %s | %s | %s | %s |" % (
            r["workload"], r["dataset"], duration(r["quiver_s"]), peer, ratio, memory, r["note"]))
    return "\n".join(lines)


def quiver_table(rows):
    """Rows: dicts with workload, dataset, value, note."""
    lines = ["| workload (Quiver only) | dataset | median | notes |", "|---|---|---:|---|"]
    for r in rows:
        lines.append("| %s | %s | %s | %s |" % (r["workload"], r["dataset"], r["value"], r["note"]))
    return "\n".join(lines)


def _read(path):
    try:
        with open(path) as f:
            return f.read()
    except OSError:
        return ""


def machine(versions):
    """One line naming the CPU, cores, memory, OS, Swift and the peers' versions."""
    cpu = re.search(r"^model name\s*:\s*(.+)$", _read("/proc/cpuinfo"), re.M)
    memory = re.search(r"^MemTotal:\s*(\d+) kB", _read("/proc/meminfo"), re.M)
    os_name = re.search(r'^PRETTY_NAME="?([^"\n]+)"?', _read("/etc/os-release"), re.M)
    try:
        swift = subprocess.run(["swift", "--version"], capture_output=True, text=True).stdout.splitlines()[0]
        swift = re.sub(r"^.*?(Swift version \S+).*$", r"\1", swift)
    except (OSError, IndexError):
        swift = "Swift (unknown version)"
    parts = [
        cpu.group(1).strip() if cpu else platform.processor() or "unknown CPU",
        "%d cores" % os.cpu_count(),
        "%.0f GB memory" % (int(memory.group(1)) / 1024 / 1024) if memory else "unknown memory",
        "%s (Linux %s)" % (os_name.group(1), platform.release()) if os_name else platform.platform(),
        swift,
    ] + ["%s %s" % (name, version) for name, version in versions]
    return ", ".join(parts)


class CPUWatch:
    """How much of the machine's CPU time other processes used while the benchmark ran."""

    def __init__(self):
        self.start = self._sample()

    @staticmethod
    def _sample():
        fields = _read("/proc/stat").split("\n", 1)[0].split()[1:]
        values = [int(x) for x in fields]
        idle = values[3] + (values[4] if len(values) > 4 else 0)
        usage = os.times()
        ours = usage.user + usage.system + usage.children_user + usage.children_system
        return sum(values), idle, ours

    def others_share(self):
        """Fraction of all cores' time that processes other than this run kept busy."""
        total, idle, ours = self._sample()
        ticks = os.sysconf("SC_CLK_TCK")
        elapsed = total - self.start[0]
        if elapsed <= 0:
            return 0.0
        busy = (elapsed - (idle - self.start[1])) / ticks
        mine = ours - self.start[2]
        return max(0.0, busy - mine) / (elapsed / ticks)


def rewrite_section(path, section):
    """Replaces the text between the markers of the page at `path` with `section`."""
    with open(path) as f:
        text = f.read()
    if BEGIN not in text or END not in text:
        raise SystemExit("%s has no %s ... %s markers" % (path, BEGIN, END))
    head, rest = text.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    with open(path, "w") as f:
        f.write(head + BEGIN + "\n" + section.strip() + "\n\n" + END + tail)

