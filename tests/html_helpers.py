"""Shared by the review and browser tests: what a review page holds, read with html.parser."""
from collections import defaultdict
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Dict, List


@dataclass
class Element:
    tag: str
    attrs: Dict[str, str]
    text: str = ""

    @property
    def classes(self) -> List[str]:
        return self.attrs.get("class", "").split()


@dataclass
class Page:
    cards: List[Element] = field(default_factory=list)      # .card, in page order
    marks: Dict[str, Element] = field(default_factory=dict)  # data-mark → its pieces joined
    texts: List[str] = field(default_factory=list)          # the text of each .text block
    scripts: List[str] = field(default_factory=list)
    tags: Dict[str, List[Element]] = field(default_factory=lambda: defaultdict(list))

    def marks_of(self, kind: str) -> List[Element]:
        return [mark for mark in self.marks.values() if kind in mark.classes]


class PageParser(HTMLParser):
    """Collects cards, marks (one mark may be cut into pieces), and the article texts."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self.open: List[Element] = []  # open elements, except void ones
        self.in_text = None

    def handle_starttag(self, tag, attrs):
        element = Element(tag, {name: value or "" for name, value in attrs})
        self.page.tags[tag].append(element)
        if "card" in element.classes:
            self.page.cards.append(element)
        if "data-mark" in element.attrs:
            element = self.page.marks.setdefault(element.attrs["data-mark"], element)
        if tag in {"meta", "link", "br", "img", "input", "hr", "wbr"}:
            return
        if "text" in element.classes:
            self.page.texts.append("")
            self.in_text = len(self.open)
        self.open.append(element)

    def handle_endtag(self, tag):
        if self.open and self.open[-1].tag == tag:
            self.open.pop()
            if self.in_text == len(self.open):
                self.in_text = None

    def handle_data(self, data):
        for element in self.open:
            element.text += data
        if self.in_text is not None:
            self.page.texts[-1] += data
        if self.open and self.open[-1].tag == "script":
            self.page.scripts.append(data)


def parse_page(html: str) -> Page:
    parser = PageParser()
    parser.feed(html)
    parser.close()
    return parser.page
