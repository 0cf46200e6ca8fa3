"""The corpus-level step on an invented corpus: reposts marked, one inspection followed across
its notices, near misses kept apart (tests/corpus_fixtures.py says what each file is)."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from corpus_fixtures import FINAL, PROGRESS, SAME_NAME_OTHER_DISTRICT, rewrap, write_corpus
from zhconv import convert

from analysis.dataset.build import build_dataset
from analysis.dataset.copies import BandIndex, lsh_bands
from analysis.dataset.signature import NUM_PERM, minhash_values, shingle_hashes


@pytest.fixture(scope="module")
def tables(tmp_path_factory) -> dict[str, pd.DataFrame]:
    folder = tmp_path_factory.mktemp("corpus")
    write_corpus(folder)
    (folder / "h-other-district.txt").write_text(SAME_NAME_OTHER_DISTRICT, encoding="utf-8")
    return build_dataset(folder)


def _row(tables, name: str) -> pd.Series:
    notices = tables["notices"].set_index("source_path")
    return notices.loc[name]


def test_both_reposts_are_marked_and_add_no_rows(tables) -> None:
    notices = tables["notices"].set_index("source_path")
    copies = notices["duplicate_of"].dropna().to_dict()
    assert copies == {"d-final-repost.html": "c-final.txt",
                      "e-progress-traditional.txt": "b-progress.txt"}
    assert set(notices.loc[list(copies), "duplicate_match"]) <= {"body", "near"}
    copy_ids = set(notices.loc[list(copies), "doc_id"])
    assert not copy_ids & set(tables["problems"]["doc_id"])
    assert not copy_ids & set(tables["facts"]["doc_id"])


def test_the_three_notices_of_one_inspection_are_linked(tables) -> None:
    ids = tables["notices"].set_index("source_path")["inspection_id"]
    linked = {"a-feedback-news.txt", "b-progress.txt", "c-final.txt"}
    assert len({ids[n] for n in linked}) == 1
    others = {ids[n] for n in ("f-other-unit.txt", "g-earlier-round.txt", "h-other-district.txt")}
    assert len(others) == 3 and ids["c-final.txt"] not in others
    # a copy carries the inspection of the notice it copies
    assert ids["d-final-repost.html"] == ids["c-final.txt"]


def test_inspections_table(tables) -> None:
    inspections = tables["inspections"].set_index("agency", drop=False)
    assert len(inspections) == 4
    assert sorted(inspections["agency"]) == ["北塘区民政局", "青溪区民政局", "青溪区民政局",
                                             "青溪区统计局"]
    main = inspections[inspections["n_notices"] == 3].iloc[0]
    assert main["doc_types"] == "feedback_news;progress_report;rectification_report"
    assert (main["problems_total"], main["problems_completed"]) == (3, 3)
    assert main["completion_rate"] == 100.0 and main["recovered_wan"] == 12.5
    assert main["feedback_date"] == "2024-01-10"
    assert main["first_report_date"] == "2024-04-30" and main["latest_report_date"] == "2024-09-30"
    assert main["days_to_latest_report"] == 264 and main["status"] == "complete"
    assert main["inspector"] == "区委第三巡察组" and main["year"] == 2024


def test_the_earlier_round_is_its_own_inspection(tables) -> None:
    earlier = tables["inspections"][tables["inspections"]["year"] == 2020].iloc[0]
    assert earlier["agency"] == "青溪区民政局" and earlier["n_notices"] == 1
    assert earlier["problems_total"] == 5 and earlier["rules_total"] == 6


@pytest.mark.parametrize("variant", [
    pytest.param(lambda t: "首页 > 信息公开 > 巡察整改\n" + t + "\n【打印】【关闭】\n", id="chrome"),
    pytest.param(lambda t: convert(t, "zh-hk"), id="traditional"),
    pytest.param(rewrap, id="re-wrapped"),
    pytest.param(lambda t: "青溪区民政局公布巡察整改情况\n" + t.split("\n", 1)[1], id="retitled"),
])
def test_a_repost_in_any_form_is_a_copy(tmp_path, variant) -> None:
    (tmp_path / "a.txt").write_text(FINAL, encoding="utf-8")
    (tmp_path / "b.txt").write_text(variant(FINAL), encoding="utf-8")
    notices = build_dataset(tmp_path)["notices"].set_index("source_path")
    assert notices.loc["b.txt", "duplicate_of"] == "a.txt"
    assert pd.isna(notices.loc["a.txt", "duplicate_of"])


def test_progress_and_final_notice_are_not_copies(tmp_path) -> None:
    """They share most of their text, but not their figures."""
    (tmp_path / "a.txt").write_text(PROGRESS, encoding="utf-8")
    (tmp_path / "b.txt").write_text(FINAL, encoding="utf-8")
    notices = build_dataset(tmp_path)["notices"]
    assert notices["duplicate_of"].isna().all()
    assert notices["inspection_id"].nunique() == 1


def test_each_notice_keeps_its_own_snapshot(tables) -> None:
    """The progress notice's figures stay its own; the inspection takes the final notice's."""
    progress = _row(tables, "b-progress.txt")
    assert (progress["problems_total"], progress["problems_completed"],
            progress["problems_in_progress"]) == (3, 2, 1)
    assert progress["completion_rate"] == 66.7 and not progress["rate_stated"]
    assert progress["recovered_wan"] == 8.0       # the headline's 8万元, repeated under 问题2
    assert progress["as_of_date"] == "2024-04-30"


# --- signatures and the LSH index ---------------------------------------------------------

def test_minhash_values_are_datasketch_affine32_values() -> None:
    """The values datasketch's MinHash(num_perm=64, seed=1, scheme="affine32") gives for the
    same shingle hashes (written down from it once), so earlier signatures stay valid."""
    hashes = shingle_hashes("关于区委第二轮巡察反馈意见整改进展情况的通报")
    assert len(hashes) == 18
    assert minhash_values(hashes)[:4].tolist() == [140082590, 294869718, 117164524, 938147020]


def test_band_index_finds_earlier_notices_sharing_a_band() -> None:
    base = np.arange(NUM_PERM, dtype=np.uint32)
    one_band = base.copy()
    one_band[4:] += 1000                    # only the first band (values 0-3) agrees
    no_band = base.copy()
    no_band[::4] += 1000                    # one value of every band differs
    index = BandIndex(np.stack([base, one_band, no_band, base, base]))
    assert lsh_bands(0.5, 64) == (14, 4)
    index.insert(0)
    assert index.query(1).tolist() == [0]
    assert index.query(2).tolist() == []
    index.insert(1)
    assert index.query(3).tolist() == [0, 1]
    assert index.query(0).tolist() == []    # never a later notice, nor one not inserted
    assert lsh_bands(0.8, 64) == (5, 11)    # a stricter threshold: fewer, longer bands
