"""Start the dashboard: `hrdash serve`, what the Docker image runs (and `make run`, with --dev).
It refuses to start when the configuration is wrong: in production (HRDASH_ENV=production)
without sign-in, and with backup settings it cannot use.

The server runs as production wants it unless --dev: no file watcher (Streamlit would watch every
module for changes), no rerun on save, no garbage collection forced after every run (Python's own
collector still runs), and Streamlit's own files served from memory (`StaticAssets`). With the
charts built once (hrdash/ui/charts.py) that takes a warm page view from 0.8–1.0 s of the
server's CPU to about 0.1 s (`make bench-viewers`, figures in the README). It also starts the log for
IT (hrdash/logs.py) and the nightly backup (hrdash/store/backup.py), and keeps Streamlit's sign-in
cookie small (`keep_in_cookie`)."""

from __future__ import annotations

import asyncio
import email.utils
import functools
import gzip
import hashlib
import inspect
import mimetypes
import os
import sys
import time
import tomllib
from pathlib import Path

from hrdash import logs
from hrdash.errors import UserError
from hrdash.store import backup, database, roles
from hrdash.store.database import PROJECT_ROOT

REQUIRED = ("redirect_uri", "cookie_secret", "client_id", "client_secret", "server_metadata_url")


def secrets_files() -> list[Path]:
    """Where Streamlit looks for secrets: the project's .streamlit/secrets.toml and the user's."""
    return [PROJECT_ROOT / ".streamlit" / "secrets.toml", Path.home() / ".streamlit" / "secrets.toml"]


def _auth() -> dict:
    """The [auth] section of the first secrets file there is."""
    for path in secrets_files():
        if path.exists():
            return tomllib.loads(path.read_text()).get("auth", {})
    return {}


def configuration_problem() -> str | None:
    """Why the app must not start, in Swedish; None when it may."""
    from hrdash.ui import session

    try:
        backup.Schedule.from_environment()
        session.sign_in_hours()
        streamlit_cookie_writer()
    except (UserError, RuntimeError) as error:
        return str(error)
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


class StaticAssets:
    """Streamlit's own JavaScript, styles, fonts and images (the /static/ files its page loads,
    9 MB for a browser that has none of them yet) served from memory, in front of Streamlit's
    app, and gzip-compressed once where the browser accepts it.

    Streamlit serves each of them through its whole middleware stack and a thread per file
    operation: a third of a second of CPU for one fresh browser, more than the page itself. The
    names carry a hash of the content, so they are sent as Streamlit sends them: cacheable for a
    year. Only files that exist under Streamlit's static/static folder are answered here, found
    by their exact path; every other request goes on to Streamlit unchanged."""

    COMPRESSED = {"application/javascript", "text/javascript", "text/css", "image/svg+xml", "application/json"}

    def __init__(self, app, base_url: str = ""):
        import streamlit

        self.app = app
        folder = Path(streamlit.__file__).parent / "static" / "static"
        prefix = f"/{base_url.strip('/')}" if base_url.strip("/") else ""
        self.files = {f"{prefix}/static/{p.relative_to(folder).as_posix()}": p for p in folder.rglob("*") if p.is_file()}
        self.bodies: dict[tuple[str, bool], tuple[bytes, list[tuple[bytes, bytes]]]] = {}

    async def __call__(self, scope, receive, send) -> None:
        file = self.files.get(scope.get("path", "")) if scope["type"] == "http" else None
        if file is None or scope["method"] not in ("GET", "HEAD"):
            await self.app(scope, receive, send)
            return
        request = dict(scope["headers"])
        kind = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        accepted = request.get(b"accept-encoding", b"").replace(b" ", b"")
        compressed = kind in self.COMPRESSED and b"gzip" in accepted and b"gzip;q=0" not in accepted
        found = self.bodies.get((scope["path"], compressed))
        if found is None:  # read (and compress) once, off the event loop
            found = self.bodies[(scope["path"], compressed)] = await asyncio.to_thread(self._load, file, compressed)
        body, validators = found
        if request.get(b"if-none-match") == validators[0][1]:
            await send({"type": "http.response.start", "status": 304, "headers": validators})
            await send({"type": "http.response.body", "body": b""})
            return
        headers = [(b"content-type", kind.encode() + (b"; charset=utf-8" if kind.startswith("text/") else b"")),
                   (b"content-length", str(len(body)).encode()),
                   (b"cache-control", b"public, immutable, max-age=31536000"), (b"vary", b"accept-encoding"),
                   *validators] + ([(b"content-encoding", b"gzip")] if compressed else [])
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": b"" if scope["method"] == "HEAD" else body})

    @staticmethod
    def _load(file: Path, compressed: bool) -> tuple[bytes, list[tuple[bytes, bytes]]]:
        """The body, and the ETag and Last-Modified that Streamlit would send for the file."""
        content = file.read_bytes()
        status = file.stat()
        etag = hashlib.md5(f"{status.st_mtime}-{status.st_size}".encode(), usedforsecurity=False).hexdigest()
        validators = [(b"etag", f'"{etag}{"-gzip" if compressed else ""}"'.encode()),
                      (b"last-modified", email.utils.formatdate(status.st_mtime, usegmt=True).encode())]
        return (gzip.compress(content, 6) if compressed else content), validators


def _serve_static_assets_from_memory() -> None:
    """Put StaticAssets in front of the app Streamlit's server makes."""
    from streamlit import config
    from streamlit.web.server.starlette import starlette_server

    make_app = starlette_server.create_starlette_app

    def create_starlette_app(runtime):
        return StaticAssets(make_app(runtime), config.get_option("server.baseUrlPath") or "")

    starlette_server.create_starlette_app = create_starlette_app


# Streamlit's own keys in its identity cookie, beside the provider's claims: the origin a session is
# checked against, that the user is signed in, and the provider (for signing out).
STREAMLIT_KEYS = ("origin", "is_logged_in", "provider")
# The longest ID token kept for signing out (the provider's `id_token_hint`): one of a user in a
# few groups fits Streamlit's tokens cookie whole; one that lists hundreds does not, and signing
# out then names the client (`client_id`) instead, which RP-initiated logout allows.
ID_TOKEN_HINT_LIMIT = 2_500


def keep_in_cookie(con, user_info: dict, tokens: dict) -> tuple[dict, dict]:
    """What Streamlit's two sign-in cookies keep of a sign-in: of the identity, Streamlit's own keys
    and the claims hrdash reads (hrdash/store/roles.py); of the tokens, only the ID token, if it is
    short. Streamlit would keep every claim, and both tokens, each listing every group of the user,
    split over as many 4 KB cookies as that takes: 20 KB and more for a user in 250 groups, more
    than a proxy accepts in a request's headers (8 KB by default in nginx)."""
    kept = {key: user_info[key] for key in STREAMLIT_KEYS if key in user_info}
    kept.update(roles.claims_kept(con, user_info))
    kept.setdefault("iat", int(time.time()))  # when the sign-in happened: its lifetime counts from it
    id_token = tokens.get("id_token")
    return kept, ({"id_token": id_token} if id_token and len(id_token) <= ID_TOKEN_HINT_LIMIT else {})


def streamlit_cookie_writer():
    """Streamlit's function that writes the sign-in cookies after the provider's callback; hrdash
    refuses to start rather than let a Streamlit upgrade that renamed it send every claim again."""
    from streamlit.web.server.starlette import starlette_auth_routes

    write = getattr(starlette_auth_routes, "_set_auth_cookie", None)
    write = inspect.unwrap(write) if write is not None else None  # Streamlit's own, under hrdash's
    if write is None or list(inspect.signature(write).parameters) != ["response", "user_info", "tokens"]:
        raise RuntimeError("Streamlit skriver inte längre inloggningens kaka som hrdash väntar sig "
                           "(starlette_auth_routes._set_auth_cookie): se över hrdash/serving.py.")
    return write


def _keep_sign_in_cookie_small() -> None:
    """Put `keep_in_cookie` in front of the function Streamlit writes its sign-in cookies with (once
    per process, however often the server is started in it)."""
    from streamlit.web.server.starlette import starlette_auth_routes

    write = streamlit_cookie_writer()
    if starlette_auth_routes._set_auth_cookie is not write:
        return

    def kept(user_info: dict, tokens: dict) -> tuple[dict, dict]:
        with database.shared().cursor() as cur:
            return keep_in_cookie(cur, user_info, tokens)

    @functools.wraps(write)
    async def set_auth_cookie(response, user_info, tokens) -> None:
        await write(response, *await asyncio.to_thread(kept, user_info, tokens))

    starlette_auth_routes._set_auth_cookie = set_auth_cookie


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
    if not dev:
        _serve_static_assets_from_memory()
    _keep_sign_in_cookie_small()
    logs.configure()
    logs.set_key(os.environ.get("HRDASH_LOG_KEY") or _auth().get("cookie_secret"))
    schedule = backup.Schedule.from_environment()
    logs.event("start", port=port, läge="utveckling" if dev else "produktion",
               säkerhetskopior=f"{schedule.folder}@{schedule.at:%H:%M:%S}" if schedule else "ingen")
    if schedule:
        backup.start_nightly(schedule, database.shared)
    sys.argv = streamlit_arguments(port, address, options, dev)
    cli.main()
