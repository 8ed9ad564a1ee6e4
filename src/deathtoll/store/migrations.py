"""Schema migrations: numbered functions, applied once each, recorded in ``_migrations``.

To change the schema, append a new function decorated with ``@migration(N, "what")``
(N one higher than the last) and never edit an applied one. Each migration runs
inside the ``BEGIN IMMEDIATE`` transaction of :func:`migrate`, so a failing
migration leaves the database as it was. ``docs/schema.md`` describes the result.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from deathtoll.errors import StoreError
from deathtoll.store.db import now, write_tx

Migration = Callable[[sqlite3.Connection], None]
#: version → (description, function), filled by the decorator.
MIGRATIONS: dict[int, tuple[str, Migration]] = {}


def migration(version: int, description: str) -> Callable[[Migration], Migration]:
    """Register ``fn`` as schema migration number ``version``."""

    def register(fn: Migration) -> Migration:
        if version in MIGRATIONS:
            raise StoreError(f"duplicate migration number {version}")
        MIGRATIONS[version] = (description, fn)
        return fn

    return register


def run_sql(conn: sqlite3.Connection, sql: str) -> None:
    """Execute statements one by one (``executescript`` would COMMIT our transaction).

    Statements are cut at ``;`` only where ``sqlite3.complete_statement`` agrees,
    so semicolons inside string literals are safe.
    """
    stmt = ""
    for piece in sql.split(";"):
        stmt += piece + ";"
        if sqlite3.complete_statement(stmt):
            if stmt.strip(" \n;"):
                conn.execute(stmt)
            stmt = ""
    if stmt.strip(" \n;"):
        raise StoreError(f"incomplete SQL statement in migration: {stmt[:80]!r}")


def applied_versions(conn: sqlite3.Connection) -> set[int]:
    """Versions recorded in ``_migrations`` (empty for a new file)."""
    conn.execute(
        "CREATE TABLE IF NOT EXISTS _migrations ("
        " version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)"
    )
    return {r[0] for r in conn.execute("SELECT version FROM _migrations")}


def migrate(conn: sqlite3.Connection) -> list[int]:
    """Apply every pending migration in order; return the versions applied now."""
    pending = sorted(set(MIGRATIONS) - applied_versions(conn))
    if not pending:
        return []  # no write lock needed: opening a current database never blocks
    done: list[int] = []
    with write_tx(conn, "migrating the database schema"):
        for version in sorted(set(MIGRATIONS) - applied_versions(conn)):  # re-check under lock
            description, fn = MIGRATIONS[version]
            fn(conn)
            conn.execute(
                "INSERT INTO _migrations (version, description, applied_at) VALUES (?, ?, ?)",
                (version, description, now()),
            )
            done.append(version)
    return done


# ------------------------------------------------------------------ migrations

_PLACE_COLUMNS = """
    place_name TEXT, place_admin1 TEXT, place_country TEXT, place_country_code TEXT,
    place_lat REAL, place_lon REAL, place_precision INTEGER, place_geonameid INTEGER"""

_DATE_COLUMNS = "date_start TEXT, date_end TEXT, date_precision TEXT"


@migration(1, "initial schema: documents, mentions, claims, events, runs, edits, views")
def _m0001_initial(conn: sqlite3.Connection) -> None:
    run_sql(
        conn,
        f"""
CREATE TABLE documents (
    doc_id TEXT PRIMARY KEY,
    content_hash TEXT NOT NULL UNIQUE,
    title TEXT, source TEXT, url TEXT, published TEXT, path TEXT,
    format TEXT NOT NULL DEFAULT 'txt',
    meta TEXT NOT NULL DEFAULT '{{}}',
    text TEXT NOT NULL,
    ingested_at TEXT NOT NULL,
    processed_version TEXT
);
CREATE TABLE mentions (
    mention_id TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    event_type TEXT NOT NULL,
    perpetrator_id TEXT, perpetrator_name TEXT, perpetrator_kind TEXT,
    victim_kind TEXT, method TEXT,
    {_PLACE_COLUMNS},
    {_DATE_COLUMNS},
    trigger TEXT, quote TEXT, start INTEGER, "end" INTEGER, extractor TEXT,
    data TEXT NOT NULL
);
CREATE INDEX mentions_doc ON mentions(doc_id);
CREATE TABLE claims (
    claim_id TEXT PRIMARY KEY,
    mention_id TEXT NOT NULL REFERENCES mentions(mention_id) ON DELETE CASCADE,
    doc_id TEXT NOT NULL,
    kind TEXT NOT NULL, low INTEGER, high INTEGER, value INTEGER, qualifier TEXT,
    victim_kind TEXT, subgroup TEXT, claimant TEXT, claimant_kind TEXT,
    quote TEXT, start INTEGER, "end" INTEGER,
    number_text TEXT, number_start INTEGER, number_end INTEGER
);
CREATE INDEX claims_mention ON claims(mention_id);
CREATE INDEX claims_doc ON claims(doc_id);
CREATE TABLE runs (
    run_id TEXT PRIMARY KEY,
    started_at TEXT NOT NULL, finished_at TEXT,
    version TEXT NOT NULL,
    stats TEXT
);
CREATE TABLE events (
    event_id TEXT PRIMARY KEY,
    run_id TEXT,
    event_type TEXT NOT NULL,
    perpetrator_id TEXT, perpetrator_name TEXT, perpetrator_kind TEXT,
    {_PLACE_COLUMNS},
    {_DATE_COLUMNS},
    fatalities_low INTEGER, fatalities_best INTEGER, fatalities_high INTEGER,
    injured_low INTEGER, injured_best INTEGER, injured_high INTEGER,
    n_documents INTEGER NOT NULL, n_mentions INTEGER NOT NULL, n_claims INTEGER NOT NULL,
    rule TEXT,
    link_reasons TEXT NOT NULL DEFAULT '[]',
    contradictions TEXT NOT NULL DEFAULT '[]',
    victims TEXT NOT NULL DEFAULT '{{}}',
    data TEXT NOT NULL
);
CREATE INDEX events_date ON events(date_start);
CREATE TABLE event_mentions (
    event_id TEXT NOT NULL REFERENCES events(event_id) ON DELETE CASCADE,
    mention_id TEXT NOT NULL,
    doc_id TEXT NOT NULL,
    PRIMARY KEY (event_id, mention_id)
);
CREATE INDEX event_mentions_mention ON event_mentions(mention_id);
CREATE TABLE edits (
    edit_id INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at TEXT NOT NULL,
    user TEXT NOT NULL,
    action TEXT NOT NULL,
    target TEXT NOT NULL,
    payload TEXT NOT NULL DEFAULT '{{}}',
    undone_at TEXT
);
CREATE VIEW v_events AS
SELECT e.event_id, e.event_type, e.perpetrator_id, e.perpetrator_name, e.perpetrator_kind,
       e.place_name, e.place_admin1, e.place_country, e.place_country_code,
       e.place_lat, e.place_lon, e.place_precision,
       e.date_start, e.date_end, e.date_precision,
       e.fatalities_low, e.fatalities_best, e.fatalities_high,
       e.injured_low, e.injured_best, e.injured_high,
       json_extract(e.victims, '$.civilians.low') AS civilians_low,
       json_extract(e.victims, '$.civilians.best') AS civilians_best,
       json_extract(e.victims, '$.civilians.high') AS civilians_high,
       json_extract(e.victims, '$.combatants.low') AS combatants_low,
       json_extract(e.victims, '$.combatants.best') AS combatants_best,
       json_extract(e.victims, '$.combatants.high') AS combatants_high,
       json_extract(e.victims, '$.prisoners.low') AS prisoners_low,
       json_extract(e.victims, '$.prisoners.best') AS prisoners_best,
       json_extract(e.victims, '$.prisoners.high') AS prisoners_high,
       json_extract(e.victims, '$.children.low') AS children_low,
       json_extract(e.victims, '$.children.best') AS children_best,
       json_extract(e.victims, '$.children.high') AS children_high,
       json_extract(e.victims, '$.women.low') AS women_low,
       json_extract(e.victims, '$.women.best') AS women_best,
       json_extract(e.victims, '$.women.high') AS women_high,
       e.n_documents, e.n_mentions, e.n_claims, e.rule,
       json_array_length(e.contradictions) AS n_contradictions,
       (SELECT group_concat(doc_id, ';') FROM
           (SELECT DISTINCT em.doc_id FROM event_mentions em WHERE em.event_id = e.event_id
            ORDER BY em.doc_id)) AS documents,
       e.run_id
FROM events e;
CREATE VIEW v_claims AS
SELECT c.claim_id, em.event_id, c.mention_id, c.doc_id,
       c.kind, c.low, c.high, c.value, c.qualifier, c.victim_kind, c.subgroup,
       c.claimant, c.claimant_kind, c.quote, c.start, c."end",
       c.number_text, c.number_start, c.number_end,
       d.source, d.url, d.published, d.title
FROM claims c
JOIN documents d ON d.doc_id = c.doc_id
LEFT JOIN event_mentions em ON em.mention_id = c.mention_id
""",
    )


@migration(2, "review web app: users and API tokens")
def _m0002_users_tokens(conn: sqlite3.Connection) -> None:
    run_sql(
        conn,
        """
CREATE TABLE users (
    name TEXT PRIMARY KEY,
    password_hash TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE TABLE api_tokens (
    token_id INTEGER PRIMARY KEY AUTOINCREMENT,
    user TEXT NOT NULL REFERENCES users(name) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    revoked_at TEXT
)
""",
    )


@migration(3, "near-duplicate documents: documents.origin_id and stored MinHash signatures")
def _m0003_origins(conn: sqlite3.Connection) -> None:
    run_sql(
        conn,
        """
ALTER TABLE documents ADD COLUMN origin_id TEXT;
CREATE INDEX documents_origin ON documents(origin_id);
CREATE TABLE doc_signatures (
    doc_id TEXT PRIMARY KEY REFERENCES documents(doc_id) ON DELETE CASCADE,
    scheme TEXT NOT NULL,
    sig BLOB NOT NULL
)
""",
    )
