"""Measures (`åtgärder`, domain.md Part 3) as files: imported with their group resolved as the figures
identify it, refused with a Swedish message per offending cell, batched, replaced by a later import
of the same measure and brought back by undo, without touching a single figure."""

import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import (CODED_ORGANISATION, ORGANISATION, SICK_HEADER, csv_bytes, figures, load, read, refused,
                      xlsx_bytes)

from hrdash.figures.measures import measures
from hrdash.ingest.columns import MEASURES
from hrdash.store import batches, preview

HRDASH = shutil.which("hrdash", path=str(Path(os.sys.executable).parent)) or "hrdash"
HEADER = ["enhet", "startmånad", "åtgärd", "område", "ansvarig", "status", "uppföljning", "beskrivning"]
GOOD = [
    HEADER,
    ["Mottagningen", "2026-03", "Friskvårdstimme", "Sjukfrånvaro", "Anna Ek", "pågår", "september 2026",
     "En timme i veckan"],
    ["Barn och unga", "mars 2026", "Mentorskap för nyanställda", "personalomsättning", "", "Planerad", "", ""],
    ["Socialförvaltningen", "202601", "Lönesatsning", "REKRYTERINGSBEHOV", "", "", "", ""],
    ["Utredning", "2026-02-01", "Ärendegenomgång", "Arbetsbelastning", "Bo", "Genomförd", "2026-06", ""],
]


def run(*args, db):
    return subprocess.run([HRDASH, *args, "--db", str(db)], capture_output=True, text=True,
                          env={**os.environ, "HRDASH_USER": "anna.hr"})


def held(con) -> list[tuple]:
    """Every measure that holds: group, start, title, topic, responsible, status, follow-up, description, batch."""
    return sorted((m.level, m.group_id, m.group_name, f"{m.start:%Y-%m}", m.title, m.topic, m.responsible, m.status,
                   m.follow_up and f"{m.follow_up:%Y-%m}", m.description, m.batch_id) for m in measures(con))


@pytest.fixture
def org(con):
    load(con, csv_bytes(ORGANISATION), "org.csv")
    load(con, csv_bytes([SICK_HEADER, ["Mottagningen", "2026-03", 12, 1900, 95, 40, 0],
                         ["Utredning", "2026-03", 20, 3200, 160, 60, 40]]), "sjuk.csv")
    return con


def test_a_csv_of_measures_is_imported_by_the_cli_with_each_group_resolved(tmp_path):
    db = tmp_path / "hr.duckdb"
    (tmp_path / "org.csv").write_bytes(csv_bytes(ORGANISATION))
    (tmp_path / "åtgärder.csv").write_bytes(csv_bytes(GOOD))
    result = run("import", str(tmp_path / "org.csv"), str(tmp_path / "åtgärder.csv"), db=db)
    assert result.returncode == 0, result.stderr
    assert "åtgärder.csv: importerad som import nr 2 (åtgärder, 4 rader)." in result.stdout
    assert result.stderr == ""
    from hrdash.store import database

    con = database.connect(db)
    assert held(con) == [
        ("avdelning", "Socialförvaltningen / Barn och unga", "Barn och unga", "2026-03", "Mentorskap för nyanställda",
         "turnover", None, "planned", None, None, 2),
        ("enhet", "namn:mottagningen", "Mottagningen", "2026-03", "Friskvårdstimme", "sick_leave", "Anna Ek",
         "ongoing", "2026-09", "En timme i veckan", 2),
        ("enhet", "namn:utredning", "Utredning", "2026-02", "Ärendegenomgång", "workload", "Bo", "done", "2026-06",
         None, 2),
        ("förvaltning", "Socialförvaltningen", "Socialförvaltningen", "2026-01", "Lönesatsning", "recruitment", None,
         None, None, None, 2),
    ]
    assert [m.title for m in measures(con)] == ["Mentorskap för nyanställda", "Friskvårdstimme", "Ärendegenomgång",
                                                "Lönesatsning"]  # the newest start first, then by group
    saved = measures(con)[1]
    assert (saved.saved_by, saved.status_label, saved.topic_title) == ("anna.hr", "Pågår", "Sjukfrånvaro")
    assert batches.get_batch(con, 2).kind_names == "åtgärder"


def test_a_bad_csv_is_refused_with_a_message_per_offending_cell_and_nothing_is_imported(tmp_path):
    db = tmp_path / "hr.duckdb"
    (tmp_path / "org.csv").write_bytes(csv_bytes(ORGANISATION))
    assert run("import", str(tmp_path / "org.csv"), db=db).returncode == 0
    (tmp_path / "fel.csv").write_bytes(csv_bytes([
        HEADER,
        ["Mottagning", "2026-03", "Friskvård", "sjukfrånvaro", "", "", "", ""],
        ["Barn och unga", "mars 2026", "Mentorskap", "Lön", "", "klar", "", ""],
        ["Vuxenheten", "2026-03", "Handledning", "vakanser", "", "startad", "2026-01", ""],
        ["Socialförvaltningen", "2026-14", "Lönesatsning", "rekryteringsbehov", "", "", "", ""],
        ["Barn och unga", "2026-03", "mentorskap ", "personalomsättning", "", "", "", ""],
        ["Hela kommunen", "2026-03", "Chefsdagar", "Medarbetarnas röst", "", "", "", ""],
        ["Utredning", "2026-05", "", "arbetsbelastning", "", "", "", ""],
    ]))
    result = run("import", str(tmp_path / "fel.csv"), db=db)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "fel.csv: filen importerades inte. 9 fel att rätta:",
        "  Rad 2, kolumn A ('enhet'): Värdet 'Mottagning' är ingen enhet, avdelning eller förvaltning i "
        "organisationen. Menade du 'Mottagningen' (enhet)? Rätta namnet i filen.",
        "  Rad 3, kolumn D ('område'): Värdet 'Lön' är inget av de områden som en åtgärd kan gälla: sjukfrånvaro, "
        "personalomsättning, vakanser, rekryteringsbehov, arbetsbelastning, medarbetarnas röst. Skriv ett av dem.",
        "  Rad 4, kolumn A ('enhet'): Värdet 'Vuxenheten' är ingen enhet, avdelning eller förvaltning i "
        "organisationen. Skriv namnet som det står i organisationen (sidan Data, fliken Organisation).",
        "  Rad 4, kolumn F ('status'): Värdet 'startad' är ingen av de statusar som en åtgärd kan ha: planerad, "
        "pågår, genomförd, avbruten. Skriv en av dem.",
        "  Rad 4, kolumn G ('uppföljning'): Uppföljningen (januari 2026) ligger före startmånaden (mars 2026). "
        "Rätta någon av dem.",
        "  Rad 5, kolumn B ('startmånad'): Värdet '2026-14' har månad 14, som inte finns. Månaden ska vara 1–12.",
        "  Rad 6: Åtgärden 'mentorskap' för 'Barn och unga' med start mars 2026 finns redan på rad 3. En fil får "
        "bara ha en rad per enhet, startmånad och åtgärd. Ta bort eller slå ihop raderna.",
        "  Rad 7, kolumn A ('enhet'): Värdet 'Hela kommunen' går inte att använda: organisationen har bara en "
        "förvaltning och ingen nivå för hela kommunen. Skriv förvaltningens namn, 'Socialförvaltningen'.",
        "  Rad 8, kolumn C ('åtgärd'): Cellen är tom men 'åtgärd' måste fyllas i.",
    ]
    listed = run("batches", db=db).stdout.splitlines()
    assert len(listed) == 1 and "organisation" in listed[0]


def test_a_file_lacking_a_column_of_measures_is_refused_naming_it(tmp_path):
    db = tmp_path / "hr.duckdb"
    (tmp_path / "saknas.csv").write_bytes(csv_bytes([["enhet", "startmånad", "område"],
                                                     ["Mottagningen", "2026-03", "sjukfrånvaro"]]))
    result = run("import", str(tmp_path / "saknas.csv"), "--kind", "åtgärder", db=db)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "saknas.csv: filen importerades inte. 1 fel att rätta:",
        "  Rad 1: Kolumnen 'åtgärd' saknas, och den behövs för åtgärder. Lägg till en kolumn med något av namnen "
        "'åtgärd', 'Åtgärd', 'Rubrik', 'Insats'.",
    ]


def test_an_xlsx_with_title_rows_merged_group_cells_and_a_footer_is_read(org):
    """The contract's other names for the columns, Excel dates, a blank group under a measure (merged
    cells), an empty row and a footer."""
    content = xlsx_bytes({"Instruktioner": [["Fyll i en rad per åtgärd."]], "Åtgärder 2026": [
        ["Handlingsplan 2026"],
        [],
        ["Avdelning", "Start", "Rubrik", "Nyckeltal", "Ansvarig", "Status", "Följs upp", "Beskrivning"],
        ["Vuxen", dt.datetime(2026, 2, 1), "Handledning i grupp", "Vakanser", "Eva", "pågående", dt.datetime(2026, 8, 1),
         "Varannan vecka"],
        [None, "april 2026", "Introduktionsprogram", "Rekryteringsbehov", "Eva", "planerat", None, None],
        [],
        ["Beroende", "2026-03", "Friskvårdsbidrag", "sjukfrånvaro", None, "Avbruten", None, None],
        ["Utskriven 2026-03-31"],
    ]})
    parsed = read(org, content, "handlingsplan.xlsx")
    assert parsed.ok, [str(p) for p in parsed.problems]
    assert parsed.notices == [
        "Bladet 'Instruktioner' har ingen rubrikrad med kända kolumner och lästes inte in.",
        "Bladet 'Åtgärder 2026': rad 8 ('Utskriven 2026-03-31') har ingen åtgärd och importerades inte (rubrik-, fot- "
        "eller tomma rader).",
        "Bladet 'Åtgärder 2026': enheten var tom på rad 5, som har en åtgärd; raderna fick enheten från raden "
        "ovanför (som i sammanslagna celler eller en pivottabell).",
    ]
    batches.import_file(org, parsed, "test")
    assert held(org) == [
        ("avdelning", "Socialförvaltningen / Vuxen", "Vuxen", "2026-02", "Handledning i grupp", "vacancies", "Eva",
         "ongoing", "2026-08", "Varannan vecka", 3),
        ("avdelning", "Socialförvaltningen / Vuxen", "Vuxen", "2026-04", "Introduktionsprogram", "recruitment", "Eva",
         "planned", None, None, 3),
        ("enhet", "namn:beroende", "Beroende", "2026-03", "Friskvårdsbidrag", "sick_leave", None, "cancelled", None,
         None, 3),
    ]


def test_import_undo_and_import_again_round_trip(tmp_path):
    db = tmp_path / "hr.duckdb"
    (tmp_path / "org.csv").write_bytes(csv_bytes(ORGANISATION))
    (tmp_path / "åtgärder.csv").write_bytes(csv_bytes(GOOD))
    assert run("import", str(tmp_path / "org.csv"), str(tmp_path / "åtgärder.csv"), db=db).returncode == 0
    again = run("import", str(tmp_path / "åtgärder.csv"), db=db)
    assert again.returncode == 1
    assert again.stderr.splitlines()[1].startswith("  Filen 'åtgärder.csv' är redan importerad, oförändrad, som "
                                                   "import nr 2 (")
    assert run("undo", "2", db=db).returncode == 0
    from hrdash.store import database

    con = database.connect(db)
    assert measures(con) == []
    con.close()
    result = run("import", str(tmp_path / "åtgärder.csv"), db=db)
    assert result.returncode == 0, result.stderr
    assert "åtgärder.csv: importerad som import nr 3 (åtgärder, 4 rader)." in result.stdout
    con = database.connect(db)
    assert [m.batch_id for m in measures(con)] == [3, 3, 3, 3]


def test_the_same_measure_imported_again_replaces_it_and_undo_brings_it_back(org):
    load(org, csv_bytes(GOOD), "åtgärder.csv")
    # The same group, start month and title (in other case) with a new status and follow-up: it wins.
    later = load(org, csv_bytes([HEADER, ["mottagningen", "mars 2026", "FRISKVÅRDSTIMME", "sjukfrånvaro", "Anna Ek",
                                          "genomförd", "2026-10", "Klar i oktober"]]), "uppdatering.csv")
    now = {m.title: m for m in measures(org)}
    assert len(now) == 4
    assert (now["FRISKVÅRDSTIMME"].status, f"{now['FRISKVÅRDSTIMME'].follow_up:%Y-%m}",
            now["FRISKVÅRDSTIMME"].description, now["FRISKVÅRDSTIMME"].batch_id) == ("done", "2026-10",
                                                                                    "Klar i oktober", later.batch_id)
    # The first file no longer holds entirely, so it may be imported again, and wins again.
    assert batches.find_same_file(org, read(org, csv_bytes(GOOD), "åtgärder.csv").sha256) is None
    batches.undo(org, later.batch_id, "test")
    back = {m.title: m for m in measures(org)}
    assert (back["Friskvårdstimme"].status, back["Friskvårdstimme"].description) == ("ongoing", "En timme i veckan")


def test_measures_leave_every_figure_and_the_stored_indicators_untouched(org):
    before = figures(org)
    snapshot = org.execute("SELECT * FROM group_month_snapshot ORDER BY ALL").fetchall()
    batch = load(org, csv_bytes(GOOD), "åtgärder.csv")
    assert figures(org) == before
    assert org.execute("SELECT * FROM group_month_snapshot ORDER BY ALL").fetchall() == snapshot
    batches.undo(org, batch.batch_id, "test")
    assert figures(org) == before
    assert org.execute("SELECT * FROM group_month_snapshot ORDER BY ALL").fetchall() == snapshot


def test_a_measure_names_a_unit_by_code_or_as_a_file_brought_it_in(con):
    load(con, csv_bytes(CODED_ORGANISATION), "org.csv")
    load(con, csv_bytes([SICK_HEADER, ["Nattpatrullen", "2026-03", 12, 1900, 95, 40, 0]]), "sjuk.csv")
    load(con, csv_bytes([HEADER, ["4711 Familjebehandling", "2026-03", "Handledning", "sjukfrånvaro", "", "", "", ""],
                         ["Familjebehandling", "2026-04", "Friskvård", "sjukfrånvaro", "", "", "", ""],
                         ["Nattpatrullen", "2026-03", "Schemaöversyn", "sjukfrånvaro", "", "", "", ""],
                         ["IFO", "2026-03", "Chefsstöd", "personalomsättning", "", "", "", ""]]), "åtgärder.csv")
    assert [(m.level, m.group_id, m.group_name, m.title) for m in measures(con)] == [
        ("enhet", "kod:4711", "Familjebehandling", "Friskvård"),
        ("enhet", "kod:4711", "Familjebehandling", "Handledning"),
        ("avdelning", "Socialförvaltningen / IFO", "IFO", "Chefsstöd"),
        ("enhet", "namn:nattpatrullen", "Nattpatrullen", "Schemaöversyn"),
    ]


KOMMUN = [["enhet", "avdelning", "förvaltning"], ["Mottagningen", "IFO", "Socialförvaltningen"],
          ["Hemtjänst Norr", "Hemtjänst", "Omsorgsförvaltningen"], ["Bistånd", "IFO", "Omsorgsförvaltningen"]]


def test_with_several_forvaltningar_the_kommun_is_a_group_and_a_shared_avdelning_needs_its_forvaltning(con):
    load(con, csv_bytes(KOMMUN), "org.csv")
    load(con, csv_bytes([HEADER, ["Hela kommunen", "2026-03", "Heltid som norm", "Personalomsättning", "", "", "",
                                  ""],
                         ["IFO (Omsorgsförvaltningen)", "2026-03", "Handledning", "arbetsbelastning", "", "", "", ""],
                         ["Omsorgsförvaltningen", "2026-03", "Friskvård", "sjukfrånvaro", "", "", "", ""]]), "a.csv")
    assert [(m.level, m.group_id, m.group_name) for m in measures(con)] == [
        ("kommun", "kommun", "Hela kommunen"),
        ("avdelning", "Omsorgsförvaltningen / IFO", "IFO (Omsorgsförvaltningen)"),
        ("förvaltning", "Omsorgsförvaltningen", "Omsorgsförvaltningen"),
    ]
    assert refused(con, csv_bytes([HEADER, ["IFO", "2026-04", "Chefsstöd", "sjukfrånvaro", "", "", "", ""],
                                   ["Hela förvaltningen", "2026-04", "Chefsstöd", "sjukfrånvaro", "", "", "", ""]])) == [
        "Rad 2, kolumn A ('enhet'): Värdet 'IFO' är en avdelning i flera förvaltningar (Omsorgsförvaltningen och "
        "Socialförvaltningen). Skriv avdelningen med sin förvaltning, t.ex. 'IFO (Omsorgsförvaltningen)'.",
        "Rad 3, kolumn A ('enhet'): Värdet 'Hela förvaltningen' säger inte vilken förvaltning som avses: "
        "organisationen har flera (Omsorgsförvaltningen, Socialförvaltningen). Skriv förvaltningens namn.",
    ]


def test_without_an_organisation_a_measure_is_refused_saying_what_to_do(con):
    assert refused(con, csv_bytes(GOOD[:2])) == [
        "Rad 2, kolumn A ('enhet'): Värdet 'Mottagningen' är ingen enhet, avdelning eller förvaltning: ingen "
        "organisation är inläst ännu. Importera en organisationsfil först."]


def test_a_workbook_with_the_organisation_and_measures_imports_as_one_batch(con):
    content = xlsx_bytes({"Organisation": ORGANISATION, "Åtgärder": GOOD})
    batch = load(con, content, "plan.xlsx")
    assert (batch.kind_names, batch.row_count) == ("organisation, åtgärder", 8)
    assert len(measures(con)) == 4


def test_the_preview_says_which_measures_are_new_and_which_replace_one(org):
    load(org, csv_bytes(GOOD), "åtgärder.csv")
    parsed = read(org, csv_bytes([HEADER, ["Mottagningen", "2026-03", "Friskvårdstimme", "Sjukfrånvaro", "Anna Ek",
                                           "genomförd", "2026-09", "En timme i veckan"],
                                  ["Utredning", "2026-02", "Ärendegenomgång", "Arbetsbelastning", "Bo", "Genomförd",
                                   "2026-06", ""],
                                  ["Vuxen", "2026-05", "Handledning", "vakanser", "", "", "", ""]]))
    table = preview.preview(org, parsed).changes[MEASURES.id]
    assert table.to_dict("records") == [
        {"Gäller": "Mottagningen", "Startmånad": "mars 2026", "Åtgärd": "Friskvårdstimme", "Ändring": "Ersätter",
         "Område": "Sjukfrånvaro", "Ansvarig": "Anna Ek", "Status": "Pågår → Genomförd", "Uppföljning": "september 2026",
         "Beskrivning": "En timme i veckan"},
        {"Gäller": "Utredning", "Startmånad": "februari 2026", "Åtgärd": "Ärendegenomgång", "Ändring": "Oförändrad",
         "Område": "Arbetsbelastning", "Ansvarig": "Bo", "Status": "Genomförd", "Uppföljning": "juni 2026",
         "Beskrivning": "–"},
        {"Gäller": "Vuxen", "Startmånad": "maj 2026", "Åtgärd": "Handledning", "Ändring": "Ny", "Område": "Vakanser",
         "Ansvarig": "–", "Status": "–", "Uppföljning": "–", "Beskrivning": "–"},
    ]
    assert len(measures(org)) == 4  # the preview stored nothing


def test_a_backup_keeps_the_measures(org, tmp_path):
    from hrdash.store import backup, database

    load(org, csv_bytes(GOOD), "åtgärder.csv")
    backup.export(org, tmp_path / "kopia")
    backup.restore(tmp_path / "kopia", tmp_path / "återställd.duckdb")
    restored = database.connect(tmp_path / "återställd.duckdb")
    assert held(restored) == held(org)


def test_two_group_columns_and_a_long_title_are_refused(org):
    assert refused(org, csv_bytes([["Enhet", "Avdelning", "Startmånad", "Åtgärd", "Område"],
                                   ["Mottagningen", "Barn och unga", "2026-03", "Friskvård", "sjukfrånvaro"]])) == [
        "Rad 1: Kolumnerna A ('Enhet') och B ('Avdelning') betyder båda 'enhet'. Ta bort eller byt namn på en av dem."]
    assert refused(org, csv_bytes([HEADER, ["Mottagningen", "2026-03", "x" * 151, "sjukfrånvaro", "", "", "", ""]])) == [
        "Rad 2, kolumn C ('åtgärd'): Rubriken har 151 tecken. Skriv en kort rubrik, högst 150 tecken, och resten under "
        "beskrivning."]


def test_a_semicolon_in_a_description_neither_changes_the_separator_nor_is_dropped_unseen(org):
    # HR's hand-made CSV: one description holds the separator and is not quoted.
    lines = [";".join(HEADER),
             "Mottagningen;2026-03;Friskvårdstimme;sjukfrånvaro;Anna Ek;pågår;2026-09;En timme i veckan",
             "Utredning;2026-02;Ärendegenomgång;arbetsbelastning;Bo;pågår;2026-06;Varje vecka; med handledning",
             "Barn och unga;2026-03;Mentorskap, för nyanställda;personalomsättning;;planerad;;"]
    found = read(org, ("\n".join(lines) + "\n").encode(), "åtgärder.csv")
    assert not found.problems
    assert sorted(found.parts[0].frame["title"]) == ["Friskvårdstimme", "Mentorskap, för nyanställda",
                                                     "Ärendegenomgång"]
    assert found.notices == ["Rad 3, kolumn I har ett värde utan kolumnnamn ('med handledning'), som inte "
                             "importeras. Ge kolumnen ett namn, eller sätt citattecken kring text som innehåller "
                             "avgränsaren."]


def test_a_file_of_measures_with_no_header_names_the_columns_it_needs_and_what_it_saw(org):
    problems = refused(org, csv_bytes([["Vad", "När"], ["Friskvård", "mars 2026"]]), "plan.csv", kind=MEASURES)
    assert problems == ["Hittade ingen rubrikrad med kolumner för åtgärder. Filen ska ha en rad med kolumnnamnen "
                        "enhet, startmånad, åtgärd, område. Första raden med text: 'Vad', 'När'. Se sidan Om siffrorna "
                        "för alla kolumnnamn."]
