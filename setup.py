"""Build hook: the policy engine's hot modules compiled to C with mypyc, where it can be done.

Everything else about the package is in pyproject.toml. The modules listed stay plain, typed
Python: mypyc (the compiler mypy and Black ship with) turns them into C extensions that run
the same code faster (1.6 to 1.9 times on benchmarks/policy.py), and where it cannot (no compiler, no mypyc, a type
error, ENDUSE_PURE_PYTHON=1) the package installs as pure Python and works the same, only
slower. `python3 dev.py build` compiles them in place for a development checkout.
"""

from __future__ import annotations

import os
import sys
from typing import Any

from setuptools import setup

#: The modules `enduse check` spends its time in (see benchmarks/policy.py).
COMPILED = [
    "src/enduse/registry/findings.py",
    "src/enduse/registry/places.py",
    "src/enduse/registry/candidates.py",
    "src/enduse/registry/index.py",
    "src/enduse/registry/rules.py",
    "src/enduse/registry/policy.py",
]


def ext_modules() -> list[Any]:
    if os.environ.get("ENDUSE_PURE_PYTHON"):
        return []
    try:
        from mypyc.build import mypycify

        return list(mypycify(COMPILED, opt_level="3", group_name="enduse_registry"))
    except (SystemExit, Exception) as e:  # mypyc reports type errors by exiting
        print(f"enduse: the policy engine stays pure Python (mypyc: {e!r})", file=sys.stderr)
        return []


setup(ext_modules=ext_modules())
