"""Rule profiles: versioned YAML files in this package, loaded into a strict model, listed for `hoso profiles`.

A profile may ``extends:`` another; the child's keys are merged over the parent's (mappings
recursively, anything else replaced; ``null`` switches a rule off). An unknown key, field or
source fails at load with the nearest known name suggested.
"""

from __future__ import annotations

import functools
import logging
from importlib import resources
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from .model import (
    CriteriaFramework,
    DeadlineRule,
    FloorRule,
    MaxCountRule,
    MinCountRule,
    Profile,
    RequiredDocuments,
    Rule,
    Rules,
    ShareRule,
    Source,
    did_you_mean,
)

log = logging.getLogger(__name__)

DEFAULT_PROFILE = "mac-dinh"

__all__ = [
    "DEFAULT_PROFILE",
    "CriteriaFramework",
    "DeadlineRule",
    "FloorRule",
    "MaxCountRule",
    "MinCountRule",
    "Profile",
    "ProfileError",
    "RequiredDocuments",
    "Rule",
    "Rules",
    "ShareRule",
    "Source",
    "describe_profiles",
    "load_profile",
    "parse_profile",
    "profile_names",
]


class ProfileError(ValueError):
    """A profile that does not exist or does not load; the message says what to fix (vi / en)."""


def profile_names() -> list[str]:
    """The names of the shipped profiles (file names without ``.yaml``)."""
    folder = resources.files(__package__)
    return sorted(p.name[: -len(".yaml")] for p in folder.iterdir() if p.name.endswith(".yaml"))


def _raw(name: str) -> dict[str, Any]:
    names = profile_names()
    if name not in names:
        raise ProfileError(
            f'không có bộ quy tắc "{name}" / no profile "{name}"{did_you_mean(name, names)}; '
            f"có / available: {', '.join(names)}"
        )
    text = resources.files(__package__).joinpath(f"{name}.yaml").read_text("utf-8")
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ProfileError(f"{name}.yaml: YAML không hợp lệ / invalid YAML: {exc}") from None
    if not isinstance(data, dict):
        raise ProfileError(f"{name}.yaml: phải là một bảng khóa–giá trị / must be a mapping")
    return data


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out


def _resolve(name: str, raw: dict[str, Any], seen: tuple[str, ...]) -> dict[str, Any]:
    parent = raw.get("extends")
    if parent is None:
        return raw
    if parent in seen:
        raise ProfileError(f"vòng lặp extends / extends cycle: {' → '.join((*seen, parent))}")
    return _merge(_resolve(parent, _raw(parent), (*seen, parent)), raw)


def _model_at(loc: tuple[Any, ...]) -> type[BaseModel] | None:
    """The model whose keys are allowed at ``loc`` (to suggest the nearest for an unknown key)."""
    model: type[BaseModel] | None = Profile
    for part in loc[:-1]:
        if model is None:
            return None
        if model is Profile and part == "sources":
            return Source if len(loc) == 3 else None
        field = model.model_fields.get(str(part))
        if field is None:
            # a union member name (e.g. "ShareRule") in the error location: step into it
            model = {
                c.__name__: c for c in (ShareRule, MinCountRule, MaxCountRule, DeadlineRule, FloorRule)
            }.get(str(part))
            continue
        ann = field.annotation
        args = getattr(ann, "__args__", ())
        candidates = [a for a in (ann, *args) if isinstance(a, type) and issubclass(a, BaseModel)]
        model = candidates[0] if candidates else None
    return model


def _explain(name: str, exc: ValidationError) -> str:
    lines = []
    for err in exc.errors():
        loc = tuple(err["loc"])
        where = ".".join(str(p) for p in loc if not str(p)[:1].isupper())
        if err["type"] == "extra_forbidden":
            model = _model_at(loc)
            hint = did_you_mean(str(loc[-1]), list(model.model_fields)) if model else ""
            lines.append(f'khóa không hợp lệ / unknown key "{where}"{hint}')
        else:
            lines.append(f"{where}: {err['msg']}")
    unique = list(dict.fromkeys(lines))
    return f"{name}.yaml: " + "; ".join(unique)


def parse_profile(name: str, data: dict[str, Any]) -> Profile:
    """Validate an already merged mapping (used for files and by tests)."""
    data = {**data, "name": name}
    try:
        return Profile.model_validate(data)
    except ValidationError as exc:
        raise ProfileError(_explain(name, exc)) from None


@functools.cache
def load_profile(name: str = DEFAULT_PROFILE) -> Profile:
    """Load a shipped profile by name, ``extends`` merged; raises :class:`ProfileError` with a remedy."""
    raw = _raw(name)
    merged = _resolve(name, raw, (name,))
    profile = parse_profile(name, merged)
    log.debug("loaded profile %s v%s", name, profile.version)
    return profile


def describe_profiles() -> str:
    """A readable table per profile: each rule, its threshold and the guidance it comes from."""
    blocks = []
    for name in sorted(profile_names(), key=lambda n: (n != DEFAULT_PROFILE, n)):
        try:
            profile = load_profile(name)
        except ProfileError as exc:
            blocks.append(f"{name}: LỖI / ERROR: {exc}")
            continue
        shown = f"{name} – “{profile.display_name}”" if profile.display_name else name
        head = f"Bộ quy tắc / profile: {shown} (phiên bản {profile.version})"
        if profile.extends:
            head += f", kế thừa / extends: {profile.extends}"
        rows = [(key, rule.label, rule.describe(), profile.cite(key)) for key, rule in profile.items()]
        widths = [max(len(r[i]) for r in rows) for i in range(3)]
        table = [
            f"  {key:<{widths[0]}}  {label:<{widths[1]}}  {value:<{widths[2]}}  {cite}"
            for key, label, value, cite in rows
        ]
        header = f"  {'quy tắc / rule':<{widths[0]}}  {'nội dung':<{widths[1]}}  {'ngưỡng / value':<{widths[2]}}  căn cứ / source"
        sources = [
            f"  [{key}] {s.title}"
            + (f", số {s.number}" if s.number else "")
            + (f", {s.date}" if s.date else "")
            for key, s in profile.sources.items()
        ]
        notes = [f"  * {n}" for n in profile.notes]
        blocks.append(
            "\n".join([head, profile.title, header, *table, "  Căn cứ / sources:", *sources, *notes])
        )
    return "\n\n".join(blocks)
