"""genaiops: choose, customize, guard, cost and serve foundation models on your own data.

Importing this package is cheap: it loads no model runtime (xllamacpp, onnxruntime),
no database driver (psycopg) and no torch; those load on first use.
"""

__version__ = "0.1.0"

__all__ = ["__version__"]
