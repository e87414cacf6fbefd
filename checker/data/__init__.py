"""Word lists kept as data: read with `load_data(name)`, cached per process.

A user's own words (`[vocabulary]` in the config, see `checker.vocabulary`) are laid over the
bundled tables: `set_overlay` puts them in the environment, so worker processes (forked or
spawned) read the same tables, and clears the cache. Lists are extended, tables merged.
"""

from __future__ import annotations

import json
import os
import sys
import tomllib
from functools import cache
from importlib import resources
from typing import Any

OVERLAY_VARIABLE = "CHECKER_VOCABULARY"


@cache
def load_data(name: str) -> dict[str, Any]:
    """The parsed contents of `checker/data/<name>.toml`, with the user's additions."""
    text = resources.files(__package__).joinpath(f"{name}.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)
    additions = overlay().get(name)
    return _merged(data, additions) if isinstance(additions, dict) else data


def overlay() -> dict[str, Any]:
    """The additions in force: data file name -> keys to extend."""
    text = os.environ.get(OVERLAY_VARIABLE, "")
    if not text:
        return {}
    try:
        value = json.loads(text)
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def set_overlay(additions: dict[str, Any]) -> None:
    """Lay `additions` over the bundled tables for this process and the workers it starts.

    Call it before the first extraction: tables derived from the data are cached on first use.
    """
    text = json.dumps(additions, sort_keys=True) if additions else ""
    if text == os.environ.get(OVERLAY_VARIABLE, ""):
        return
    if text:
        os.environ[OVERLAY_VARIABLE] = text
    else:
        os.environ.pop(OVERLAY_VARIABLE, None)
    _clear_derived_caches()


def _clear_derived_caches() -> None:
    """Forget every table built from the data: the cached module-level functions of the
    checker's modules (lexicons, compiled patterns), so the next use reads the new words."""
    for name, module in list(sys.modules.items()):
        if module is None or not (name == "checker" or name.startswith(("checker.", "rules"))):
            continue
        for value in list(vars(module).values()):
            clear = getattr(value, "cache_clear", None)
            if callable(clear) and getattr(value, "__module__", None) == name:
                clear()


def _merged(base: dict[str, Any], additions: dict[str, Any]) -> dict[str, Any]:
    result = dict(base)
    for key, value in additions.items():
        current = result.get(key)
        if isinstance(current, list) and isinstance(value, list):
            result[key] = [*current, *(v for v in value if v not in current)]
        elif isinstance(current, dict) and isinstance(value, dict):
            result[key] = _merged(current, value)
        else:
            result[key] = value
    return result
