#!/usr/bin/env python3
"""Set-up and everyday commands for a fresh machine with only Python 3.11+.

    python3 dev.py demo      # virtual environment + dependencies, then `enduse demo`
    python3 dev.py test      # the same, plus test tools and Chromium, then the whole test suite
    python3 dev.py lint      # ruff and mypy
    python3 dev.py build     # compile the policy engine's hot modules in place (mypyc; see setup.py)

It creates `.venv/` on first use and re-installs only when pyproject.toml changes. `test`
also compiles the modules setup.py lists, again whenever one of them is newer than its build,
so the tests never run a stale extension; without a C compiler they run as pure Python.
"""

from __future__ import annotations

import ast
import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / "python"


def run(*cmd: str | Path, check: bool = True) -> int:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    return subprocess.run([str(c) for c in cmd], cwd=ROOT, check=check).returncode


def ensure_venv(extras: str) -> None:
    if sys.version_info < (3, 11):  # noqa: UP036 - this script runs before any venv exists
        sys.exit(f"enduse needs Python 3.11 or newer; this is {sys.version.split()[0]}")
    if not PY.exists():
        print(f"creating virtual environment in {VENV}", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + extras.encode()).hexdigest()
    stamp = VENV / f".installed-{extras or 'base'}"
    if stamp.exists() and stamp.read_text() == digest:
        return
    run(PY, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    target = f".[{extras}]" if extras else "."
    run(PY, "-m", "pip", "install", "--quiet", "-e", target)
    stamp.write_text(digest)


def compiled_sources() -> list[Path]:
    """The modules setup.py compiles with mypyc (its COMPILED list)."""
    tree = ast.parse((ROOT / "setup.py").read_text())
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "COMPILED" for t in node.targets):
            return [ROOT / p for p in ast.literal_eval(node.value)]
    return []


def builds_of(src: Path) -> list[Path]:
    """The compiled extensions of one module, next to its source."""
    return [*src.parent.glob(f"{src.stem}.*.so"), *src.parent.glob(f"{src.stem}.*.pyd")]


def stale_builds() -> list[Path]:
    """Compiled modules whose source is newer than their extension (the extension would shadow
    the edited source)."""
    stale = []
    for src in compiled_sources():
        builds = builds_of(src)
        if builds and min(b.stat().st_mtime for b in builds) < src.stat().st_mtime:
            stale.append(src)
    return stale


def build(force: bool = False) -> None:
    """Compile setup.py's COMPILED modules in place, unless they are built and up to date."""
    sources = compiled_sources()
    built = all(builds_of(s) for s in sources)
    if built and not stale_builds() and not force:
        return
    run(PY, "-m", "pip", "install", "--quiet", "setuptools>=77", "wheel")
    if run(PY, "setup.py", "--quiet", "build_ext", "--inplace", "--force", check=False) != 0 or stale_builds():
        # A failed build must not leave old extensions shadowing newer sources.
        for s in sources:
            for b in builds_of(s):
                b.unlink()
        print("note: the policy engine could not be compiled; it runs as pure Python", flush=True)


def ensure_chromium() -> None:
    """The browser tests drive Debian's Chromium; install it where we may, else they skip."""
    if shutil.which("chromium") and shutil.which("chromedriver"):
        return
    if shutil.which("apt-get") and hasattr(os, "geteuid") and os.geteuid() == 0:
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        subprocess.run(["apt-get", "update", "-qq"], check=False, env=env)
        subprocess.run(["apt-get", "install", "-y", "-qq", "chromium", "chromium-driver"], check=False, env=env)
    if not shutil.which("chromium"):
        print("note: Chromium is not installed; the browser tests will be skipped", flush=True)


def main() -> None:
    command = sys.argv[1] if len(sys.argv) > 1 else "demo"
    rest = sys.argv[2:]
    if command == "demo":
        ensure_venv("")
        os.execv(str(BIN / "enduse"), [str(BIN / "enduse"), "demo", *rest])
    elif command == "test":
        ensure_venv("test")
        build()
        ensure_chromium()
        code = run(PY, "-m", "pytest", *rest, check=False)
        sys.exit(code)
    elif command == "lint":
        ensure_venv("test")
        paths = [p for p in ("src", "tests", "benchmarks", "dev.py", "setup.py") if (ROOT / p).exists()]
        a = run(BIN / "ruff", "check", *paths, check=False)
        b = run(PY, "-m", "mypy", check=False)
        sys.exit(a or b)
    elif command == "build":
        ensure_venv("test")
        build(force=True)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
