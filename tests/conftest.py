"""Shared fixtures: one embedded PostgreSQL, the Fenwick example ingested with the real
MiniLM embedder, and the real SmolLM2 model on llama.cpp (1 thread), per test session."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from genaiops.config import ProjectConfig, parse_project
from genaiops.runtime import Runtime
from genaiops.storage import Database

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "fenwick"


def example_config(threads: int = 1) -> dict[str, object]:
    data = yaml.safe_load((EXAMPLE / "genaiops.yaml").read_text("utf-8"))
    data["models"]["local-small"]["n_threads"] = threads  # 1 thread: the machine is shared
    return data


@pytest.fixture(scope="session")
def example_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("fenwick")
    shutil.copytree(EXAMPLE / "docs", target / "docs")
    shutil.copy2(EXAMPLE / "questions.yaml", target / "questions.yaml")
    (target / "genaiops.yaml").write_text(yaml.safe_dump(example_config()), "utf-8")
    return target


@pytest.fixture(scope="session")
def database(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    db = Database(data_dir=tmp_path_factory.mktemp("db"))
    yield db
    db.close()


@pytest.fixture(scope="session")
def project(example_dir: Path) -> ProjectConfig:
    return parse_project(yaml.safe_load((example_dir / "genaiops.yaml").read_text("utf-8")))


@pytest.fixture(scope="session")
def runtime(project: ProjectConfig, example_dir: Path, database: Database) -> Iterator[Runtime]:
    ws = Runtime(project, example_dir, database=database)
    report = ws.knowledge_base("handbook").ingest()
    assert not report.skipped, report.skipped
    yield ws
    ws.close()


@pytest.fixture(scope="session")
def database_url(database: Database) -> str:
    """The session server's URL, for tests of the external-database path."""
    return database.engine.url.render_as_string(hide_password=False)
