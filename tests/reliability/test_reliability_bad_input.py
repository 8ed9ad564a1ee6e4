"""Bad input never crashes a batch: each file gets one clear error line or a clean skip,
the rest is ingested and extracted, and the exit code says success (0), partial (3) or failure (1)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import deathtoll
from deathtoll import extract as extract_stage
from deathtoll.check import check_ledger
from deathtoll.cli import cli
from deathtoll.errors import MalformedInput
from deathtoll.ingest import limits, read_paths
from deathtoll.ingest.textnorm import decode_bytes
from reliability_corpus import bad_corpus, write_good


def _invoke(db: Path, *args: str):
    return CliRunner().invoke(cli, ["--db", str(db), *args], catch_exceptions=False)


def test_every_bad_file_gets_one_clear_line_and_the_batch_continues(tmp_path: Path) -> None:
    expect = bad_corpus(tmp_path / "in")
    report = read_paths([tmp_path / "in"])
    got: dict[str, list[str]] = {}
    for d in report.documents:
        got.setdefault(Path(d.path).name, []).append("ok")
    for where, err in report.errors:
        name = Path(where.split(":")[0].split("#")[0]).name
        got.setdefault(name, []).append("error")
        msg = str(err)
        assert msg.startswith("[E") and "\n" not in msg and name in msg, msg  # one line, names the file
    for where, _reason in report.skipped:
        got.setdefault(Path(where).name, []).append("skipped")
    for name, outcome in expect.items():
        assert outcome in got.get(name, []), (name, got.get(name))
        if outcome == "error":
            assert "ok" not in got[name], name


def test_cli_ingest_and_run_on_bad_corpus_are_partial_then_clean(tmp_path: Path) -> None:
    bad_corpus(tmp_path / "in")
    db = tmp_path / "l.db"
    r = _invoke(db, "ingest", str(tmp_path / "in"))
    assert r.exit_code == 3
    lines = r.output.splitlines()
    assert any(ln.startswith("error:") and "binary.txt" in ln for ln in lines)
    assert any(ln.startswith("skipped:") and "program.exe" in ln for ln in lines)
    assert "Traceback" not in r.output
    r = _invoke(db, "run")
    assert r.exit_code == 0, r.output
    with deathtoll.open(db) as lg:
        assert check_ledger(lg.store) == []
        for e in lg.events():
            for t in (e.fatalities, e.injured, *e.victims.values()):
                assert t.high is None or t.high <= 1_000_000
    r = _invoke(db, "ingest", str(tmp_path / "in" / "empty.txt"))
    assert r.exit_code == 1  # nothing could be read at all: failure


def test_file_over_the_size_limit_is_refused_fast_without_reading_it(tmp_path: Path) -> None:
    big = tmp_path / "huge.txt"
    chunk = ("Shelling killed 4 people in the old town on Monday, a monitor said.\n\n" * 2000).encode()
    with big.open("wb") as f:
        for _ in range(200 * 2**20 // len(chunk) + 1):
            f.write(chunk)
    assert big.stat().st_size > 200 * 2**20
    (tmp_path / "small.txt").write_text("Gunmen killed 3 people in Gao on Monday.")
    t0 = time.perf_counter()
    report = read_paths([tmp_path])
    assert time.perf_counter() - t0 < 5
    ((where, err),) = report.errors
    assert where.endswith("huge.txt") and "file too large" in str(err) and "200." in str(err)
    assert len(report.documents) == 1


def test_long_text_is_split_into_parts_linearly(tmp_path: Path) -> None:
    para = "Shelling killed {n} people in the old town on Monday, a monitor said.\n\n"
    text = "".join(para.format(n=i) for i in range(400_000))  # ~28 MB, every paragraph different
    (tmp_path / "long.txt").write_text(text)
    t0 = time.perf_counter()
    report = read_paths([tmp_path])
    elapsed = time.perf_counter() - t0
    assert not report.errors
    parts = report.documents
    assert len(parts) == -(-len(text) // limits.MAX_DOC_CHARS) or len(parts) == len(text) // limits.MAX_DOC_CHARS + 1
    assert all(len(d.text) <= limits.MAX_DOC_CHARS for d in parts)
    assert "".join(d.text for d in parts) == text  # nothing lost, nothing repeated
    assert all(d.text.endswith("\n\n") for d in parts[:-1])  # cut at paragraph breaks
    assert [d.meta["part"] for d in parts] == list(range(1, len(parts) + 1))
    assert all(d.doc_id.endswith(f"-p{d.meta['part']}") for d in parts)
    assert elapsed < 20


def test_split_text_cuts_at_breaks_and_joins_back() -> None:
    assert limits.split_text("abc", 10) == ["abc"]
    parts = limits.split_text("one two. three four. five six seven", 12)
    assert "".join(parts) == "one two. three four. five six seven" and all(len(p) <= 12 for p in parts)
    assert parts[0] == "one two. "
    assert limits.split_text("x" * 25, 10) == ["x" * 10, "x" * 10, "x" * 5]  # no break: hard cut


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("Des hommes armés ont tué sept civils à Kidal.".encode("latin-1"), "Des hommes armés ont tué sept civils à Kidal."),
        ("Deux morts à Gao. ".encode() + "Trois blessés à Kidal.".encode("cp1252"), "Deux morts à Gao. Trois blessés à Kidal."),
        ("قتل ١٢ مدنياً".encode(), "قتل ١٢ مدنياً"),
        ("周四造成至少十二名平民死亡".encode("utf-16"), "周四造成至少十二名平民死亡"),
    ],
)
def test_legacy_and_mixed_encodings_decode(data: bytes, expected: str) -> None:
    text, _ = decode_bytes(data, "x.txt")
    assert text == expected


def test_deeply_nested_json_is_a_clear_malformed_error(tmp_path: Path) -> None:
    (tmp_path / "deep.json").write_text("[" * 100_000 + "]" * 100_000)
    (tmp_path / "deep.jsonl").write_text('{"text": "Gunmen killed 2 people."}\n' + "[" * 100_000 + "\n")
    report = read_paths([tmp_path])
    errs = {Path(w).name: e for w, e in report.errors}
    assert isinstance(errs["deep.json"], MalformedInput) and "nested too deeply" in str(errs["deep.json"])
    assert isinstance(errs["deep.jsonl:2"], MalformedInput)
    assert len(report.documents) == 1


def test_truncated_csv_keeps_rows_before_the_break(tmp_path: Path) -> None:
    (tmp_path / "t.csv").write_text('id,text\na,"Gunmen killed 2 people."\nb,"Shelling killed 3 peo')
    report = read_paths([tmp_path])
    assert [d.doc_id for d in report.documents] == ["a"]
    ((where, err),) = report.errors
    assert "t.csv" in str(err) and "unexpected end of data" in str(err)


def test_run_records_a_document_whose_extraction_raises_and_goes_on(tmp_path: Path, monkeypatch, pipeline) -> None:
    write_good(tmp_path / "in")
    (tmp_path / "in" / "boom.txt").write_text("BOOM: gunmen killed 5 people in Gao on Monday.\n")
    real = extract_stage.extract_mentions

    def flaky(doc, **kw):
        if "BOOM" in doc.text:
            raise RuntimeError("extractor bug on this text")
        return real(doc, **kw)

    monkeypatch.setattr(extract_stage, "extract_mentions", flaky)
    db = tmp_path / "l.db"
    with deathtoll.open(db, pipeline=pipeline) as lg:
        lg.ingest([tmp_path / "in"])
        s = lg.run()
        assert len(s.failed) == 1 and "extractor bug on this text" in s.failed[0][1]
        boom = s.failed[0][0]
        assert s.documents == 4 and s.events >= 3
        assert lg.store.runs()[0]["stats"]["failed"] == [{"doc_id": boom, "error": s.failed[0][1]}]
        pending = lg.store.unprocessed_documents(pipeline.version)
        assert [d.doc_id for d in pending] == [boom]  # retried by the next run
    # through the CLI: a partial run exits 3 and names the document; all failed: 1
    (tmp_path / "more.txt").write_text("Gunmen killed 2 people in Kidal on Tuesday, the mayor said.\n")
    assert _invoke(db, "ingest", str(tmp_path / "more.txt")).exit_code == 0
    r = _invoke(db, "run")
    assert r.exit_code == 3, r.output
    assert f"error: {boom}: extraction failed: RuntimeError: extractor bug on this text" in r.output
    assert "1 documents processed, 1 failed (left for the next run)" in r.output
    r = _invoke(db, "run")
    assert r.exit_code == 1 and "0 documents processed, 1 failed" in r.output
    monkeypatch.setattr(extract_stage, "extract_mentions", real)
    r = _invoke(db, "run")
    assert r.exit_code == 0 and "1 documents processed" in r.output
