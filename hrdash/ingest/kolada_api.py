"""Fetch Kolada's figures over HTTP (for `hrdash kolada fetch`, on a machine with internet): the data
route `{base}/data/kpi/{kpis}/municipality/{ids}/year/{years}`, each list comma separated, as
Kolada's API documents it (github.com/Hypergene/kolada, "Query data"), every page of the answer
followed (`next_page` in v2, `next_url` in v3) and joined into one answer to import as a file."""

from __future__ import annotations

import json
import os
import urllib.error
import urllib.parse
import urllib.request

from hrdash.errors import UserError

# Version 2 of the API is the one Kolada's own documentation describes; later clients say v2 was
# replaced by v3 with the same data route, so v3 is asked by default. HRDASH_KOLADA_URL or --url
# point elsewhere (another version, a proxy, the tests' local server).
DEFAULT_BASE = "https://api.kolada.se/v3"
BASE_VARIABLE = "HRDASH_KOLADA_URL"
TIMEOUT_SECONDS = 60
MAX_PAGES = 50


def base_url(given: str | None = None) -> str:
    return (given or os.environ.get(BASE_VARIABLE) or DEFAULT_BASE).rstrip("/")


def data_url(base: str, kpis: list[str], municipalities: list[str], years: list[int]) -> str:
    def quote(text: str) -> str:  # the commas stay: Kolada's lists are comma separated in the path
        return urllib.parse.quote(text, safe=",")

    return (f"{base}/data/kpi/{quote(','.join(kpis))}/municipality/{quote(','.join(municipalities))}"
            f"/year/{quote(','.join(str(y) for y in years))}")


def fetch(kpis: list[str], municipalities: list[str], years: list[int], base: str | None = None) -> tuple[str, bytes]:
    """(the URL asked, every page's records as one JSON answer), or a UserError saying why not."""
    url = data_url(base_url(base), kpis, municipalities, years)
    records: list = []
    page: str | None = url
    for _ in range(MAX_PAGES):
        if not page:
            break
        if urllib.parse.urlsplit(page).scheme not in ("http", "https"):
            raise UserError(f"'{page}' är ingen webbadress (http eller https). Kontrollera adressen (--url).")
        answer = _get(page)
        if not isinstance(answer, dict) or not isinstance(answer.get("values"), list):
            raise UserError(f"Kolada svarade på {page} utan en lista 'values'. Kontrollera adressen (--url).")
        records += answer["values"]
        page = answer.get("next_page") or answer.get("next_url")
    if page:
        raise UserError(f"Kolada svarade med fler än {MAX_PAGES} sidor. Hämta färre nyckeltal, kommuner eller år "
                        "åt gången. Inget importerades.")
    return url, json.dumps({"values": records, "count": len(records), "source": url}, ensure_ascii=False).encode()


def _get(url: str):
    request = urllib.request.Request(url, headers={"Accept": "application/json", "User-Agent": "hrdash"})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
            return json.loads(response.read().decode("utf-8"))
    except urllib.error.HTTPError as error:
        raise UserError(f"Kolada svarade {error.code} ({error.reason}) på {url}. Kontrollera nyckeltalen, "
                        "kommunerna och åren.") from None
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise UserError(f"Kolada kunde inte nås på {url} ({reason}). Finns det ingen internetanslutning: hämta "
                        "adressen i en webbläsare, spara svaret och importera filen med 'hrdash kolada import FIL'.") \
            from None
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise UserError(f"Kolada svarade på {url} med något annat än JSON. Kontrollera adressen (--url).") from None
