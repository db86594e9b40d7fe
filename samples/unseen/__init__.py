"""Dossiers written in wordings the extraction rules were never written against (``make eval-unseen``)."""
