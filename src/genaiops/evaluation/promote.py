"""``genaiops eval promote RUN CANDIDATE``: serve what an evaluation chose.

The candidate's settings that differ from its app's (model, prompt, knowledge base,
retrieval, ``top_k``, ``max_tokens``, ``temperature``) are written into that app in the
project file, which is edited in place with a round-trip YAML parser: comments, key
order and formatting of everything else are kept. A comment above the app says which
run and candidate justified the change, and the run records the promotion (``genaiops
eval report RUN`` shows it). The edited file is validated as a project before it
replaces the old one (written to a temporary file, then renamed), so a promotion never
leaves a broken project file behind.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from genaiops.config import PROJECT_FILE, AppConfig, get_settings, parse_project
from genaiops.errors import ConfigError, InputError, NotFoundError
from genaiops.evaluation.store import EvalStore

__all__ = ["PROMOTED_KEYS", "Promotion", "project_file", "promote"]

#: the app settings a candidate may change
PROMOTED_KEYS = (
    "model", "prompt", "knowledge_base", "retrieval", "top_k", "max_tokens", "temperature",
)  # fmt: skip


@dataclass(frozen=True)
class Promotion:
    run_id: str
    candidate: str
    app: str
    path: Path
    changes: dict[str, tuple[Any, Any]]  # key -> (before, after)
    written: bool
    at: str = field(default_factory=lambda: dt.datetime.now(dt.UTC).isoformat(timespec="seconds"))

    def to_dict(self) -> dict[str, Any]:
        return {
            "run": self.run_id, "candidate": self.candidate, "app": self.app,
            "file": str(self.path), "at": self.at, "written": self.written,
            "changes": {k: {"before": b, "after": a} for k, (b, a) in self.changes.items()},
        }  # fmt: skip


def project_file(path: str | os.PathLike[str] | None = None) -> Path:
    """The project file that :func:`~genaiops.config.load_project` would read."""
    p = Path(path) if path is not None else Path(get_settings().project or PROJECT_FILE)
    return (p / PROJECT_FILE if p.is_dir() else p).resolve()


def _plain(value: Any) -> Any:
    """A setting as the project file writes it (models without their defaults)."""
    if hasattr(value, "model_dump"):
        return value.model_dump(mode="json", exclude_defaults=True)
    return value


def promote(
    store: EvalStore,
    run_id: str,
    candidate: str,
    path: Path,
    *,
    app: str | None = None,
    dry_run: bool = False,
) -> Promotion:
    """Write ``candidate`` of ``run_id`` into its app (or ``app``) in the project file
    ``path``; with ``dry_run``, only say what would change."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    info = store.run(run_id)
    if info.status != "done":
        raise InputError(
            f"run {run_id} is {info.status}; finish it first with "
            f"`genaiops eval run --resume {run_id}`"
        )
    found = {name: (spec, cfg) for name, spec, cfg in store.candidates(run_id)}
    if candidate not in found:
        raise NotFoundError(
            f"run {run_id} has no candidate {candidate!r}; its candidates: {', '.join(found)}"
        )
    spec, cfg = found[candidate]
    target = app or spec.get("app")
    if not target:
        raise InputError(f"candidate {candidate!r} names no app; pass --app NAME")
    wanted = AppConfig.model_validate(cfg)

    yaml = YAML()  # round trip: comments and order kept
    yaml.preserve_quotes = True
    yaml.width = 4096
    try:
        text = path.read_text("utf-8")
        doc = yaml.load(text)
    except FileNotFoundError:
        raise ConfigError(f"{path}: no project file here; pass --project PATH") from None
    except (OSError, UnicodeDecodeError, YAMLError) as exc:
        raise ConfigError(f"{path}: cannot read the project file: {exc}") from None
    apps = doc.get("apps") if hasattr(doc, "get") else None
    if not apps or target not in apps:
        valid = ", ".join(apps or []) or "(none)"
        raise NotFoundError(f"{path}: no app {target!r} to promote into; apps: {valid}")
    current = parse_project(_to_plain(doc), source=str(path)).apps[target]
    changes: dict[str, tuple[Any, Any]] = {}
    node = apps[target]
    for key in PROMOTED_KEYS:
        before, after = getattr(current, key), getattr(wanted, key)
        if before == after:
            continue
        changes[key] = (_plain(before), _plain(after))
        node[key] = _plain(after)
    promotion = Promotion(run_id, candidate, target, path, changes, written=False)
    if dry_run or not changes:
        return promotion
    buf = io.StringIO()
    yaml.dump(doc, buf)
    note = f"promoted: eval run {run_id}, candidate {candidate}, {promotion.at[:10]}"
    new_text = _with_note(buf.getvalue(), target, note)
    parse_project(_to_plain(yaml.load(new_text)), source=str(path))  # still a valid project
    _replace_file(path, new_text)
    store.record_promotion(run_id, promotion.to_dict())
    return Promotion(run_id, candidate, target, path, changes, written=True, at=promotion.at)


def _to_plain(node: Any) -> Any:
    """ruamel's commented containers as plain dicts and lists (for validation)."""
    if isinstance(node, dict):
        return {str(k): _to_plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_to_plain(v) for v in node]
    return node


_NOTE = re.compile(r"^[ \t]*# promoted: eval run .*\n", re.MULTILINE)


def _with_note(text: str, app: str, note: str) -> str:
    """``text`` with ``# <note>`` on the line above the app's key under ``apps:``, and
    no earlier such note anywhere."""
    lines = _NOTE.sub("", text).splitlines(keepends=True)
    in_apps = False
    key = re.compile(rf"^([ \t]+)['\"]?{re.escape(app)}['\"]?[ \t]*:(\s|$)")
    for i, line in enumerate(lines):
        if re.match(r"^apps[ \t]*:", line):
            in_apps = True
            continue
        if in_apps and line[:1] not in (" ", "\t", "#", "\n", ""):
            break  # the next top-level key: the app was not found
        m = key.match(line) if in_apps else None
        if m:
            lines.insert(i, f"{m.group(1)}# {note}\n")
            return "".join(lines)
    return "".join(lines)  # a flow-style apps mapping: no place for a comment


def _replace_file(path: Path, text: str) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.chmod(tmp, path.stat().st_mode & 0o777)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
