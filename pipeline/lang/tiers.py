"""Administrative tiers: the tier words (tỉnh, huyện, xã ...) and the level of government
a body's name belongs to.

The words and their levels are data (``patterns/tiers.yaml``), written once for every
stage: segment (the plan's own issuer, letterhead casing), repair (place names after a
tier word), compare (the issuer of a cited document, bodies lined up across plans).
"""

from __future__ import annotations

from functools import cache

from pipeline import patterns
from pipeline.models import IssuerLevel


@cache
def tier_words() -> tuple[str, ...]:
    """Every tier word, lower case, a word before any word it ends with ("thị xã" before "xã")."""
    return tuple(patterns.load("tiers")["tiers"])


@cache
def tier_alternation() -> str:
    """The tier words as a regex alternation (no group), for "<tier> <Name>" patterns."""
    return "|".join(tier_words())


def issuer_level(issuer: str) -> IssuerLevel:
    """national, province, district, commune (People's Committees by tier) or agency."""
    low = issuer.lower()
    header = patterns.load("header")
    table = patterns.load("tiers")
    for position in header["position_prefixes"]:
        low = low.removeprefix(position + " ")
    if low.startswith(("ủy ban nhân dân", "uỷ ban nhân dân")):
        rest = low.split("nhân dân", 1)[1].strip()
        for word, level in table["tiers"].items():
            if rest.startswith(word):
                if level != "city":
                    return level
                city = rest.removeprefix(word).strip()
                return "province" if not city or city in table["central_cities"] else "district"
        return ""
    if any(w in low for w in header["national_words"]) or low.startswith("bộ "):
        return "national"
    if low.startswith(tuple(h + " " for h in header["central_heads"])) and not any(
            f" {t} " in f" {low} " for t in tier_words()):
        return "national"  # "Cục Thuế" of a ministry; "Cục Thuế tỉnh ..." is a local agency
    return "agency" if issuer else ""
