"""Loading a local causal LM and generating translations with it (torch + transformers).

Only the model engine and the ``crt-model`` tools import this module, and
only when they are about to use a model: ``import torch`` and
``import transformers`` cost seconds, and ``crt-cc --version``, plain lift
builds and cache hits must not pay for them.

Models are loaded from local directories only (``local_files_only`` and
``HF_HUB_OFFLINE``): a build must never reach the network.  Decoding is
greedy unless beams are asked for, with sampling off, so the same model and
prompt always give the same text (on the same device).
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass

from ..diagnostics import CrtError
from .config import ModelSettings
from .prompt import FENCE

_loaded: dict[tuple[str, ModelSettings], LoadedModel] = {}


def import_stack():
    """(torch, transformers), or a diagnostic saying how to install them."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_NO_ADVISORY_WARNINGS", "1")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    try:
        import torch
        import transformers
    except ImportError as exc:
        raise CrtError(f"the model engine needs torch and transformers ({exc}); install them with "
                       "\"pip install 'crt-cc[model]'\" or 'make setup'") from None
    transformers.logging.set_verbosity_error()
    transformers.logging.disable_progress_bar()
    return torch, transformers


def check_model_dir(model_dir: str | None) -> str:
    """The model directory, or a diagnostic naming what is wrong with it."""
    if not model_dir:
        raise CrtError("no model given: use --crt-model=DIR or set CRT_MODEL "
                       "(a local Hugging Face model directory; 'crt-model tiny DIR' makes a test model)")
    if not os.path.isdir(model_dir):
        raise CrtError(f"model directory '{model_dir}' does not exist (models are loaded from local "
                       "directories only, never downloaded)")
    if not os.path.isfile(os.path.join(model_dir, "config.json")):
        raise CrtError(f"'{model_dir}' is not a Hugging Face model directory (it has no config.json)")
    return model_dir


def pick_device(torch, wanted: str) -> str:
    if wanted == "cuda" and not torch.cuda.is_available():
        raise CrtError("CRT_MODEL_DEVICE=cuda, but torch sees no CUDA device")
    if wanted == "auto":
        return "cuda" if torch.cuda.is_available() else "cpu"
    return wanted


@dataclass
class Generation:
    """One model answer and what it cost."""

    text: str
    prompt_tokens: int
    new_tokens: int
    seconds: float


class LoadedModel:
    """A tokenizer and causal LM on a device, ready to translate."""

    def __init__(self, model_dir: str, settings: ModelSettings):
        torch, transformers = import_stack()
        self.torch = torch
        self.settings = settings
        self.model_dir = model_dir
        self.device = pick_device(torch, settings.device)
        try:
            self.tokenizer = transformers.AutoTokenizer.from_pretrained(model_dir, local_files_only=True)
            dtype = torch.float32
            if self.device == "cuda":
                dtype = torch.bfloat16 if torch.cuda.is_bf16_supported() else torch.float16
            self.model = transformers.AutoModelForCausalLM.from_pretrained(
                model_dir, local_files_only=True, dtype=dtype)
        except (OSError, ValueError, KeyError) as exc:
            raise CrtError(f"cannot load the model in '{model_dir}': {str(exc).splitlines()[0]}") from None
        self.model.eval()
        if settings.quantize == "int8":
            if self.device != "cpu":
                raise CrtError("dynamic int8 quantisation runs on the CPU; set CRT_MODEL_DEVICE=cpu "
                               "(or \"device\": \"cpu\" in crt_model.json)")
            import warnings

            with warnings.catch_warnings():      # torch deprecates the quantised tensor API it uses
                warnings.simplefilter("ignore")
                self.model = torch.ao.quantization.quantize_dynamic(self.model, {torch.nn.Linear},
                                                                    dtype=torch.qint8)
        self.model.to(self.device)
        if self.device == "cpu" and sum(p.numel() for p in self.model.parameters()) < 50_000_000:
            # A small model is latency-bound: thread hand-offs cost more than they save (10x on a
            # busy 2-core machine); large models keep torch's default.
            torch.set_num_threads(1)
        cfg = self.model.config
        self.window = settings.context_window or int(getattr(cfg, "max_position_embeddings", 0) or 2048)
        self.eos = self.tokenizer.eos_token or ""
        self.bos = self.tokenizer.bos_token or ""

    def count_tokens(self, text: str) -> int:
        return len(self.tokenizer(text, add_special_tokens=False)["input_ids"])

    def budget(self, prompt_tokens: int, x86_tokens: int) -> int:
        """New tokens allowed for one answer: the setting, else 3 x the x86 input + 256, in the window."""
        wanted = self.settings.max_new_tokens or 3 * x86_tokens + 256
        return max(0, min(wanted, self.window - prompt_tokens))

    def generate(self, prompt: str, max_new_tokens: int) -> Generation:
        torch = self.torch
        from transformers import GenerationConfig, StoppingCriteria, StoppingCriteriaList

        enc = self.tokenizer(prompt, return_tensors="pt", add_special_tokens=False)
        ids = enc["input_ids"].to(self.device)
        n_prompt = ids.shape[1]
        tokenizer = self.tokenizer

        class FenceStop(StoppingCriteria):
            """Stop once the answer's closing fence has been generated."""

            def __call__(self, input_ids, scores, **kwargs):
                tails = [tokenizer.decode(row[n_prompt:][-6:], skip_special_tokens=True) for row in input_ids]
                return torch.tensor([FENCE in t for t in tails], dtype=torch.bool, device=input_ids.device)

        pad = self.tokenizer.pad_token_id if self.tokenizer.pad_token_id is not None else self.tokenizer.eos_token_id
        config = GenerationConfig(max_new_tokens=max_new_tokens, do_sample=False,
                                  num_beams=self.settings.num_beams, num_return_sequences=1,
                                  eos_token_id=self.tokenizer.eos_token_id, pad_token_id=pad)
        start = time.monotonic()
        with torch.no_grad():
            out = self.model.generate(input_ids=ids, attention_mask=torch.ones_like(ids),
                                      generation_config=config,
                                      stopping_criteria=StoppingCriteriaList([FenceStop()]))
        new = out[0][n_prompt:]
        text = self.tokenizer.decode(new, skip_special_tokens=True, clean_up_tokenization_spaces=False)
        return Generation(text, n_prompt, int(new.shape[0]), time.monotonic() - start)


def load(model_dir: str | None, settings: ModelSettings) -> LoadedModel:
    """The model in ``model_dir`` (loaded once per process and settings)."""
    path = os.path.abspath(check_model_dir(model_dir))
    key = (path, settings)
    if key not in _loaded:
        _loaded[key] = LoadedModel(path, settings)
    return _loaded[key]
