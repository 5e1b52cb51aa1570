"""`hrdash serve` as IT runs it: Streamlit's files served from memory, one log line per event on
stdout."""

import gzip
import re
import urllib.request
from pathlib import Path

import pytest
import streamlit
from conftest import Server


STATIC = Path(streamlit.__file__).parent / "static"


@pytest.fixture(scope="module")
def running(demo_database, tmp_path_factory):
    """The server on the demo data."""
    server = Server(demo_database.path, tmp_path_factory.mktemp("server"))
    yield server
    server.stop()


def get(url: str, **headers: str):
    return urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=30)


def test_streamlits_own_files_are_served_as_streamlit_serves_them(running):
    index = get(f"{running.url}/").read().decode()
    script = re.search(r'src="\.?/?(static/js/[^"]+\.js)"', index).group(1)
    plain = get(f"{running.url}/{script}", **{"Accept-Encoding": "identity"})
    assert plain.read() == (STATIC / script).read_bytes()
    assert plain.headers["Cache-Control"] == "public, immutable, max-age=31536000"
    assert plain.headers["Content-Type"] == "application/javascript" or "javascript" in plain.headers["Content-Type"]
    packed = get(f"{running.url}/{script}", **{"Accept-Encoding": "gzip, deflate, br"})
    assert packed.headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(packed.read()) == (STATIC / script).read_bytes()
    font = next((STATIC / "static" / "media").glob("*.woff2"))
    served = get(f"{running.url}/static/media/{font.name}", **{"Accept-Encoding": "gzip"})
    assert served.headers.get("Content-Encoding") is None and served.read() == font.read_bytes()
    unchanged = urllib.request.Request(f"{running.url}/{script}", headers={"If-None-Match": plain.headers["ETag"]})
    with pytest.raises(urllib.error.HTTPError) as not_modified:
        urllib.request.urlopen(unchanged)
    assert not_modified.value.code == 304
    for path in ("/static/js/../../config.py", "/static/%2e%2e/%2e%2e/config.py", "/static/js/ingen.js"):
        try:
            body = get(f"{running.url}{path}").read()
        except urllib.error.HTTPError as error:
            assert error.code in (400, 404)
        else:
            assert b"_create_option" not in body  # never a file outside Streamlit's static folder


def test_the_log_starts_with_how_the_server_runs(running):
    first = running.log()[0]
    assert re.fullmatch(rf"\S+ \S+ INFO hrdash: start port={running.port} läge=produktion", first), first
