"""``crt-model train``: supervised fine-tuning on a paired corpus (``crt-model corpus`` output).

The CRT recipe: a causal LM learns to continue the instruction prompt with the
target assembly, the loss taken on the answer only (the paper's
``DataCollatorForCompletionOnlyLM``), examples longer than the context
budget dropped rather than cut.  This is a plain torch loop over a
transformers model -- AdamW, gradient clipping, linear warm-up -- because it
is all the recipe needs and it runs the same on a CPU (tiny models, tests)
and a GPU (bf16 autocast where supported).  The prompt and answer format
comes from :mod:`.prompt`, shared with the engine, so a trained model is
asked at inference exactly what it learned to answer.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from ..diagnostics import CrtError
from .config import SETTINGS_FILE, load_settings
from .prompt import build_prompt, training_text


@dataclass
class TrainResult:
    """Losses of a run: per step, and on a fixed batch before and after training."""

    losses: list[float] = field(default_factory=list)
    loss_before: float = 0.0
    loss_after: float = 0.0
    examples: int = 0
    skipped: int = 0
    seconds: float = 0.0
    device: str = "cpu"


def read_corpus(path: str) -> list[dict]:
    """Records of a JSONL corpus (each needs ``x86``, ``asm`` and ``target``)."""
    records = []
    try:
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                if not line.strip():
                    continue
                try:
                    rec = json.loads(line)
                except ValueError as exc:
                    raise CrtError(f"line {n}: not JSON ({exc})", path) from None
                if not all(k in rec for k in ("x86", "asm", "target")):
                    raise CrtError(f"line {n}: a record needs 'x86', 'asm' and 'target'", path)
                records.append(rec)
    except OSError as exc:
        raise CrtError(f"cannot read corpus: {exc.strerror}", path) from None
    return records


def encode_examples(tokenizer, settings, records: list[dict], max_length: int) -> tuple[list, int]:
    """(input ids, labels) per record -- prompt tokens masked with -100 -- and how many were too long."""
    out, skipped = [], 0
    bos, eos = tokenizer.bos_token or "", tokenizer.eos_token or ""
    for rec in records:
        prompt, completion = training_text(build_prompt(settings, rec["target"], rec["x86"], bos), rec["asm"], eos)
        p = tokenizer(prompt, add_special_tokens=False)["input_ids"]
        c = tokenizer(completion, add_special_tokens=False)["input_ids"]
        if len(p) + len(c) > max_length:
            skipped += 1
            continue
        out.append((p + c, [-100] * len(p) + c))
    return out, skipped


def _batch(torch, examples: list, pad_id: int, device: str):
    width = max(len(ids) for ids, _ in examples)
    ids = torch.full((len(examples), width), pad_id, dtype=torch.long)
    labels = torch.full((len(examples), width), -100, dtype=torch.long)
    mask = torch.zeros((len(examples), width), dtype=torch.long)
    for row, (x, y) in enumerate(examples):
        ids[row, :len(x)] = torch.tensor(x)
        labels[row, :len(y)] = torch.tensor(y)
        mask[row, :len(x)] = 1
    return ids.to(device), labels.to(device), mask.to(device)


def train(model_dir: str, data: str, out_dir: str, *, steps: int = 100, lr: float = 2e-4, batch_size: int = 1,
          max_length: int = 2048, warmup: int = 0, seed: int = 0, device: str = "auto",
          log: Callable[[str], None] | None = None) -> TrainResult:
    """Fine-tune the model in ``model_dir`` on ``data`` for ``steps`` steps; save it to ``out_dir``."""
    from .runtime import check_model_dir, import_stack, pick_device

    torch, transformers = import_stack()
    check_model_dir(model_dir)
    settings = load_settings(model_dir)
    dev = pick_device(torch, device)
    torch.manual_seed(seed)
    rng = random.Random(seed)
    tokenizer = transformers.AutoTokenizer.from_pretrained(model_dir, local_files_only=True)
    model = transformers.AutoModelForCausalLM.from_pretrained(model_dir, local_files_only=True,
                                                              dtype=torch.float32)
    model.to(dev)
    if dev == "cpu" and sum(p.numel() for p in model.parameters()) < 50_000_000:
        torch.set_num_threads(1)
    examples, skipped = encode_examples(tokenizer, settings, read_corpus(data), max_length)
    if not examples:
        raise CrtError(f"no training example fits in {max_length} tokens", data)
    pad = tokenizer.pad_token_id if tokenizer.pad_token_id is not None else tokenizer.eos_token_id
    result = TrainResult(examples=len(examples), skipped=skipped, device=dev)
    probe = _batch(torch, examples[:batch_size], pad, dev)
    autocast = dev == "cuda" and torch.cuda.is_bf16_supported()

    def loss_of(batch) -> object:
        ids, labels, mask = batch
        with torch.autocast("cuda", dtype=torch.bfloat16, enabled=autocast):
            return model(input_ids=ids, attention_mask=mask, labels=labels).loss

    model.eval()
    with torch.no_grad():
        result.loss_before = float(loss_of(probe))
    optimizer = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=0.0)
    order: list[int] = []
    start = time.monotonic()
    model.train()
    for step in range(steps):
        if len(order) < batch_size:
            fresh = list(range(len(examples)))
            rng.shuffle(fresh)
            order += fresh
        picked, order = order[:batch_size], order[batch_size:]
        for group in optimizer.param_groups:
            group["lr"] = lr * min(1.0, (step + 1) / warmup) if warmup else lr
        loss = loss_of(_batch(torch, [examples[i] for i in picked], pad, dev))
        optimizer.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()
        result.losses.append(float(loss.detach()))
        if log:
            log(f"step {step + 1}/{steps} loss {float(loss):.4f}")
    model.eval()
    with torch.no_grad():
        result.loss_after = float(loss_of(probe))
    result.seconds = time.monotonic() - start
    os.makedirs(out_dir, exist_ok=True)
    model.save_pretrained(out_dir)
    tokenizer.save_pretrained(out_dir)
    src = os.path.join(model_dir, SETTINGS_FILE)
    if os.path.isfile(src) and os.path.abspath(src) != os.path.abspath(os.path.join(out_dir, SETTINGS_FILE)):
        shutil.copyfile(src, os.path.join(out_dir, SETTINGS_FILE))
    return result
