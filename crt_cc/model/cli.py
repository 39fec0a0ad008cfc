"""``crt-model``: make, extend, train and evaluate models for the model engine.

    crt-model tiny DIR                              tiny random model + tokenizer (tests, demos)
    crt-model extend-tokenizer MODEL OUT            add opcodes/registers as whole tokens
    crt-model corpus --target T -o OUT.jsonl SRC... paired x86/target functions from C sources
    crt-model train MODEL DATA.jsonl OUT            fine-tune on a corpus
    crt-model eval MODEL DATA.jsonl                 exact match, edit distance, test accuracy

Each command prints one summary line on stdout; diagnostics go to stderr in
the driver's style (``crt-model: error: ...``, exit status 1).  See docs/model.md.
"""

from __future__ import annotations

import argparse
import json
import sys

from ..diagnostics import CrtError

PROG = "crt-model"


def _progress(quiet: bool):
    return None if quiet else (lambda msg: print(msg, file=sys.stderr, flush=True))


def _tiny(a) -> str:
    from . import tiny

    info = tiny.create(a.dir, seed=a.seed, vocab_size=a.vocab_size, hidden=a.hidden, layers=a.layers,
                       window=a.window, max_new_tokens=a.max_new_tokens)
    return f"wrote {a.dir}: {info['parameters']} parameters, vocabulary {info['vocab']}"


def _extend(a) -> str:
    from .xtokenizer import extend

    isas = [s.strip() for s in a.isa.split(",") if s.strip()]
    try:
        ext = extend(a.model, a.out, isas)
    except ValueError as exc:
        raise CrtError(str(exc)) from None
    return f"wrote {a.out}: added {ext.added} tokens (vocabulary {ext.vocab_before} -> {ext.vocab_after})"


def _corpus(a) -> str:
    from ..toolchain.targets import resolve_target
    from .corpus import build

    target = resolve_target(a.target)
    opts = tuple(o.strip().removeprefix("-O") for o in a.opt.split(",") if o.strip())
    stats = build(a.sources, target, a.output, opt_levels=opts, debian=tuple(a.debian),
                  include_dirs=tuple(a.include), log=_progress(a.quiet))
    for why in stats.skipped[:20] if not a.quiet else []:
        print(f"{PROG}: note: skipped {why}", file=sys.stderr)
    return (f"wrote {a.output}: {stats.pairs} pairs from {stats.compiled}/{stats.files} files "
            f"({len(stats.skipped)} file/level combinations skipped)")


def _train(a) -> str:
    from .train import train

    r = train(a.model, a.data, a.out, steps=a.steps, lr=a.lr, batch_size=a.batch_size,
              max_length=a.max_length, warmup=a.warmup, seed=a.seed, device=a.device,
              log=_progress(a.quiet))
    return (f"wrote {a.out}: {len(r.losses)} steps on {r.examples} examples ({r.skipped} too long) "
            f"on {r.device} in {r.seconds:.1f}s; loss {r.loss_before:.4f} -> {r.loss_after:.4f}")


def _eval(a) -> str:
    from .evaluate import evaluate

    r = evaluate(a.model, a.data, limit=a.limit, tests=not a.no_tests, log=_progress(a.quiet))
    if a.json:
        with open(a.json, "w", encoding="utf-8") as f:
            json.dump({"summary": {"n": r.n, "exact_match": r.exact_match, "edit_distance": r.edit_distance,
                                   "test_accuracy": r.test_accuracy, "testable": r.testable},
                       "rows": r.rows}, f, indent=2)
    return r.summary()


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog=PROG, description="Model tools for crt-cc's model engine (docs/model.md).")
    sub = p.add_subparsers(dest="command", required=True)

    t = sub.add_parser("tiny", help="write a tiny randomly initialised model and tokenizer")
    t.add_argument("dir")
    t.add_argument("--seed", type=int, default=0)
    t.add_argument("--vocab-size", type=int, default=512)
    t.add_argument("--hidden", type=int, default=64)
    t.add_argument("--layers", type=int, default=2)
    t.add_argument("--window", type=int, default=4096)
    t.add_argument("--max-new-tokens", type=int, default=192)
    t.set_defaults(run=_tiny)

    x = sub.add_parser("extend-tokenizer", help="add ISA opcodes and registers as whole tokens")
    x.add_argument("model")
    x.add_argument("out")
    x.add_argument("--isa", default="x86_64,aarch64,riscv64", help="comma-separated (x86_64,aarch64,riscv64)")
    x.set_defaults(run=_extend)

    c = sub.add_parser("corpus", help="pair x86 and target assembly of C sources per function")
    c.add_argument("sources", nargs="*", help="C files or directories")
    c.add_argument("--target", default=None, help="target triple or alias (default: CRT_TARGET or aarch64)")
    c.add_argument("-o", "--output", required=True)
    c.add_argument("--opt", default="0,2", help="optimisation levels, comma-separated (default 0,2)")
    c.add_argument("--debian", action="append", default=[], metavar="PACKAGE",
                   help="also use the C files of a Debian source package (apt-get source)")
    c.add_argument("-I", dest="include", action="append", default=[], metavar="DIR")
    c.add_argument("-q", "--quiet", action="store_true")
    c.set_defaults(run=_corpus)

    r = sub.add_parser("train", help="fine-tune a model on a corpus")
    r.add_argument("model")
    r.add_argument("data")
    r.add_argument("out")
    r.add_argument("--steps", type=int, default=100)
    r.add_argument("--lr", type=float, default=2e-4)
    r.add_argument("--batch-size", type=int, default=1)
    r.add_argument("--max-length", type=int, default=2048)
    r.add_argument("--warmup", type=int, default=0)
    r.add_argument("--seed", type=int, default=0)
    r.add_argument("--device", choices=("auto", "cpu", "cuda"), default="auto")
    r.add_argument("-q", "--quiet", action="store_true")
    r.set_defaults(run=_train)

    e = sub.add_parser("eval", help="exact match, edit distance and test accuracy on a corpus")
    e.add_argument("model")
    e.add_argument("data")
    e.add_argument("--limit", type=int, default=None)
    e.add_argument("--no-tests", action="store_true", help="skip test accuracy (no qemu runs)")
    e.add_argument("--json", default=None, metavar="FILE", help="also write per-record results")
    e.add_argument("-q", "--quiet", action="store_true")
    e.set_defaults(run=_eval)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        print(args.run(args))
    except CrtError as exc:
        print(exc.format(PROG), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
