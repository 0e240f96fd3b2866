"""One way to read a YAML file into a pydantic model, with errors that name the file and
the key: suites, cost scenarios and other files a user writes by hand."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from genaiops.errors import ConfigError, InputError

__all__ = ["load_model"]

M = TypeVar("M", bound=BaseModel)


def load_model(path: Path, model: type[M], what: str) -> M:
    """``path`` parsed as YAML and validated as ``model``. A missing or unreadable file is
    an :class:`InputError`; bad YAML or a bad key a :class:`ConfigError` with one line per
    problem (``FILE: key.path: message``). ``what`` names the file in messages ("suite")."""
    try:
        data = yaml.safe_load(path.read_text("utf-8"))
    except FileNotFoundError:
        raise InputError(f"{path}: no such {what} file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read the {what}: {exc}") from None
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: not valid YAML: {exc}") from None
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        lines = [
            f"{path}: {'.'.join(str(x) for x in e['loc']) or '(top)'}: {e['msg']}"
            for e in exc.errors()
        ]
        raise ConfigError("\n".join(lines)) from None
