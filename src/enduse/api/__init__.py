"""The JSON API and the web UI, served by one FastAPI app built by `create_app(settings)`."""

from enduse.api.app import create_app

__all__ = ["create_app"]
