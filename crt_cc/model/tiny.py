"""``crt-model tiny DIR``: a tiny, randomly initialised model in the format the engine loads.

Tests and demos need a real transformers model -- the same loading,
tokenisation, generation and verification code paths as a 1.3B checkpoint --
without a download.  This writes a Llama-architecture causal LM (the
DeepSeek-Coder family the CRT checkpoints belong to) with a few hundred
thousand parameters and a byte-level BPE tokenizer trained on a little
assembly-shaped text, so any text round-trips.  Same seed, same files.  Its
translations are noise, which is the point: verification must reject them.
"""

from __future__ import annotations

import os

from .config import write_settings

SPECIAL = {"bos_token": "<s>", "eos_token": "</s>", "pad_token": "<pad>", "unk_token": "<unk>"}


def build_tokenizer(vocab_size: int = 512):
    """A byte-level BPE tokenizer (transformers' fast tokenizer wrapping a `tokenizers` model)."""
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
    from transformers import PreTrainedTokenizerFast

    from .vocab import sample_text

    tok = Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(vocab_size=vocab_size, special_tokens=list(SPECIAL.values()),
                                  initial_alphabet=pre_tokenizers.ByteLevel.alphabet(), show_progress=False)
    tok.train_from_iterator(sample_text().splitlines(keepends=True), trainer)
    return PreTrainedTokenizerFast(tokenizer_object=tok, clean_up_tokenization_spaces=False, **SPECIAL)


def create(out_dir: str, *, seed: int = 0, vocab_size: int = 512, hidden: int = 64, layers: int = 2,
           heads: int = 4, window: int = 4096, max_new_tokens: int = 192) -> dict[str, int]:
    """Write the tiny model, its tokenizer and ``crt_model.json`` to ``out_dir``."""
    from .runtime import import_stack

    torch, transformers = import_stack()
    os.makedirs(out_dir, exist_ok=True)
    tokenizer = build_tokenizer(vocab_size)
    config = transformers.LlamaConfig(
        vocab_size=len(tokenizer), hidden_size=hidden, intermediate_size=2 * hidden,
        num_hidden_layers=layers, num_attention_heads=heads, num_key_value_heads=heads,
        max_position_embeddings=window, bos_token_id=tokenizer.bos_token_id,
        eos_token_id=tokenizer.eos_token_id, pad_token_id=tokenizer.pad_token_id, tie_word_embeddings=False)
    torch.manual_seed(seed)
    model = transformers.LlamaForCausalLM(config)
    model.generation_config.do_sample = False
    model.save_pretrained(out_dir)
    tokenizer.save_pretrained(out_dir)
    # A short answer budget keeps a random model's (rejected) answers cheap in tests.
    write_settings(out_dir, max_new_tokens=max_new_tokens)
    return {"parameters": sum(p.numel() for p in model.parameters()), "vocab": len(tokenizer)}
