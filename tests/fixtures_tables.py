"""A synthetic build: the four tables of SCHEMA.md with invented but realistic values.

`make_tables(60)` is the notebook fixture (several provinces, sectors, years and doc types,
with problems and facts); `make_tables(5)` the smallest case; `make_tables(20_000)` checks
that charts stay readable with many notices. Every name, place and sentence is invented.
"""
from __future__ import annotations

import hashlib
import random
from datetime import date, timedelta
from pathlib import Path

import pandas as pd

PROVINCES = ["澜江省", "云岭省", "青川省", "东湖省", "南屏省", "西陵省", "北原省", "海宁省",
             "嘉山省", "白沙省", "桐江省", "临川省", "松岭省", "玉泉省", "金溪省", "石门省"]
CITY_STEMS = ["澜", "云", "青", "东", "南", "西", "北", "海", "嘉", "白", "桐", "临", "松", "玉"]
CITY_TAILS = ["江市", "台市", "阳市", "州市"]
COUNTY_TAILS = ["溪区", "塘县", "岭区", "湾县"]
SECTORS = ["民政", "人社", "工会", "教育", "卫健", "财政", "交通", "水利", "农业农村", "住建",
           "市场监管", "国资", "医保", "文旅", "生态环境", "应急管理"]
DOC_TYPES = {"progress_report": 38, "feedback_news": 35, "rectification_report": 15,
             "summary_news": 7, "other": 4, "plan": 1}
LEVELS = {"municipal": 47, "county": 30, "provincial": 9, "central": 7, "university": 4,
          "enterprise": 2, "other": 1}
LEVEL_PREFIX = {"municipal": "市委", "county": "区委", "provincial": "省委", "central": "中央",
                "university": "校党委", "enterprise": "集团党委", "other": "县委"}
FORMATS = {"html": 70, "txt": 12, "pdf": 10, "md": 4, "docx": 4}
KINDS = {"regular": 60, "special": 20, "look_back": 10, "mobile": 5, "cross": 3, "linked": 2}
CATEGORY_PHRASES = {
    "learning": ["理论学习不够深入", "中心组学习计划性不强", "第一议题制度落实有差距",
                 "意识形态工作责任制压得不实", "学习贯彻上级指示精神不到位"],
    "finance": ["大额经费支出审批不严", "专项资金拨付滞后", "政府采购程序不规范",
                "固定资产管理台账缺失", "违规发放补贴", "报销票据审核把关不严"],
    "personnel": ["干部选拔任用程序不规范", "编外人员管理松散", "干部考核结果运用不充分",
                  "人事档案管理不规范", "借调人员数量偏多"],
    "conduct": ["形式主义问题仍然存在", "落实八项规定精神不严", "会议多文件多",
                "调研走过场", "考勤制度执行不严"],
    "party_building": ["三会一课制度执行不规范", "民主集中制落实不到位", "三重一大事项决策不规范",
                       "主体责任压得不实", "基层党组织建设薄弱"],
    "duty": ["养老服务设施运营不佳", "困难群众救助审核不严", "就业帮扶政策落实不到位",
             "安全隐患排查整治不彻底", "重点项目建设进度滞后"],
    "rectification": ["上轮巡察反馈问题整改不彻底", "审计指出的问题未整改到位"],
    "other": ["档案资料归集不完整"],
}
CATEGORY_WEIGHTS = {"duty": 24, "party_building": 20, "finance": 17, "conduct": 13,
                    "learning": 11, "personnel": 9, "rectification": 5, "other": 1}
STATUSES = {"completed": 55, "in_progress": 20, "unknown": 25}
LARGE = 20_000
ERRORS = ["PDF 没有文本层（可能是扫描件），需要 OCR", "文件为空", "无法识别文件编码",
          "DOCX 文件已损坏，无法打开"]


def _pick(rng: random.Random, weights: dict[str, int]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _maybe(rng: random.Random, share: float, value: object) -> object:
    return value if rng.random() < share else None


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _place(rng: random.Random, n_provinces: int) -> tuple[str, str, str | None]:
    index = rng.choices(range(n_provinces), weights=[1 / (i + 1) for i in range(n_provinces)])[0]
    province = PROVINCES[index]
    city = CITY_STEMS[(index + rng.randrange(3)) % len(CITY_STEMS)] + rng.choice(CITY_TAILS)
    county = city[0] + rng.choice(COUNTY_TAILS) if rng.random() < 0.45 else None
    return province, city, county


def _dates(rng: random.Random, year: int) -> dict[str, date]:
    start = date(year, 1, 1) + timedelta(days=rng.randrange(300))
    end = start + timedelta(days=rng.randint(25, 70))
    feedback = end + timedelta(days=rng.randint(15, 130))
    as_of = feedback + timedelta(days=rng.randint(60, 220))
    return {"inspection_start": start, "inspection_end": end, "feedback_date": feedback,
            "as_of_date": as_of, "publish_date": as_of + timedelta(days=rng.randint(0, 45))}


def _notice(rng: random.Random, number: int, n_provinces: int) -> dict:
    province, city, county = _place(rng, n_provinces)
    sector, level, doc_type = rng.choice(SECTORS), _pick(rng, LEVELS), _pick(rng, DOC_TYPES)
    where = county or city
    year = rng.choice(range(2019, 2025))
    dates = _dates(rng, year)
    reported = doc_type in {"progress_report", "rectification_report"}
    total = _maybe(rng, 0.35, rng.randint(4, 60))
    completed = _maybe(rng, 0.6 if reported else 0.0, None if total is None else
                       rng.randint(int(total * 0.5), total))
    rate = round(completed / total * 100, 1) if completed is not None else None
    text = f"{where}{sector}局巡察整改第{number}号"
    row = {
        "doc_id": hashlib.sha1(text.encode()).hexdigest()[:12],
        "source_path": f"{province}/{city}/notice-{number:05d}.{_pick(rng, FORMATS)}",
        "url": _maybe(rng, 0.7, f"https://www.example.gov.cn/xc/{number}.html"),
        "title": f"中共{where}{sector}局党组关于巡察整改进展情况的通报",
        "doc_type": doc_type, "inspected_org": _maybe(rng, 0.95, f"{where}{sector}局党组"),
        "sector": _maybe(rng, 0.9, sector), "province": province, "city": city, "county": county,
        "inspector": f"{LEVEL_PREFIX[level]}第{rng.randint(1, 8)}巡察组",
        "inspector_level": level,
        "inspection_kind": ";".join(sorted({_pick(rng, KINDS) for _ in range(rng.randint(1, 2))})),
        "inspection_round": _maybe(rng, 0.3, rng.randint(1, 14)),
        "inspection_group": _maybe(rng, 0.75, rng.randint(1, 8)),
        "problems_total": total, "aspects_total": _maybe(rng, 0.2, rng.randint(3, 10)),
        "problems_completed": completed,
        "problems_in_progress": None if completed is None else total - completed,
        "completion_rate": rate,
        "measures_total": _maybe(rng, 0.15, rng.randint(10, 150)),
        "rules_total": _maybe(rng, 0.1, rng.randint(2, 40)),
        "recovered_wan": _maybe(rng, 0.12 if reported else 0.02,
                                round(rng.lognormvariate(3, 1.5), 2)),
        "people_handled": _maybe(rng, 0.05, rng.randint(1, 40)),
        "anonymized": rng.random() < 0.05, "duplicate_of": None,
    }
    shares = {"inspection_start": 0.7, "inspection_end": 0.6, "feedback_date": 0.75,
              "as_of_date": 0.1 if reported else 0.0, "publish_date": 0.4}
    row.update({k: _iso(_maybe(rng, shares[k], v)) for k, v in dates.items()})
    return row


def _problems(rng: random.Random, notice: dict) -> list[dict]:
    most = 9 if notice["doc_type"] in {"feedback_news", "rectification_report"} else 5
    rows = []
    for number in range(1, rng.randint(0, most) + 1):
        category = _pick(rng, CATEGORY_WEIGHTS)
        second = _pick(rng, CATEGORY_WEIGHTS)
        phrases = rng.sample(CATEGORY_PHRASES[category], k=min(2, len(CATEGORY_PHRASES[category])))
        named = category == "finance" and rng.random() < 0.3
        amount = round(rng.uniform(0.5, 80), 2) if named else None
        rows.append({
            "doc_id": notice["doc_id"], "problem_no": number, "aspect": None,
            "problem": "，".join(phrases),
            "rectification": "已制定整改措施，明确责任人和完成时限。"
                             + (f"追回资金{amount}万元。" if amount else ""),
            "status": _pick(rng, STATUSES), "category": category,
            "categories": category if second == category else f"{category};{second}",
            "category_source": "rule", "amounts_wan": amount,
        })
    return rows


def _facts(notice: dict) -> list[dict]:
    doc, rows = notice["doc_id"], []
    if notice["recovered_wan"] is not None:
        value = notice["recovered_wan"]
        rows.append({"doc_id": doc, "field": "recovered_wan", "value": str(value), "unit": "万元",
                     "evidence": f"通过整改，共追回违规发放资金并挽回经济损失{value}万元。",
                     "start": 120, "end": 130})
    if notice["completion_rate"] is not None:
        rows.append({"doc_id": doc, "field": "completion_rate",
                     "value": str(notice["completion_rate"]), "unit": "%",
                     "evidence": f"反馈的{notice['problems_total']}个问题中已完成整改"
                                 f"{notice['problems_completed']}个。",
                     "start": 60, "end": 70})
    if notice["problems_total"] is not None:
        rows.append({"doc_id": doc, "field": "problems_total",
                     "value": str(notice["problems_total"]), "unit": "个",
                     "evidence": f"巡察组共反馈问题{notice['problems_total']}个。",
                     "start": 40, "end": 46})
    return rows


def make_tables(n_notices: int = 60, seed: int = 7) -> dict[str, pd.DataFrame]:
    """The four tables of a synthetic build with `n_notices` notices."""
    rng = random.Random(seed)
    n_provinces = 6 if n_notices <= 100 else len(PROVINCES)
    notices = [_notice(rng, number, n_provinces) for number in range(1, n_notices + 1)]
    for notice in notices[3::29]:      # a few re-posted copies of earlier notices
        notice["duplicate_of"] = notices[0]["doc_id"]
    problems = [row for notice in notices for row in _problems(rng, notice)]
    facts = [row for notice in notices for row in _facts(notice)]
    listed = pd.Series([row["doc_id"] for row in problems], dtype="object").value_counts()
    frame = pd.DataFrame(notices)
    frame.insert(2, "source_format", frame["source_path"].str.rsplit(".", n=1).str[-1])
    frame["problems_listed"] = frame["doc_id"].map(listed).fillna(0).astype(int)
    frame["n_chars"] = [rng.randint(400, 9000) for _ in range(len(frame))]
    errors = [{"source_path": f"broken/file-{i}.pdf", "error": ERRORS[i % len(ERRORS)]}
              for i in range(max(1, n_notices // 20))]
    return {"notices": frame, "problems": _frame(problems, "problems"),
            "facts": _frame(facts, "facts"), "errors": pd.DataFrame(errors)}


def make_large_tables() -> dict[str, pd.DataFrame]:
    """The readability check: 20,000 notices over 16 provinces."""
    return make_tables(LARGE)


def _frame(rows: list[dict], name: str) -> pd.DataFrame:
    from analysis.tables.load import column_types
    return pd.DataFrame(rows, columns=[c for c in column_types(name)])


def write_tables(tables: dict[str, pd.DataFrame], out_dir: Path) -> Path:
    """Write `tables` as the build does (parquet + UTF-8 BOM CSV); returns `out_dir`."""
    from analysis.tables.load import coerce_types
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, frame in tables.items():
        typed = coerce_types(frame, name)
        typed.to_parquet(out_dir / f"{name}.parquet", index=False)
        typed.to_csv(out_dir / f"{name}.csv", index=False, encoding="utf-8-sig")
    return out_dir
