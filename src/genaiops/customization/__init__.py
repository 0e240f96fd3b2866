"""Customization by fine-tuning: LoRA on a local model (``genaiops tune``); retrieval
lives in ``knowledge``.

``data`` (examples, the held-out split), ``settings`` (a run's settings and folder),
``gguf_lora`` (the llama.cpp adapter writer), ``tune`` (a run, its cost, the model
variant) and ``sections`` (the decision report's fine-tuning cost) import no torch;
``train`` needs the ``finetune`` extra (torch==2.13.0, transformers, peft, gguf) and
imports it lazily."""
