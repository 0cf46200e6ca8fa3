"""doc_type: what kind of notice a page is (PATTERNS 2).

The title decides when it can; otherwise the opening of the body does. Cue
patterns are data in resources/doctype_cues.yaml. All matching is done on the
simplified text, so traditional mirrors classify like their originals.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

DOC_TYPES = ("rectification_report", "progress_report", "feedback_news", "summary_news",
             "plan", "other")
_LEAD_CHARS = 260      # the news lead: first sentences of the body
_OPENING_CHARS = 1500  # where a report sentence or plan headings are looked for
_NAME_CHARS = 120      # where a plan's own name stands as a line


@dataclass(frozen=True)
class DocTypeCue:
    """The decision and the span (in the string searched) that made it."""

    doc_type: str
    where: str          # "title" or "body"
    start: int
    end: int


@lru_cache(maxsize=1)
def _cues() -> dict:
    raw = resources.files("analysis.resources").joinpath("doctype_cues.yaml").read_text("utf-8")
    data = yaml.safe_load(raw)

    def compile_all(obj):
        if isinstance(obj, list):
            return [re.compile(p) for p in obj]
        if isinstance(obj, dict):
            return {k: compile_all(v) for k, v in obj.items()}
        return re.compile(obj)
    return compile_all(data)


def _first(patterns: list[re.Pattern], text: str) -> re.Match | None:
    hits = [m for p in patterns if (m := p.search(text))]
    return min(hits, key=lambda m: m.start()) if hits else None


def _report_type(title: str, sentence: str) -> str:
    """A report's kind from its title and report sentence; a sentence that makes the
    feedback public (现将巡察反馈情况向社会公开), with no 整改 anywhere, is feedback news.

    >>> _report_type("", "现将巡察整改进展情况予以公布"), _report_type("", "现将巡察反馈情况向社会公开")
    ('progress_report', 'feedback_news')
    """
    cues = _cues()["report"]
    if ("整改" not in title + sentence
            and (cues["feedback_only"].search(sentence) or cues["feedback_only"].search(title))):
        return "feedback_news"
    if cues["progress"].search(title) or cues["progress"].search(sentence):
        return "progress_report"
    return "rectification_report"


def find_report_sentence(body: str) -> re.Match | None:
    """The 现将…整改…予以公布 sentence in the opening of the body.

    >>> find_report_sentence("根据区委部署,…。现根据规定将巡察整改进展情况予以公布。").group(0)[:6]
    '现根据规定将'
    """
    return _report_sentence(body[:_OPENING_CHARS])


@lru_cache(maxsize=4)   # the title and the body classifiers both ask, for the same body
def _report_sentence(opening: str) -> re.Match | None:
    return _first(_cues()["report"]["sentence"], opening)


def _classify_title(title: str, body: str) -> tuple[str, re.Match] | None:
    cues = _cues()
    sentence = find_report_sentence(body)
    said = sentence.group(0) if sentence else ""
    if m := _first(cues["plan"]["title"], title):
        return "plan", m
    if m := _first(cues["summary_news"]["title"], title):
        return "summary_news", m
    if m := _first(cues["other"]["title"], title):
        return "other", m
    report = _first(cues["report"]["title"], title)
    if report and "整改" in title:
        return _report_type(title, said), report
    if m := _first(cues["feedback_news"]["title"], title):
        return "feedback_news", m
    if report:
        return _report_type(title, said), report
    return None


def _is_plan_body(body: str) -> re.Match | None:
    cues = _cues()["plan"]
    opening = body[:_OPENING_CHARS * 2]
    if m := _first(cues["body_strong"], opening) or cues["body_name_line"].search(body[:_NAME_CHARS]):
        return m
    hits = list(cues["body_sections"][0].finditer(opening))
    return hits[0] if len(hits) >= 2 else None


def _classify_body(body: str, title: str = "") -> tuple[str, re.Match] | None:
    cues = _cues()
    lead = body[:_LEAD_CHARS]
    sentence = find_report_sentence(body)
    if m := _is_plan_body(body):
        return "plan", m
    if not sentence and (m := _entry_announcement(body)):
        return "other", m
    if not sentence and (m := find_jurisdiction_summary(body)):
        return "summary_news", m
    if not sentence and (m := _other_first_sentence(body)):
        return "other", m
    if not sentence and (m := _feedback_first_sentence(body)):
        return "feedback_news", m
    if m := _first(cues["summary_news"]["body_lead"], lead):
        # a whole round fed back (N个巡察组…分别向…反馈, 反馈指出:) with no report and no
        # finished counts is feedback news, not a summary of rectification
        finished = _first(cues["feedback_news"]["not_before_lead"], body[:_OPENING_CHARS])
        if not sentence and not finished and (fb := _feedback_body(body)):
            return "feedback_news", fb
        return "summary_news", m
    if sentence:
        return _report_type("", sentence.group(0)), sentence
    if m := _feedback_body(body):
        return "feedback_news", m
    if m := _first(cues["other"]["body_lead"], lead):
        return "other", m
    opening = body[:_OPENING_CHARS]
    weak = list(cues["report"]["body_weak"].finditer(opening))
    if len(weak) >= 2 or (weak and opening.count("整改") >= 2):
        many = cues["summary_news"]["many_units"]
        if _first(many, title):
            return "summary_news", weak[0]   # the 整改 of many units is news, no report
        if m := _first(many, lead):
            return "summary_news", m
        return _report_type("", opening), weak[0]
    return None


def find_jurisdiction_summary(body: str) -> re.Match | None:
    """A lead about a whole jurisdiction's inspection work over a term or a year.

    Such news sums up many inspections, so no one inspector, kind or inspected unit
    belongs to it.

    >>> find_jurisdiction_summary("十九届县委以来,青溪县委巡察机构坚持问题导向。").group(0)
    '十九届县委以来'
    >>> find_jurisdiction_summary("巡察反馈以来,局党组高度重视。") is None
    True
    """
    return _first(_cues()["summary_news"]["body_lead_strong"], body[:_LEAD_CHARS])


def _entry_announcement(body: str) -> re.Match | None:
    """Groups stationed at the inspected units with channels for reports (进驻 …, 值班电话,
    邮政信箱) in the opening, and no feedback: an entry announcement, whatever it counts.

    >>> _entry_announcement("县委4个巡察组已进驻12个单位。巡察期间设值班电话和邮政信箱。").group(0)
    '进驻'
    >>> _entry_announcement("县委第一巡察组向县医保局反馈了巡察意见,联系电话:123。") is None
    True
    """
    cues = _cues()["other"]
    opening = body[:_OPENING_CHARS]
    if _first(_cues()["feedback_news"]["meeting"], opening):
        return None
    context = _first(cues["entry_context"], opening)
    return context if context and _first(cues["entry_contact"], opening) else None


def _other_first_sentence(body: str) -> re.Match | None:
    """A meeting or visit other than the feedback in the first sentence (…巡察动员会召开,
    …回访督查…): news of that event, even when its lead reads like feedback news.

    A leading purpose clause (为进一步压实…,推动…。) is no event: the sentence after it
    counts as the first.

    >>> _other_first_sentence("为推动整改到位。5月3日,青溪区委约谈3家单位负责人。").group(0)
    '约谈'
    """
    first = _first_sentence(body)
    if re.match(r"\s*为[^。]{2,80}。", first) and not re.search(r"\d{1,2}月\d{1,2}日", first):
        rest = body[len(first):]
        first = first + _first_sentence(rest)
    if _first(_cues()["feedback_news"]["meeting"], first):
        return None
    return _first(_cues()["other"]["body_lead"], first)


def _first_sentence(body: str) -> str:
    """The body up to and including its first 。 (or the lead when it has none)."""
    return body[:body.find("。") + 1 if "。" in body else _LEAD_CHARS]


def _feedback_body(body: str) -> re.Match | None:
    """A feedback cue anywhere in the opening (反馈会, 反馈指出:, 分别向…反馈, 组长…通报…意见)."""
    cues = _cues()["feedback_news"]
    opening = body[:_OPENING_CHARS]
    return _first(cues["body_lead"], opening) or _first(cues["body_opening"], opening)


def _feedback_first_sentence(body: str) -> re.Match | None:
    """A strong feedback cue in the lead, or a weaker one in the first sentence.

    A report's intro (对…开展了巡察, …反馈了巡察意见) does not count, nor does a lead
    that reports finished rectification (已完成整改1148个, 完成率99%: a summary).
    """
    cues = _cues()["feedback_news"]
    first = body[:body.find("。") + 1 if "。" in body else _LEAD_CHARS]
    if _first(cues["not_before_lead"], body[:_LEAD_CHARS]):
        return None
    if m := _first(cues["body_lead"], body[:_LEAD_CHARS]):
        return m
    if _first(cues["not_in_lead"], body[:_LEAD_CHARS]) or _first(cues["not_in_first_sentence"], first):
        return None
    return _first(cues["first_sentence"], first)


def parse_doc_type(title: str, body: str) -> DocTypeCue:
    """Classify a notice from its (simplified) title and body.

    >>> parse_doc_type("澜江市审计局党组关于巡察整改进展情况的通报", "").doc_type
    'progress_report'
    >>> parse_doc_type("市委第十二巡察组向市审计局党组反馈巡察情况", "").doc_type
    'feedback_news'
    >>> parse_doc_type("", "根据县委统一部署,…。现将巡察整改情况予以公布。").doc_type
    'rectification_report'
    >>> parse_doc_type("", "页面不存在").doc_type
    'other'
    """
    if title and (hit := _classify_title(title, body)):
        return DocTypeCue(hit[0], "title", hit[1].start(), hit[1].end())
    if hit := _classify_body(body, title):
        return DocTypeCue(hit[0], "body", hit[1].start(), hit[1].end())
    return DocTypeCue("other", "none", -1, -1)
