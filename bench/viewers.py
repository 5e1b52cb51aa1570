"""Viewers at once: `hrdash serve` on the demo data, opened as a committee would open it,
measuring the server process's own CPU time (user + system, every thread, from /proc).

1. Warm up: a browser opens each measured page once, so the figures are cached ("warm").
2. CPU per page view: each page opened again and again, one view after the other, every time
   in a new browser session. A *new visitor* has an empty browser (a new context: it fetches
   Streamlit's JavaScript, about 130 files); a *returning visitor* has them in the browser's
   cache (a new tab in the same context, as a second visit within the year they are cached).
3. A committee at once, in real browsers: N new visitors open the overview together; are they
   all rendered, without an error, and when is the last one? The browsers run on this
   machine's cores beside the server, and rendering a page costs a browser several times what
   it costs the server, so this time is an upper bound.
4. A committee at once, the server's part: N sessions at once without browsers (each fetches
   the page and runs the overview over Streamlit's WebSocket, as a returning visitor's browser
   does), until the last script run has finished on the server: what a committee on its own
   laptops waits for the server.

    python bench/viewers.py [--sessions 30] [--repeats 5] [--db FILE] [-- STREAMLIT-OPTION ...]
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
# (address, title) of the pages a committee opens; presentation mode shows a slide, not a title.
# A checkout measured with --source is asked only for those of them it has (pages/<address>.py).
PAGES = [("", "Översikt"), ("sjukfranvaro", "Sjukfrånvaro"), ("personalomsattning", "Personalomsättning"),
         ("vakanser", "Vakanser"), ("rekrytering", "Rekryteringsbehov"), ("arbetsbelastning", "Arbetsbelastning"),
         ("medarbetarnas_rost", "Medarbetarnas röst"), ("rapport", "Månadsrapport"), ("presentation", None)]
GOAL_CPU_PER_VIEW_S = 0.15
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
ERRORS = "[data-testid='stException'], [data-testid='stAlertContentError']"


def cpu_seconds(pid: int) -> float:
    """The process's user + system CPU time, all threads."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def checkout(source: Path | None) -> tuple[str, Path, dict]:
    """(python, folder, environment) to run hrdash from: this checkout, or another one (e.g. the
    release before a change) with its own .venv if it has one, so its own dependencies are measured."""
    if source is None:
        return sys.executable, ROOT, dict(os.environ)
    source = source.resolve()
    python = source / ".venv" / "bin" / "python"
    return str(python) if python.exists() else sys.executable, source, {**os.environ, "PYTHONPATH": str(source)}


def demo_database(folder: Path, source: Path | None = None) -> Path:
    """The demo data, imported by the measured checkout's own code."""
    path = folder / "hr.duckdb"
    python, cwd, env = checkout(source)
    subprocess.run([python, "-m", "hrdash.cli", "demo", "--db", str(path)], check=True, capture_output=True,
                   env={**env, "HRDASH_USER": "demo"}, cwd=cwd)
    return path


class Server:
    """`hrdash serve` in its own process, as the Docker image starts it."""

    def __init__(self, database: Path, log: Path, options: list[str] = (), source: Path | None = None):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = open(log, "w")
        python, cwd, env = checkout(source)
        self.pages = [(path, title) for path, title in PAGES if (cwd / "pages" / f"{path or 'oversikt'}.py").exists()]
        command = [python, "-m", "hrdash.cli", "serve", "--port", str(self.port), "--address", "127.0.0.1"]
        self.process = subprocess.Popen(command + (["--", *options] if options else []), cwd=cwd,
                                        env={**env, "HRDASH_DB": str(database)}, stdout=self.log,
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

    def peak_mb(self) -> float:
        """The server process's peak resident memory so far (VmHWM), in MB."""
        status = Path(f"/proc/{self.process.pid}/status").read_text()
        return next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM:")) / 1024

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)
        self.log.close()


async def view(context, url: str, title: str | None, timeout_ms: int = 120_000) -> dict:
    """Open `url` in a new tab of `context` and wait until it has rendered: the script has
    finished, the page's title is shown and every chart is drawn. Closes the tab."""
    page = await context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    started = time.perf_counter()
    try:
        await page.goto(url, wait_until="commit", timeout=timeout_ms)
        await page.wait_for_function(RENDERED, arg=[title], timeout=timeout_ms, polling=50)
        rendered = time.perf_counter() - started
        if await page.locator(ERRORS).count():
            errors.append(await page.locator(ERRORS).first.inner_text())
    except Exception as error:  # a timeout: the session never rendered
        rendered = None
        errors.append(f"{type(error).__name__}: {str(error).splitlines()[0]}")
    finally:
        await page.close()
    return {"seconds": rendered, "errors": errors}


async def fresh_view(browser, url: str, title: str | None, timeout_ms: int = 120_000) -> dict:
    """A new visitor: a browser context of its own, with nothing cached."""
    context = await browser.new_context(viewport={"width": 1440, "height": 1000}, locale="sv-SE")
    try:
        return await view(context, url, title, timeout_ms)
    finally:
        await context.close()


async def protocol_session(url: str) -> float:
    """What a returning visitor's browser asks of the server, without a browser: the page, then
    a session over Streamlit's WebSocket that runs the overview. Seconds until it has finished."""
    import websockets
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    started = time.perf_counter()
    await asyncio.to_thread(lambda: urllib.request.urlopen(f"{url}/", timeout=300).read())
    async with websockets.connect(url.replace("http", "ws", 1) + "/_stcore/stream", subprotocols=["streamlit"],
                                  max_size=None, open_timeout=300) as socket_:
        request = BackMsg()
        request.rerun_script.query_string = ""
        request.rerun_script.page_name = ""
        await socket_.send(request.SerializeToString())
        while True:
            message = ForwardMsg()
            message.ParseFromString(await socket_.recv())
            if message.WhichOneof("type") == "delta" and message.delta.new_element.WhichOneof("type") == "exception":
                raise RuntimeError(message.delta.new_element.exception.message)
            if message.WhichOneof("type") == "script_finished":
                return time.perf_counter() - started


async def per_view(server: Server, browser, repeats: int, returning: bool) -> dict:
    pages = {}
    context = await browser.new_context(viewport={"width": 1440, "height": 1000}, locale="sv-SE")
    for path, title in server.pages:
        cpu, walls = 0.0, []
        for _ in range(repeats):
            before = server.cpu()
            if returning:
                outcome = await view(context, f"{server.url}/{path}", title)
            else:
                outcome = await fresh_view(browser, f"{server.url}/{path}", title)
            await asyncio.sleep(0.3)  # the server closes the session
            cpu += server.cpu() - before
            assert not outcome["errors"], (path, outcome["errors"])
            walls.append(outcome["seconds"])
        pages[path or "oversikt"] = {"cpu_s_per_view": cpu / repeats, "seconds": min(walls)}
    await context.close()
    return pages


async def measure(server: Server, sessions: int, repeats: int) -> dict:
    from playwright.async_api import async_playwright

    result: dict = {}
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        started_cpu, started = server.cpu(), time.perf_counter()
        for path, title in server.pages:  # the first views load modules and fill the caches
            outcome = await fresh_view(browser, f"{server.url}/{path}", title)
            assert not outcome["errors"], (path, outcome["errors"])
        result["warm_up"] = {"seconds": time.perf_counter() - started, "cpu_s": server.cpu() - started_cpu}
        await asyncio.sleep(1)
        idle_from = server.cpu()
        await asyncio.sleep(3)
        result["idle_cpu_s_per_s"] = (server.cpu() - idle_from) / 3

        if repeats:
            result["new_visitor"] = await per_view(server, browser, repeats, returning=False)
            result["returning_visitor"] = await per_view(server, browser, repeats, returning=True)

        await asyncio.sleep(1)
        before = server.cpu()
        outcomes = await asyncio.gather(*(fresh_view(browser, f"{server.url}/", "Översikt", timeout_ms=600_000)
                                          for _ in range(sessions)))
        rendered = [o["seconds"] for o in outcomes if o["seconds"] is not None]
        result["browsers_at_once"] = {
            "sessions": sessions, "rendered": len(rendered), "failed": [o["errors"] for o in outcomes if o["errors"]],
            "last_rendered_s": max(rendered, default=None),
            "median_rendered_s": sorted(rendered)[len(rendered) // 2] if rendered else None,
            "cpu_s_per_session": (server.cpu() - before) / sessions,
        }
        await browser.close()

    await asyncio.sleep(1)
    before = server.cpu()
    outcomes = await asyncio.gather(*(protocol_session(server.url) for _ in range(sessions)), return_exceptions=True)
    finished = [o for o in outcomes if isinstance(o, float)]
    result["sessions_at_once"] = {
        "sessions": sessions, "finished": len(finished),
        "failed": [repr(o) for o in outcomes if not isinstance(o, float)],
        "last_finished_s": max(finished, default=None),
        "cpu_s_per_session": (server.cpu() - before) / sessions,
    }
    result["server_peak_mb"] = server.peak_mb()
    return result


def summary(result: dict) -> dict:
    out = {}
    for mode in ("new_visitor", "returning_visitor"):
        if mode in result:
            views = [v["cpu_s_per_view"] for v in result[mode].values()]
            out[f"{mode}_cpu_s_per_view"] = {"mean": sum(views) / len(views), "max": max(views)}
    burst = result["browsers_at_once"]
    out["goals"] = {
        "cpu_per_view_at_most_0.15_s": {"measured": out.get("new_visitor_cpu_s_per_view", {}).get("max"),
                                        "met": out.get("new_visitor_cpu_s_per_view", {}).get("max", 1)
                                        <= GOAL_CPU_PER_VIEW_S},
        "every_session_at_once_rendered": {"measured": burst["rendered"],
                                           "met": burst["rendered"] == burst["sessions"] and not burst["failed"]},
    }
    return out


def run(sessions: int = 30, repeats: int = 5, options: list[str] = (), database: Path | None = None,
        source: Path | None = None) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        database = Path(shutil.copy(database, folder / "hr.duckdb")) if database else demo_database(folder, source)
        server = Server(database, folder / "server.log", list(options), source)
        try:
            result = asyncio.run(measure(server, sessions, repeats))
        finally:
            server.stop()
    result["options"] = list(options)
    result.update(summary(result))
    return result


def report(result: dict) -> None:
    if "new_visitor" in result:
        print(f"\n{'Serverns CPU per sidvisning (varm)':<34}{'ny besökare':>13}{'återkommande':>14}")
        for page, timing in result["new_visitor"].items():
            print(f"{page:<34}{timing['cpu_s_per_view']:>12.3f}s"
                  f"{result['returning_visitor'][page]['cpu_s_per_view']:>13.3f}s")
    print(f"Servern i vila: {result['idle_cpu_s_per_s']:.3f} s CPU per sekund; "
          f"högst {result['server_peak_mb']:.0f} MB minne")
    burst = result["browsers_at_once"]
    last = f"den sista efter {burst['last_rendered_s']:.1f} s" if burst["last_rendered_s"] else "ingen visades"
    print(f"{burst['sessions']} webbläsare samtidigt: {burst['rendered']} visade, {len(burst['failed'])} fel, {last} "
          f"(webbläsarna delar maskinens kärnor med servern), {burst['cpu_s_per_session']:.3f} s serverns CPU per session")
    for errors in burst["failed"][:3]:
        print("  fel:", errors)
    protocol = result["sessions_at_once"]
    last = f"den sista klar efter {protocol['last_finished_s']:.2f} s" if protocol["last_finished_s"] else "ingen klar"
    print(f"{protocol['sessions']} sessioner samtidigt utan webbläsare: {protocol['finished']} klara, {last}, "
          f"{protocol['cpu_s_per_session']:.3f} s serverns CPU per session")
    for goal, outcome in result["goals"].items():
        measured = outcome["measured"]
        print(f"  {'✓' if outcome['met'] else '✗'} {goal}: {measured if measured is not None else '–'}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sessions", type=int, default=30)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--db", type=Path, help="en befintlig databas (standard: demodata)")
    parser.add_argument("--source", type=Path, help="en annan utcheckning av hrdash att mäta, t.ex. före en ändring")
    parser.add_argument("--json", type=Path, help="skriv resultatet hit")
    parser.add_argument("options", nargs="*")
    args = parser.parse_args()
    outcome = run(args.sessions, args.repeats, args.options, args.db, args.source)
    if args.json:
        args.json.write_text(json.dumps(outcome, indent=2, ensure_ascii=False) + "\n")
    report(outcome)
