"""`collectsim serve` with a room of browsers: time to the first screen and memory per
session. Prints, never asserts.

    .venv/bin/python bench/bench_serve.py [--tabs 10]

Starts `collectsim serve` on a free loopback port with its own home and store, then
opens tabs in headless Chromium (Debian's, through Playwright):

1. One tab alone: navigation start to the app's Home screen in the page's terminal.
2. ``--tabs`` tabs opened at once (a class logging in together): the same time for
   each tab, measured in the page (``performance.now()`` when Home first shows).
3. With all of them open: the resident memory of each tab's app process and of the
   server, read from /proc.

Needs Chromium (``apt-get install -y chromium``), playwright and textual-serve.
"""

from __future__ import annotations

import argparse
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/lib/chromium/chromium"
HOOK = (r"const t=new (\w+)\(e,\{ping:r\}\);", r"\g<0>window.__tt=t;")
#: Runs in every page: note when Home first shows in xterm's buffer.
WATCH = """
(() => { const t0 = performance.now();
  const tick = () => { const tt = window.__tt;
    if (tt) { const b = tt.terminal.buffer.active;
      for (let i = 0; i < b.length; i++) {
        if (b.getLine(i).translateToString(true).includes('Scenarios')) {
          window.__firstScreen = performance.now(); return; } } }
    setTimeout(tick, 10); };
  tick(); })();
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_mib(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/status") as fh:
            return next(int(x.split()[1]) / 1024 for x in fh if x.startswith("VmRSS:"))
    except (OSError, StopIteration):
        return float("nan")


def descendants(root: int) -> list[int]:
    """Every process below ``root`` (the tabs' app processes and their shells)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        children.setdefault(ppid, []).append(int(entry))
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        for child in children.get(pid, []):
            out.append(child)
            todo.append(child)
    return out


def cpu_seconds(pid: int) -> float:
    """User plus system CPU time a process has used so far."""
    try:
        with open(f"/proc/{pid}/stat") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return 0.0


def browser_processes() -> list[int]:
    pids = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                cmd = Path(f"/proc/{entry}/cmdline").read_bytes()
            except OSError:
                continue
            if b"chromium" in cmd.split(b"\0")[0]:
                pids.append(int(entry))
    return pids


def app_processes(server: int) -> list[int]:
    """The tabs' Python app processes (not the shells textual-serve starts them with)."""
    pids = []
    for pid in descendants(server):
        try:
            cmd = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if b"--served" in cmd and cmd and not cmd[0].endswith(b"sh"):
            pids.append(pid)
    return pids


def open_tabs(browser, url: str, n: int) -> tuple[list, list[float]]:
    """Open ``n`` tabs at once; (pages, ms from navigation start to Home, per tab)."""
    pages = []
    for _ in range(n):
        page = browser.new_page(viewport={"width": 1100, "height": 700})

        def patch(route):
            response = route.fetch()
            body, _ = re.subn(*HOOK, response.text())
            route.fulfill(response=response, body=body)

        page.route("**/static/js/textual.js", patch)
        page.add_init_script(WATCH)
        pages.append(page)
    for page in pages:
        page.goto(url, wait_until="commit")
    times = []
    for page in pages:
        page.wait_for_function("() => window.__firstScreen !== undefined", timeout=120_000,
                               polling=50)
        times.append(page.evaluate("window.__firstScreen"))
    return pages, times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tabs", type=int, default=10)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    home = Path(tempfile.mkdtemp(prefix="collectsim-serve-bench-"))
    port = free_port()
    env = {**os.environ, "COLLECTSIM_HOME": str(home)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # a user's runs reuse the bytecode cache
    server = subprocess.Popen(
        [sys.executable, "-m", "simulator", "serve", "--port", str(port),
         "--db", f"sqlite:///{home / 'class.db'}"],
        env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        for _ in range(300):
            try:
                socket.create_connection(("127.0.0.1", port), 0.1).close()
                break
            except OSError:
                time.sleep(0.1)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM)
            warm, _ = open_tabs(browser, url, 1)  # warm-up: bytecode cache, server routes
            warm[0].close()
            time.sleep(1)
            alone_pages, alone = open_tabs(browser, url, 1)
            alone_pages[0].close()
            time.sleep(1)
            before = {pid: cpu_seconds(pid) for pid in browser_processes()}
            pages, times = open_tabs(browser, url, args.tabs)
            browser_cpu = sum(cpu_seconds(pid) - before.get(pid, 0.0) for pid in browser_processes())
            apps = app_processes(server.pid)
            apps_cpu = sum(cpu_seconds(pid) for pid in apps)
            time.sleep(1)  # let every app settle on Home
            app_rss = [rss_mib(pid) for pid in apps]
            server_rss = rss_mib(server.pid)
            browser.close()
    finally:
        server.terminate()
        server.wait(10)

    print(f"collectsim serve, headless Chromium on this machine ({os.cpu_count()} cores)")
    print(f"  one tab alone: navigation start to Home {alone[0] / 1000:.2f} s")
    print(f"  {args.tabs} tabs opened at once: navigation start to Home median "
          f"{statistics.median(times) / 1000:.2f} s, slowest {max(times) / 1000:.2f} s")
    print(f"  CPU used while the {args.tabs} tabs opened: the tabs' app processes "
          f"{apps_cpu:.1f} s in all ({apps_cpu / max(len(apps), 1):.2f} s each), the browser "
          f"{browser_cpu:.1f} s (headless, software-drawn terminals, on the same 2 cores)")
    if app_rss:
        print(f"  memory with {len(app_rss)} tabs open: {statistics.mean(app_rss):.0f} MiB RSS per "
              f"tab's app process (min {min(app_rss):.0f}, max {max(app_rss):.0f}); "
              f"server {server_rss:.0f} MiB; total {sum(app_rss) + server_rss:.0f} MiB")
    else:
        print("  memory: no app processes found under the server")


if __name__ == "__main__":
    main()
