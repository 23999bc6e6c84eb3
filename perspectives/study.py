"""A study's configuration: stance targets, frame lexicon, role taxonomy, overrides, mode.

One YAML file holds it (``seeds/study.yaml`` for the seed event): ``targets`` inline, and
optional ``taxonomy``, ``frames`` and ``overrides`` paths relative to the file. Without a
file every part is the shipped default.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from .errors import ConfigError
from .frames import FrameLexicon, load_frames
from .resources import user_yaml
from .roles import Taxonomy, load_overrides, load_taxonomy
from .sentiment import MODES
from .stance import Target, load_targets


@dataclass(frozen=True)
class Study:
    """Everything scoring needs to know about a study, loaded once and shared by workers."""

    targets: tuple[Target, ...]
    frames: FrameLexicon
    taxonomy: Taxonomy
    overrides: Mapping[str, str] = field(default_factory=dict)
    sentiment_mode: str = "news"
    source: str = "default"
    scoring: bool = True  # False: quotes and speakers only, the score fields left empty


def load_study(path: str | Path | None = None) -> Study:
    """The study in ``path`` (YAML), or the shipped defaults when ``path`` is None."""
    if path is None:
        return Study(load_targets(None), load_frames(None), load_taxonomy(None))
    p = Path(path)
    config = user_yaml(p) or {}
    if not isinstance(config, dict):
        raise ConfigError(str(p), "a study file must be a YAML mapping")
    here = p.parent

    def relative(key: str) -> Path | None:
        value = config.get(key)
        return here / str(value) if value else None

    taxonomy = load_taxonomy(relative("taxonomy"))
    overrides_path = relative("overrides")
    mode = str(config.get("sentiment_mode", "news"))
    if mode not in MODES:
        raise ConfigError(str(p), f"sentiment_mode must be one of {', '.join(MODES)}")
    return Study(
        targets=load_targets(p) if "targets" in config else load_targets(None),
        frames=load_frames(relative("frames")),
        taxonomy=taxonomy,
        overrides=load_overrides(overrides_path, taxonomy) if overrides_path else {},
        sentiment_mode=mode,
        source=str(p),
    )
