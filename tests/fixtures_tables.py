"""A synthetic build: the five tables of SCHEMA.md with invented but realistic values.

`make_tables(60)` is the notebook fixture (several provinces, sectors, years and doc types,
with problems, facts and inspections followed over their notices); `make_tables(5)` the
smallest case; `make_tables(20_000)` checks that charts stay readable with many notices.
Every name, place and sentence is invented.

Notices come in inspections: an inspection of one agency has feedback news, progress notices
(each with its as-of date and a rising completion rate) and often a final notice; some stop
short of 100 %. Some agencies are inspected again in a later year (回头看 or the next round),
and part of their problem categories come back. About half the completion rates are the
notice's own percentage (`rate_stated`), the rest completed / total.
"""
from __future__ import annotations

import hashlib
import random
from datetime import date, timedelta
from pathlib import Path

import pandas as pd

from analysis.dataset.build import build_inspections

PROVINCES = ["澜江省", "云岭省", "青川省", "东湖省", "南屏省", "西陵省", "北原省", "海宁省",
             "嘉山省", "白沙省", "桐江省", "临川省", "松岭省", "玉泉省", "金溪省", "石门省"]
CITY_STEMS = ["澜", "云", "青", "东", "南", "西", "北", "海", "嘉", "白", "桐", "临", "松", "玉"]
CITY_TAILS = ["江市", "台市", "阳市", "州市"]
COUNTY_TAILS = ["溪区", "塘县", "岭区", "湾县"]
SECTORS = ["民政", "人社", "工会", "教育", "卫健", "财政", "交通", "水利", "农业农村", "住建",
           "市场监管", "国资", "医保", "文旅", "生态环境", "应急管理"]
LEVELS = {"municipal": 47, "county": 30, "provincial": 9, "central": 7, "university": 4,
          "enterprise": 2, "other": 1}
LEVEL_PREFIX = {"municipal": "市委", "county": "区委", "provincial": "省委", "central": "中央",
                "university": "校党委", "enterprise": "集团党委", "other": "县委"}
FORMATS = {"html": 70, "txt": 12, "pdf": 10, "md": 4, "docx": 4}
KINDS = {"regular": 60, "special": 20, "mobile": 5, "cross": 3, "linked": 2}
LOOSE_TYPES = {"summary_news": 7, "other": 4}       # notices about no single inspection
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
# chance that a problem of this category is done by a progress notice: some kinds are slower
CATEGORY_SPEED = {"learning": 0.8, "conduct": 0.75, "finance": 0.65, "personnel": 0.6,
                  "party_building": 0.5, "duty": 0.4, "rectification": 0.45, "other": 0.7}
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


def _categories(rng: random.Random, before: list[str] | None) -> list[str]:
    """An inspection's problem categories; a repeat inspection brings some of the old ones back."""
    count = rng.randint(2, 9)
    kept = rng.sample(before, k=min(len(before), rng.randint(1, 3))) if before else []
    return kept + [_pick(rng, CATEGORY_WEIGHTS) for _ in range(max(0, count - len(kept)))]


def _inspection(rng: random.Random, n_provinces: int, earlier: list[dict]) -> dict:
    """Who was inspected, by whom and when; sometimes an agency inspected before, again."""
    old = rng.choice(earlier) if earlier and rng.random() < 0.18 else None
    if old is not None and old["year"] < 2024:
        base = {k: old[k] for k in ("province", "city", "county", "sector", "level", "where")}
        year = min(2024, old["year"] + rng.randint(1, 3))
        kind = "look_back" if rng.random() < 0.5 else _pick(rng, KINDS)
        round_no = None if old["round"] is None else old["round"] + rng.randint(1, 3)
        categories = _categories(rng, old["categories"])
    else:
        province, city, county = _place(rng, n_provinces)
        base = {"province": province, "city": city, "county": county,
                "sector": rng.choice(SECTORS), "level": _pick(rng, LEVELS),
                "where": county or city}
        year = rng.choice(range(2019, 2024))
        kind = ";".join(sorted({_pick(rng, KINDS) for _ in range(rng.randint(1, 2))}))
        round_no = _maybe(rng, 0.3, rng.randint(1, 14))
        categories = _categories(rng, None)
    start = date(year, 1, 1) + timedelta(days=rng.randrange(300))
    end = start + timedelta(days=rng.randint(25, 70))
    group = rng.randint(1, 8)
    agency = f"{base['where']}{base['sector']}局"
    key = f"{agency}|{base['level']}|{round_no}|{year}|{group}|{len(earlier)}"
    return {**base, "year": year, "kind": kind, "round": round_no, "group": group,
            "categories": categories, "agency": agency, "org": f"{agency}党组",
            "inspector": f"{LEVEL_PREFIX[base['level']]}第{group}巡察组",
            "inspection_id": hashlib.sha1(key.encode()).hexdigest()[:12],
            "start": start, "end": end, "feedback": end + timedelta(days=rng.randint(15, 130)),
            "total": rng.randint(4, 60), "finished": rng.random() < 0.65}


def _stages(rng: random.Random, inspection: dict) -> list[str]:
    """The doc types of an inspection's notices, oldest first."""
    stages = ["feedback_news"] if rng.random() < 0.55 else []
    if rng.random() < 0.04:
        stages.append("plan")
    stages += ["progress_report"] * rng.choice([0, 1, 1, 1, 2, 2, 3])
    if inspection["finished"] or rng.random() < 0.3:
        stages.append("rectification_report")
    return stages or ["progress_report"]


def _base_row(rng: random.Random, inspection: dict, number: int, doc_type: str) -> dict:
    """The columns every notice of one inspection shares (the org is sometimes left unnamed)."""
    text = f"{inspection['agency']}巡察整改第{number}号"
    named = rng.random() < 0.96
    return {
        "doc_id": hashlib.sha1(text.encode()).hexdigest()[:12],
        "source_path": f"{inspection['province']}/{inspection['city']}/notice-{number:05d}."
                       f"{_pick(rng, FORMATS)}",
        "url": _maybe(rng, 0.7, f"https://www.example.gov.cn/xc/{number}.html"),
        "title": f"中共{inspection['org']}关于巡察整改进展情况的通报",
        "doc_type": doc_type, "inspected_org": inspection["org"] if named else None,
        "agency": inspection["agency"] if named else None,
        "inspection_id": inspection["inspection_id"] if named else None,
        "sector": _maybe(rng, 0.9, inspection["sector"]), "province": inspection["province"],
        "city": inspection["city"], "county": inspection["county"],
        "inspector": inspection["inspector"], "inspector_level": inspection["level"],
        "inspection_kind": inspection["kind"], "inspection_round": inspection["round"],
        "inspection_group": _maybe(rng, 0.75, inspection["group"]),
        "inspection_start": _iso(_maybe(rng, 0.7, inspection["start"])),
        "inspection_end": _iso(_maybe(rng, 0.6, inspection["end"])),
        "feedback_date": _iso(_maybe(rng, 0.8, inspection["feedback"])),
        "aspects_total": _maybe(rng, 0.2, rng.randint(3, 10)),
        "measures_total": _maybe(rng, 0.15, rng.randint(10, 150)),
        "people_handled": _maybe(rng, 0.05, rng.randint(1, 40)),
        "anonymized": rng.random() < 0.05, "duplicate_of": None, "duplicate_match": None,
    }


def _figures(rng: random.Random, inspection: dict, share_done: float, final: bool) -> dict:
    """Headline figures of a report: total, completed, in progress, rate (stated or computed)."""
    total = _maybe(rng, 0.8, inspection["total"])
    done = None if total is None else round(total * share_done)
    done = _maybe(rng, 0.85, done)
    stated = rng.random() < 0.5
    rate = None
    if done is not None:
        rate = float(round(done / total * 100)) if stated else round(done / total * 100, 1)
    elif total is None and rng.random() < 0.2:        # a bare percentage, no counts
        rate, stated = float(100 if final and inspection["finished"] else
                             rng.randint(40, 95)), True
    return {"problems_total": total, "problems_completed": done,
            "problems_in_progress": None if done is None else total - done,
            "completion_rate": rate, "rate_stated": None if rate is None else stated}


def _inspection_notices(rng: random.Random, inspection: dict, first_number: int) -> list[dict]:
    """The notices of one inspection, oldest first, with rising as-of dates and completion."""
    rows, as_of, share_done, recovered = [], inspection["feedback"], 0.0, 0.0
    stages = _stages(rng, inspection)
    for offset, doc_type in enumerate(stages):
        row = _base_row(rng, inspection, first_number + offset, doc_type)
        report = doc_type in {"progress_report", "rectification_report"}
        final = doc_type == "rectification_report"
        if report:
            as_of = as_of + timedelta(days=rng.randint(45, 200))
            if final and inspection["finished"]:
                share_done = 1.0
            else:
                share_done = min(0.97, share_done + rng.uniform(0.2, 0.6))
            recovered += rng.lognormvariate(2, 1.4) if rng.random() < 0.4 else 0.0
            row.update(_figures(rng, inspection, share_done, final))
            row["as_of_date"] = _iso(_maybe(rng, 0.85, as_of))
            publish = as_of + timedelta(days=rng.randint(0, 45))
        else:
            row.update(problems_total=_maybe(rng, 0.3, inspection["total"]),
                       problems_completed=None, problems_in_progress=None,
                       completion_rate=None, rate_stated=None, as_of_date=None)
            publish = inspection["feedback"] + timedelta(days=rng.randint(0, 20))
        row["publish_date"] = _iso(_maybe(rng, 0.6 if row["as_of_date"] else 1.0, publish))
        row["recovered_wan"] = round(recovered, 2) if report and recovered and \
            rng.random() < 0.6 else None
        row["rules_total"] = _maybe(rng, 0.1 if report else 0.0, rng.randint(2, 40))
        row["_share_done"], row["_categories"] = share_done, inspection["categories"]
        rows.append(row)
    return rows


def _loose_notice(rng: random.Random, number: int, n_provinces: int) -> dict:
    """A news summary or an unrelated page: no single inspected organisation, no figures."""
    province, city, _ = _place(rng, n_provinces)
    year = rng.choice(range(2019, 2025))
    day = date(year, 1, 1) + timedelta(days=rng.randrange(360))
    text = f"{city}巡察工作综述第{number}号"
    return {"doc_id": hashlib.sha1(text.encode()).hexdigest()[:12],
            "source_path": f"{province}/{city}/notice-{number:05d}.{_pick(rng, FORMATS)}",
            "url": _maybe(rng, 0.7, f"https://www.example.gov.cn/xc/{number}.html"),
            "title": f"{city}扎实推进巡察整改工作", "doc_type": _pick(rng, LOOSE_TYPES),
            "inspected_org": None, "agency": None, "inspection_id": None, "sector": None,
            "province": province, "city": city, "county": None,
            "inspector": f"市委第{rng.randint(1, 8)}巡察组", "inspector_level": "municipal",
            "inspection_kind": "regular", "publish_date": _iso(day),
            "anonymized": False, "duplicate_of": None, "duplicate_match": None,
            "_share_done": 0.0, "_categories": []}


def _problems(rng: random.Random, notice: dict) -> list[dict]:
    """The problems a notice lists: feedback news without status, reports with status.

    A problem's status follows how far its inspection has come and how fast its kind of
    problem is rectified (CATEGORY_SPEED)."""
    if notice["duplicate_of"] is not None or not notice["_categories"]:
        return []
    if rng.random() < 0.25:                          # many notices list no problems
        return []
    rows = []
    reported = notice["doc_type"] in {"progress_report", "rectification_report"}
    for number, category in enumerate(notice["_categories"], 1):
        second = _pick(rng, CATEGORY_WEIGHTS)
        phrases = rng.sample(CATEGORY_PHRASES[category], k=min(2, len(CATEGORY_PHRASES[category])))
        named = category == "finance" and rng.random() < 0.3
        amount = round(rng.uniform(0.5, 80), 2) if named and reported else None
        if not reported or rng.random() < 0.15:
            status = "unknown"
        elif notice["_share_done"] >= 1.0:
            status = "completed"
        else:
            done = rng.random() < notice["_share_done"] * CATEGORY_SPEED[category] * 1.4
            status = "completed" if done else "in_progress"
        rows.append({
            "doc_id": notice["doc_id"], "problem_no": number, "aspect": None,
            "problem": "，".join(phrases),
            "rectification": "已制定整改措施，明确责任人和完成时限。"
                             + (f"追回资金{amount}万元。" if amount else ""),
            "status": status, "category": category,
            "categories": category if second == category else f"{category};{second}",
            "category_source": "rule", "amounts_wan": amount,
        })
    return rows


def _facts(notice: dict) -> list[dict]:
    doc, rows = notice["doc_id"], []
    if notice["duplicate_of"] is not None:
        return rows
    when = f"截至{notice['as_of_date']}，" if notice.get("as_of_date") else ""
    if notice.get("recovered_wan") is not None:
        value = notice["recovered_wan"]
        rows.append({"doc_id": doc, "field": "recovered_wan", "value": str(value), "unit": "万元",
                     "evidence": f"通过整改，共追回违规发放资金并挽回经济损失{value}万元。",
                     "start": 120, "end": 130})
    if notice.get("completion_rate") is not None:
        if notice["rate_stated"]:
            sentence = f"{when}巡察反馈问题整改完成率达{notice['completion_rate']:g}%。"
        else:
            sentence = (f"{when}反馈的{notice['problems_total']}个问题中已完成整改"
                        f"{notice['problems_completed']}个。")
        rows.append({"doc_id": doc, "field": "completion_rate",
                     "value": str(notice["completion_rate"]), "unit": "%",
                     "evidence": sentence, "start": 60, "end": 70})
    if notice.get("problems_completed") is not None:
        rows.append({"doc_id": doc, "field": "problems_completed",
                     "value": str(notice["problems_completed"]), "unit": "个",
                     "evidence": f"{when}反馈的{notice['problems_total']}个问题中已完成整改"
                                 f"{notice['problems_completed']}个。", "start": 72, "end": 80})
    if notice.get("problems_total") is not None:
        rows.append({"doc_id": doc, "field": "problems_total",
                     "value": str(notice["problems_total"]), "unit": "个",
                     "evidence": f"巡察组共反馈问题{notice['problems_total']}个。",
                     "start": 40, "end": 46})
    return rows


def _copy(rng: random.Random, original: dict, number: int) -> dict:
    """A re-post of `original` on another site: same figures, another path, no problems."""
    copy = dict(original)
    copy.update(doc_id=hashlib.sha1(f"copy{number}".encode()).hexdigest()[:12],
                source_path=f"mirror/notice-{number:05d}.html",
                duplicate_of=original["source_path"],
                duplicate_match=rng.choice(["body", "near"]))
    return copy


def _notices(rng: random.Random, n_notices: int, n_provinces: int) -> list[dict]:
    rows: list[dict] = []
    earlier: list[dict] = []
    next_copy = 3
    while len(rows) < n_notices:
        number = len(rows) + 1
        if len(rows) >= next_copy:                          # a few re-posted copies
            rows.append(_copy(rng, rows[-1], number))
            next_copy += 29
        elif rng.random() < 0.08:
            rows.append(_loose_notice(rng, number, n_provinces))
        else:
            inspection = _inspection(rng, n_provinces, earlier)
            earlier.append(inspection)
            rows += _inspection_notices(rng, inspection, number)
    return rows[:n_notices]


def build_fixture_inspections(notices: pd.DataFrame) -> pd.DataFrame:
    """The inspections table of the notices, by the build's own rule (latest figures win)."""
    return build_inspections(notices)


def make_tables(n_notices: int = 60, seed: int = 7) -> dict[str, pd.DataFrame]:
    """The five tables of a synthetic build with `n_notices` notices."""
    rng = random.Random(seed)
    n_provinces = 6 if n_notices <= 100 else len(PROVINCES)
    notices = _notices(rng, n_notices, n_provinces)
    problems = [row for notice in notices for row in _problems(rng, notice)]
    facts = [row for notice in notices for row in _facts(notice)]
    listed = pd.Series([row["doc_id"] for row in problems], dtype="object").value_counts()
    frame = pd.DataFrame(notices).drop(columns=["_share_done", "_categories"])
    frame.insert(2, "source_format", frame["source_path"].str.rsplit(".", n=1).str[-1])
    frame["problems_listed"] = frame["doc_id"].map(listed).fillna(0).astype(int)
    frame["n_chars"] = [rng.randint(400, 9000) for _ in range(len(frame))]
    frame = frame.reindex(columns=[c for c in _columns("notices") if c in frame.columns])
    errors = [{"source_path": f"broken/file-{i}.pdf", "error": ERRORS[i % len(ERRORS)]}
              for i in range(max(1, n_notices // 20))]
    return {"notices": frame, "problems": _frame(problems, "problems"),
            "facts": _frame(facts, "facts"), "errors": pd.DataFrame(errors),
            "inspections": build_fixture_inspections(frame)}


def make_large_tables() -> dict[str, pd.DataFrame]:
    """The readability check: 20,000 notices over 16 provinces."""
    return make_tables(LARGE)


def _columns(name: str) -> list[str]:
    from analysis.tables.load import column_types
    return list(column_types(name))


def _frame(rows: list[dict], name: str) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=_columns(name))


def write_tables(tables: dict[str, pd.DataFrame], out_dir: Path) -> Path:
    """Write `tables` as the build does (parquet + UTF-8 BOM CSV); returns `out_dir`."""
    from analysis.tables.load import coerce_types
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, frame in tables.items():
        typed = coerce_types(frame, name)
        typed.to_parquet(out_dir / f"{name}.parquet", index=False)
        typed.to_csv(out_dir / f"{name}.csv", index=False, encoding="utf-8-sig")
    return out_dir
