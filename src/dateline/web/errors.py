"""One error shape for the API, readable error pages for people.

Every API error is ``{"error": {"status": 422, "type": "invalid_parameter", "message": "...", "details": [...]}}``
with the same HTTP status; ``details`` lists the parameters at fault. Pages answer with the same message as HTML.
An unexpected exception becomes a 500 of the same shape, never a traceback.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException

from dateline.errors import DatelineError

log = logging.getLogger("dateline.web")

ERROR_TYPES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "too_large",
    415: "unsupported_media_type",
    422: "invalid_parameter",
    500: "internal_error",
    503: "unavailable",
}


def error_body(status: int, message: str, details: list[dict[str, str]] | None = None) -> dict[str, Any]:
    """The API's error object."""
    error: dict[str, Any] = {"status": status, "type": ERROR_TYPES.get(status, "error"), "message": message}
    if details:
        error["details"] = details
    return {"error": error}


def install(app: FastAPI) -> None:
    """Register the handlers that turn every failure into the error shape (API) or an error page."""
    app.add_exception_handler(HTTPException, _http_error)  # type: ignore[arg-type]
    app.add_exception_handler(RequestValidationError, _validation_error)  # type: ignore[arg-type]
    app.add_exception_handler(DatelineError, _dateline_error)  # type: ignore[arg-type]
    app.add_exception_handler(Exception, _unexpected)


def respond(request: Request, status: int, message: str, details: list[dict[str, str]] | None = None) -> Response:
    """JSON for API paths (and clients that ask for JSON), an HTML page otherwise."""
    if _wants_json(request):
        return JSONResponse(error_body(status, message, details), status_code=status)
    from dateline.web.pages import error_page  # pages import this module

    return error_page(request, status, message, details or [])


def _wants_json(request: Request) -> bool:
    path = request.url.path
    return path.startswith("/api/") or path == "/openapi.json" or "text/html" not in request.headers.get("accept", "")


async def _http_error(request: Request, exc: HTTPException) -> Response:
    message = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
    if exc.status_code == 404 and message == "Not Found":
        message = f"nothing at {request.url.path}"
    elif exc.status_code == 405 and message == "Method Not Allowed":
        message = f"{request.method} is not allowed on {request.url.path}"
    response = respond(request, exc.status_code, message)
    for name, value in (exc.headers or {}).items():
        response.headers[name] = value
    return response


async def _validation_error(request: Request, exc: RequestValidationError) -> Response:
    details = [_detail(error) for error in exc.errors()]
    message = "; ".join(f"{d['param']}: {d['message']}" if d["param"] else d["message"] for d in details)
    return respond(request, 422, message or "invalid request", details)


def _detail(error: Any) -> dict[str, str]:
    """One validation error as ``{param, message}``; ``loc`` is like ``("query", "limit")``."""
    loc = [str(part) for part in error.get("loc", ()) if part not in ("query", "path", "body")]
    return {"param": ".".join(loc), "message": str(error.get("msg", "invalid value"))}


async def _dateline_error(request: Request, exc: DatelineError) -> Response:
    log.error("dateline error on %s: %s", request.url.path, exc)
    return respond(request, 503, str(exc))


async def _unexpected(request: Request, exc: Exception) -> Response:
    log.exception("unexpected error on %s", request.url.path, exc_info=exc)
    return respond(request, 500, f"the server failed on this request ({type(exc).__name__}); see its log")
