"""The Starlette application: routes, sessions, templates, static files, error pages."""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Optional

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.base import BaseHTTPMiddleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from ..pipeline import Pipeline
from ..store import Store
from . import api, views

HERE = Path(__file__).parent
#: Environment variable holding the session signing key (random per process when unset).
SECRET_ENV = "DEATHTOLL_SECRET_KEY"


def _routes() -> list:
    r = Route
    return [
        r("/", views.events_page),
        r("/map", views.map_page),
        r("/timeline", views.timeline_page),
        r("/events/{event_id}", views.event_page),
        r("/documents/{doc_id}", views.document_page),
        r("/edits", views.edits_page),
        r("/login", views.login_page, methods=["GET"]),
        r("/login", views.login, methods=["POST"]),
        r("/logout", views.logout, methods=["POST"]),
        r("/events/{event_id}/confirm", views.confirm_action, methods=["POST"]),
        r("/events/{event_id}/correct", views.correct_action, methods=["POST"]),
        r("/events/{event_id}/merge", views.merge_action, methods=["POST"]),
        r("/mentions/{mention_id}/split", views.split_action, methods=["POST"]),
        r("/claims/{claim_id}/correct", views.correct_claim_action, methods=["POST"]),
        r("/claims/{claim_id}/exclude", views.exclude_action, methods=["POST"]),
        r("/edits/{edit_id}/undo", views.undo_action, methods=["POST"]),
        r("/api/openapi.json", api.openapi),
        r("/api/events", api.list_events),
        r("/api/events/{event_id}", api.get_event),
        r("/api/events/{event_id}/confirm", api.confirm, methods=["POST"]),
        r("/api/events/{event_id}/correct", api.correct_event, methods=["POST"]),
        r("/api/claims/{claim_id}/correct", api.correct_claim, methods=["POST"]),
        r("/api/claims/{claim_id}/exclude", api.exclude_claim, methods=["POST"]),
        r("/api/merge", api.merge, methods=["POST"]),
        r("/api/split", api.split, methods=["POST"]),
        r("/api/documents/{doc_id}", api.get_document),
        r("/api/edits", api.list_edits),
        r("/api/edits/{edit_id}", api.undo, methods=["DELETE"]),
        r("/api/timeline", api.timeline),
        Mount("/static", app=StaticFiles(directory=str(HERE / "static")), name="static"),
    ]


async def _security_headers(request: Request, call_next) -> Response:
    response = await call_next(request)
    # no scripts at all and nothing from elsewhere: document text can never run
    response.headers.setdefault("Content-Security-Policy",
                                "default-src 'self'; script-src 'none'; style-src 'self'; img-src 'self' data:; "
                                "frame-ancestors 'none'; form-action 'self'; base-uri 'none'")
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    return response


def create_app(db_path: str | Path, *, pipeline: Optional[Pipeline] = None,
               secret_key: Optional[str] = None, https_only: bool = False) -> Starlette:
    """The review app over the ledger at ``db_path`` (created and migrated if needed).

    ``secret_key`` signs the session cookies (default: ``$DEATHTOLL_SECRET_KEY``, else random,
    so sessions end when the server restarts).
    """
    Store.open(db_path).close()  # create / migrate once, up front
    key = secret_key or os.environ.get(SECRET_ENV) or secrets.token_hex(32)
    app = Starlette(routes=_routes(), middleware=[
        Middleware(BaseHTTPMiddleware, dispatch=_security_headers),
        Middleware(SessionMiddleware, secret_key=key, session_cookie="deathtoll_session", same_site="lax",
                   https_only=https_only, max_age=12 * 3600),
    ])
    env = Environment(loader=FileSystemLoader(str(HERE / "templates")),
                      autoescape=select_autoescape(default=True, default_for_string=True))
    app.state.templates = Jinja2Templates(env=env)
    app.state.db_path = Path(db_path)
    app.state.pipeline = pipeline or Pipeline()

    async def not_found(request: Request, exc) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": {"code": "E404", "message": "not found"}}, status_code=exc.status_code)
        return views.render(request, "error.html", status_code=exc.status_code, message=str(exc.detail), code="")

    app.add_exception_handler(404, not_found)
    app.add_exception_handler(405, not_found)
    return app


def serve(db_path: str | Path, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Run the app with uvicorn until interrupted."""
    import uvicorn

    uvicorn.run(create_app(db_path), host=host, port=port, log_level="info")
