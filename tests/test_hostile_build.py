"""A whole build over good notices in every encoding mixed with junk.

Every good file must become a notices row with the right figures, every bad
file one errors row with a reason a person can act on, the build must exit 0,
the input folder must be left as it was, and duplicates must share a doc_id.
"""
import hashlib
import subprocess
import sys

import pandas as pd
import pytest
import readers_fixtures as fx
from conftest import load_gold

from analysis.report.evaluate import same_value

GOLD = {g["id"]: g for g in load_gold()}
CHECKED = ["doc_type", "inspector_level", "inspected_org", "inspection_group", "problems_total",
           "aspects_total", "problems_completed", "completion_rate", "measures_total",
           "rules_total", "recovered_wan", "people_handled", "inspection_start",
           "feedback_date"]
VARIANTS = {                      # file name pattern -> how the seed is written
    "{}.txt": dict(encoding="utf-8"),
    "{}-gb18030.txt": dict(encoding="gb18030"),
    "{}-utf16.txt": dict(encoding="utf-16-le", bom=True),
    "{}-bom.txt": dict(encoding="utf-8", bom=True),
    "{}-crlf.txt": dict(encoding="utf-8", crlf=True),
    "通报 {}.txt": dict(encoding="gb18030"),          # Chinese name with a space
}
BAD = {                           # relative path -> words the reason must contain
    "bad/empty.txt": "empty",
    "bad/blank.txt": "empty",
    "bad/junk.txt": "binary",
    "bad/old.doc": ".docx",
    "bad/broken.docx": "docx",
    "bad/scan.pdf": "OCR",
    "bad/app.html": "script",
    "bad/huge.txt": "too long",
}
SEEDS = ["hangzhou-minzheng-2023", "dongxihu-renshe-2025", "yuhu-minzheng-2023"]
BROKEN_FRONT_MATTER = {           # file name pattern -> front matter that cannot be read whole
    "{}-baddate.md": "date: 2023-17-32\ntags: [巡察]",      # YAML would build an impossible date
    "{}-badyaml.md": "title: [未闭合\ndate: 2023-04-18",     # no YAML at all; the date line is
}


def _snapshot(folder):
    return sorted((p.relative_to(folder).as_posix(),
                   hashlib.sha1(p.read_bytes()).hexdigest() if p.is_file() else "")
                  for p in folder.rglob("*") if not p.is_symlink())


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    src = tmp_path_factory.mktemp("hostile")
    texts = fx.seed_texts()
    good = {}
    for seed in SEEDS:
        for pattern, how in VARIANTS.items():
            name = pattern.format(seed)
            fx.write_encoded(src / "good", name, texts[seed], **how)
            good[f"good/{name}"] = seed
        title, lines = fx.split_title_body(texts[seed])
        fx.write_html_page(src / "good", f"{seed}.htm", title, lines, encoding="gbk")
        good[f"good/{seed}.htm"] = seed
        for name, front in BROKEN_FRONT_MATTER.items():     # broken metadata, good body
            fx.write_md(src / "good", name.format(seed), front, texts[seed])
            good[f"good/{name.format(seed)}"] = seed
    fx.write_bytes(src / "bad", "empty.txt", b"")
    fx.write_bytes(src / "bad", "blank.txt", b" \n\r\n\t ")
    fx.write_bytes(src / "bad", "junk.txt", fx.binary_junk())
    fx.write_old_doc(src / "bad")
    fx.write_corrupt_docx(src / "bad")
    fx.write_scanned_pdf(src / "bad")
    fx.write_scripts_only_page(src / "bad")
    fx.write_error_page(src / "other")
    fx.write_huge_line(src / "bad", megabytes=30)
    fx.make_symlink_loop(src)
    before = _snapshot(src)
    out = tmp_path_factory.mktemp("out")
    run = subprocess.run([sys.executable, "-m", "analysis", "build", str(src), "--out", str(out),
                          "--quiet"], capture_output=True, text=True, timeout=600)
    return dict(src=src, out=out, run=run, good=good, before=before)


def _table(hostile, name):
    return pd.read_csv(hostile["out"] / f"{name}.csv", encoding="utf-8-sig", dtype=str,
                       keep_default_na=False)


def test_build_exits_0(hostile):
    assert hostile["run"].returncode == 0, hostile["run"].stderr[-3000:]


def test_every_good_file_is_a_notice_with_the_right_figures(hostile):
    notices = _table(hostile, "notices").set_index("source_path")
    for path, seed in hostile["good"].items():
        assert path in notices.index, f"{path} missing"
        row = notices.loc[path]
        for field in CHECKED:
            got = row[field] or None
            assert same_value(field, GOLD[seed][field], got), f"{path}.{field}: {got!r}"


def test_broken_front_matter_keeps_the_notice_and_what_can_be_read(hostile):
    notices = _table(hostile, "notices").set_index("source_path")
    for seed in SEEDS:
        plain = notices.loc[f"good/{seed}.txt"]
        # the impossible date is left out: the date comes from the text, as for the .txt copy
        assert notices.loc[f"good/{seed}-baddate.md", "publish_date"] == plain["publish_date"]
        # the date line of front matter that is no YAML is still read
        assert notices.loc[f"good/{seed}-badyaml.md", "publish_date"] == "2023-04-18"
        for name in BROKEN_FRONT_MATTER:
            assert notices.loc[f"good/{name.format(seed)}", "problems_listed"] == \
                plain["problems_listed"]
    errors = _table(hostile, "errors")
    assert not errors["source_path"].str.endswith(".md").any()


def test_every_bad_file_is_one_error_row_with_a_reason(hostile):
    errors = _table(hostile, "errors").set_index("source_path")
    for path, words in BAD.items():
        assert path in errors.index, f"{path} not reported"
        reason = errors.loc[path, "error"]
        assert words.lower() in reason.lower(), f"{path}: {reason}"
        assert "Traceback" not in reason and len(reason) < 200
    assert len(errors) == len(BAD)


def test_an_error_page_is_a_notice_of_type_other(hostile):
    notices = _table(hostile, "notices").set_index("source_path")
    assert notices.loc["other/404.html", "doc_type"] == "other"
    assert notices.loc["other/404.html", "problems_listed"] == "0"


def test_the_symlink_loop_is_read_once(hostile):
    notices = _table(hostile, "notices")
    assert (notices["source_path"].str.endswith("note.txt")).sum() == 1


def test_copies_share_a_doc_id_and_are_flagged(hostile):
    notices = _table(hostile, "notices")
    txt = notices[notices["source_path"].str.endswith((".txt", ".md"))
                  & notices["source_path"].str.startswith("good/")]
    for seed in SEEDS:
        rows = txt[txt["source_path"].str.contains(seed)]
        assert rows["doc_id"].nunique() == 1, seed
        assert (rows["duplicate_of"] == "").sum() == 1
    problems = _table(hostile, "problems")
    per_doc = problems.groupby("doc_id")["problem_no"].apply(lambda s: s.astype(int).tolist())
    assert all(nos == list(range(1, len(nos) + 1)) for nos in per_doc)   # never repeated


def test_input_folder_is_left_unchanged(hostile):
    assert _snapshot(hostile["src"]) == hostile["before"]
