from __future__ import annotations

from checker.changed_lines import parse_diff, touching
from checker.models import Evidence, Finding, Severity

DIFF = """diff --git a/articles/a.md b/articles/a.md
--- a/articles/a.md
+++ b/articles/a.md
@@ -3 +3,2 @@ title
-old
+new
+newer
@@ -10,0 +12 @@
+added
diff --git a/gone.md b/gone.md
--- a/gone.md
+++ /dev/null
@@ -1 +0,0 @@
-bye
"""


def test_new_side_lines_per_file() -> None:
    assert parse_diff(DIFF.splitlines(keepends=True)) == {"articles/a.md": frozenset({3, 4, 12})}


def test_findings_touching_changed_lines() -> None:
    changed = parse_diff(DIFF.splitlines())

    def at(line: int) -> Finding:
        evidence = (Evidence(path="archive/x.md", line=3, text="t"),)
        evidence += (Evidence(path="./articles/a.md", line=line, text="t"),)
        return Finding(rule="r", severity=Severity.ERROR, message=str(line), evidence=evidence)

    assert [f.message for f in touching([at(4), at(5), at(12)], changed)] == ["4", "12"]
