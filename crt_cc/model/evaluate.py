"""``crt-model eval``: the CRT paper's measures on a paired corpus.

* **exact match**: the prediction equals the compiler's text, comments,
  blank lines and repeated blanks aside (:func:`crt_cc.model.asmtext.normalize`);
* **edit distance**: the paper's character Levenshtein distance between the
  normalised prediction and reference, averaged;
* **test accuracy**: the share of predictions that pass the engine's own
  verification (:mod:`crt_cc.engines.verify`: assemble, symbols, differential
  execution against the lift engine's translation of the record's x86 unit),
  counted over the *testable* records -- those whose reference passes the
  same verification (local functions, variadic ones and anything the harness
  cannot call are not testable).  This is what the engine would accept.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field

from ..diagnostics import CrtError
from ..toolchain.targets import TARGETS, host_tool
from .asmtext import normalize, sanitize_piece
from .config import load_settings
from .prompt import build_prompt, extract_answer
from .train import read_corpus


def levenshtein(a: str, b: str) -> int:
    if len(a) < len(b):
        a, b = b, a
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


@dataclass
class EvalResult:
    n: int = 0
    exact: int = 0
    distance_total: int = 0
    testable: int = 0
    passed: int = 0
    rows: list[dict] = field(default_factory=list)

    @property
    def exact_match(self) -> float:
        return self.exact / self.n if self.n else 0.0

    @property
    def edit_distance(self) -> float:
        return self.distance_total / self.n if self.n else 0.0

    @property
    def test_accuracy(self) -> float:
        return self.passed / self.testable if self.testable else 0.0

    def summary(self) -> str:
        return (f"n={self.n} exact_match={self.exact_match:.3f} edit_distance={self.edit_distance:.1f} "
                f"test_accuracy={self.test_accuracy:.3f} ({self.passed}/{self.testable} testable)")


class _UnitVerifiers:
    """One verifier per x86 unit and target: the lift oracle is built once per unit."""

    def __init__(self, workdir: str):
        self.workdir = workdir
        self.cache: dict[tuple[str, str], object] = {}

    def get(self, unit: str, triple: str):
        key = (hashlib.sha256(unit.encode()).hexdigest(), triple)
        if key not in self.cache:
            self.cache[key] = self._build(unit, triple, key[0][:12])
        return self.cache[key]

    def _build(self, unit: str, triple: str, tag: str):
        from ..engines.verify import verifier_for_object

        d = os.path.join(self.workdir, f"{tag}-{triple}")
        os.makedirs(d, exist_ok=True)
        src, obj_path = os.path.join(d, "unit.s"), os.path.join(d, "unit.o")
        with open(src, "w", encoding="utf-8") as f:
            f.write(unit)
        proc = subprocess.run([host_tool("as"), "--64", src, "-o", obj_path], capture_output=True, text=True)
        if proc.returncode != 0:
            return None
        try:
            return verifier_for_object(obj_path, TARGETS[triple], d, src)
        except CrtError:
            return None


def evaluate(model_dir: str, data: str, *, limit: int | None = None, tests: bool = True,
             log: Callable[[str], None] | None = None) -> EvalResult:
    """Generate a translation for each record of ``data`` and score it (see the module docstring)."""
    from . import runtime

    settings = load_settings(model_dir)
    model = runtime.load(model_dir, settings)
    everything = read_corpus(data)
    units = {r.get("id"): r["x86_unit"] for r in everything if "x86_unit" in r}
    records = everything[:limit] if limit else everything
    result = EvalResult()
    with tempfile.TemporaryDirectory(prefix="crt-eval-") as workdir:
        verifiers = _UnitVerifiers(workdir)
        for k, rec in enumerate(records):
            prompt = build_prompt(settings, rec["target"], rec["x86"], model.bos)
            n_prompt = model.count_tokens(prompt)
            budget = model.budget(n_prompt, model.count_tokens(rec["x86"]))
            prediction = extract_answer(model.generate(prompt, budget).text, model.eos) if budget else ""
            ref, got = normalize(rec["asm"]), normalize(prediction)
            row: dict[str, object] = {"id": rec.get("id", k), "exact": ref == got,
                                      "edit_distance": levenshtein(ref, got)}
            result.n += 1
            result.exact += ref == got
            result.distance_total += int(row["edit_distance"])   # type: ignore[call-overload]
            unit = rec.get("x86_unit") or units.get(rec.get("x86_unit_of"))
            if tests and unit and rec.get("global", True) and rec["target"] in TARGETS:
                verifier = verifiers.get(unit, rec["target"])
                if verifier is not None:
                    name = rec["function"]
                    reference = verifier.verify(name, sanitize_piece(rec["asm"], f"ref{k}"))
                    row["testable"] = reference.passed
                    if reference.passed:
                        result.testable += 1
                        verdict = verifier.verify(name, sanitize_piece(prediction, f"crtm{k}")) if prediction \
                            else None
                        row["test"] = bool(verdict and verdict.passed)
                        result.passed += bool(verdict and verdict.passed)
            result.rows.append(row)
            if log:
                log(f"[{k + 1}/{len(records)}] {row['id']}: exact={row['exact']} "
                    f"distance={row['edit_distance']} test={row.get('test', '-')}")
    return result
