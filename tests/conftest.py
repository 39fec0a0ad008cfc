"""Shared pytest fixtures. Keep this small and generic; helpers live in tests/helpers.py."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest
from helpers import crt_cc_command

# The suite measures the translator, so by default it neither reads nor fills the user's
# translation cache (tests/test_cache.py points crt-cc at its own directories instead).
os.environ.setdefault("CRT_CACHE", "off")


@pytest.fixture(scope="session")
def crt_cc_cmd() -> tuple[list[str], dict[str, str]]:
    """(command, environment) for running crt-cc. Fails -- never skips -- when crt-cc cannot start."""
    cmd, env = crt_cc_command()
    if shutil.which(cmd[0]) is None:
        pytest.fail(f"crt-cc not found: {cmd[0]!r} (run 'make setup' or set CRT_CC)")
    try:
        p = subprocess.run([*cmd, "--version"], env=env, capture_output=True, text=True, timeout=120)
    except (OSError, subprocess.TimeoutExpired) as e:
        pytest.fail(f"crt-cc could not run: {' '.join(cmd)}: {e}")
    if p.returncode != 0:
        pytest.fail(f"crt-cc --version failed ({p.returncode}): {' '.join(cmd)}\n{p.stdout}{p.stderr}")
    return cmd, env


@pytest.fixture(scope="session")
def require_tools():
    """Call with tool names; fails the test (not skip) when one is missing from PATH."""

    def check(*tools: str) -> None:
        missing = [t for t in tools if shutil.which(t) is None]
        if missing:
            pytest.fail(f"required tool(s) not installed: {', '.join(missing)}")

    return check
