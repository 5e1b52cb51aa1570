"""Batches: latest wins per unit-month, undo brings back what was replaced, the same file is
not stored twice, and an import killed half-way leaves the database as it was."""

import os
import signal
import subprocess
import sys
import textwrap

import pytest
from conftest import ORGANISATION, SICK_HEADER, csv_bytes, figures, load

from hrdash.errors import UserError
from hrdash.ingest.parse import parse_file
from hrdash.store import batches, database

MARCH = "2025-03"


def sick_file(*rows):
    return csv_bytes([SICK_HEADER, *rows])


def test_latest_import_wins_for_a_unit_month(con):
    load(con, sick_file(["A", MARCH, 12, 1000, 50, 0, 0], ["B", MARCH, 12, 1000, 80, 0, 0]), "första.csv")
    load(con, sick_file(["A", MARCH, 12, 1000, 100, 0, 0]), "rättelse.csv")
    values = figures(con)
    assert values["enhet", "A", MARCH, "sick_leave_pct"] == pytest.approx(10.0)  # replaced
    assert values["enhet", "B", MARCH, "sick_leave_pct"] == pytest.approx(8.0)  # untouched


def test_undo_brings_back_what_the_batch_replaced(con):
    load(con, sick_file(["A", MARCH, 12, 1000, 50, 0, 0]), "första.csv")
    second = load(con, sick_file(["A", MARCH, 12, 1000, 100, 0, 0], ["A", "2025-04", 12, 1000, 20, 0, 0]), "andra.csv")
    batches.undo(con, second.batch_id, "hr")
    values = figures(con)
    assert values["enhet", "A", MARCH, "sick_leave_pct"] == pytest.approx(5.0)
    assert ("enhet", "A", "2025-04", "sick_leave_pct") not in values
    undone = batches.get_batch(con, second.batch_id)
    assert undone.undone_by == "hr" and undone.undone_at is not None
    # Nothing is deleted: the undone rows are still stored.
    assert con.execute("SELECT count(*) FROM sick_leave_rows WHERE batch_id = ?", [second.batch_id]).fetchone() == (2,)
    with pytest.raises(UserError, match="redan ångrad"):
        batches.undo(con, second.batch_id, "hr")


def test_undoing_an_older_batch_keeps_the_newer_figures(con):
    first = load(con, sick_file(["A", MARCH, 12, 1000, 50, 0, 0]), "första.csv")
    load(con, sick_file(["A", MARCH, 12, 1000, 100, 0, 0]), "andra.csv")
    batches.undo(con, first.batch_id, "hr")
    assert figures(con)["enhet", "A", MARCH, "sick_leave_pct"] == pytest.approx(10.0)


def test_the_identical_file_is_recognised_and_not_stored_twice(con):
    content = sick_file(["A", MARCH, 12, 1000, 50, 0, 0])
    first = load(con, content, "mars.csv")
    with pytest.raises(UserError) as refused:
        batches.import_file(con, parse_file(content, "mars_kopia.csv"), "hr")
    assert f"är redan importerad, oförändrad, som import nr {first.batch_id}" in str(refused.value)
    assert len(batches.list_batches(con)) == 1
    # Once undone, the same file may be imported again.
    batches.undo(con, first.batch_id, "hr")
    again = load(con, content, "mars.csv")
    assert again.batch_id != first.batch_id


def test_a_batch_records_file_checksum_user_and_time(con):
    batch = load(con, sick_file(["A", MARCH, 12, 1000, 50, 0, 0], ["B", MARCH, 12, 1000, 50, 0, 0]), "mars.csv",
                 user="anna.hr")
    assert (batch.kind, batch.file_name, batch.row_count, batch.imported_by) == ("sick_leave", "mars.csv", 2, "anna.hr")
    assert len(batch.sha256) == 64
    assert batch.kind_names == "sjukfrånvaro"


def test_reorganisation_moves_a_unit_from_its_month_and_undo_moves_it_back(con):
    load(con, csv_bytes(ORGANISATION), "org.csv")
    load(con, sick_file(["Liten", "2025-02", 12, 1000, 50, 0, 0], ["Liten", MARCH, 12, 1000, 50, 0, 0]), "s.csv")
    move = load(con, csv_bytes([["enhet", "avdelning", "förvaltning", "månad"],
                                ["Liten", "Barn och unga", "Socialförvaltningen", MARCH]]), "omorg.csv")
    values = figures(con)
    assert ("avdelning", "Vuxen", "2025-02", "sick_leave_pct") in values
    assert values["avdelning", "Vuxen", "2025-02", "sick_leave_pct"] == pytest.approx(5.0)
    assert values["avdelning", "Barn och unga", MARCH, "sick_leave_pct"] == pytest.approx(5.0)
    assert values["avdelning", "Vuxen", MARCH, "sick_leave_pct"] is None
    batches.undo(con, move.batch_id, "hr")
    assert figures(con)["avdelning", "Vuxen", MARCH, "sick_leave_pct"] == pytest.approx(5.0)


def test_a_unit_the_organisation_does_not_know_is_placed_under_ej_placerad(con):
    load(con, csv_bytes(ORGANISATION), "org.csv")
    load(con, sick_file(["Mottagningen", MARCH, 12, 1000, 50, 0, 0], ["Nystartad", MARCH, 12, 1000, 150, 0, 0]))
    values = figures(con)
    assert values["avdelning", "Ej placerad", MARCH, "sick_leave_pct"] == pytest.approx(15.0)
    assert values["förvaltning", "Socialförvaltningen", MARCH, "sick_leave_pct"] == pytest.approx(10.0)


def test_the_unit_code_wins_over_the_name(con):
    load(con, csv_bytes([["enhetskod", "enhet", "avdelning", "förvaltning"],
                         ["101", "Mottagning", "Barn och unga", "Soc"],
                         ["201", "Mottagning", "Vuxen", "Soc"]]), "org.csv")
    load(con, csv_bytes([["kod", *SICK_HEADER],
                         ["201", "Mottagning vuxna", MARCH, 12, 1000, 100, 0, 0],
                         ["101", "Mottagning", MARCH, 12, 1000, 50, 0, 0]]))
    values = figures(con)
    assert values["avdelning", "Vuxen", MARCH, "sick_leave_pct"] == pytest.approx(10.0)
    assert values["avdelning", "Barn och unga", MARCH, "sick_leave_pct"] == pytest.approx(5.0)


KILLED_IMPORT = textwrap.dedent(
    """
    import sys, time
    from hrdash.ingest.parse import parse_file
    from hrdash.store import batches, database

    def pause_inside_the_transaction(cur, batch_id, kinds):
        print("rows written", flush=True)
        time.sleep(120)

    batches._rows_meaning_the_same_unit = pause_inside_the_transaction
    con = database.connect(sys.argv[1])
    rows = ["enhet;månad;anställda;ordinarie_timmar;sjuktimmar;sjuktimmar_dag_1_14;sjuktimmar_60_dagar"]
    rows += [f"Enhet {i};2025-03;12;1000;50;0;0" for i in range(5000)]
    batches.import_file(con, parse_file("\\n".join(rows).encode(), "stor.csv"), "hr")
    """
)


def test_an_import_killed_half_way_leaves_the_database_as_it_was(tmp_path):
    path = tmp_path / "hr.duckdb"
    con = database.connect(path)
    load(con, sick_file(["A", MARCH, 12, 1000, 50, 0, 0]), "före.csv")
    before = figures(con)
    con.close()

    child = subprocess.Popen([sys.executable, "-c", KILLED_IMPORT, str(path)], stdout=subprocess.PIPE, text=True,
                             env={**os.environ, "PYTHONPATH": os.getcwd()})
    assert child.stdout.readline().strip() == "rows written"
    child.send_signal(signal.SIGKILL)
    child.wait()

    con = database.connect(path)
    assert figures(con) == before
    assert [b.file_name for b in batches.list_batches(con)] == ["före.csv"]
    assert con.execute("SELECT count(*) FROM sick_leave_rows").fetchone() == (1,)
    load(con, sick_file(["A", MARCH, 12, 1000, 70, 0, 0]), "efter.csv")  # and it still works
    assert figures(con)["enhet", "A", MARCH, "sick_leave_pct"] == pytest.approx(7.0)
    con.close()


def test_a_file_replaced_by_a_later_one_can_be_imported_again_and_wins(con):
    first = sick_file(["A", MARCH, 12, 1000, 50, 0, 0])
    load(con, first, "rätt.csv")
    load(con, sick_file(["A", MARCH, 12, 1000, 90, 0, 0]), "fel.csv")
    assert figures(con)["enhet", "A", MARCH, "sick_leave_pct"] == pytest.approx(9.0)
    load(con, first, "rätt.csv")
    assert figures(con)["enhet", "A", MARCH, "sick_leave_pct"] == pytest.approx(5.0)


def test_a_closed_unit_is_no_longer_expected(con):
    load(con, csv_bytes(ORGANISATION), "org.csv")
    load(con, csv_bytes([["enhet", "avdelning", "förvaltning", "månad"],
                         ["Liten", "Nedlagd", "Socialförvaltningen", "2025-03"]]), "nedlagd.csv")
    rows = [["Mottagningen", m, 10, 1000, 50, 0, 0] for m in ("2025-02", "2025-03")]
    rows += [["Beroende", m, 12, 1000, 100, 0, 0] for m in ("2025-02", "2025-03")]
    rows += [["Utredning", m, 20, 2000, 100, 0, 0] for m in ("2025-02", "2025-03")]
    load(con, sick_file(*rows, ["Liten", "2025-02", 6, 1000, 100, 0, 0]))
    from hrdash.figures import indicators

    frame = indicators.fetch(con, unsuppressed=True, levels=("förvaltning",), indicator_ids=("sick_leave_pct",))
    coverage = {f"{r.month:%Y-%m}": (r.units_reported, r.units) for r in frame.itertuples()}
    assert coverage == {"2025-02": (4, 4), "2025-03": (3, 3)}


def test_two_units_with_one_name_are_told_apart_by_their_codes(con):
    load(con, csv_bytes([["enhetskod", "enhet", "avdelning", "förvaltning"],
                         ["2001", "Ledning och administration", "Vuxen", "Soc"],
                         ["2002", "Ledning och administration", "Barn", "Soc"]]), "org.csv")
    load(con, csv_bytes([["kod", *SICK_HEADER], ["2001", "Ledning och administration", MARCH, 12, 1000, 50, 0, 0],
                         ["2002", "Ledning och administration", MARCH, 12, 1000, 80, 0, 0]]))
    values = figures(con)
    assert values["enhet", "Ledning och administration (2001)", MARCH, "sick_leave_pct"] == pytest.approx(5.0)
    assert values["enhet", "Ledning och administration (2002)", MARCH, "sick_leave_pct"] == pytest.approx(8.0)


def test_a_later_file_in_other_case_does_not_respell_a_unit_but_a_rename_does(con):
    load(con, csv_bytes([["enhet", "avdelning", "förvaltning"], ["Hemtjänst Söder", "Äldre", "Soc"]]), "org.csv")
    load(con, csv_bytes([["enhet", "avdelning", "förvaltning", "månad"], ["  hemtjänst   SÖDER", "Vård", "Soc",
                                                                           "2025-03"]]), "omorg.csv")
    load(con, sick_file(["Hemtjänst Söder", MARCH, 12, 1000, 50, 0, 0]))
    assert ("enhet", "Hemtjänst Söder", MARCH, "sick_leave_pct") in figures(con)
    load(con, csv_bytes([["enhetskod", "enhet", "avdelning", "förvaltning"], ["7", "Ny enhet", "Vård", "Soc"]]))
    load(con, csv_bytes([["enhetskod", "enhet", "avdelning", "förvaltning"], ["7", "Omdöpt enhet", "Vård", "Soc"]]))
    load(con, csv_bytes([["kod", *SICK_HEADER], ["7", "Ny enhet", MARCH, 12, 1000, 50, 0, 0]]), "kod.csv")
    assert ("enhet", "Omdöpt enhet", MARCH, "sick_leave_pct") in figures(con)
