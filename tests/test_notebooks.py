"""Every notebook runs on a synthetic build, writes its figures and draws Chinese without
missing glyphs; notebooks are committed thin and without outputs."""
from __future__ import annotations

import json
import os
import re
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import nbformat
import pytest
from fixtures_tables import make_tables, write_tables
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import KernelManager
from nbclient import NotebookClient

NOTEBOOK_DIR = Path(__file__).resolve().parents[1] / "notebooks"
OWN = ["00-data-coverage", "10-notices-over-time", "20-problem-categories",
       "30-completion-and-recoveries", "35-inspection-trajectories", "40-agency-patterns",
       "90-export"]
EVERY = sorted([*OWN, "01-classifier-quality"])
GLYPH_WARNINGS = ("missing from font", "Glyph ")


@pytest.fixture(scope="module")
def kernel_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A kernelspec that runs this very interpreter, so no global install is needed."""
    folder = tmp_path_factory.mktemp("kernels")
    spec = folder / "analysis-test"
    spec.mkdir()
    (spec / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "analysis tests", "language": "python"}))
    return folder


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> dict[int, Path]:
    """Synthetic builds by size: 60 notices for every notebook, 5 for the too-little-data path."""
    roots = {}
    for size in (60, 5):
        roots[size] = tmp_path_factory.mktemp(f"build{size}")
        write_tables(make_tables(size), roots[size] / "processed")
    return roots


def run_notebook(path: Path, kernel_dir: Path, env: dict[str, str]) -> nbformat.NotebookNode:
    notebook = nbformat.read(path, as_version=4)
    manager = KernelManager(kernel_name="analysis-test",
                            kernel_spec_manager=KernelSpecManager(kernel_dirs=[str(kernel_dir)]))
    client = NotebookClient(notebook, km=manager, timeout=180,
                            resources={"metadata": {"path": str(NOTEBOOK_DIR)}})
    client.execute(env={**os.environ, **env})
    return notebook


def output_texts(notebook: nbformat.NotebookNode) -> str:
    parts = []
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            parts.append(output.get("text", ""))
            parts.append(str(output.get("data", {}).get("text/plain", "")))
    return "\n".join(parts)


# every notebook on the 60-notice build; the ones with most per-group rates on 5 notices too
# (01-classifier-quality reads the labelled set, not the build: run once, on any build)
RUNS = [(60, name) for name in OWN] + [(5, "30-completion-and-recoveries"),
                                       (5, "35-inspection-trajectories"),
                                       (5, "40-agency-patterns"),
                                       (5, "01-classifier-quality")]


def figures_for(build: Path, name: str) -> Path:
    return build / f"figures-{name}"


@pytest.fixture(scope="module")
def executed(builds: dict[int, Path], kernel_dir: Path) -> dict[tuple[int, str], object]:
    """All runs at once, a few kernels in parallel: notebook, or the exception it raised."""
    def run(size: int, name: str) -> nbformat.NotebookNode:
        env = {"ANALYSIS_PROCESSED_DIR": str(builds[size] / "processed"),
               "ANALYSIS_FIGURES_DIR": str(figures_for(builds[size], name))}
        return run_notebook(NOTEBOOK_DIR / f"{name}.ipynb", kernel_dir, env)

    with ThreadPoolExecutor(max_workers=3) as pool:
        futures = {run_key: pool.submit(run, *run_key) for run_key in RUNS}
    return {key: future.exception() or future.result() for key, future in futures.items()}


@pytest.mark.parametrize(("size", "name"), RUNS, ids=[f"{n}-{s}" for s, n in RUNS])
def test_notebook_runs_and_writes_figures(size: int, name: str, builds: dict[int, Path],
                                          executed: dict[tuple[int, str], object]) -> None:
    build = builds[size]
    outcome = executed[(size, name)]
    if isinstance(outcome, Exception):
        raise outcome
    notebook = outcome
    figures = figures_for(build, name)
    text = output_texts(notebook)
    assert not [w for w in GLYPH_WARNINGS if w in text], text
    if name == "90-export":
        share = build / "processed" / "share"
        assert (share / "dataset-share.xlsx").is_file()
        assert (share / "dataset-share-notices.csv").read_bytes().startswith(b"\xef\xbb\xbf")
        assert (share / "dataset-share-inspections.csv").is_file()
        return
    pngs = sorted(figures.glob(f"{name}-*.png"))
    assert pngs, f"{name} wrote no figures"
    for png in pngs:
        assert png.with_suffix(".svg").is_file()
        assert png.with_suffix(".csv").read_bytes().startswith(b"\xef\xbb\xbf")
    shown = [o for c in notebook.cells for o in c.get("outputs", [])
             if "image/png" in o.get("data", {})]
    assert shown, "figures are not displayed inline"


@pytest.mark.parametrize("name", OWN)
def test_notebook_is_thin_and_clean(name: str) -> None:
    notebook = nbformat.read(NOTEBOOK_DIR / f"{name}.ipynb", as_version=4)
    first = notebook.cells[0]
    assert first.cell_type == "markdown"
    for word in ("Question", "Reads", "Writes"):
        assert word in first.source
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert not cell.outputs and cell.execution_count is None
            lines = cell.source.splitlines()
            assert not [x for x in lines if x.lstrip().startswith(("def ", "class "))]
    code = "\n".join(c.source for c in notebook.cells if c.cell_type == "code")
    if "write_shared_dataset(" in code:
        # the export writes tables, not figures: it runs what `python -m analysis share` runs
        assert "save_figure" not in code
        return
    assert "load_table(" in code and "save_figure" in code


def sections(notebook: nbformat.NotebookNode) -> list[tuple[str, list[str]]]:
    """(heading, code cells) of every `## ` section of a notebook."""
    found: list[tuple[str, list[str]]] = []
    for cell in notebook.cells:
        if cell.cell_type == "markdown" and cell.source.startswith("## "):
            found.append((cell.source.splitlines()[0], []))
        elif cell.cell_type == "code" and found:
            found[-1][1].append(cell.source)
    return found


@pytest.mark.parametrize("name", EVERY)
def test_every_section_ends_with_a_computed_sentence(name: str) -> None:
    notebook = nbformat.read(NOTEBOOK_DIR / f"{name}.ipynb", as_version=4)
    found = sections(notebook)
    assert found, f"{name} has no ## sections"
    for heading, cells in found:
        assert cells, f"{heading}: no code"
        last = cells[-1]
        # a sentence computed from the data: an f-string with at least one {value}
        assert "print(" in last and 'f"' in last and "{" in last, f"{heading}: {last!r}"


def test_every_notebook_is_executed_by_these_tests() -> None:
    assert {p.stem for p in NOTEBOOK_DIR.glob("*.ipynb")} == {name for _, name in RUNS}
    assert {p.stem for p in NOTEBOOK_DIR.glob("*.ipynb")} == set(EVERY)


@pytest.mark.parametrize("name", EVERY)
def test_figure_names_in_the_header_are_the_ones_written(name: str) -> None:
    notebook = nbformat.read(NOTEBOOK_DIR / f"{name}.ipynb", as_version=4)
    code = "\n".join(c.source for c in notebook.cells if c.cell_type == "code")
    written = set(re.findall(r'save_(?:figure|table)\([^"]*"([^"]+)"', code))
    header = notebook.cells[0].source
    for figure in written:
        short = "-" + figure.removeprefix(name + "-")
        assert figure in header or short in header, f"{figure} not named in the header"
