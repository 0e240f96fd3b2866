"""Customization: retrieval-augmented generation lives in ``knowledge``; LoRA fine-tuning
(the optional ``[finetune]`` extra) and adapters will live here."""
