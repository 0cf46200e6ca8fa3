"""The commands of SCHEMA.md; the only module that prints.

    python -m analysis build INPUT_DIR --out OUT_DIR
    python -m analysis classify FILE [--explain]
    python -m analysis evaluate GOLD.jsonl DOCS_DIR
    python -m analysis brief [--processed DIR] --out FILE
    python -m analysis notebooks [FOLDER]
    python -m analysis share [--processed DIR] [--out DIR] [--doc-types T ...] [--years A B]
                             [--drop-anonymized]
    python -m analysis fetch [URL ...] [--urls FILE] [--follow] [--delay SECONDS] --out DIR
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from analysis.readers.dispatch import MAX_BYTES


def _utf8_stdio() -> None:
    """Chinese text on any terminal or pipe: write UTF-8 whatever the locale says."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="replace")


def _cmd_build(args: argparse.Namespace) -> int:
    from analysis.dataset.scan import scan_folder, unchanged_state

    try:
        scan = scan_folder(args.input_dir, int(args.max_mb * 1_000_000))
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    key = scan.build_key(args.max_mb, not args.no_xlsx, *_override_and_manifest(args, scan))
    state = unchanged_state(Path(args.out), key)
    if state is not None:       # nothing changed: the tables in OUT_DIR are this build's
        _print_build(args, state["n_rows"], state.get("errors", []), [],
                     "unchanged since the last build: nothing to write")
        return 0 if state["n_rows"].get("notices", 0) else 1
    pool = _early_pool(args, scan)
    try:
        return _build(args, scan, key, pool)
    finally:
        if pool is not None:
            pool.shutdown()


def _early_pool(args: argparse.Namespace, scan):
    """The worker pool, started before the rest of the build is imported when enough files
    are new to the cache (analysis.dataset.pool); else None."""
    from analysis.dataset.cache import DiskStore
    from analysis.dataset.pool import start_pool, wants_pool
    from analysis.dataset.scan import CACHE_FOLDER

    store = DiskStore(Path(args.out) / CACHE_FOLDER)
    held = store.keys()                         # one query, not one per file
    store.close()                               # no open database across a fork
    n_new = sum(1 for key in scan.keys if key not in held)
    return start_pool(args.jobs) if wants_pool(n_new, args.jobs) else None


def _override_and_manifest(args: argparse.Namespace, scan) -> tuple[bytes, bytes]:
    from analysis.dataset.scan import read_bytes
    from analysis.paths import overrides_path
    from analysis.readers.walk import MANIFEST_NAME

    return (read_bytes(args.overrides or overrides_path()),
            read_bytes(scan.root / MANIFEST_NAME))


def _build(args: argparse.Namespace, scan, key: str, pool=None) -> int:
    from analysis.dataset.build import BuildOptions, progress_bar
    from analysis.tables.output import build_into

    options = BuildOptions(max_bytes=int(args.max_mb * 1_000_000), jobs=args.jobs,
                           overrides_path=args.overrides, progress=progress_bar(not args.quiet),
                           pool=pool)
    try:
        report = build_into(scan, args.out, options, key, xlsx=not args.no_xlsx)
    except ValueError as exc:       # a bad overrides row names itself
        print(f"error: {exc}", file=sys.stderr)
        return 2
    how = (f"{report.n_files} files read" if report.n_read == report.n_files else
           f"{report.n_read} of {report.n_files} files read, the rest from the cache")
    _print_build(args, report.n_rows, report.errors, report.left_out_of_xlsx, how)
    return 0 if report.n_rows.get("notices", 0) else 1


def _print_build(args: argparse.Namespace, rows: dict[str, int], errors: list,
                 left_out: list[str], how: str) -> None:
    print(f"built {rows.get('notices', 0)} notices, {rows.get('problems', 0)} problems, "
          f"{rows.get('facts', 0)} facts, {rows.get('inspections', 0)} inspections; "
          f"{len(errors)} files could not be read -> {args.out} ({how})")
    for name in left_out:
        print(f"note: {name} has {rows[name]:,} rows, more than an Excel sheet holds: it is in "
              f"{name}.csv and {name}.parquet, not in dataset.xlsx", file=sys.stderr)
    for path, error in errors:
        print(f"  {path}: {error}", file=sys.stderr)


def _cmd_classify(args: argparse.Namespace) -> int:
    from analysis.classify import format_classify_lines

    path = Path(args.file)
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        print(f"error: cannot read {path}: {exc}", file=sys.stderr)
        return 2
    for line in format_classify_lines(lines, explain=args.explain):
        print(line)
    return 0


def _cmd_evaluate(args: argparse.Namespace) -> int:
    from analysis.report.evaluate import evaluate_build

    report = evaluate_build(Path(args.gold), Path(args.docs_dir))
    print(report.fields.to_string(index=False))
    print()
    print(report.problems.to_string(index=False))
    print()
    for line in report.summary_lines():
        print(line)
    return 0


def _cmd_brief(args: argparse.Namespace) -> int:
    from analysis.paths import processed_dir
    from analysis.report.brief import write_brief

    src = Path(args.processed) if args.processed else processed_dir()
    if not (src / "notices.parquet").exists():
        print(f"error: no built dataset in {src}: run `python -m analysis build` first",
              file=sys.stderr)
        return 2
    out = write_brief(src, Path(args.out))
    print(f"briefing written to {out}")
    if args.docx:
        from analysis.report.brief_docx import write_brief_docx
        print(f"briefing written to {write_brief_docx(src, Path(args.out).with_suffix('.docx'))}")
    return 0


def _cmd_share(args: argparse.Namespace) -> int:
    from analysis.paths import processed_dir
    from analysis.tables.share import write_shared_dataset

    src = Path(args.processed) if args.processed else processed_dir()
    if not (src / "notices.parquet").exists() and not (src / "notices.csv").exists():
        print(f"error: no built dataset in {src}: run `python -m analysis build` first",
              file=sys.stderr)
        return 2
    out = Path(args.out) if args.out else src / "share"
    years = tuple(args.years) if args.years else None
    shared, paths = write_shared_dataset(src, out, doc_types=args.doc_types, years=years,
                                         drop_anonymized=args.drop_anonymized)
    counts = ", ".join(f"{len(frame)} {name}" for name, frame in shared.items())
    print(f"shared {counts} -> {out}")
    for path in paths:
        print(f"  {path}")
    return 0


def _cmd_notebooks(args: argparse.Namespace) -> int:
    from analysis.report.notebooks import execute_notebook, find_notebooks

    books = find_notebooks(Path(args.folder))
    for i, book in enumerate(books, 1):
        print(f"[{i}/{len(books)}] {book.name}", file=sys.stderr, flush=True)
        execute_notebook(book)
    print(f"ran {len(books)} notebooks")
    return 0


def _cmd_fetch(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from analysis.fetch import Crawler, FetchOptions, read_url_file

    urls = list(args.url)
    if args.urls:
        try:
            urls += read_url_file(Path(args.urls))
        except OSError as exc:
            print(f"error: cannot read {args.urls}: {exc}", file=sys.stderr)
            return 2
    if not urls:
        print("error: no URL given (as arguments or with --urls FILE)", file=sys.stderr)
        return 2
    options = FetchOptions(follow=args.follow, delay=max(0.0, args.delay),
                           max_pages=args.max_pages, max_bytes=int(args.max_mb * 1_000_000),
                           timeout=args.timeout, retries=args.retries,
                           retry_failed=args.retry_failed)
    bar = tqdm(total=len(urls), unit="url", desc="fetch", file=sys.stderr, disable=args.quiet,
               dynamic_ncols=True)

    def progress(done: int, known: int, url: str) -> None:
        bar.total = known
        bar.update(done - bar.n)

    crawler = Crawler(Path(args.out), options, progress)
    try:
        crawler.run(urls)
    except KeyboardInterrupt:
        pass
    except OSError as exc:
        print(f"error: cannot write to {args.out}: {exc}", file=sys.stderr)
        return 2
    finally:
        bar.close()
    summary = crawler.summary
    for line in [*summary.summary_lines(), f"-> {Path(args.out) / 'sources.csv'}"]:
        print(line)
    return 130 if summary.interrupted else (0 if summary.anything else 1)


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m analysis",
                                     description="Tidy datasets from inspection notices.")
    sub = parser.add_subparsers(dest="command", required=True)

    build = sub.add_parser("build", help="read a folder of notices into tables")
    build.add_argument("input_dir")
    build.add_argument("--out", required=True, help="folder for the tables")
    build.add_argument("--max-mb", type=float, default=MAX_BYTES / 1_000_000,
                       help="files larger than this are reported, not read "
                            f"(default {MAX_BYTES // 1_000_000})")
    build.add_argument("--jobs", "-j", type=int, default=None,
                       help="processes reading files (default: every core)")
    build.add_argument("--no-xlsx", action="store_true",
                       help="write CSV and Parquet only, no dataset.xlsx")
    build.add_argument("--overrides", type=Path, default=None,
                       help="category overrides CSV (default data/labels/overrides.csv)")
    build.add_argument("--quiet", action="store_true", help="no progress bar")
    build.set_defaults(run=_cmd_build)

    classify = sub.add_parser("classify", help="categorise one problem statement per line")
    classify.add_argument("file")
    classify.add_argument("--explain", action="store_true",
                          help="add matched words and model probabilities")
    classify.set_defaults(run=_cmd_classify)

    evaluate = sub.add_parser("evaluate", help="score a build against a gold file")
    evaluate.add_argument("gold")
    evaluate.add_argument("docs_dir")
    evaluate.set_defaults(run=_cmd_evaluate)

    brief = sub.add_parser("brief", help="write a self-contained HTML briefing")
    brief.add_argument("--out", required=True)
    brief.add_argument("--processed", default=None, help="built dataset folder")
    brief.add_argument("--docx", action="store_true", help="also write a DOCX version")
    brief.set_defaults(run=_cmd_brief)
    share = sub.add_parser("share", help="write a cleaned, filtered copy of a build to share")
    share.add_argument("--processed", default=None, help="built dataset folder")
    share.add_argument("--out", default=None, help="output folder (default PROCESSED/share)")
    share.add_argument("--doc-types", nargs="+", default=None, metavar="TYPE",
                       help="keep only these doc types (e.g. progress_report)")
    share.add_argument("--years", nargs=2, type=int, default=None, metavar=("FIRST", "LAST"),
                       help="keep notices dated in this span of years (undated left out)")
    share.add_argument("--drop-anonymized", action="store_true",
                       help="leave out texts with placeholders (XX, 202X)")
    share.set_defaults(run=_cmd_share)

    books = sub.add_parser("notebooks", help="execute the numbered notebooks in order")
    books.add_argument("folder", nargs="?", default="notebooks")
    books.set_defaults(run=_cmd_notebooks)

    fetch = sub.add_parser("fetch", help="download notices from the web into a folder")
    fetch.add_argument("url", nargs="*", help="notice pages, or listing pages with --follow")
    fetch.add_argument("--urls", metavar="FILE", help="a file of URLs, one per line")
    fetch.add_argument("--follow", action="store_true",
                       help="the URLs are listing pages: follow notice links and pagination")
    fetch.add_argument("--out", required=True, help="folder to save into (then: build DIR)")
    fetch.add_argument("--delay", type=float, default=1.0,
                       help="seconds between two requests to one host (default 1)")
    fetch.add_argument("--max-pages", type=int, default=50,
                       help="listing pages read at most, pagination included (default 50)")
    fetch.add_argument("--max-mb", type=float, default=MAX_BYTES / 1_000_000,
                       help="larger downloads are abandoned (default 50)")
    fetch.add_argument("--timeout", type=float, default=30.0,
                       help="seconds to wait for a server (default 30)")
    fetch.add_argument("--retries", type=int, default=3,
                       help="further tries after a 5xx or a time-out (default 3)")
    fetch.add_argument("--retry-failed", action="store_true",
                       help="ask again for URLs that failed for good before (404, needs-browser)")
    fetch.add_argument("--quiet", action="store_true", help="no progress bar")
    fetch.set_defaults(run=_cmd_fetch)
    return parser


def main(argv: list[str] | None = None) -> int:
    _utf8_stdio()
    args = make_parser().parse_args(argv)
    return args.run(args)
