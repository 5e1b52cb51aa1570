"""The privacy walk through every export and download: Ledningsstöd (7 people; its October 2026 corrected
to 13,4 % sick leave, 8,6 % short) walked as each role of tests/conftest.py WALKERS through the monthly
report's PDF, Excel and PowerPoint, Årsredovisning's Excel, Min del, Medarbetarnas röst and the command
line. Its sick leave shows only to its own chefs, only on Min del; its pulse answers of T2 2026 (4 to two
questions) to nobody. A unit that moves (HR och ekonomi, 10 people, to Vuxen in July 2026) is its new
chef's only from that month. (The pages' sick-leave views: tests/test_own_part.py.)"""

from __future__ import annotations

import csv
import io
import subprocess
import sys

import openpyxl
import pytest
from conftest import OWN_CHEFS, WALKERS
from pptx import Presentation
from test_access import REFUSED
from test_own_part import as_user

SICK, SHORT = "13,4\xa0%", "8,6\xa0%"  # Ledningsstöd's October 2026 as its own chefs see it
SICK_EXACT, SHORT_EXACT = 100 * 153.6 / 1144, 100 * 98.4 / 1144
# The report's sheets of sick-leave figures (hrdash/catalogue.py: the health figures).
SICK_SHEETS = ("Sjukfrånvaro", "Korttidssjukfrånvaro", "Andel långa sjukfall", "Upprepad korttidsfrånvaro",
               "Frisknärvaro", "Sjuklönekostnad")
HIDDEN_QUESTIONS = ("Kan göra ett gott arbete", "Rekommenderar arbetsplatsen")  # 4 answers each in T2 2026


def pdf_lines(content: bytes) -> list[str]:
    from pypdf import PdfReader

    return [line for page in PdfReader(io.BytesIO(content)).pages for line in page.extract_text().splitlines()]


def workbook_rows(content: bytes) -> list[tuple[str, tuple]]:
    """Every row of every sheet: (sheet title, the row's cell values)."""
    workbook = openpyxl.load_workbook(io.BytesIO(content))
    return [(sheet.title, row) for sheet in workbook for row in sheet.iter_rows(values_only=True)]


def slide_texts(content: bytes) -> list[str]:
    """The text of every shape, table cell and speaker note of every slide."""
    texts = []
    for slide in Presentation(io.BytesIO(content)).slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                texts.append(shape.text_frame.text)
            if shape.has_table:
                texts += [cell.text for row in shape.table.rows for cell in row.cells]
        if slide.has_notes_slide:
            texts.append(slide.notes_slide.notes_text_frame.text)
    return texts


def made_on_the_report_page(walker: str, downloads: dict, grupp: str) -> dict[str, bytes]:
    """The report of a group for October 2026 as the walker makes it on Månadsrapport: PDF, Excel, PowerPoint."""
    at = as_user(*WALKERS[walker], page="pages/rapport.py", grupp=grupp, manad="oktober 2026")
    assert not [e.value for e in at.error if e.value == REFUSED]
    for suffix in ("pdf", "xlsx", "pptx"):
        at.button(key=f"skapa_{suffix}").click().run()
        assert not at.exception
    return {suffix: content for name, content in downloads.items() for suffix in ("pdf", "xlsx", "pptx")
            if name.startswith("hr-nyckeltal_2026-10_") and name.endswith(suffix)}


@pytest.mark.parametrize("walker", WALKERS)
def test_the_report_files_never_show_the_small_units_sick_leave_or_few_answers(walk_db, downloads, walker):
    files = made_on_the_report_page(walker, downloads, "Stab – avdelning")
    assert set(files) == {"pdf", "xlsx", "pptx"}

    lines = pdf_lines(files["pdf"])
    text = "\n".join(lines)
    ledning = [line for line in lines if line.startswith("Ledningsstöd ")]
    assert "Ledningsstöd –* –* –* –*" in ledning  # sick leave, short, long spells, 12 months
    assert "Ledningsstöd 60,0\xa0% –* –* 72,2\xa0%" in ledning  # 5 answers shown; gott arbete, rekommendera hidden
    assert "HR och ekonomi 66,7\xa0% –* –* 70,4\xa0%" in lines  # hidden beside it, so it cannot be worked out
    assert "13,4" not in text and SHORT not in text
    assert "Rehabiliteringsmöten varje månad" in " ".join(text.split())  # its measure is listed

    rows = workbook_rows(files["xlsx"])
    header = next(row for sheet, row in rows if sheet == "Gott arbete, instämmer" and row[1] == "Namn")
    august = header.index("augusti 2026")
    for sheet, row in rows:
        assert not any(isinstance(v, str) and "13,4" in v for v in row), (sheet, row)
        assert not any(isinstance(v, float) and abs(v - x) < 1e-6 for v in row for x in (SICK_EXACT, SHORT_EXACT))
        if len(row) > 2 and row[1] in ("Ledningsstöd", "HR och ekonomi"):
            if sheet.startswith(SICK_SHEETS):
                assert set(row[2:]) <= {"–", None}, (sheet, row)
            if sheet.startswith(HIDDEN_QUESTIONS):
                assert row[august] == "–", (sheet, row)
    measures = [row for sheet, row in rows if sheet == "Åtgärder och resultat" and row[0] == "Ledningsstöd"]
    said = {row[5]: row[6:9] + (row[10],) for row in measures}  # indicator: before, after, change, verdict
    assert said == {
        "Sjukfrånvaro": (None, None, None, "Visas inte: 10 personer eller färre"),
        "Korttidssjukfrånvaro (dag 1–14)": (None, None, None, "Visas inte: 10 personer eller färre"),
        "Bra arbetssituation, andel som instämmer": (40, 60, 20, "Ingen säker skillnad mot mätningen före starten"),
        "Kan göra ett gott arbete, andel som instämmer": (None, None, None, "Visas inte: färre än 5 svar"),
        "Rekommenderar arbetsplatsen, andel som instämmer": (None, None, None, "Visas inte: färre än 5 svar")}

    slides = slide_texts(files["pptx"])
    assert slides and not any("13,4" in t or SHORT in t for t in slides)
    assert not any("Ledningsstöd" in t and ("50,0" in t or "100,0" in t) for t in slides)


def shown_on(at) -> list[str]:
    """Every text a page shows: its headings, paragraphs, captions, figures and the cells of its tables."""
    texts = [e.value for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning")
             for e in getattr(at, kind)]
    texts += [f"{m.label} {m.value}" for m in at.metric]
    texts += [str(v) for t in [*at.table, *at.dataframe] for v in t.value.astype(str).to_numpy().ravel()]
    return texts


@pytest.mark.parametrize("walker", WALKERS)
def test_presentation_mode_shows_no_slide_with_the_small_units_sick_leave(walk_db, walker):
    at = as_user(*WALKERS[walker], page="pages/presentation.py", grupp="Stab – avdelning", manad="oktober 2026")
    seen, slides = shown_on(at), 1
    while not at.button(key="framåt").disabled:
        at.button(key="framåt").click().run()
        assert not at.exception
        seen += shown_on(at)
        slides += 1
    assert slides > 5 and "Ledningsstöd" in " ".join(seen)  # the measures slide names it
    assert not [t for t in seen if "13,4" in t or SHORT in t]
    assert not [t for t in seen if "Ledningsstöd" in t and ("50,0" in t or "100,0" in t)]


@pytest.mark.parametrize("walker", WALKERS)
def test_the_annual_report_workbook_names_no_unit_and_hides_stabs_few_men(walk_db, downloads, walker):
    at = as_user(*WALKERS[walker], page="pages/arsredovisning.py")
    assert at.selectbox(key="ar").value == 2025
    rows = workbook_rows(downloads["arsredovisning_2025.xlsx"])
    assert not any("Ledningsstöd" in str(v) or "HR och ekonomi" in str(v) for _, row in rows for v in row)
    stab = {row[1]: row[2:4] for _, row in rows if row[0] == "Stab"}
    assert stab["Sjukfrånvaro män"] == ("–", "–")  # 2 men in Stab
    assert stab["Total sjukfrånvaro"][0] == pytest.approx(2.470193, abs=1e-5)  # 17 people: shown


@pytest.mark.parametrize("walker", WALKERS)
def test_min_del_shows_the_small_unit_only_to_its_own_chefs_and_no_answers_at_all(walk_db, walker):
    at = as_user(*WALKERS[walker], page="pages/min_del.py")
    if walker not in OWN_CHEFS and walker != "chef för Vuxen":
        assert [e.value for e in at.error] == [REFUSED]
        return
    table = at.dataframe[0].value.set_index("Enhet")
    if walker == "chef för Vuxen":
        assert "Ledningsstöd" not in table.index
        return
    assert table.loc["Ledningsstöd", "okt 2026"] == SICK
    assert at.segmented_control(key="min_del_nyckeltal").options == [
        "Sjukfrånvaro", "Korttidssjukfrånvaro (dag 1–14)", "Andel långa sjukfall (60 dagar eller mer)",
        "Sjukfrånvaro, 12 månader", "Upprepad korttidsfrånvaro"]  # no pulse question, no exit reason
    at.segmented_control(key="min_del_nyckeltal").set_value("short_sick_leave_pct").run()
    assert at.dataframe[0].value.set_index("Enhet").loc["Ledningsstöd", "okt 2026"] == SHORT


@pytest.mark.parametrize("walker", WALKERS)
def test_the_voice_page_hides_few_answers_from_everyone_even_in_the_tertial_cycle(walk_db, walker):
    at = as_user(*WALKERS[walker], page="pages/medarbetarnas_rost.py", grupp="Stab – avdelning",
                 manad="oktober 2026")
    per_unit = next(t.value for t in at.table if "Svarsfrekvens" in t.value.columns).set_index("Enhet")
    for question in HIDDEN_QUESTIONS:
        assert per_unit.loc["Ledningsstöd", question].startswith("–"), per_unit.loc["Ledningsstöd"]
        assert per_unit.loc["HR och ekonomi", question].startswith("–")
    assert per_unit.loc["Ledningsstöd", "Bra arbetssituation"] == "60,0\xa0% (5 svar)"
    # December 2025: T3 2025 is followed up, and what the answers say since the plan compares T1 2025 with the
    # latest tertial, T2 2026, whose answers to two of the questions are too few to show.
    at = as_user(*WALKERS[walker], page="pages/medarbetarnas_rost.py", grupp="Stab – avdelning",
                 manad="december 2025")
    cycle = next(t.value for t in at.table if "Vad svaren säger sedan planen" in t.value.columns).set_index("Enhet")
    said = cycle.loc["Ledningsstöd", "Vad svaren säger sedan planen"]
    assert said == ("bra arbetssituation: ingen säker skillnad mot mätningen före starten; "
                    "kan göra ett gott arbete: visas inte: färre än 5 svar; rekommenderar arbetsplatsen: visas inte: färre "
                    "än 5 svar"), said


def run_cli(db, *args) -> list[dict]:
    done = subprocess.run([sys.executable, "-m", "hrdash.cli", *args, "--db", str(db)], capture_output=True,
                          text=True, check=True)
    return list(csv.DictReader(io.StringIO(done.stdout)))


def test_the_command_line_prints_no_hidden_figure_without_unsuppressed(walk_db, tmp_path):
    sick = ("sick_leave_pct", "short_sick_leave_pct", "sick_leave_12m_pct", "repeated_short_absence_pct",
            "healthy_presence_pct", "sick_pay_cost_sek")
    few = ("pulse_good_work_agree_pct", "pulse_good_work_answers", "pulse_recommend_agree_pct",
           "pulse_recommend_answers")

    def ledning(rows, month):
        return {r["indicator"]: r["value"] for r in rows if r["unit"] == "Ledningsstöd" and r["month"] == month}

    printed = run_cli(walk_db, "indicators", "--unit", "Ledningsstöd")
    assert all(ledning(printed, "2026-10")[i] == "" for i in sick)
    assert all(ledning(printed, "2026-08")[i] == "" for i in few)
    assert ledning(printed, "2026-08")["pulse_work_situation_agree_pct"] == "60.000000"  # 5 answers
    shown = run_cli(walk_db, "indicators", "--unit", "Ledningsstöd", "--unsuppressed")  # what it would leak
    assert float(ledning(shown, "2026-10")["sick_leave_pct"]) == pytest.approx(SICK_EXACT, abs=1e-5)

    signals = [r for r in run_cli(walk_db, "signals", "--unit", "Ledningsstöd") if r["month"] == "2026-10"]
    assert signals and all(r["value"] == "" for r in signals if r["indicator"] in sick)
    compared = [r for r in run_cli(walk_db, "compare", "--month", "2026-10") if r["unit"] == "Ledningsstöd"]
    assert compared and all(r["value"] == r["verdict"] == "" for r in compared if r["indicator"] in sick)
    compared = [r for r in run_cli(walk_db, "compare", "--month", "2026-08") if r["unit"] == "Ledningsstöd"]
    assert all(r["value"] == "" for r in compared if r["indicator"] in few)
    effects = [r for r in run_cli(walk_db, "effects") if r["unit"] == "Ledningsstöd"]
    assert {r["indicator"] for r in effects} == {"sick_leave_pct", "short_sick_leave_pct", *(
        f"pulse_{q}_agree_pct" for q in ("work_situation", "good_work", "recommend"))}
    for row in effects:
        if row["indicator"] != "pulse_work_situation_agree_pct":
            assert row["before"] == row["after"] == row["verdict"] == "", row

    out = tmp_path / "stab.xlsx"
    subprocess.run([sys.executable, "-m", "hrdash.cli", "report", "--month", "2026-10", "--unit", "Stab", "--out",
                    str(out), "--db", str(walk_db)], check=True, capture_output=True)
    rows = workbook_rows(out.read_bytes())
    assert [row[2:] for sheet, row in rows if sheet == "Sjukfrånvaro" and row[1] == "Ledningsstöd"] == [("–",) * 13]


def test_a_unit_that_moves_is_each_chefs_in_the_months_it_is_in_her_part(moved_db):
    """HR och ekonomi (10 people: hidden from the committee) moved from Stab to Vuxen in July 2026. Its sick
    leave by the demo's files: 0,5 % in June, 6,1 % in July, 9,8 % in October (165,6 of 1 689,6 hours).
    Vuxen's chef sees it from July, Stab's chef until June; to a reader it stays hidden in Vuxen."""
    at = as_user(*WALKERS["chef för Vuxen"], page="pages/min_del.py")
    table = at.dataframe[0].value.set_index("Enhet")
    assert list(table.loc["HR och ekonomi", ["okt 2026", "jul 2026", "jun 2026"]]) == ["9,8\xa0%", "6,1\xa0%", ""]
    at = as_user(*WALKERS["chef för Stab"], page="pages/min_del.py")
    table = at.dataframe[0].value.set_index("Enhet")
    assert list(table.index) == ["Stab", "Ledningsstöd", "HR och ekonomi"]  # where it is now, then what was hers
    assert list(table.loc["HR och ekonomi", ["okt 2026", "jul 2026", "jun 2026"]]) == ["", "", "0,5\xa0%"]
    for walker in ("läsare", "HR för Vuxen", "chef för Vuxen"):
        at = as_user(*WALKERS[walker], page="pages/sjukfranvaro.py", grupp="Vuxen – avdelning", manad="oktober 2026")
        compared = next(t.value for t in at.table if "Enhet" in t.value.columns).set_index("Enhet")
        assert compared.loc["HR och ekonomi", "Sjukfrånvaro, 12 månader"] == "–"
        assert not any("9,8" in str(v) for v in compared.loc["HR och ekonomi"])


def test_no_hidden_sick_pay_cost_can_be_worked_out_from_its_parent_and_siblings(moved_db):
    # After the move Stab holds only Ledningsstöd (7 people: hidden), Vuxen holds HR och ekonomi (10: hidden).
    rows = [r for r in run_cli(moved_db, "indicators", "--from", "2026-10", "--to", "2026-10")
            if r["indicator"] == "sick_pay_cost_sek"]
    cost = {(r["level"], r["unit"]): r["value"] for r in rows}
    assert cost["avdelning", "Stab"] == cost["enhet", "HR och ekonomi"] == ""
    assert cost["förvaltning", "Socialförvaltningen"] != "" and cost["avdelning", "Vuxen"] != ""
    # Kronor add up: the förvaltning less three shown avdelningar would be Stab's. So one more is hidden
    # beside it (the smallest), and in Vuxen one more unit beside HR och ekonomi.
    avdelningar = [u for (level, u), v in cost.items() if level == "avdelning" and v == ""]
    assert len(avdelningar) == 2 and "Stab" in avdelningar
    vuxen = ("Arbetsmarknadsinsatser", "Boendestöd", "Missbruk och beroende", "Mottagning vuxen", "Socialpsykiatri",
             "HR och ekonomi")
    vuxen_hidden = [u for (level, u), v in cost.items() if level == "enhet" and u in vuxen and v == ""]
    assert len(vuxen_hidden) == 2 and "HR och ekonomi" in vuxen_hidden
