"""Execute the numbered notebooks in order, as the main job and the tests do.

Notebooks stay committed without outputs: they are executed in memory and not
written back. Their figures land in figures_dir() through save_figure.
"""
from __future__ import annotations

from pathlib import Path


def find_notebooks(folder: Path) -> list[Path]:
    """Numbered notebooks (NN-topic.ipynb) in order."""
    return sorted(p for p in folder.glob("[0-9][0-9]-*.ipynb") if p.is_file())


def execute_notebook(path: Path, timeout: int = 600) -> None:
    """Run one notebook top to bottom in a fresh kernel of this interpreter."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=timeout, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}},
                            extra_arguments=["--IPKernelApp.log_level=ERROR"])
    client.execute()
