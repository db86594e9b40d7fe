"""A unit's name as the dossier's documents agree on it, when one scanned document misreads it; the
cells counted by level when no document says how many there are."""

from __future__ import annotations

import datetime as dt

from validators import Dossier, assess

from .factory import BB, BC, PH, TT, clean_chi_bo, make_file, set_value


def _run(docs, scanned: set) -> object:
    files = [
        make_file(t, r, ocr=70.0 if t in scanned else None, line_confidence=70.0 if t in scanned else None)
        for t, r in docs.items()
    ]
    return assess(Dossier(id="hs", files=files), "mac-dinh", today=dt.date(2025, 1, 10))


def test_a_scanned_slip_in_the_first_documents_name_yields_to_the_others() -> None:
    docs = set_value(clean_chi_bo(), TT, "unit_name", "Chi bộ Phònng Tư pháp")
    assert _run(docs, {TT}).unit.name == "Chi bộ Phòng Tư pháp"


def test_a_typed_name_is_kept_and_one_other_document_does_not_outvote_it() -> None:
    docs = set_value(clean_chi_bo(), TT, "unit_name", "Chi bộ Phònng Tư pháp")
    assert _run(docs, set()).unit.name == "Chi bộ Phònng Tư pháp"  # not scanned: as written
    docs = set_value(docs, BB, "unit_name", "Chi bộ Phònng Tư pháp")
    docs = set_value(docs, PH, "unit_name", "Chi bộ Phònng Tư pháp")
    assert _run(docs, {TT}).unit.name == "Chi bộ Phònng Tư pháp"  # the others agree with it
    assert BC in docs


def test_the_cells_counted_by_level_when_no_document_states_how_many_there_are() -> None:
    from .factory import clean_dang_bo

    docs = set_value(clean_dang_bo(), BC, "subordinates_total", None)
    result = _run(docs, set())
    assert result.figures.subordinates.total == 10  # 2 + 7 + 1 + 0
    docs = set_value(docs, BC, "subordinates_hoan_thanh", None)
    assert _run(docs, set()).figures.subordinates.total is None  # a level unknown: not counted
