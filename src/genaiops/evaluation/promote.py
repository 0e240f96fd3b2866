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

    yaml = YAML()  # only to find where each key is written
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
    for key in PROMOTED_KEYS:
        before, after = getattr(current, key), getattr(wanted, key)
        if before != after:
            changes[key] = (_plain(before), _plain(after))
    promotion = Promotion(run_id, candidate, target, path, changes, written=False)
    if dry_run or not changes:
        return promotion
    note = f"promoted: eval run {run_id}, candidate {candidate}, {promotion.at[:10]}"
    new_text = _edit(text, apps, target, {k: a for k, (_, a) in changes.items()}, note)
    try:
        parse_project(yaml_safe_load(new_text), source=str(path))  # still a valid project
    except ConfigError as exc:
        raise ConfigError(f"{path}: the promotion would break the project file, so it was not "
                          f"written: {exc}") from None  # fmt: skip
    _replace_file(path, new_text)
    store.record_promotion(run_id, promotion.to_dict())
    return Promotion(run_id, candidate, target, path, changes, written=True, at=promotion.at)


def yaml_safe_load(text: str) -> Any:
    import yaml

    return yaml.safe_load(text)


def _to_plain(node: Any) -> Any:
    """ruamel's commented containers as plain dicts and lists (for validation)."""
    if isinstance(node, dict):
        return {str(k): _to_plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_to_plain(v) for v in node]
    return node


_NOTE = re.compile(r"^[ \t]*# promoted: eval run .*\n", re.MULTILINE)


def _is_filler(line: str) -> bool:
    stripped = line.strip()
    return not stripped or stripped.startswith("#")


def _snippet(key: str, value: Any, indent: int) -> list[str]:
    """``key: value`` in block style, indented ``indent`` columns."""
    import yaml

    dumped = yaml.safe_dump({key: value}, default_flow_style=False, sort_keys=False, width=88)
    return [" " * indent + line + "\n" for line in dumped.splitlines()]


def _edit(text: str, apps: Any, target: str, updates: dict[str, Any], note: str) -> str:
    """``text`` with the app's ``updates`` written in place: each changed key's lines
    replaced (its end-of-line comment kept), new keys added after the app's last key,
    ``# <note>`` above the app. Every other line is left exactly as it was."""
    node = apps[target]
    lines = _NOTE.sub("", text).splitlines(keepends=True)
    if not hasattr(node, "lc") or (hasattr(node, "fa") and node.fa.flow_style()):
        raise ConfigError(
            f"apps.{target} is written in flow style ({{...}}); write it in block style "
            "to let `eval promote` edit it, or edit it by hand"
        )
    keys = list(node)
    first_note_line = _line_of(apps, target, text)

    def key_line(k: str) -> int:
        return int(node.lc.key(k)[0]) - _notes_before(text, int(node.lc.key(k)[0]))

    starts = [key_line(k) for k in keys]
    col = int(node.lc.key(keys[0])[1])
    ends = []
    for i, start in enumerate(starts):
        end = starts[i + 1] if i + 1 < len(starts) else _block_end(lines, start, col)
        while end - 1 > start and _is_filler(lines[end - 1]):
            end -= 1  # comments and blank lines before the next key stay
        ends.append(end)
    edits: list[tuple[int, int, list[str]]] = []
    for key, value in updates.items():
        if key in node:
            i = keys.index(key)
            new = _snippet(key, value, col)
            eol = node.ca.items.get(key, [None, None, None, None])[2]
            if eol is not None and len(new) == 1 and ends[i] - starts[i] == 1:
                new[0] = new[0].rstrip("\n") + "  " + eol.value.strip() + "\n"
            edits.append((starts[i], ends[i], new))
        else:
            edits.append((ends[-1], ends[-1], _snippet(key, value, col)))
    for start, end, new in sorted(edits, key=lambda e: e[0], reverse=True):
        lines[start:end] = new
    app_line = lines[first_note_line]
    indent = app_line[: len(app_line) - len(app_line.lstrip())]
    lines.insert(first_note_line, f"{indent}# {note}\n")
    return "".join(lines)


def _notes_before(text: str, line: int) -> int:
    """How many promotion notes the original text has above ``line`` (0-based)."""
    return sum(1 for m in _NOTE.finditer(text) if text.count("\n", 0, m.start()) < line)


def _line_of(apps: Any, target: str, text: str) -> int:
    line = int(apps.lc.key(target)[0])
    return line - _notes_before(text, line)


def _block_end(lines: list[str], start: int, col: int) -> int:
    """The line after the last one of the block of the key at ``start`` (column ``col``):
    the first later line, not blank or a comment, indented ``col`` or less."""
    for i in range(start + 1, len(lines)):
        line = lines[i]
        if _is_filler(line):
            continue
        if len(line) - len(line.lstrip(" ")) <= col:
            return i
    return len(lines)


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
