"""Small Vietnamese-language helpers shared by several stages (dates, casing, codes)."""
