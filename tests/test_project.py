"""Habits the project keeps, checked: README set-up, CI, stage boundaries, resource sources."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PKG = ROOT / "src" / "deathtoll"
STAGES = ("ingest", "extract", "when", "geo", "link", "reconcile")


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text()
    quick = text.split("## Quick start", 1)[1].split("## ", 1)[0]
    return re.findall(r"```\n(.+?)\n```", quick)


def test_readme_has_two_setup_commands_and_ci_runs_the_test_one():
    demo, tests = readme_commands()[:2]
    assert demo.endswith("deathtoll --db demo.db demo")
    assert tests.endswith("python -m pytest")
    ci = (ROOT / ".ci" / "run").read_text()
    assert tests in ci


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module is not None:
            if node.level >= 1:
                out.add(("." * node.level) + node.module)
            else:
                out.add(node.module)
        elif isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
    return out


@pytest.mark.parametrize("stage", STAGES)
def test_stages_never_import_each_other_or_the_store(stage):
    others = [s for s in STAGES if s != stage] + ["store", "pipeline", "ledger", "cli", "web", "export"]
    for py in (PKG / stage).rglob("*.py"):
        for mod in _imports(py):
            name = mod.lstrip(".").removeprefix("deathtoll.")
            top = name.split(".")[0]
            if mod.startswith("..") or mod.startswith("deathtoll."):
                assert top not in others, f"{py.relative_to(ROOT)} imports {mod}"


def test_only_store_touches_sqlite():
    for py in PKG.rglob("*.py"):
        if "store" in py.relative_to(PKG).parts:
            continue
        assert "sqlite3" not in _imports(py), f"{py.relative_to(ROOT)} imports sqlite3"


def test_every_resource_names_its_source():
    for f in (PKG / "resources").iterdir():
        if f.suffix == ".json":
            data = json.loads(f.read_text())
            assert "_source" in data or "source" in data, f"{f.name} has no _source"
        elif f.suffix in (".tsv", ".txt"):
            assert f.read_text().startswith("#"), f"{f.name} has no # source header"
