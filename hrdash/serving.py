"""Start the dashboard: `hrdash serve`, what `make run` and the Docker image run. In production
(HRDASH_ENV=production) it refuses to start without sign-in configured."""

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


def run(port: int, address: str, options: list[str] = ()) -> None:
    """Run the Streamlit server on app.py in this process; `options` are more of Streamlit's own.

    Streamlit has an old mode for apps with a pages/ folder, in which the first session of a new
    server runs the page its URL names without the frame (app.py) and its navigation lists the
    files of pages/. The frame's st.navigation switches it off for the process, but only once a
    session has run; switching it off before the server starts means no session ever sees it."""
    from streamlit.runtime.pages_manager import PagesManager
    from streamlit.web import cli

    os.chdir(PROJECT_ROOT)
    PagesManager.uses_pages_directory = False
    sys.argv = ["streamlit", "run", str(PROJECT_ROOT / "app.py"), "--server.port", str(port), "--server.address",
                address, "--server.headless", "true", "--browser.gatherUsageStats", "false", *options]
    cli.main()
