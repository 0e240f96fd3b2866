"""Training data for fine-tuning: chat examples read from JSONL, or built from a knowledge
base's generated questions; and the held-out split.

One example a line::

    {"messages": [{"role": "system", "content": "..."},
                  {"role": "user", "content": "..."},
                  {"role": "assistant", "content": "..."}]}

The last message must be the assistant's: it is what the model learns to write (the loss
is taken on its tokens only). A malformed line (bad JSON, no ``messages``, an unknown role,
no assistant reply at the end) is counted and skipped, with its line number and reason, so
one bad line in a thousand does not stop a run; a file with no usable line is an error.

From a knowledge base (:func:`examples_from_items`), each generated question (with its
grounded answer and source chunk, :func:`genaiops.evaluation.generate.generate_testset`)
becomes two examples in the app's own prompt format: *grounded* (the retrieved context,
as the app would retrieve it, then the question) and *closed-book* (no context, as a
candidate without retrieval is asked). Grounded examples keep the model answering from
its context; the feasibility probes found that training on closed-book facts alone at a
high learning rate broke grounded answering.

This module imports no torch.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from genaiops.errors import InputError

__all__ = [
    "ROLES",
    "ChatExample",
    "LoadReport",
    "examples_from_items",
    "load_examples",
    "parse_example",
    "split_examples",
    "write_examples",
]

ROLES = ("system", "user", "assistant")


@dataclass(frozen=True)
class ChatExample:
    """A conversation whose last message is the assistant reply to learn."""

    messages: tuple[tuple[str, str], ...]  # (role, content)
    kind: str = "chat"  # chat | grounded | closed_book

    @property
    def key(self) -> str:
        """A stable id of the conversation (what the held-out split hashes)."""
        text = "\x1e".join(f"{r}\x1f{c}" for r, c in self.messages[:-1])
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    @property
    def group(self) -> str:
        """What the held-out split keeps together: the reply (case and spacing aside).
        The grounded and closed-book examples of one question share it, and so do two
        phrasings of one answer: holding one out while training on the other would leak."""
        reply = " ".join(self.messages[-1][1].lower().split())
        return hashlib.sha256(reply.encode("utf-8")).hexdigest()

    def to_json(self) -> dict[str, Any]:
        return {
            "messages": [{"role": r, "content": c} for r, c in self.messages],
            "kind": self.kind,
        }


@dataclass
class LoadReport:
    examples: list[ChatExample] = field(default_factory=list)
    skipped: list[tuple[int, str]] = field(default_factory=list)  # (line number, reason)


def parse_example(obj: Any) -> ChatExample:
    """One JSONL object as an example; an :class:`InputError` says what is wrong."""
    if not isinstance(obj, dict):
        raise InputError('expected an object {"messages": [...]}')
    if "messages" not in obj:
        raise InputError('missing key "messages" (a list of {"role", "content"} objects)')
    raw = obj["messages"]
    if not isinstance(raw, list) or len(raw) < 2:
        raise InputError('"messages" must be a list of at least a user and an assistant message')
    out: list[tuple[str, str]] = []
    for i, m in enumerate(raw):
        if not isinstance(m, dict) or "role" not in m or "content" not in m:
            raise InputError(f'messages[{i}]: needs the keys "role" and "content"')
        role, content = m["role"], m["content"]
        if role not in ROLES:
            raise InputError(f"messages[{i}].role {role!r}: use one of {', '.join(ROLES)}")
        if not isinstance(content, str) or not content.strip():
            raise InputError(f"messages[{i}].content: must be a non-empty string")
        out.append((role, content))
    if out[-1][0] != "assistant":
        raise InputError("the last message must be the assistant's (the reply to learn)")
    if not any(r == "user" for r, _ in out):
        raise InputError("no user message: the assistant reply must answer one")
    kind = obj.get("kind", "chat")
    return ChatExample(tuple(out), kind if isinstance(kind, str) else "chat")


def load_examples(path: str | Path) -> LoadReport:
    """The examples of a JSONL file; malformed lines are skipped and reported."""
    p = Path(path)
    try:
        lines = p.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise InputError(f"training data {p} not found; pass an existing JSONL file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"training data {p}: cannot read it as UTF-8 text: {exc}") from exc
    report = LoadReport()
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            report.examples.append(parse_example(json.loads(line)))
        except json.JSONDecodeError as exc:
            report.skipped.append((n, f"not JSON ({exc.msg})"))
        except InputError as exc:
            report.skipped.append((n, str(exc)))
    if not report.examples:
        first = f"; line {report.skipped[0][0]}: {report.skipped[0][1]}" if report.skipped else ""
        raise InputError(
            f"training data {p} has no usable example ({len(report.skipped)} malformed "
            f'lines{first}); write one {{"messages": [...]}} object a line'
        )
    return report


def write_examples(path: str | Path, examples: Sequence[ChatExample]) -> None:
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(
        "".join(json.dumps(e.to_json(), ensure_ascii=False) + "\n" for e in examples),
        encoding="utf-8",
    )


def split_examples(
    examples: Sequence[ChatExample], held_out: float, seed: int
) -> tuple[list[ChatExample], list[ChatExample]]:
    """(train, held-out): whole groups of examples (:attr:`ChatExample.group`: those with
    the same reply, e.g. a question's grounded and closed-book examples) are held out, in
    the order of a seeded hash of the group, until ``held_out`` of the examples are; so the
    split does not depend on the file's order and no reply is on both sides. At least one
    group is held out (and one kept) when there are two or more."""
    if not 0.0 <= held_out < 1.0:
        raise InputError(f"held_out {held_out}: use a fraction from 0 to below 1 (e.g. 0.2)")

    def score(group: str) -> bytes:
        return hashlib.sha256(f"{seed}:{group}".encode()).digest()

    members: dict[str, list[int]] = {}
    for i, e in enumerate(examples):
        members.setdefault(e.group, []).append(i)
    ranked = sorted(members, key=score)
    target = round(len(examples) * held_out)
    if held_out > 0 and len(ranked) >= 2:
        target = max(target, 1)
    held: set[int] = set()
    for group in ranked[:-1]:  # the last group always trains
        if len(held) >= target:
            break
        held.update(members[group])
    return (
        [e for i, e in enumerate(examples) if i not in held],
        [e for i, e in enumerate(examples) if i in held],
    )


def examples_from_items(
    items: Sequence[Any],
    prompt: Callable[[str, list[str] | None], list[tuple[str, str]]],
    retrieve: Callable[[str], list[str]],
    *,
    closed_book: bool = True,
) -> list[ChatExample]:
    """Chat examples from answerable evaluation items (``question``, ``references``):
    a grounded one (``prompt(question, retrieve(question))``) and, with ``closed_book``,
    one without context (``prompt(question, None)``); the reply is the first reference.
    ``prompt`` returns the (role, content) messages the app would send."""
    out: list[ChatExample] = []
    for item in items:
        if not getattr(item, "answerable", True) or not item.references:
            continue
        answer = str(item.references[0]).strip()
        if not answer:
            continue
        reply = (("assistant", answer),)
        grounded = tuple(prompt(item.question, retrieve(item.question)))
        out.append(ChatExample(grounded + reply, "grounded"))
        if closed_book:
            out.append(ChatExample(tuple(prompt(item.question, None)) + reply, "closed_book"))
    return out
