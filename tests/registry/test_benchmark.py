"""benchmarks/policy.py runs end to end on a few claims (its speed is reported, never asserted)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_policy_benchmark_runs() -> None:
    r = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "policy.py"), "--claims", "2000", "--no-sipri"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert r.returncode == 0, r.stderr
    assert "claims/s per core" in r.stdout and "verdicts" in r.stdout
