"""Text of HTML elements block by block, and the page's largest content block.

The fallback when trafilatura loses part of a notice: chrome (nav, header,
footer, elements whose class/id says menu, breadcrumb, share ...;
resources/readers_html_chrome.txt) is removed, then the element holding the
most paragraph text is taken, climbing to its parent while that adds much text.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lxml.html import HtmlElement

_BLOCK_TAGS = frozenset("p div br li tr h1 h2 h3 h4 h5 h6 table ul ol section article "
                        "header footer blockquote pre dd dt form center".split())
_PARAGRAPH_TAGS = ("p", "br", "li")
_CLIMB_GAIN = 1.25
_DROP_TAGS = ("script", "style", "noscript", "template", "iframe", "object", "svg", "select",
              "button", "input", "textarea")
_CHROME_TAGS = ("nav", "header", "footer", "aside", "form")


def page_block_text(tree: HtmlElement, limit: int | None = None) -> str:
    """Visible text of the page, one block element a line (chrome included)."""
    body = _clean_copy(tree, chrome=False)
    return block_text(body, limit)[:limit]


def largest_block_text(tree: HtmlElement) -> str:
    """Block text of the element holding the most paragraph text, chrome removed."""
    body = _clean_copy(tree, chrome=True)
    scores: dict = {}
    for para in body.iter(*_PARAGRAPH_TAGS):
        parent = para.getparent()
        if parent is not None:
            scores[parent] = scores.get(parent, 0) + _paragraph_length(para)
    if not scores:
        return block_text(body)
    best = max(scores, key=lambda el: scores[el])
    # a notice split over sibling blocks: climb while the parent holds much more text
    while best.getparent() is not None and (
            _text_length(best.getparent()) > _CLIMB_GAIN * _text_length(best)):
        best = best.getparent()
    return block_text(best)


def _paragraph_length(para) -> int:
    text = para.tail if para.tag == "br" else para.text_content()
    return len((text or "").strip())


def _text_length(element) -> int:
    return len("".join(element.text_content().split()))


def _clean_copy(tree, chrome: bool):
    import copy

    from lxml import etree

    body = tree.find("body")
    body = copy.deepcopy(body if body is not None else tree)
    etree.strip_elements(body, *_DROP_TAGS, etree.Comment, with_tail=False)
    if chrome:
        for el in list(body.iter(*_CHROME_TAGS)) + _chrome_marked(body):
            if el.getparent() is not None:
                el.drop_tree()
    return body


def _chrome_marked(body) -> list:
    words = _chrome_words()
    marked = []
    for el in body.iter():
        if not isinstance(el.tag, str):
            continue
        marks = f"{el.get('class', '')} {el.get('id', '')}".lower()
        if marks.strip() and any(w in marks for w in words) and len(el.text_content()) < 2000:
            marked.append(el)
    return marked


@lru_cache(maxsize=1)
def _chrome_words() -> tuple[str, ...]:
    path = resources.files("analysis") / "resources" / "readers_html_chrome.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return tuple(line.strip().lower() for line in lines if line.strip() and not line.startswith("#"))


def block_text(element: HtmlElement, limit: int | None = None) -> str:
    """Text of an element with a line break around every block element and <br>.

    With a limit, collecting stops soon after that many characters.

    >>> import lxml.html
    >>> block_text(lxml.html.fromstring("<div><p>一、总体情况</p><p>根据<b>部署</b>,开展</p>a<br>b</div>"))
    '一、总体情况\\n根据部署,开展\\na\\nb'
    """
    parts: list[str] = []
    _collect(element, parts, [limit if limit is not None else -1])
    text = "".join(parts)
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return "\n".join(line for line in lines if line)


def _collect(element, parts: list[str], budget: list[int]) -> None:
    """Append the text of element to parts; budget[0] counts down (-1: no limit)."""
    tag = element.tag if isinstance(element.tag, str) else ""
    block = tag in _BLOCK_TAGS
    if block:
        parts.append("\n")
    if element.text and tag:
        _add(parts, element.text, budget)
    for child in element:
        if budget[0] == 0:
            return
        _collect(child, parts, budget)
        if child.tail:
            _add(parts, child.tail, budget)
    if tag in ("td", "th"):
        parts.append(" ")
    if block:
        parts.append("\n")


def _add(parts: list[str], text: str, budget: list[int]) -> None:
    parts.append(text)
    if budget[0] > 0:
        budget[0] = max(budget[0] - len(text), 0)
