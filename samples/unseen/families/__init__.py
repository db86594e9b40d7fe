"""The wording families, by id; their round and split (``dev`` / ``heldout``) are in ``families.yaml``."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path

import yaml

from samples.blocks import Block

from . import bao_cao, bien_ban, phieu, r2_bao_cao, r2_bien_ban, r2_phieu, r2_to_trinh, to_trinh
from .common import Ctx

Family = Callable[[Ctx], list[Block]]
MANIFEST = Path(__file__).resolve().parent.parent / "families.yaml"

FAMILIES: dict[str, Family] = {
    "TTR-1": to_trinh.prose_breakdown,
    "TTR-2": to_trinh.numbered_sections,
    "TTR-3": to_trinh.summary_table,
    "TTR-4": to_trinh.letter,
    "BBK-1": bien_ban.prose_minutes,
    "BBK-2": bien_ban.label_table,
    "BBK-3": bien_ban.dashed_lines,
    "BBK-4": bien_ban.bullet_list,
    "BCA-1": bao_cao.sections_prose,
    "BCA-2": bao_cao.result_tables,
    "BCA-3": bao_cao.both_kinds_cells,
    "BCA-4": bao_cao.lettered_items,
    "PTD-1": phieu.two_row_header,
    "PTD-2": phieu.narrow_header,
    "PTD-3": phieu.deduction_column,
    "PTD-4": phieu.listed_scores,
    # round 2
    "TTR-5": r2_to_trinh.long_sentences,
    "TTR-6": r2_to_trinh.wrapped_lines,
    "TTR-7": r2_to_trinh.words_and_table,
    "BBK-5": r2_bien_ban.ballot_table,
    "BBK-6": r2_bien_ban.merged_header,
    "BBK-7": r2_bien_ban.words_beside,
    "BCA-5": r2_bao_cao.last_year_first,
    "BCA-6": r2_bao_cao.quarter_tables,
    "BCA-7": r2_bao_cao.plan_and_result,
    "PTD-5": r2_phieu.lettered_blocks,
    "PTD-6": r2_phieu.total_first,
    "PTD-7": r2_phieu.merged_names,
}


@cache
def manifest() -> dict[str, dict]:
    """``families.yaml``: each family's document type, split (dev / heldout) and description."""
    data = yaml.safe_load(MANIFEST.read_text("utf-8"))
    return {f["id"]: f for f in data["families"]}


def split_of(family: str) -> str:
    return manifest()[family]["split"]


def family_round(family: str) -> int:
    """The round the family was written in (1, 2, …): ``round`` in ``families.yaml``."""
    return int(manifest()[family]["round"])
