"""Years of yearless dates: from a dateline (来源/作者 line with a date) or an earlier full
date in the same text. Invented pages (青溪区, 北塘县 ...); values checked by hand."""
import pytest

from analysis.document import Document
from analysis.fields import extract_notice_fields

TITLE = "青溪区统计局召开巡察反馈会\n"
FEEDBACK = "6月8日,区委第三巡察组向区统计局党组反馈巡察情况。"


def _values(text: str) -> dict:
    _, values, _ = extract_notice_fields(Document(text=text, source_path="x.txt",
                                                  source_format="txt"))
    return values


@pytest.mark.parametrize("text, expected", [
    # a source line ending in a year-first date (full-width colon, two spaces)
    (TITLE + "来源：青溪区纪委监委  2023.06.12\n" + FEEDBACK,
     {"publish_date": "2023-06-12", "feedback_date": "2023-06-08"}),
    # day first: 12.06.2023
    (TITLE + "来源:北塘县融媒体中心 12.06.2023\n" + FEEDBACK,
     {"publish_date": "2023-06-12", "feedback_date": "2023-06-08"}),
    # an author line with a counter after the date
    (TITLE + "作者:王某 2023.06.12 浏览:35\n" + FEEDBACK,
     {"publish_date": "2023-06-12", "feedback_date": "2023-06-08"}),
    # a labelled publish line still wins over the source line before it
    (TITLE + "来源:北塘县融媒体中心 2023.05.30\n发布时间:2023-06-12\n" + FEEDBACK,
     {"publish_date": "2023-06-12", "feedback_date": "2023-06-08"}),
    # no date on the source line: nothing to take the year from
    (TITLE + "来源:青溪区纪委监委\n" + FEEDBACK, {"publish_date": None, "feedback_date": None}),
    # no such day (31.06): no publish date
    (TITLE + "来源:北塘县融媒体中心 31.06.2023\n" + FEEDBACK, {"publish_date": None}),
    # an earlier full date in the text gives the year ...
    (TITLE + "2023年3月6日,区委召开巡察工作动员部署会。5月18日,区委第三巡察组向区统计局党组反馈巡察情况。",
     {"feedback_date": "2023-05-18"}),
    # ... rolled to the next year when the month comes before the anchor's
    (TITLE + "2022年11月20日,区委召开巡察工作动员部署会。1月18日,区委第三巡察组向区统计局党组反馈"
     "巡察情况。", {"feedback_date": "2023-01-18"}),
    # a yearless inspection range after a full date: both ends and the feedback follow it
    (TITLE + "2023年2月20日,区委召开巡察工作动员部署会。3月6日至4月28日,区委第三巡察组对区统计局党组"
     "开展了常规巡察。5月18日,区委第三巡察组向区统计局党组反馈巡察情况。",
     {"inspection_start": "2023-03-06", "inspection_end": "2023-04-28",
      "feedback_date": "2023-05-18"}),
    # a year alone (2022年以来) is no anchor
    (TITLE + "2022年以来,区委巡察工作稳步推进。5月18日,区委第三巡察组向区统计局党组反馈巡察情况。",
     {"feedback_date": None}),
])
def test_years_of_yearless_dates(text, expected):
    got = _values(text)
    assert {k: got.get(k) for k in expected} == expected
