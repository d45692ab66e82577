"""The web UI and HTTP API: ``dateline serve`` runs :func:`create_app` under uvicorn.

Routes: pages at ``/``, the API under ``/api/v1`` (schema at ``/openapi.json``), our static files under
``/static`` and front-end packages (plotly.js bundles, map shapes) under ``/assets``. See ``docs/web.md``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dateline.web.app import create_app


def __getattr__(name: str) -> object:
    # Imported on first use, so that `python -m dateline.web.assets` (the Makefile's pin list) stays light.
    if name == "create_app":
        from dateline.web.app import create_app

        return create_app
    raise AttributeError(f"module 'dateline.web' has no attribute {name!r}")


__all__ = ["create_app"]
