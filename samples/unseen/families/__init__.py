"""The wording families, by id; their round and split (``dev`` / ``heldout``) are in ``families.yaml``."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path

import yaml

from samples.blocks import Block

from . import (
    bao_cao,
    bien_ban,
    phieu,
    r2_bao_cao,
    r2_bien_ban,
    r2_phieu,
    r2_to_trinh,
    r3_bao_cao,
    r3_bien_ban,
    r3_phieu,
    r3_to_trinh,
    r4_bao_cao,
    r4_bien_ban,
    r4_phieu,
    r4_to_trinh,
    r5_bao_cao,
    r5_bien_ban,
    r5_phieu,
    r5_to_trinh,
    r6_bao_cao,
    r6_bien_ban,
    r6_phieu,
    r6_to_trinh,
    r7_bao_cao,
    r7_bien_ban,
    r7_phieu,
    r7_to_trinh,
    r8_bao_cao,
    r8_bien_ban,
    r8_phieu,
    r8_to_trinh,
    r9_bao_cao,
    r9_bien_ban,
    r9_phieu,
    r9_to_trinh,
    to_trinh,
)
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
    # round 3 (held out; written without reading the rules)
    "TTR-8": r3_to_trinh.resolution_letter,
    "TTR-9": r3_to_trinh.year_on_year,
    "TTR-10": r3_to_trinh.criterion_paragraphs,
    "BBK-8": r3_bien_ban.ballot_table,
    "BBK-9": r3_bien_ban.one_line_ballots,
    "BBK-10": r3_bien_ban.composition_table,
    "BCA-8": r3_bao_cao.ratings_table_topics,
    "BCA-9": r3_bao_cao.semicolon_sentence,
    "BCA-10": r3_bao_cao.two_years_cell_list,
    "PTD-8": r3_phieu.score_first,
    "PTD-9": r3_phieu.total_first,
    "PTD-10": r3_phieu.max_in_label,
    # round 4 (written without reading the rules; dev since round 5)
    "TTR-11": r4_to_trinh.two_level_outline,
    "TTR-12": r4_to_trinh.criteria_table,
    "TTR-13": r4_to_trinh.word_bullets,
    "BBK-11": r4_bien_ban.dotted_form,
    "BBK-12": r4_bien_ban.numbered_prose,
    "BBK-13": r4_bien_ban.people_and_ballots,
    "BCA-11": r4_bao_cao.monthly_log,
    "BCA-12": r4_bao_cao.numbered_prose,
    "BCA-13": r4_bao_cao.three_row_header,
    "PTD-11": r4_phieu.points_in_prose,
    "PTD-12": r4_phieu.slash_column,
    "PTD-13": r4_phieu.criteria_columns,
    # round 5 (written without reading the rules; dev since round 6)
    "TTR-14": r5_to_trinh.label_value_layout,
    "TTR-15": r5_to_trinh.annex,
    "TTR-16": r5_to_trinh.checkbox_form,
    "BBK-14": r5_bien_ban.per_question,
    "BBK-15": r5_bien_ban.per_group,
    "BBK-16": r5_bien_ban.continued_table,
    "BCA-14": r5_bao_cao.sentence_list_two_years,
    "BCA-15": r5_bao_cao.name_list,
    "BCA-16": r5_bao_cao.annex_tables,
    "PTD-14": r5_phieu.two_score_columns,
    "PTD-15": r5_phieu.three_levels,
    "PTD-16": r5_phieu.headings_with_max,
    # round 6 (written without reading the rules; dev since round 7)
    "TTR-17": r6_to_trinh.content_result_table,
    "TTR-18": r6_to_trinh.framed_summary,
    "TTR-19": r6_to_trinh.side_by_side,
    "BBK-17": r6_bien_ban.narrative,
    "BBK-18": r6_bien_ban.two_matrices,
    "BBK-19": r6_bien_ban.paired_columns,
    "BCA-17": r6_bao_cao.footnotes,
    "BCA-18": r6_bao_cao.per_group_totals,
    "BCA-19": r6_bao_cao.criteria_boxes,
    "PTD-17": r6_phieu.roman_unruled,
    "PTD-18": r6_phieu.table_per_criterion,
    "PTD-19": r6_phieu.items_in_one_cell,
    # round 7 (written without reading the rules; dev since round 8)
    "TTR-20": r7_to_trinh.words_and_abbreviations,
    "TTR-21": r7_to_trinh.with_other_requests,
    "TTR-22": r7_to_trinh.threshold_checklist,
    "BBK-20": r7_bien_ban.whole_meeting,
    "BBK-21": r7_bien_ban.tally_sheet,
    "BBK-22": r7_bien_ban.phone_note,
    "BCA-20": r7_bao_cao.half_years,
    "BCA-21": r7_bao_cao.levels_by_year,
    "BCA-22": r7_bao_cao.value_first,
    "PTD-20": r7_phieu.deductions,
    "PTD-21": r7_phieu.words_before_figures,
    "PTD-22": r7_phieu.framework_then_scores,
    # round 8 (written without reading the rules; dev since round 9)
    "TTR-23": r8_to_trinh.fill_in_form,
    "TTR-24": r8_to_trinh.roman_subheadings,
    "TTR-25": r8_to_trinh.column_headed_tables,
    "BBK-23": r8_bien_ban.two_ballots,
    "BBK-24": r8_bien_ban.quoted_report,
    "BBK-25": r8_bien_ban.two_column_minutes,
    "BCA-23": r8_bao_cao.summary_at_end,
    "BCA-24": r8_bao_cao.roman_with_changes,
    "BCA-25": r8_bao_cao.two_column_report,
    "PTD-23": r8_phieu.marked_options,
    "PTD-24": r8_phieu.score_left_of_max,
    "PTD-25": r8_phieu.two_column_criteria,
    # round 9 (held out; written without reading the rules)
    "TTR-26": r9_to_trinh.changes_on_last_year,
    "TTR-27": r9_to_trinh.cover_and_schedule,
    "TTR-28": r9_to_trinh.grounds,
    "BBK-26": r9_bien_ban.first_person,
    "BBK-27": r9_bien_ban.per_row_ballot,
    "BBK-28": r9_bien_ban.numbered_steps,
    "BCA-26": r9_bao_cao.parentheses,
    "BCA-27": r9_bao_cao.shares_and_footnotes,
    "BCA-28": r9_bao_cao.month_grid,
    "PTD-26": r9_phieu.item_matrix,
    "PTD-27": r9_phieu.deductions_table,
    "PTD-28": r9_phieu.boxed_sums,
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
