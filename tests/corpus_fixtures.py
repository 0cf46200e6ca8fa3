"""An invented corpus of one inspection followed over its notices, with reposts and near misses.

Every name, place, date and figure is invented (澜江市, 青溪区, 北塘区 do not exist); the forms
are those of real notices (PATTERNS.md): feedback news, a progress notice and a final notice
of one inspection, reposts with site chrome or in traditional characters, another unit of
the same round, and the same unit in an earlier round.
"""
from __future__ import annotations

from pathlib import Path

from zhconv import convert

FEEDBACK = """区委第三巡察组向青溪区民政局党组反馈巡察情况
发布时间：2024-01-12 10:20:31  来源：青溪区纪委监委
根据区委统一部署，2023年10月9日至12月8日，区委第三巡察组对青溪区民政局党组开展了常规巡察。2024年1月10日，区委第三巡察组向区民政局党组反馈巡察情况。
反馈会上，区委第三巡察组组长通报了巡察发现的主要问题，主要是：落实全面从严治党主体责任不到位；养老服务补贴发放审核不严；基层党组织建设薄弱。
区民政局党组主要负责人表示，将照单全收、立行立改，认真抓好巡察反馈问题整改。
"""

PROGRESS = """中共青溪区民政局党组关于区委第三巡察组巡察反馈意见整改进展情况的通报
根据区委统一部署，2023年10月9日至12月8日，区委第三巡察组对青溪区民政局党组开展了常规巡察。2024年1月10日，区委第三巡察组向区民政局党组反馈了巡察意见。按照巡察工作有关要求，现将巡察整改进展情况予以公布。
一、整改工作组织情况
局党组召开专题会议，研究制定整改方案，明确责任领导和完成时限。
二、巡察反馈问题整改进展情况
截至2024年4月30日，巡察反馈的3个问题已完成整改2个，正在整改1个，追回违规发放的补贴资金8万元。
（一）关于“落实全面从严治党主体责任不到位”的问题
整改情况：局党组专题研究部署，压实班子成员“一岗双责”。已完成整改。
（二）关于“养老服务补贴发放审核不严”的问题
整改情况：对2022年以来补贴发放情况全面复核，追回违规发放资金8万元。已完成整改。
（三）关于“基层党组织建设薄弱”的问题
整改情况：制定支部建设提升计划，正在推进中。
三、下一步工作打算
持续巩固整改成果，确保问题见底清零。
欢迎广大干部群众对巡察整改落实情况进行监督。联系电话：0000-12345678。
中共青溪区民政局党组
2024年5月8日
"""

FINAL = """中共青溪区民政局党组关于区委第三巡察组巡察反馈意见整改情况的通报
根据区委统一部署，2023年10月9日至12月8日，区委第三巡察组对青溪区民政局党组开展了常规巡察。2024年1月10日，区委第三巡察组向区民政局党组反馈了巡察意见。按照巡察工作有关要求，现将巡察整改情况予以公布。
一、整改工作组织情况
局党组把巡察整改作为重大政治任务，成立整改工作领导小组，逐项明确整改措施。
二、巡察反馈问题整改情况
截至2024年9月30日，巡察反馈的3个问题已全部完成整改，挽回经济损失12.5万元。
（一）关于“落实全面从严治党主体责任不到位”的问题
整改情况：局党组专题研究部署，压实班子成员“一岗双责”。已完成整改。
（二）关于“养老服务补贴发放审核不严”的问题
整改情况：对2022年以来补贴发放情况全面复核，共追回违规发放资金12.5万元。已完成整改。
（三）关于“基层党组织建设薄弱”的问题
整改情况：落实支部建设提升计划，三个支部完成规范化建设。已完成整改。
三、下一步工作打算
坚持问题整改不松劲，建立长效机制。
欢迎广大干部群众对巡察整改落实情况进行监督。联系电话：0000-12345678。
中共青溪区民政局党组
2024年10月15日
"""

CHROME_HEAD = """首页 | 政务公开 | 纪检监察 | 巡察工作
当前位置：首页 > 纪检监察 > 巡察整改
"""
CHROME_FOOT = """【打印本页】【关闭窗口】
主办单位：澜江市青溪区人民政府办公室  备案号：某ICP备00000000号
"""

OTHER_UNIT = """中共青溪区统计局党组关于区委第四巡察组巡察反馈意见整改情况的通报
根据区委统一部署，2023年10月9日至12月8日，区委第四巡察组对青溪区统计局党组开展了常规巡察。2024年1月11日，区委第四巡察组向区统计局党组反馈了巡察意见。现将巡察整改情况予以公布。
截至2024年9月30日，巡察反馈的4个问题已全部完成整改。
一、关于“统计数据质量管控不严”的问题
整改情况：完善数据审核制度，已完成整改。
中共青溪区统计局党组
2024年10月16日
"""

EARLIER_ROUND = """中共青溪区民政局党组关于区委第一巡察组巡察反馈意见整改情况的通报
根据区委统一部署，2020年4月7日至6月5日，区委第一巡察组对青溪区民政局党组开展了常规巡察。2020年7月2日，区委第一巡察组向区民政局党组反馈了巡察意见。现将巡察整改情况予以公布。
截至2020年10月31日，巡察反馈的5个问题已全部完成整改，建立完善制度6项。
一、关于“社会救助资金管理不规范”的问题
整改情况：开展专项清查，已完成整改。
中共青溪区民政局党组
2020年11月20日
"""

SAME_NAME_OTHER_DISTRICT = """中共北塘区民政局党组关于区委第三巡察组巡察反馈意见整改情况的通报
根据区委统一部署，2023年10月9日至12月8日，区委第三巡察组对北塘区民政局党组开展了常规巡察。2024年1月10日，区委第三巡察组向区民政局党组反馈了巡察意见。现将巡察整改情况予以公布。
截至2024年9月30日，巡察反馈的2个问题已全部完成整改。
一、关于“福利彩票公益金使用监管不到位”的问题
整改情况：建立项目台账，已完成整改。
中共北塘区民政局党组
2024年10月18日
"""


def rewrap(text: str, width: int = 23) -> str:
    """The same text broken into short lines, as a news portal's column does."""
    out = []
    for line in text.splitlines():
        out += [line[i:i + width] for i in range(0, len(line), width)] or [""]
    return "\n".join(out)


def write_corpus(folder: Path) -> dict[str, str]:
    """Write the invented corpus; returns {file name: what it is}."""
    files = {
        "a-feedback-news.txt": (FEEDBACK, "feedback news"),
        "b-progress.txt": (PROGRESS, "progress notice"),
        "c-final.txt": (FINAL, "final notice"),
        "d-final-repost.html": (_page("青溪区民政局巡察整改情况通报", CHROME_HEAD + FINAL + CHROME_FOOT),
                                "repost of the final notice with site chrome"),
        "e-progress-traditional.txt": (convert(PROGRESS, "zh-tw"),
                                       "traditional-character copy of the progress notice"),
        "f-other-unit.txt": (OTHER_UNIT, "another unit, same round"),
        "g-earlier-round.txt": (EARLIER_ROUND, "the same unit, an earlier round"),
    }
    for name, (text, _) in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return {name: what for name, (_, what) in files.items()}


def _page(title: str, body: str) -> str:
    paragraphs = "".join(f"<p>{line}</p>\n" for line in body.splitlines())
    return (f"<html><head><meta charset='utf-8'><title>{title}</title></head><body>"
            f"<div class='nav'>首页 政务公开 纪检监察</div><div class='content'>{paragraphs}"
            "</div><div class='footer'>版权所有 澜江市青溪区人民政府</div></body></html>")
