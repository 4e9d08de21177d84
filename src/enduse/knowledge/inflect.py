"""Case forms of Russian and Ukrainian class words, so the catalog need not list them all.

A weapon class in these languages is listed once, in the nominative plural ("танки",
"винищувачі"); the text has it in any case ("танков", "винищувачів", "літаками"). A noun's
plural nominative ending (-ы/-и/-і) comes off and the common noun endings of both numbers go
on. This over-generates (some forms are not words), which costs nothing: a form that is not a
word never occurs in text. Only single lower-case words with a stem of four letters or more
are inflected, so abbreviations ("ПТРК") and short stems that would make common words ("мин")
are left as listed.
"""

from __future__ import annotations

_ENDINGS = {
    "ru": ("", "а", "у", "ом", "ем", "е", "ы", "и", "ов", "ей", "ам", "ями", "ами", "ах", "ях"),
    "uk": ("", "а", "у", "ом", "ем", "і", "и", "ів", "ей", "ам", "ями", "ами", "ах", "ях"),
}
_PLURAL_ENDINGS = ("ы", "и", "і")


def case_forms(phrase: str, lang: str) -> list[str]:
    """Other case forms of a one-word class phrase in `lang`; none for other phrases."""
    endings = _ENDINGS.get(lang)
    if endings is None or " " in phrase or not phrase.islower() or not phrase.endswith(_PLURAL_ENDINGS):
        return []
    stem = phrase[:-1]
    if len(stem) < 4:
        return []
    return [stem + e for e in endings if stem + e != phrase]
