"""``deathtoll`` command line. Each command: parse options, one library call, a clear error.

Exit codes: 0 success, 1 failure, 2 usage error (click), 3 partial success
(some files could not be read, or some documents could not be extracted; the rest were done).
"""

from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path

import click

from . import ledger as ledger_mod
from .errors import DeathtollError
from .model import Event, Toll

EXIT_PARTIAL = 3


def _fmt_toll(t: Toll) -> str:
    return t.describe()


def _fmt_date(e: Event) -> str:
    return e.time.describe() if e.time else "?"


def _fmt_place(e: Event) -> str:
    return e.place.label if e.place else "?"


def _open(ctx: click.Context) -> ledger_mod.Ledger:
    try:
        return ledger_mod.open(ctx.obj["db"])
    except DeathtollError as e:
        raise click.ClickException(str(e)) from e


def _progress(total: int, label: str):
    """A progress bar on a terminal, silence otherwise."""
    if not sys.stderr.isatty() or total < 2:
        return None
    bar = click.progressbar(length=total, label=label, file=sys.stderr)
    bar.__enter__()
    return bar


def _growing(bar):
    """A progress callback for work whose size is only known at the end (ingest reads files
    before it knows how many documents they hold): the bar's length grows with it."""
    if bar is None:
        return None

    def step(n: int) -> None:
        bar.length = max(bar.length or 0, bar.pos + n + 1)
        bar.update(n)

    return step


class _LineCounter:
    """A text file wrapper that reports each written line (one exported record) to ``update``."""

    def __init__(self, f, update) -> None:
        self._f, self._update = f, update

    def write(self, text: str) -> int:
        if text.count("\n"):
            self._update(text.count("\n"))
        return self._f.write(text)

    def __getattr__(self, name: str):
        return getattr(self._f, name)


@click.group()
@click.option("--db", default="deathtoll.db", show_default=True, envvar="DEATHTOLL_DB", help="SQLite ledger file.")
@click.version_option(package_name="deathtoll")
@click.pass_context
def cli(ctx: click.Context, db: str) -> None:
    """deathtoll: a sourced, deduplicated ledger of violent events and their death tolls."""
    ctx.ensure_object(dict)
    ctx.obj["db"] = db


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--csv-column", "csv_columns", multiple=True, metavar="FIELD=COLUMN",
              help="Map a field (id, text, title, url, source, published) to a CSV column, e.g. text=body.")
@click.pass_context
def ingest(ctx: click.Context, paths: tuple[str, ...], csv_columns: tuple[str, ...]) -> None:
    """Read reports (txt, html, json, jsonl, csv, pdf; files, folders or globs) into the ledger.

    Example: deathtoll ingest reports/ --csv-column text=body
    """
    mapping = {}
    for item in csv_columns:
        if "=" not in item:
            raise click.BadParameter(f"expected FIELD=COLUMN, got {item!r}", param_hint="--csv-column")
        k, v = item.split("=", 1)
        mapping[k.strip()] = v.strip()
    with _open(ctx) as lg:
        try:
            bar = _progress(2, "ingesting") if sys.stderr.isatty() else None
            s = lg.ingest(paths, csv_columns=mapping or None, progress=_growing(bar))
            if bar:
                bar.length = max(bar.pos, 1)  # the work turned out this big: show it finished
                bar.render_progress()
                bar.__exit__(None, None, None)
        except DeathtollError as e:
            raise click.ClickException(str(e)) from e
    for path, err in s.errors:
        click.echo(f"error: {path}: {err}", err=True)
    for path, reason in s.skipped:
        click.echo(f"skipped: {path}: {reason}", err=True)
    click.echo(f"{len(s.added)} added, {len(s.duplicates)} already in the ledger, "
               f"{len(s.skipped)} skipped, {len(s.errors)} errors")
    if s.errors:
        ctx.exit(EXIT_PARTIAL if s.added or s.duplicates else 1)


@cli.command()
@click.option("--reprocess", is_flag=True, help="Extract again from every document, not only new ones.")
@click.option("--dask", "dask", metavar="SCHEDULER_ADDRESS", default=None,
              help="Extract on a Dask cluster (e.g. tcp://10.0.0.5:8786); needs the [dask] extra.")
@click.pass_context
def run(ctx: click.Context, reprocess: bool, dask: str | None = None) -> None:
    """Extract, link and reconcile everything new. Safe to repeat.

    Example: deathtoll run            (or: deathtoll run --dask tcp://10.0.0.5:8786)
    """
    with _open(ctx) as lg:
        try:
            pending = len(lg.store.unprocessed_documents(lg.pipeline.version, reprocess=reprocess))
            bar = _progress(pending, "extracting")
            s = lg.run(reprocess=reprocess, progress=bar.update if bar else None, dask=dask)
            if bar:
                bar.__exit__(None, None, None)
        except DeathtollError as e:
            raise click.ClickException(str(e)) from e
    for doc_id, err in s.failed:
        click.echo(f"error: {doc_id}: extraction failed: {err}", err=True)
    failed = f", {len(s.failed)} failed (left for the next run)" if s.failed else ""
    click.echo(f"run {s.run_id}: {s.documents} documents processed{failed}, {s.mentions} mentions, {s.events} events in the ledger")
    if s.failed:
        ctx.exit(EXIT_PARTIAL if s.documents else 1)


def _print_events(events: list[Event]) -> None:
    if not events:
        click.echo("no events")
        return
    rows = [("EVENT", "DATE", "TYPE", "PERPETRATOR", "PLACE", "DEATHS best (low-high)", "DOCS")]
    for e in events:
        rows.append((e.event_id, _fmt_date(e), e.event_type, e.perpetrator.name, _fmt_place(e),
                     _fmt_toll(e.fatalities), str(len(e.doc_ids))))
    widths = [min(max(len(r[i]) for r in rows), 42) for i in range(len(rows[0]))]
    for r in rows:
        click.echo("  ".join(c[: widths[i]].ljust(widths[i]) for i, c in enumerate(r)).rstrip())


@cli.command()
@click.option("--since", help="Only events on or after this date (YYYY-MM-DD).")
@click.option("--until", help="Only events on or before this date (YYYY-MM-DD).")
@click.option("--country", help="Country name or ISO code.")
@click.option("--admin1", help="Province / governorate / state.")
@click.option("--perpetrator", help="Actor id or part of its name.")
@click.option("--type", "event_type", help="Event type (execution, shooting, air_strike ...).")
@click.option("--min-deaths", type=int, help="Only events with at least this many deaths (best).")
@click.option("--limit", type=int, default=None)
@click.pass_context
def events(ctx: click.Context, **filters) -> None:
    """A table of events, newest first.

    Example: deathtoll events --country Syria --min-deaths 10
    """
    filters = {k: v for k, v in filters.items() if v is not None}
    with _open(ctx) as lg:
        try:
            _print_events(lg.events(**filters))
        except DeathtollError as e:
            raise click.ClickException(str(e)) from e


@cli.command()
@click.argument("event_id")
@click.pass_context
def show(ctx: click.Context, event_id: str) -> None:
    """Every claim of one event, with its source and sentence.

    Example: deathtoll show ev-1a2b3c4d5e6f
    """
    with _open(ctx) as lg:
        try:
            e = lg.event(event_id)
            docs = {d: lg.document(d) for d in e.doc_ids}
        except DeathtollError as err:
            raise click.ClickException(str(err)) from err
    click.echo(f"{e.event_id}  {e.event_type}  by {e.perpetrator.name}")
    click.echo(f"  where: {_fmt_place(e)}" + (f"  ({e.place.lat:.4f}, {e.place.lon:.4f}), precision {e.place.precision}"
                                                if e.place and e.place.lat is not None else ""))
    click.echo(f"  when:  {_fmt_date(e)}" + (f"  (precision {e.time.precision})" if e.time else ""))
    click.echo(f"  deaths: {_fmt_toll(e.fatalities)}   injured: {_fmt_toll(e.injured)}   rule: {e.rule}")
    for k, t in sorted(e.victims.items()):
        click.echo(f"    {k}: {_fmt_toll(t)}")
    for c in e.contradictions:
        click.echo(f"  CONTRADICTION ({c.group}): {c.reason}")
    click.echo("  claims:")
    for m in e.mentions:
        d = docs[m.doc_id]
        for c in m.claims:
            interval = f"[{'' if c.low is None else c.low}..{'' if c.high is None else c.high}]"
            sub = f" {c.subgroup}" if c.subgroup else ""
            words = " ".join(c.number_text.split())
            click.echo(f"   - {c.kind} \"{words}\" = {c.qualifier} {c.value} {interval} {c.victim_kind}{sub}"
                       f"; claimant: {c.claimant or '?'} ({c.claimant_kind})")
            click.echo(f"     {m.doc_id} ({d.source or '?'}, {d.published or 'undated'}) chars {c.start}-{c.end}:")
            click.echo(f"     \"{c.quote.strip()}\"")
    if e.link_reasons:
        click.echo("  joined because:")
        for r in e.link_reasons:
            click.echo(f"   - {r}")


@cli.command()
@click.option("--what", type=click.Choice(["events", "mentions", "claims"]), default="events", show_default=True)
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "geojson", "ucdp-ged", "acled", "plover"]),
              default="jsonl", show_default=True, help="ucdp-ged, acled and plover hold events only (docs/formats.md).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="File to write (default stdout).")
@click.pass_context
def export(ctx: click.Context, what: str, fmt: str, output: str | None) -> None:
    """Write the ledger as JSONL, CSV or GeoJSON (the documented output contract).

    Example: deathtoll export --what events --format jsonl -o events.jsonl
    """
    with _open(ctx) as lg:
        try:
            if output:
                total = lg.store.count_events() if what == "events" else 0
                bar = _progress(total, "exporting") if fmt in ("jsonl", "csv") else None
                with open(output, "w", encoding="utf-8", newline="") as f:
                    n = lg.export(what, fmt, _LineCounter(f, bar.update) if bar else f)
                if bar:
                    bar.__exit__(None, None, None)
                click.echo(f"{n} {what} written to {output}", err=True)
            else:
                lg.export(what, fmt, sys.stdout)
        except DeathtollError as e:
            raise click.ClickException(str(e)) from e


DEMO_CSV_COLUMNS = {"text": "body", "published": "date"}


def demo_paths() -> list[Path]:
    """The bundled demo reports (our own writing)."""
    root = Path(str(resources.files("deathtoll").joinpath("demo")))
    return sorted(p for p in root.iterdir() if p.suffix in (".txt", ".json", ".csv", ".html") or p.name == "metadata.jsonl")


@cli.command()
@click.pass_context
def demo(ctx: click.Context) -> None:
    """Run the whole job on the bundled demo corpus and print the ledger.

    Example: deathtoll --db demo.db demo
    """
    ctx.invoke(ingest, paths=tuple(str(p) for p in demo_paths()),
               csv_columns=tuple(f"{k}={v}" for k, v in DEMO_CSV_COLUMNS.items()))
    ctx.invoke(run, reprocess=False)
    ctx.invoke(events)


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", default=8000, show_default=True, type=int)
@click.pass_context
def serve(ctx: click.Context, host: str, port: int) -> None:
    """Run the review web app and JSON API.

    Example: deathtoll serve --port 8000   (then open http://127.0.0.1:8000)
    """
    from .web import serve as serve_app

    try:
        serve_app(ctx.obj["db"], host=host, port=port)
    except DeathtollError as e:
        raise click.ClickException(str(e)) from e


@cli.group()
def user() -> None:
    """Analyst accounts for the review app."""


@user.command("add")
@click.argument("name")
@click.option("--password", prompt=True, hide_input=True, confirmation_prompt=True,
              help="The password (asked for when not given).")
@click.pass_context
def user_add(ctx: click.Context, name: str, password: str) -> None:
    """Create an analyst account.

    Example: deathtoll user add alice
    """
    from .web import auth

    with _open(ctx) as lg:
        try:
            auth.create_user(lg.store, name, password)
        except (DeathtollError, ValueError) as e:
            raise click.ClickException(str(e)) from e
    click.echo(f"user {name} added")


@cli.group()
def token() -> None:
    """API tokens (sent as Authorization: Bearer TOKEN)."""


@token.command("create")
@click.argument("name")
@click.pass_context
def token_create(ctx: click.Context, name: str) -> None:
    """Create an API token for user NAME; it is printed once and stored hashed.

    Example: deathtoll token create alice
    """
    from .web import auth

    with _open(ctx) as lg:
        try:
            click.echo(auth.create_token(lg.store, name))
        except DeathtollError as e:
            raise click.ClickException(str(e)) from e


@cli.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.pass_context
def import_(ctx: click.Context, file: str) -> None:
    """Load an events JSONL export (from this or another ledger) into the ledger.

    Example: deathtoll --db copy.db import events.jsonl
    """
    from . import importer

    with _open(ctx) as lg:
        try:
            s = importer.import_file(lg.store, file)
        except DeathtollError as e:
            raise click.ClickException(str(e)) from e
    click.echo(f"{s.events} events, {s.mentions} mentions, {s.claims} claims imported "
               f"({len(s.stub_documents)} documents known by id only)")


@cli.command()
@click.pass_context
def check(ctx: click.Context) -> None:
    """Check the ledger file is sound: SQLite integrity, foreign keys, migrations, unique
    document hashes, claim offsets and quotes, links, toll order. Exit 1 on any problem.

    Example: deathtoll check
    """
    from .check import check_ledger

    with _open(ctx) as lg:
        problems = check_ledger(lg.store)
        counts = lg.store.table_counts() if not problems else {}
    for p in problems:
        click.echo(f"problem: {p}", err=True)
    if problems:
        click.echo(f"{len(problems)} problems found in {ctx.obj['db']}")
        ctx.exit(1)
    click.echo("ok: " + ", ".join(f"{n} {k}" for k, n in counts.items()) + " checked")


def main() -> None:
    cli(obj={})


if __name__ == "__main__":
    main()
