"""The tree reads as the pipeline: no import cycles, and each stage imports only earlier ones.

Every `import analysis...` counts, at module level or inside a function. An import of
`analysis.pkg.mod` is an edge to that module; `from analysis.pkg import name` is an edge
to `analysis.pkg.name` when that is a module, else to the package's `__init__`.
"""
from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "analysis"

# Stages in pipeline order; a module may import its own stage and earlier ones only.
# The shared modules (document, paths, schema, text) come first; cli and __main__ last.
STAGES = ["document", "paths", "schema", "text", "readers", "fetch", "fields", "problems",
          "classify", "dataset", "tables", "report", "cli", "__main__"]


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(SRC.rglob("*.py"))}


def _imports(path: Path, known: dict[str, Path]) -> set[str]:
    """Modules of the package that `path` imports, anywhere in the file."""
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name.startswith("analysis"))
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module \
                and node.module.split(".")[0] == "analysis":
            for alias in node.names:
                sub = f"{node.module}.{alias.name}"
                out.add(sub if sub in known else node.module)
    return {m for m in out if m in known}


def _graph() -> dict[str, set[str]]:
    known = _modules()
    return {name: _imports(path, known) - {name} for name, path in known.items()}


def _find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt):] + [nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def _stage(module: str) -> int:
    parts = module.split(".")
    return STAGES.index(parts[1]) if len(parts) > 1 else -1


def test_the_checker_finds_a_cycle() -> None:
    assert _find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _find_cycle({"a": {"b"}, "b": set()}) is None


def test_no_import_cycle() -> None:
    cycle = _find_cycle(_graph())
    assert cycle is None, " -> ".join(cycle or [])


def test_every_module_belongs_to_a_stage() -> None:
    strays = [m for m in _modules() if m != "analysis" and m.split(".")[1] not in STAGES]
    assert not strays


def test_stages_import_only_earlier_stages() -> None:
    backwards = [f"{a} -> {b}" for a, targets in _graph().items() for b in targets
                 if a != "analysis" and _stage(b) > _stage(a)]
    assert not backwards


@pytest.mark.parametrize("limit", [12])
def test_few_modules_at_the_top(limit: int) -> None:
    top = [p.name for p in SRC.glob("*.py")]
    assert len(top) <= limit, top


def test_ruff_is_clean() -> None:
    """The lint configured in pyproject.toml holds on src, tests, notebooks and benchmarks."""
    ruff = shutil.which("ruff") or str(Path(sys.executable).with_name("ruff"))
    if not Path(ruff).exists():
        pytest.skip("ruff is not installed (it comes with the test extra)")
    root = SRC.parents[1]
    done = subprocess.run([ruff, "check", "src", "tests", "notebooks", "benchmarks", "tasks.py"],
                          cwd=root, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout[-3000:]
