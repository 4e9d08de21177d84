"""Settings: one object, built at the edge (CLI, app factory, worker set-up) and passed in.

Values come from, in order of precedence: keyword arguments, `ENDUSE_*` environment
variables, an optional TOML file (`ENDUSE_CONFIG`, default `./enduse.toml` when present),
then the defaults below. Nothing here runs at import time.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from pydantic import Field, field_validator
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)


def _toml_file() -> Path | None:
    path = Path(os.environ.get("ENDUSE_CONFIG", "enduse.toml"))
    return path if path.is_file() else None


class Settings(BaseSettings):
    """Every setting of enduse, with its default and what it is for."""

    model_config = SettingsConfigDict(env_prefix="ENDUSE_", extra="forbid")

    database_url: str = Field(
        default="sqlite:///enduse.db",
        description="SQLAlchemy URL: sqlite:///path.db (embedded) or postgresql+psycopg://... (team server)",
    )
    knowledge_dir: Path | None = Field(
        default=None, description="A folder of catalog files loaded over the bundled ones"
    )
    host: str = Field(default="127.0.0.1", description="Address the web UI and API listen on")
    port: int = Field(default=8000, description="Port the web UI and API listen on")
    max_input_bytes: int = Field(default=20 * 1024 * 1024, description="Inputs larger than this are rejected, not read")
    secret_key: str = Field(default="development-only", description="Signs session tokens")
    environment: str = Field(default="development", description="development | production")

    @field_validator("database_url")
    @classmethod
    def _known_backend(cls, value: str) -> str:
        if not value.startswith(("sqlite", "postgresql")):
            raise ValueError("database_url must be a sqlite:/// or postgresql+psycopg:// URL")
        if value.startswith("postgresql://"):
            # psycopg 3 is the driver we ship; the bare scheme would look for psycopg2.
            value = "postgresql+psycopg://" + value.removeprefix("postgresql://")
        return value

    @field_validator("secret_key")
    @classmethod
    def _no_default_secret_in_production(cls, value: str, info: Any) -> str:
        if info.data.get("environment") == "production" and value == "development-only":
            raise ValueError("set ENDUSE_SECRET_KEY outside development")
        return value

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        sources: list[PydanticBaseSettingsSource] = [init_settings, env_settings]
        toml = _toml_file()
        if toml is not None:
            sources.append(TomlConfigSettingsSource(settings_cls, toml_file=toml))
        return tuple(sources)
