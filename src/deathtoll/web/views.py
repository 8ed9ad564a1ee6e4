"""Server-rendered pages (read: open to all) and form actions (write: signed in + CSRF)."""

from __future__ import annotations

from typing import Any, Awaitable, Callable
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from .. import review
from ..errors import DeathtollError
from ..model import EVENT_TYPES
from . import auth, present
from .common import AuthRequired, CsrfFailed, csrf_token, ledger, safe_next, session_user, status_of


def render(request: Request, name: str, status_code: int = 200, **ctx: Any) -> Response:
    """A page from ``templates/`` (autoescaped) with the user and CSRF token in its context."""
    ctx.update(user=session_user(request), csrf=csrf_token(request), path=request.url.path,
               full_path=request.url.path + (f"?{request.url.query}" if request.url.query else ""))
    return request.app.state.templates.TemplateResponse(request, name, ctx, status_code=status_code)


def error_page(request: Request, err: DeathtollError) -> Response:
    return render(request, "error.html", status_code=status_of(err), message=err.message, code=err.code)


def _filtered(request: Request) -> tuple[present.Filters, list, set[str], str | None]:
    error = None
    try:
        f = present.Filters.from_params(request.query_params)
    except review.ReviewError as e:
        f, error = present.Filters(), e.message
    with ledger(request) as lg:
        events, confirmed = present.select_events(lg.events(**f.store_kwargs()), lg.store.active_edits(), f)
    return f, events, confirmed, error


async def events_page(request: Request) -> Response:
    f, events, confirmed, error = _filtered(request)
    rows = [present.event_summary(e, confirmed) for e in events]
    sort_links = {k: "/?" + urlencode(f.params(sort=k, order="asc" if f.sort == k and f.order == "desc" else "desc"))
                  for k in present.SORTS}
    return render(request, "events.html", events=rows, f=f, error=error, sort_links=sort_links,
                  event_types=EVENT_TYPES, query=urlencode(f.params()))


async def map_page(request: Request) -> Response:
    f, events, _, error = _filtered(request)
    return render(request, "map.html", f=f, error=error, outline=present.world_outline(),
                  points=present.map_points(events), w=present.MAP_W, h=present.MAP_H,
                  query=urlencode(f.params()), event_types=EVENT_TYPES)


async def timeline_page(request: Request) -> Response:
    f, events, _, error = _filtered(request)
    weeks = present.weekly_deaths(events)
    return render(request, "timeline.html", f=f, error=error, chart=present.timeline_bars(weeks),
                  query=urlencode(f.params()), event_types=EVENT_TYPES)


def event_context(lg, event_id: str) -> dict[str, Any]:
    """Everything the event page (and ``GET /api/events/{id}``) shows."""
    e = lg.event(event_id)
    mids = {m.mention_id for m in e.mentions}
    raw = [m for m in lg.store.all_mentions(e.doc_ids) if m.mention_id in mids]
    docs = {d: lg.document(d) for d in e.doc_ids}
    all_edits = lg.store.edits()
    active = [ed for ed in all_edits if ed.undone_at is None]
    confirmed = review.confirmed_ids([e], active)
    return {
        "event": e, "summary": present.event_summary(e, confirmed),
        "claims": present.claim_rows(e, raw, docs, all_edits),
        "edits": [present.edit_dict(ed) for ed in present.edits_about(e, raw, all_edits)],
        "docs": docs, "raw_mentions": raw,
        "victims": {k: present.fmt_toll(t) for k, t in sorted(e.victims.items())},
    }


async def event_page(request: Request) -> Response:
    with ledger(request) as lg:
        try:
            ctx = event_context(lg, request.path_params["event_id"])
            others = [o.event_id for o in lg.events() if o.event_id != ctx["event"].event_id][:500]
        except DeathtollError as err:
            return error_page(request, err)
    return render(request, "event.html", **ctx, others=others, event_types=EVENT_TYPES,
                  fmt_toll=present.fmt_toll, fields=review.EVENT_FIELDS)


async def document_page(request: Request) -> Response:
    with ledger(request) as lg:
        try:
            doc = lg.document(request.path_params["doc_id"])
        except DeathtollError as err:
            return error_page(request, err)
        mentions = lg.store.all_mentions([doc.doc_id])
        links = lg.store.mention_events()
    feeds = sorted({links[m.mention_id] for m in mentions if m.mention_id in links})
    return render(request, "document.html", doc=doc, pieces=present.document_segments(doc, mentions),
                  mentions=mentions, feeds=feeds)


async def edits_page(request: Request) -> Response:
    with ledger(request) as lg:
        edits = [present.edit_dict(ed) for ed in reversed(lg.store.edits())]
    return render(request, "edits.html", edits=edits)


# ------------------------------------------------------------------ sign in


async def login_page(request: Request) -> Response:
    return render(request, "login.html", next=safe_next(request.query_params.get("next")), error=None)


async def login(request: Request) -> Response:
    form = await request.form()
    nxt = safe_next(str(form.get("next") or "/"))
    if not auth.same_token(str(form.get("csrf") or ""), request.session.get("csrf")):
        return render(request, "login.html", status_code=403, next=nxt, error="The form expired; try again.")
    name, password = str(form.get("name") or ""), str(form.get("password") or "")
    with ledger(request) as lg:
        ok = auth.check_login(lg.store, name, password)
    if not ok:
        return render(request, "login.html", status_code=401, next=nxt, error="Wrong name or password.")
    request.session.clear()
    request.session["user"] = name
    request.session["csrf"] = auth.new_csrf_token()
    return RedirectResponse(nxt, status_code=303)


async def logout(request: Request) -> Response:
    form = await request.form()
    if auth.same_token(str(form.get("csrf") or ""), request.session.get("csrf")):
        request.session.clear()
    return RedirectResponse("/", status_code=303)


# ------------------------------------------------------------------ form actions

Action = Callable[[Any, str, dict[str, str], dict[str, Any]], str | None]


def form_action(action: Action) -> Callable[[Request], Awaitable[Response]]:
    """Wrap ``action(ledger, user, form, path_params) -> redirect path | None`` with sign-in, CSRF,
    error pages and a 303 to the event now holding the form's ``keep_mention``, else its ``next``."""

    async def endpoint(request: Request) -> Response:
        form = {k: str(v) for k, v in (await request.form()).items()}
        user = session_user(request)
        try:
            if not user:
                raise AuthRequired("sign in to make changes")
            if not auth.same_token(form.get("csrf"), request.session.get("csrf")):
                raise CsrfFailed("the form's CSRF token is missing or wrong; reload the page and try again")
            with ledger(request) as lg:
                target = action(lg, user, form, dict(request.path_params))
                # event ids can change when mentions move: follow a mention the form names
                eid = lg.store.mention_events().get(form.get("keep_mention", ""))
                if not target and eid:
                    target = f"/events/{eid}"
        except DeathtollError as err:
            return error_page(request, err)
        return RedirectResponse(safe_next(target or form.get("next")), status_code=303)

    return endpoint


def _place_value(form: dict[str, str]) -> dict[str, str]:
    keys = ("name", "admin1", "country", "country_code", "lat", "lon", "precision")
    return {k: form[f"place_{k}"] for k in keys if form.get(f"place_{k}", "").strip()}


def _confirm(lg, user, form, pp):
    review.confirm(lg, user, pp["event_id"])


def _correct(lg, user, form, pp):
    field = form.get("field", "")
    value: Any = _place_value(form) if field == "place" else form.get("value", "")
    review.correct_event(lg, user, pp["event_id"], field, value)


def _merge(lg, user, form, pp):
    other = form.get("other", "").strip()
    review.merge(lg, user, [pp["event_id"], other])


def _split(lg, user, form, pp):
    review.split(lg, user, pp["mention_id"])


def _correct_claim(lg, user, form, pp):
    review.correct_claim(lg, user, pp["claim_id"], form.get("value", ""))


def _exclude(lg, user, form, pp):
    review.exclude_claim(lg, user, pp["claim_id"], form.get("reason", ""))


def _undo(lg, user, form, pp):
    try:
        edit_id = int(pp["edit_id"])
    except ValueError as e:
        raise review.ReviewError("bad edit id") from e
    review.undo(lg, edit_id)


confirm_action = form_action(_confirm)
correct_action = form_action(_correct)
merge_action = form_action(_merge)
split_action = form_action(_split)
correct_claim_action = form_action(_correct_claim)
exclude_action = form_action(_exclude)
undo_action = form_action(_undo)
