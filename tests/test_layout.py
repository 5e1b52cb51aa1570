"""The package shows the data flow: ingest → store → figures → charts → reports → ui, with a
few shared helpers at the top and the entry points (CLI, demo, server) that use any stage. No
module imports one from a later stage, and the shared helpers import no stage."""

import ast
from pathlib import Path

import hrdash

PACKAGE = Path(hrdash.__file__).parent
STAGES = ("ingest", "store", "figures", "charts", "reports", "ui")
SHARED = {"catalogue", "errors", "logs", "markdown", "months", "swedish"}
ENTRY_POINTS = {"cli", "demo", "serving"}


def place(module: str) -> str:
    """'hrdash.store.batches' -> 'store'; 'hrdash.swedish' -> 'swedish'."""
    return module.split(".")[1] if module.count(".") else ""


def imported(path: Path) -> set[str]:
    """The hrdash modules a file imports, anywhere in it."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("hrdash"):
            found |= {f"{node.module}.{alias.name}" for alias in node.names} if node.module == "hrdash" else {node.module}
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name.startswith("hrdash")}
    return found


def test_every_module_sits_in_a_stage_or_is_a_shared_helper_or_entry_point():
    for path in PACKAGE.glob("*.py"):
        assert path.stem in SHARED | ENTRY_POINTS | {"__init__"}, f"hrdash/{path.name} belongs in a stage folder"
    assert {p.name for p in PACKAGE.iterdir() if p.is_dir() and p.name != "__pycache__"} == set(STAGES)


def test_no_module_imports_a_later_stage():
    for path in PACKAGE.rglob("*.py"):
        here = path.relative_to(PACKAGE).parts
        stage = here[0] if len(here) > 1 else None
        for module in imported(path):
            other = place(module)
            if stage is None:
                if path.stem in SHARED:
                    assert other in SHARED, f"the shared helper hrdash/{path.name} imports {module}"
                continue
            assert other not in ENTRY_POINTS, f"{'/'.join(here)} imports the entry point {module}"
            if other in STAGES:
                assert STAGES.index(other) <= STAGES.index(stage), f"{'/'.join(here)} imports {module}, a later stage"


def test_pages_import_no_lower_stage_than_the_ui_needs():
    """A page never parses files or builds SQL: it imports no ingest parser and no database module."""
    for path in (PACKAGE.parent / "pages").glob("*.py"):
        for module in imported(path):
            assert module not in ("hrdash.ingest.parse", "hrdash.ingest.reading", "hrdash.store.database"), \
                f"pages/{path.name} imports {module}"
            assert "duckdb" not in path.read_text(), path.name
