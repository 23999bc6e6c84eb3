"""Load the word lists and YAML tables shipped in ``perspectives/data/`` (once, cached).

Plain-text lists hold one entry per line; ``#`` starts a comment. Tables are tab-separated.
Everything a study may replace (taxonomy, targets, frames) is YAML and can also be read from
a user's path.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from .errors import ConfigError

# libyaml's parser reads the shipped tables several times faster than PyYAML's own (a fixed
# cost of every run); both build the same Python values. Without libyaml, PyYAML's.
_SHIPPED_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _data_text(name: str) -> str:
    return resources.files("perspectives").joinpath("data", name).read_text(encoding="utf-8")


@cache
def word_list(name: str) -> tuple[str, ...]:
    """Entries of a shipped list file (comments and blank lines dropped), in file order."""
    entries = []
    for line in _data_text(name).splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            entries.append(line)
    return tuple(entries)


@cache
def data_table(name: str) -> tuple[list[str], ...]:
    """Rows of a shipped tab-separated file, split at tabs; lines starting with ``# `` are
    comments (a ``#`` elsewhere is data, unlike in ``word_list``: the word "#1", say)."""
    lines = _data_text(name).splitlines()
    return tuple(line.split("\t") for line in lines if line and not line.startswith("# "))


@cache
def data_yaml(name: str) -> Any:
    """A shipped YAML table (a study's own files go through ``user_yaml``)."""
    return yaml.load(_data_text(name), Loader=_SHIPPED_LOADER)


def user_yaml(path: str | Path) -> Any:
    """A study's own YAML file; a missing or malformed file is a ConfigError naming it."""
    p = Path(path)
    try:
        return yaml.safe_load(p.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(str(p), exc.strerror or "cannot be read") from None
    except yaml.YAMLError as exc:
        raise ConfigError(str(p), f"not valid YAML ({exc.__class__.__name__})") from None
