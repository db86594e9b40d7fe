"""What every check shares: the context it reads, the flag builder, number formatting, rule status."""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from extractors.text import fold
from extractors.vocabulary import FIELDS

from ..codes import FIELD_NAMES_VI, REQUIRED_DOC_TYPES, SEVERITY, DocType, FlagCode, Severity, UnitKind
from ..dossier import Dossier, DossierFile
from ..model import Evidence, Flag
from ..profiles import Profile
from ..reconcile import DEFAULT_PREFERENCE, PREFERENCE, Candidate, Reconciled

log = logging.getLogger(__name__)

# How a reviewer names a field: the Vietnamese names of codes.py, never the vocabulary's English notes.
FIELD_LABELS_VI: dict[str, str] = {name: FIELD_NAMES_VI.get(name, name) for name in FIELDS}
FIELD_LABELS_VI.update(
    {
        "unit_kind": "loại tổ chức đảng (chi bộ hay đảng bộ cơ sở)",
        "year": "năm được đánh giá",
        "doc_date": "ngày ký văn bản",
        "voters_eligible": "số người có quyền biểu quyết",
        "members_rated": "số đảng viên được đánh giá, xếp loại",
        "criterion": "điểm tiêu chí",
        "criterion_item": "điểm mục của tiêu chí",
        "criteria_total": "tổng điểm tự chấm",
        "disciplined_members": "số đảng viên bị kỷ luật",
        "attendance_pct": "tỷ lệ đảng viên dự sinh hoạt",
        "regular_meetings": "số kỳ sinh hoạt thường kỳ",
        "thematic_meetings": "số kỳ sinh hoạt chuyên đề",
        "votes_for": "số phiếu tán thành",
        "members_present": "số đảng viên có mặt",
        "subordinates_total": "số chi bộ trực thuộc",
        "subordinates_bon_tot": "số chi bộ trực thuộc đạt “bốn tốt”",
    }
)
KIND_VI = {UnitKind.CHI_BO: "chi bộ", UnitKind.DANG_BO_CO_SO: "đảng bộ cơ sở"}


def _phrases(label: str) -> list[str]:
    """What a document writes where a value it should state belongs: the criterion's name in brackets,
    else the label and the label without its counting words ("số đảng viên hoàn thành nhiệm vụ")."""
    inner = re.findall(r"\(([^()]+)\)", label)
    if inner:
        return [fold(inner[-1])]
    base = fold(re.sub(r"\s*\([^)]*\)", "", label))
    out = [base]
    for lead in ("so dang vien ", "so chi bo truc thuoc ", "so ", "ty le "):
        if base.startswith(lead):
            out.append(base[len(lead) :])
    return [p for p in out if len(p) >= 6]


def _near(file: DossierFile, label: str) -> Evidence | None:
    """The line of ``file`` where an unread value belongs (its row or sentence), so the flag has a place:
    the reviewer sees where to look and, on a scan, a crop of it. None when no line names it."""
    if file.text is None:
        return None
    phrases = _phrases(label)
    best = None
    for page in file.text.pages:
        for line in page.lines:
            text = fold(line.text)
            if any(p in text for p in phrases):
                score = (line.cells is not None, any(ch.isdigit() for ch in line.text))
                if best is None or score > best[0]:
                    best = (score, line, page)
    if best is None:
        return None
    _, line, page = best
    prov = line.prov
    return Evidence(
        file=file.file,
        page=prov.page or page.number,
        text=line.text,
        bbox=prov.bbox,
        block=prov.block,
        table=prov.table,
        row=prov.row,
        image=page.image if page.method == "ocr" else None,
    )


class Status(StrEnum):
    """How a threshold rule came out on this dossier."""

    MET = "met"
    FAILED = "failed"
    UNCHECKED = "unchecked"  # a value it needs was not read
    NOT_APPLICABLE = "n/a"  # the rule is for the other kind of unit


def show(value: object) -> str:
    """A read value as a reviewer reads it: numbers with a decimal comma, a score row as score/max."""
    if isinstance(value, dict):
        if value.get("score") is not None or value.get("max") is not None:
            return f"{num(value.get('score'))}/{num(value.get('max'))} điểm"
        if value.get("passed") is not None:
            return "Đạt" if value["passed"] else "Không đạt"
        return "?"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return num(value)
    return str(value)


def named(c: Candidate) -> str:
    """How a reviewer names what a reading is of: "mục 1.2", "tiêu chí 3", "số phiếu hợp lệ"."""
    if isinstance(c.value, dict) and c.reading.field == "criterion_item":
        return f"mục {c.value.get('item')}"
    if isinstance(c.value, dict) and c.reading.field == "criterion":
        return f"tiêu chí {c.value.get('index')}"
    return FIELD_LABELS_VI.get(c.reading.field, c.reading.field)


def num(x: float | int | None) -> str:
    """Vietnamese number: decimal comma, no trailing zeros ("24,5", "25")."""
    if x is None:
        return "?"
    text = f"{float(x):.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


def pct(part: float, whole: float) -> str:
    """'92%' / '94,7%' (one decimal, comma)."""
    if not whole:
        return "?"
    return num(round(100 * part / whole, 1)) + "%"


@dataclass
class Context:
    """One dossier under one profile: the reconciled figures, the flags so far, each rule's status."""

    dossier: Dossier
    profile: Profile
    rec: Reconciled
    today: dt.date
    flags: list[Flag] = field(default_factory=list)
    status: dict[str, Status] = field(default_factory=dict)
    _not_found: set[tuple] = field(default_factory=set)
    explained: set[int] = field(default_factory=set)  # ids of candidates a flag already names as doubtful

    @property
    def kind(self) -> UnitKind | None:
        return self.rec.unit.kind

    @property
    def present_types(self) -> set[DocType]:
        return {
            f.doc_type for f in self.dossier.files if f.error is None and f.text is not None and f.text.lines
        }

    @property
    def missing_types(self) -> set[DocType]:
        required = self.profile.rules.required_documents.types or list(REQUIRED_DOC_TYPES)
        return set(required) - self.present_types

    def cite(self, rule: str) -> str:
        return self.profile.cite(rule)

    def add(
        self,
        code: FlagCode,
        message: str,
        *,
        evidence: Iterable[Evidence] = (),
        rule: str | None = None,
        field: str | None = None,
        severity: Severity | None = None,
    ) -> Flag:
        flag = Flag(
            code=code,
            severity=severity or SEVERITY[code],
            message=message,
            evidence=list(evidence),
            rule=rule,
            source=self.cite(rule) if rule and getattr(self.profile.rules, rule, None) is not None else None,
            field=field,
        )
        self.flags.append(flag)
        return flag

    def evidence(self, *keys: str) -> list[Evidence]:
        return self.rec.evidence(*keys)

    def candidates(self, *keys: str) -> list[Candidate]:
        return self.rec.used(*keys)

    def doubtful(self, cands: Iterable[Candidate]) -> list[Candidate]:
        """The candidates OCR read below the profile's confidence floor (value or line, else page)."""
        floor = self.profile.rules.ocr_confidence_floor.floor
        return [c for c in cands if (conf := c.confidence()) is not None and conf < floor]

    def inconsistent(
        self,
        code: FlagCode,
        message: str,
        cands: list[Candidate],
        *,
        field: str | None = None,
        evidence: Iterable[Evidence] | None = None,
    ) -> Flag:
        """``code`` for values that do not add up, unless one of them is a doubtful OCR reading: then the
        sum says more about the reading than the document, and the flag is LOW_OCR_CONFIDENCE on it."""
        evidence = [c.evidence() for c in cands] if evidence is None else list(evidence)
        doubts = self.doubtful(cands)
        if not doubts:
            return self.add(code, message, evidence=evidence, field=field)
        floor = self.profile.rules.ocr_confidence_floor.floor
        which = "; ".join(f"{named(c)} = {show(c.value)} (độ tin cậy {num(c.confidence())})" for c in doubts)
        self.explained.update(id(c) for c in doubts)
        return self.add(
            FlagCode.LOW_OCR_CONFIDENCE,
            f"{message.rstrip('.')}; nhưng ảnh quét khó đọc ở {which}, dưới mức {num(floor)} "
            f"({self.cite('ocr_confidence_floor')}): có thể do đọc sai chứ chưa chắc văn bản ghi sai. "
            "Cần đối chiếu bản gốc.",
            evidence=[*(seen := [c.evidence() for c in doubts]), *(e for e in evidence if e not in seen)],
            rule="ocr_confidence_floor",
            field=field,
        )

    def not_found(self, rule: str, fld: str, what: str | None = None) -> None:
        """FIELD_NOT_FOUND for a value a rule needs: one flag per value, naming every rule that needed it.

        Silent when the document that carries the value is missing: MISSING_DOCUMENT already says so,
        and the rule stays unchecked either way."""
        primary = PREFERENCE.get(fld, DEFAULT_PREFERENCE)[0]
        if primary in self.missing_types or (rule, fld, what) in self._not_found:
            return
        self._not_found.add((rule, fld, what))
        rule_obj = getattr(self.profile.rules, rule, None)
        rule_text = f"“{rule_obj.label}” ({self.cite(rule)})" if rule_obj is not None else rule
        label = what or FIELD_LABELS_VI.get(fld, fld)
        for flag in self.flags:
            if (
                flag.code == FlagCode.FIELD_NOT_FOUND
                and flag.field == fld
                and flag.message.startswith(f"Không đọc được {label} ")
            ):
                flag.message = flag.message.replace(". Cần người", f"; {rule_text}. Cần người", 1)
                return
        hint = ""
        if fld == "voters_eligible" and self.kind is None:
            hint = " (không tính được vì chưa rõ đơn vị là chi bộ hay đảng bộ cơ sở)"
        files = [
            _near(f, label) or Evidence(file=f.file)
            for f in self.dossier.files
            if f.doc_type == primary and f.error is None
        ]
        self.add(
            FlagCode.FIELD_NOT_FOUND,
            f"Không đọc được {label} trong hồ sơ{hint}, nên chưa kiểm tra được quy tắc {rule_text}. "
            f"Cần người đối chiếu văn bản gốc.",
            evidence=files,
            rule=rule,
            field=fld,
        )

    def set_status(self, rule: str, status: Status) -> None:
        """Record a rule's outcome; a failure is never overwritten by a later check."""
        if self.status.get(rule) == Status.FAILED:
            return
        if self.status.get(rule) == Status.UNCHECKED and status == Status.MET:
            return
        self.status[rule] = status

    def applies(self, rule: str) -> bool:
        """Whether a threshold rule is set in the profile and is for this kind of unit (unknown kind: say so)."""
        rule_obj = getattr(self.profile.rules, rule, None)
        if rule_obj is None:
            return False
        if set(rule_obj.applies_to) >= {UnitKind.CHI_BO, UnitKind.DANG_BO_CO_SO}:
            return True
        if self.kind is None:
            self._kind_unknown()
            self.set_status(rule, Status.UNCHECKED)
            return False
        if self.kind not in rule_obj.applies_to:
            self.set_status(rule, Status.NOT_APPLICABLE)
            return False
        return True

    def _kind_unknown(self) -> None:
        if ("*", "unit_kind") in self._not_found or PREFERENCE["unit_kind"][0] in self.missing_types:
            return
        self._not_found.add(("*", "unit_kind"))
        rules = [
            r.label
            for _, r in self.profile.items()
            if not set(r.applies_to) >= {UnitKind.CHI_BO, UnitKind.DANG_BO_CO_SO}
        ]
        self.add(
            FlagCode.FIELD_NOT_FOUND,
            "Không xác định được đơn vị là chi bộ hay đảng bộ cơ sở (không đọc được loại tổ chức hay tên đơn vị), "
            "nên chưa kiểm tra được các quy tắc chỉ áp dụng cho một loại đơn vị: " + "; ".join(rules) + ".",
            evidence=self.evidence("unit_name"),
            field="unit_kind",
        )
