"""Data as a differentiator: connectors, chunking, embedders, the document store, retrieval."""

from genaiops.knowledge.chunking import Chunk, chunk_document
from genaiops.knowledge.embedders import Embedder, HashEmbedder, MiniLMEmbedder, create_embedder

__all__ = [
    "Chunk",
    "Embedder",
    "HashEmbedder",
    "MiniLMEmbedder",
    "chunk_document",
    "create_embedder",
]
