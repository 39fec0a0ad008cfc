"""Settings of the model engine: where they come from and what goes into the cache key.

A model directory is a Hugging Face checkpoint (``config.json``, weights,
tokenizer files) plus an optional ``crt_model.json`` that says how crt-cc
should talk to *this* model: its prompt template, what it calls the target,
decoding options.  Keeping that file next to the weights means the cache key,
which hashes the whole directory (:func:`crt_cc.cache.tree_digest`), changes
whenever the way the model is used changes.  A few environment variables
override the file for experiments; :func:`settings_key` returns them so the
pipeline can put them into the key as well.

Imports nothing heavy: the pipeline calls this on cache lookups.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, replace

from ..diagnostics import CrtError

#: The prompt of the CRT paper's published checkpoints (ahmedheakl/asm2asm, training script and
#: inference.py): a DeepSeek-Coder instruction prompt whose answer opens a fenced ``asm`` block.
#: ``{bos}`` is the tokenizer's BOS token, ``{target}`` the target's name (TARGET_NAMES),
#: ``{x86}`` the function in the syntax the model expects.
CRT_TEMPLATE = (
    "{bos}You are a helpful coding assistant assistant on converting from x86 to {target} assembly.\n"
    "### Instruction:\n"
    "Convert this x86 assembly into {target}\n"
    "```asm\n"
    "{x86}\n"
    "```\n"
    "### Response:\n"
    "```asm\n"
)

#: What the CRT prompts call each target.
TARGET_NAMES: dict[str, str] = {
    "aarch64-linux-gnu": "ARM",
    "riscv64-linux-gnu": "RISC-V",
    "arm-linux-gnueabi": "ARMv5",
}

SETTINGS_FILE = "crt_model.json"

#: Environment overrides (variable -> setting), all part of the cache key.
ENV_OVERRIDES: dict[str, str] = {
    "CRT_MODEL_BEAMS": "num_beams",
    "CRT_MODEL_MAX_NEW_TOKENS": "max_new_tokens",
    "CRT_MODEL_QUANTIZE": "quantize",
    "CRT_MODEL_DEVICE": "device",
    "CRT_MODEL_TEMPLATE": "template_file",
    "CRT_MODEL_VECTORS": "vectors",
    "CRT_MODEL_EXAMPLES": "examples",
}


@dataclass(frozen=True)
class ModelSettings:
    """How the engine uses one model (defaults: the CRT checkpoints' conventions)."""

    template: str = CRT_TEMPLATE
    target_names: tuple[tuple[str, str], ...] = tuple(TARGET_NAMES.items())   # hashable: settings key a cache
    syntax: str = "intel"                 # how x86 code is shown to the model: gcc -masm=intel style
    num_beams: int = 1                    # 1: greedy decoding
    max_new_tokens: int | None = None     # None: 3 x the prompt's x86 tokens + 256, within the window
    context_window: int | None = None     # None: the model's max_position_embeddings
    quantize: str = "none"                # none | int8 (dynamic, CPU)
    device: str = "auto"                  # auto | cpu | cuda
    vectors: int = 16                     # generated inputs per function in verification
    examples: int = 0                     # verified translations shown as few-shot examples (0: none)

    def target_name(self, triple: str) -> str:
        return dict(self.target_names).get(triple, triple)


def _coerce(name: str, value: object) -> object:
    ints = {"num_beams", "max_new_tokens", "context_window", "vectors", "examples"}
    if name in ints:
        if value is None:
            return None
        try:
            number = int(value)   # type: ignore[call-overload]
        except (TypeError, ValueError):
            raise CrtError(f"model setting '{name}' must be an integer, not {value!r}") from None
        if number < (0 if name == "examples" else 1):
            raise CrtError(f"model setting '{name}' must be at least {0 if name == 'examples' else 1}")
        return number
    if name == "quantize" and value not in ("none", "int8"):
        raise CrtError(f"model setting 'quantize' must be 'none' or 'int8', not {value!r}")
    if name == "device" and value not in ("auto", "cpu", "cuda"):
        raise CrtError(f"model setting 'device' must be 'auto', 'cpu' or 'cuda', not {value!r}")
    if name == "syntax" and value != "intel":
        raise CrtError(f"model setting 'syntax' must be 'intel' (gcc -masm=intel), not {value!r}")
    return value


def load_settings(model_dir: str | None, env: Mapping[str, str] | None = None) -> ModelSettings:
    """``DIR/crt_model.json`` (when present), then the ``CRT_MODEL_*`` environment overrides."""
    env = os.environ if env is None else env
    values: dict[str, object] = {}
    if model_dir:
        path = os.path.join(model_dir, SETTINGS_FILE)
        if os.path.isfile(path):
            try:
                with open(path, encoding="utf-8") as f:
                    data = json.load(f)
            except (OSError, ValueError) as exc:
                raise CrtError(f"cannot read model settings: {exc}", path) from None
            if not isinstance(data, dict):
                raise CrtError("model settings must be a JSON object", path)
            known = {f for f in ModelSettings.__dataclass_fields__} | {"template_file"}
            unknown = sorted(set(data) - known)
            if unknown:
                raise CrtError(f"unknown model setting(s): {', '.join(unknown)}", path)
            values.update(data)
            if "template_file" in values:
                values["template_file"] = os.path.join(model_dir, str(values["template_file"]))
    for var, name in ENV_OVERRIDES.items():
        if env.get(var, "").strip():
            values[name] = env[var].strip()
    template_file = values.pop("template_file", None)
    if template_file:
        try:
            with open(str(template_file), encoding="utf-8") as f:
                values["template"] = f.read()
        except OSError as exc:
            raise CrtError(f"cannot read prompt template: {exc.strerror}", str(template_file)) from None
    if "target_names" in values:
        names = dict(TARGET_NAMES)
        names.update(dict(values["target_names"]))   # type: ignore[call-overload]
        values["target_names"] = tuple(sorted(names.items()))
    settings = ModelSettings()
    coerced = {k: _coerce(k, v) for k, v in values.items()}
    settings = replace(settings, **coerced)
    if "{x86}" not in settings.template and "{asm_x86}" not in settings.template:
        raise CrtError("the prompt template has no '{x86}' placeholder")
    return settings


def settings_key(env: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment overrides in effect (the settings file is hashed with the weights)."""
    env = os.environ if env is None else env
    key = {var: env[var].strip() for var in ENV_OVERRIDES if env.get(var, "").strip()}
    path = key.get("CRT_MODEL_TEMPLATE")
    if path:
        try:
            with open(path, "rb") as f:
                import hashlib
                key["CRT_MODEL_TEMPLATE"] = hashlib.sha256(f.read()).hexdigest()
        except OSError:
            key["CRT_MODEL_TEMPLATE"] = "unreadable"
    return key


def write_settings(model_dir: str, **values: object) -> None:
    """Write ``crt_model.json`` (used by ``crt-model tiny`` and ``train``)."""
    with open(os.path.join(model_dir, SETTINGS_FILE), "w", encoding="utf-8") as f:
        json.dump(values, f, indent=2, sort_keys=True)
        f.write("\n")
