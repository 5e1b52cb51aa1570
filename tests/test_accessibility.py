"""Accessible, Swedish and self-contained, in Debian's chromium against a real server with sign-in:
every page as a reader, as HR and as an administrator, with its tabs and expanders open, and in
the states where Streamlit shows words of its own (a file uploaded, a search without hits, a field
being typed in).

- axe-core (bundled by the PyPI package axe-playwright-python) finds no violation of WCAG 2.1 A or
  AA (tags wcag2a, wcag2aa, wcag21a, wcag21aa), with no rule or element left out;
- no word of Streamlit's or Plotly's own English is shown or read out, and each page says it is
  Swedish and names itself in the browser's tab;
- every chart and sparkline has a Swedish text alternative;
- no request goes to another host than hrdash's own;
- every control is reached with the Tab key (the options of a radio group and the tabs of a tab
  list with the arrow keys, as their pattern is), and shows a visible ring when it has focus.
"""

from __future__ import annotations

import re
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from axe_playwright_python.base import AXE_SCRIPT
from conftest import SICK_HEADER, Account, Provider, Server, csv_bytes
from playwright.sync_api import Page, expect, sync_playwright
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from test_browser import CHROMIUM, CHROMIUM_ARGS, enter_password, screenshot, settle, signed_in_site

from hrdash.ui import registry

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

READER, HR, ADMIN = "ledamot@kommun.se", "hr.person@kommun.se", "it@kommun.se"
CHEF = "chef.vuxen@kommun.se"
ACCOUNTS = {READER: Account(READER, ["Nämnden"]), HR: Account(HR, ["HR-avdelningen"]), ADMIN: Account(ADMIN, []),
            CHEF: Account(CHEF, [])}
VIEWPORT = {"width": 1280, "height": 720}  # the committee room's projector
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

# What Streamlit and Plotly say in English when left alone: words of their buttons, tooltips,
# instructions and screen-reader labels. Any of them, as a whole word, in anything a user sees or
# hears, fails (hrdash's own Swedish has none of them).
ENGLISH = re.compile(
    r"\b(the|and|to|for|of|with|your|file|files|drag|drop|browse|upload|download|press|submit|apply|search|"
    r"results?|options?|available|choose|select|clear|remove|delete|open|close|show|hide|help|link|heading|"
    r"sidebar|skip|main|content|fullscreen|zoom|autoscale|reset|axes|pan|plot|running|stop|rerun|loading|"
    r"dismiss|collapse|expand|icon|visualization|increment|decrement|column|columns|ascending|descending|"
    r"copy|limit|per file|mark container|graphics)\b"
    r"|\bx: \d|\d\.\dK?B\b",  # Vega's names for points ("x: 0; y: 11.59"), file sizes the English way
    re.IGNORECASE)

# Every text node a user sees, and every name, description, tooltip and placeholder a screen
# reader or the mouse pointer gives, outside what is hidden from both. A table's data cells are
# left out: they hold the figures and names as the files gave them (Om siffrorna lists the English
# column headers a file may have, such as "Open cases").
SEEN_AND_HEARD = """() => {
  const hidden = e => !!e.closest('[aria-hidden=true], script, style, noscript, template, td')
    || !(e.offsetWidth || e.offsetHeight || e.getClientRects().length);
  const found = new Set();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode, text = node.textContent.trim();
    if (text && node.parentElement && !hidden(node.parentElement)) found.add(text);
  }
  for (const name of ['aria-label', 'aria-description', 'aria-roledescription', 'aria-valuetext', 'title',
                      'placeholder', 'alt', 'data-title']) {
    document.querySelectorAll(`[${name}]`).forEach(e => {
      const value = (e.getAttribute(name) || '').trim();
      if (value && !e.closest('[aria-hidden=true]')) found.add(value);
    });
  }
  return [...found];
}"""

CHARTS = """() => [
  ...[...document.querySelectorAll('[data-testid=stPlotlyChart]')].map(
      c => ({kind: 'diagram', role: c.getAttribute('role'), name: c.getAttribute('aria-label') || ''})),
  ...[...document.querySelectorAll('[data-testid=stMetric] svg[role], .hrdash-sparkline, .vega-embed')].map(
      c => ({kind: 'sparkline', role: c.getAttribute('role'), name: c.getAttribute('aria-label') || ''})),
]"""


@dataclass
class Visit:
    """One page in one state, as one role saw it."""

    role: str
    page: str
    state: str
    lang: str = ""
    title: str = ""
    violations: list[str] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    charts: list[dict] = field(default_factory=list)

    def __str__(self) -> str:
        return f"{self.page} ({self.state}, {self.role})"


@dataclass
class Site:
    server: Server
    provider: Provider
    tmp: Path

    @property
    def host(self) -> str:
        return urllib.parse.urlsplit(self.server.url).netloc


@pytest.fixture(scope="module")
def site(demo_database, tmp_path_factory):
    """hrdash behind sign-in at a real OpenID Connect provider (oidc-provider): a reader and HR by
    their groups, an administrator and the chef of an avdelning by their addresses."""
    tmp = tmp_path_factory.mktemp("tillganglighet")
    signed_in = signed_in_site(demo_database.path, tmp, list(ACCOUNTS.values()),
                               [("grupp", "Nämnden", "läsare"), ("grupp", "HR-avdelningen", "hr"),
                                ("e-post", ADMIN, "admin"),
                                ("e-post", CHEF, "chef", "avdelning:Socialförvaltningen / Vuxen")])
    yield Site(signed_in.server, signed_in.provider, tmp)
    signed_in.stop()


@pytest.fixture(scope="module")
def chromium():
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def ready(page: Page) -> None:
    """The run is over, hrdash's interface script is at work and the charts are drawn."""
    settle(page)
    page.wait_for_function("() => window.hrdashInterface === true", timeout=30_000)
    try:
        page.wait_for_function("() => [...document.querySelectorAll('[data-testid=stPlotlyChart]')]"
                               ".every(c => c.getAttribute('aria-label'))", timeout=5_000)
    except PlaywrightTimeout:
        pass  # an unnamed chart is the test on charts' to report


def unfold(page: Page) -> None:
    """Open every visible expander, as a user reading everything would."""
    for summary in page.locator("[data-testid=stExpander] details:not([open]) > summary").all():
        if summary.is_visible():
            summary.click()
    page.wait_for_timeout(700)


def look(page: Page, role: str, title: str, state: str) -> Visit:
    """What axe-core, a reader of the screen and a listener to a screen reader find right now."""
    page.evaluate(AXE_SCRIPT)
    result = page.evaluate("options => axe.run(document, options)",
                           {"runOnly": {"type": "tag", "values": WCAG_21_AA}, "resultTypes": ["violations"]})
    violations = [f"{v['id']} ({v['help']}): {', '.join(str(n['target']) for n in v['nodes'][:5])}"
                  for v in result["violations"]]
    return Visit(role, title, state, page.evaluate("document.documentElement.lang"), page.title(), violations,
                 page.evaluate(SEEN_AND_HEARD), page.evaluate(CHARTS))


def look_at_every_tab(page: Page, role: str, title: str) -> list[Visit]:
    found = []
    tabs = page.get_by_role("tab").all()
    for tab in tabs or [None]:
        if tab is not None:
            tab.click()
            page.wait_for_timeout(600)
        unfold(page)
        found.append(look(page, role, title, f"flik {tab.inner_text()}" if tab is not None else "öppnad"))
    return found


# States in which Streamlit shows words of its own, per page file: (state, what the user does).
def upload_a_file(page: Page, tmp: Path) -> None:
    path = tmp / "sjukfranvaro_2026-11.csv"
    path.write_bytes(csv_bytes([SICK_HEADER, ["Familjebehandling", "2026-11", 20, 3000, 300, 100, 100]]))
    page.locator("input[type='file']").set_input_files(str(path))
    expect(page.get_by_text("1 nya enhetsmånader", exact=False)).to_be_visible(timeout=30_000)
    ready(page)
    unfold(page)


def search_without_hits(page: Page, tmp: Path) -> None:
    box = page.get_by_role("combobox", name="Organisation")
    box.evaluate("element => element.scrollIntoView({block: 'center'})")
    box.click()
    page.keyboard.type("xyzzy")
    expect(page.get_by_role("listbox")).to_be_visible()
    page.wait_for_timeout(500)


def search_a_table(page: Page, tmp: Path) -> None:
    table = page.get_by_test_id("stDataFrame").first
    table.scroll_into_view_if_needed()
    table.hover()
    page.get_by_role("button", name="Sök").first.click()
    page.keyboard.type("Vuxen")
    page.wait_for_timeout(700)


def type_a_comment(page: Page, tmp: Path) -> None:
    page.get_by_text("Skriv eller ändra kommentaren").click()
    field = page.get_by_role("textbox", name="Kommentar")
    field.click()
    page.keyboard.type("Vinterns topp")
    page.wait_for_timeout(500)


def type_a_target(page: Page, tmp: Path) -> None:
    page.get_by_role("tab", name="Mål").click()
    field = page.get_by_role("textbox", name="Mål (högst)")
    field.scroll_into_view_if_needed()
    field.click()
    page.keyboard.type("6")
    page.wait_for_timeout(500)


STATES = {
    "pages/oversikt.py": [("sökning utan träff", search_without_hits)],
    "pages/sjukfranvaro.py": [("kommentar skrivs", type_a_comment)],
    "pages/ladda_upp.py": [("fil uppladdad", upload_a_file)],
    "pages/data.py": [("sökning i tabellen", search_a_table), ("mål skrivs", type_a_target)],
}


def sign_in(page: Page, site: Site, email: str, watching: dict | None = None) -> Visit | None:
    """Sign in as `email`; with `watching`, also what the sign-in page showed before. Requests made
    on the identity provider's own pages are the provider's, not hrdash's, and are not watched."""
    page.goto(site.server.url)
    ready(page)
    seen = None if watching is None else look(page, email, "Inloggning", "inte inloggad")
    watching = {"on": True} if watching is None else watching
    watching["on"] = False
    page.get_by_role("button", name="Logga in").click()
    enter_password(page, ACCOUNTS[email])
    page.wait_for_url(re.compile(rf"^{re.escape(site.server.url)}"), timeout=30_000)
    watching["on"] = True
    ready(page)
    expect(page.get_by_text(f"Inloggad: {email}")).to_be_visible(timeout=30_000)
    return seen


@dataclass
class Walk:
    visits: list[Visit]
    requests: list[tuple[str, str]]  # (address, where the browser was)


@pytest.fixture(scope="module")
def walk(site, chromium) -> Walk:
    """Every page each role may open (the administrator and the chef: those only they may), in every state."""
    visits, requests = [], []
    for email, role in ((READER, "läsare"), (HR, "hr"), (ADMIN, "admin"), (CHEF, "chef")):
        context = chromium.new_context(viewport=VIEWPORT, locale="sv-SE")
        page = context.new_page()
        watching = {"on": True}

        def record(address: str, page=page, watching=watching) -> None:
            # Pictures inside the page (data:, blob:) are no requests to anyone.
            if watching["on"] and urllib.parse.urlsplit(address).scheme in ("http", "https", "ws", "wss"):
                requests.append((address, page.url))

        page.on("request", lambda request: record(request.url))
        page.on("websocket", lambda socket: record(socket.url))
        visits.append(sign_in(page, site, email, watching))
        pages = [p for p in registry.PAGES if role in p.roles and (role in ("läsare", "hr") or p.roles == (role,))]
        for info in pages:
            page.goto(f"{site.server.url}/{info.url_path}")
            ready(page)
            visits += look_at_every_tab(page, email, info.title)
            if role == "läsare":
                screenshot(page, f"tillganglighet_{info.url_path or 'oversikt'}")
            for state, act in STATES.get(info.file, []) if role == "hr" else []:
                page.goto(f"{site.server.url}/{info.url_path}")
                ready(page)
                act(page, site.tmp)
                visits.append(look(page, email, info.title, state))
        context.close()
    return Walk(visits, requests)


def test_the_walk_covers_every_page_for_each_role(walk):
    seen = {(v.role, v.page) for v in walk.visits}
    for email, role in ((READER, "läsare"), (HR, "hr")):
        assert {(email, p.title) for p in registry.PAGES if role in p.roles} <= seen
    assert (ADMIN, "Behörigheter") in seen
    assert (CHEF, "Min del") in seen
    states = {v.state for v in walk.visits}
    assert {"fil uppladdad", "sökning utan träff", "sökning i tabellen", "kommentar skrivs", "mål skrivs"} <= states


def test_axe_core_finds_no_wcag_2_1_aa_violation_on_any_page(walk):
    found = {str(v): v.violations for v in walk.visits if v.violations}
    assert found == {}


def test_no_request_leaves_the_server(walk, site):
    assert len(walk.requests) > 50  # the pages, their scripts, fonts and the websocket were watched
    elsewhere = sorted({(address, where) for address, where in walk.requests
                        if urllib.parse.urlsplit(address).netloc != site.host})
    assert elsewhere == []


def test_streamlit_and_plotly_say_nothing_in_english(walk):
    english = {}
    for visit in walk.visits:
        words = sorted(t for t in visit.texts if ENGLISH.search(t))
        if words:
            english[str(visit)] = words
    assert english == {}


def test_every_page_is_declared_swedish_and_named_in_the_tab(walk):
    for visit in walk.visits:
        assert visit.lang == "sv", visit
        name = "HR-nyckeltal" if visit.page == "Inloggning" else f"{visit.page} · HR-nyckeltal"
        assert visit.title == name, visit


def test_every_chart_and_sparkline_has_a_swedish_text_alternative(walk):
    charts = [(visit, chart) for visit in walk.visits for chart in visit.charts]
    kinds = {chart["kind"] for _, chart in charts}
    assert kinds == {"diagram", "sparkline"}  # the walk met both
    for visit, chart in charts:
        assert chart["role"] == "img", (str(visit), chart)
        assert not ENGLISH.search(chart["name"]), (str(visit), chart)
        if chart["kind"] == "diagram":
            assert re.match(r"Diagram\. (Linje|Stapel|Tratt)diagram", chart["name"]), (str(visit), chart)
        else:
            assert re.search(r"lägst .* högst ", chart["name"]), (str(visit), chart)
    trend = next(c["name"] for v, c in charts if v.page == "Sjukfrånvaro" and c["kind"] == "diagram")
    assert re.search(r"Linjediagram, \w+ \d{4}–okt 2026: .*Sjukfrånvaro, Rullande 12 månader", trend), trend
    assert trend.endswith("Siffrorna finns i tabellen ”Siffrorna bakom diagrammet” under diagrammet."), trend
    sparkline = next(c["name"] for v, c in charts if v.page == "Översikt" and c["kind"] == "sparkline")
    said = (r"Sjukfrånvaro, november 2025–oktober 2026: från \d+,\d\s% i november 2025 till 7,1\s% i oktober 2026; "
            r"lägst \d+,\d\s% i \w+ 20\d\d, högst \d+,\d\s% i \w+ 20\d\d\. "
            r"Den senaste månaden är markerad med en punkt\.$")
    assert re.match(said, sparkline), sparkline


# --- Keyboard -------------------------------------------------------------------------------------

# The controls a keyboard user must reach; a radio group and a tab list are one stop each.
CONTROLS = """() => {
  const shown = e => (e.offsetWidth || e.offsetHeight) && getComputedStyle(e).visibility !== 'hidden'
    && !e.closest('[aria-hidden=true], [inert]');
  const selector = 'a[href], button:not([disabled]), input:not([type=hidden]):not([disabled]), select, textarea, '
    + 'summary, [role=tab], [role=radio], [role=switch], [role=combobox], [tabindex]:not([tabindex="-1"])';
  const controls = [];
  for (const element of document.querySelectorAll(selector)) {
    // A checkbox's input is drawn as its label: shown when the label is (not in a tab not open).
    if (!shown(element) && !(element.matches('input') && element.closest('label') && shown(element.closest('label'))))
      continue;
    if (element.getAttribute('tabindex') === '-1') continue;  // a mouse's shortcut to a reachable control
    if (element.matches('[data-testid=stMain], [data-testid=stSidebarContent], main, section')) continue;
    const stop = element.closest('[role=radiogroup], [role=tablist]') || element;
    if (!stop.hasAttribute('data-stop')) {
      stop.setAttribute('data-stop', controls.length);
      controls.push((element.getAttribute('aria-label') || element.textContent || element.tagName).trim().slice(0, 60));
    }
  }
  return controls;
}"""

# The control that has focus, and whether a ring of at least 2 px shows it: on the element, or on
# the frame Streamlit draws around a text field, select box or switch.
FOCUSED = """() => {
  const element = document.activeElement;
  if (!element || element === document.body) return null;
  const stop = element.closest('[data-stop]');
  const frame = element.closest('.react-aria-ComboBox > [role=group], [data-testid=stNumberInputContainer], '
    + '[data-testid=stTextAreaRootElement], [data-testid=stTextInputRootElement]')
    || (element.matches('[data-testid=stCheckbox] input')
        ? element.closest('label').querySelector(':scope > div') : null) || element;
  const style = getComputedStyle(frame);
  const ring = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
  return {stop: stop ? stop.getAttribute('data-stop') : null, ring,
          name: (element.getAttribute('aria-label') || element.textContent || element.tagName).trim().slice(0, 60)};
}"""


def test_every_control_is_reached_by_keyboard_and_shows_its_focus(site, chromium):
    context = chromium.new_context(viewport=VIEWPORT, locale="sv-SE")
    page = context.new_page()
    sign_in(page, site, HR)
    for info in registry.PAGES:
        if "hr" not in info.roles:
            continue
        page.goto(f"{site.server.url}/{info.url_path}")
        ready(page)
        controls = page.evaluate(CONTROLS)
        reached, unringed = set(), set()
        # Twice round the page at most: a late redraw on a loaded machine may send the focus back to the top.
        for _ in range(2 * len(controls) + 20):
            page.keyboard.press("Tab")
            focused = page.evaluate(FOCUSED)
            if focused and focused["stop"] is not None:
                reached.add(int(focused["stop"]))
                if not focused["ring"]:
                    unringed.add(focused["name"])
            if len(reached) == len(controls):
                break
        missed = [name for position, name in enumerate(controls) if position not in reached]
        assert missed == [], f"{info.title}: not reached by Tab: {missed}"
        assert unringed == set(), f"{info.title}: focus not shown on {unringed}"
        screenshot(page, f"tangentbord_{info.url_path or 'oversikt'}")
    context.close()


def test_the_options_of_a_radio_group_are_reached_with_the_arrow_keys(site, chromium):
    context = chromium.new_context(viewport=VIEWPORT, locale="sv-SE")
    page = context.new_page()
    sign_in(page, site, READER)
    page.goto(f"{site.server.url}/sjukfranvaro")
    ready(page)
    group = page.get_by_role("radiogroup", name="Period i diagrammen")
    group.get_by_role("radio").first.focus()
    names = []
    for _ in range(4):
        names.append(page.evaluate("document.activeElement.textContent.trim()"))
        page.keyboard.press("ArrowRight")
    assert names == ["12 månader", "24 månader", "36 månader", "Alla månader"]
    page.keyboard.press("Enter")  # the last one focused is chosen
    ready(page)
    assert "period=Alla" in page.url
    context.close()


def test_a_lost_connection_is_explained_in_swedish(demo_database, tmp_path, chromium):
    """A server restarted during a meeting: Streamlit's dialog says so in Swedish, without its
    advice to a developer to type 'streamlit run'."""
    server = Server(demo_database.path, tmp_path)
    context = chromium.new_context(viewport=VIEWPORT, locale="sv-SE")
    page = context.new_page()
    try:
        page.goto(f"{server.url}/om_siffrorna")
        ready(page)
    finally:
        server.stop()
    dialog = page.get_by_role("dialog")
    expect(dialog).to_be_visible(timeout=60_000)
    expect(dialog.get_by_role("heading", name="Ingen kontakt med servern")).to_be_visible()
    expect(dialog).to_contain_text("Servern svarar inte")  # one of two messages, by how the connection ended
    expect(dialog.get_by_text("streamlit run", exact=False)).to_be_hidden()
    assert [t for t in page.evaluate(SEEN_AND_HEARD) if ENGLISH.search(t)] == []
    screenshot(page, "tillganglighet_ingen_kontakt")
    context.close()
