"""Following each inspection across its notices (the corpus-level step).

One inspection of one organisation produces feedback news, progress notices (each with
its as-of date), a final notice and sometimes more. The rule that links them:

1. Only notices that are not copies and whose inspected organisation has a canonical
   agency name (dataset.agencies: the name with its place) can be linked; a notice that
   names an organisation whose place is unknown is an inspection of its own, unlinked.
2. Notices are taken oldest first (as-of, publish, feedback, inspection dates; then
   feedback news before progress before final notices; then build order). A notice joins
   an inspection of the same agency when
   - it contradicts none of its notices: inspector level, round, group, feedback date and
     inspection start, where both state them, are equal, and so are the years of their
     feedback (else start) dates; and
   - it shares an anchor with at least one of them: the same round, the same feedback date,
     the same inspection start, or the same group in the same year.
   (The notices of an inspection agree, so this is checked against what they state
   together, not notice by notice: the step stays linear in the corpus.)
   When it fits no inspection it starts a new one; when it fits two, it is unsure and
   starts a new one too. So two organisations, or one organisation inspected in two rounds
   or years, are always two inspections.
3. An inspection's figures come from the latest notice that states them, figure by
   figure; they are cumulative and never summed across notices.

The inspection_id is the first 12 hex characters of the SHA-1 of agency, level, round,
year and group (with the first notice's doc_id when two inspections would share it), so
it stays the same when a later notice is added.
"""
from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

STAGE_ORDER = {"feedback_news": 0, "progress_report": 1, "rectification_report": 2}
REPORT_TYPES = ("progress_report", "rectification_report")
_EQUAL_WHEN_STATED = ("inspector_level", "inspection_round", "inspection_group",
                      "feedback_date", "inspection_start")
_ANCHORS = ("inspection_round", "feedback_date", "inspection_start")
_DATE_ORDER = ("as_of_date", "publish_date", "feedback_date", "inspection_end",
               "inspection_start")


def known(value: Any) -> bool:
    return value is not None and value == value and value != ""


def notice_date(row: dict[str, Any]) -> str | None:
    """The date a notice speaks for: as-of, else publish, feedback, inspection dates."""
    return next((row[c] for c in _DATE_ORDER if known(row.get(c))), None)


def inspection_year(row: dict[str, Any]) -> int | None:
    """Year of the feedback, else of the inspection start."""
    for column in ("feedback_date", "inspection_start"):
        if known(row.get(column)):
            return int(str(row[column])[:4])
    return None


def _year(date: str | None) -> int | None:
    return int(date[:4]) if date else None


def _order_key(item: tuple[int, dict[str, Any]]) -> tuple:
    i, row = item
    return (notice_date(row) or "9999", STAGE_ORDER.get(row.get("doc_type"), 3), i)


@dataclass
class _Inspection:
    """The notices linked so far, with what they state: one value per field, since they
    agree (so a notice fits all of them when it fits these values)."""

    members: list[int] = field(default_factory=list)
    values: dict[str, Any] = field(default_factory=dict)
    year: int | None = None
    group_years: set[tuple[Any, int]] = field(default_factory=set)

    def add(self, i: int, row: dict[str, Any]) -> None:
        self.members.append(i)
        self.values.update({f: row[f] for f in _EQUAL_WHEN_STATED if known(row.get(f))})
        self.year = self.year or inspection_year(row)
        year = inspection_year(row) or _year(notice_date(row))
        if known(row.get("inspection_group")) and year:
            self.group_years.add((row["inspection_group"], year))

    def fits(self, row: dict[str, Any]) -> bool:
        """`row` contradicts none of its notices (see the module docstring)."""
        if any(known(row.get(f)) and f in self.values and self.values[f] != row[f]
               for f in _EQUAL_WHEN_STATED):
            return False
        year = inspection_year(row)
        return not (year and self.year and year != self.year)

    def anchors(self) -> list[tuple]:
        """What ties a notice to this inspection: its round, feedback date, inspection start,
        or a group in a year."""
        found = [(f, self.values[f]) for f in _ANCHORS if f in self.values]
        return found + [("group_year", gy) for gy in self.group_years]


def _row_anchors(row: dict[str, Any]) -> list[tuple]:
    found = [(f, row[f]) for f in _ANCHORS if known(row.get(f))]
    year = inspection_year(row) or _year(notice_date(row))
    if known(row.get("inspection_group")) and year:
        found.append(("group_year", (row["inspection_group"], year)))
    return found


class _AnchorIndex:
    """Inspections by (agency, anchor, year of the inspection). A notice of year y fits only
    an inspection of year y or of no year yet, so it looks in those buckets alone (a notice
    of no year in all of its anchors' buckets): an agency with hundreds of inspections in
    one round costs no more than one with a few."""

    def __init__(self) -> None:
        self._buckets: dict[tuple, set[int]] = {}
        self._years: dict[tuple, set[int | None]] = {}

    def add(self, agency: str, anchors: list[tuple], year: int | None, group: int) -> None:
        for anchor in anchors:
            self._years.setdefault((agency, anchor), set()).add(year)
            self._buckets.setdefault((agency, anchor, year), set()).add(group)

    def candidates(self, agency: str, anchors: list[tuple], year: int | None) -> set[int]:
        found: set[int] = set()
        for anchor in anchors:
            years = (year, None) if year else self._years.get((agency, anchor), ())
            for y in years:
                found |= self._buckets.get((agency, anchor, y), set())
        return found


def _only_fit(candidates: set[int], found: list[_Inspection], row: dict[str, Any]) -> int | None:
    """The one inspection among candidates that `row` fits; None when none or several do."""
    fit = None
    for g in sorted(candidates):
        if found[g].fits(row):
            if fit is not None:
                return None
            fit = g
    return fit


def link_inspections(rows: Sequence[dict[str, Any]],
                     agencies: Sequence[str | None]) -> list[int | None]:
    """The inspection (a group number) of each notice, None for notices not linked.

    `rows` are the notices that are not copies; `agencies` their canonical agency names.
    Notices that name an organisation but have no agency each get a group of their own.

    >>> news = {"inspected_org": "区民政局党组", "feedback_date": "2024-01-10"}
    >>> final = {"inspected_org": "区民政局党组", "feedback_date": "2024-01-10",
    ...          "inspection_round": 5, "as_of_date": "2024-09-30"}
    >>> earlier = {"inspected_org": "区民政局党组", "inspection_round": 4,
    ...            "feedback_date": "2020-07-02"}
    >>> link_inspections([news, final, earlier], ["青溪区民政局"] * 3)
    [1, 1, 0]
    >>> link_inspections([news, final], ["青溪区民政局", "北塘区民政局"])
    [0, 1]
    """
    groups: list[int | None] = [None] * len(rows)
    found: list[_Inspection] = []
    index = _AnchorIndex()
    for i, row in sorted(enumerate(rows), key=_order_key):
        if not known(row.get("inspected_org")):
            continue
        agency = agencies[i]
        group = None if agency is None else _only_fit(
            index.candidates(agency, _row_anchors(row), inspection_year(row)), found, row)
        if group is None:
            group = len(found)
            found.append(_Inspection())
        found[group].add(i, row)
        groups[i] = group
        if agency is not None:
            index.add(agency, found[group].anchors(), found[group].year, group)
    return groups


def inspection_ids(rows: Sequence[dict[str, Any]], agencies: Sequence[str | None],
                   groups: Sequence[int | None]) -> dict[int, str]:
    """{group: inspection_id}, stable when later notices are added."""
    ids: dict[int, str] = {}
    taken: set[str] = set()
    members: dict[int, list[int]] = {}
    for i, group in enumerate(groups):
        if group is not None:
            members.setdefault(group, []).append(i)
    for group in sorted(members):
        idx = sorted(members[group], key=lambda i: _order_key((i, rows[i])))
        first = rows[idx[0]]
        key = "|".join(str(v) for v in (
            agencies[idx[0]] or first["doc_id"], _first(rows, idx, "inspector_level"),
            _first(rows, idx, "inspection_round"),
            next((inspection_year(rows[i]) for i in idx if inspection_year(rows[i])), None),
            _first(rows, idx, "inspection_group")))
        found = hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]
        if found in taken:
            found = hashlib.sha1(f"{key}|{first['doc_id']}".encode()).hexdigest()[:12]
        taken.add(found)
        ids[group] = found
    return ids


def _first(rows: Sequence[dict[str, Any]], idx: Sequence[int], column: str) -> Any:
    return next((rows[i][column] for i in idx if known(rows[i].get(column))), None)


_LATEST_FIGURES = ("problems_total", "problems_completed", "problems_in_progress",
                   "recovered_wan", "rules_total", "people_handled")
_MOST_COMPLETE = ("inspected_org", "inspector", "inspection_kind")
_FIRST_KNOWN = ("inspector_level", "inspection_round", "province", "city", "county", "sector",
                "feedback_date")


def inspection_row(inspection_id: str, agency: str | None,
                   notices: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """One inspections row from its notices, oldest first."""
    row: dict[str, Any] = {"inspection_id": inspection_id, "agency": agency,
                           "n_notices": len(notices),
                           "doc_ids": ";".join(n["doc_id"] for n in notices),
                           "doc_types": ";".join(str(n.get("doc_type") or "") for n in notices)}
    for column in _MOST_COMPLETE:
        values = [str(n[column]) for n in notices if known(n.get(column))]
        row[column] = max(values, key=len) if values else None
    for column in _FIRST_KNOWN:
        row[column] = next((n[column] for n in notices if known(n.get(column))), None)
    row["year"] = next((inspection_year(n) for n in notices if inspection_year(n)), None) or \
        next((_year(notice_date(n)) for n in notices if notice_date(n)), None)
    reports = [n for n in notices if n.get("doc_type") in REPORT_TYPES]
    dates = [d for d in (_report_date(n) for n in reports) if d]
    row["first_report_date"] = min(dates) if dates else None
    row["latest_report_date"] = max(dates) if dates else None
    for column in _LATEST_FIGURES:
        row[column] = next((n[column] for n in reversed(notices) if known(n.get(column))), None)
    row.update(_latest_rate(notices))
    row["days_to_latest_report"] = _days(row["feedback_date"], row["latest_report_date"])
    row["status"] = _status(row)
    return row


def _report_date(notice: dict[str, Any]) -> str | None:
    for column in ("as_of_date", "publish_date"):
        if known(notice.get(column)):
            return str(notice[column])
    return None


def _latest_rate(notices: Sequence[dict[str, Any]]) -> dict[str, Any]:
    for n in reversed(notices):
        if known(n.get("completion_rate")):
            return {"completion_rate": n["completion_rate"],
                    "rate_stated": bool(n.get("rate_stated"))}
    return {"completion_rate": None, "rate_stated": None}


def _days(start: str | None, end: str | None) -> int | None:
    if not (start and end):
        return None
    try:
        days = (date.fromisoformat(str(end)) - date.fromisoformat(str(start))).days
    except ValueError:
        return None
    return days if days >= 0 else None


def _status(row: dict[str, Any]) -> str:
    """complete, incomplete or unknown, from the inspection's latest figures."""
    total, done, rate = (row.get("problems_total"), row.get("problems_completed"),
                         row.get("completion_rate"))
    if known(rate):
        return "complete" if float(rate) >= 100 else "incomplete"
    if known(total) and known(done):
        return "complete" if done >= total else "incomplete"
    if known(row.get("problems_in_progress")):
        return "incomplete" if row["problems_in_progress"] > 0 else "complete"
    return "unknown"
