"""Every name a module exports in ``__all__`` exists, and public modules declare one."""

import importlib
import pkgutil

import genaiops

HEAVY_OK = {"genaiops.guardrails.pii_train"}  # training only: imports scikit-learn lazily


def test_all_names_exist() -> None:
    checked = 0
    for info in pkgutil.walk_packages(genaiops.__path__, "genaiops."):
        if info.name in HEAVY_OK or ".migrations" in info.name:
            continue
        module = importlib.import_module(info.name)
        names = getattr(module, "__all__", None)
        if names is None:
            continue
        checked += 1
        missing = [n for n in names if not hasattr(module, n)]
        assert not missing, f"{info.name}.__all__ names missing members: {missing}"
        assert len(set(names)) == len(names), f"{info.name}.__all__ has duplicates"
    assert checked >= 25
