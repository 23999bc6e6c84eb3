"""The project's own promises: dependency lists in step, notebooks stripped, seed intact."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import yaml

from perspectives.ingest import read_article
from perspectives.pipeline import analyze_article

ROOT = Path(__file__).resolve().parents[1]
# conda-forge names of packages whose PyPI names differ, or that PyPI bundles as an extra
CONDA_NAMES = {"vadersentiment": "vadersentiment", "dask[distributed]": "dask"}


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~ ]", requirement, maxsplit=1)[0].lower()


def test_environment_yml_lists_the_pyproject_dependencies():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = {_name(r) for r in project["dependencies"]}
    for extra in project["optional-dependencies"].values():
        wanted |= {_name(r) for r in extra}
    wanted = {CONDA_NAMES.get(n, n) for n in wanted}
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    listed = {_name(d) for d in env["dependencies"] if isinstance(d, str)} - {"python", "pip"}
    assert wanted <= listed, f"missing from environment.yml: {sorted(wanted - listed)}"
    assert listed - wanted <= {"distributed"}, f"not in pyproject: {sorted(listed - wanted)}"


def test_notebooks_are_committed_without_outputs():
    notebooks = sorted((ROOT / "notebooks").glob("*.ipynb"))
    assert [p.name[:3] for p in notebooks] == ["01_", "02_", "03_", "04_"]
    for path in notebooks:
        cells = json.loads(path.read_text())["cells"]
        dirty = [
            c for c in cells if c["cell_type"] == "code" and (c["outputs"] or c["execution_count"])
        ]
        assert not dirty, f"{path.name} keeps outputs"


def test_notebooks_hold_no_function_or_class_definitions():
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        for cell in json.loads(path.read_text())["cells"]:
            source = "".join(cell["source"])
            assert not re.search(r"^\s*(def|class) ", source, re.M), f"logic in {path.name}"


def test_seed_ships_byte_for_byte(seed_path, benchmarks_dir):
    shared = benchmarks_dir.parent / "seeds" / seed_path.name
    assert seed_path.read_bytes() == shared.read_bytes()


def test_seed_analysis_is_deterministic(seed_path):
    article = read_article(seed_path)
    first = [q.to_record() for q in analyze_article(article)]
    assert first == [q.to_record() for q in analyze_article(article)]
