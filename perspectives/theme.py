"""The paper theme: one fixed colour per role, journal figure widths and matplotlib rc settings.

Figures are drawn and saved inside ``paper_theme()``, a context manager around
``matplotlib.rc_context``, so neither this module nor perspectives.figures changes global state.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any

import matplotlib as mpl

from .resources import data_yaml

ONE_COLUMN = 3.5
"""Width in inches of a one-column figure (most two-column journals)."""
TWO_COLUMN = 7.2
"""Width in inches of a figure spanning both columns."""

RC: dict[str, Any] = {
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans"],
    "font.size": 8,
    "axes.titlesize": 8,
    "axes.labelsize": 8,
    "xtick.labelsize": 7,
    "ytick.labelsize": 7,
    "legend.fontsize": 7,
    "legend.frameon": False,
    "axes.linewidth": 0.6,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "xtick.major.width": 0.6,
    "ytick.major.width": 0.6,
    "lines.linewidth": 1.0,
    "lines.markersize": 4,
    "figure.dpi": 150,
    "savefig.dpi": 300,
    # TrueType fonts embedded whole-glyph (no Type 3), editable text in PDF/PS.
    "pdf.fonttype": 42,
    "ps.fonttype": 42,
    # SVG text as paths: looks the same everywhere and needs no font at view time; a fixed
    # hash salt keeps clip-path and glyph ids, hence the bytes, the same run after run.
    "svg.fonttype": "path",
    "svg.hashsalt": "perspectives",
}


def _theme() -> dict[str, Any]:
    return data_yaml("theme.yaml")


ROLE_ORDER: tuple[str, ...] = tuple(_theme()["roles"])
"""The default role taxonomy in display order (official first)."""
UNKNOWN_COLOR: str = _theme()["unknown"]


def role_color(role: str, palette: Mapping[str, str] | None = None) -> str:
    """The colour of ``role``: from ``palette`` if given there, else the fixed role colour."""
    if palette and role in palette:
        return palette[role]
    return _theme()["roles"].get(role, UNKNOWN_COLOR)


def role_palette(roles: Iterable[str], palette: Mapping[str, str] | None = None) -> dict[str, str]:
    """A colour for each of ``roles``; roles outside the taxonomy and ``palette`` are grey."""
    return {role: role_color(role, palette) for role in roles}


def order_roles(roles: Iterable[str]) -> list[str]:
    """Distinct roles in display order: the taxonomy's order, then others A-Z, 'unknown' last."""
    distinct = {str(r) for r in roles}
    known = [r for r in ROLE_ORDER if r in distinct]
    rest = sorted(distinct - set(known) - {"unknown"})
    return known + rest + (["unknown"] if "unknown" in distinct else [])


def figure_size(
    width: str | float = "one", height: float | None = None, aspect: float = 0.62
) -> tuple[float, float]:
    """(width, height) in inches: ``width`` is "one", "two" (columns) or inches."""
    inches = {"one": ONE_COLUMN, "two": TWO_COLUMN}.get(width, width)  # type: ignore[arg-type]
    if not isinstance(inches, (int, float)):
        raise ValueError(f"width must be 'one', 'two' or inches, not {width!r}")
    return float(inches), float(height if height is not None else inches * aspect)


@contextmanager
def paper_theme(**overrides: Any) -> Iterator[None]:
    """Apply the paper rc settings (plus ``overrides``) inside a ``with`` block only."""
    with mpl.rc_context({**RC, **overrides}):
        yield
