"""Loads patterns.yaml into compiled keyword matchers, once per process, checking every field name."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

from ..vocabulary import FIELDS, DocType

PATTERNS_FILE = Path(__file__).with_name("patterns.yaml")


@dataclass(frozen=True)
class Rule:
    """One keyed figure: the phrases that name it and how its value is read."""

    field: str | None
    docs: frozenset[str]
    keys: tuple[str, ...]
    kind: str = "int"
    pct_field: str | None = None
    denominator_field: str | None = None
    scope: str | None = None
    sub_field: str | None = None
    zero: bool = False
    require_unit: tuple[str, ...] = ()
    dang_bo_only: bool = False
    on_fraction: str = "numerator"
    unless: tuple[str, ...] = ()


@dataclass
class Patterns:
    """All keyed rules of patterns.yaml, with one compiled phrase matcher per document type."""

    rules: list[Rule]
    units: tuple[str, ...]
    zero_prefixes: tuple[str, ...]
    legacy_labels: tuple[str, ...]
    total_rows: tuple[str, ...] = ()
    column_figures: dict[str, str] = field(default_factory=dict)
    proposal_rows: tuple[str, ...] = ()
    score_units: tuple[str, ...] = ()
    reference_words: tuple[str, ...] = ()
    count_heads: tuple[str, ...] = ()
    count_head_links: tuple[str, ...] = ()
    period_columns: tuple[str, ...] = ()
    whole_year_columns: tuple[str, ...] = ()
    name_list: dict[str, tuple[str, ...]] = field(default_factory=dict)
    cited_documents: tuple[str, ...] = ()
    block_openers: tuple[str, ...] = ()
    checkboxes: dict[str, tuple[str, ...]] = field(default_factory=dict)
    tally: dict[str, object] = field(default_factory=dict)
    _by_type: dict[str, tuple[re.Pattern[str], dict[str, Rule]]] = field(default_factory=dict)

    def matcher(self, doc_type: str) -> tuple[re.Pattern[str] | None, dict[str, Rule]]:
        """One alternation of every phrase for ``doc_type``, longest first (leftmost-longest wins)."""
        if doc_type not in self._by_type:
            by_key: dict[str, Rule] = {}
            for rule in self.rules:
                if doc_type in rule.docs:
                    for key in rule.keys:
                        by_key.setdefault(_norm_key(key), rule)
            if not by_key:
                self._by_type[doc_type] = (None, {})  # type: ignore[assignment]
            else:
                alts = sorted(by_key, key=len, reverse=True)
                regex = re.compile(r"(?<![a-z0-9])(" + "|".join(_phrase(k) for k in alts) + r")(?![a-z0-9])")
                self._by_type[doc_type] = (regex, by_key)
        return self._by_type[doc_type]

    def rule_for(self, matched: str, doc_type: str) -> Rule:
        return self.matcher(doc_type)[1][_norm_key(matched)]


def _norm_key(text: str) -> str:
    return re.sub(r"[\s,]+", " ", text).strip()


def _phrase(key: str) -> str:
    """A phrase regex that allows any run of spaces and commas between its words."""
    return r"[\s,]+".join(re.escape(w) for w in key.split(" "))


def phrase_regex(phrases: tuple[str, ...] | list[str]) -> re.Pattern[str]:
    alts = sorted({_norm_key(p) for p in phrases}, key=len, reverse=True)
    return re.compile(r"(?<![a-z0-9])(" + "|".join(_phrase(k) for k in alts) + r")(?![a-z0-9])")


@cache
def load_patterns(path: Path = PATTERNS_FILE) -> Patterns:
    """Parse and check the pattern file; an unknown field or document type fails here, not at run time."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    doc_types = {t.value for t in DocType}
    rules = []
    for i, raw in enumerate(data["rules"]):
        for name in (
            raw.get("field"),
            raw.get("sub_field"),
            raw.get("pct_field"),
            raw.get("denominator_field"),
        ):
            if name is not None and name not in FIELDS:
                raise ValueError(f"{path.name}: rule {i}: unknown field {name!r}")
        unknown = set(raw["docs"]) - doc_types
        if unknown:
            raise ValueError(f"{path.name}: rule {i}: unknown document type {sorted(unknown)}")
        rules.append(
            Rule(
                field=raw.get("field"),
                docs=frozenset(raw["docs"]),
                keys=tuple(raw["keys"]),
                kind=raw.get("kind", "int"),
                pct_field=raw.get("pct_field"),
                denominator_field=raw.get("denominator_field"),
                scope=raw.get("scope"),
                sub_field=raw.get("sub_field"),
                zero=bool(raw.get("zero", False)),
                require_unit=tuple(raw.get("require_unit", ())),
                dang_bo_only=bool(raw.get("dang_bo_only", False)),
                on_fraction=raw.get("on_fraction", "numerator"),
                unless=tuple(raw.get("unless", ())),
            )
        )
    return Patterns(
        rules=rules,
        units=tuple(data["units"]),
        zero_prefixes=tuple(data["zero_prefixes"]),
        legacy_labels=tuple(data["legacy_labels"]),
        total_rows=tuple(data.get("total_rows", ())),
        column_figures=dict(data.get("column_figures", {})),
        proposal_rows=tuple(data.get("proposal_rows", ())),
        score_units=tuple(data.get("score_units", ())),
        reference_words=tuple(data.get("reference_words", ())),
        count_heads=tuple(data.get("count_heads", ())),
        count_head_links=tuple(data.get("count_head_links", ())),
        period_columns=tuple(data.get("period_columns", ())),
        whole_year_columns=tuple(data.get("whole_year_columns", ())),
        name_list={k: tuple(str(x) for x in v) for k, v in data.get("name_list", {}).items()},
        cited_documents=tuple(data.get("cited_documents", ())),
        block_openers=tuple(data.get("block_openers", ())),
        checkboxes={k: tuple(str(x) for x in v) for k, v in data.get("checkboxes", {}).items()},
        tally=_tally(data.get("tally"), path.name),
    )


def _tally(raw: dict | None, where: str) -> dict[str, object]:
    """patterns.yaml's ``tally``, its fields checked."""
    if not raw:
        return {}
    for k in ("rows_field", "less_field", "rows_less_field"):
        if raw[k] not in FIELDS:
            raise ValueError(f"{where}: tally: unknown field {raw[k]!r}")
    return {
        "row_columns": tuple(str(x) for x in raw["row_columns"]),
        "marks": tuple(str(x) for x in raw["marks"]),
        **{k: str(raw[k]) for k in ("rows_field", "less_field", "rows_less_field")},
    }
