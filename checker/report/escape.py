"""Make article text safe to print: in a terminal, in Markdown, in GitHub workflow commands.

Article text is input we do not control. Printed raw, an escape sequence in it could move the
cursor or recolor the terminal, a fence could close a PR comment's code block, an "@name" could
ping someone, and a newline followed by "::error" could forge a CI annotation. Every renderer
passes article text through these helpers before it reaches the output.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

# Terminal sequences, most specific first. Each alternative is linear: the character classes
# inside one alternative are disjoint, so no input makes the engine backtrack.
_TERMINAL = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI: colors, cursor moves, erase
    r"|\x9b[0-?]*[ -/]*[@-~]"  # CSI as a single C1 character
    r"|[\x1b]\][^\x07\x1b\n]*(?:\x07|\x1b\\)?"  # OSC: window title, hyperlinks, clipboard
    r"|\x9d[^\x07\x1b\n]*(?:\x07|\x1b\\)?"  # OSC as a C1 character
    r"|\x1b[P^_X][^\x07\x1b\n]*(?:\x07|\x1b\\)?"  # DCS, PM, APC, SOS strings
    r"|\x1b[ -/]*[0-~]"  # other escapes: ESC c (reset), ESC 7 (save cursor) ...
    # Remaining C0 controls (not tab or newline), DEL, C1 controls, and the bidi overrides and
    # isolates that can make a line display in a different order than it reads.
    r"|[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]"
)
_LINE_BREAKS = re.compile(r"\r\n?|[\x0b\x0c\x85\u2028\u2029]")
_WHITESPACE = re.compile(r"\s+")


def strip_controls(text: str) -> str:
    """`text` without terminal escape sequences or control characters; newlines and tabs kept.

    Carriage returns become newlines first, so "a\\rb" cannot overwrite "a" on screen yet the
    words stay apart.
    """
    return _TERMINAL.sub("", _LINE_BREAKS.sub("\n", text))


def one_line(text: str) -> str:
    """`text` made safe and flattened to one line: every run of whitespace becomes one space."""
    return _WHITESPACE.sub(" ", strip_controls(text)).strip()


# Markdown: characters that start emphasis, code, links, images, tables, headings, math,
# strikethrough or escapes get a backslash; "<", ">" and "&" become entities so no HTML tag,
# comment or entity survives. Block markers ("-", "1.") need nothing: the text never starts a line.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]#|~!$])")
_MENTION = re.compile(r"@(?=\w)")


def markdown_inline(text: str) -> str:
    """`text` as inert Markdown on one line: it renders as the same words and nothing else.

    "@name" gets a zero-width space after the "@" (as an entity) so GitHub pings no one; a
    backslash before "@" would not stop the mention.
    """
    flat = one_line(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", flat)
    return _MENTION.sub("@&#8203;", escaped)


_BACKTICKS = re.compile(r"`+")


def code_fence(texts: Iterable[str]) -> str:
    """A backtick fence longer than any backtick run in `texts`, so none of them can close it."""
    longest = max((len(m.group()) for t in texts for m in _BACKTICKS.finditer(t)), default=0)
    return "`" * max(3, longest + 1)


# Characters a JSON encoder with `ensure_ascii=False` writes raw although a terminal or viewer may
# act on them: DEL and the C1 controls (U+009B is CSI on its own), bidi overrides and isolates,
# and the Unicode line separators that break naive line-based readers.
_JSON_UNSAFE = re.compile(r"[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def json_inert(document: str) -> str:
    """A JSON document with the characters above written as `\\uXXXX` escapes.

    They can only occur inside JSON strings (the syntax is ASCII), where the escape denotes the
    same character, so the parsed data is unchanged: the document stays faithful, but is inert
    when a person prints it.
    """
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", document)


def github_data(text: str) -> str:
    """Escape the message part of a workflow command (GitHub's documented data escaping).

    With "\\n" encoded, no text can begin a line of its own and so cannot start a new command.
    """
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def github_property(text: str) -> str:
    """Escape a property value (file=, title=): data escaping plus ":" and ","."""
    return github_data(text).replace(":", "%3A").replace(",", "%2C")


def html_text(text: str) -> str:
    """`text` for an HTML page: without control characters, with `& < > " '` as entities, so
    it is only ever words, in element content and in quoted attribute values alike."""
    return html.escape(strip_controls(text), quote=True)
