"""JSON API: everything the pages show and do. Reads are open; writes need a Bearer token
(``deathtoll token create NAME``) or a signed-in session plus its ``X-CSRF-Token`` header."""

from __future__ import annotations

import json
from typing import Any, Callable

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from .. import review
from ..errors import DeathtollError
from . import present
from .common import api_writer, ledger, status_of
from .openapi import OPENAPI


def error_json(err: DeathtollError) -> JSONResponse:
    return JSONResponse({"error": {"code": err.code, "message": err.message}}, status_code=status_of(err))


def _event_json(ctx: dict[str, Any]) -> dict[str, Any]:
    e = ctx["event"]
    data = e.to_dict()
    data.update(
        confirmed=ctx["summary"]["confirmed"], needs_review=ctx["summary"]["needs_review"],
        claims=[{k: v for k, v in c.items() if k != "context"} for c in ctx["claims"]],
        edits=[{k: v for k, v in ed.items() if k not in ("before", "after")} for ed in ctx["edits"]],
        documents={d: {"title": doc.title, "source": doc.source, "url": doc.url, "published": doc.published}
                   for d, doc in ctx["docs"].items()},
    )
    return data


async def list_events(request: Request) -> Response:
    try:
        f = present.Filters.from_params(request.query_params)
        with ledger(request) as lg:
            events, confirmed = present.select_events(lg.events(**f.store_kwargs()), lg.store.active_edits(), f)
    except DeathtollError as err:
        return error_json(err)
    rows = [{k: v for k, v in present.event_summary(e, confirmed).items() if not k.endswith("_text")}
            for e in events]
    return JSONResponse({"count": len(rows), "events": rows})


async def get_event(request: Request) -> Response:
    from .views import event_context  # the page and the API show the same thing

    try:
        with ledger(request) as lg:
            return JSONResponse(_event_json(event_context(lg, request.path_params["event_id"])))
    except DeathtollError as err:
        return error_json(err)


async def get_document(request: Request) -> Response:
    try:
        with ledger(request) as lg:
            doc = lg.document(request.path_params["doc_id"])
            mentions = lg.store.all_mentions([doc.doc_id])
            links = lg.store.mention_events()
    except DeathtollError as err:
        return error_json(err)
    return JSONResponse({**doc.to_dict(), "mentions": [m.to_dict() for m in mentions],
                         "events": sorted({links[m.mention_id] for m in mentions if m.mention_id in links})})


async def list_edits(request: Request) -> Response:
    with ledger(request) as lg:
        edits = lg.store.edits()
    return JSONResponse({"edits": [{k: v for k, v in present.edit_dict(e).items() if k not in ("before", "after")}
                                   for e in edits]})


async def timeline(request: Request) -> Response:
    try:
        f = present.Filters.from_params(request.query_params)
        with ledger(request) as lg:
            events, _ = present.select_events(lg.events(**f.store_kwargs()), lg.store.active_edits(), f)
    except DeathtollError as err:
        return error_json(err)
    return JSONResponse({"weeks": present.weekly_deaths(events)})


async def openapi(request: Request) -> Response:
    return JSONResponse(OPENAPI)


# ------------------------------------------------------------------ writes

Write = Callable[[Any, str, dict[str, Any], dict[str, str]], Any]


def _write(fn: Write) -> Callable[[Request], Any]:
    """Wrap ``fn(ledger, user, body, path_params)`` with auth, JSON parsing and error mapping."""

    async def endpoint(request: Request) -> Response:
        raw = await request.body()
        try:
            body = json.loads(raw) if raw.strip() else {}
            if not isinstance(body, dict):
                raise ValueError("body must be a JSON object")
        except ValueError as e:
            return error_json(review.ReviewError(f"bad JSON body: {e}"))
        try:
            with ledger(request) as lg:
                user = api_writer(request, lg)
                edit_id = fn(lg, user, body, dict(request.path_params))
                return JSONResponse({"ok": True, "edit_id": edit_id, "events": len(lg.store.events())},
                                    status_code=200 if edit_id is None else 201)
        except DeathtollError as err:
            return error_json(err)

    return endpoint


def _need(body: dict[str, Any], key: str) -> Any:
    if key not in body:
        raise review.ReviewError(f"missing {key!r} in the request body")
    return body[key]


def _ids(body: dict[str, Any]) -> list[str]:
    ids = _need(body, "event_ids")
    if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
        raise review.ReviewError("event_ids must be a list of event ids")
    return ids


def _edit_id(pp: dict[str, str]) -> int:
    try:
        return int(pp["edit_id"])
    except ValueError as e:
        raise review.ReviewError("bad edit id") from e


confirm = _write(lambda lg, u, b, pp: review.confirm(lg, u, pp["event_id"]))
correct_event = _write(lambda lg, u, b, pp: review.correct_event(lg, u, pp["event_id"], _need(b, "field"),
                                                                 _need(b, "value")))
correct_claim = _write(lambda lg, u, b, pp: review.correct_claim(lg, u, pp["claim_id"], _need(b, "value")))
exclude_claim = _write(lambda lg, u, b, pp: review.exclude_claim(lg, u, pp["claim_id"], str(_need(b, "reason"))))
merge = _write(lambda lg, u, b, pp: review.merge(lg, u, _ids(b)))
split = _write(lambda lg, u, b, pp: review.split(lg, u, str(_need(b, "mention_id"))))
undo = _write(lambda lg, u, b, pp: review.undo(lg, _edit_id(pp)))
