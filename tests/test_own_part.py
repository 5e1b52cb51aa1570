"""A manager (the role chef) and her own part: the page Min del shows her units' sick leave even
for groups of 10 or fewer, and nobody else's; she reports her units' caseload on a form, read
as a file is and imported in her name; elsewhere she reads as läsare does."""

import datetime as dt

import pandas as pd
import pytest
from conftest import OWN_CHEFS, ROOT, STAB, VUXEN, WALKERS, csv_bytes, open_app, read
from test_access import AUTH, REFUSED

from hrdash import swedish
from hrdash.figures import indicators, own_part
from hrdash.figures.groups import groups as all_groups
from hrdash.catalogue import QUESTIONS
from hrdash.ingest import entry
from hrdash.ingest.columns import CASELOAD, PULSE, VACANCIES
from hrdash.store import audit, batches, database, roles, units

NOVEMBER = dt.date(2026, 11, 1)


def as_user(email, groups=(), page=None, **params):
    return open_app(page, secrets=AUTH, user={"is_logged_in": True, "email": email, "groups": list(groups)}, **params)


def by_hand_sick_leave(unit: str) -> str:
    """October 2026's sick leave of a unit, from the demo file: sick hours over ordinary hours."""
    rows = pd.read_csv(ROOT / "data" / "demo" / "sjukfranvaro_2026-10.csv", sep=";", encoding="cp1252",
                       decimal=",", thousands=" ")
    rows = rows[rows["Enhetsnamn"] == unit]
    return swedish.percent(100 * rows["Sjukfrånvarotid"].sum() / rows["Ordinarie arbetstid"].sum())


def test_a_manager_sees_her_small_units_sick_leave_the_committee_does_not(roles_db):
    at = as_user("lasare@kommun.se", grupp="Ledningsstöd – enhet i Stab", manad="oktober 2026")
    assert {m.label: m.value for m in at.metric}["Sjukfrånvaro"] == "–"  # 7 people: hidden from the committee
    at = as_user("chef.stab@kommun.se", page="pages/min_del.py")
    assert at.title[0].value == "Min del"
    table = at.dataframe[0].value.set_index("Enhet")
    assert list(table.index) == ["Stab", "HR och ekonomi", "Ledningsstöd"]
    assert list(table.columns)[:2] == ["okt 2026", "sep 2026"]
    assert table.loc["Ledningsstöd", "okt 2026"] == by_hand_sick_leave("Ledningsstöd")
    assert table.loc["HR och ekonomi", "okt 2026"] == by_hand_sick_leave("HR och ekonomi")


def test_elsewhere_the_manager_reads_as_the_committee_does(roles_db):
    at = as_user("chef.stab@kommun.se", grupp="Ledningsstöd – enhet i Stab", manad="oktober 2026")
    assert {m.label: m.value for m in at.metric}["Sjukfrånvaro"] == "–"
    assert not [t for t in at.toggle if t.key == "visa_dolda"]
    assert "Inloggad: chef\\.stab@kommun\\.se · Chef (enhets- eller avdelningschef)" in [
        c.value for c in at.sidebar.caption]


def test_the_manager_opens_on_her_own_part_and_only_she_has_min_del(roles_db):
    at = as_user("kim@kommun.se", ("Chefer Vuxen",))
    assert at.sidebar.selectbox(key="grupp").value == "Vuxen – avdelning"
    at = as_user("lasare@kommun.se")
    at.switch_page("pages/min_del.py").run()
    assert [e.value for e in at.error] == [REFUSED]


def test_a_unit_counts_as_hers_only_from_the_month_it_came_under_her(roles_db):
    # Arbetsmarknadsinsatser moved from Ekonomiskt bistånd to Vuxen in July 2025.
    con = database.connect(roles_db)
    mine = own_part.own_groups(all_groups(con), (VUXEN,))
    assert [g.name for g in mine] == ["Vuxen", "Arbetsmarknadsinsatser", "Boendestöd", "Missbruk och beroende",
                                      "Mottagning vuxen", "Socialpsykiatri"]
    table, notes = own_part.sick_leave(con, mine, (VUXEN,), "sick_leave_pct", dt.date(2025, 10, 1))
    table = table.set_index("Enhet")
    assert notes == []  # every month complete
    assert table.loc["Arbetsmarknadsinsatser", "jun 2025"] == ""
    assert table.loc["Arbetsmarknadsinsatser", "jul 2025"].endswith("\xa0%")
    assert table.loc["Boendestöd", "jun 2025"].endswith("\xa0%")
    assert own_part.sick_leave(con, mine, (VUXEN,), "pulse_workload_pct", dt.date(2025, 10, 1))[0].empty  # no answers
    con.close()


def caseload_grid(con, chef_scopes, **typed) -> pd.DataFrame:
    """The grid of Min del as the manager left it: `typed` maps a unit to its four figures as typed."""
    units = own_part.reporting_units(con, own_part.own_groups(all_groups(con), chef_scopes), CASELOAD)
    return pd.DataFrame([{"Enhet": g.name, "unit_id": g.group_id,
                          **dict(zip(entry.CASELOAD_GRID.figures, typed.get(g.name, ("", "", "", ""))))} for g in units])


def test_the_manager_reports_her_units_caseload_as_a_file_is_read(roles_db):
    con = database.connect(roles_db)
    grid = caseload_grid(con, (VUXEN,), **{"Mottagning vuxen": ("80", "7,5", "", "")})
    assert list(grid["Enhet"]) == ["Missbruk och beroende", "Mottagning vuxen"]  # the units that handle cases
    parsed = entry.read_caseload(grid, NOVEMBER, "kim@kommun.se", units.known(con))
    batch = batches.import_file(con, parsed, "kim@kommun.se", action="Chefens rapport", scopes=(VUXEN,))
    assert (batch.row_count, batch.imported_by) == (1, "kim@kommun.se")
    value = indicators.fetch(con, levels=("enhet",), indicator_ids=("caseload_per_worker",), first=NOVEMBER)
    assert value.set_index("group_name")["value"]["Mottagning vuxen"] == pytest.approx(80 / 7.5)
    assert batches.undo(con, batch.batch_id, "hr", scopes=(VUXEN,)).undone_by == "hr"  # HR of the part undoes it
    con.close()


def test_a_half_filled_row_is_refused_naming_the_unit_and_column(roles_db):
    con = database.connect(roles_db)
    grid = caseload_grid(con, (VUXEN,), **{"Missbruk och beroende": ("80", "", "", ""),
                                           "Mottagning vuxen": ("-3", "4", "", "")})
    parsed = entry.read_caseload(grid, NOVEMBER, "kim@kommun.se", units.known(con))
    assert not parsed.ok
    said = [entry.grid_problem(entry.CASELOAD_GRID, p, entry.row_names(entry.CASELOAD_GRID, grid))
            for p in parsed.problems]
    assert said == ["Missbruk och beroende, Handläggare: Cellen är tom men 'handläggare' måste fyllas i. "
                    "Skriv 0 om det inte finns något att rapportera.",
                    "Mottagning vuxen, Aktuella: Värdet '-3' är negativt. Ange 0 eller ett större tal."]
    assert entry.read_caseload(caseload_grid(con, (VUXEN,)), NOVEMBER, "kim", units.known(con)) is None
    con.close()


def test_the_page_offers_the_units_that_report_caseload(roles_db):
    at = as_user("kim@kommun.se", ("Chefer Vuxen",), page="pages/min_del.py")
    assert at.selectbox(key="min_del_månad").value == dt.date(2026, 10, 1)
    assert at.selectbox(key="min_del_månad").options[0] == "november 2026"
    at.button(key="min_del_ärenden_202610_skicka").click().run()
    assert [w.value for w in at.warning] == ["Fyll i siffrorna för minst en enhet."]


def test_an_incomplete_month_is_marked_not_shown_as_the_avdelnings_figure(roles_db):
    con = database.connect(roles_db)
    header = ["Enhetsnamn", "Månad", "Anställda", "Ordinarie arbetstid", "Sjukfrånvarotid", "Kort sjukfrånvaro (tim)",
              "Långtidssjukfrånvaro (tim)"]
    batches.import_file(con, read(con, csv_bytes([header, ["Mottagning vuxen", "november 2026", 12, 1900, 120, 40,
                                                             30]]), "nov.csv"), "hr")
    mine = own_part.own_groups(all_groups(con), (VUXEN,))
    table, notes = own_part.sick_leave(con, mine, (VUXEN,), "sick_leave_pct", NOVEMBER)
    table = table.set_index("Enhet")
    assert table.loc["Vuxen", "nov 2026"] == "6,3\xa0%*"  # 120 of 1 900 hours, one unit only
    assert table.loc["Mottagning vuxen", "nov 2026"] == "6,3\xa0%"
    assert table.loc["Boendestöd", "nov 2026"] == "–"
    assert notes == ["Vuxen, nov 2026: 1 av 5 enheter har rapporterat."]
    con.close()


def pulse_grid(con, chef_scopes, typed) -> pd.DataFrame:
    """Min del's pulse grid as the manager left it: `typed` maps (unit, question's short name) to
    its four figures as typed (tillfrågade, svar, instämmer, medelvärde)."""
    units = own_part.reporting_units(con, own_part.own_groups(all_groups(con), chef_scopes), PULSE)
    return pd.DataFrame([{"Enhet": g.name, "unit_id": g.group_id, "Fråga": q.short,
                          **dict(zip(entry.PULSE_GRID.figures, typed.get((g.name, q.short), ("", "", "", ""))))}
                         for g in units for q in QUESTIONS])


DECEMBER = dt.date(2026, 12, 1)


def test_the_manager_reports_her_units_pulse_answers_for_a_tertial(roles_db):
    con = database.connect(roles_db)
    grid = pulse_grid(con, (VUXEN,), {("Boendestöd", q.short): ("12", "10", str(i + 5), "3,9" if i else "")
                                      for i, q in enumerate(QUESTIONS)})
    assert list(dict.fromkeys(grid["Enhet"])) == ["Arbetsmarknadsinsatser", "Boendestöd", "Missbruk och beroende",
                                                  "Mottagning vuxen", "Socialpsykiatri"]
    parsed = entry.read_pulse(grid, DECEMBER, "kim@kommun.se", units.known(con))
    assert parsed.ok, parsed.problems
    batch = batches.import_file(con, parsed, "kim@kommun.se", action="Chefens rapport", scopes=(VUXEN,))
    assert (batch.row_count, batch.imported_by) == (3, "kim@kommun.se")
    found = indicators.fetch(con, levels=("enhet",), first=DECEMBER, last=DECEMBER,
                             indicator_ids=("pulse_work_situation_agree_pct", "pulse_recommend_agree_pct"))
    found = found[found["group_name"] == "Boendestöd"].set_index("indicator")["value"]
    assert found["pulse_work_situation_agree_pct"] == pytest.approx(50.0)  # 5 of 10 agreed
    assert found["pulse_recommend_agree_pct"] == pytest.approx(70.0)  # 7 of 10
    con.close()


def test_a_pulse_row_that_does_not_add_up_is_refused_naming_the_unit_question_and_column(roles_db):
    con = database.connect(roles_db)
    grid = pulse_grid(con, (VUXEN,), {("Socialpsykiatri", "Bra arbetssituation"): ("8", "6", "7", "")})
    parsed = entry.read_pulse(grid, DECEMBER, "kim@kommun.se", units.known(con))
    assert not parsed.ok
    said = [entry.grid_problem(entry.PULSE_GRID, p, entry.row_names(entry.PULSE_GRID, grid)) for p in parsed.problems]
    assert said == ["Socialpsykiatri, Bra arbetssituation, Instämmer, Svar: Instämmer är 7, mer än Svar som är 6. "
                    "De som instämmer är några av dem som svarat och kan inte vara fler."]
    con.close()


def test_the_page_offers_the_current_tertial_and_thanks_the_manager(roles_db):
    at = as_user("kim@kommun.se", ("Chefer Vuxen",), page="pages/min_del.py")
    assert at.tabs[2].label == "Rapportera pulsfrågor"
    assert at.selectbox(key="min_del_tertial").options == [
        "T3 2026 (september–december 2026)", "T2 2026 (maj–augusti 2026)", "T1 2026 (januari–april 2026)"]
    assert at.selectbox(key="min_del_puls_enhet").options[:2] == ["Arbetsmarknadsinsatser", "Boendestöd"]
    next(b for b in at.button if b.key.startswith("min_del_puls_202612_")).click().run()
    assert "Fyll i siffrorna för minst en enhet." in [w.value for w in at.warning]


@pytest.mark.parametrize("walker", WALKERS)
def test_every_sick_leave_view_hides_a_unit_of_seven_from_every_role_but_its_own_manager_on_min_del(roles_db, walker):
    """Ledningsstöd (7 people) walked as a reader, as the chef of its avdelning and of the unit itself, as HR
    of its own and of another avdelning and as another avdelning's chef: hidden on Översikt, on Sjukfrånvaro
    and in its avdelning's comparison; only its own chefs see it, and only on Min del. (Its exports and
    downloads: tests/test_privacy_exports.py.)"""
    email, groups = WALKERS[walker]
    figure = by_hand_sick_leave("Ledningsstöd")
    at = as_user(email, groups, grupp="Ledningsstöd – enhet i Stab", manad="oktober 2026")
    assert {m.label: m.value for m in at.metric}["Sjukfrånvaro"] == "–"
    assert not [t for t in at.toggle if t.key == "visa_dolda"]
    at = as_user(email, groups, page="pages/sjukfranvaro.py", grupp="Ledningsstöd – enhet i Stab",
                 manad="oktober 2026")
    assert [i.value for i in at.info] == ["Siffrorna för Ledningsstöd visas inte: 10 personer eller färre. Det är "
                                          "integritetsskyddet (se Om siffrorna), inte en uppgift som saknas."]
    assert not at.get("plotly_chart")  # no chart, no comparison: the page stops there
    at = as_user(email, groups, page="pages/sjukfranvaro.py", grupp="Stab – avdelning", manad="oktober 2026")
    compared = next(t.value for t in at.table if "Enhet" in t.value.columns).set_index("Enhet")
    assert compared.loc["Ledningsstöd", "Jämfört med förvaltningen"].startswith("Visas inte")
    assert compared.loc["Ledningsstöd", "Sjukfrånvaro, 12 månader"] == "–"
    at = as_user(email, groups, page="pages/min_del.py")
    if walker in OWN_CHEFS:
        assert at.dataframe[0].value.set_index("Enhet").loc["Ledningsstöd", "okt 2026"] == figure
    elif walker == "chef för Vuxen":
        assert "Ledningsstöd" not in list(at.dataframe[0].value["Enhet"])
    else:
        assert [e.value for e in at.error] == [REFUSED]


def test_hr_opens_vacancies_for_managers_who_then_report_them_on_min_del(roles_db):
    con = database.connect(roles_db)
    roles.assign(con, "e-post", "hr.alla@kommun.se", "hr", "admin")  # HR of the whole organisation
    con.close()
    at = as_user("chef.stab@kommun.se", page="pages/min_del.py")
    assert [t.label for t in at.tabs] == ["Sjukfrånvaro i dina enheter", "Rapportera ärenden",
                                          "Rapportera pulsfrågor"]  # what is open from the start
    assert at.markdown[0].value.endswith("Här ser du sjukfrånvaron i dina enheter och rapporterar ärenden och "
                                         "pulsfrågor.")

    hr = as_user("hr.vuxen@kommun.se", page="pages/data.py")  # HR of a part sees it, cannot change it
    assert "chefer_rapporterar_vacancies" not in [c.key for c in hr.checkbox]
    hr = as_user("hr.alla@kommun.se", page="pages/data.py")
    hr.checkbox(key="chefer_rapporterar_vacancies").check()
    hr.checkbox(key="chefer_rapporterar_pulse").uncheck()
    next(b for b in hr.button if b.label == "Spara" and "chefers_rapporter" in b.form_id).click().run()
    assert not hr.exception

    at = as_user("chef.stab@kommun.se", page="pages/min_del.py")
    assert [t.label for t in at.tabs] == ["Sjukfrånvaro i dina enheter", "Rapportera ärenden",
                                          "Rapportera vakanser"]
    con = database.connect(roles_db)
    assert {"Pulsfrågor: stängd för chefer", "Vakanser: öppnad för chefer"} <= set(audit.entries(con)["detail"])
    reporting = own_part.reporting_units(con, own_part.own_groups(all_groups(con), (STAB,)), VACANCIES)
    grid = pd.DataFrame([{"Enhet": g.name, "unit_id": g.group_id, "Budgeterade": "", "Besatta": "",
                          "Konsulter": "", "Konsultkostnad": ""} for g in reporting])
    grid.loc[grid["Enhet"] == "Ledningsstöd", ["Budgeterade", "Besatta"]] = ["8", "6,5"]
    parsed = entry.read_month("vacancies", grid, NOVEMBER, "chef.stab@kommun.se", units.known(con))
    assert parsed.ok, parsed.problems
    batch = batches.import_file(con, parsed, "chef.stab@kommun.se", action="Chefens rapport", scopes=(STAB,))
    value = indicators.fetch(con, levels=("enhet",), indicator_ids=("vacancy_rate_pct",), first=NOVEMBER)
    assert value.set_index("group_name")["value"]["Ledningsstöd"] == pytest.approx(100 * 1.5 / 8)  # 1,5 of 8
    assert batch.imported_by == "chef.stab@kommun.se"
    con.close()
