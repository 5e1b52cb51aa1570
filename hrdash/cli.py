"""The `hrdash` command: import files, print indicators, load the demo data, list and undo batches."""

from __future__ import annotations

import argparse
import getpass
import os
import shutil
import sys
import tempfile
from pathlib import Path

import duckdb

from hrdash.errors import UserError
from hrdash.figures import indicators
from hrdash.ingest.columns import kind_by_name
from hrdash.ingest.values import parse_month
from hrdash.store import database

MAX_PRINTED_PROBLEMS = 200
# The indicators `hrdash compare` compares (hrdash/figures/compare.py, which loads scipy: not imported here).
COMPARED = ("sick_leave_12m_pct", "sick_leave_pct", "short_sick_leave_pct", "vacancy_rate_pct",
            "pulse_work_situation_agree_pct", "pulse_good_work_agree_pct", "pulse_recommend_agree_pct",
            "turnover_12m_pct")


def _user() -> str:
    return os.environ.get("HRDASH_USER") or getpass.getuser()


def _month_argument(text: str):
    try:
        return parse_month(text)
    except UserError as error:
        raise argparse.ArgumentTypeError(f"'{text}' {error}") from None


def _kind_argument(text: str):
    try:
        return kind_by_name(text)
    except UserError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _list_argument(text: str) -> list[str]:
    items = [t.strip() for t in text.split(",") if t.strip()]
    if not items:
        raise argparse.ArgumentTypeError("ange minst ett värde, kommaseparerat")
    return items


def _years_argument(text: str) -> list[int]:
    try:
        return [int(y) for y in _list_argument(text)]
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' är inga år: skriv dem som 2024,2025") from None


class _SwedishParser(argparse.ArgumentParser):
    def error(self, message: str) -> None:
        self.print_usage(sys.stderr)
        self.exit(2, f"hrdash: fel: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _SwedishParser(prog="hrdash", description="HR-nyckeltal för socialförvaltningen.")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_SwedishParser)

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text)
        sub.add_argument("--db", type=Path, help="databasfil (standard: data/hr.duckdb eller HRDASH_DB)")
        return sub

    imp = command("import", "Importera filer (Excel eller CSV).")
    imp.add_argument("files", nargs="+", type=Path, metavar="FILE")
    imp.add_argument("--kind", type=_kind_argument, help="filtyp, om den inte ska kännas igen på rubrikerna")
    imp.add_argument("--new-units", dest="new_units", action="store_true",
                     help="enheter som organisationen inte känner till är nya enheter, även när namnet liknar en "
                          "känd enhet (de räknas under 'Ej placerad' tills en organisationsfil placerar dem)")

    ind = command("indicators", "Skriv ut alla nyckeltal i långt format.")
    ind.add_argument("--unit", help="bara denna enhet, avdelning eller förvaltning")
    ind.add_argument("--from", dest="first", type=_month_argument, help="första månad, ÅÅÅÅ-MM")
    ind.add_argument("--to", dest="last", type=_month_argument, help="sista månad, ÅÅÅÅ-MM")
    ind.add_argument("--format", choices=("csv", "json"), default="csv")
    ind.add_argument("--unsuppressed", action="store_true", help="visa även dolda uppgifter (sjukfrånvaro för små grupper, pulssvar från få)")

    sig = command("signals", "Skriv ut styrdiagrammens mittlinje, gränser och signaler för varje grupp och nyckeltal.")
    sig.add_argument("--unit", help="bara denna enhet, avdelning eller förvaltning")
    sig.add_argument("--baseline-from", dest="baseline_from", type=_month_argument,
                     help="baslinjen börjar med den här månaden, ÅÅÅÅ-MM (standard: seriens första, eller där HR "
                          "startat om den)")
    sig.add_argument("--format", choices=("csv", "json"), default="csv")
    sig.add_argument("--unsuppressed", action="store_true", help="visa även dolda uppgifter")

    cmp_ = command("compare", "Jämför enheter, avdelningar och förvaltningar med helheten: gränser för vad slumpen "
                              "ger en grupp av den storleken (trattdiagram).")
    cmp_.add_argument("--month", required=True, type=_month_argument, help="månaden, ÅÅÅÅ-MM")
    cmp_.add_argument("--indicator", choices=COMPARED, help="bara detta nyckeltal")
    cmp_.add_argument("--format", choices=("csv", "json"), default="csv")
    cmp_.add_argument("--unsuppressed", action="store_true", help="visa även dolda uppgifter")

    mis = command("missing", "Skriv ut enheterna som inte har rapporterat för en månad (och tertialen som slutar i "
                             "den), med chefens e-postadress.")
    mis.add_argument("--month", required=True, type=_month_argument, help="månaden, ÅÅÅÅ-MM")
    mis.add_argument("--format", choices=("csv", "json"), default="csv")

    eff = command("effects", "Skriv ut för varje åtgärd och nyckeltal: före, efter och om det blivit bättre.")
    eff.add_argument("--format", choices=("csv", "json"), default="csv")
    eff.add_argument("--unsuppressed", action="store_true", help="visa även dolda uppgifter")

    rep = command("report", "Skriv månadsrapporten som PDF, Excel eller PowerPoint.")
    rep.add_argument("--month", required=True, type=_month_argument, help="rapportens månad, ÅÅÅÅ-MM")
    rep.add_argument("--unit", help="förvaltning, avdelning eller enhet (standard: hela förvaltningen)")
    rep.add_argument("--out", required=True, type=Path, help="filen att skriva: .pdf, .xlsx eller .pptx")

    dem = command("demo", "Läs in demodata (data/demo).")
    dem.add_argument("--if-empty", action="store_true", help="bara om databasen är tom")
    back = command("backup", "Säkerhetskopiera databasen till en mapp (DuckDB EXPORT DATABASE).")
    back.add_argument("folder", type=Path, metavar="MAPP")
    rest = command("restore", "Återställ en säkerhetskopia till en ny, tom databas (DuckDB IMPORT DATABASE).")
    rest.add_argument("folder", type=Path, metavar="MAPP")
    serve = command("serve", "Starta instrumentpanelen (kontrollerar först att inloggning finns i produktion).")
    serve.add_argument("--port", type=int, default=8501)
    serve.add_argument("--address", default="0.0.0.0")
    serve.add_argument("--dev", action="store_true",
                       help="utvecklarläge: Streamlit bevakar filerna och kör om sidan när koden ändras")
    serve.add_argument("streamlit_options", nargs="*", metavar="-- STREAMLIT-INSTÄLLNING",
                       help="fler inställningar till Streamlit efter --, t.ex. -- --secrets.files fil.toml")

    kolada = commands.add_parser("kolada", help="Jämförelsesiffror från Kolada (RKA): hämta eller importera.",
                                 description="Sjukfrånvaron i andra kommuner och i riket, från Kolada (RKA).")
    kolada_commands = kolada.add_subparsers(dest="kolada_command", required=True, parser_class=_SwedishParser)
    fetch = kolada_commands.add_parser("fetch", help="Hämta från Koladas API och importera.",
                                       description="Hämta från Koladas API och importera som en import.")
    fetch.add_argument("--kpi", required=True, type=_list_argument, help="nyckeltal, t.ex. N00090,N00091")
    fetch.add_argument("--municipality", required=True, type=_list_argument,
                       help="kommun-id, t.ex. 0380,0000 (0000 är riket)")
    fetch.add_argument("--year", required=True, type=_years_argument, help="år, t.ex. 2024,2025")
    fetch.add_argument("--url", help="Koladas API-adress (standard: HRDASH_KOLADA_URL eller https://api.kolada.se/v3)")
    fetch.add_argument("--db", type=Path, help="databasfil (standard: data/hr.duckdb eller HRDASH_DB)")
    kolada_import = kolada_commands.add_parser("import", help="Importera en sparad fil från Kolada (JSON eller CSV).",
                                               description="Importera en sparad fil från Kolada (JSON eller CSV).")
    kolada_import.add_argument("file", type=Path, metavar="FILE")
    kolada_import.add_argument("--db", type=Path, help="databasfil (standard: data/hr.duckdb eller HRDASH_DB)")

    command("batches", "Lista alla importer.")
    und = command("undo", "Ångra en import.")
    und.add_argument("batch", type=int, metavar="BATCH")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command in ("restore", "serve"):  # these open the database themselves, or not at all
            return COMMANDS[args.command](None, args)
        try:
            con = database.connect(args.db)
        except duckdb.Error as error:  # a locked or unreadable database file
            print(f"hrdash: {database.open_problem(args.db, error)}", file=sys.stderr)
            return 3
        try:
            return COMMANDS[args.command](con, args)
        finally:
            con.close()
    except UserError as error:
        for line in error.lines():
            print(f"hrdash: {line}", file=sys.stderr)
        return 1


def _import(con, args) -> int:
    from hrdash.ingest.parse import parse_file
    from hrdash.store import batches, units

    contents = []
    failed = False
    for path in args.files:
        try:
            contents.append((path, path.read_bytes()))
        except OSError as error:
            print(f"{path}: filen kunde inte läsas ({error.strerror}).", file=sys.stderr)
            failed = True
    if failed:
        return 1
    status = 0
    for path, content in contents:  # each file read against the organisation as the files before it left it
        parsed = parse_file(content, path.name, kind=args.kind, units=units.known(con), new_units=args.new_units)
        for notice in parsed.notices:
            print(f"{path.name}: {notice}", file=sys.stderr)
        try:
            batch = batches.import_file(con, parsed, _user())
        except UserError as refused:  # the other files are still imported
            status = 1
            _print_problems(parsed.file_name, refused.problems)
            continue
        print(f"{parsed.file_name}: importerad som import nr {batch.batch_id} ({batch.kind_names}, {batch.rows_text}).")
        unplaced = batches.unplaced_units(con, batch.batch_id)
        if unplaced:
            print(f"{parsed.file_name}: organisationen känner inte till {', '.join(unplaced)}; de räknas under "
                  "avdelningen 'Ej placerad' tills en organisationsfil placerar dem.", file=sys.stderr)
    return status


def _print_problems(file_name: str, problems) -> None:
    print(f"{file_name}: filen importerades inte. {len(problems)} fel att rätta:", file=sys.stderr)
    for problem in problems[:MAX_PRINTED_PROBLEMS]:
        print(f"  {problem}", file=sys.stderr)
    if len(problems) > MAX_PRINTED_PROBLEMS:
        print(f"  … och {len(problems) - MAX_PRINTED_PROBLEMS} fel till.", file=sys.stderr)


def _indicators(con, args) -> int:
    selection = indicators.Selection(unit=args.unit, first=args.first, last=args.last)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"nyckeltal.{args.format}"
        indicators.export(con, path, args.format, args.unsuppressed, selection)
        _print_file(path)
    return 0


def _print_file(path: Path) -> None:
    """A file DuckDB wrote (UTF-8) to stdout as it is, bytes to bytes: decoding a city's hundreds of
    megabytes to text and encoding them again cost a tenth of a second per 200 MB. As text where
    stdout is only text (a StringIO that stdout is redirected to)."""
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        with open(path, encoding="utf-8") as written:
            shutil.copyfileobj(written, sys.stdout)
        return
    sys.stdout.flush()
    with open(path, "rb") as written:
        shutil.copyfileobj(written, buffer)
    buffer.flush()


def _print_table(con, frame, numbers: tuple[str, ...], file_format: str, months: tuple[str, ...] = ("month",)) -> None:
    """A frame as the CLI prints figures: months YYYY-MM, numbers with a decimal point and six
    decimals, empty (null) where missing; DuckDB writes it, a city's two million rows in seconds."""
    columns = ", ".join(f"{c}::DECIMAL(20, 6) AS {c}" if c in numbers else
                        f"strftime({c}, '%Y-%m') AS {c}" if c in months else c for c in frame.columns)
    options = "FORMAT json, ARRAY true" if file_format == "json" else "FORMAT csv, HEADER true"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"ut.{file_format}"
        cursor = con.cursor()
        cursor.register("printed", frame)
        cursor.execute(f"COPY (SELECT {columns} FROM printed) TO '{path}' ({options})")
        cursor.close()
        _print_file(path)


def _signals(con, args) -> int:
    """Every point of every series, with its limits, signals and the seasonal factor of its month."""
    from hrdash.figures import signals

    filters = {"group_key": " ".join(args.unit.split()).lower()} if args.unit else {}
    printed = signals.table(signals.frame(con, args.baseline_from, **filters), args.unsuppressed)
    _print_table(con, printed, ("value", "centre", "lower", "upper", "seasonal"), args.format)
    return 0


def _compare(con, args) -> int:
    """Every comparison set of the month, as Part 3 of the contract prints it."""
    from hrdash.figures import compare

    found = compare.compare(con, args.month, (args.indicator,) if args.indicator else compare.INDICATORS,
                            args.unsuppressed)
    _print_table(con, found[list(compare.COLUMNS)],
                 ("value", "n", "target", "lower95", "upper95", "lower998", "upper998", "tau2"), args.format)
    return 0


def _missing(con, args) -> int:
    """One row per unit and kind that has not reported for the month, with the unit's managers."""
    import pandas as pd

    from hrdash.figures import missing

    found = missing.missing(con, args.month)
    rows = [(args.month, r.Förvaltning, r.Avdelning, r.Enhet, kind, None if r.Chef == missing.NO_MANAGER else r.Chef)
            for r in found.itertuples() for kind in r.kinds]
    _print_table(con, pd.DataFrame(rows, columns=["month", "administration", "department", "unit", "kind", "managers"]),
                 (), args.format)
    return 0


EFFECT_COLUMNS = ("unit", "level", "start", "title", "topic", "indicator", "before", "after", "change", "points_after",
                  "verdict", "since")


def _effects(con, args) -> int:
    """One row per measure and indicator of its topic (Part 3: `hrdash effects`)."""
    import pandas as pd

    from hrdash.catalogue import TOPICS
    from hrdash.figures import effects

    rows = []
    for found in effects.effects(con):
        shown, m = found.shown(args.unsuppressed), found.measure
        rows.append((m.group_name, m.level, pd.Timestamp(m.start), m.title, TOPICS[m.topic].title.lower(),
                     found.indicator_id, shown.before, shown.after, shown.change, shown.points_after, shown.verdict,
                     pd.Timestamp(shown.since) if shown.since else None))
    frame = pd.DataFrame(rows, columns=list(EFFECT_COLUMNS)).astype(
        {"before": float, "after": float, "change": float, "points_after": "Int64", "start": "datetime64[s]",
         "since": "datetime64[s]", "indicator": object, "verdict": object})
    _print_table(con, frame, ("before", "after", "change"), args.format, months=("start", "since"))
    return 0


def _report(con, args) -> int:
    from hrdash import swedish
    from hrdash.figures import groups, series
    from hrdash.reports import exports

    suffix = args.out.suffix.lower().lstrip(".")
    if suffix not in exports.SUFFIXES:
        print(f"hrdash: rapporten kan skrivas som .pdf, .xlsx eller .pptx, inte som '{args.out.name}'.", file=sys.stderr)
        return 2
    all_groups = groups.groups(con)
    if not all_groups:
        print("hrdash: det finns inga siffror att rapportera – importera filer först.", file=sys.stderr)
        return 1
    group = groups.find_by_name(all_groups, args.unit) if args.unit else groups.top_group(all_groups)
    if group is None:
        print(f"hrdash: det finns ingen enhet, avdelning eller förvaltning som heter '{args.unit}'.", file=sys.stderr)
        return 1
    if args.month not in series.months(con):
        print(f"hrdash: det finns inga siffror för {args.month:%Y-%m}.", file=sys.stderr)
        return 1
    from hrdash.reports import model

    args.out.write_bytes(exports.render(model.build(con, group, args.month), suffix))
    print(f"Månadsrapporten för {group.name}, {swedish.month_name(args.month)}, är skriven till {args.out}.")
    return 0


def _demo(con, args) -> int:
    from hrdash import demo

    if args.if_empty and not demo.is_empty(con):
        return 0
    for line in demo.load(con, _user()):
        print(line)
    return 0


def _backup(con, args) -> int:
    from hrdash.store import backup

    backup.export(con, args.folder)
    print(f"Databasen är säkerhetskopierad till {args.folder}.")
    return 0


def _restore(_, args) -> int:
    from hrdash.store import backup

    path = args.db or database.default_path()
    backup.restore(args.folder, path)
    print(f"Säkerhetskopian i {args.folder} är återställd till {path}.")
    return 0


def _serve(_, args) -> int:
    from hrdash import serving

    problem = serving.configuration_problem()
    if problem:
        print(f"hrdash: {problem}", file=sys.stderr)
        return 1
    if args.db:
        os.environ["HRDASH_DB"] = str(args.db)
    serving.run(args.port, args.address, args.streamlit_options, dev=args.dev)
    return 0


def _kolada(con, args) -> int:
    """`hrdash kolada fetch` (from Kolada's API) or `hrdash kolada import FILE`: one import either way."""
    from hrdash.ingest import kolada, kolada_api
    from hrdash.store import references

    if args.kolada_command == "fetch":
        url, content = kolada_api.fetch(args.kpi, args.municipality, args.year, args.url)
        name = f"Kolada {','.join(args.kpi)} {','.join(args.municipality)} {','.join(map(str, args.year))}.json"
        print(f"Hämtade {url}", file=sys.stderr)
    else:
        try:
            content, name = args.file.read_bytes(), args.file.name
        except OSError as error:
            print(f"{args.file}: filen kunde inte läsas ({error.strerror}).", file=sys.stderr)
            return 1
    parsed = kolada.parse_references(content, name)
    try:
        batch = references.import_references(con, parsed, _user())
    except UserError as refused:
        _print_problems(name, refused.problems)
        return 1
    skipped = (f"; {parsed.skipped} {'värde' if parsed.skipped == 1 else 'värden'} saknas i Kolada"
               if parsed.skipped else "")
    print(f"{name}: importerad som import nr {batch.batch_id} ({batch.kind_names}, {parsed.row_count} värden{skipped}).")
    return 0


def _batches(con, args) -> int:
    from hrdash import swedish
    from hrdash.store import batches

    for b in batches.list_batches(con):
        state = f"ångrad {swedish.clock(b.undone_at)}" if b.undone_at else "aktiv"
        print(f"{b.batch_id}\t{swedish.clock(b.imported_at)}\t{b.imported_by}\t{b.kind_names}\t{b.rows_text}"
              f"\t{b.file_name}\t{state}")
    return 0


def _undo(con, args) -> int:
    from hrdash.store import batches

    batch = batches.undo(con, args.batch, _user())
    print(f"Import nr {batch.batch_id} ({batch.file_name}) är ångrad. Det den ersatte gäller igen.")
    return 0


COMMANDS = {"import": _import, "indicators": _indicators, "signals": _signals, "compare": _compare, "missing": _missing,
            "effects": _effects, "report": _report, "demo": _demo, "kolada": _kolada, "batches": _batches,
            "undo": _undo, "backup": _backup, "restore": _restore, "serve": _serve}

if __name__ == "__main__":
    sys.exit(main())
