"""``Store``: the ledger's SQLite file (documents, mentions, events, runs, edits).

One file, plain tables, readable by any SQLite tool (see ``docs/schema.md``).
Every write is one explicit ``BEGIN IMMEDIATE`` transaction; a database held
locked by another process for longer than the busy timeout raises
``deathtoll.errors.DatabaseLocked``.

Document id rule (``add_documents``): a document whose content hash (whitespace-
normalised text) is already stored is not stored again and is reported as a
duplicate ``(its doc_id, stored doc_id)``. A document with new text but a doc_id
already taken is stored under the first free id of ``doc_id-2``, ``doc_id-3``, …
and reported in ``AddResult.renamed`` — callers must use the new id from then on.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from types import TracebackType
from typing import Any, Optional

from deathtoll.errors import NotFound, StoreError
from deathtoll.model import Document, Event, EventMention, event_from_dict, mention_from_dict, stable_id
from deathtoll.store import rows
from deathtoll.store.db import DEFAULT_TIMEOUT, connect, dumps, loads, now, query, write_tx
from deathtoll.store.migrations import migrate


@dataclass
class AddResult:
    """What ``add_documents`` did: ids stored, duplicates skipped, ids changed on clash."""

    added: list[str] = field(default_factory=list)  # doc ids as stored
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (given doc_id, stored doc_id)
    renamed: list[tuple[str, str]] = field(default_factory=list)  # (given doc_id, new doc_id)


@dataclass(frozen=True)
class Edit:
    """One analyst decision (merge, split, correct a toll …); never derived, never deleted."""

    edit_id: int
    created_at: str
    user: str
    action: str
    target: str
    payload: dict[str, Any]
    undone_at: Optional[str] = None


def _iso(d: date | str) -> str:
    return d.isoformat() if isinstance(d, date) else str(d)


class Store:
    """The SQLite ledger. Create with :meth:`open`; use as a context manager or call :meth:`close`."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self._conn = conn
        self.path = path
        # the mentions this Store last saved, by id, with the exact ``data`` JSON written:
        # reading back a row whose JSON is byte-for-byte the same reuses the record instead
        # of decoding it again (a run saves mentions and then reads them all to link)
        self._saved: dict[str, tuple[str, EventMention]] = {}

    # ------------------------------------------------------------- lifecycle

    @classmethod
    def open(cls, path: str | Path, *, timeout: float = DEFAULT_TIMEOUT) -> Store:
        """Open (creating if needed) the database at ``path`` and apply pending migrations."""
        conn = connect(path, timeout)
        try:
            migrate(conn)
        except BaseException:
            conn.close()
            raise
        return cls(conn, Path(path))

    def close(self) -> None:
        """Close the connection (idempotent)."""
        self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    # ------------------------------------------------------------- documents

    def add_documents(self, docs: Iterable[Document]) -> AddResult:
        """Store new documents in one transaction; see the module docstring for the id rule."""
        result = AddResult()
        with write_tx(self._conn, "adding documents") as c:
            for doc in docs:
                found = c.execute("SELECT doc_id FROM documents WHERE content_hash = ?", (doc.hash,)).fetchone()
                if found:
                    result.duplicates.append((doc.doc_id, found[0]))
                    continue
                doc_id = self._free_doc_id(c, doc.doc_id)
                if doc_id != doc.doc_id:
                    result.renamed.append((doc.doc_id, doc_id))
                row = rows.document_row(doc, doc_id, now())
                c.execute(rows.insert_sql("documents", row), row)
                result.added.append(doc_id)
        return result

    @staticmethod
    def _free_doc_id(c: sqlite3.Connection, doc_id: str) -> str:
        candidate, n = doc_id, 1
        while c.execute("SELECT 1 FROM documents WHERE doc_id = ?", (candidate,)).fetchone():
            n += 1
            candidate = f"{doc_id}-{n}"
        return candidate

    def get_document(self, doc_id: str) -> Document:
        """The document stored under ``doc_id``; raises ``NotFound``."""
        found = query(self._conn, "SELECT * FROM documents WHERE doc_id = ?", (doc_id,), "reading a document")
        if not found:
            raise NotFound(f"no document with id {doc_id!r}")
        return rows.document_from_row(found[0])

    def iter_documents(self) -> Iterator[Document]:
        """All documents in the order they were added."""
        for row in query(self._conn, "SELECT * FROM documents ORDER BY rowid", (), "reading documents"):
            yield rows.document_from_row(row)

    def document_meta(self) -> dict[str, dict[str, Any]]:
        """doc_id → {title, source, url, published} without the texts (cheap, for exports)."""
        sql = "SELECT doc_id, title, source, url, published FROM documents"
        return {r["doc_id"]: dict(r) for r in query(self._conn, sql, (), "reading documents")}

    def unprocessed_documents(self, version: str, *, reprocess: bool = False) -> list[Document]:
        """Documents never extracted (``processed_version IS NULL``).

        With ``reprocess=True`` also those processed by a version other than ``version``.
        """
        sql = "SELECT * FROM documents WHERE processed_version IS NULL"
        params: tuple[Any, ...] = ()
        if reprocess:
            sql += " OR processed_version != ?"
            params = (version,)
        return [rows.document_from_row(r) for r in query(self._conn, sql + " ORDER BY rowid", params)]

    def count_documents(self) -> int:
        """How many documents are stored."""
        return int(query(self._conn, "SELECT count(*) FROM documents")[0][0])

    # ------------------------------------------------- near-duplicate origins

    def set_origins(self, mapping: Mapping[str, str]) -> None:
        """Record each document's ``origin_id`` (earliest document of its near-duplicate group)."""
        with write_tx(self._conn, "saving document origins") as c:
            c.executemany("UPDATE documents SET origin_id = ? WHERE doc_id = ?", [(o, d) for d, o in mapping.items()])

    def origins(self) -> dict[str, str]:
        """doc_id → origin_id for every document (a document with none recorded is its own origin)."""
        sql = "SELECT doc_id, COALESCE(origin_id, doc_id) FROM documents"
        return {r[0]: r[1] for r in query(self._conn, sql, (), "reading document origins")}

    def save_signatures(self, sigs: Mapping[str, bytes], scheme: str) -> None:
        """Store near-duplicate signatures (opaque bytes made by ``deathtoll.neardup``)."""
        with write_tx(self._conn, "saving document signatures") as c:
            c.executemany(
                "INSERT OR REPLACE INTO doc_signatures (doc_id, scheme, sig) VALUES (?, ?, ?)",
                [(d, scheme, s) for d, s in sigs.items()],
            )

    def signatures(self, scheme: str) -> list[tuple[str, bytes, str]]:
        """(doc_id, signature, origin_id) of signed documents, in ingest order."""
        sql = (
            "SELECT d.doc_id, s.sig, COALESCE(d.origin_id, d.doc_id) FROM doc_signatures s "
            "JOIN documents d ON d.doc_id = s.doc_id WHERE s.scheme = ? ORDER BY d.rowid"
        )
        return [(r[0], bytes(r[1]), r[2]) for r in query(self._conn, sql, (scheme,), "reading signatures")]

    def unsigned_documents(self, scheme: str) -> list[tuple[str, str]]:
        """(doc_id, text) of documents without a signature of ``scheme``, in ingest order."""
        sql = (
            "SELECT doc_id, text FROM documents WHERE doc_id NOT IN "
            "(SELECT doc_id FROM doc_signatures WHERE scheme = ?) ORDER BY rowid"
        )
        return [(r[0], r[1]) for r in query(self._conn, sql, (scheme,), "reading documents")]

    # -------------------------------------------------------------- mentions

    def save_mentions(self, doc_ids_processed: Sequence[str], mentions: Sequence[EventMention], version: str) -> None:
        """Replace the mentions of ``doc_ids_processed`` and mark them processed by ``version``.

        One transaction: either all of it is stored or nothing. Every mention must
        belong to one of ``doc_ids_processed`` (``StoreError`` otherwise). A claim
        with an empty or already used ``claim_id`` is stored under a derived id
        (``stable_id("c", mention_id, index)``, then ``-2``, ``-3`` … suffixes);
        the ``data`` JSON keeps the claim as given.
        """
        doc_set = set(doc_ids_processed)
        stray = sorted({m.doc_id for m in mentions} - doc_set)
        if stray:
            raise StoreError(f"mentions given for documents not in doc_ids_processed: {', '.join(stray)}")
        self._saved = {}
        with write_tx(self._conn, "saving mentions") as c:
            missing = sorted(doc_set - set(self._existing(c, "documents", "doc_id", doc_set)))
            if missing:
                raise NotFound(f"cannot save mentions: no document with id {missing[0]!r}")
            c.executemany("DELETE FROM mentions WHERE doc_id = ?", [(d,) for d in doc_set])  # claims cascade
            c.executemany("UPDATE documents SET processed_version = ? WHERE doc_id = ?", [(version, d) for d in doc_set])
            mention_rows = [rows.mention_row(m) for m in mentions]
            if mention_rows:
                try:
                    c.executemany(rows.insert_sql("mentions", mention_rows[0]), mention_rows)
                except sqlite3.IntegrityError as e:
                    m = self._clashing_mention(c, mentions)
                    raise StoreError(f"cannot store mention {m.mention_id!r} of {m.doc_id!r}: {e}") from e
            saved = {m.mention_id: (row["data"], m) for m, row in zip(mentions, mention_rows)}
            wanted = [(m, i, claim, claim.claim_id or stable_id("c", m.mention_id, i)) for m in mentions for i, claim in enumerate(m.claims)]
            taken = set(self._existing(c, "claims", "claim_id", {w[3] for w in wanted}))
            claim_rows = []
            for m, i, claim, claim_id in wanted:
                if claim_id in taken:
                    claim_id = self._free_claim_id(c, claim_id, taken)
                taken.add(claim_id)
                claim_rows.append(rows.claim_row(claim, claim_id, m))
            if claim_rows:
                c.executemany(rows.insert_sql("claims", claim_rows[0]), claim_rows)
        self._saved = saved

    @staticmethod
    def _existing(c: sqlite3.Connection, table: str, column: str, values: Iterable[str]) -> list[str]:
        """Which of ``values`` are in ``table.column`` (asked in slices SQLite accepts)."""
        values = list(values)
        found: list[str] = []
        for k in range(0, len(values), 500):
            part = values[k : k + 500]
            sql = f"SELECT {column} FROM {table} WHERE {column} IN ({', '.join('?' * len(part))})"
            found.extend(r[0] for r in c.execute(sql, part))
        return found

    @staticmethod
    def _clashing_mention(c: sqlite3.Connection, mentions: Sequence[EventMention]) -> EventMention:
        """The mention whose id could not be stored: repeated in ``mentions`` or held by another document."""
        seen: set[str] = set()
        for m in mentions:
            if m.mention_id in seen:
                return m
            seen.add(m.mention_id)
        return next(
            (m for m in mentions if c.execute("SELECT 1 FROM mentions WHERE mention_id = ? AND doc_id != ?", (m.mention_id, m.doc_id)).fetchone()),
            mentions[0],
        )

    @staticmethod
    def _free_claim_id(c: sqlite3.Connection, claim_id: str, used: set[str]) -> str:
        candidate, n = claim_id, 1
        while candidate in used or c.execute("SELECT 1 FROM claims WHERE claim_id = ?", (candidate,)).fetchone():
            n += 1
            candidate = f"{claim_id}-{n}"
        return candidate

    def all_mentions(self, doc_ids: Optional[Iterable[str]] = None) -> list[EventMention]:
        """Every stored mention (or those of ``doc_ids``), rebuilt from the ``data`` JSON
        (or, when the row holds exactly the JSON this Store just saved, the saved record)."""
        sql = "SELECT m.mention_id, m.data FROM mentions m JOIN documents d ON d.doc_id = m.doc_id"
        params: list[str] = []
        if doc_ids is not None:
            params = list(doc_ids)
            sql += f" WHERE m.doc_id IN ({', '.join('?' * len(params))})" if params else " WHERE 0"
        sql += " ORDER BY d.rowid, m.start, m.mention_id"
        saved = self._saved
        out: list[EventMention] = []
        for mention_id, data in query(self._conn, sql, params, "reading mentions"):
            known = saved.get(mention_id)
            out.append(known[1] if known is not None and known[0] == data else mention_from_dict(loads(data)))
        return out

    def mention_events(self) -> dict[str, str]:
        """mention_id → event_id for every mention in the current events."""
        sql = "SELECT mention_id, event_id FROM event_mentions"
        return {r[0]: r[1] for r in query(self._conn, sql, (), "reading event links")}

    # ---------------------------------------------------------------- events

    def events_input_stamp(self) -> str:
        """A stamp of what events are derived from (mentions, analyst edits): it changes whenever
        another process saves mentions or edits, so a rebuild can tell that its input went stale."""
        m = query(self._conn, "SELECT count(*), total(rowid), total(length(data)) FROM mentions", (), "stamping mentions")[0]
        e = query(self._conn, "SELECT count(*), coalesce(max(edit_id), 0), count(undone_at) FROM edits", (), "stamping edits")[0]
        return f"{m[0]}:{m[1]:.0f}:{m[2]:.0f}|{e[0]}:{e[1]}:{e[2]}"

    def replace_events(self, events: Sequence[Event], run_id: Optional[str] = None, *, if_stamp: Optional[str] = None) -> bool:
        """Replace all events (they are derived) with ``events``, in one transaction.

        With ``if_stamp`` (from :meth:`events_input_stamp` before the events were computed),
        nothing is written and False is returned when mentions or edits changed meanwhile
        (another process's run or edit): the caller recomputes. Otherwise returns True.
        """
        with write_tx(self._conn, "replacing events") as c:
            if if_stamp is not None and self.events_input_stamp() != if_stamp:
                return False
            c.execute("DELETE FROM events")  # event_mentions cascade
            event_rows = [rows.event_row(e, run_id, self._saved) for e in events]
            if event_rows:
                try:
                    c.executemany(rows.insert_sql("events", event_rows[0]), event_rows)
                except sqlite3.IntegrityError as err:
                    twice = next((i for i, n in Counter(e.event_id for e in events).items() if n > 1), "?")
                    raise StoreError(f"cannot store event {twice!r}: {err}") from err
            c.executemany(
                "INSERT OR IGNORE INTO event_mentions (event_id, mention_id, doc_id) VALUES (?, ?, ?)",
                [(e.event_id, m.mention_id, m.doc_id) for e in events for m in e.mentions],
            )
        return True

    def import_events(self, events: Sequence[Event], *, version: str = "import", run_id: Optional[str] = None) -> list[str]:
        """Store ``events`` with their mentions and claims as given, in one transaction.

        For records that come from elsewhere (an events JSONL export): nothing is
        extracted, linked or reconciled. A document id the mentions refer to that is
        not stored gets a stub document (empty text, ``meta`` ``{"stub": true}``,
        ``content_hash`` ``"stub:<doc_id>"``, ``processed_version`` = ``version``).
        Mentions and events whose ids are already stored are replaced; other events
        are kept. Claims keep their ``claim_id`` unless it is taken (then the
        ``-2``, ``-3`` … rule of :meth:`save_mentions`). Returns the stub doc ids created.
        """
        stubs: list[str] = []
        with write_tx(self._conn, "importing events") as c:
            used: set[str] = set()
            for e in events:
                for m in e.mentions:
                    if not c.execute("SELECT 1 FROM documents WHERE doc_id = ?", (m.doc_id,)).fetchone():
                        stub = Document(doc_id=m.doc_id, text="", meta={"stub": True})
                        row = {**rows.document_row(stub, m.doc_id, now()), "content_hash": f"stub:{m.doc_id}",
                               "processed_version": version}
                        c.execute(rows.insert_sql("documents", row), row)
                        stubs.append(m.doc_id)
                    c.execute("DELETE FROM mentions WHERE mention_id = ?", (m.mention_id,))  # claims cascade
                    row = rows.mention_row(m)
                    c.execute(rows.insert_sql("mentions", row), row)
                    for i, claim in enumerate(m.claims):
                        claim_id = self._free_claim_id(c, claim.claim_id or stable_id("c", m.mention_id, i), used)
                        used.add(claim_id)
                        crow = rows.claim_row(claim, claim_id, m)
                        c.execute(rows.insert_sql("claims", crow), crow)
                c.execute("DELETE FROM events WHERE event_id = ?", (e.event_id,))  # event_mentions cascade
                erow = rows.event_row(e, run_id)
                c.execute(rows.insert_sql("events", erow), erow)
                c.executemany(
                    "INSERT OR REPLACE INTO event_mentions (event_id, mention_id, doc_id) VALUES (?, ?, ?)",
                    [(e.event_id, m.mention_id, m.doc_id) for m in e.mentions],
                )
        return stubs

    def events(
        self,
        *,
        since: date | str | None = None,
        until: date | str | None = None,
        country: Optional[str] = None,
        admin1: Optional[str] = None,
        perpetrator: Optional[str] = None,
        event_type: Optional[str] = None,
        min_deaths: Optional[int] = None,
        limit: Optional[int] = None,
    ) -> list[Event]:
        """Events matching all given filters, newest first (``date_start`` desc, undated last).

        ``since``/``until``: the event's date interval overlaps [since, until] (undated
        events are left out when either is given). ``country``: name or ISO code,
        ``admin1``: name (both case-insensitive). ``perpetrator``: actor id, or a
        case-insensitive substring of its name. ``min_deaths``: best fatalities (low
        when there is no best) at least this.
        """
        where: list[str] = []
        params: list[Any] = []
        if since is not None:
            where.append("date_end >= ?")
            params.append(_iso(since))
        if until is not None:
            where.append("date_start <= ?")
            params.append(_iso(until))
        if country:
            where.append("(lower(place_country) = lower(?) OR lower(place_country_code) = lower(?))")
            params += [country, country]
        if admin1:
            where.append("lower(place_admin1) = lower(?)")
            params.append(admin1)
        if perpetrator:
            where.append("(perpetrator_id = ? OR instr(lower(perpetrator_name), lower(?)) > 0)")
            params += [perpetrator, perpetrator]
        if event_type:
            where.append("event_type = ?")
            params.append(event_type)
        if min_deaths is not None:
            where.append("coalesce(fatalities_best, fatalities_low) >= ?")
            params.append(min_deaths)
        sql = "SELECT data FROM events"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY date_start IS NULL, date_start DESC, event_id"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        return [event_from_dict(loads(r[0])) for r in query(self._conn, sql, params, "reading events")]

    def get_event(self, event_id: str) -> Event:
        """The event ``event_id``; raises ``NotFound``."""
        found = query(self._conn, "SELECT data FROM events WHERE event_id = ?", (event_id,), "reading an event")
        if not found:
            raise NotFound(f"no event with id {event_id!r}")
        return event_from_dict(loads(found[0][0]))

    def count_events(self) -> int:
        """How many events are stored."""
        return int(query(self._conn, "SELECT count(*) FROM events")[0][0])

    def integrity_findings(self) -> list[tuple[str, str]]:
        """(kind, detail) for every inconsistency in the file (see ``store.integrity``); [] when sound."""
        from deathtoll.store import integrity

        return integrity.findings(self._conn)

    def table_counts(self) -> dict[str, int]:
        """Rows in each ledger table (documents, mentions, claims, events, edits, runs)."""
        names = ("documents", "mentions", "claims", "events", "edits", "runs")
        return {n: int(query(self._conn, f"SELECT count(*) FROM {n}", (), f"counting {n}")[0][0]) for n in names}

    # ------------------------------------------------------------------ runs

    def start_run(self, version: str) -> str:
        """Record the start of a pipeline run; returns its id."""
        run_id = f"run-{now().replace(':', '').replace('-', '')[:15]}-{uuid.uuid4().hex[:6]}"
        with write_tx(self._conn, "starting a run") as c:
            c.execute("INSERT INTO runs (run_id, started_at, version) VALUES (?, ?, ?)", (run_id, now(), version))
        return run_id

    def finish_run(self, run_id: str, stats: dict[str, Any]) -> None:
        """Record the end of run ``run_id`` with its ``stats``; raises ``NotFound``."""
        with write_tx(self._conn, "finishing a run") as c:
            cur = c.execute(
                "UPDATE runs SET finished_at = ?, stats = ? WHERE run_id = ?", (now(), dumps(stats), run_id)
            )
            if cur.rowcount == 0:
                raise NotFound(f"no run with id {run_id!r}")

    def runs(self) -> list[dict[str, Any]]:
        """All runs, newest first, as plain dicts (``stats`` decoded)."""
        found = query(self._conn, "SELECT * FROM runs ORDER BY started_at DESC, rowid DESC")
        return [{**dict(r), "stats": loads(r["stats"])} for r in found]

    # ----------------------------------------------------------------- edits

    def add_edit(self, user: str, action: str, target: str, payload: dict[str, Any]) -> int:
        """Record an analyst decision; returns its ``edit_id``."""
        with write_tx(self._conn, "recording an edit") as c:
            cur = c.execute(
                "INSERT INTO edits (created_at, user, action, target, payload) VALUES (?, ?, ?, ?, ?)",
                (now(), user, action, target, dumps(payload)),
            )
            return int(cur.lastrowid or 0)

    def active_edits(self) -> list[Edit]:
        """Edits not undone, oldest first (the order to apply them in)."""
        found = query(self._conn, "SELECT * FROM edits WHERE undone_at IS NULL ORDER BY edit_id")
        return [Edit(**{**dict(r), "payload": loads(r["payload"], {})}) for r in found]

    def undo_edit(self, edit_id: int) -> None:
        """Mark an edit undone (kept for the record). Undoing twice keeps the first time; unknown id: ``NotFound``."""
        with write_tx(self._conn, "undoing an edit") as c:
            if not c.execute("SELECT 1 FROM edits WHERE edit_id = ?", (edit_id,)).fetchone():
                raise NotFound(f"no edit with id {edit_id}")
            c.execute("UPDATE edits SET undone_at = ? WHERE edit_id = ? AND undone_at IS NULL", (now(), edit_id))

    def edits(self, *, target: Optional[str] = None, include_undone: bool = True) -> list[Edit]:
        """Every edit (the audit log), oldest first; only those on ``target`` when given."""
        sql = "SELECT * FROM edits"
        where, params = [], []
        if target is not None:
            where.append("target = ?")
            params.append(target)
        if not include_undone:
            where.append("undone_at IS NULL")
        if where:
            sql += " WHERE " + " AND ".join(where)
        found = query(self._conn, sql + " ORDER BY edit_id", params, "reading edits")
        return [Edit(**{**dict(r), "payload": loads(r["payload"], {})}) for r in found]

    def get_edit(self, edit_id: int) -> Edit:
        """One edit by id; raises ``NotFound``."""
        found = query(self._conn, "SELECT * FROM edits WHERE edit_id = ?", (edit_id,), "reading an edit")
        if not found:
            raise NotFound(f"no edit with id {edit_id}")
        return Edit(**{**dict(found[0]), "payload": loads(found[0]["payload"], {})})

    # ------------------------------------------------------- users and tokens

    def add_user(self, name: str, password_hash: str) -> None:
        """Create user ``name`` with an already hashed password; a taken name is a ``StoreError``."""
        with write_tx(self._conn, "adding a user") as c:
            if c.execute("SELECT 1 FROM users WHERE name = ?", (name,)).fetchone():
                raise StoreError(f"user {name!r} already exists")
            c.execute("INSERT INTO users (name, password_hash, created_at) VALUES (?, ?, ?)",
                      (name, password_hash, now()))

    def set_password_hash(self, name: str, password_hash: str) -> None:
        """Replace the password hash of ``name``; raises ``NotFound``."""
        with write_tx(self._conn, "changing a password") as c:
            if c.execute("UPDATE users SET password_hash = ? WHERE name = ?", (password_hash, name)).rowcount == 0:
                raise NotFound(f"no user {name!r}")

    def password_hash(self, name: str) -> Optional[str]:
        """The stored password hash of ``name`` (``None`` if there is no such user)."""
        found = query(self._conn, "SELECT password_hash FROM users WHERE name = ?", (name,), "reading a user")
        return found[0][0] if found else None

    def users(self) -> list[str]:
        """All user names, sorted."""
        return [r[0] for r in query(self._conn, "SELECT name FROM users ORDER BY name", (), "reading users")]

    def add_api_token(self, user: str, token_hash: str) -> int:
        """Store the hash of a new API token of ``user``; returns its id. Unknown user: ``NotFound``."""
        with write_tx(self._conn, "adding an API token") as c:
            if not c.execute("SELECT 1 FROM users WHERE name = ?", (user,)).fetchone():
                raise NotFound(f"no user {user!r}")
            cur = c.execute("INSERT INTO api_tokens (user, token_hash, created_at) VALUES (?, ?, ?)",
                            (user, token_hash, now()))
            return int(cur.lastrowid or 0)

    def token_user(self, token_hash: str) -> Optional[str]:
        """The user owning the (not revoked) token with this hash, else ``None``."""
        sql = "SELECT user FROM api_tokens WHERE token_hash = ? AND revoked_at IS NULL"
        found = query(self._conn, sql, (token_hash,), "reading API tokens")
        return found[0][0] if found else None

    def revoke_api_token(self, token_id: int) -> None:
        """Revoke a token (kept for the record); unknown id: ``NotFound``."""
        with write_tx(self._conn, "revoking an API token") as c:
            cur = c.execute("UPDATE api_tokens SET revoked_at = coalesce(revoked_at, ?) WHERE token_id = ?",
                            (now(), token_id))
            if cur.rowcount == 0:
                raise NotFound(f"no API token with id {token_id}")


__all__ = ["AddResult", "Edit", "Store"]
