"""The sql and s3 connectors, on a real SQLite file and a real S3 server (moto's server
mode on a loopback port, reached through s3fs over HTTP: the wire protocol, not a mock),
and ``create_connector`` building every kind from its options."""

from __future__ import annotations

import socket
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from genaiops.errors import ConfigError
from genaiops.knowledge.connectors import (
    Connector,
    FolderConnector,
    S3Connector,
    SourceDocument,
    SqlConnector,
    create_connector,
)
from test_connectors_formats import make_pdf

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "fenwick"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


# -- SQL ---------------------------------------------------------------------------------


@pytest.fixture
def centres(tmp_path: Path) -> Path:
    path = tmp_path / "data" / "centres.db"
    path.parent.mkdir()
    with sqlite3.connect(path) as db:
        db.execute(
            "CREATE TABLE centres (id INTEGER PRIMARY KEY, name TEXT, city TEXT, phone TEXT, "
            "rating REAL, updated_at TEXT)"
        )
        db.executemany(
            "INSERT INTO centres VALUES (?, ?, ?, ?, ?, ?)",
            [
                (1, "Spokes and Volts", "Boise", "555-0187", 4.5, "2025-02-03 14:30:00"),
                (2, "High Desert Cycles", "Bend", "555-0192", None, "2025-02-10 11:00:00"),
                (3, "Salt Flats Bicycle Co.", "Salt Lake City", None, 4.0, "2025-03-01"),
            ],
        )
    db.close()
    return path


def sql(base: Path, **options: Any) -> SqlConnector:
    connector = create_connector("sql", options, base)
    assert isinstance(connector, SqlConnector)
    return connector


def test_sql_rows_become_documents(tmp_path: Path, centres: Path) -> None:
    connector = sql(
        tmp_path,
        url="sqlite:///data/centres.db",  # relative: to the project folder
        table="centres",
        id_column="id",
        title_column="name",
        changed_column="updated_at",
        template="{name} in {city}. Phone: {phone}.",
    )
    docs = list(connector.documents())
    assert connector.skipped == []
    assert [d.source for d in docs] == ["centres/1", "centres/2", "centres/3"]
    assert docs[0].title == "Spokes and Volts"
    assert docs[0].text == "Spokes and Volts in Boise. Phone: 555-0187."
    assert docs[2].text == "Salt Flats Bicycle Co. in Salt Lake City. Phone: ."  # NULL: ""
    # columns the template does not show go to meta, the change marker always
    assert docs[0].meta == {"id": "1", "rating": "4.5", "updated_at": "2025-02-03 14:30:00"}
    assert docs[0].modified is not None and docs[0].modified.isoformat().startswith("2025-02-03")
    assert str(centres) in docs[0].uri and docs[0].uri.endswith("#centres/1")
    # the change marker is in the checksum: a new updated_at re-ingests, nothing else does
    before = {d.source: d.checksum for d in docs}
    assert {d.source: d.checksum for d in connector.documents()} == before
    with sqlite3.connect(centres) as db:
        db.execute("UPDATE centres SET updated_at = '2025-06-01 08:00:00' WHERE id = 2")
    db.close()
    after = {d.source: d.checksum for d in connector.documents()}
    assert [s for s in after if after[s] != before[s]] == ["centres/2"]


def test_sql_query_default_text_and_bad_rows(tmp_path: Path, centres: Path) -> None:
    connector = sql(
        tmp_path,
        url=f"sqlite:///{centres}",
        query="SELECT id, name, rating FROM centres ORDER BY id",
        name="ratings",
        id_column="id",
    )
    first = next(iter(connector.documents()))
    assert (first.source, first.title) == ("ratings/1", "ratings 1")
    assert first.text == "id: 1\nname: Spokes and Volts\nrating: 4.5"
    # a row the template cannot render is skipped alone; the others are read
    connector = sql(
        tmp_path,
        url=f"sqlite:///{centres}",
        table="centres",
        id_column="id",
        template="{name}: rated {rating:.1f}",
    )
    assert [d.text for d in connector.documents()] == [
        "Spokes and Volts: rated 4.5",
        "Salt Flats Bicycle Co.: rated 4.0",
    ]
    [skipped] = connector.skipped
    assert skipped.source == "centres/2" and skipped.reason.startswith("template: ValueError")
    # a column the options name that the rows lack: one line, nothing read
    connector = sql(
        tmp_path,
        url=f"sqlite:///{centres}",
        table="centres",
        id_column="id",
        title_column="title",
    )
    assert list(connector.documents()) == []
    assert connector.skipped[0].reason == (
        "the rows have no column 'title'; their columns: id, name, city, phone, rating, updated_at"
    )
    connector = sql(tmp_path, url=f"sqlite:///{centres}", table="centres", id_column="code")
    assert list(connector.documents()) == []
    assert connector.skipped[0].reason.endswith("OperationalError: no such column: code")


def test_sql_unreachable_database_is_one_line_without_the_password(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CRM_PASSWORD", "s3cr3t-Pa55")
    port = free_port()  # nothing listens there
    connector = sql(
        tmp_path,
        url=f"postgresql+psycopg://reader@127.0.0.1:{port}/crm",
        password_env="CRM_PASSWORD",
        table="accounts",
        id_column="id",
    )
    assert list(connector.documents()) == []
    [skipped] = connector.skipped
    assert skipped.source == "accounts"
    assert skipped.reason.startswith(
        f"cannot read postgresql+psycopg://reader:***@127.0.0.1:{port}/crm: OperationalError"
    )
    assert "s3cr3t" not in skipped.reason and "\n" not in skipped.reason
    # the password's variable unset: said so, no connection tried
    monkeypatch.delenv("CRM_PASSWORD")
    assert list(connector.documents()) == []
    assert "CRM_PASSWORD (password_env) is not set" in connector.skipped[0].reason
    # the whole URL from the environment, unparsable: its value is never repeated
    monkeypatch.setenv("CRM_URL", "postgresql://u:s3cr3t-Pa55@host:notaport/db")
    connector = sql(tmp_path, url_env="CRM_URL", table="accounts", id_column="id")
    assert list(connector.documents()) == []
    assert "s3cr3t" not in connector.skipped[0].reason
    # a SQLite path that does not exist is not created (it would read as "no rows")
    connector = sql(tmp_path, url="sqlite:///missing.db", table="t", id_column="id")
    assert list(connector.documents()) == []
    assert "unable to open database file" in connector.skipped[0].reason
    assert not (tmp_path / "missing.db").exists()


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"url": "postgresql://u:pw@h/db", "table": "t"}, "url holds a password"),
        ({"url": "sqlite:///a.db"}, "give exactly one of table and query"),
        ({"url": "sqlite:///a.db", "query": "SELECT 1 AS id"}, "name: required with query"),
        ({"table": "t"}, "give exactly one of url (with password_env) and url_env"),
        ({"url_env": "U", "password_env": "P", "table": "t"}, "url_env holds the whole URL"),
        ({"url": "sqlite:///a.db", "table": "t", "template": "{name"}, "not a format string"),
        ({"url": "sqlite:///a.db", "table": "t", "password": "x"}, "unknown key"),
    ],
)
def test_sql_options_are_checked(tmp_path: Path, options: dict[str, str], message: str) -> None:
    with pytest.raises(ConfigError, match="connector") as err:
        create_connector("sql", {"id_column": "id", **options}, tmp_path)
    assert message in str(err.value)
    assert "pw@" not in str(err.value)


def test_the_example_service_centres(tmp_path: Path) -> None:
    import yaml

    project = yaml.safe_load((EXAMPLE / "genaiops.yaml").read_text("utf-8"))
    kb = project["knowledge_bases"]["handbook"]
    by_kind = {s["kind"]: {k: v for k, v in s.items() if k != "kind"} for s in kb["sources"]}
    centres = create_connector("sql", by_kind["sql"], EXAMPLE)
    docs = {d.source: d for d in centres.documents()}
    assert centres.skipped == [] and len(docs) == 6
    boise = docs["service-centres/4"]
    assert boise.title == "Spokes and Volts Bike Works" and "Phone: 555-0187." in boise.text
    parts = create_connector("folder", by_kind["folder"], EXAMPLE)
    rows = {d.source: d for d in parts.documents()}
    assert "docs/spare-parts-prices.csv/FC-BAT-CL" in rows and len(rows) == 20


# -- S3 ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def s3_endpoint() -> Iterator[str]:
    pytest.importorskip("s3fs", reason="the s3 extra: pip install 'genaiops[s3]'")
    from moto.server import ThreadedMotoServer

    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


@pytest.fixture
def bucket(s3_endpoint: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    import boto3

    monkeypatch.setenv("DOCS_KEY_ID", "testing-key")
    monkeypatch.setenv("DOCS_SECRET", "testing-secret")
    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE"):
        monkeypatch.delenv(name, raising=False)
    client = boto3.client(
        "s3",
        endpoint_url=s3_endpoint,
        region_name="us-east-1",
        aws_access_key_id="testing-key",
        aws_secret_access_key="testing-secret",
    )
    name = f"docs-{tmp_path.name.lower().replace('_', '-')}"[:63]
    client.create_bucket(Bucket=name)
    pdf = make_pdf(tmp_path / "h.pdf", ["Cover.", "Settling-in check after 300 km."]).read_bytes()
    objects = {
        "kb/policies/returns.md": b"# Returns\n\nReturns are accepted within 30 days.\n",
        "kb/handbook.pdf": pdf,
        "kb/events.html": b"<nav>Menu</nav><main><h1>Events</h1><p>Clinic at 18:30.</p></main>",
        "kb/parts.csv": b"sku,name,price\nA-1,Brake pads,34.00\nB-2,Chain,45.00\n",
        "kb/broken.pdf": b"%PDF-1.7 not really",
        "kb/big.txt": b"x" * 1_500_000,
        "kb/image.png": b"\x89PNG\r\n",  # not in include
        "other/outside.md": b"# Outside the prefix\n",
    }
    for key, body in objects.items():
        client.put_object(Bucket=name, Key=key, Body=body)
    return name


def s3(bucket: str, endpoint: str, **options: Any) -> S3Connector:
    connector = create_connector(
        "s3",
        {
            "bucket": bucket,
            "prefix": "kb/",
            "endpoint_url": endpoint,
            "region": "us-east-1",
            "access_key_env": "DOCS_KEY_ID",
            "secret_key_env": "DOCS_SECRET",
            **options,
        },
        Path("."),
    )
    assert isinstance(connector, S3Connector)
    return connector


def test_s3_objects_are_read_like_files(bucket: str, s3_endpoint: str) -> None:
    connector = s3(bucket, s3_endpoint, max_file_mb=1, rows_as_documents=True, id_column="sku")
    docs = {d.source: d for d in connector.documents()}
    root = f"s3://{bucket}/kb"
    assert sorted(docs) == [
        f"{root}/events.html",
        f"{root}/handbook.pdf",
        f"{root}/parts.csv/A-1",
        f"{root}/parts.csv/B-2",
        f"{root}/policies/returns.md",
    ]
    pdf = docs[f"{root}/handbook.pdf"]
    assert [s.page for s in pdf.sections] == [1, 2] and "300 km" in pdf.sections[1].text
    assert docs[f"{root}/events.html"].text == "# Events\n\nClinic at 18:30."
    assert docs[f"{root}/parts.csv/A-1"].text == "sku: A-1\nname: Brake pads\nprice: 34.00"
    assert docs[f"{root}/policies/returns.md"].modified is not None
    skipped = {s.source: s.reason for s in connector.skipped}
    assert sorted(skipped) == [f"{root}/big.txt", f"{root}/broken.pdf"]
    assert "1.50 MB, over the max_file_mb limit of 1 MB" in skipped[f"{root}/big.txt"]
    assert "not a PDF, or a damaged one" in skipped[f"{root}/broken.pdf"]
    # include patterns select keys below the prefix, as a folder's globs select files
    only_md = s3(bucket, s3_endpoint, include=["**/*.md"])
    assert [d.source for d in only_md.documents()] == [f"{root}/policies/returns.md"]
    top_level = s3(bucket, s3_endpoint, include=["*.html"])
    assert [d.source for d in top_level.documents()] == [f"{root}/events.html"]


def test_s3_unreachable_or_refused_is_one_line(bucket: str, s3_endpoint: str) -> None:
    missing = s3(f"{bucket}-missing", s3_endpoint)
    assert list(missing.documents()) == []
    [skipped] = missing.skipped
    assert skipped.source == f"s3://{bucket}-missing/kb"
    assert skipped.reason.startswith(f"cannot list s3://{bucket}-missing/kb at {s3_endpoint}:")
    nobody = s3(bucket, f"http://127.0.0.1:{free_port()}")
    assert list(nobody.documents()) == []
    assert nobody.skipped[0].reason.startswith(f"cannot list s3://{bucket}/kb at http://127.0.0.1")


# -- every kind from its options, and the contract test_conformance checks for folder -----


def contract_case(kind: str, request: pytest.FixtureRequest) -> tuple[Connector, str]:
    """A connector of ``kind`` with readable documents and one bad item (its source)."""
    tmp_path: Path = request.getfixturevalue("tmp_path")
    if kind == "sql":
        request.getfixturevalue("centres")
        template = "{name}: rated {rating:.1f}"  # centre 2 has no rating: that row is bad
        options = {"url": "sqlite:///data/centres.db", "table": "centres", "id_column": "id"}
        return sql(tmp_path, template=template, **options), "centres/2"
    bucket: str = request.getfixturevalue("bucket")
    endpoint: str = request.getfixturevalue("s3_endpoint")
    return s3(bucket, endpoint, max_file_mb=1), f"s3://{bucket}/kb/big.txt"


@pytest.mark.parametrize("kind", ["sql", "s3"])
def test_connector_contract(kind: str, request: pytest.FixtureRequest) -> None:
    connector, bad = contract_case(kind, request)
    assert isinstance(connector, Connector)
    first = list(connector.documents())
    assert first and all(isinstance(d, SourceDocument) for d in first)
    assert [d.source for d in first] == sorted(d.source for d in first)  # stable order
    assert bad in {s.source for s in connector.skipped}  # reported, not raised
    n_skipped = len(connector.skipped)
    again = list(connector.documents())
    assert [(d.source, d.checksum) for d in again] == [(d.source, d.checksum) for d in first]
    assert len(connector.skipped) == n_skipped  # reset for each iteration, not accumulated


def test_create_connector_builds_every_kind(tmp_path: Path, centres: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.md").write_text("# A\n\nAlpha.\n", "utf-8")
    built: dict[str, Connector] = {
        "folder": create_connector("folder", {"paths": ["docs"]}, tmp_path),
        "sql": create_connector(
            "sql",
            {"url": "sqlite:///data/centres.db", "table": "centres", "id_column": "id"},
            tmp_path,
        ),
        "s3": create_connector(
            "s3", {"bucket": "b", "endpoint_url": "http://127.0.0.1:9"}, tmp_path
        ),
    }
    assert isinstance(built["folder"], FolderConnector)
    assert isinstance(built["sql"], SqlConnector) and isinstance(built["s3"], S3Connector)
    assert [d.source for d in built["folder"].documents()] == ["docs/a.md"]
    assert len(list(built["sql"].documents())) == 3
