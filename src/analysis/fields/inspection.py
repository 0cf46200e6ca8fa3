"""Inspection fields: who inspected whom, what kind of inspection, and when.

Columns (SCHEMA.md notices): inspected_org, inspector, inspector_level, inspection_kind,
inspection_round, inspection_group, inspection_start, inspection_end, feedback_date,
as_of_date. Everything but as_of_date is read from the title and the lead (the body up
to its first outline heading, at most 2500 characters), where notices say who inspected
whom; kind cues further down (专项整治, 上下联动, an own "回头看" in the measures) are
never read. as_of_date comes from the first sentence of the body that reports progress
after 截至/截止.

Decisions:
- inspector: the first mention with a group number (else a count of groups, else a bare
  市委巡察组 or an in-house 校党委/集团公司党委), the title's before the lead's, as written
  but without the term and round prefix (六届市委第五轮巡察第十二巡察组 -> 市委第十二巡察组,
  round 5); a bare 巡察组 is no inspector. When the lead names several groups (市委第四、五
  巡察组 … 市委第一巡察组; 2个巡察组分别… with two numbers) there is no group, and the
  inspector is a count of groups (市委各巡察组) or nothing.
- inspector_level: from the inspector, else from the 根据X统一部署 intro, else from an
  inspecting organ named without a group (县委巡察工作领导小组, 区委巡察办).
- inspection_round: from the inspector, else the first 第N轮 whose owner is of the
  inspector's level (a 区委 group under 省委第四轮巡视 has no round of its own).
- inspection_kind: cues next to 巡察/巡视 in the title, the inspector's name and the lead,
  in that order; a plan's title also counts its campaign (专项治理“回头看” -> special,
  look_back).
- inspected_org: see inspection_org_choice.choose_org. As written in the 对X开展…巡察 / 向X反馈 /
  巡察X情况反馈会 / 巡察组到X反馈 sentences (or a feedback-news title), a list or count of
  units as written; the same org with its party organ (对市档案馆 … 向市档案馆党组) is
  preferred; 我局/我院 is resolved to the org that issues the title, without a leading 中共,
  else to the body's own name for itself (市法院党组 for 我院党组); several different
  orgs with no single fed-back one give nothing.
- dates: the first range in an inspection sentence, the last date before the feedback
  act, and 截至 + a day; years filled in along start <= end <= feedback <= as-of
  (analysis.text.dates.resolve_dates), the publish date helping when the text gives none.
"""
from __future__ import annotations

import re
from functools import cached_property

import analysis.fields.inspection_org as org
import analysis.fields.inspection_when as when
import analysis.fields.inspection_who as who
from analysis.document import Fact
from analysis.fields.context import NoticeText
from analysis.fields.inspection_org_choice import choose_org
from analysis.fields.page_doctype import find_jurisdiction_summary
from analysis.text.dates import DateSpan, resolve_dates
from analysis.text.normalize import normalize_text, to_simplified

LEAD_CHARS = 2500
_HEADING = re.compile(r"(?:\n|。 )\s*(?:一、|\(一\)|第一部分)")
_TITLE_CUE = re.compile(r"关于|通报|报告|反馈|方案|通知")
_TITLE_WEAK = re.compile(r"巡察|巡视")
_PLAN = re.compile(r"方案")
_REPORTS = ("rectification_report", "progress_report")
_REPORTER_CHARS = 1500   # where a report's own org is looked for when nothing names it


class _Scope:
    """The parts of a notice the inspection fields are read from."""

    def __init__(self, nt: NoticeText, found: dict[str, Fact]):
        self.nt = nt
        self.title, self.title_at = _find_title(nt, found)
        self.title_match = to_simplified(self.title)
        start = _lead_start(nt, self.title_at)
        end = min(len(nt.text), start + LEAD_CHARS)
        heading = _HEADING.search(nt.match, start + 20, end)
        self.lead = (start, heading.start() if heading else end)
        self.sentences = when.find_sentences(nt.match, *self.lead)
        self.body_from = start
        doc_type = found.get("doc_type")
        self.is_plan = bool((doc_type and doc_type.value == "plan")
                            or _PLAN.search(self.title_match))
        self.is_report = bool(doc_type and doc_type.value in _REPORTS)
        pub = found.get("publish_date")
        self.publish = pub.value if pub else nt.metadata.get("publish_date")

    @cached_property
    def body_sentences(self) -> list[tuple[int, int]]:
        """The sentences from the lead on (split when first asked for: seldom needed)."""
        return when.find_sentences(self.nt.match, self.body_from)

    def fact(self, field_name: str, value, unit: str, start: int, end: int) -> Fact:
        """A Fact at text offsets; start < 0 means the title outside the text."""
        if start < 0:
            return Fact(field_name, value, unit, self.title, -1, -1)
        return self.nt.fact(field_name, value, unit, start, end)

    def title_offset(self, start: int) -> int:
        return self.title_at + start if self.title_at >= 0 else -1


def _lead_start(nt: NoticeText, title_at: int) -> int:
    """Where the lead starts: the body, or an earlier sentence-shaped line the page layout
    left out (a byline glued before the lead: 某某新闻讯(通讯员 …)8月12日,…反馈会召开。),
    or the start of the body's line when the body starts inside it after words about the
    inspection (本报讯(记者 …)十五届区委第五轮第一巡察组…动员会近日召开。)."""
    pos = 0
    for line in nt.text[:nt.body_start].split("\n"):
        if pos != title_at and "。" in line and len(line.strip()) >= 30:
            return pos + len(line) - len(line.lstrip())
        pos += len(line) + 1
    line_start = nt.text.rfind("\n", 0, nt.body_start) + 1
    if line_start != title_at and _TITLE_WEAK.search(nt.match[line_start:nt.body_start]):
        return line_start
    return nt.body_start


def _find_title(nt: NoticeText, found: dict[str, Fact]) -> tuple[str, int]:
    """The title and its offset in nt.text (-1 when it is not in the text)."""
    fact = found.get("title")
    title = str(fact.value) if fact and fact.value else nt.title
    if not title:
        title = _title_line(nt.text)
    title = normalize_text(title or "").replace("\n", "")
    at = nt.text.find(title) if title else -1
    if at < 0 and fact and fact.value and 0 <= fact.start < fact.end <= len(nt.text):
        return nt.text[fact.start:fact.end], fact.start   # a title broken over lines, as it stands
    return title, at


def _title_line(text: str) -> str:
    """A title-looking line near the top when no title is known (joins a broken one)."""
    lines = [ln.strip() for ln in text.split("\n")[:40] if ln.strip()][:12]
    short = [(i, ln) for i, ln in enumerate(lines) if len(ln) <= 80 and "。" not in ln]
    for cue in (_TITLE_CUE, _TITLE_WEAK):
        for i, ln in short:
            if cue.search(to_simplified(ln)):
                nxt = lines[i + 1] if i + 1 < len(lines) else ""
                if (not re.search(r"(通报|报告|通知|方案|情况)$", ln) and len(nxt) <= 20
                        and re.search(r"(通报|报告|通知|方案|情况)$", nxt)):
                    return ln + nxt
                return ln
    return ""


def _inspector_facts(sc: _Scope) -> tuple[list[Fact], tuple[who.InspectorSpan, int] | None]:
    """Inspector, group, round and level from the best mention; also that mention and
    its offset in the text (-1 when it comes from a title outside the text)."""
    nt = sc.nt
    a, b = sc.lead
    lead = nt.match[a:b]
    spans = [(i, 0, i.start + a) for i in who.find_inspectors(lead, nt.text[a:b])
             if not who.in_future_clause(lead, i.start)]
    title_text = nt.text[sc.title_at:sc.title_at + len(sc.title)] if sc.title_at >= 0 else sc.title
    spans += [(i, 1, sc.title_offset(i.start))
              for i in who.find_inspectors(sc.title_match, title_text)]
    if not spans:
        return [], None
    several = who.has_several_groups([s[0] for s in spans], nt.match[a:b] + "\n" + sc.title_match)
    if several:   # a round fed back group by group: a count of groups, never one group
        spans = [s for s in spans if s[0].rank in (1, 2)] or [s for s in spans if s[0].rank == 0]
    spans = [s for s in spans if s[0].rank < 3] or spans
    best, _, at = min(spans, key=lambda s: (s[0].rank, s[0].listed, -s[1], s[0].start))
    end = at + best.end - best.start if at >= 0 else -1
    facts = []
    if best.rank < 3 and not (several and best.rank == 0):
        facts.append(sc.fact("inspector", best.value, "", at, end))
    if best.group and best.rank < 3 and not several:
        facts.append(sc.fact("inspection_group", best.group, "组", at, end))
    if best.round:
        facts.append(sc.fact("inspection_round", best.round, "轮", at, end))
    level = who.parse_level(to_simplified(best.value))
    if level:
        facts.append(sc.fact("inspector_level", level, "", at, end))
    return facts, (best, at)


def _level_from_intro(sc: _Scope) -> list[Fact]:
    """The level from 根据X统一部署, else from an organ named without a group (县委巡察办)."""
    a, b = sc.lead
    got = who.find_deploy_level(sc.nt.match[a:b]) or who.find_organ_level(sc.nt.match[a:b])
    return [sc.fact("inspector_level", got[2], "", got[0] + a, got[1] + a)] if got else []


def _kind_facts(sc: _Scope, inspector: tuple[who.InspectorSpan, int] | None) -> list[Fact]:
    """Kinds named in the title, the inspector's name and the lead, in that order."""
    hits = [(kind, sc.title_offset(s), sc.title_offset(e))
            for s, e, kind in who.find_kinds(sc.title_match, plan_title=sc.is_plan)]
    if inspector:
        span, at = inspector
        hits += [(k, at + s if at >= 0 else -1, at + e if at >= 0 else -1)
                 for s, e, k in who.find_kinds(to_simplified(span.value))]
    for s, e in sc.sentences:
        if when.INSPECT_WORD.search(sc.nt.match[s:e]):
            hits += [(k, a + s, b + s) for a, b, k in who.find_kinds(sc.nt.match[s:e])]
    kinds: list[str] = []
    for kind, _, _ in hits:
        if kind not in kinds:
            kinds.append(kind)
    if not kinds:
        return []
    _, start, end = hits[0]
    return [sc.fact("inspection_kind", ";".join(kinds), "", start, end)]


def _round_facts(sc: _Scope, level: str | None) -> list[Fact]:
    """The first round in the title, else in the lead; a round of another level's body
    (省委第四轮巡视 in a 区委 group's notice) is skipped."""
    got = who.find_round(sc.title_match, level)
    if got:
        return [sc.fact("inspection_round", got[2], "轮", sc.title_offset(got[0]),
                        sc.title_offset(got[1]))]
    a, b = sc.lead
    got = who.find_round(sc.nt.match[a:b], level)
    return [sc.fact("inspection_round", got[2], "轮", got[0] + a, got[1] + a)] if got else []


def _org_facts(sc: _Scope) -> list[Fact]:
    nt = sc.nt
    a, b = sc.lead
    mentions = [org.OrgMention(m.start + a, m.end + a, nt.text[m.start + a:m.end + a], m.kind)
                for m in org.find_org_mentions(nt.match[a:b])]
    mentions += [org.OrgMention(sc.title_offset(m.start), sc.title_offset(m.end),
                                sc.title[m.start:m.end], m.kind)
                 for m in org.find_org_mentions(sc.title_match)]
    resolved = []
    for m in mentions:
        if org.is_self_ref(to_simplified(m.org)):
            got = _resolve_self(sc, to_simplified(m.org))
            if got:
                resolved.append(org.OrgMention(m.start, m.end, got, m.kind))
        else:
            resolved.append(m)
    simple = [org.OrgMention(m.start, m.end, to_simplified(m.org), m.kind) for m in resolved]
    best = choose_org(simple)
    if best is None:
        return _reporter_facts(sc) if not mentions and sc.is_report else []
    written = resolved[simple.index(best)]   # the value as written, traditional kept
    return [sc.fact("inspected_org", written.org, "", written.start, written.end)]


def _reporter_facts(sc: _Scope) -> list[Fact]:
    """A report that names no inspected org: the org it shows acting on the rectification."""
    a = sc.nt.body_start
    got = (org.find_reporter(sc.nt.match[a:a + _REPORTER_CHARS])
           or org.find_quoted_report_org(sc.nt.match[a:a + _REPORTER_CHARS]))
    return [sc.fact("inspected_org", sc.nt.text[got[0] + a:got[1] + a], "", got[0] + a,
                    got[1] + a)] if got else []


def _resolve_self(sc: _Scope, self_ref: str) -> str | None:
    """我局党组 -> the org named before 关于 in the title (suffix added when missing), else
    the body's own name for itself (市法院党组 for 我院党组)."""
    span = org.find_publisher(sc.title_match)
    if not span:
        a = sc.nt.body_start
        got = org.find_self_named(sc.nt.match[a:a + LEAD_CHARS], self_ref)
        return sc.nt.text[got[0] + a:got[1] + a] if got else None
    publisher = sc.title[span[0]:span[1]]
    suffix = re.search(r"(党组织|党组|党委|党总支|党支部)$", self_ref)
    if suffix and not org.has_party_suffix(to_simplified(publisher)):
        publisher += suffix.group(1)
    return publisher


def _date_facts(sc: _Scope) -> list[Fact]:
    match = sc.nt.match
    rng = when.find_inspection_range(match, sc.sentences)
    skip = (rng[0].start, rng[1].end) if rng else None
    feedback = when.find_feedback_date(match, sc.sentences, skip)
    # the first sentence that reports progress decides: read no further than it
    as_of = when.find_as_of_date(match, when.as_of_sentences(match, sc.body_from))
    chain: list[DateSpan | None] = [rng[0] if rng else None, rng[1] if rng else None,
                                    feedback, as_of]
    values = resolve_dates(chain, sc.publish)
    first = next((d for d in chain if d is not None), None)
    if not sc.publish and first is not None and first.year is None:
        values = _dates_after_anchor(sc, chain, first) or values
    names = ("inspection_start", "inspection_end", "feedback_date", "as_of_date")
    return [sc.fact(name, value, "date", span.start, span.end)
            for name, value, span in zip(names, values, chain) if value and span]


def _dates_after_anchor(sc: _Scope, chain: list[DateSpan | None], first: DateSpan
                       ) -> list[str | None] | None:
    """Resolve yearless dates, when the page has no publish date, after the month of the
    inspection (2024年5月,…开展了巡察; no inspection start itself), else after the last
    date written with its year before the first of them (2023年3月6日,区委召开动员会。
    5月18日,…反馈 -> 2023-05-18; a month before the anchor's rolls to the next year)."""
    month = None if chain[0] else when.find_inspection_month(sc.nt.match, sc.sentences)
    if month is None:
        month = when.find_earlier_dated(sc.nt.match, sc.body_sentences, first.start)
    if month is None:
        return None
    anchor = DateSpan(month.start, month.end, month.year, month.month, month.day or 1, "full")
    return resolve_dates([anchor, *chain])[1:]


def extract_inspection_fields(nt: NoticeText, found: dict[str, Fact]) -> list[Fact]:
    """Facts for the inspection columns, read from the title and the lead of a notice."""
    doc_type = found.get("doc_type")
    if doc_type and doc_type.value == "summary_news" and find_jurisdiction_summary(nt.body):
        return []   # a term's or a year's work across a jurisdiction: no one inspection
    sc = _Scope(nt, found)
    facts, inspector = _inspector_facts(sc)
    if not any(f.field == "inspector_level" for f in facts):
        facts += _level_from_intro(sc)
    if not any(f.field == "inspection_round" for f in facts):
        level = next((f.value for f in facts if f.field == "inspector_level"), None)
        facts += _round_facts(sc, level)
    facts += _kind_facts(sc, inspector)
    facts += _org_facts(sc)
    facts += _date_facts(sc)
    return facts
