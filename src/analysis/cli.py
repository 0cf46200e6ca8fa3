"""The commands of SCHEMA.md; the only module that prints.

    python -m analysis build INPUT_DIR --out OUT_DIR
    python -m analysis classify FILE [--explain]
    python -m analysis evaluate GOLD.jsonl DOCS_DIR
    python -m analysis brief [--processed DIR] --out FILE
    python -m analysis notebooks [FOLDER]
    python -m analysis fetch [URL ...] [--urls FILE] [--follow] [--delay SECONDS] --out DIR
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path


def _utf8_stdio() -> None:
    """Chinese text on any terminal or pipe: write UTF-8 whatever the locale says."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="replace")


def _cmd_build(args: argparse.Namespace) -> int:
    from analysis.dataset import build_dataset
    from analysis.export import write_tables

    try:
        tables = build_dataset(args.input_dir, max_bytes=int(args.max_mb * 1_000_000),
                               overrides_path=args.overrides, progress=not args.quiet)
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    write_tables(tables, args.out)
    notices, errors = tables["notices"], tables["errors"]
    print(f"built {len(notices)} notices, {len(tables['problems'])} problems, "
          f"{len(tables['facts'])} facts; {len(errors)} files could not be read -> {args.out}")
    for row in errors.itertuples():
        print(f"  {row.source_path}: {row.error}", file=sys.stderr)
    return 0 if len(notices) else 1


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
    from analysis.evaluate import evaluate_build

    report = evaluate_build(Path(args.gold), Path(args.docs_dir))
    print(report.fields.to_string(index=False))
    print()
    print(report.problems.to_string(index=False))
    print()
    for line in report.summary_lines():
        print(line)
    return 0


def _cmd_brief(args: argparse.Namespace) -> int:
    from analysis.brief import write_brief
    from analysis.paths import processed_dir

    src = Path(args.processed) if args.processed else processed_dir()
    if not (src / "notices.parquet").exists():
        print(f"error: no built dataset in {src}: run `python -m analysis build` first",
              file=sys.stderr)
        return 2
    out = write_brief(src, Path(args.out))
    print(f"briefing written to {out}")
    if args.docx:
        from analysis.brief import write_brief_docx
        print(f"briefing written to {write_brief_docx(src, Path(args.out).with_suffix('.docx'))}")
    return 0


def _cmd_notebooks(args: argparse.Namespace) -> int:
    from analysis.notebooks import execute_notebook, find_notebooks

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
    build.add_argument("--max-mb", type=float, default=50.0,
                       help="files larger than this are reported, not read (default 50)")
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
    fetch.add_argument("--max-mb", type=float, default=50.0,
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
