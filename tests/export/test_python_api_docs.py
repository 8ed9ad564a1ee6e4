"""The examples of docs/python-api.md run (as doctests) against a small hand-built ledger."""

from __future__ import annotations

import doctest
import re
from pathlib import Path

from interop_samples import ALL, DOCS
from deathtoll.store import Store

DOC = Path(__file__).resolve().parents[2] / "docs" / "python-api.md"
BLOCK = re.compile(r"```python\n(.*?)```", re.S)  # "```python no-test" blocks do not match


def python_blocks() -> list[str]:
    return BLOCK.findall(DOC.read_text(encoding="utf-8"))


def test_doc_has_examples():
    blocks = python_blocks()
    assert len(blocks) >= 5 and all(">>>" in b for b in blocks)
    assert "lg.events(country=\"Syria\", min_deaths=10)" in DOC.read_text(encoding="utf-8")


def test_examples_run(tmp_path, monkeypatch):
    with Store.open(tmp_path / "ledger.db") as s:
        s.add_documents(DOCS)
        s.save_mentions([d.doc_id for d in DOCS], [m for e in ALL for m in e.mentions], "test")
        s.replace_events(ALL)
    monkeypatch.chdir(tmp_path)
    parser = doctest.DocTestParser()
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    globs: dict = {}
    for i, block in enumerate(python_blocks()):
        test = parser.get_doctest(block, globs, f"python-api.md block {i}", str(DOC), 0)
        runner.run(test, clear_globs=False)
        globs = test.globs  # DocTest copies its globals: carry them to the next block
    result = runner.summarize(verbose=False)
    assert result.attempted > 20
    assert result.failed == 0
