"""The dossier model, rule profiles, the checks that return findings, and the verdict."""

from .assess import assess
from .dossier import Dossier, DossierFile, FileError
from .model import Result

__all__ = ["Dossier", "DossierFile", "FileError", "Result", "assess"]
