"""The function encoder: a small transformer over normalised instructions.

Why instruction-level tokens: a function of 100 instructions is ~500 tokens, and attention over
500 positions is too slow to train on two CPU cores.  Each instruction (``INSN_WIDTH`` tokens)
is first folded into one vector: every token has its own embedding *per slot*, so
``ADD W32 ARG0 ARG1`` and ``ADD W32 ARG1 ARG0`` differ; the sum over slots is the instruction
vector.  The transformer then runs over at most ``max_insns`` instruction vectors, a masked mean
pools them and a linear layer projects to the (L2-normalised) embedding, so cosine similarity
is a dot product and faiss's inner-product index is exact cosine search.

torch is imported here only; nothing else in :mod:`crt_cc.embed` imports this module at import
time.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

import torch
from torch import nn

from .vocab import INSN_WIDTH, TOKENS


@dataclass
class EncoderConfig:
    """Hyper-parameters (stored next to the weights)."""

    vocab: int = len(TOKENS)
    width: int = INSN_WIDTH
    d_model: int = 128
    layers: int = 3
    heads: int = 4
    ff: int = 256
    dropout: float = 0.1
    max_insns: int = 256
    out_dim: int = 128

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class Encoder(nn.Module):
    """Token ids ``[batch, insns, INSN_WIDTH]`` -> unit vectors ``[batch, out_dim]``."""

    def __init__(self, cfg: EncoderConfig) -> None:
        super().__init__()
        self.cfg = cfg
        self.tok = nn.Embedding(cfg.vocab * cfg.width, cfg.d_model)
        self.register_buffer("slot_offset", torch.arange(cfg.width) * cfg.vocab, persistent=False)
        self.insn_norm = nn.LayerNorm(cfg.d_model)
        self.pos = nn.Embedding(cfg.max_insns, cfg.d_model)
        layer = nn.TransformerEncoderLayer(cfg.d_model, cfg.heads, cfg.ff, cfg.dropout,
                                           batch_first=True, norm_first=True,
                                           activation="gelu")
        self.encoder = nn.TransformerEncoder(layer, cfg.layers, enable_nested_tensor=False)
        self.out_norm = nn.LayerNorm(cfg.d_model)
        self.proj = nn.Linear(cfg.d_model, cfg.out_dim)
        nn.init.normal_(self.tok.weight, std=0.02)
        nn.init.normal_(self.pos.weight, std=0.02)

    def forward(self, ids: torch.Tensor) -> torch.Tensor:
        """``ids``: int64 ``[B, L, W]`` (0 = padding); returns ``[B, out_dim]``, unit norm."""
        ids = ids[:, : self.cfg.max_insns]
        tok_mask = (ids != 0).unsqueeze(-1)
        x = (self.tok(ids + self.slot_offset) * tok_mask).sum(dim=2)
        insn_mask = ids[:, :, 0] != 0                              # [B, L]
        x = self.insn_norm(x) + self.pos.weight[: x.shape[1]]
        x = self.encoder(x, src_key_padding_mask=~insn_mask)
        x = self.out_norm(x)
        m = insn_mask.unsqueeze(-1).to(x.dtype)
        pooled = (x * m).sum(1) / m.sum(1).clamp(min=1.0)
        return nn.functional.normalize(self.proj(pooled), dim=-1)


def multi_positive_infonce(z: torch.Tensor, labels: torch.Tensor,
                           temperature: float = 0.07) -> torch.Tensor:
    """InfoNCE where every other variant of the same source function is a positive.

    For anchor i: ``-log(sum_pos exp(s_ij/t) / sum_{j != i} exp(s_ij/t))`` averaged over anchors
    that have at least one positive in the batch.
    """
    sim = z @ z.t() / temperature
    n = z.shape[0]
    eye = torch.eye(n, dtype=torch.bool, device=z.device)
    sim = sim.masked_fill(eye, float("-inf"))
    pos = (labels.unsqueeze(0) == labels.unsqueeze(1)) & ~eye
    log_denom = torch.logsumexp(sim, dim=1)
    log_num = torch.logsumexp(sim.masked_fill(~pos, float("-inf")), dim=1)
    valid = pos.any(dim=1)
    return (log_denom[valid] - log_num[valid]).mean()


def pad_batch(seqs: list[Any], max_insns: int) -> torch.Tensor:
    """Stack ``[n_i, W]`` integer arrays into one zero-padded int64 tensor."""
    import numpy as np

    n = min(max(len(s) for s in seqs), max_insns) if seqs else 1
    n = max(n, 1)
    out = np.zeros((len(seqs), n, INSN_WIDTH), dtype=np.int64)
    for i, s in enumerate(seqs):
        k = min(len(s), n)
        if k:
            out[i, :k] = s[:k]
    return torch.from_numpy(out)


def save(model: Encoder, path: str, meta: dict[str, Any]) -> None:
    """Weights in float16 (half the size; embeddings are unit vectors anyway) + config + vocab."""
    state = {k: v.half() if v.is_floating_point() else v for k, v in model.state_dict().items()}
    torch.save({"config": model.cfg.to_dict(), "state": state, "tokens": TOKENS, "meta": meta},
               path)


def load(path: str) -> tuple[Encoder, dict[str, Any]]:
    """Encoder in eval mode (float32) and the metadata stored with it."""
    blob = torch.load(path, map_location="cpu", weights_only=False)
    if list(blob["tokens"]) != TOKENS:
        raise ValueError(f"{path}: weights were trained with a different token vocabulary")
    model = Encoder(EncoderConfig(**blob["config"]))
    model.load_state_dict({k: v.float() if v.is_floating_point() else v
                           for k, v in blob["state"].items()})
    model.eval()
    return model, blob.get("meta", {})
