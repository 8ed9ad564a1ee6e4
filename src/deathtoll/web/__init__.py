"""The review web app and JSON API (``deathtoll serve``).

``create_app(db_path)`` builds the Starlette app; ``serve(db_path, host, port)`` runs it.
Pages are server-rendered (Jinja, autoescape on, no scripts, nothing from the network).
"""

from __future__ import annotations

from .app import create_app, serve

__all__ = ["create_app", "serve"]
