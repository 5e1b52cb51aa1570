"""Start the dashboard: `hrdash serve`, what the Docker image runs (and `make run`, with --dev).
In production (HRDASH_ENV=production) it refuses to start without sign-in configured.

The server runs as production wants it unless --dev: no file watcher (Streamlit would watch every
module for changes, and check them on every run), no rerun on save, no garbage collection forced
after every run (Python's own collector still runs). Measured with `make bench`: these alone
take a warm page view from about 0.8 s of server CPU to about 0.3 s; caching the built charts
(hrdash/ui/cache.py) does the rest."""

from __future__ import annotations

import os
import sys
import tomllib
from pathlib import Path

from hrdash.store.database import PROJECT_ROOT

REQUIRED = ("redirect_uri", "cookie_secret", "client_id", "client_secret", "server_metadata_url")


def secrets_files() -> list[Path]:
    """Where Streamlit looks for secrets: the project's .streamlit/secrets.toml and the user's."""
    return [PROJECT_ROOT / ".streamlit" / "secrets.toml", Path.home() / ".streamlit" / "secrets.toml"]


def configuration_problem() -> str | None:
    """Why the app must not start, in Swedish; None when it may."""
    if os.environ.get("HRDASH_ENV", "").lower() != "production":
        return None
    for path in secrets_files():
        if path.exists():
            auth = tomllib.loads(path.read_text()).get("auth", {})
            missing = [key for key in REQUIRED if not auth.get(key)]
            if not missing:
                return None
            return f"inloggningen i {path} saknar {', '.join(missing)} i avsnittet [auth]."
    return ("HRDASH_ENV=production men inloggning är inte konfigurerad: lägg avsnittet [auth] i "
            f"{secrets_files()[0]}. Se README, avsnittet för IT.")


# Streamlit's options for a server in production; more options after `--` override them.
PRODUCTION = ("--server.fileWatcherType", "none", "--server.runOnSave", "false", "--runner.postScriptGC", "false")


def streamlit_arguments(port: int, address: str, options: list[str] = (), dev: bool = False) -> list[str]:
    """The command line Streamlit is started with: production settings unless `dev`, then `options`."""
    return ["streamlit", "run", str(PROJECT_ROOT / "app.py"), "--server.port", str(port), "--server.address",
            address, "--server.headless", "true", "--browser.gatherUsageStats", "false",
            *(() if dev else PRODUCTION), *options]


def run(port: int, address: str, options: list[str] = (), dev: bool = False) -> None:
    """Run the Streamlit server on app.py in this process; `options` are more of Streamlit's own.

    Streamlit has an old mode for apps with a pages/ folder, in which the first session of a new
    server runs the page its URL names without the frame (app.py) and its navigation lists the
    files of pages/. The frame's st.navigation switches it off for the process, but only once a
    session has run; switching it off before the server starts means no session ever sees it."""
    from streamlit.runtime.pages_manager import PagesManager
    from streamlit.web import cli

    os.chdir(PROJECT_ROOT)
    PagesManager.uses_pages_directory = False
    sys.argv = streamlit_arguments(port, address, options, dev)
    cli.main()
