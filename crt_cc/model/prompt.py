"""Prompts in and answers out: the text protocol between crt-cc and a model.

Training (``crt-model train``) and inference (the engine) must agree on it to
the byte, so both go through here.  A training example is the prompt followed
by the answer, a closing fence and the EOS token -- the format of the CRT
paper's training script; at inference the model continues after the prompt and
its answer ends at the first closing fence (or EOS).
"""

from __future__ import annotations

from .config import ModelSettings

FENCE = "```"
#: What follows the answer in a training example (before the EOS token).
ANSWER_END = "\n" + FENCE


def build_prompt(settings: ModelSettings, target: str, x86: str, bos: str = "") -> str:
    """The prompt for one function (``x86``: the function in the model's syntax)."""
    text = settings.template
    for key, value in (("{bos}", bos), ("{target}", settings.target_name(target))):
        text = text.replace(key, value)
    # The code goes in last, so braces or placeholder-like text inside it stay as they are.
    code = x86.rstrip("\n")
    return text.replace("{asm_x86}", "{x86}").replace("{x86}", code)


def build_prompt_with_examples(settings: ModelSettings, target: str, x86: str,
                               examples: list[tuple[str, str]], bos: str = "") -> str:
    """The prompt for one function, preceded by solved examples ``(x86, target asm)``.

    Each example is the template filled with its x86 code and followed by its answer and the
    closing fence -- exactly a training example without the EOS token -- then a blank line; the
    query's own prompt comes last, so the model continues it as usual.  ``{bos}`` is filled only
    where the text begins.  Any template works this way (no assumption about its sections);
    the CRT template repeats its one-line preamble per example.  With no examples this is
    :func:`build_prompt`, byte for byte.
    """
    parts = []
    for i, (ex_x86, ex_asm) in enumerate(examples):
        parts.append(build_prompt(settings, target, ex_x86, bos if i == 0 else "")
                     + ex_asm.rstrip("\n") + ANSWER_END + "\n\n")
    parts.append(build_prompt(settings, target, x86, "" if examples else bos))
    return "".join(parts)


def training_text(prompt: str, answer: str, eos: str) -> tuple[str, str]:
    """(prompt, completion) of a training example; the loss is taken on the completion only."""
    return prompt, answer.rstrip("\n") + ANSWER_END + eos


def extract_answer(generated: str, eos: str | None = None) -> str:
    """The target assembly in a model's continuation: up to the closing fence or EOS."""
    text = generated
    if eos:
        text = text.split(eos, 1)[0]
    # A chat-style model may re-open the block; take what follows the last opening fence.
    if text.lstrip().startswith(FENCE):
        text = text.lstrip()[len(FENCE):].split("\n", 1)[-1]
    text = text.split(FENCE, 1)[0]
    return text.strip("\n") + "\n" if text.strip() else ""
