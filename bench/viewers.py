"""Viewers at once: `hrdash serve` on the demo data, opened by Debian's chromium as a committee
would open it, measuring the server process's own CPU time.

1. Warm up: one browser opens each measured page once, so the figures are cached.
2. CPU per page view, warm: each page opened again and again, every time in a fresh browser
   session (a new context: no cookies, no session), one after the other; the server's CPU
   time (utime + stime of the process, every thread) over those views, divided by their number.
3. A committee at once: N fresh sessions open the overview together; the time from the first
   request until the last one has rendered, the server's CPU over the burst, and every session
   checked for errors.

The browsers run on the same cores as the server (at the lowest priority, so that the server
is served first), so the wall times are an upper bound of what a committee on its own laptops
would wait; the server's own part is when its CPU time stops growing ("server done").

    python bench/viewers.py [--sessions 30] [--repeats 5] [-- STREAMLIT-OPTION ...]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
# (address, title) of the pages a committee opens.
PAGES = [("", "Översikt"), ("sjukfranvaro", "Sjukfrånvaro"), ("personalomsattning", "Personalomsättning"),
         ("vakanser", "Vakanser"), ("rekrytering", "Rekryteringsbehov"), ("rapport", "Månadsrapport"),
         ("presentation", None)]
TICKS = os.sysconf("SC_CLK_TCK")

RENDERED = """([title]) => {
    const app = document.querySelector("[data-testid='stApp']");
    if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
    if (document.querySelector("[data-testid='stStatusWidget']")) return false;
    if (title !== null && ![...document.querySelectorAll('h1')].some(h => h.innerText.trim() === title)) return false;
    if (title === null && !document.querySelector("[data-testid='stMain'] h1, [data-testid='stMain'] h2")) return false;
    const charts = document.querySelectorAll("[data-testid='stPlotlyChart']");
    return [...charts].every(c => c.querySelector('.main-svg'));
}"""


def cpu_seconds(pid: int) -> float:
    """The process's user + system CPU time, all threads."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def demo_database(folder: Path) -> Path:
    path = folder / "hr.duckdb"
    subprocess.run([sys.executable, "-m", "hrdash.cli", "demo", "--db", str(path)], check=True, capture_output=True,
                   env={**os.environ, "HRDASH_USER": "demo"}, cwd=ROOT)
    return path


class Server:
    def __init__(self, database: Path, log: Path, options: list[str]):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = open(log, "w")
        command = [sys.executable, "-m", "hrdash.cli", "serve", "--port", str(self.port), "--address", "127.0.0.1"]
        self.process = subprocess.Popen(command + (["--", *options] if options else []), cwd=ROOT,
                                        env={**os.environ, "HRDASH_DB": str(database)}, stdout=self.log,
                                        stderr=subprocess.STDOUT)
        for _ in range(240):
            try:
                if urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=1).read() == b"ok":
                    return
            except OSError:
                time.sleep(0.25)
        raise RuntimeError("hrdash serve did not start: " + log.read_text())

    def cpu(self) -> float:
        return cpu_seconds(self.process.pid)

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)
        self.log.close()


async def view(browser, url: str, title: str | None, timeout_ms: int = 120_000) -> dict:
    """Open `url` in a fresh browser session and wait until it has rendered: the script has
    finished, the page's title is shown and every chart is drawn."""
    context = await browser.new_context(viewport={"width": 1440, "height": 1000}, locale="sv-SE")
    page = await context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    started = time.perf_counter()
    try:
        await page.goto(url, wait_until="commit", timeout=timeout_ms)
        await page.wait_for_function(RENDERED, arg=[title], timeout=timeout_ms, polling=50)
        rendered = time.perf_counter() - started
        exceptions = await page.locator("[data-testid='stException'], [data-testid='stAlertContentError']").count()
        if exceptions:
            errors.append(await page.locator("[data-testid='stException'], "
                                             "[data-testid='stAlertContentError']").first.inner_text())
    except Exception as error:  # a timeout: the session never rendered
        rendered = None
        errors.append(f"{type(error).__name__}: {str(error).splitlines()[0]}")
    finally:
        await context.close()
    return {"seconds": rendered, "errors": errors}


def niced_chromium(folder: Path) -> str:
    """Chromium at the lowest CPU priority: on a shared machine the server is served first."""
    wrapper = folder / "chromium"
    wrapper.write_text(f'#!/bin/sh\nexec nice -n 19 {CHROMIUM} "$@"\n')
    wrapper.chmod(0o755)
    return str(wrapper)


async def sample_cpu(server: Server, samples: list[tuple[float, float]], started: float) -> None:
    while True:
        samples.append((time.perf_counter() - started, server.cpu()))
        await asyncio.sleep(0.05)


async def measure(server: Server, sessions: int, repeats: int, chromium: str) -> dict:
    from playwright.async_api import async_playwright

    result: dict = {}
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        # The first session pays for loading modules and filling the caches.
        started_cpu, started = server.cpu(), time.perf_counter()
        for path, title in PAGES:
            outcome = await view(browser, f"{server.url}/{path}", title)
            assert not outcome["errors"], (path, outcome["errors"])
        result["warm_up"] = {"seconds": time.perf_counter() - started, "cpu_s": server.cpu() - started_cpu}
        await asyncio.sleep(1)
        idle_from = server.cpu()
        await asyncio.sleep(3)
        result["idle_cpu_s_per_s"] = (server.cpu() - idle_from) / 3

        result["pages"] = {}
        for path, title in PAGES if repeats else ():
            cpu, walls = 0.0, []
            for _ in range(repeats):
                before = server.cpu()
                outcome = await view(browser, f"{server.url}/{path}", title)
                await asyncio.sleep(0.3)  # the server closes the session
                cpu += server.cpu() - before
                assert not outcome["errors"], (path, outcome["errors"])
                walls.append(outcome["seconds"])
            result["pages"][path or "oversikt"] = {"cpu_s_per_view": cpu / repeats, "seconds": min(walls)}

        await asyncio.sleep(1)
        before, started = server.cpu(), time.perf_counter()
        samples: list[tuple[float, float]] = []
        sampler = asyncio.create_task(sample_cpu(server, samples, started))
        outcomes = await asyncio.gather(*(view(browser, f"{server.url}/", "Översikt", timeout_ms=300_000)
                                          for _ in range(sessions)))
        await asyncio.sleep(0.5)
        sampler.cancel()
        spent = samples[-1][1] - before
        server_done = next(t for t, cpu in samples if cpu - before >= 0.98 * spent)
        rendered = [o["seconds"] for o in outcomes if o["seconds"] is not None]
        result["burst"] = {
            "sessions": sessions,
            "rendered": len(rendered),
            "failed": [o["errors"] for o in outcomes if o["errors"]],
            "last_rendered_s": max(rendered) if rendered else None,
            "median_rendered_s": sorted(rendered)[len(rendered) // 2] if rendered else None,
            "server_done_s": server_done,
            "cpu_s": spent,
        }
        result["burst"]["cpu_s_per_view"] = result["burst"]["cpu_s"] / sessions
        await browser.close()
    views = [v["cpu_s_per_view"] for v in result["pages"].values()]
    if views:
        result["cpu_s_per_view"] = {"mean": sum(views) / len(views), "max": max(views)}
    return result


def run(sessions: int = 30, repeats: int = 5, options: list[str] = (), database: Path | None = None) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        if database is None:
            database = demo_database(folder)
        else:
            database = Path(shutil.copy(database, folder / "hr.duckdb"))
        server = Server(database, folder / "server.log", list(options))
        try:
            result = asyncio.run(measure(server, sessions, repeats, niced_chromium(folder)))
        finally:
            server.stop()
        result["options"] = list(options)
    return result


def report(result: dict) -> None:
    print(f"\n{'Sida (ny webbläsarsession, varm)':<34}{'CPU/visning':>12}{'tid':>8}")
    for page, timing in result["pages"].items():
        print(f"{page:<34}{timing['cpu_s_per_view']:>11.3f}s{timing['seconds']:>7.2f}s")
    burst = result["burst"]
    print(f"Servern i vila: {result['idle_cpu_s_per_s']:.3f} s CPU per sekund")
    print(f"{burst['sessions']} sessioner samtidigt: {burst['rendered']} visade, {len(burst['failed'])} fel, "
          f"den sista efter {burst['last_rendered_s'] or float('nan'):.1f} s "
          f"(median {burst['median_rendered_s'] or float('nan'):.1f} s), "
          f"{burst['cpu_s_per_view']:.3f} s serverns CPU per session; servern klar efter {burst['server_done_s']:.1f} s")
    for errors in burst["failed"][:3]:
        print("  fel:", errors)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sessions", type=int, default=30)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--db", type=Path, help="en befintlig databas (standard: demodata)")
    parser.add_argument("--json", type=Path, help="skriv resultatet hit")
    parser.add_argument("options", nargs="*")
    args = parser.parse_args()
    outcome = run(args.sessions, args.repeats, args.options, args.db)
    if args.json:
        args.json.write_text(json.dumps(outcome, indent=2, ensure_ascii=False) + "\n")
    report(outcome)
