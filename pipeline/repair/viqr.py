"""VIQR: Vietnamese typed in ASCII ("Vie^.t Nam", "DDa^`u tu+"), from mail and old forums.

Why a decoder of its own and a strict detector: VIQR marks a letter by the
ASCII sign typed after it, ``(`` breve, ``^`` circumflex, ``+`` horn, then the
tone ``'`` sắc, ````` huyền, ``?`` hỏi, ``~`` ngã, ``.`` nặng, and ``dd``/``d9``
for đ. These signs are ordinary punctuation too ("don't", "Why?", "end."), so a
document is read as VIQR only when it clearly is: its letters are ASCII, a good
share of its words carry a sign between two letters or a hat after a vowel,
and decoding turns many more of its words into syllables. A sign at the end of
a word is a tone when it makes a syllable; ``?`` and ``.`` there are a question
mark or a full stop at the line's end, unless the word is no syllable without
the tone ("thi đua." keeps its stop, "Tu+. do" and "Bo^. Chi'nh" do not). A
word that carries a tone already takes no other ("ho'a." keeps its stop).
"""

from __future__ import annotations

import re
import unicodedata

from pipeline.lang.syllables import is_syllable

TONES = {"'": "\u0301", "`": "\u0300", "?": "\u0309", "~": "\u0303", ".": "\u0323"}
SHAPES = {"a(": "ă", "a^": "â", "e^": "ê", "o^": "ô", "o+": "ơ", "u+": "ư"}
VOWELS = "aăâeêioôơuưy"
# Words with a VIQR sign inside them, among all words, in a document that is VIQR.
MIN_MARKED = 0.15
MIN_MARKED_WORDS = 5
MAX_NON_ASCII = 0.01  # share of letters outside ASCII: VIQR has none
_D = re.compile(r"(?<![A-Za-z])([dD])[dD9](?=[aeiouyAEIOUY])")
_SHAPE = re.compile(r"([aAeEoOuU])([(^+])")
_WORD = re.compile(rf"[^\W\d_]+(?:[{re.escape(''.join(TONES))}](?:[^\W\d_]+|$|(?=\W)))*")
_MARKED = re.compile(r"[A-Za-z](?:[(^+]['`?~.]?|['`?~.])[A-Za-z]|(?<![A-Za-z])[dD][dD9][aeiouy]")


def looks_like_viqr(text: str) -> bool:
    """Whether ``text`` is clearly VIQR: ASCII letters, and many words signed inside."""
    letters = [c for c in text if c.isalpha()]
    if not letters or sum(not c.isascii() for c in letters) > MAX_NON_ASCII * len(letters):
        return False
    words = text.split()
    marked = sum(bool(_MARKED.search(w)) for w in words)
    return marked >= MIN_MARKED_WORDS and marked >= MIN_MARKED * len(words)


def decode(text: str) -> str:
    """The VIQR text in Unicode (NFC); signs that are punctuation stay."""
    text = _D.sub(lambda m: "Đ" if m.group(1) == "D" else "đ", text)
    text = _SHAPE.sub(_shape, text)
    return unicodedata.normalize("NFC", _WORD.sub(_word, text))


def _shape(m: re.Match[str]) -> str:
    vowel, sign = m.groups()
    shaped = SHAPES.get(vowel.lower() + sign)
    if shaped is None:
        return m.group(0)
    return shaped.upper() if vowel.isupper() else shaped


def _word(m: re.Match[str]) -> str:
    """Tone signs after a vowel inside the word applied; the one at its end if it makes a syllable."""
    word = m.group(0)
    end = word[-1] if word[-1] in TONES else ""
    body = _tones(word[:-1] if end else word)
    if not end or body[-1:].lower() not in VOWELS or not is_syllable(body + TONES[end]):
        return body + end
    if end in "?." and is_syllable(body) and not m.string[m.end():].split("\n", 1)[0].strip():
        return body + end
    return body + TONES[end]


def _tones(word: str) -> str:
    out: list[str] = []
    for c in word:
        if c in TONES and out and out[-1].lower() in VOWELS:
            out.append(TONES[c])
        else:
            out.append(c)
    return "".join(out)
