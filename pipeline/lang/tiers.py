"""Administrative tiers: which level of government a body's name belongs to.

Shared by segment (the plan's own issuer) and compare (the issuer of a cited
document, read from its name the same way).
"""

from __future__ import annotations

from pipeline import patterns


def issuer_level(issuer: str) -> str:
    """national, province, district, commune (People's Committees by tier) or agency."""
    low = issuer.lower()
    header = patterns.load("header")
    for position in header["position_prefixes"]:
        low = low.removeprefix(position + " ")
    if low.startswith(("ủy ban nhân dân", "uỷ ban nhân dân")):
        rest = low.split("nhân dân", 1)[1].strip()
        for level, words in header["tiers"].items():
            if rest.startswith(tuple(words)):
                return level
        if rest.startswith("thành phố"):
            city = rest.removeprefix("thành phố").strip()
            return "province" if not city or city in header["central_cities"] else "district"
        return ""
    if any(w in low for w in header["national_words"]) or low.startswith("bộ "):
        return "national"
    return "agency" if issuer else ""
