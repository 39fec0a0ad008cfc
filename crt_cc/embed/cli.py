"""``crt-embed``: normalise, index, search and evaluate functions across ISAs; train the encoder.

Subcommands::

    crt-embed tokens OBJECT[:function]                 normalised token stream (debugging)
    crt-embed index OBJECTS... -o INDEX                faiss index of every function
    crt-embed query INDEX OBJECT[:function] [-k 10]    nearest indexed functions, with scores
    crt-embed eval --query-objects Q... --pool-objects P...
                                                       last line: recall@1=.. recall@10=.. mrr=..
    crt-embed corpus [--heldout]                       fetch and cross-compile the corpus
    crt-embed train [-o WEIGHTS]                       corpus + training in one command

Heavy modules (torch, faiss, capstone) are imported inside the subcommands.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def _add_weights(p: argparse.ArgumentParser) -> None:
    p.add_argument("--weights", help="encoder weights (default: the shipped ones, or "
                   "$CRT_EMBED_WEIGHTS)")
    p.add_argument("--threads", type=int, default=None,
                   help="torch threads (default $CRT_EMBED_THREADS or 2)")
    p.add_argument("-j", "--jobs", type=int, default=2, help="processes for normalising")


def _parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="crt-embed", description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)

    p = sub.add_parser("tokens", help="print the normalised token stream of functions")
    p.add_argument("objects", nargs="+", metavar="OBJECT[:function]")

    p = sub.add_parser("index", help="embed every function of OBJECTS into a faiss index")
    p.add_argument("objects", nargs="+")
    p.add_argument("-o", "--output", required=True, metavar="INDEX")
    _add_weights(p)

    p = sub.add_parser("query", help="nearest indexed functions of OBJECT[:function]")
    p.add_argument("index")
    p.add_argument("object", metavar="OBJECT[:function]")
    p.add_argument("-k", type=int, default=10)
    _add_weights(p)

    p = sub.add_parser("eval", help="recall@1/recall@10/MRR, ground truth by symbol name")
    p.add_argument("--query-objects", nargs="+", required=True)
    p.add_argument("--pool-objects", nargs="+", required=True)
    p.add_argument("--min-insns", type=int, default=0,
                   help="skip query functions shorter than this (normalised instructions)")
    _add_weights(p)

    p = sub.add_parser("corpus", help="fetch Debian sources and cross-compile them")
    p.add_argument("--heldout", action="store_true", help="the held-out packages too")
    p.add_argument("--packages", nargs="+")
    p.add_argument("--isas", nargs="+")
    p.add_argument("--opts", nargs="+")
    p.add_argument("--root", type=Path)
    p.add_argument("-j", "--jobs", type=int, default=2)

    p = sub.add_parser("train", help="build the corpus and train the encoder")
    p.add_argument("-o", "--output", default=None,
                   help="weights file (default build/embed/encoder.pt; the shipped file is "
                        "crt_cc/embed/weights/encoder.pt)")
    p.add_argument("--steps", type=int)
    p.add_argument("--packages", nargs="+")
    p.add_argument("--root", type=Path)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--max-minutes", type=float)
    p.add_argument("--seed", type=int)
    p.add_argument("-j", "--jobs", type=int, default=2)
    return ap


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return _run(args)
    except (FileNotFoundError, KeyError, ValueError, RuntimeError) as exc:
        msg = exc.args[0] if isinstance(exc, KeyError) and exc.args else exc
        print(f"crt-embed: error: {msg}", file=sys.stderr)
        return 1


def _run(args: argparse.Namespace) -> int:
    if args.cmd == "tokens":
        from .normalize import format_insns, normalize_object
        from .search import parse_object_spec

        for spec in args.objects:
            path, name = parse_object_spec(spec)
            fns = normalize_object(path, {name} if name else None)
            if name and not fns:
                raise KeyError(f"{path}: no function {name}")
            for i, nf in enumerate(fns):
                print(f"# function {i} ({nf.isa}, {len(nf.insns)} instructions)")
                print(format_insns(nf.insns))
        return 0

    if args.cmd == "index":
        from .search import Embedder, write_index

        emb = Embedder(args.weights, args.threads)
        refs, vecs = emb.embed_objects(args.objects, jobs=args.jobs)
        if not refs:
            raise ValueError("no functions found in the given objects")
        write_index(args.output, refs, vecs, str(emb.weights))
        print(f"indexed {len(refs)} functions from {len(args.objects)} files -> {args.output}")
        return 0

    if args.cmd == "query":
        from .search import Embedder, read_index, search

        index, refs, _meta = read_index(args.index)
        emb = Embedder(args.weights, args.threads)
        qrefs, qv = emb.embed_objects([args.object], jobs=1)
        if not qrefs:
            raise ValueError(f"{args.object}: no functions")
        scores, rows = search(index, qv, args.k)
        for qi, q in enumerate(qrefs):
            print(f"{q.path}:{q.name} ({q.isa}, {q.n_insns} instructions)")
            for rank, (s, j) in enumerate(zip(scores[qi], rows[qi], strict=True), 1):
                if j < 0:
                    continue
                r = refs[j]
                print(f"  {rank:3d}  {s:.4f}  {r.path}:{r.name} ({r.isa})")
        return 0

    if args.cmd == "eval":
        from .search import Embedder, evaluate

        res = evaluate(args.query_objects, args.pool_objects, Embedder(args.weights, args.threads),
                       min_insns=args.min_insns, jobs=args.jobs)
        if res.unmatched:
            print(f"{res.unmatched} query functions have no same-named function in the pool "
                  "(not scored)")
        if res.queries == 0:
            print("no query function has a counterpart in the pool", file=sys.stderr)
        print(res.line())
        return 0 if res.queries else 1

    if args.cmd == "corpus":
        from .corpus import HELDOUT_PACKAGES, ISAS, OPT_LEVELS, TRAIN_PACKAGES, build

        pkgs = args.packages or (list(TRAIN_PACKAGES) + (list(HELDOUT_PACKAGES)
                                                         if args.heldout else []))
        res = build(pkgs, args.isas or list(ISAS), args.opts or list(OPT_LEVELS), args.root,
                    jobs=args.jobs)
        for pkg, objs in res.items():
            print(f"{pkg}: {len(objs)} objects")
        return 0

    if args.cmd == "train":
        from .corpus import default_root
        from .train import TrainConfig, train

        cfg = TrainConfig(threads=args.threads)
        if args.steps:
            cfg.steps = args.steps
        if args.max_minutes:
            cfg.max_minutes = args.max_minutes
        if args.seed is not None:
            cfg.seed = args.seed
        root = args.root or default_root()
        out = args.output or str(root / "encoder.pt")
        meta = train(out, cfg, args.packages, root, jobs=args.jobs)
        print(f"wrote {out}: {meta['groups']} source functions, {meta['steps_done']} steps, "
              f"validation recall@1 {meta['val_recall_at_1']:.3f}")
        return 0
    return 2


if __name__ == "__main__":
    sys.exit(main())
