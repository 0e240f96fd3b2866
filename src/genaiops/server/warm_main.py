"""``python -m genaiops.server.warm_main PROJECT_FILE IDLE_S``: the background process
that `genaiops runtime start` launches."""

from __future__ import annotations

import sys
from pathlib import Path

from genaiops.errors import GenAIOpsError
from genaiops.server.warm import serve


def main() -> None:
    try:
        serve(Path(sys.argv[1]), float(sys.argv[2]))
    except GenAIOpsError as exc:  # one line in the log, which `runtime start` names
        sys.stderr.write(f"error: {exc}\n")
        sys.exit(1)


if __name__ == "__main__":
    main()
