"""Claim extraction: typed claims with evidence, claimant, citation chain, dates and hedging."""

from enduse.extract.claims import EXTRACTOR_VERSION, extract

__all__ = ["EXTRACTOR_VERSION", "extract"]
