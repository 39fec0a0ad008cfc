"""``crt-model extend-tokenizer``: the CRT paper's xTokenizer.

Adds the opcodes and registers of the chosen ISAs (:mod:`.vocab`) to a
tokenizer as whole tokens -- ``single_word`` so that ``ldr`` never matches
inside ``ldrb`` and ``al`` never inside ``.align`` -- and grows the model's
embedding matrices to match (transformers initialises the new rows from the
mean of the old ones).  The extended model needs fine-tuning before the new
tokens mean anything; text still round-trips exactly through the tokenizer.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass

from .config import SETTINGS_FILE
from .vocab import words


@dataclass
class Extension:
    added: int
    vocab_before: int
    vocab_after: int


def extend(model_dir: str, out_dir: str, isas: list[str]) -> Extension:
    """Write the model of ``model_dir`` with the extended tokenizer to ``out_dir``."""
    from .runtime import check_model_dir, import_stack

    _torch, transformers = import_stack()
    check_model_dir(model_dir)
    tokenizer = transformers.AutoTokenizer.from_pretrained(model_dir, local_files_only=True)
    before = len(tokenizer)
    vocab = tokenizer.get_vocab()
    new = [transformers.AddedToken(w, single_word=True, normalized=False)
           for w in words(isas) if w not in vocab]
    added = tokenizer.add_tokens(new)
    model = transformers.AutoModelForCausalLM.from_pretrained(model_dir, local_files_only=True)
    model.resize_token_embeddings(len(tokenizer))
    os.makedirs(out_dir, exist_ok=True)
    model.save_pretrained(out_dir)
    tokenizer.save_pretrained(out_dir)
    src = os.path.join(model_dir, SETTINGS_FILE)
    if os.path.isfile(src) and os.path.abspath(model_dir) != os.path.abspath(out_dir):
        shutil.copyfile(src, os.path.join(out_dir, SETTINGS_FILE))
    return Extension(added, before, len(tokenizer))
