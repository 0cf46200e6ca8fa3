"""Where sentences, paragraphs and inline lists start and end (simplified text offsets).

Shared by analysis.problems.cued (lists opened by a cue) and analysis.problems.runs
(lists written as runs: 有的…有的…, 一是…二是…, lines of shortcomings).
"""
from __future__ import annotations

import re

from analysis.problems.items import ORD_START, inline_patterns, is_short_shortcoming
from analysis.problems.split import is_not_item
from analysis.problems.text import is_deficiency

_SENTENCE_END = re.compile(r"[。\n]")


def sentence_end(match: str, pos: int) -> int:
    """Offset of the first 。 or line break at or after pos (or the text's end)."""
    m = _SENTENCE_END.search(match, pos)
    return m.start() if m else len(match)


def sentence_start(match: str, pos: int) -> int:
    """Offset just after the last 。 or line break before pos (or 0)."""
    i = pos
    while i > 0 and match[i - 1] not in "。\n":
        i -= 1
    return i


def previous_sentence(match: str, pos: int) -> str:
    """The sentence that ends right before pos, over a line break: what announces a
    list whose first item opens a paragraph.

    >>> t = "巡视也发现一些问题。\\n一是学习不深入。"
    >>> previous_sentence(t, t.index("一是"))
    '巡视也发现一些问题'
    """
    end = pos
    while end > 0 and match[end - 1] in "。:\n \t":
        end -= 1
    return match[sentence_start(match, end):end]


def paragraph_end(match: str, pos: int) -> int:
    """Offset of the line break ending the paragraph that holds pos (or the text's end)."""
    end = match.find("\n", pos)
    return len(match) if end < 0 else end


def ordinal_end(match: str, s: int, e: int) -> int:
    """End of an ordinal list (一是A。具体…。二是B。) that starts at s: the paragraph,
    cut before a sentence of suggestions or demands."""
    para = paragraph_end(match, s)
    pos = max(e, s)
    while pos < para:
        nxt = sentence_end(match, pos + 1)
        sentence = match[pos + 1:nxt]
        if inline_patterns()["skip"].search(sentence) and not ORD_START.match(sentence) \
                and not is_short_shortcoming(sentence):
            break
        pos = nxt
    return min(pos, para)


def ordinal_lines_end(match: str, s: int) -> int:
    """End of a list whose items each open a line with a marker (一是…, 1.…), starting at
    the line break s: the last of the lines that open with one.

    >>> t = "主要问题:\\n1.学习不深入。\\n2.管理不规范。\\n意见建议:\\n1.加强学习。"
    >>> s = t.index("\\n"); t[s:ordinal_lines_end(t, s)].split()
    ['1.学习不深入。', '2.管理不规范。']
    """
    end = s
    while (m := ORD_START.match(match, end)):
        end = paragraph_end(match, m.end())
    return end


def extend_deficient(match: str, end: int, lead: re.Pattern | None = None) -> int:
    """Carry a list over the following sentences of its line while they still state
    shortcomings (or, with `lead`, while they open with it: 有的…。有的…。)."""
    while end < len(match) and match[end] == "。":
        nxt = sentence_end(match, end + 1)
        sentence = match[end + 1:nxt]
        if nxt == len(match) and not sentence.rstrip().endswith(("!", "?")):
            sentence = complete_part(sentence)     # the text breaks off in it
        if not sentence or is_not_item(sentence):
            break
        if not (lead.match(sentence) if lead else is_deficiency(sentence)):
            break
        end = nxt
    return end


def complete_part(sentence: str) -> str:
    """A sentence the text breaks off in, without the clause it breaks off in.

    >>> complete_part("作风不实,管理有漏洞,工程")
    '作风不实,管理有漏洞'
    """
    cut = max(sentence.rfind(c) for c in ",;、")
    return sentence[:cut] if cut > 0 else ""
