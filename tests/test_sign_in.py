"""Signing in as a municipality signs in: at a real, OpenID Certified provider (the npm package
oidc-provider, tests/oidc/provider.mjs) in Debian's chromium, with roles from e-mail addresses and
group claims, signing out at the provider, a sign-in that expires, a user without a role, and a
user in hundreds of groups (the sign-in cookie, Entra ID's groups overage). The claims → role
rules themselves, and what the cookie keeps, are checked without a browser first."""

from __future__ import annotations

import base64
import itertools
import json
import random
import re
import shutil
import time
import urllib.parse
import uuid

import pytest
from conftest import Account, open_app
from playwright.sync_api import Page, expect
from test_browser import browser  # noqa: F401  (the fixture: one chromium for the module)
from test_browser import SignedInSite, enter_password, go_to, screenshot, settle, sign_in_as, signed_in_site

from hrdash import serving
from hrdash.store import audit, database, roles
from hrdash.ui import session

COOKIE_SECRET = "en-lång-slumpad-hemlighet-för-testerna"  # conftest.Provider.secrets
AUTH = {"auth": {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": COOKIE_SECRET,
                 "client_id": "hrdash", "client_secret": "hemligt",
                 "server_metadata_url": "http://127.0.0.1:9/.well-known/openid-configuration"}}
OVERAGE = {"_claim_names": {"groups": "src1"},
           "_claim_sources": {"src1": {"endpoint": "https://graph.windows.net/3f9a/users/77ab/getMemberObjects"}}}
_random = random.Random(2026)
MANY_GROUPS = [str(uuid.UUID(int=_random.getrandbits(128), version=4)) for _ in range(250)]  # Entra ID's object ids
READERS, HR_STAFF = MANY_GROUPS[17], MANY_GROUPS[203]  # two of them hold roles in hrdash


def entra_claims(groups: list[str] | None, **more) -> dict:
    """The claims of an Entra ID token for hrdash, as Streamlit passes them on: every standard and
    Microsoft claim a v2.0 ID token carries, and Streamlit's own keys."""
    return {"aud": "6731de76-14a6-49ae-97bc-6eba6914391e", "iss": "https://login.microsoftonline.com/3f9a/v2.0",
            "iat": 1_793_000_000, "nbf": 1_793_000_000, "exp": 1_793_003_600, "email": "anna.hr@kommun.se",
            "name": "Anna Andersson", "nonce": "n-0S6_WzA2Mj", "oid": "00000000-0000-0000-66f3-3332eca7ea81",
            "preferred_username": "anna.hr@kommun.se", "rh": "0.AAAAabc", "sid": "0021b8f9-6d8c-4c36",
            "sub": "AAAAAAAAAAAAAAAAAAAAAIkzqFVrSaSaFHy782bbtaQ", "tid": "3f9a0c1b-7e4d-4c2e-9d6b-1a2b3c4d5e6f",
            "uti": "AbCdEf123456", "ver": "2.0", **({"groups": groups} if groups is not None else {}), **more,
            "origin": "http://localhost:8501", "is_logged_in": True, "provider": "default"}


@pytest.fixture
def con_with_roles(con):
    roles.assign(con, "grupp", READERS, "läsare", "test")
    roles.assign(con, "grupp", HR_STAFF, "hr", "test")
    roles.assign(con, "grupp", "hrdash.admin", "admin", "test")
    roles.assign(con, "e-post", "ledamot@kommun.se", "läsare", "test")
    return con


# --- Claims → role, and what the sign-in cookie keeps (no browser) ---------------------------------

def test_a_user_gets_the_highest_role_of_her_address_and_every_group_claim(con_with_roles):
    con = con_with_roles
    reader = roles.identity({"email": "Ledamot@Kommun.se", "groups": ["Kultur"]})
    assert reader == roles.Identity("Ledamot@Kommun.se", ("Kultur",))
    assert roles.role_for(con, reader.email, list(reader.groups)) == "läsare"
    hr = roles.identity({"email": "ledamot@kommun.se", "groups": [READERS, HR_STAFF]})
    assert roles.role_for(con, hr.email, list(hr.groups)) == "hr"
    # Entra ID's app roles, assigned to groups, count as group names.
    admin = roles.identity({"sub": "AAAAIkzq", "roles": ["hrdash.admin"], "groups": "Kultur"})
    assert admin == roles.Identity("AAAAIkzq", ("Kultur", "hrdash.admin"))
    assert roles.role_for(con, admin.email, list(admin.groups)) == "admin"
    assert roles.role_for(con, "vem@kommun.se", ["Kultur"]) is None


def test_entra_ids_groups_overage_is_seen_and_the_role_falls_back_to_the_address(con_with_roles):
    overage = roles.identity({"email": "ledamot@kommun.se", **OVERAGE})
    assert overage == roles.Identity("ledamot@kommun.se", (), groups_withheld=True)
    assert roles.role_for(con_with_roles, overage.email, list(overage.groups)) == "läsare"
    assert roles.identity({"email": "x@kommun.se", "hasgroups": True}).groups_withheld
    assert not roles.identity({"email": "x@kommun.se", "groups": [], **OVERAGE}).groups_withheld


def test_the_cookie_keeps_the_identity_and_only_the_groups_that_hold_a_role(con_with_roles):
    claims = entra_claims(MANY_GROUPS, roles=["hrdash.admin", "annan.app"])
    kept, tokens = serving.keep_in_cookie(con_with_roles, claims, {"id_token": "e" * 2_400, "access_token": "a" * 3000})
    assert kept == {"origin": "http://localhost:8501", "is_logged_in": True, "provider": "default",
                    "sub": claims["sub"], "email": "anna.hr@kommun.se", "name": "Anna Andersson",
                    "iat": 1_793_000_000, "groups": [READERS, HR_STAFF], "roles": ["hrdash.admin"]}
    assert tokens == {"id_token": "e" * 2_400}  # kept for signing out; the access token is never read
    assert serving.keep_in_cookie(con_with_roles, claims, {"id_token": "e" * 2_501})[1] == {}
    withheld, _ = serving.keep_in_cookie(con_with_roles, entra_claims(None, **OVERAGE), {})
    assert withheld["hasgroups"] is True and "_claim_sources" not in withheld and "groups" not in withheld
    assert roles.identity(withheld).groups_withheld
    started = time.time()
    without_iat = {k: v for k, v in claims.items() if k != "iat"}
    assert serving.keep_in_cookie(con_with_roles, without_iat, {})[0]["iat"] >= int(started)


def cookies_streamlit_writes(name: str, value: dict) -> dict[str, str]:
    """The cookies (name → name=value with Streamlit's attributes) Streamlit 1.67 sets for a value."""
    from streamlit.auth_util import set_cookie_with_chunks
    from streamlit.web.server.starlette import starlette_auth_routes as routes
    from streamlit.web.server.starlette.starlette_app_utils import create_signed_value

    written = {}

    def write(cookie: str, serialized: str) -> None:
        written[cookie] = f"{cookie}={create_signed_value(COOKIE_SECRET, cookie, serialized).decode()}"

    set_cookie_with_chunks(write, lambda cookie, v: create_signed_value(COOKIE_SECRET, cookie, v), name, value,
                           cookie_attr_size=routes._get_auth_cookie_attribute_size())
    return written


def id_token(claims: dict) -> str:
    """An ID token of these claims, shaped and sized as Entra ID signs one (RS256)."""
    def part(data: bytes) -> str:
        return base64.urlsafe_b64encode(data).rstrip(b"=").decode()

    payload = {k: v for k, v in claims.items() if k not in serving.STREAMLIT_KEYS}
    return ".".join([part(b'{"typ":"JWT","alg":"RS256","kid":"KQ2tAcrE7lBaViGmpm"}'),
                     part(json.dumps(payload).encode()), part(random.Random(1).randbytes(256))])


def test_a_user_in_250_groups_gets_two_small_cookies_instead_of_eleven(con_with_roles):
    claims = entra_claims(MANY_GROUPS)
    token = id_token(claims)
    whole = {**cookies_streamlit_writes("_streamlit_user", claims),
             **cookies_streamlit_writes("_streamlit_user_tokens", {"id_token": token, "access_token": "a" * 1500})}
    kept, tokens = serving.keep_in_cookie(con_with_roles, claims, {"id_token": token, "access_token": "a" * 1500})
    small = {**cookies_streamlit_writes("_streamlit_user", kept),
             **cookies_streamlit_writes("_streamlit_user_tokens", tokens)}
    # 250 ids of 36 characters: 10 KB of claims, in the identity and again in the ID token (14 KB),
    # which Streamlit splits over eleven cookies and more: 20 KB, where a proxy takes 8 KB of headers
    # (nginx's default) and a browser 4 KB per cookie.
    assert len(token) > 14_000 and len(whole) >= 11 and sum(len(c) for c in whole.values()) > 20_000
    assert all(len(cookie) < 4096 for cookie in whole.values())  # Streamlit's chunks: each fits alone
    assert set(small) == {"_streamlit_user", "_streamlit_user_tokens"}
    assert sum(len(cookie) for cookie in small.values()) < 1_000


def test_what_streamlit_signs_in_with_is_installed():
    # A fresh install once lacked httpx (Authlib's client): every sign-in was an Internal Server Error.
    from authlib.integrations import starlette_client

    assert starlette_client.StarletteOAuth2App


def test_streamlit_still_writes_its_sign_in_cookie_where_hrdash_filters_it(monkeypatch):
    from streamlit.web.server.starlette import starlette_auth_routes as routes

    writer = serving.streamlit_cookie_writer()
    assert writer.__module__ == routes.__name__ and writer.__name__ == "_set_auth_cookie"
    monkeypatch.setattr(routes, "_set_auth_cookie", writer)
    serving._keep_sign_in_cookie_small()
    serving._keep_sign_in_cookie_small()  # a second start in the same process wraps it once
    assert routes._set_auth_cookie is not writer and routes._set_auth_cookie.__wrapped__ is writer
    assert serving.streamlit_cookie_writer() is writer


def test_how_long_a_sign_in_lasts_is_set_in_hours(monkeypatch):
    monkeypatch.delenv("HRDASH_SIGN_IN_HOURS", raising=False)
    assert session.sign_in_hours() == 12
    monkeypatch.setenv("HRDASH_SIGN_IN_HOURS", "8,5")
    assert session.sign_in_hours() == 8.5
    for wrong in ("0", "åtta", "-1"):
        monkeypatch.setenv("HRDASH_SIGN_IN_HOURS", wrong)
        assert serving.configuration_problem() == (f"HRDASH_SIGN_IN_HOURS='{wrong}' är inte ett antal timmar: "
                                                   "skriv t.ex. 12 eller 8,5.")


@pytest.fixture
def db_path(demo_database, tmp_path, monkeypatch):
    path = tmp_path / "hr.duckdb"
    shutil.copy(demo_database.path, path)
    con = database.connect(path)
    roles.assign(con, "e-post", "ledamot@kommun.se", "läsare", "test")
    roles.assign(con, "grupp", "HR-avdelningen", "hr", "test")
    con.close()
    monkeypatch.setenv("HRDASH_DB", str(path))
    return path


def test_a_sign_in_older_than_its_lifetime_shows_no_figures(db_path):
    twelve_hours_ago = time.time() - 12 * 3600 - 5
    at = open_app(secrets=AUTH, user={"is_logged_in": True, "email": "ledamot@kommun.se", "iat": twelve_hours_ago})
    assert [m.value for m in at.markdown][-1] == "Din inloggning har gått ut. Logga in igen för att se nyckeltalen."
    assert at.button(key="logga_in").label == "Logga in"
    assert not at.metric and not at.sidebar.caption
    at = open_app(secrets=AUTH, user={"is_logged_in": True, "email": "ledamot@kommun.se", "iat": time.time() - 3600})
    assert at.metric


def test_groups_overage_lets_in_by_address_or_says_what_it_must_configure(db_path):
    at = open_app(secrets=AUTH, user={"is_logged_in": True, "email": "ledamot@kommun.se", **OVERAGE})
    assert at.metric and "Inloggad: ledamot@kommun\\.se · Läsare (nämnd, ledning)" in [c.value for c in at.sidebar.caption]
    assert at.toast[0].value.startswith("Inloggningen tog inte med dina grupper")
    at = open_app(secrets=AUTH, user={"is_logged_in": True, "email": "anna.hr@kommun.se", **OVERAGE})
    assert not at.metric
    assert at.warning[0].value.startswith("Du är inloggad som anna\\.hr@kommun\\.se men har ingen behörighet")
    assert at.info[0].value.startswith("Inloggningen tog inte med dina grupper: du är med i fler grupper än Entra ID")
    assert "Groups assigned to the application" in at.info[0].value


# --- In the browser, at the real provider ------------------------------------------------------------

READER = Account("ledamot@kommun.se", ["Nämnden", "Kultur"])
HR_BY_GROUP = Account("anna.lasare@kommun.se", ["HR-avdelningen"])  # her address is only läsare
ADMIN_BY_ADDRESS = Account("it@kommun.se", [])
ADMIN_BY_GROUP = Account("chef@kommun.se", ["Nämnden", "IT-förvaltare"])
NO_ROLE = Account("okand@kommun.se", ["Kultur"])
ASSIGNMENTS = [("grupp", "Nämnden", "läsare"), ("grupp", "HR-avdelningen", "hr"), ("grupp", "IT-förvaltare", "admin"),
               ("e-post", "anna.lasare@kommun.se", "läsare"), ("e-post", "it@kommun.se", "admin")]


@pytest.fixture
def start_site(demo_database, tmp_path):
    """Start hrdash behind sign-in (test_browser.signed_in_site), stopped after the test."""
    started = []

    def start(accounts, assignments=ASSIGNMENTS, **options) -> SignedInSite:
        started.append(signed_in_site(demo_database.path, tmp_path, accounts, assignments, **options))
        return started[-1]

    yield start
    for site in started:
        site.stop()


def fresh_page(browser) -> Page:
    context = browser.new_context(viewport={"width": 1440, "height": 1000}, locale="sv-SE")
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    return page


def no_figures(page: Page) -> None:
    expect(page.get_by_test_id("stMetric")).to_have_count(0)
    expect(page.get_by_test_id("stSidebar").get_by_role("link", name="Översikt")).to_have_count(0)


def sign_in_cookies(page: Page) -> dict[str, str]:
    """hrdash's sign-in cookies in the browser: name → value."""
    return {c["name"]: c["value"] for c in page.context.cookies() if c["name"].startswith("_streamlit_user")}


def end_session(site: SignedInSite, requests: list[str]) -> dict[str, str]:
    """What hrdash's sign-out sent the provider's end-session endpoint (RP-initiated logout)."""
    url = next(url for url in requests if url.startswith(f"{site.provider.url}/session/end"))
    return dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(url).query))


def signed(name: str, value: str) -> dict:
    """What a cookie Streamlit signed holds (the test knows the secret)."""
    from itsdangerous import URLSafeTimedSerializer

    return json.loads(URLSafeTimedSerializer(COOKIE_SECRET, salt=name).loads(value))


@pytest.mark.browser
@pytest.mark.xdist_group("browser")
def test_readers_hr_and_administrators_sign_in_with_the_role_of_their_address_or_groups(start_site, browser):
    site = start_site([READER, HR_BY_GROUP, ADMIN_BY_ADDRESS, ADMIN_BY_GROUP])
    everyone = {"Översikt", "Sjukfrånvaro", "Månadsrapport", "Om siffrorna"}
    for account, role, pages, absent in (
            (READER, "Läsare (nämnd, ledning)", everyone, {"Min del", "Ladda upp", "Data", "Behörigheter"}),
            (HR_BY_GROUP, "HR", everyone | {"Ladda upp", "Data"}, {"Behörigheter"}),
            (ADMIN_BY_ADDRESS, "Administratör", everyone | {"Ladda upp", "Data", "Behörigheter"}, set()),
            (ADMIN_BY_GROUP, "Administratör", everyone | {"Behörigheter"}, set())):
        page = fresh_page(browser)
        sign_in_as(page, site, account)
        expect(page.get_by_text(f"Inloggad: {account.email} · {role}")).to_be_visible()
        sidebar = page.get_by_test_id("stSidebar")
        for title in pages:  # a loaded machine may redraw the sidebar for some seconds after signing in
            expect(sidebar.get_by_role("link", name=title, exact=True)).to_be_visible(timeout=30_000)
        for title in absent:
            expect(sidebar.get_by_role("link", name=title, exact=True)).to_have_count(0)
        expect(page.get_by_test_id("stMetric").filter(has_text="Sjukfrånvaro").first).to_be_visible()
        if account is READER:
            page.goto(f"{site.server.url}/?grupp=Ledningsst%C3%B6d+%E2%80%93+enhet+i+Stab&manad=oktober+2026")
            settle(page)
            expect(page.get_by_test_id("stMetric").filter(has_text="Sjukfrånvaro").first).to_contain_text("–")
            expect(page.get_by_text("Visa dolda uppgifter")).to_have_count(0)
            page.goto(f"{site.server.url}/ladda_upp")  # a direct address to a page the role may not open
            settle(page)
            expect(page.get_by_text("Du har inte behörighet till den här sidan.")).to_be_visible()
            expect(page.locator("input[type='file']")).to_have_count(0)
            screenshot(page, "inloggad_lasare")
        if account is HR_BY_GROUP:
            go_to(page, "Ladda upp")
            expect(page.locator("input[type='file']")).to_have_count(1)
            screenshot(page, "inloggad_hr")
        if account is ADMIN_BY_GROUP:
            go_to(page, "Behörigheter")
            expect(page.get_by_role("heading", name="Ge eller ändra en roll")).to_be_visible()
        assert page.errors == []
        page.context.close()
    assert [e["email"] for e in site.provider.events() if e["event"] == "signed in"] == [
        a.email for a in (READER, HR_BY_GROUP, ADMIN_BY_ADDRESS, ADMIN_BY_GROUP)]
    # Once per browser session: the reader's two addresses typed in are sessions of their own.
    logged = [line.split(" hrdash: ")[1] for line in site.server.log() if "inloggning" in line]
    assert [re.sub(r" av=\w+$", "", line) for line, _ in itertools.groupby(logged)] == [
        "inloggning roll=läsare", "inloggning roll=hr", "inloggning roll=admin", "inloggning roll=admin"]
    site.server.stop()
    con = database.connect(site.server.db)
    sign_ins = audit.entries(con).query("action == 'Inloggning'").sort_values("happened_at")
    assert [who for who, _ in itertools.groupby(zip(sign_ins["who"], sign_ins["detail"]))] == [
        ("ledamot@kommun.se", "Läsare (nämnd, ledning)"), ("anna.lasare@kommun.se", "HR"),
        ("it@kommun.se", "Administratör"), ("chef@kommun.se", "Administratör")]
    con.close()


@pytest.mark.browser
@pytest.mark.xdist_group("browser")
def test_signing_out_ends_the_session_at_the_provider_so_the_password_is_asked_again(start_site, browser):
    # Streamlit's own prompt (select_account), as with Entra ID: a provider session signs in again
    # without the password, after the user has chosen her account.
    site = start_site([READER], prompt=None)
    page = fresh_page(browser)
    sign_in_as(page, site, READER)
    page.context.clear_cookies(name=re.compile("^_streamlit_user"))  # hrdash forgot her, the provider did not
    page.goto(site.server.url)
    settle(page)
    page.get_by_role("button", name="Logga in").click()
    page.get_by_role("button", name=f"Fortsätt som {READER.email}").click()
    page.wait_for_url(re.compile(rf"^{re.escape(site.server.url)}"), timeout=30_000)
    settle(page)
    expect(page.get_by_text(f"Inloggad: {READER.email}")).to_be_visible()

    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.get_by_test_id("stSidebar").get_by_role("button", name="Logga ut").click()
    expect(page.get_by_role("heading", name="Vill du logga ut?")).to_be_visible(timeout=30_000)
    screenshot(page, "utloggning_hos_leverantoren")
    page.get_by_role("button", name="Ja, logga ut").click()
    page.wait_for_url(re.compile(rf"^{re.escape(site.server.url)}/?$"), timeout=30_000)
    settle(page)
    expect(page.get_by_text("Logga in med ditt konto i kommunen för att se nyckeltalen.")).to_be_visible()
    no_figures(page)
    assert sign_in_cookies(page) == {}
    sent = end_session(site, requests)
    assert set(sent) == {"client_id", "post_logout_redirect_uri", "id_token_hint"}
    assert sent["post_logout_redirect_uri"] == f"{site.server.url}/oauth2callback"

    page.get_by_role("button", name="Logga in").click()
    expect(page.get_by_label("Lösenord")).to_be_visible(timeout=30_000)  # no account to choose: the password
    expect(page.get_by_role("button", name=re.compile("^Fortsätt som"))).to_have_count(0)
    enter_password(page, READER)
    page.wait_for_url(re.compile(rf"^{re.escape(site.server.url)}"), timeout=30_000)
    settle(page)
    expect(page.get_by_text(f"Inloggad: {READER.email}")).to_be_visible()
    assert [e["event"] for e in site.provider.events() if e["event"] != "ready"] == [
        "signed in", "account chosen", "signed out", "signed in"]


@pytest.mark.browser
@pytest.mark.xdist_group("browser")
def test_an_expired_sign_in_shows_no_figures_and_asks_to_sign_in_again(start_site, browser):
    lifetime = 15  # seconds
    site = start_site([READER], env={"HRDASH_SIGN_IN_HOURS": str(lifetime / 3600)})
    page = fresh_page(browser)
    sign_in_as(page, site, READER)
    expect(page.get_by_test_id("stMetric").filter(has_text="Sjukfrånvaro").first).to_be_visible()
    issued = signed("_streamlit_user", sign_in_cookies(page)["_streamlit_user"])["iat"]  # the token's time
    page.wait_for_timeout(max(0.0, issued + lifetime + 1 - time.time()) * 1000)
    go_to(page, "Sjukfrånvaro")  # the open page's next step
    expect(page.get_by_text("Din inloggning har gått ut. Logga in igen för att se nyckeltalen.")).to_be_visible()
    no_figures(page)
    expect(page.get_by_role("heading", name="Sjukfrånvaro")).to_have_count(0)
    screenshot(page, "inloggning_utgangen")
    page.reload()
    settle(page)
    expect(page.get_by_text("Din inloggning har gått ut.", exact=False)).to_be_visible()
    no_figures(page)
    page.get_by_role("button", name="Logga in").click()
    enter_password(page, READER)  # prompt=login: the provider asks for the password
    page.wait_for_url(re.compile(rf"^{re.escape(site.server.url)}"), timeout=30_000)
    settle(page)
    expect(page.get_by_test_id("stMetric").filter(has_text="Sjukfrånvaro").first).to_be_visible()
    # The browser drops the cookie when its own lifetime passes: the sign-in page again.
    page.context.clear_cookies(name=re.compile("^_streamlit_user"))
    page.reload()
    settle(page)
    expect(page.get_by_text("Logga in med ditt konto i kommunen för att se nyckeltalen.")).to_be_visible()
    no_figures(page)
    assert any("hrdash: inloggning utgången av=" in line for line in site.server.log())


@pytest.mark.browser
@pytest.mark.xdist_group("browser")
def test_a_user_without_a_role_and_one_whose_groups_entra_id_withheld(start_site, browser):
    withheld_reader = Account("ledamot@kommun.se", None, claims=OVERAGE)  # her address is läsare
    withheld = Account("anna.hr@kommun.se", None, claims=OVERAGE)  # her groups would have made her HR
    site = start_site([NO_ROLE, withheld_reader, withheld],
                      assignments=[("e-post", "ledamot@kommun.se", "läsare"), ("grupp", "HR-avdelningen", "hr")])
    page = fresh_page(browser)
    sign_in_as(page, site, NO_ROLE, welcome=False)
    expect(page.get_by_text("Du är inloggad som okand@kommun.se men har ingen behörighet i hrdash ännu. "
                            "Be en administratör att ge dig en roll.")).to_be_visible()
    no_figures(page)
    expect(page.get_by_role("button", name="Logga ut")).to_be_visible()
    screenshot(page, "ingen_roll")
    page.context.close()

    page = fresh_page(browser)
    sign_in_as(page, site, withheld, welcome=False)
    expect(page.get_by_text("Du är inloggad som anna.hr@kommun.se men har ingen behörighet", exact=False)).to_be_visible()
    expect(page.get_by_text("Inloggningen tog inte med dina grupper: du är med i fler grupper än Entra ID skickar",
                            exact=False)).to_be_visible()
    expect(page.get_by_text("Token configuration → groups claim → Groups assigned to the application",
                            exact=False)).to_be_visible()
    no_figures(page)
    screenshot(page, "grupper_saknas")
    page.context.close()

    page = fresh_page(browser)
    sign_in_as(page, site, withheld_reader)
    expect(page.get_by_text("Inloggad: ledamot@kommun.se · Läsare (nämnd, ledning)")).to_be_visible()
    expect(page.get_by_test_id("stToast")).to_contain_text("Du är inloggad med rollen din e-postadress har.")
    page.context.close()
    lines = [re.sub(r" av=\w+$", "", line.split(" hrdash: ")[1]) for line in site.server.log()
             if "inloggning" in line or "grupper" in line]
    assert lines == ["nekad inloggning roll=ingen", "grupper saknas orsak=för_många_grupper",
                     "nekad inloggning roll=ingen", "grupper saknas orsak=för_många_grupper",
                     "inloggning roll=läsare"]


@pytest.mark.browser
@pytest.mark.xdist_group("browser")
def test_a_user_in_250_groups_signs_in_and_out_with_one_cookie_a_proxy_accepts(start_site, browser):
    many = Account("anna.hr@kommun.se", MANY_GROUPS)
    site = start_site([many], assignments=[("grupp", READERS, "läsare"), ("grupp", HR_STAFF, "hr")])
    page = fresh_page(browser)
    sign_in_as(page, site, many)
    expect(page.get_by_text("Inloggad: anna.hr@kommun.se · HR")).to_be_visible()
    cookies = sign_in_cookies(page)
    assert set(cookies) == {"_streamlit_user", "_streamlit_user_tokens"}  # neither split in chunks
    sizes = {name: len(name) + 1 + len(value) for name, value in cookies.items()}
    assert all(size < 4096 for size in sizes.values()) and sum(sizes.values()) < 4096, sizes
    user = signed("_streamlit_user", cookies["_streamlit_user"])
    assert set(user) == {"origin", "is_logged_in", "provider", "sub", "email", "name", "iat", "groups"}
    assert user["groups"] == [READERS, HR_STAFF]
    assert signed("_streamlit_user_tokens", cookies["_streamlit_user_tokens"]) == {}  # its ID token lists all 250
    print(f"\nsign-in cookies of a user in 250 groups: {sizes}")

    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.get_by_test_id("stSidebar").get_by_role("button", name="Logga ut").click()
    page.get_by_role("button", name="Ja, logga ut").click()
    page.wait_for_url(re.compile(rf"^{re.escape(site.server.url)}/?$"), timeout=30_000)
    settle(page)
    expect(page.get_by_text("Logga in med ditt konto i kommunen för att se nyckeltalen.")).to_be_visible()
    sent = end_session(site, requests)
    assert sent["client_id"] == "hrdash" and "id_token_hint" not in sent
    assert [e["event"] for e in site.provider.events()][-1] == "signed out"
    assert sign_in_cookies(page) == {}
