"""Consistency checks over the ledger file, in SQL (used by ``Store.integrity_findings``).

Each check returns ``(kind, detail)`` pairs, one per problem found; an empty list
means the check holds. ``deathtoll.check`` turns them into the ``deathtoll check``
report. Stub documents (``content_hash`` ``stub:...``, created by event imports
that carry no text) have no text to check offsets against and are left out of the
offset checks.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from deathtoll.model import content_hash
from deathtoll.store.db import translate
from deathtoll.store.migrations import MIGRATIONS, applied_versions

Finding = tuple[str, str]
_LIMIT = 50  # problems reported per check (a broken file could give millions)


def sqlite_integrity(conn: sqlite3.Connection) -> list[Finding]:
    """``PRAGMA integrity_check``: the file's own structure (pages, indexes, constraints)."""
    rows = [r[0] for r in conn.execute(f"PRAGMA integrity_check({_LIMIT})")]
    return [] if rows == ["ok"] else [("sqlite", str(r)) for r in rows]


def foreign_keys(conn: sqlite3.Connection) -> list[Finding]:
    """``PRAGMA foreign_key_check``: rows pointing at a parent row that does not exist."""
    out = []
    for table, rowid, parent, _ in conn.execute("PRAGMA foreign_key_check").fetchmany(_LIMIT):
        out.append(("foreign_key", f"{table} row {rowid} refers to a missing row of {parent}"))
    return out


def migrations(conn: sqlite3.Connection) -> list[Finding]:
    """Every migration this code knows is applied, and none the code does not know."""
    done = applied_versions(conn)
    out = [("migrations", f"migration {v} ({MIGRATIONS[v][0]}) not applied") for v in sorted(set(MIGRATIONS) - done)]
    out += [("migrations", f"migration {v} is applied but unknown to this version of deathtoll")
            for v in sorted(done - set(MIGRATIONS))]
    return out


def document_hashes(conn: sqlite3.Connection) -> list[Finding]:
    """Content hashes are unique and match the stored texts (so dedup can be trusted)."""
    out = [("document_hash", f"content hash {h[:12]}… shared by {n} documents")
           for h, n in conn.execute(
               "SELECT content_hash, count(*) FROM documents GROUP BY content_hash HAVING count(*) > 1 LIMIT ?",
               (_LIMIT,))]
    cur = conn.execute("SELECT doc_id, content_hash, text FROM documents WHERE content_hash NOT LIKE 'stub:%'")
    for doc_id, stored, text in cur:
        if content_hash(text) != stored:
            out.append(("document_hash", f"document {doc_id}: stored content hash does not match its text"))
            if len(out) >= _LIMIT:
                break
    return out


def _spans(conn: sqlite3.Connection, table: str, key: str, kind: str) -> list[Finding]:
    """Offsets of ``table`` rows lie within their document and the quote is the text there."""
    sql = f"""
        SELECT t.{key}, t.doc_id, t.start, t."end", length(d.text) AS n,
               substr(d.text, t.start + 1, t."end" - t.start) = t.quote AS same
        FROM {table} t JOIN documents d ON d.doc_id = t.doc_id
        WHERE d.content_hash NOT LIKE 'stub:%'
          AND (t.start IS NULL OR t."end" IS NULL OR t.start < 0 OR t."end" < t.start OR t."end" > length(d.text)
               OR substr(d.text, t.start + 1, t."end" - t.start) IS NOT t.quote)
        LIMIT {_LIMIT}"""
    out = []
    for ident, doc_id, start, end, n, _same in conn.execute(sql):
        if start is None or end is None or start < 0 or end < start or end > n:
            out.append((kind, f"{ident}: offsets {start}-{end} outside document {doc_id} ({n} characters)"))
        else:
            out.append((kind, f"{ident}: quote differs from the text of document {doc_id} at {start}-{end}"))
    return out


def claim_spans(conn: sqlite3.Connection) -> list[Finding]:
    """Every claim's offsets lie in its document and its quote is the document text there."""
    return _spans(conn, "claims", "claim_id", "claim_offsets")


def mention_spans(conn: sqlite3.Connection) -> list[Finding]:
    """The same for every mention's sentence."""
    return _spans(conn, "mentions", "mention_id", "mention_offsets")


def orphans(conn: sqlite3.Connection) -> list[Finding]:
    """Mentions and claims whose document is gone; event links whose mention is gone."""
    checks = [
        ("mention_document", "SELECT m.mention_id, m.doc_id FROM mentions m LEFT JOIN documents d"
                             " ON d.doc_id = m.doc_id WHERE d.doc_id IS NULL", "mention {0}: no document {1}"),
        ("claim_document", "SELECT c.claim_id, c.doc_id FROM claims c LEFT JOIN documents d"
                           " ON d.doc_id = c.doc_id WHERE d.doc_id IS NULL", "claim {0}: no document {1}"),
        ("claim_mention", "SELECT c.claim_id, c.mention_id FROM claims c LEFT JOIN mentions m"
                          " ON m.mention_id = c.mention_id WHERE m.mention_id IS NULL", "claim {0}: no mention {1}"),
        ("event_mention", "SELECT em.event_id, em.mention_id FROM event_mentions em LEFT JOIN mentions m"
                          " ON m.mention_id = em.mention_id WHERE m.mention_id IS NULL", "event {0}: no mention {1}"),
        ("event_mention", "SELECT e.event_id, '' FROM events e LEFT JOIN event_mentions em"
                          " ON em.event_id = e.event_id WHERE em.event_id IS NULL", "event {0}: has no mentions"),
    ]
    out = []
    for kind, sql, fmt in checks:
        out += [(kind, fmt.format(a, b)) for a, b in conn.execute(sql + f" LIMIT {_LIMIT}")]
    return out


def tolls(conn: sqlite3.Connection) -> list[Finding]:
    """low <= best <= high for fatalities, injured and every victims group."""
    sql = """
        SELECT event_id, 'fatalities', fatalities_low, fatalities_best, fatalities_high FROM events
        UNION ALL SELECT event_id, 'injured', injured_low, injured_best, injured_high FROM events
        UNION ALL SELECT e.event_id, j.key, json_extract(j.value, '$.low'), json_extract(j.value, '$.best'),
                         json_extract(j.value, '$.high')
                  FROM events e, json_each(e.victims) j"""
    out = []
    for event_id, group, low, best, high in conn.execute(sql):
        vals = [v for v in (low, best, high) if v is not None]
        if vals != sorted(vals) or any(v < 0 for v in vals):
            out.append(("toll_order", f"event {event_id}: {group} low/best/high {low}/{best}/{high} not ordered"))
            if len(out) >= _LIMIT:
                break
    return out


CHECKS: tuple[Callable[[sqlite3.Connection], list[Finding]], ...] = (
    sqlite_integrity, foreign_keys, migrations, document_hashes, claim_spans, mention_spans, orphans, tolls,
)


def findings(conn: sqlite3.Connection) -> list[Finding]:
    """Every check in order; a check SQLite cannot run (a damaged file) is itself a finding."""
    out: list[Finding] = []
    for check in CHECKS:
        try:
            out.extend(check(conn))
        except sqlite3.Error as e:
            out.append(("sqlite", str(translate(e, f"running check {check.__name__}"))))
    return out
