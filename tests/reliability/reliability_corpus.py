"""Hand-made inputs for the reliability tests: bad files of every kind and a tiny good corpus.

Every text here is our own writing. ``bad_corpus(root)`` writes the files and returns,
for each, what ingest must say about it: ``"ok"`` (becomes a document), ``"error"``
(one clear error line naming the file) or ``"skipped"`` (a clean skip with its reason).
"""

from __future__ import annotations

import io
import json
from pathlib import Path

from pypdf import PdfWriter

from pdf_samples import minimal_pdf

GOOD_REPORTS: dict[str, str] = {
    "market.txt": (
        "Car bomb hits market\n"
        "Published 2019-03-02\n"
        "A car bomb exploded in the market of Qamishli on Saturday, killing at least 12 civilians "
        "and wounding 30 others, local officials said.\n"
    ),
    "village.txt": (
        "Gunmen attack village\n"
        "Published 2021-06-05\n"
        "Gunmen killed 23 villagers in an attack on Solhan on Friday night, the regional governor said. "
        "A local monitor later put the toll at more than 30.\n"
    ),
    "shelling.txt": (
        "Shelling of Idlib\n"
        "Published 2020-02-11\n"
        "Government shelling killed nine civilians, including four children, in Idlib on Monday, "
        "a monitoring group said.\n"
    ),
    "ambush.txt": (
        "Convoy ambushed\n"
        "Published 2018-09-14\n"
        "Militants ambushed a army convoy near Gao on Thursday and killed seven soldiers, "
        "the army said in a statement.\n"
    ),
}


def write_good(root: Path) -> list[Path]:
    """The four small good reports, one file each."""
    root.mkdir(parents=True, exist_ok=True)
    out = []
    for name, text in GOOD_REPORTS.items():
        p = root / name
        p.write_text(text, encoding="utf-8")
        out.append(p)
    return out


def bad_corpus(root: Path) -> dict[str, str]:
    """Write every bad input under ``root``; returns file name -> "ok" | "error" | "skipped"."""
    root.mkdir(parents=True, exist_ok=True)
    expect: dict[str, str] = {}

    def put(name: str, data: bytes | str, outcome: str) -> None:
        (root / name).write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        expect[name] = outcome

    put("empty.txt", b"", "error")
    put("blank.txt", "  \n\t\n  ", "error")
    put("binary.txt", bytes(range(256)) * 40, "error")
    put("image.png.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 64, "error")
    put("noext", b"some text with no extension", "skipped")
    put("program.exe", b"MZ\x90\x00\x03", "skipped")
    # invalid UTF-8: a latin-1 file and a file mixing UTF-8 and cp1252 bytes
    put("latin1.txt", "Des hommes armés ont tué sept civils à Kidal.".encode("latin-1"), "ok")
    put("mixed.txt", "Deux morts à Gao. ".encode("utf-8") + "Trois blessés à Kidal.".encode("cp1252"), "ok")
    put("lone_surrogate.txt", b"Attack killed 5 people.\xed\xa0\x80 end", "ok")
    put("bad_utf16.txt", b"\xff\xfe" + "Shelling killed 3 people".encode("utf-16-le")[:-1], "error")
    # other languages
    put("arabic.txt", "قتل ١٢ مدنياً في قصف على مدينة حلب يوم الخميس، بحسب المرصد.", "ok")
    put("french.txt", "Une attaque a fait au moins 14 morts à Ouagadougou jeudi, selon la police.", "ok")
    put("chinese.txt", "周四，叙利亚阿勒颇市遭到炮击，造成至少十二名平民死亡。", "ok")
    # absurd numbers and dates
    put("absurd.txt", "Published 2020-01-01\nThe bombing killed 99999999999999 people in Aleppo on Monday. "
        "Rebels said government shelling killed 10^12 civilians. Another strike killed "
        + "9" * 40 + " people in Homs.\n", "ok")
    put("year0.txt", "Published 0000-01-01\nGunmen killed 4 people in Gao on 1 January 0000 and on 31 December 9999.\n",
        "ok")
    put("year9999.json", json.dumps({"text": "Shelling killed 6 people in Idlib.", "published": "9999-12-31"}), "ok")
    # truncated / malformed HTML
    put("truncated.html", "<html><head><title>Blast kills 8</title></head><body><p>A blast killed 8 people in"
        " Kabul on Monday, police said. The wounded were taken to", "ok")
    put("tags_only.html", "<html><head><script>var x = 1;</script></head><body><div></div></body>", "error")
    put("garbage.html", b"\x00\x01\x02<html>\x00", "error")
    put("not_html.html", "<<<<>>>>&&&&;;;</p></div></body>", "ok")
    # JSON / JSONL / CSV
    put("truncated.json", '{"text": "Airstrike killed 9 people in Idlib", "published": "2020-', "error")
    put("wrong_type.json", "42", "error")
    put("no_text.json", json.dumps([{"title": "no body"}, {"text": 17}]), "error")
    put("empty_list.json", "[]", "error")
    put("deep.json", "[" * 100000 + "]" * 100000, "error")
    put("partly.jsonl", '{"text": "Gunmen killed 3 people in Gao."}\n{"text": "broken\n[1,2]\n\n', "ok")
    put("all_bad.jsonl", "not json\n{\"no\": \"text\"}\n", "error")
    put("truncated.csv", 'id,text,published\nt1,"Shelling killed 4 people in Idlib.",2020-01-01\nt2,"unterminated', "ok")
    put("no_text_col.csv", "id,body\n1,hello\n", "error")
    put("ragged.csv", "id,text\n1,Gunmen killed 2 people in Gao.,extra,cells\n2\n", "ok")
    # PDFs: image only, encrypted, truncated
    put("report.pdf", minimal_pdf("Shelling killed 4 people in the old town."), "ok")
    blank = PdfWriter()
    blank.add_blank_page(width=612, height=792)
    buf = io.BytesIO()
    blank.write(buf)
    put("scan.pdf", buf.getvalue(), "error")
    locked = PdfWriter(clone_from=io.BytesIO(minimal_pdf("Secret toll of 5.")))
    locked.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    buf = io.BytesIO()
    locked.write(buf)
    put("locked.pdf", buf.getvalue(), "error")
    put("truncated.pdf", minimal_pdf("Shelling killed 4 people.")[:150], "error")
    return expect
