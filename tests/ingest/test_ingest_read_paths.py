"""End-to-end tests of ``read_paths`` over hand-made files of every supported format."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pypdf import PdfWriter

from deathtoll.errors import EmptyDocument, IngestError, MalformedInput, UnsupportedFormat
from deathtoll.ingest import IngestReport, read_paths
from deathtoll.model import content_hash, stable_id
from pdf_samples import minimal_pdf

LATIN1_TEXT = (
    "Attaque à Kidal\n"
    "Des hommes armés ont tué sept civils près du marché, selon un élu régional. "
    "Les blessés ont été évacués vers l'hôpital de Gao où l'équipe médicale était débordée.\n"
)

HTML_PAGE = """<!doctype html><html><head><meta charset="utf-8">
<title>Car bomb kills twelve in market | Example Daily</title>
<meta property="og:site_name" content="Example Daily">
<meta property="article:published_time" content="2019-03-02T10:00:00Z">
<link rel="canonical" href="https://daily.example.org/world/market-bomb">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li>Subscribe today</li></ul></nav>
<article><h1>Car bomb kills twelve in market</h1>
<p>A car bomb exploded in a crowded market in the town of Qamishli on Saturday morning, killing at
least twelve people and wounding dozens more, local officials said.</p>
<p>The blast tore through stalls selling vegetables and clothes. Witnesses described panic as
residents searched the rubble for relatives who had been shopping.</p>
<p>No group immediately claimed responsibility for the attack, the deadliest in the area this year.</p>
</article>
<footer><p>Copyright 2019 Example Daily. All rights reserved. Cookie settings.</p></footer>
</body></html>"""


def _write(path: Path, content: str | bytes, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_bytes(content.encode(encoding))
    return path


# ------------------------------------------------------------------ txt


def test_txt_latin1_is_decoded_with_title_and_hash_id(tmp_path: Path) -> None:
    f = _write(tmp_path / "kidal.txt", LATIN1_TEXT, encoding="latin-1")
    report = read_paths([f])
    assert report.errors == []
    (doc,) = report.documents
    assert "tué sept civils" in doc.text and "hôpital" in doc.text
    assert doc.title == "Attaque à Kidal"
    assert doc.format == "txt" and doc.path == str(f)
    assert doc.doc_id == stable_id("doc-", content_hash(doc.text), length=12)
    assert doc.meta["encoding"] != "utf-8"
    assert doc.published is None and "published_from" not in doc.meta


def test_txt_normalises_newlines_and_controls_but_keeps_text(tmp_path: Path) -> None:
    raw = "Raid report\r\n\r\nTwo  people\x07 were killed.\tPolice said so.\r\n"
    f = _write(tmp_path / "raid.txt", raw)
    (doc,) = read_paths([f]).documents
    assert doc.text == "Raid report\n\nTwo  people were killed.\tPolice said so.\n"


def test_txt_title_rules(tmp_path: Path) -> None:
    one = _write(tmp_path / "one.txt", "Only one line of text about a shelling.")
    long = _write(tmp_path / "long.txt", "x" * 250 + "\nsecond line")
    stamp = _write(tmp_path / "stamp.txt", "September 18, 2021, 15:55\n\nRaid title\nBody.")
    docs = {Path(d.path).name: d for d in read_paths([one, long, stamp]).documents}
    assert docs["one.txt"].title is None
    assert docs["long.txt"].title is None
    assert docs["stamp.txt"].title == "Raid title"


def test_txt_dateline_sets_published(tmp_path: Path) -> None:
    text = (
        "September 18, 2021, 15:55\n\nTown raid leaves dozens dead\n"
        "Agency/ Staff writerMiddle East23:38 23.10.2017(updated 23:40 23.10.2017)\n"
        "A monitoring group said fighters killed dozens of people on 21 October 2017.\n"
    )
    f = _write(tmp_path / "raid.txt", text)
    (doc,) = read_paths([f]).documents
    assert doc.published == "2017-10-23"
    assert doc.meta["published_from"] == "dateline"
    assert doc.published_precision == "day"


def test_empty_and_binary_files_are_typed_errors(tmp_path: Path) -> None:
    empty = _write(tmp_path / "empty.txt", "  \n\n")
    binary = _write(tmp_path / "blob.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01")
    good = _write(tmp_path / "good.txt", "Headline\nThree soldiers were killed.")
    report = read_paths([empty, binary, good])
    assert len(report.documents) == 1
    errs = dict(report.errors)
    assert isinstance(errs[str(empty)], EmptyDocument)
    assert isinstance(errs[str(binary)], UnsupportedFormat)
    assert "blob.txt" in str(errs[str(binary)]) and "[E101]" in str(errs[str(binary)])


# ------------------------------------------------------------------ html


def test_html_drops_boilerplate_and_keeps_page_metadata(tmp_path: Path) -> None:
    f = _write(tmp_path / "page.html", HTML_PAGE)
    (doc,) = read_paths([f]).documents
    assert "killing at" in doc.text and "least twelve people" in doc.text
    assert "Subscribe today" not in doc.text and "Cookie settings" not in doc.text
    assert doc.title == "Car bomb kills twelve in market"
    assert doc.url == "https://daily.example.org/world/market-bomb"
    assert doc.source == "Example Daily"
    assert doc.published == "2019-03-02" and doc.meta["published_from"] == "metadata"
    assert doc.format == "html"


def test_html_fallback_to_lxml_for_tiny_pages(tmp_path: Path) -> None:
    f = _write(
        tmp_path / "tiny.htm",
        "<html><head><title>Short note</title></head><body><nav>Menu</nav><p>Two killed.</p></body></html>",
    )
    report = read_paths([f])
    (doc,) = report.documents
    assert "Two killed." in doc.text and "Menu" not in doc.text
    assert doc.title == "Short note"


# ------------------------------------------------------------------ json / jsonl / csv


def test_json_list_maps_fields_and_extras(tmp_path: Path) -> None:
    records = [
        {"id": "a1", "text": "Gunmen killed five farmers near the well.", "title": "Farmers killed",
         "source": "Wire", "url": "https://x.example/a1", "date": "2020-05-06", "lang": "en"},
        {"doc_id": 7, "text": "Artillery hit a school; no casualties.", "published": "2020-05"},
        {"title": "no text here"},
        "not an object",
    ]
    f = _write(tmp_path / "batch.json", json.dumps(records))
    report = read_paths([f])
    docs = {d.doc_id: d for d in report.documents}
    assert set(docs) == {"a1", "7"}
    a1 = docs["a1"]
    assert (a1.title, a1.source, a1.url, a1.published) == ("Farmers killed", "Wire", "https://x.example/a1", "2020-05-06")
    assert a1.meta["lang"] == "en" and a1.meta["published_from"] == "metadata"
    assert docs["7"].published == "2020-05" and docs["7"].published_precision == "month"
    assert a1.format == "json"
    assert [type(e) for _, e in report.errors] == [MalformedInput, MalformedInput]
    assert all("batch.json item" in str(e) for _, e in report.errors)


def test_json_single_object_and_invalid_json(tmp_path: Path) -> None:
    one = _write(tmp_path / "one.json", json.dumps({"text": "A drone strike killed two."}))
    bad = _write(tmp_path / "bad.json", '{"text": "unterminated')
    report = read_paths([one, bad])
    assert len(report.documents) == 1
    (where, err), = report.errors
    assert where == str(bad) and isinstance(err, MalformedInput) and "bad.json" in str(err)


def test_jsonl_broken_line_is_error_for_that_line_only(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "l1", "text": "A bomb killed three in the bus station."}),
        '{"id": "l2", "text": broken',
        "",
        json.dumps({"id": "l3", "text": "Clashes left nine fighters dead.", "dct": "2018-01-02"}),
    ]
    f = _write(tmp_path / "feed.jsonl", "\n".join(lines) + "\n")
    report = read_paths([f])
    assert [d.doc_id for d in report.documents] == ["l1", "l3"]
    assert report.documents[1].published == "2018-01-02"
    assert report.documents[1].meta["line"] == 4
    (where, err), = report.errors
    assert where == f"{f}:2" and isinstance(err, MalformedInput) and "feed.jsonl line 2" in str(err)


def test_csv_with_custom_columns(tmp_path: Path) -> None:
    f = _write(
        tmp_path / "reports.csv",
        "ref,body,headline,date,outlet\n"
        'r1,"Militants executed 11 prisoners, a monitor said.",Prisoners executed,2016-02-03,Monitor A\n'
        "r2,,Empty row,2016-02-04,Monitor B\n"
        'r3,"Line one\nline two of an air strike report",Air strike,2016,Monitor C\n',
    )
    cols = {"id": "ref", "text": "body", "title": "headline", "published": "date", "source": "outlet"}
    report = read_paths([f], csv_columns=cols)
    docs = {d.doc_id: d for d in report.documents}
    assert set(docs) == {"r1", "r3"}
    assert docs["r1"].title == "Prisoners executed" and docs["r1"].source == "Monitor A"
    assert docs["r1"].published == "2016-02-03" and docs["r3"].published == "2016"
    assert docs["r3"].text == "Line one\nline two of an air strike report"
    (_, err), = report.errors
    assert isinstance(err, EmptyDocument) and "reports.csv row" in str(err)


def test_csv_default_columns_and_missing_text_column(tmp_path: Path) -> None:
    good = _write(tmp_path / "d.csv", "id,text,published,region\nq1,Four police officers died.,2012-09-09,North\n")
    bad = _write(tmp_path / "e.csv", "ident,body\n1,something\n")
    report = read_paths([good, bad])
    (doc,) = report.documents
    assert doc.doc_id == "q1" and doc.meta["region"] == "North" and doc.format == "csv"
    (where, err), = report.errors
    assert where == str(bad) and isinstance(err, MalformedInput) and "'text'" in str(err)


# ------------------------------------------------------------------ manifest


def test_manifest_folder_supplies_metadata(tmp_path: Path) -> None:
    folder = tmp_path / "seeds"
    _write(folder / "000_a.txt", "Video shows killings\nA video showed the killing of soldiers.")
    _write(folder / "001_b.txt", "Raid\nOctober 2 2017 something\nDozens died, a group said.")
    _write(folder / "002_c.txt", "Report\n\nPosted 2014-08-30\nHundreds of soldiers were executed.")
    _write(folder / "003_d.txt", "Wire copy\nMore than 160 troops were killed, the group said.")
    manifest = [
        {"file": "000_a.txt", "id": "000", "source": "Observer", "published": "2015-07", "note": "approximate"},
        {"file": "001_b.txt", "id": "001", "source": "Agency", "published": "2017-10-23", "title": "Town raid",
         "url": "https://agency.example/raid"},
        {"file": "002_c.txt", "id": "002", "source": "Monitor", "published": None},
        {"file": "003_d.txt", "id": "003", "published": "2014"},
    ]
    _write(folder / "metadata.jsonl", "\n".join(json.dumps(m) for m in manifest) + "\n")
    report = read_paths([folder])
    assert report.errors == []
    assert report.skipped == [(str(folder / "metadata.jsonl"), "metadata manifest")]
    docs = {d.doc_id: d for d in report.documents}
    assert set(docs) == {"000", "001", "002", "003"}
    assert docs["000"].published == "2015-07" and docs["000"].meta["note"] == "approximate"
    assert docs["000"].meta["published_from"] == "metadata" and docs["000"].source == "Observer"
    assert docs["001"].title == "Town raid" and docs["001"].url == "https://agency.example/raid"
    # null in the manifest: the dateline in the text is used instead
    assert docs["002"].published == "2014-08-30" and docs["002"].meta["published_from"] == "dateline"
    assert docs["003"].published == "2014" and docs["003"].published_precision == "year"
    assert docs["003"].title == "Wire copy"


def test_manifest_applies_when_single_file_given(tmp_path: Path) -> None:
    f = _write(tmp_path / "x.txt", "Title\nBody of a short report.")
    _write(tmp_path / "metadata.jsonl", json.dumps({"file": "x.txt", "id": "x-1", "source": "S"}) + "\nnot json\n")
    report = read_paths([f])
    (doc,) = report.documents
    assert doc.doc_id == "x-1" and doc.source == "S"
    assert report.skipped == []  # the manifest was not among the inputs
    (where, err), = report.errors
    assert where.endswith("metadata.jsonl:2") and isinstance(err, MalformedInput)


# ------------------------------------------------------------------ pdf


def test_pdf_text_and_encrypted_and_image_only(tmp_path: Path) -> None:
    plain = _write(tmp_path / "report.pdf", minimal_pdf("Shelling killed 4 people in the old town."))
    locked = tmp_path / "locked.pdf"
    writer = PdfWriter(clone_from=str(plain))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    writer.write(str(locked))
    blank = tmp_path / "scan.pdf"
    w2 = PdfWriter()
    w2.add_blank_page(width=612, height=792)
    w2.write(str(blank))
    broken = _write(tmp_path / "broken.pdf", b"%PDF-1.4\nnot really a pdf")
    report = read_paths([tmp_path])
    (doc,) = report.documents
    assert doc.format == "pdf" and "Shelling killed 4 people" in doc.text
    errs = dict(report.errors)
    assert type(errs[str(locked)]) is IngestError and "encrypted" in str(errs[str(locked)])
    assert "locked.pdf" in str(errs[str(locked)])
    assert isinstance(errs[str(blank)], EmptyDocument) and "no text layer" in str(errs[str(blank)])
    assert isinstance(errs[str(broken)], MalformedInput)


# ------------------------------------------------------------------ batch behaviour


def test_duplicates_are_returned_once(tmp_path: Path) -> None:
    text = "Headline\nFive civilians were killed in an air strike.\n"
    a = _write(tmp_path / "a.txt", text)
    b = _write(tmp_path / "sub" / "b.md", text.replace("\n", "\r\n"))  # same hash after normalising
    report = read_paths([tmp_path])
    assert len(report.documents) == 1 and report.documents[0].path == str(a)
    (where, reason), = report.skipped
    assert where == str(b) and reason.startswith(f"duplicate of {report.documents[0].doc_id}")


def test_paths_folders_globs_and_unsupported(tmp_path: Path) -> None:
    _write(tmp_path / "a.txt", "Title A\nOne man was killed.")
    _write(tmp_path / "b.txt", "Title B\nTwo men were killed.")
    _write(tmp_path / "image.png", b"\x89PNG")
    _write(tmp_path / ".hidden.txt", "Hidden\nNot read.")
    _write(tmp_path / "deep" / "c.txt", "Title C\nThree men were killed.")
    report = read_paths([str(tmp_path / "*.txt"), tmp_path / "image.png", tmp_path / "missing.txt"])
    assert sorted(Path(d.path).name for d in report.documents) == ["a.txt", "b.txt"]
    assert (str(tmp_path / "image.png"), "unsupported extension .png") in report.skipped
    (where, err), = report.errors
    assert where.endswith("missing.txt") and isinstance(err, IngestError)
    flat = read_paths([tmp_path], recursive=False)
    assert sorted(Path(d.path).name for d in flat.documents) == ["a.txt", "b.txt"]
    deep = read_paths(tmp_path)  # a single path works too
    assert sorted(Path(d.path).name for d in deep.documents) == ["a.txt", "b.txt", "c.txt"]


def test_clashing_given_ids_are_reported(tmp_path: Path) -> None:
    f = _write(
        tmp_path / "ids.jsonl",
        json.dumps({"id": "same", "text": "First text about a raid."}) + "\n"
        + json.dumps({"id": "same", "text": "Second, different text."}) + "\n",
    )
    report = read_paths([f])
    assert [d.text for d in report.documents] == ["First text about a raid."]
    (where, err), = report.errors
    assert where == f"{f}:2" and "already used" in str(err)


@pytest.mark.parametrize("name", ["note.txt", "page.html", "d.json", "d.jsonl", "d.csv"])
def test_every_error_message_names_the_file(tmp_path: Path, name: str) -> None:
    f = _write(tmp_path / name, "")
    report = read_paths([f])
    (where, err), = report.errors
    assert where == str(f) and name in str(err) and isinstance(err, IngestError)
    assert "\n" not in str(err)


def test_unexpected_reader_failure_does_not_stop_batch(tmp_path: Path, monkeypatch) -> None:
    from deathtoll.ingest.readers import html as html_reader

    def boom(path: Path):
        raise RuntimeError("parser exploded\non two lines")

    monkeypatch.setattr(html_reader, "read", boom)
    page = _write(tmp_path / "p.html", "<p>x</p>")
    txt = _write(tmp_path / "t.txt", "Title\nOne killed.")
    report = read_paths([page, txt])
    assert len(report.documents) == 1
    (where, err), = report.errors
    assert where == str(page) and type(err) is IngestError
    assert "p.html" in str(err) and "RuntimeError" in str(err) and "\n" not in str(err)
