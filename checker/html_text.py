"""The visible text of an HTML page, one line per block or sentence run, mapped to source lines.

The standard library's `html.parser` is event-driven, not recursive, so 50,000 nested tags cost
nothing but time. Scripts, styles, templates, `<head>` and `<noscript>` are dropped. Block tags
(`<p>`, `<li>`, `<h2>`, `<br>` ...) start a new paragraph. Inside a block, whitespace collapses
as a browser would, but a new output line starts where a source line begins after a sentence
end, so sentences keep their real source line. Columns in HTML are those of the visible text,
not of the markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser

from checker.extract.sentences import split_text

_HIDDEN = frozenset(
    {"script", "style", "template", "head", "noscript", "svg", "math", "iframe", "object"}
)
_BLOCKS = frozenset(
    {
        *("address", "article", "aside", "blockquote", "br", "caption", "dd", "details", "div"),
        *("dl", "dt", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5"),
        *("h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary"),
        *("table", "td", "th", "tr", "ul"),
    }
)
_SENTENCE_END = (".", "!", "?", ".”", '."', "!”", "?”", ".)", ".’")
_DATE_META = frozenset(
    {
        "article:published_time",
        "date",
        "pubdate",
        "publish-date",
        "publishdate",
        "dc.date",
        "dc.date.issued",
        "datepublished",
        "og:published_time",
    }
)


@dataclass
class HtmlText:
    """Visible text, the source line of each of its lines, and metadata from the page's head."""

    text: str = ""
    line_numbers: tuple[int, ...] = ()
    title: str | None = None
    date: str | None = None


class _Visible(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.numbers: list[int] = []
        self.current: list[str] = []
        self.current_line = 0
        self.hidden: list[str] = []  # open hidden elements, innermost last
        self.in_title = False
        self.title: list[str] = []
        self.date: str | None = None

    def parse_html_declaration(self, i: int) -> int:
        try:
            return super().parse_html_declaration(i)
        except AssertionError:
            # "<![0": a marked section without a name, on which the standard parser asserts
            # (Python 3.11); its "<!" is text, and the page goes on after it
            self.handle_data(self.rawdata[i : i + 2])
            return i + 2

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "body":
            # A page that never closes <head> must not hide its whole body.
            self.hidden = [t for t in self.hidden if t != "head"]
        if tag == "title":
            self.in_title = True
        elif tag == "meta":
            self._meta(dict(attrs))
        if tag in _HIDDEN:
            self.hidden.append(tag)
        elif tag in _BLOCKS:
            self._paragraph()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # <br/>, <meta .../>: never an open element, so nothing to push on the hidden stack.
        if tag == "meta":
            self._meta(dict(attrs))
        elif tag in _BLOCKS:
            self._paragraph()

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag in _HIDDEN:
            if tag in self.hidden:
                # Close the innermost open one, and anything left unclosed inside it.
                index = len(self.hidden) - 1 - self.hidden[::-1].index(tag)
                del self.hidden[index:]
        elif tag in _BLOCKS:
            self._paragraph()

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        if self.hidden:
            return
        line = self.getpos()[0]
        for number, segment in enumerate(data.split("\n")):
            if number and self._ends_sentence():
                self._flush()
            words = segment.split()
            if not words:
                continue
            text = " ".join(words)
            here = line + number
            if self.current and here != self.current_line:
                # A sentence that starts on this source line gets an output line of its own.
                parts = split_text(text)
                if len(parts) > 1:
                    cut = parts[1][0]
                    self._append(text[:cut].rstrip(), segment, number)
                    self._flush()
                    text = text[cut:]
            if not self.current:
                self.current_line = here
                self.current.append(text)
            else:
                self._append(text, segment, number)
            if segment[-1:].isspace():
                self.current.append(" ")

    def _append(self, text: str, segment: str, number: int) -> None:
        if self.current and (segment[:1].isspace() or number):
            self.current.append(" ")
        self.current.append(text)

    def _meta(self, attrs: dict[str, str | None]) -> None:
        name = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
        content = attrs.get("content")
        if name in _DATE_META and content and self.date is None:
            self.date = content.strip()

    def _ends_sentence(self) -> bool:
        for fragment in reversed(self.current):
            if fragment.strip():
                return fragment.rstrip().endswith(_SENTENCE_END)
        return False

    def _flush(self) -> None:
        text = "".join(self.current).strip()
        self.current = []
        if text:
            self.lines.append(text)
            self.numbers.append(self.current_line)

    def _paragraph(self) -> None:
        self._flush()
        if self.lines and self.lines[-1]:
            self.lines.append("")
            self.numbers.append(self.numbers[-1])


def html_to_text(source: str) -> HtmlText:
    """The visible text of `source`; raises nothing, whatever the markup."""
    parser = _Visible()
    parser.feed(source)
    parser.close()
    parser._flush()
    lines, numbers = parser.lines, parser.numbers
    while lines and not lines[-1]:
        lines.pop()
        numbers.pop()
    title = " ".join("".join(parser.title).split()) or None
    return HtmlText(
        text="\n".join(lines),
        line_numbers=tuple(numbers) or (1,),
        title=title,
        date=parser.date,
    )
