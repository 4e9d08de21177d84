"""Knowledge: catalogs of weapons, states, places, actors and outlets, and one matcher over them."""

from __future__ import annotations

from enduse.knowledge.catalog import Knowledge
from enduse.knowledge.loader import cached_knowledge, load_knowledge
from enduse.knowledge.matcher import Matcher, build_matcher

__all__ = ["Knowledge", "Matcher", "build_matcher", "cached_knowledge", "load_knowledge"]
