"""The app factory: one FastAPI app serving the JSON API, the pages and their static assets."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles

from enduse import __version__
from enduse.api.assess import router as assess_api_router
from enduse.api.registry import router as registry_api_router
from enduse.api.routes import router as api_router
from enduse.config import Settings
from enduse.errors import EnduseError
from enduse.store import Repository, make_engine
from enduse.web import router as web_router

STATIC = Path(__file__).resolve().parent.parent / "web" / "static"


def create_app(settings: Settings, repo: Repository | None = None) -> FastAPI:
    """Build the app for `settings`; tests may pass their own repository."""
    # No Swagger UI: it loads its assets from a CDN. The schema stays at /api/openapi.json.
    app = FastAPI(title="enduse", version=__version__, docs_url=None, redoc_url=None, openapi_url="/api/openapi.json")
    app.state.settings = settings
    app.state.repo = repo or Repository(make_engine(settings.database_url))
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    app.include_router(api_router)
    app.include_router(registry_api_router)
    app.include_router(assess_api_router)
    app.include_router(web_router)

    @app.exception_handler(EnduseError)
    def _enduse_error(_: Request, exc: EnduseError) -> JSONResponse:
        return JSONResponse({"error": type(exc).__name__, "detail": str(exc)}, status_code=400)

    return app
