"""The OpenAPI 3.1 description of the JSON API (hand-written; served at ``/api/openapi.json``)."""

from __future__ import annotations

from typing import Any


def _param(name: str, where: str = "query", typ: str = "string", desc: str = "") -> dict[str, Any]:
    return {"name": name, "in": where, "required": where == "path", "schema": {"type": typ}, "description": desc}


def _body(props: dict[str, Any], required: list[str]) -> dict[str, Any]:
    schema = {"type": "object", "properties": props, "required": required}
    return {"required": True, "content": {"application/json": {"schema": schema}}}


_JSON = {"description": "OK", "content": {"application/json": {"schema": {"type": "object"}}}}
_ERR = {"description": "Error: {error: {code, message}}",
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
_WRITE = {"201": {"description": "Edit recorded; events rebuilt. {ok, edit_id, events}"},
          "400": _ERR, "401": _ERR, "403": _ERR, "404": _ERR}
_SECURE = [{"bearer": []}, {"session": []}]
_EVENT_ID = _param("event_id", "path", desc="Event id (ev-…)")
_CLAIM_ID = _param("claim_id", "path", desc="Claim id")

FILTERS = [
    _param("since", desc="YYYY-MM-DD: events whose dates reach this day or later"),
    _param("until", desc="YYYY-MM-DD: events starting on or before this day"),
    _param("country", desc="Country name or ISO code"),
    _param("admin1", desc="Province / governorate / state"),
    _param("perpetrator", desc="Actor id or part of its name"),
    _param("type", desc="Event type (execution, shooting, air_strike …)"),
    _param("min_deaths", typ="integer", desc="Best fatalities at least this"),
    _param("needs_review", typ="boolean", desc="Only events not confirmed or with contradictions"),
    _param("sort", desc="date, deaths, place, type, perpetrator, documents"),
    _param("order", desc="asc or desc (default)"),
]

OPENAPI: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "deathtoll review API", "version": "1",
             "description": "Read the ledger; record analyst edits. Writes need `Authorization: Bearer <token>` "
                            "(deathtoll token create NAME) or a signed-in session with the `X-CSRF-Token` header."},
    "components": {
        "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"},
                            "session": {"type": "apiKey", "in": "cookie", "name": "deathtoll_session"}},
        "schemas": {"Error": {"type": "object", "properties": {"error": {"type": "object", "properties": {
            "code": {"type": "string"}, "message": {"type": "string"}}}}}},
    },
    "paths": {
        "/api/events": {"get": {"summary": "Events matching the filters", "parameters": FILTERS,
                                "responses": {"200": _JSON, "400": _ERR}}},
        "/api/events/{event_id}": {"get": {"summary": "One event: fields, tolls, claims, contradictions, edits",
                                           "parameters": [_EVENT_ID], "responses": {"200": _JSON, "404": _ERR}}},
        "/api/documents/{doc_id}": {"get": {"summary": "A document, its mentions and the events it feeds",
                                            "parameters": [_param("doc_id", "path")],
                                            "responses": {"200": _JSON, "404": _ERR}}},
        "/api/timeline": {"get": {"summary": "Deaths per week of the filtered events", "parameters": FILTERS,
                                  "responses": {"200": _JSON, "400": _ERR}}},
        "/api/edits": {"get": {"summary": "The audit log: every edit, oldest first, undone ones included",
                               "responses": {"200": _JSON}}},
        "/api/edits/{edit_id}": {"delete": {"summary": "Undo an edit (it stays in the log, marked undone)",
                                            "parameters": [_param("edit_id", "path", "integer")],
                                            "security": _SECURE, "responses": {**_WRITE, "200": _JSON}}},
        "/api/events/{event_id}/confirm": {"post": {"summary": "Confirm an event", "parameters": [_EVENT_ID],
                                                    "security": _SECURE, "responses": _WRITE}},
        "/api/events/{event_id}/correct": {"post": {
            "summary": "Correct place, date, perpetrator or type", "parameters": [_EVENT_ID], "security": _SECURE,
            "requestBody": _body({"field": {"enum": ["place", "date", "perpetrator", "type"]},
                                  "value": {"description": "place: name or {name, admin1, country, country_code, "
                                                           "lat, lon}; date: YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD; "
                                                           "perpetrator: name or {actor_id, name, kind}; type: an "
                                                           "event type"}}, ["field", "value"]),
            "responses": _WRITE}},
        "/api/claims/{claim_id}/correct": {"post": {
            "summary": "Correct a claim's number", "parameters": [_CLAIM_ID], "security": _SECURE,
            "requestBody": _body({"value": {"description": "an integer or {value, low, high}"}}, ["value"]),
            "responses": _WRITE}},
        "/api/claims/{claim_id}/exclude": {"post": {
            "summary": "Leave a claim out of the tolls", "parameters": [_CLAIM_ID], "security": _SECURE,
            "requestBody": _body({"reason": {"type": "string"}}, ["reason"]), "responses": _WRITE}},
        "/api/merge": {"post": {
            "summary": "Merge events into one", "security": _SECURE,
            "requestBody": _body({"event_ids": {"type": "array", "items": {"type": "string"}, "minItems": 2}},
                                 ["event_ids"]), "responses": _WRITE}},
        "/api/split": {"post": {
            "summary": "Split a mention out of its event into a new event", "security": _SECURE,
            "requestBody": _body({"mention_id": {"type": "string"}}, ["mention_id"]), "responses": _WRITE}},
    },
}
