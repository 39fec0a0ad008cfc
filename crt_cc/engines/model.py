"""The model engine: a CRT-style language model translates, verification decides, lift is the net.

For one x86 object (``--crt-engine=model`` here, ``auto`` through :mod:`.auto`):

1. the lift engine translates the whole object.  Its text is the oracle of
   verification, the source of everything a model does not translate (data,
   local functions, glue) and, in auto mode, the fallback;
2. each global function is shown to the model on its own -- in gcc
   ``-masm=intel`` form (:mod:`crt_cc.model.x86text`), inside the prompt
   template -- so long files never meet the context window as a whole;
3. every answer is verified (:mod:`.verify`): it assembles, defines the
   function's global symbol and nothing else global, and behaves like the
   lifted function on generated inputs under qemu;
4. the output is the lifted file with each verified function's lifted
   definition detached (renamed to a local label, its code left in place
   for the other lifted functions that call it directly) and the model's
   definition appended.  Lifted callers keep calling lifted bodies;
   everything that goes through the symbol (native callers, function
   pointers, aliases) gets the model's code.

``model`` fails (exit 1, no output) when any global function has no verified
model translation; ``auto`` uses lift for that function and says why in the
report.  Nothing unverified is ever emitted.

Every verified translation is also kept, with its x86 text, in the example
store next to the cache (:mod:`crt_cc.model.examples`); with
``--crt-model-examples=N`` the N stored pairs most similar to a function (by
cross-ISA embedding) precede its prompt as solved examples, within the room the
answer budget leaves (:func:`_with_examples`).
"""

from __future__ import annotations

import dataclasses
import tempfile
import time
from dataclasses import dataclass, field

from ..diagnostics import CrtError
from ..model import asmtext
from ..model.config import ModelSettings, load_settings
from ..model.prompt import build_prompt, build_prompt_with_examples, extract_answer
from ..toolchain.targets import Target

TYPE_CHECKING = False     # typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:
    from ..model.examples import Example, ExampleStore, Retriever


@dataclass
class _Outcome:
    """What happened to one function."""

    record: dict[str, object]
    piece: str | None = None            # the verified model translation (sanitized)


@dataclass
class _Session:
    obj_path: str
    target: Target
    options: object                      # lift.TranslateOptions: report/warnings are filled here
    model_dir: str | None
    fallback: bool                       # auto: lift where the model fails
    lift_text: str = ""
    lift_records: dict[str, dict] = field(default_factory=dict)
    examples: int = 0                    # few-shot examples per prompt (--crt-model-examples)
    store: ExampleStore | None = None    # verified pairs (None: the cache is off)
    _norm: dict[str, list[list[str]]] | None = None
    _retriever: Retriever | None = None
    _store_problem: bool = False

    def normalized(self, name: str) -> list[list[str]]:
        """The function's normalised instructions (crt_cc.embed), the object normalised once."""
        if self._norm is None:
            from ..model.examples import normalized_functions

            self._norm = normalized_functions(self.obj_path)
        return self._norm.get(name, [])

    def remember(self, name: str, x86: str, answer: str) -> None:
        """Keep a verified pair in the example store; a failure is one warning, never an error."""
        if self.store is None or self.store.read_only or self._store_problem:
            return
        try:
            self.store.add(self.target.triple, name, self.options.source_file, x86, answer,
                           self.normalized(name))
        except Exception as exc:           # noqa: BLE001 - the store is an optimisation
            self._store_problem = True
            self.options.warnings.append(f"verified translations are not kept as model examples: {exc}")

    def nearest_examples(self, name: str) -> list[tuple[Example, float]]:
        """The stored pairs most similar to function ``name`` (best first; [] when none)."""
        if self.examples <= 0 or self.store is None or self._store_problem:
            return []
        try:
            if self._retriever is None:
                from ..model.examples import Retriever

                self._retriever = Retriever(self.store.load(self.target.triple))
            return self._retriever.nearest(self.normalized(name), self.examples)
        except Exception as exc:           # noqa: BLE001 - no examples is still a valid prompt
            self._store_problem = True
            self.options.warnings.append(f"--crt-model-examples: no examples retrieved: {exc}")
            return []


def _lift(session: _Session):
    """The lift engine's translation and its per-function records."""
    from . import lift

    o = session.options
    lopts = dataclasses.replace(o, warnings=[], report=[])    # every lift setting, records of its own
    text = lift.translate_object(session.obj_path, session.target, lopts)
    o.warnings.extend(lopts.warnings)
    return text, {str(r.get("function")): dict(r) for r in lopts.report}, lopts


def _base_record(session: _Session, name: str) -> dict[str, object]:
    rec = {k: v for k, v in session.lift_records.get(name, {}).items() if k not in ("engine", "verified")}
    rec["function"] = name
    return rec


def _use_lift(rec: dict[str, object], reason: str, verification: dict[str, object] | None = None) -> dict:
    rec["engine"] = "lift"
    rec["verified"] = "by construction"
    rec["fallback"] = reason
    rec["verification"] = verification or {"result": "not run"}
    return rec


def _load_model(session: _Session) -> tuple[object | None, ModelSettings | None, str]:
    """(model, settings, '') or (None, settings|None, why not) -- heavy imports happen here only."""
    if not session.model_dir:
        return None, None, "no model: --crt-model=DIR or CRT_MODEL is not set"
    try:
        settings = load_settings(session.model_dir)
        from ..model import runtime

        return runtime.load(session.model_dir, settings), settings, ""
    except CrtError as exc:
        return None, None, f"model unavailable: {exc.message}"


def translate_object(obj_path: str, target: Target, options, model_dir: str | None,
                     fallback: bool = False, examples: int | None = None,
                     store: ExampleStore | None = None) -> str:
    """Translate an x86 object with the model where verified (see the module docstring).

    ``examples``: few-shot examples per prompt (None: the model settings' ``examples``, 0 by
    default); ``store``: the example store verified pairs go to and come from (None: neither).
    """
    session = _Session(obj_path, target, options, model_dir, fallback, store=store)
    if not fallback and not model_dir:
        raise CrtError("--crt-engine=model needs a model: use --crt-model=DIR or set CRT_MODEL "
                       "(--crt-engine=auto falls back to the lift engine)", options.source_file)
    if options.source_isa != "x86_64":
        why = f"the model engine translates x86-64 code only, not {options.source_isa}"
        if not fallback:
            raise CrtError(f"--crt-engine=model: {why}", options.source_file)
        text, session.lift_records, _ = _lift(session)
        options.report.extend(_use_lift(_base_record(session, name), why) for name in session.lift_records)
        return text
    session.lift_text, session.lift_records, lopts = _lift(session)

    from ..frontend.elfobj import read_object
    from ..lift.module import ModuleLifter

    obj = read_object(obj_path, options.source_file)
    ml = ModuleLifter(obj, target, lopts)
    ml.prepare()
    from .harness import target_regs

    if target_regs(target.triple) is None:   # checked before paying for a model that cannot be verified
        model, settings, why = None, None, f"verification is not available for {target.triple} yet"
    else:
        model, settings, why = _load_model(session)
    if model is None and not fallback:
        raise CrtError(f"--crt-engine=model: {why}", options.source_file)
    if settings is not None:
        session.examples = settings.examples if examples is None else examples
        if session.examples > 0 and store is None:
            options.warnings.append("--crt-model-examples: no verified examples to show (the example "
                                    "store lives in the translation cache, which is off)")

    outcomes: dict[str, _Outcome] = {}
    with tempfile.TemporaryDirectory(prefix="crt-verify-") as workdir:
        from .verify import Verifier

        verifier = None
        if model is not None:
            verifier = Verifier(target, session.lift_text, obj, ml.functions, session.lift_records, ml,
                                workdir, settings.vectors)
        try:
            for k, fn in enumerate(ml.functions):
                rec = _base_record(session, fn.name)
                if not fn.exported:
                    outcomes[fn.name] = _Outcome(_use_lift(rec, "local function (the model replaces global "
                                                                "functions only)"))
                    continue
                if model is None:
                    outcomes[fn.name] = _Outcome(_use_lift(rec, why))
                    continue
                outcome = _translate_function(session, model, settings, verifier, obj, fn, k, rec)
                outcomes[fn.name] = outcome
                if outcome.piece is None and not fallback:
                    raise CrtError(f"--crt-engine=model: no verified translation of '{fn.name}': "
                                   f"{outcome.record['fallback']} (nothing unverified is used; "
                                   "--crt-engine=auto falls back to the lift engine)", options.source_file)
            text = _combine(session, outcomes, verifier)
        finally:
            options.report.extend(o.record for o in outcomes.values())
    return text


def _translate_function(session: _Session, model, settings: ModelSettings, verifier, obj, fn, k: int,
                        rec: dict[str, object]) -> _Outcome:
    from ..model.x86text import function_text

    x86 = function_text(obj, fn)
    prompt = build_prompt(settings, session.target.triple, x86, model.bos)
    n_prompt = model.count_tokens(prompt)
    n_x86 = model.count_tokens(x86)
    budget = model.budget(n_prompt, n_x86)
    if budget < min(n_x86, 64):
        return _Outcome(_use_lift(rec, f"too long for the context window ({n_prompt} prompt tokens, "
                                       f"window {model.window})"))
    shown: list[dict[str, object]] | None = None
    if session.examples > 0:
        prompt, shown = _with_examples(session, model, settings, fn.name, x86, budget, n_x86, prompt)
    start = time.monotonic()
    gen = model.generate(prompt, budget)
    answer = extract_answer(gen.text, model.eos)
    rec["model"] = {"prompt_tokens": gen.prompt_tokens, "new_tokens": gen.new_tokens,
                    "generate_seconds": round(gen.seconds, 3)}
    if shown is not None:
        rec["model"]["examples"] = shown     # type: ignore[index]
    if not answer:
        return _Outcome(_use_lift(rec, "the model gave an empty answer"))
    piece = asmtext.sanitize_piece(answer, f"crtm{k}")
    verdict = verifier.verify(fn.name, piece)
    rec["model"]["verify_seconds"] = round(time.monotonic() - start - gen.seconds, 3)   # type: ignore[index]
    if not verdict.passed:
        return _Outcome(_use_lift(rec, f"model translation rejected ({verdict.stage}): {verdict.detail}",
                                  verdict.record()))
    rec["engine"] = "model"
    rec["verified"] = f"differential execution against the lift translation ({verdict.inputs} inputs)"
    rec["verification"] = verdict.record()
    session.remember(fn.name, x86, answer)   # the model's own text: what a later prompt shows
    return _Outcome(rec, verdict.piece)      # exactly what was tested (with its .set aliases)


def _with_examples(session: _Session, model, settings: ModelSettings, name: str, x86: str,
                   budget: int, n_x86: int, prompt: str) -> tuple[str, list[dict[str, object]]]:
    """The prompt with the most similar verified pairs before it, and what was shown (for the report).

    Examples only use context the answer does not need: one is added (best first) only if the
    answer budget stays what it is without examples; one that does not fit is skipped.  In the
    prompt the most similar example comes last, right before the question.
    """
    chosen: list[tuple[Example, float]] = []
    for ex, score in session.nearest_examples(name):
        trial = chosen + [(ex, score)]
        text = build_prompt_with_examples(settings, session.target.triple, x86,
                                          [(e.x86, e.asm) for e, _s in reversed(trial)], model.bos)
        if model.budget(model.count_tokens(text), n_x86) >= budget:
            chosen, prompt = trial, text
    return prompt, [{"function": e.function, "source": e.source, "score": round(s, 4)} for e, s in chosen]


def splice(lift_text: str, pieces: dict[str, str]) -> str | None:
    """The lifted text with each function in ``pieces`` defined by its piece instead (None: impossible)."""
    text = lift_text
    tail = []
    for k, (name, piece) in enumerate(pieces.items()):
        detached = asmtext.detach_definition(text, name, f".Lcrt_lifted.{k}")
        if detached is None:
            return None
        text = detached
        tail.append(asmtext.strip_binding(piece, name))
    return text + "".join(tail)


def _combine(session: _Session, outcomes: dict[str, _Outcome], verifier) -> str:
    pieces = {name: o.piece for name, o in outcomes.items() if o.piece is not None}
    if not pieces:
        return session.lift_text
    text = splice(session.lift_text, pieces)
    problem = "" if text is not None else "cannot splice the translations into the lifted file"
    if text is not None and len(pieces) > 1:
        # Each piece assembled spliced alone; together they may still clash (two equal labels).
        obj, err = verifier.assemble(text, "combined")
        if obj is None:
            problem = f"the verified translations do not assemble together: {err}"
    if not problem:
        return text   # type: ignore[return-value]
    if not session.fallback:
        raise CrtError(f"--crt-engine=model: {problem}", session.options.source_file)
    for name in pieces:
        rec = outcomes[name].record
        _use_lift(rec, problem, dict(rec.get("verification") or {}))   # type: ignore[arg-type]
        outcomes[name].piece = None
    return session.lift_text

