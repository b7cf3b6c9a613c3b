"""The macros peer's data: every YAML file of the organisation read with PyYAML's C loader,
as a site hand-templated with mkdocs-macros-plugin would read it (no validation at all)."""

from __future__ import annotations

from pathlib import Path

import yaml


def _load(path: Path):
    return yaml.load(path.read_bytes().decode("utf-8"), Loader=yaml.CSafeLoader)


def define_env(env) -> None:
    data = Path(env.project_dir) / "data"
    env.variables["org"] = {p.stem: _load(p) for p in sorted(data.glob("*.yaml"))}
    env.variables["programs"] = {p.stem: _load(p)
                                 for p in sorted((data / "programs").glob("*.yaml"))}
    fields = env.variables["org"].get("inventory", {}).get("fields", [])
    env.variables["field_labels"] = {f.get("id"): f.get("label", f.get("id")) for f in fields
                                     if isinstance(f, dict)}
