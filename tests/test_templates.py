"""Templates (mallar): for every kind, the workbook HR downloads on Ladda upp, filled in as HR would in
Excel, goes back through the real import with no mapping and no notice, and what is stored is what
was typed; the units are those open in the month; Excel checks each column; only the header is locked."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from conftest import CODED_ORGANISATION, csv_bytes, figures, load, new_database, open_app, read
from openpyxl import load_workbook

from hrdash import months, swedish
from hrdash.catalogue import QUESTIONS
from hrdash.ingest import values
from hrdash.ingest.columns import (EXIT_REASONS, MEASURES, PULSE, RECRUITMENT, SICK_LEAVE, VACANCIES, Kind,
                                   kind_by_name)
from hrdash.reports import templates
from hrdash.store import batches, database, roles, units
from hrdash.ui.upload_page import template_tertials

AUTH = {"auth": {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "test",
                 "client_id": "hrdash", "client_secret": "secret",
                 "server_metadata_url": "http://localhost:9400/.well-known/openid-configuration"}}

NOVEMBER = dt.date(2026, 11, 1)
T3 = dt.date(2026, 12, 1)  # the pulse's T3 2026, stored as its last month


def period_of(kind: Kind) -> dt.date | None:
    return {PULSE.id: T3, MEASURES.id: None}.get(kind.id, NOVEMBER)


def template(con, kind: Kind, period: dt.date | None = None, split: tuple[str, ...] = ()) -> bytes:
    """The template as the page makes it: the units open in the month, from the database."""
    period = period or period_of(kind)
    return templates.build(kind, period, units.placed_in(con, period) if period else [], split)


def rows_of(content: bytes) -> list[list[object]]:
    sheet = load_workbook(io.BytesIO(content)).worksheets[0]
    return [tuple(row) for row in sheet.iter_rows(values_only=True)]


# What HR types on a unit's row (the n:th row of the sheet), for each kind: figures that pass the
# contract's rules (the parts within their totals, vacancies that agree), different on every row.
TYPED = {
    "sick_leave": lambda n: {"anställda": 12 + n, "ordinarie_timmar": 1600.5 + n, "sjuktimmar": 80.25,
                             "sjuktimmar_dag_1_14": 30.5, "sjuktimmar_60_dagar": 20, "upprepad_korttidsfrånvaro": 1,
                             "frisknärvaro": 6 + n, "sjuklönekostnad_kr": 12_345.5},
    "turnover": lambda n: {"tillsvidareanställda": 20 + n, "avgångar": 3, "varav_interna": 1, "varav_pension": 1,
                           "nyanställda": n},
    "vacancies": lambda n: {"budgeterade_tjänster": 10.5 + n, "besatta_tjänster": 9.25 + n, "vakanta_tjänster": 1.25,
                            "konsulter": n % 2, "konsultkostnad_kr": 45_000.5},
    "recruitment": lambda n: {"rekryteringsbehov": 2 + n, "pågående_rekryteringar": 1, "tillsatta": n},
    "caseload": lambda n: {"aktuella_ärenden": 40 + n, "handläggare": 3.5, "nya_ärenden": 5, "avslutade_ärenden": 4},
    "pulse": lambda n: {"svar": 10 + n, "instämmer": 6, "tillfrågade": 12 + n, "medelvärde": 3.6},
    "exit_reasons": lambda n: {"orsak": templates.LISTS["reason"][n % 10], "antal": 1 + n},
}
# A list of measures, typed from scratch: a unit, an avdelning and the förvaltning, every topic and status.
MEASURES_TYPED = [
    {"enhet": "Familjebehandling", "startmånad": "mars 2026", "åtgärd": "Handledning i grupp", "område": "sjukfrånvaro",
     "ansvarig": "Eva", "status": "pågår", "uppföljning": "september 2026", "beskrivning": "Varannan vecka"},
    {"enhet": "Vuxen", "startmånad": "2026-04", "åtgärd": "Exitsamtal", "område": "personalomsättning",
     "status": "planerad"},
    {"enhet": "Socialförvaltningen", "startmånad": "maj 2026", "åtgärd": "Bemanningsplan", "område": "vakanser",
     "status": "genomförd"},
    {"enhet": "IFO", "startmånad": "juni 2026", "åtgärd": "Rekryteringsdag", "område": "rekryteringsbehov",
     "status": "avbruten"},
    {"enhet": "Socialpsykiatri", "startmånad": "juli 2026", "åtgärd": "Ärendefördelning", "område": "arbetsbelastning"},
    {"enhet": "Barn och unga", "startmånad": "augusti 2026", "åtgärd": "Arbetsplatsträffar",
     "område": "medarbetarnas röst"},
]


def fill(content: bytes, kind: Kind) -> tuple[bytes, int]:
    """The template filled in with openpyxl as HR fills it in Excel, saved; and how many rows were typed.
    An exit reason more for the first unit is a copy of its row, as the instructions say."""
    workbook = load_workbook(io.BytesIO(content))
    sheet = workbook.worksheets[0]
    header = [cell.value for cell in sheet[1]]
    if kind is MEASURES:
        for number, measure in enumerate(MEASURES_TYPED, start=2):
            for name, value in measure.items():
                sheet.cell(row=number, column=header.index(name) + 1, value=value)
        typed = len(MEASURES_TYPED)
    else:
        last = sheet.max_row
        if kind is EXIT_REASONS:
            for extra in range(2):  # every reason of the list used once over the rows
                sheet.append([sheet.cell(row=2, column=c + 1).value for c in range(3)])
        for number in range(2, sheet.max_row + 1):
            for name, value in TYPED[kind.id](number - 2).items():
                sheet.cell(row=number, column=header.index(name) + 1, value=value)
        typed = sheet.max_row - 1
        assert last >= 9  # the organisation's units were there to fill in
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue(), typed


def stored(con, kind: Kind, batch_id: int, split: tuple[str, ...] = ()) -> list[dict[str, object]]:
    """The rows the import stored for a batch, by the canonical names of the template's columns."""
    wanted = [c for c in templates.columns(kind, split) if kind is MEASURES or c is not kind.period]
    names = ", ".join(c.field for c in wanted)
    found = con.execute(f"SELECT {names} FROM {kind.table} WHERE batch_id = ? ORDER BY part, source_row",
                        [batch_id]).fetchall()
    return [{c.canonical: v for c, v in zip(wanted, row) if v is not None} for row in found]


@pytest.fixture
def org(con):
    """CODED_ORGANISATION, reorganised from October 2026: Boendestöd closes, Socialpsykiatri moves to
    IFO and a new unit opens in Vuxen."""
    load(con, csv_bytes(CODED_ORGANISATION), "organisation.csv")
    load(con, csv_bytes([["enhetskod", "enhet", "avdelning", "förvaltning", "månad"],
                         ["4733", "Boendestöd", "Nedlagd", "Socialförvaltningen", "2026-10"],
                         ["4732", "Socialpsykiatri", "IFO", "Socialförvaltningen", "2026-10"],
                         ["4741", "Öppenvård vuxen", "Vuxen", "Socialförvaltningen", "2026-10"]]), "omorg.csv")
    return con


def test_the_units_open_in_the_month_are_filled_in_with_code_name_and_month(org):
    assert [row[:3] for row in rows_of(template(org, SICK_LEAVE, dt.date(2026, 9, 1)))] == [
        ("enhet", "enhetskod", "månad"),
        ("Mottagning barn och unga", "4721", "september 2026"),
        ("Utredning barn och unga 1", "4722", "september 2026"),
        ("Utredning barn och unga 2", "4723", "september 2026"),
        ("Ekonomiskt bistånd", "4701", "september 2026"),
        ("Familjebehandling", "4711", "september 2026"),
        ("Beroendeenheten", "4731", "september 2026"),
        ("Boendestöd", "4733", "september 2026"),
        ("Socialpsykiatri", "4732", "september 2026"),
    ]
    # From October: Boendestöd closed, Socialpsykiatri under IFO, Öppenvård vuxen new.
    assert [row[:3] for row in rows_of(template(org, SICK_LEAVE, dt.date(2026, 10, 1)))[1:]] == [
        ("Mottagning barn och unga", "4721", "oktober 2026"),
        ("Utredning barn och unga 1", "4722", "oktober 2026"),
        ("Utredning barn och unga 2", "4723", "oktober 2026"),
        ("Ekonomiskt bistånd", "4701", "oktober 2026"),
        ("Familjebehandling", "4711", "oktober 2026"),
        ("Socialpsykiatri", "4732", "oktober 2026"),
        ("Beroendeenheten", "4731", "oktober 2026"),
        ("Öppenvård vuxen", "4741", "oktober 2026"),
    ]


def test_the_pulse_has_a_row_per_unit_and_question_and_measures_none(org):
    pulse = rows_of(template(org, PULSE))
    assert pulse[0] == ("enhet", "enhetskod", "tertial", "fråga", "svar", "instämmer", "tillfrågade", "medelvärde")
    assert pulse[1:4] == [("Mottagning barn och unga", "4721", "T3 2026", q.label, None, None, None, None)
                          for q in QUESTIONS]
    assert len(pulse) == 1 + 8 * 3
    assert rows_of(template(org, MEASURES)) == [("enhet", "startmånad", "åtgärd", "område", "ansvarig", "status",
                                                 "uppföljning", "beskrivning")]


# Every kind, and sick leave in each of its splits.
CASES = [(kind, ()) for kind in templates.TEMPLATE_KINDS] + [(SICK_LEAVE, split) for split in templates.SPLITS if split]
KEYS = {"question": values.parse_question, "gender": values.parse_gender, "age_group": values.parse_age_group}


@pytest.mark.parametrize("kind, split", CASES, ids=lambda case: case.id if isinstance(case, Kind) else "-".join(case))
def test_a_filled_in_template_imports_with_no_mapping_and_no_notice(org, kind, split):
    content, typed = fill(template(org, kind, split=split), kind)
    name = templates.file_name(kind, period_of(kind), split)
    parsed = read(org, content, name)
    assert parsed.ok, [str(p) for p in parsed.problems]
    assert parsed.notices == []
    assert not parsed.unknown_units
    [header] = parsed.headers  # the instruction sheet is no header, and passed over
    assert list(header.read_as.values()) == [c.canonical for c in templates.columns(kind, split)]  # all, as named
    batch = batches.import_file(org, parsed, "hr")
    assert batch.kind == kind.id
    rows = stored(org, kind, batch.batch_id, split)
    assert len(rows) == typed
    if kind is MEASURES:
        words = {"sjukfrånvaro": "sick_leave", "personalomsättning": "turnover", "vakanser": "vacancies",
                 "rekryteringsbehov": "recruitment", "arbetsbelastning": "workload", "medarbetarnas röst": "voice",
                 "pågår": "ongoing", "planerad": "planned", "genomförd": "done", "avbruten": "cancelled"}
        months = {"mars 2026": dt.date(2026, 3, 1), "2026-04": dt.date(2026, 4, 1), "maj 2026": dt.date(2026, 5, 1),
                  "juni 2026": dt.date(2026, 6, 1), "juli 2026": dt.date(2026, 7, 1),
                  "augusti 2026": dt.date(2026, 8, 1), "september 2026": dt.date(2026, 9, 1)}
        assert rows == [{name: words.get(v, months.get(v, v)) for name, v in m.items()} for m in MEASURES_TYPED]
        return
    header, *sheet = rows_of(content)
    keys = [c for c in templates.columns(kind, split) if c.type in KEYS]  # filled in: the question, the group
    month = period_of(kind)
    expected = []
    for n, row in enumerate(sheet):
        figures_typed = {name: (values.parse_reason(v) if name == "orsak" else float(v))
                         for name, v in TYPED[kind.id](n).items()}
        key = {c.canonical: KEYS[c.type](row[header.index(c.canonical)]) for c in keys}
        expected.append({"enhet": row[0], "enhetskod": row[1], **key, **figures_typed})
    assert rows == expected
    months = org.execute(f"SELECT DISTINCT month FROM {kind.table} WHERE batch_id = ?", [batch.batch_id]).fetchall()
    assert months == [(month,)]


def test_the_typed_figures_are_the_unit_figures_and_roll_up(org):
    """Sick leave typed in the template, worked out by hand: 8 units of 80,25 sick hours of 1 600,5 + n."""
    content, _ = fill(template(org, SICK_LEAVE), SICK_LEAVE)
    load(org, content, "mall_sjukfranvaro_2026-11.xlsx")
    values_ = figures(org)
    assert values_["enhet", "Familjebehandling", "2026-11", "sick_leave_pct"] == pytest.approx(80.25 / 1604.5 * 100)
    # Σ sjuktimmar 8 × 80,25 = 642; Σ ordinarie 8 × 1 600,5 + (0 + … + 7) = 12 832.
    assert values_["förvaltning", "Socialförvaltningen", "2026-11", "sick_leave_pct"] == pytest.approx(
        642 / 12_832 * 100)


def test_split_sick_leave_has_a_row_per_unit_and_group(org):
    """A file with `kön` (or `åldersgrupp`) gives every row its group: the split template fills them in."""
    both = rows_of(template(org, SICK_LEAVE, split=("kön", "åldersgrupp")))
    assert both[0][:5] == ("enhet", "enhetskod", "månad", "kön", "åldersgrupp")
    assert [row[:5] for row in both[1:7]] == [("Mottagning barn och unga", "4721", "november 2026", gender, age)
                                              for gender in ("kvinna", "man") for age in ("-29", "30-49", "50-")]
    assert len(both) == 1 + 8 * 6
    assert "kön" not in rows_of(template(org, SICK_LEAVE))[0]  # no split: no group columns, one row per unit
    assert templates.file_name(SICK_LEAVE, NOVEMBER, ("kön",)) == "mall_sjukfranvaro_per-kon_2026-11.xlsx"
    assert templates.file_name(SICK_LEAVE, NOVEMBER, ("kön", "åldersgrupp")) == (
        "mall_sjukfranvaro_per-kon-och-aldersgrupp_2026-11.xlsx")


def validations(content: bytes) -> dict[str, tuple]:
    """header -> (type, operator, formula1, formula2, range) of the data check on its column."""
    sheet = load_workbook(io.BytesIO(content)).worksheets[0]
    header = {cell.column_letter: cell.value for cell in sheet[1]}
    found = {}
    for check in sheet.data_validations.dataValidation:
        for cells in check.sqref.ranges:
            letter = cells.coord.split(":")[0].rstrip("0123456789")
            found[header[letter]] = (check.type, check.operator, check.formula1, check.formula2, cells.coord)
    return found


def test_excel_checks_every_figure_and_offers_the_words_the_import_reads(org):
    sick = validations(template(org, SICK_LEAVE, split=("kön", "åldersgrupp")))
    assert sick["anställda"] == ("whole", "greaterThanOrEqual", "0", None, "F2:F1048576")
    assert sick["ordinarie_timmar"][:3] == ("decimal", "greaterThanOrEqual", "0")
    assert sick["sjuklönekostnad_kr"][:3] == ("decimal", "greaterThanOrEqual", "0")
    assert sick["upprepad_korttidsfrånvaro"][:3] == ("whole", "greaterThanOrEqual", "0")
    assert sick["kön"][:3] == ("list", None, '"kvinna,man"')
    assert sick["åldersgrupp"][:3] == ("list", None, '"-29,30-49,50-"')
    assert "enhet" not in sick and "månad" not in sick  # names and months are text, read as the import reads them
    assert validations(template(org, VACANCIES))["budgeterade_tjänster"][:3] == ("decimal", "greaterThanOrEqual", "0")
    assert validations(template(org, RECRUITMENT))["tillsatta"][:3] == ("whole", "greaterThanOrEqual", "0")
    assert validations(template(org, kind_by_name("ärenden")))["handläggare"][:3] == (
        "decimal", "greaterThanOrEqual", "0")
    pulse = validations(template(org, PULSE))
    assert pulse["fråga"][2] == ('"Jag har en bra arbetssituation,Jag känner att jag kan göra ett gott arbete,'
                                 'Jag kan rekommendera min arbetsplats till andra"')
    assert pulse["medelvärde"][:4] == ("decimal", "between", "1", "5")
    assert pulse["svar"][:3] == ("whole", "greaterThanOrEqual", "0")
    assert validations(template(org, EXIT_REASONS))["orsak"][2] == (
        '"Lön,Arbetsbelastning,Ledarskap,Utveckling,Omorganisation,Arbetsmiljö,Privata skäl,Pension,Studier,Annat"')
    measures = validations(template(org, MEASURES))
    assert set(measures) == {"område", "status"}
    assert measures["område"][2] == ('"sjukfrånvaro,personalomsättning,vakanser,rekryteringsbehov,arbetsbelastning,'
                                     'medarbetarnas röst"')
    assert measures["status"][2] == '"planerad,pågår,genomförd,avbruten"'
    # Every word offered is read by the import.
    for word in templates.LISTS["reason"]:
        values.parse_reason(word)
    for word in templates.LISTS["topic"]:
        values.parse_topic(word)
    for word in templates.LISTS["status"]:
        values.parse_status(word)


@pytest.mark.parametrize("kind", templates.TEMPLATE_KINDS, ids=lambda k: k.id)
def test_every_figure_column_is_checked(org, kind):
    checked = validations(template(org, kind))
    for column in templates.columns(kind):
        if column.type in ("count", "hours", "fte", "sek", "mean"):
            assert checked[column.canonical][0] == ("whole" if column.type == "count" else "decimal"), column


def test_only_the_header_row_is_locked_styled_wide_and_frozen(org):
    workbook = load_workbook(io.BytesIO(template(org, SICK_LEAVE)))
    sheet, instructions = workbook.worksheets
    assert sheet.title == "Sjukfrånvaro" and instructions.title == "Instruktioner"
    assert sheet.protection.sheet
    assert all(cell.protection.locked for cell in sheet[1])
    assert all(cell.font.bold for cell in sheet[1])
    assert all(not sheet.cell(row=r, column=c).protection.locked for r in range(2, 10) for c in (1, 2, 3))
    # Rows HR adds below are open too: every column is unlocked as a whole.
    assert all(sheet.column_dimensions[cell.column_letter].protection.locked is False for cell in sheet[1])
    assert sheet.freeze_panes == "A2"
    for cell in sheet[1]:
        assert sheet.column_dimensions[cell.column_letter].width >= len(cell.value)
    assert sheet.column_dimensions["A"].width >= len("Utredning barn och unga 1")
    # HR may still add, delete and sort rows.
    assert not sheet.protection.insertRows and not sheet.protection.deleteRows and not sheet.protection.sort
    assert instructions.protection.sheet


def test_the_instructions_say_what_to_fill_in_how_numbers_are_written_the_privacy_rules_and_where_to_upload(org):
    sheet = load_workbook(io.BytesIO(template(org, SICK_LEAVE))).worksheets[1]
    text = [row[0] for row in sheet.iter_rows(values_only=True) if row[0]]
    assert text[0] == "Så fyller du i mallen från hrdash"
    assert text[1] == "Mall för sjukfrånvaro, november 2026."
    assert ("• Bladet 'Sjukfrånvaro' har 8 enheter som är öppna i organisationen november 2026, med namn, kod och "
            "period ifyllda.") in text
    assert "• anställda (måste fyllas i): heltal, 0 eller mer." in text
    assert "• sjuklönekostnad_kr (frivillig): tal, 0 eller mer (kronor)." in text
    assert "• Skriv tal med decimalkomma, t.ex. 12,5, utan tusentalsavgränsare, enhet (tim, kr) eller procent." in text
    assert ("• Sjukfrånvaro är hälsouppgifter: för en grupp med 10 anställda eller färre visar hrdash inga "
            "sjukfrånvarosiffror för nämnden eller allmänheten, bara för HR. Det gäller också siffrorna i den här "
            "filen.") in text
    assert "• Spara filen som Excel-arbetsbok (.xlsx) och ladda upp den på sidan Ladda upp i hrdash." in text


def test_the_instructions_say_the_privacy_line_that_holds_and_each_kinds_own_rules(org):
    def text(kind, **options):
        content = templates.build(kind, period_of(kind), units.placed_in(org, NOVEMBER), **options)
        sheet = load_workbook(io.BytesIO(content)).worksheets[1]
        return [row[0] for row in sheet.iter_rows(values_only=True) if row[0]]

    assert any("för en grupp med 15 anställda eller färre" in line for line in text(SICK_LEAVE, health_limit=15))
    assert any("färre än 5 svar på en fråga" in line for line in text(PULSE))
    assert any("färre än 5 avgångssamtal på 12 månader" in line for line in text(EXIT_REASONS))
    measures = text(MEASURES)
    assert "• startmånad (måste fyllas i): en månad, t.ex. mars 2026 eller 2026-03." in measures
    assert "• status (frivillig): välj i listan: planerad, pågår, genomförd eller avbruten." in measures
    assert "Så skriver du siffrorna" not in measures
    split = text(SICK_LEAVE, split=("kön",))
    assert split[1] == "Mall för sjukfrånvaro per kön, november 2026."
    assert "• kön (måste fyllas i): välj i listan: kvinna eller man." in split


def test_an_instruction_sheet_of_ones_own_is_still_pointed_out(org):
    """Only the template's own instructions are passed over in silence: a sheet of text HR adds is named."""
    workbook = load_workbook(io.BytesIO(fill(template(org, RECRUITMENT), RECRUITMENT)[0]))
    workbook.create_sheet("Anteckningar").append(["Siffrorna från Eva"])
    out = io.BytesIO()
    workbook.save(out)
    assert read(org, out.getvalue(), "mall.xlsx").notices == [
        "Bladet 'Anteckningar' har ingen rubrikrad med kända kolumner och lästes inte in."]


def test_file_names():
    assert templates.file_name(SICK_LEAVE, NOVEMBER) == "mall_sjukfranvaro_2026-11.xlsx"
    assert templates.file_name(PULSE, T3) == "mall_puls_2026-T3.xlsx"
    assert templates.file_name(kind_by_name("avgångsorsaker"), NOVEMBER) == "mall_avgangsorsaker_2026-11.xlsx"
    assert templates.file_name(MEASURES, None) == "mall_atgarder.xlsx"


@pytest.fixture
def db_path(empty_database, tmp_path, monkeypatch):
    path = tmp_path / "hr.duckdb"
    con = database.connect(path)
    load(con, csv_bytes(CODED_ORGANISATION), "organisation.csv")
    roles.assign(con, "grupp", "HR-avdelningen", "hr", "test")
    con.close()
    monkeypatch.setenv("HRDASH_DB", str(path))
    return path


def test_hr_downloads_a_template_on_ladda_upp(db_path, downloads):
    at = open_app("pages/ladda_upp.py", secrets=AUTH,
                  user={"is_logged_in": True, "email": "anna@kommun.se", "groups": ["HR-avdelningen"]})
    assert at.title[0].value == "Ladda upp"
    month = at.selectbox(key="mall_manad").value  # last month, as the typing form opens on
    assert month == months.shift(dt.date.today().replace(day=1), -1)
    name = f"mall_sjukfranvaro_{month:%Y-%m}.xlsx"
    [button] = at.get("download_button")
    assert button.proto.label == "Ladda ner mallen"
    assert name in downloads
    caption = next(c.value for c in at.caption if c.value.startswith("mall"))
    assert caption.replace("\\", "") == (
        f"{name}: 8 enheter som är öppna i organisationen {swedish.month_name(month)}, med namn, kod och period "
        "ifyllda, kolumnnamnen som importen läser och kontroller av varje kolumn. Fyll i, spara och ladda upp filen "
        "här ovanför.")
    con = database.connect(db_path)
    parsed = read(con, fill(downloads[name], SICK_LEAVE)[0], name)
    con.close()
    assert parsed.ok and parsed.notices == []

    at.selectbox(key="mall_typ").set_value(PULSE).run()
    tertial = at.selectbox(key="mall_tertial").value  # the tertial of today
    assert tertial.year == dt.date.today().year and 0 <= tertial.month - dt.date.today().month < 4
    assert not at.exception
    assert f"mall_puls_{tertial.year}-T{tertial.month // 4}.xlsx" in downloads
    at.selectbox(key="mall_typ").set_value(MEASURES).run()
    assert not at.get("selectbox") or "mall_manad" not in [s.key for s in at.selectbox]
    assert "mall_atgarder.xlsx" in downloads
    assert at.get("download_button")[0].proto.label == "Ladda ner mallen"


def test_the_tertials_offered_are_this_one_and_those_before_each_as_its_last_month():
    assert template_tertials(dt.date(2026, 12, 4)) == [dt.date(2026, 12, 1), dt.date(2026, 8, 1), dt.date(2026, 4, 1),
                                                       dt.date(2025, 12, 1), dt.date(2025, 8, 1), dt.date(2025, 4, 1)]
    assert template_tertials(dt.date(2026, 5, 1), count=2) == [dt.date(2026, 8, 1), dt.date(2026, 4, 1)]


def test_without_an_organisation_the_page_says_where_the_units_come_from(empty_database, tmp_path, monkeypatch):
    path = tmp_path / "hr.duckdb"
    new_database(empty_database, path).close()
    monkeypatch.setenv("HRDASH_DB", str(path))
    at = open_app("pages/ladda_upp.py")  # no sign-in configured: the demo user is HR
    month = at.selectbox(key="mall_manad").value
    assert (f"Organisationen har inga enheter som är öppna {swedish.month_name(month)}: ladda upp en "
            "organisationsfil först, eller skriv in enheterna i mallen.") in [c.value for c in at.caption]
    assert at.get("download_button")[0].proto.label == "Ladda ner mallen"
