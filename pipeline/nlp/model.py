"""Loading the NER pipeline: the bundled model, an installed spaCy package or a folder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import spacy
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.nlp.titles import ABBREVIATIONS

BUNDLED = "ldpub_ner_gmb"
BUNDLED_PATH = Path(__file__).resolve().parent.parent / "models" / BUNDLED


class ModelError(ValueError):
    """The requested NER model cannot be found or loaded."""


def add_title_abbreviations(nlp: Language) -> Language:
    """Keep "Maj.", "Brig." etc. one token, so a title neither loses its dot nor ends a sentence."""
    for abbreviation in ABBREVIATIONS:
        nlp.tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])
    return nlp


@spacy.registry.callbacks("ldpub.title_abbreviations.v1")
def title_abbreviations_callback() -> Callable[[Language], Language]:
    """Training-time hook (``[initialize.before_init]``): the saved tokenizer keeps the cases."""
    return add_title_abbreviations


@Language.component("ldpub_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break: a heading or paragraph never runs into the next.

    The line break itself stays with the sentence before it, so no sentence is only whitespace.
    """
    for token in doc[1:]:
        if token.is_space:
            token.is_sent_start = False
        elif "\n" in doc[token.i - 1].text_with_ws:
            token.is_sent_start = True
    return doc


def _installed() -> list[str]:
    return sorted(spacy.util.get_installed_models())


def model_source(name_or_path: str = BUNDLED) -> str | Path:
    """What spaCy loads for ``name_or_path``: a folder, or an installed package's name."""
    if name_or_path == BUNDLED:
        if not (BUNDLED_PATH / "config.cfg").is_file():
            raise ModelError(
                f"The bundled model is missing from {BUNDLED_PATH}; train it with "
                "'ldpub train-ner' or choose an installed spaCy package or a model folder."
            )
        path: str | Path = BUNDLED_PATH
    elif Path(name_or_path).is_dir():
        path = Path(name_or_path)
    elif spacy.util.is_package(name_or_path):
        path = name_or_path
    else:
        installed = ", ".join(_installed()) or "none installed"
        raise ModelError(
            f"Unknown NER model {name_or_path!r}: use {BUNDLED!r} (bundled), an installed spaCy "
            f"package ({installed}) or the path of a folder written by spaCy's nlp.to_disk."
        )
    return path


def model_folder(name_or_path: str = BUNDLED) -> Path:
    """The folder holding the model's files (an installed package's too), to fingerprint it."""
    source = model_source(name_or_path)
    return source if isinstance(source, Path) else spacy.util.get_package_path(source)


def load_model(name_or_path: str = BUNDLED) -> Language:
    """The NER pipeline ``name_or_path`` names, ready to split sentences and find names."""
    path = model_source(name_or_path)
    try:
        nlp = spacy.load(path)
    except (OSError, ValueError) as exc:
        raise ModelError(f"Cannot load NER model {str(path)!r}: {exc}") from exc
    if "ner" not in nlp.pipe_names:
        raise ModelError(f"The spaCy pipeline {str(path)!r} has no 'ner' component.")
    add_title_abbreviations(nlp)
    if not {"parser", "senter", "sentencizer"} & set(nlp.pipe_names):
        nlp.add_pipe("ldpub_line_breaks", first=True)
        nlp.add_pipe("sentencizer", after="ldpub_line_breaks")
    return nlp
