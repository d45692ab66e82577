"""``dateline serve``: the web UI and HTTP API over a database, under uvicorn.

Registered by the main CLI as ``app.command("serve")(serve_command)``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


def serve_command(
    db: Annotated[Path, typer.Option("--db", help="SQLite database file.")] = Path("dateline.db"),
    host: Annotated[str, typer.Option("--host", help="Address to bind; 0.0.0.0 exposes the server to the network.")] = (
        "127.0.0.1"
    ),
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port to listen on.")] = 8000,
    writable: Annotated[
        bool, typer.Option("--writable", help="Open the store for writing: POST /api/v1/articles stores articles.")
    ] = False,
) -> None:
    """Serve the web UI and the HTTP API (read-only unless --writable)."""
    import uvicorn

    from dateline.web import create_app

    app = create_app(db, writable=writable)
    typer.echo(f"dateline: serving {db} {'(writable)' if writable else '(read-only)'} on http://{host}:{port}/")
    uvicorn.run(app, host=host, port=port, log_level="warning")
