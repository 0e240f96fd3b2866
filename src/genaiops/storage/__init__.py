"""State in PostgreSQL + pgvector: the engine (embedded or external), schema and migrations."""

from genaiops.storage.database import Database

__all__ = ["Database"]
