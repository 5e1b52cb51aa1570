"""End to end in a real browser: Debian's chromium driven by Playwright against a real
Streamlit server on the demo data. Screenshots go to screenshots/ (not committed)."""

import re
import shutil
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import SICK_HEADER, Account, Provider, Server, csv_bytes, free_port
from playwright.sync_api import Page, expect, sync_playwright

from hrdash.ui import registry

ROOT = Path(__file__).resolve().parent.parent
SHOTS = ROOT / "screenshots"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


@pytest.fixture
def server(demo_database, tmp_path):
    running = Server(demo_database.path, tmp_path)
    yield running
    running.stop()


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1440, "height": 1000}, locale="sv-SE")
    opened = context.new_page()
    opened.errors = []
    opened.on("pageerror", lambda error: opened.errors.append(str(error)))
    yield opened
    context.close()


def settle(page: Page) -> None:
    """Wait until the script run is over and the charts are drawn."""
    page.wait_for_timeout(400)
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", timeout=60_000)
    page.wait_for_timeout(600)


def no_exceptions(page: Page) -> None:
    assert page.locator("[data-testid='stException']").count() == 0, page.locator(
        "[data-testid='stException']").first.inner_text()
    assert page.errors == []


def screenshot(page: Page, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


# Records, from the first byte the browser renders, every text the sidebar's navigation shows.
WATCH_NAVIGATION = """
window.__navigation = new Set();
new MutationObserver(() => {
    document.querySelectorAll('[data-testid=stSidebarNav], [data-testid=stSidebarNavItems]').forEach(
        nav => window.__navigation.add('stSidebarNav: ' + nav.innerText));
    // A link's text, without the name of its icon (a ligature of the icon font) on the line before.
    document.querySelectorAll('[data-testid=stSidebar] a').forEach(
        link => window.__navigation.add(link.innerText.split('\\n').pop()));
}).observe(document, {subtree: true, childList: true, characterData: true});
"""


def test_a_fresh_server_opened_on_a_page_url_runs_the_frame_and_never_lists_file_names(server, page):
    page.add_init_script(WATCH_NAVIGATION)
    page.goto(f"{server.url}/sjukfranvaro")  # the very first session of a new server, on a page's URL
    settle(page)
    sidebar = page.get_by_test_id("stSidebar")
    expect(sidebar).to_contain_text("Nyckeltal")
    expect(sidebar).to_contain_text("Underlag")
    expect(sidebar).to_contain_text("Senaste inläsning")
    expect(page.get_by_role("heading", name="Sjukfrånvaro", exact=True)).to_be_visible()
    seen = set(page.evaluate("() => [...window.__navigation]"))
    titles = {p.title for p in registry.PAGES}
    assert {"Översikt", "Sjukfrånvaro", "Ladda upp"} <= {text.strip() for text in seen}  # demo mode: HR
    assert {text.strip() for text in seen if text.strip()} <= titles | {"Gå till Ladda upp"}, seen
    no_exceptions(page)


def test_an_address_that_is_no_page_says_so_in_swedish(server, page):
    page.goto(f"{server.url}/finns-inte")
    settle(page)
    dialog = page.get_by_role("dialog")
    expect(dialog).to_contain_text("Sidan finns inte")
    expect(dialog).to_contain_text("Sidan du bad om finns inte. Översikt visas i stället.")
    expect(page.get_by_role("heading", name="Översikt", exact=True)).to_be_visible()


# Every page HR opens in demo mode, but presentation mode (its own test): (address, title).
PAGES = [(p.url_path, p.title) for p in registry.PAGES if "hr" in p.roles and p.file != "pages/presentation.py"]


def test_every_page_renders_without_exceptions(server, page):
    for path, title in PAGES:
        page.goto(f"{server.url}/{path}")
        settle(page)
        expect(page.get_by_role("heading", name=title, exact=True)).to_be_visible()
        no_exceptions(page)
        screenshot(page, f"sida_{path or 'oversikt'}")


def go_to(page: Page, title: str) -> None:
    """Click a page in the sidebar navigation."""
    page.get_by_test_id("stSidebar").get_by_role("link", name=title, exact=True).click()
    settle(page)


def choose(page: Page, label: str, option: str) -> None:
    """Pick an option the way a user does: scroll the box to where its list has room, then open it.
    (A box at the very bottom edge of the window, as the sidebar's Månad is, opens no list.)"""
    box = page.get_by_role("combobox", name=label)
    box.evaluate("element => element.scrollIntoView({block: 'center'})")
    box.click()
    page.get_by_role("option", name=option, exact=True).click()
    settle(page)


def test_upload_a_month_see_it_on_the_overview_and_undo_it(server, page, tmp_path):
    units = ["Mottagning barn och unga", "Utredning barn och unga 1", "Familjebehandling"]
    november = tmp_path / "sjukfranvaro_2026-11.csv"
    november.write_bytes(csv_bytes([SICK_HEADER] + [[u, "2026-11", 20, 3000, 300, 100, 100] for u in units]))

    page.goto(f"{server.url}/ladda_upp")
    settle(page)
    page.locator("input[type='file']").set_input_files(str(november))
    expect(page.get_by_text("3 nya enhetsmånader, 0 ersätter tidigare siffror")).to_be_visible(timeout=30_000)
    screenshot(page, "ladda_upp_forhandsvisning")
    page.get_by_role("button", name="Importera sjukfranvaro_2026-11.csv").click()
    expect(page.get_by_text(re.compile(r"Kvitto: sjukfranvaro_2026-11.csv är importerad som import nr 12"))).to_be_visible(
        timeout=30_000)
    settle(page)
    screenshot(page, "ladda_upp_kvitto")

    go_to(page, "Översikt")
    choose(page, "Månad", "november 2026")
    expect(page.get_by_text("Sjukfrånvaro: 3 av 15 enheter har rapporterat för november 2026.",
                            exact=False)).to_be_visible()
    # 900 sick hours of 9 000 ordinary hours in the three units that reported.
    expect(page.get_by_test_id("stMetric").filter(has_text="Sjukfrånvaro").first).to_contain_text("10,0")
    screenshot(page, "oversikt_november")
    no_exceptions(page)

    go_to(page, "Data")
    page.get_by_role("button", name="Ångra import nr 12").click()
    settle(page)
    page.get_by_role("button", name="Ja, ångra").click()
    settle(page)
    undone = page.locator("td[role=gridcell]").filter(has_text=re.compile("Ångrad .* av demo"))
    expect(undone).to_have_count(1)  # the table is drawn on a canvas; its cells are hidden text

    go_to(page, "Översikt")
    months = page.get_by_role("combobox", name="Månad")
    months.evaluate("element => element.scrollIntoView({block: 'center'})")
    months.click()
    expect(page.get_by_role("option", name="november 2026", exact=True)).to_have_count(0)
    expect(page.get_by_role("option", name="oktober 2026", exact=True)).to_be_visible()
    no_exceptions(page)


def test_a_target_typed_with_a_decimal_comma_is_saved_as_typed(server, page):
    """Issue 22: in a Swedish browser, '35,5' typed as a target was saved as 355 and shown as '355.0'."""
    page.goto(f"{server.url}/data")
    settle(page)
    page.get_by_role("tab", name="Mål").click()
    choose(page, "Nyckeltal", "Andel långa sjukfall (60 dagar eller mer)")
    field = page.get_by_role("textbox", name="Mål (högst)")
    field.scroll_into_view_if_needed()
    field.click()
    page.keyboard.type("35,5")
    page.get_by_role("button", name="Spara målet").click()
    settle(page)
    saved = page.locator("td[role=gridcell]").filter(has_text=re.compile(r"^35,5\s%$"))
    expect(saved).to_have_count(1)  # the table of targets, drawn on a canvas; its cells are hidden text
    expect(page.get_by_role("textbox", name="Mål (högst)")).to_have_value("35,5")
    screenshot(page, "data_mal_sparat")
    no_exceptions(page)


def test_a_copied_link_opens_the_same_view(server, page):
    page.goto(f"{server.url}/personalomsattning?grupp=Vuxen+%E2%80%93+avdelning&manad=juni+2026")
    settle(page)
    expect(page.get_by_role("heading", name="Vuxen · juni 2026")).to_be_visible()
    choose(page, "Organisation", "Barn och unga – avdelning")
    assert "grupp=Barn+och+unga" in page.url
    go_to(page, "Vakanser")
    expect(page.get_by_role("heading", name="Barn och unga · juni 2026")).to_be_visible()
    no_exceptions(page)


def test_each_presentation_slide_fits_a_1280x720_projector(server, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 720}, locale="sv-SE")
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.goto(f"{server.url}/presentation")
    settle(page)
    counter = page.get_by_text(re.compile(r"Bild 1 av \d+"))
    expect(counter).to_be_visible(timeout=30_000)
    total = int(re.search(r"Bild 1 av (\d+)", counter.inner_text()).group(1))
    # The title, the numbers, six charts, attention, the groups outside the expected, the measures, the
    # signals and the costs; no comments are written in the demo, so no comments slide.
    assert total == 13
    for number in range(1, total + 1):
        page.goto(f"{server.url}/presentation?bild={number}")
        settle(page)
        expect(page.get_by_text(f"Bild {number} av {total}", exact=False)).to_be_visible()
        overflow = page.evaluate("() => { const m = document.querySelector('[data-testid=stMain]');"
                                 " return m.scrollHeight - m.clientHeight; }")
        assert overflow <= 2, f"slide {number} is cut off by {overflow}px"
        assert page.get_by_test_id("stSidebar").is_hidden() or page.get_by_test_id(
            "stSidebar").get_attribute("aria-expanded") == "false"
        no_exceptions(page)
        screenshot(page, f"bild_{number}")
    context.close()


def test_next_and_previous_step_through_the_slides(server, page):
    page.goto(f"{server.url}/presentation")
    settle(page)
    page.get_by_role("button", name="Nästa").click()
    settle(page)
    expect(page.get_by_role("heading", name="Läget i oktober 2026")).to_be_visible()
    page.get_by_role("button", name="Nästa").click()
    settle(page)
    expect(page.get_by_role("heading", name="Sjukfrånvaro", exact=True)).to_be_visible()
    page.get_by_role("button", name="Föregående").click()
    settle(page)
    expect(page.get_by_role("heading", name="Läget i oktober 2026")).to_be_visible()
    assert "bild=2" in page.url


def test_a_clicker_and_the_keyboard_step_through_the_slides(server, page):
    """A presenter's clicker sends Page Down/Page Up; a keyboard has the arrow keys too."""
    page.goto(f"{server.url}/presentation")
    settle(page)
    page.keyboard.press("PageDown")
    settle(page)
    expect(page.get_by_role("heading", name="Läget i oktober 2026")).to_be_visible()
    page.keyboard.press("ArrowRight")
    settle(page)
    expect(page.get_by_role("heading", name="Sjukfrånvaro", exact=True)).to_be_visible()
    page.keyboard.press("ArrowLeft")
    settle(page)
    page.keyboard.press("PageUp")
    settle(page)
    expect(page.get_by_role("heading", name="HR-nyckeltal oktober 2026")).to_be_visible()
    assert "bild=1" in page.url
    expect(page.get_by_role("button", name="Nästa bild")).to_have_count(0)  # the arrow keys' buttons are hidden


@dataclass
class SignedInSite:
    """hrdash behind sign-in at a real OpenID Connect provider (conftest.Provider)."""

    server: Server
    provider: Provider

    def stop(self) -> None:
        self.server.stop()
        self.provider.stop()


def signed_in_site(database: Path, tmp: Path, accounts: list[Account], assignments: list[tuple[str, ...]],
                   prompt: str | None = "login", env: dict | None = None) -> SignedInSite:
    """`hrdash serve` on a copy of `database` whose roles are `assignments` ((kind, subject, role[, scope])),
    signing in at a provider that knows `accounts`; `prompt` as in Provider.secrets."""
    from hrdash.store import database as store
    from hrdash.store import roles

    port = free_port()
    redirect_uri = f"http://localhost:{port}/oauth2callback"
    provider = Provider(tmp, accounts, redirect_uri)
    secrets = provider.secrets(tmp / "secrets.toml", redirect_uri, prompt)
    prepared = tmp / "roller.duckdb"
    shutil.copy(database, prepared)
    con = store.connect(prepared)
    for kind, subject, role, *scope in assignments:
        roles.assign(con, kind, subject, role, "test", scope=scope[0] if scope else None)
    con.close()
    try:
        server = Server(prepared, tmp, port=port, extra_args=["--secrets.files", str(secrets)], host="localhost",
                        env=env)
    except Exception:
        provider.stop()
        raise
    return SignedInSite(server, provider)


def enter_password(page: Page, account: Account) -> None:
    """Sign in on the provider's own page, as the user types it."""
    expect(page.get_by_label("Lösenord")).to_be_visible(timeout=30_000)
    page.get_by_label("E-postadress").fill(account.email)
    page.get_by_label("Lösenord").fill(account.password)
    page.get_by_role("button", name="Logga in").click()


def sign_in_as(page: Page, site: SignedInSite, account: Account, welcome: bool = True) -> None:
    """Open hrdash, press Logga in, sign in at the provider and come back; with `welcome`, wait for
    the sidebar to say who is signed in."""
    page.goto(site.server.url)
    settle(page)
    page.get_by_role("button", name="Logga in").click()
    enter_password(page, account)
    page.wait_for_url(re.compile(rf"^{re.escape(site.server.url)}"), timeout=30_000)
    settle(page)
    if welcome:
        expect(page.get_by_text(f"Inloggad: {account.email}")).to_be_visible(timeout=30_000)


SCRIPT_NAME = "<script>window.__xss = 'script'</script>"
IMAGE_NAME = "<img src=x onerror=\"window.__xss = 'img'\">"


@pytest.fixture
def hostile_server(demo_database, tmp_path):
    """The demo with two units whose names are markup, and a comment that is markup too."""
    from conftest import load

    from hrdash.store import comments, database

    prepared = tmp_path / "fientlig.duckdb"
    shutil.copy(demo_database.path, prepared)
    con = database.connect(prepared)
    load(con, csv_bytes([["enhet", "avdelning", "förvaltning"], [SCRIPT_NAME, IMAGE_NAME, "Socialförvaltningen"],
                         [IMAGE_NAME, IMAGE_NAME, "Socialförvaltningen"]]), "<b>org</b>.csv")
    import datetime as dt

    comments.write(con, "sick_leave", "förvaltning", "Socialförvaltningen", dt.date(2026, 10, 1), IMAGE_NAME, "hr")
    con.close()
    running = Server(prepared, tmp_path)
    yield running
    running.stop()


def test_markup_in_names_comments_and_files_is_shown_as_text(hostile_server, page, tmp_path):
    server = hostile_server
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    upload = tmp_path / "<img src=x onerror=alert(1)>.csv"  # a file name cannot hold the / of </script>
    upload.write_bytes(csv_bytes([SICK_HEADER, [SCRIPT_NAME, "2026-10", 12, 1000, 50, 0, 0],
                                  [IMAGE_NAME, "2026-10", 12, 1000, 80, 0, 0]]))
    page.goto(f"{server.url}/ladda_upp")
    settle(page)
    page.locator("input[type='file']").set_input_files(str(upload))
    expect(page.get_by_text("2 nya enhetsmånader", exact=False)).to_be_visible(timeout=30_000)
    page.get_by_role("button", name=re.compile("^Importera")).click()
    expect(page.get_by_text(re.compile("Kvitto: .* är importerad som import nr"))).to_be_visible(timeout=30_000)
    expect(page.get_by_text("<img src=x onerror=alert(1)>.csv", exact=False).first).to_be_visible()

    visits = [f"{server.url}/", f"{server.url}/sjukfranvaro",
              f"{server.url}/sjukfranvaro?grupp={urllib.parse.quote_plus(IMAGE_NAME + ' – avdelning')}",
              f"{server.url}/data", f"{server.url}/presentation?bild=8"]
    for url in visits:
        page.goto(url)
        settle(page)
        no_exceptions(page)
        assert page.evaluate("() => window.__xss") is None, url
    # The names are there, as text.
    page.goto(visits[2])
    settle(page)
    expect(page.get_by_role("heading", name=f"{IMAGE_NAME} ·", exact=False)).to_be_visible()
    page.goto(visits[1])
    settle(page)
    expect(page.get_by_text(IMAGE_NAME, exact=True).first).to_be_attached()
    screenshot(page, "markup_som_text")
    assert dialogs == []
    assert page.evaluate("() => window.__xss") is None


def test_two_hr_users_importing_at_the_same_moment_both_land(server, browser, tmp_path):
    files = []
    for name, month in (("a", "2026-11"), ("b", "2026-12")):
        path = tmp_path / f"sjuk_{name}.csv"
        path.write_bytes(csv_bytes([SICK_HEADER, ["Familjebehandling", month, 16, 2400, 120, 40, 20]]))
        files.append(path)
    sessions = [browser.new_context(viewport={"width": 1440, "height": 1000}) for _ in files]
    pages = [context.new_page() for context in sessions]
    for page, path in zip(pages, files):
        page.goto(f"{server.url}/ladda_upp")
        settle(page)
        page.locator("input[type='file']").set_input_files(str(path))
        expect(page.get_by_role("button", name=f"Importera {path.name}")).to_be_visible(timeout=30_000)
    for page, path in zip(pages, files):  # both confirm before either finishes
        page.get_by_role("button", name=f"Importera {path.name}").click(no_wait_after=True)
    receipts = []
    for page in pages:
        receipt = page.get_by_text(re.compile(r"Kvitto: sjuk_[ab]\.csv är importerad som import nr (12|13)"))
        expect(receipt).to_be_visible(timeout=60_000)
        receipts.append(receipt.inner_text())
    assert sorted(re.search(r"import nr (\d+)", r).group(1) for r in receipts) == ["12", "13"]
    for context in sessions:
        context.close()


# Elements of the page whose content is wider than their box and clipped (a data grid's own scroller,
# which scrolls by keyboard and shows every column, aside).
CLIPPED = """() => [...document.querySelectorAll('[data-testid=stMain] *')].filter(e =>
  e.clientWidth > 0 && e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'visible'
  && !e.closest('[data-testid=stDataFrame], [data-testid=stPlotlyChart]'))
  .map(e => (e.innerText || '').slice(0, 60))"""


@pytest.mark.parametrize("path", ["", "medarbetarnas_rost", "sjukfranvaro", "arsredovisning"])
def test_nothing_is_cut_at_1280x720(server, browser, path):
    page = browser.new_context(viewport={"width": 1280, "height": 720}, locale="sv-SE").new_page()
    page.goto(f"{server.url}/{path}")
    settle(page)
    assert page.evaluate(CLIPPED) == []
