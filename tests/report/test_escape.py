from __future__ import annotations

import re
import time

from checker.report.escape import (
    code_fence,
    github_data,
    github_property,
    markdown_inline,
    one_line,
    strip_controls,
)


def test_strip_controls_removes_terminal_sequences() -> None:
    text = "a\x1b[31mred\x1b[0m b\x1b]0;title\x07c\x1b]8;;http://x\x1b\\d \x07e\x9b2Jf\x1bcg"
    assert strip_controls(text) == "ared bc" + "d ef" + "g"


def test_strip_controls_removes_c0_c1_and_bidi_but_keeps_text() -> None:
    text = "Kyiv\x00 \u202eevil\u202c \x85x\x7f — Zelenskyy’s\tnote\nnext"
    assert strip_controls(text) == "Kyiv evil \nx — Zelenskyy’s\tnote\nnext"


def test_carriage_return_becomes_a_line_break_not_an_overwrite() -> None:
    assert strip_controls("safe\rEVIL") == "safe\nEVIL"
    assert strip_controls("a\r\nb") == "a\nb"
    assert one_line("a\r\n\n  b\tc\u2028d") == "a b c d"


def test_unterminated_sequences_do_not_swallow_the_next_line() -> None:
    assert strip_controls("x\x1b]0;no end\nkept") == "x\nkept"


def test_strip_controls_is_linear_on_hostile_input() -> None:
    text = "\x1b[" + "0;" * 200_000 + "\x1b]" * 50_000
    start = time.perf_counter()
    strip_controls(text)
    assert time.perf_counter() - start < 1.0


def test_markdown_inline_neutralizes_markup() -> None:
    out = markdown_inline(
        "`code` | <script>x</script> <!-- c --> # [a](b) ![i](j) *e* ~s~ $m$ &amp;"
    )
    assert "<" not in out and ">" not in out
    # Every markup character that is left carries a backslash.
    assert re.search(r"(?<!\\)[`|\[\]#*~$!]", out) is None
    assert "\\`code\\`" in out
    assert "\\|" in out
    assert "&lt;script&gt;" in out
    assert "\\#" in out
    assert "\\[a\\](b)" in out
    assert "\\!\\[i\\](j)" in out
    assert "\\*e\\*" in out and "\\~s\\~" in out and "\\$m\\$" in out
    assert "&amp;amp;" in out


def test_markdown_inline_does_not_ping_and_is_one_line() -> None:
    out = markdown_inline("ask @octocat or @github/team\nthen mail a@b")
    assert "\n" not in out
    assert "@octocat" not in out and "@github" not in out
    assert "@&#8203;octocat" in out


def test_code_fence_is_longer_than_any_backtick_run() -> None:
    assert code_fence(["plain"]) == "```"
    assert code_fence(["a ``` b", "````"]) == "`````"


def test_github_escaping() -> None:
    assert github_data("50%\r\n::error ::x") == "50%25%0D%0A::error ::x"
    assert github_property("a,b:c%\n") == "a%2Cb%3Ac%25%0A"
