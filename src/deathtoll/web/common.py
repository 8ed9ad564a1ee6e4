"""Shared request plumbing: opening the ledger, who is signed in, CSRF, error mapping."""

from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator, Optional

from starlette.requests import Request

from ..errors import DeathtollError, NotFound
from ..ledger import Ledger
from ..review import ReviewError
from . import auth


class AuthRequired(DeathtollError):
    """A write without a signed-in user or a valid API token."""

    code = "E601"


class CsrfFailed(DeathtollError):
    """A form or session-authenticated API call without the right CSRF token."""

    code = "E602"


@contextmanager
def ledger(request: Request) -> Iterator[Ledger]:
    """A ledger connection for this request (SQLite connections stay in one thread)."""
    lg = Ledger(request.app.state.db_path, pipeline=request.app.state.pipeline)
    try:
        yield lg
    finally:
        lg.close()


def session_user(request: Request) -> Optional[str]:
    """The user signed in through the session cookie."""
    return request.session.get("user")


def csrf_token(request: Request) -> str:
    """This session's CSRF token (created on first use)."""
    tok = request.session.get("csrf")
    if not tok:
        tok = request.session["csrf"] = auth.new_csrf_token()
    return tok


def api_writer(request: Request, lg: Ledger) -> str:
    """The user allowed to write through the API: a Bearer token, or a session plus ``X-CSRF-Token``."""
    user = auth.bearer_user(lg.store, request.headers.get("authorization"))
    if user:
        return user
    user = session_user(request)
    if user:
        if not auth.same_token(request.headers.get("x-csrf-token"), request.session.get("csrf")):
            raise CsrfFailed("missing or wrong X-CSRF-Token header")
        return user
    raise AuthRequired("sign in or send Authorization: Bearer <token> to make changes")


def status_of(err: DeathtollError) -> int:
    """HTTP status for a deathtoll error."""
    if isinstance(err, NotFound):
        return 404
    if isinstance(err, AuthRequired):
        return 401
    if isinstance(err, CsrfFailed):
        return 403
    if isinstance(err, ReviewError):
        return 400
    return 500


def safe_next(target: Optional[str], default: str = "/") -> str:
    """A local path to go back to (never another site)."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return default
