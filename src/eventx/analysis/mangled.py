"""Read the mangled HTML entities of wire feeds as the characters they stand for.

Feeds that lost the ampersand of an entity leave "Russia #39;s parliament",
" quot;They went", "Labour  amp; Sharon": the parser reads "#39;s" as a number
and loses the possessive.  Each is replaced by its character padded with
spaces to the same length, so every offset into the document stays true.
"""

from __future__ import annotations

import re

# an apostrophe keeps the word it opens ("'s", "'ite"), the spaces go after it
_APOSTROPHE = re.compile(r" ?&?#39;(\w*)")
_PADDED = {
    "&quot;": '"',
    "quot;": '"',
    "&amp;": "&",
    "amp;": "&",
    "&lt;": "",
    "&gt;": "",
    "lt;": "",
    "gt;": "",
}
_OTHERS = re.compile("|".join(re.escape(k) for k in sorted(_PADDED, key=len, reverse=True)))


def read_mangled_entities(text: str) -> str:
    """``text`` with lost-ampersand entities read, at the same length."""
    if ";" not in text:
        return text
    text = _APOSTROPHE.sub(lambda m: ("'" + m.group(1)).ljust(len(m.group(0))), text)
    return _OTHERS.sub(lambda m: _PADDED[m.group(0)].rjust(len(m.group(0))), text)
