"""extractors.text.fold: the ASCII fold the rules match on, worked out per character and cached."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from extractors.text import _SPACES, fold, fold_keep_length


def reference_fold(text: str) -> str:
    """The definition: OCR stand-ins and đ mapped, NFD of the whole text, marks dropped, lower-cased."""
    text = text.replace("đ", "d").replace("Đ", "D").translate(str.maketrans("¡ıłſÐð", "iilsDd"))
    text = "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")
    return _SPACES.sub(" ", text.lower()).strip()


def test_fold_examples() -> None:
    assert fold("Đảng ủy XÃ  Hòa\u00a0Bình") == "dang uy xa hoa binh"
    assert fold("CH¡ BỘ") == "chi bo"
    assert fold("09 ÐV") == "09 dv"  # OCR's look-alike eth for "Đ"
    assert fold("Chi bo\u0323\u0302") == "chi bo"  # decomposed marks typed after the letter
    assert fold("") == ""
    assert fold_keep_length("Đảng ủy") == "dang uy"


VIETNAMESE = "aăâbcdđeêghiklmnoôơpqrstuưvxyĐÂẮỆỮỴ àáảãạầấẩẫậờớởỡợ\u0300\u0301\u0303\u0309\u0323¡ıłſÐð0,.:%"


@given(st.text(alphabet=VIETNAMESE, max_size=60) | st.text(max_size=20))
def test_fold_per_character_equals_the_fold_of_the_whole_text(text: str) -> None:
    assert fold(text) == reference_fold(text)
