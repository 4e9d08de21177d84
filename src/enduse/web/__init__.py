"""Server-rendered pages (Jinja2, autoescaped) and the assets they use, all served by the app."""

from enduse.web.pages import router

__all__ = ["router"]
