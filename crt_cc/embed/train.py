"""``crt-embed train``: corpus -> tokens -> multi-positive InfoNCE training -> weights.

Why batches are built per source function: InfoNCE needs, for every function in the batch,
other variants of the *same* source function (positives) and other functions (negatives).  A
batch is ``groups`` source functions x ``variants`` compiled variants each (random ISA and
optimisation level), so every anchor has ``variants - 1`` positives.  Halfway through, batches
switch to hard negatives: groups are picked together with their current nearest neighbours
(by the model's own embeddings), which is what teaches the fine distinctions a 10K pool needs.

Budget: everything runs on two CPU cores (threads are capped, processes are niced), and the
defaults finish in about a quarter of an hour once the corpus is built.
"""

from __future__ import annotations

import hashlib
import math
import os
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from .corpus import ISAS, OPT_LEVELS, TRAIN_PACKAGES, build, default_root, log
from .dataset import Sample, load_package

ISA_WEIGHT = {"x86_64": 2.0, "aarch64": 2.0, "riscv64": 1.5, "i386": 1.0, "arm": 1.0}


@dataclass
class TrainConfig:
    """Everything that decides the trained weights (stored with them)."""

    steps: int = 400
    groups: int = 32
    variants: int = 4
    lr: float = 1.5e-3
    warmup: int = 30
    weight_decay: float = 0.01
    temperature: float = 0.07
    hard_start: float = 0.5          # fraction of steps after which batches use hard negatives
    hard_refresh: int = 100          # steps between neighbour refreshes
    hard_cluster: int = 4            # groups per neighbourhood in a hard batch
    min_insns: int = 3
    train_insns: int = 128           # instructions per function seen in training
    seed: int = 0
    threads: int = 2
    max_minutes: float = 30.0        # safety stop on a slow machine
    d_model: int = 128
    layers: int = 2
    ff: int = 256


def _val_group(key: str) -> bool:
    """5% of source functions, chosen by hash, are kept out of training for monitoring."""
    return hashlib.sha1(key.encode()).digest()[0] < 13


def group_samples(samples: list[Sample], min_insns: int) -> dict[str, list[Sample]]:
    """Variants per source function; clones' cold parts and tiny bodies are dropped."""
    groups: dict[str, list[Sample]] = defaultdict(list)
    for s in samples:
        if ".cold" in s.name or len(s.ids) < min_insns:
            continue
        groups[s.key].append(s)
    return {k: v for k, v in groups.items() if len(v) >= 2}


class Trainer:
    """Holds the model, optimiser and the grouped corpus."""

    def __init__(self, cfg: TrainConfig, groups: dict[str, list[Sample]]) -> None:
        import torch

        from .model import Encoder, EncoderConfig

        self.cfg = cfg
        torch.manual_seed(cfg.seed)
        self.rng = np.random.default_rng(cfg.seed)
        self.keys = sorted(groups)
        self.groups = [groups[k] for k in self.keys]
        self.model = Encoder(EncoderConfig(d_model=cfg.d_model, layers=cfg.layers, ff=cfg.ff))
        decay = [p for n, p in self.model.named_parameters() if p.dim() >= 2]
        no_decay = [p for n, p in self.model.named_parameters() if p.dim() < 2]
        self.opt = torch.optim.AdamW([{"params": decay, "weight_decay": cfg.weight_decay},
                                      {"params": no_decay, "weight_decay": 0.0}], lr=cfg.lr)
        self.neighbours: np.ndarray | None = None
        self._order: list[int] = []

    # -- batches -------------------------------------------------------------
    def _next_groups(self, n: int) -> list[int]:
        out: list[int] = []
        while len(out) < n:
            if not self._order:
                self._order = list(self.rng.permutation(len(self.groups)))
            g = int(self._order.pop())
            if g not in out:
                out.append(g)
        return out

    def _hard_groups(self, n: int) -> list[int]:
        assert self.neighbours is not None
        out: list[int] = []
        chosen: set[int] = set()
        while len(out) < n:
            seed = self._next_groups(1)[0]
            if seed in chosen:
                continue
            cluster = [seed]
            for nb in self.neighbours[seed]:
                if len(cluster) >= self.cfg.hard_cluster:
                    break
                if int(nb) not in chosen and int(nb) not in cluster:
                    cluster.append(int(nb))
            for g in cluster[: n - len(out)]:
                chosen.add(g)
                out.append(g)
        return out

    def _variants(self, g: int) -> list[Sample]:
        vs = self.groups[g]
        w = np.array([ISA_WEIGHT.get(s.isa, 1.0) for s in vs])
        k = min(self.cfg.variants, len(vs))
        idx = self.rng.choice(len(vs), size=k, replace=False, p=w / w.sum())
        return [vs[i] for i in idx]

    def batch(self, hard: bool) -> tuple[list[np.ndarray], np.ndarray]:
        gs = self._hard_groups(self.cfg.groups) if hard else self._next_groups(self.cfg.groups)
        seqs: list[np.ndarray] = []
        labels: list[int] = []
        for g in gs:
            for s in self._variants(g):
                seqs.append(s.ids[: self.cfg.train_insns])
                labels.append(g)
        return seqs, np.array(labels)

    # -- model ---------------------------------------------------------------
    def encode(self, seqs: list[np.ndarray], chunk_insns: int = 6144) -> Any:
        """Embeddings with gradients; length-sorted chunks keep padding (and time) low."""
        import torch

        from .model import pad_batch

        order = sorted(range(len(seqs)), key=lambda i: len(seqs[i]))
        parts = []
        idx_parts = []
        i = 0
        while i < len(order):
            j = i
            while j < len(order) and (j - i + 1) * max(1, len(seqs[order[j]])) <= chunk_insns:
                j += 1
            j = max(j, i + 1)
            idx = order[i:j]
            parts.append(self.model(pad_batch([seqs[k] for k in idx], self.cfg.train_insns)))
            idx_parts += idx
            i = j
        z = torch.cat(parts)
        inv = torch.empty(len(idx_parts), dtype=torch.long)
        inv[torch.tensor(idx_parts)] = torch.arange(len(idx_parts))
        return z[inv]

    def refresh_neighbours(self) -> None:
        """Nearest other groups of every group under the current model (one variant each)."""
        import torch

        reps = []
        for vs in self.groups:
            best = next((s for s in vs if s.isa == "x86_64" and s.opt == "O2"), vs[0])
            reps.append(best.ids[: self.cfg.train_insns])
        self.model.eval()
        with torch.inference_mode():
            z = torch.cat([self.encode(reps[i:i + 512]) for i in range(0, len(reps), 512)])
        self.model.train()
        sims = z @ z.t()
        sims.fill_diagonal_(-2.0)
        self.neighbours = torch.topk(sims, k=min(16, len(reps) - 1), dim=1).indices.numpy()

    def step(self, step: int, hard: bool) -> float:
        import torch

        from .model import multi_positive_infonce

        cfg = self.cfg
        lr = cfg.lr * min(1.0, (step + 1) / cfg.warmup) * 0.5 * (
            1 + math.cos(math.pi * min(1.0, step / max(1, cfg.steps))))
        for g in self.opt.param_groups:
            g["lr"] = lr
        seqs, labels = self.batch(hard)
        z = self.encode(seqs)
        loss = multi_positive_infonce(z, torch.from_numpy(labels), cfg.temperature)
        self.opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(self.model.parameters(), 1.0)
        self.opt.step()
        return float(loss.item())


def validation_recall(model: Any, groups: dict[str, list[Sample]], qa: tuple[str, str] = (
        "x86_64", "O2"), pa: tuple[str, str] = ("aarch64", "O2")) -> tuple[float, int]:
    """recall@1 of x86-64 -O2 variants against AArch64 -O2 variants of held-back groups."""
    import torch

    from .model import pad_batch

    q, p = [], []
    for vs in groups.values():
        qs = [s for s in vs if (s.isa, s.opt) == qa]
        ps = [s for s in vs if (s.isa, s.opt) == pa]
        if qs and ps:
            q.append(qs[0].ids)
            p.append(ps[0].ids)
    if not q:
        return 0.0, 0
    model.eval()
    with torch.inference_mode():
        cap = model.cfg.max_insns
        zq = torch.cat([model(pad_batch(q[i:i + 64], cap)) for i in range(0, len(q), 64)])
        zp = torch.cat([model(pad_batch(p[i:i + 64], cap)) for i in range(0, len(p), 64)])
    model.train()
    hit = (zq @ zp.t()).argmax(1) == torch.arange(len(q))
    return float(hit.float().mean()), len(q)


def train(out: str | Path, cfg: TrainConfig | None = None, packages: list[str] | None = None,
          root: Path | None = None, jobs: int = 2) -> dict[str, Any]:
    """Build the corpus (if needed), train, write the weights to ``out``; returns metadata."""
    import torch

    from .model import save

    cfg = cfg or TrainConfig()
    root = root or default_root()
    packages = list(packages or TRAIN_PACKAGES)
    try:
        cur = os.nice(0)
        if cur < 10:              # be nice (10), but not nicer when already started with nice
            os.nice(10 - cur)
    except OSError:
        pass
    torch.set_num_threads(cfg.threads)
    t0 = time.time()
    build(packages, list(ISAS), list(OPT_LEVELS), root, jobs=jobs)
    log(f"corpus built in {time.time() - t0:.0f}s; tokenising")
    samples: list[Sample] = []
    for pkg in packages:
        samples += load_package(root, pkg, ISAS, OPT_LEVELS, jobs=jobs)
    groups = group_samples(samples, cfg.min_insns)
    val = {k: v for k, v in groups.items() if _val_group(k)}
    tr = {k: v for k, v in groups.items() if not _val_group(k)}
    log(f"{len(samples)} functions, {len(tr)} training groups, {len(val)} validation groups "
        f"({time.time() - t0:.0f}s)")
    trainer = Trainer(cfg, tr)
    t1 = time.time()
    losses: list[float] = []
    hard_from = int(cfg.steps * cfg.hard_start)
    stopped_early = False
    for step in range(cfg.steps):
        hard = step >= hard_from
        if hard and (step - hard_from) % cfg.hard_refresh == 0:
            trainer.refresh_neighbours()
        losses.append(trainer.step(step, hard))
        if step % 50 == 0 or step == cfg.steps - 1:
            r1, n = validation_recall(trainer.model, val)
            log(f"step {step}: loss {np.mean(losses[-50:]):.3f} val x86-64/O2->AArch64/O2 "
                f"recall@1 {r1:.3f} (n={n}) {time.time() - t1:.0f}s")
        if (time.time() - t1) / 60 > cfg.max_minutes:
            log(f"stopping at step {step}: over {cfg.max_minutes} minutes")
            stopped_early = True
            break
    r1, n = validation_recall(trainer.model, val)
    meta = {"train_config": cfg.__dict__, "packages": packages,
            "sources": {p: _source_version(root, p) for p in packages},
            "groups": len(tr), "val_recall_at_1": r1, "val_queries": n,
            "final_loss": float(np.mean(losses[-50:])), "steps_done": len(losses),
            "stopped_early": stopped_early, "train_seconds": round(time.time() - t1)}
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    trainer.model.eval()
    save(trainer.model, str(out), meta)
    log(f"wrote {out} (val recall@1 {r1:.3f}, {time.time() - t0:.0f}s in all)")
    return meta


def _source_version(root: Path, package: str) -> str:
    f = root / "src" / package / ".complete"
    return f.read_text().strip() if f.exists() else "?"
