"""Reading figures with spaCy: a Vietnamese tokenizer, a concept lexicon and structures kept as data.

``pipeline`` builds the spaCy pipeline (tokens, parsed numbers, concepts from ``lexicon.yaml``);
``structures`` matches the patterns of ``structures.yaml`` over a document's lines and returns the
figures they read and the places where nothing may be read (targets, "… trở lên"). A new wording is
a change to the two YAML files, never to the code.
"""

from .pipeline import analyse, get_nlp
from .structures import StructureReader, default_reader

__all__ = ["StructureReader", "analyse", "default_reader", "get_nlp"]
