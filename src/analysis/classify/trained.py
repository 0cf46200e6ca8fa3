"""The model trained on the labelled set, trained once and kept on disk.

`get_model` trains it at first use (analysis.classify.model, with scikit-learn), turns
it into arrays (analysis.classify.linear) and pickles those into `paths.cache_dir()`,
keyed by the labelled set, the classifier's code and vocabularies and the versions of
scikit-learn and jieba; later processes load the arrays (numpy only), each once.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from analysis.classify.linear import LinearModel
from analysis.paths import cache_dir, labelled_set_path, resources_dir


def model_key(path: Path) -> str:
    """What the fitted model depends on: labels, classifier code and vocabularies, versions."""
    digest = hashlib.sha1(path.read_bytes())
    for source in sorted(Path(__file__).parent.glob("*.py")) + sorted(
            resources_dir().glob("classify_*")):
        digest.update(source.name.encode() + source.read_bytes())
    versions = "|".join(_version(name) for name in ("scikit-learn", "jieba"))
    digest.update(versions.encode())
    return digest.hexdigest()[:16]


def _version(distribution: str) -> str:
    try:                # read from the installed metadata: importing would cost a second
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "none"


def _load_or_train(path: Path) -> LinearModel:
    cached = cache_dir() / f"classifier-{model_key(path)}.pkl"
    try:
        with cached.open("rb") as fh:
            model = pickle.load(fh)
        if isinstance(model, LinearModel):
            return model
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
        pass
    from analysis.classify.model import load_labels, to_linear, train_model

    labels = load_labels(path)
    model = to_linear(train_model(labels["text"].tolist(), labels["category"].tolist()))
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=cached.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(model, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, cached)
    except OSError:
        pass        # a read-only home: the model is trained again next time
    return model


@lru_cache(maxsize=2)
def _cached_model(path: Path, mtime_ns: int) -> LinearModel:
    return _load_or_train(path)


def get_model(path: Path | None = None) -> LinearModel:
    """The model trained on the labelled set: once per process, and kept on disk between runs."""
    path = labelled_set_path() if path is None else path
    return _cached_model(path, path.stat().st_mtime_ns)
