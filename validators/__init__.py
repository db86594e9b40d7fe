"""The dossier model, rule profiles, the checks that return findings, and the verdict."""

from .assess import assess
from .dossier import Dossier, DossierFile, FileError
from .model import Result
from .profiles import DEFAULT_PROFILE, Profile, ProfileError, describe_profiles, load_profile, profile_names

__all__ = [
    "DEFAULT_PROFILE",
    "Dossier",
    "DossierFile",
    "FileError",
    "Profile",
    "ProfileError",
    "Result",
    "assess",
    "describe_profiles",
    "load_profile",
    "profile_names",
]
