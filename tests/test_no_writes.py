"""The checker never writes into the folders it reads, and writes its own files atomically.

Each command runs over a checked folder and an archive whose trees (names, kinds, sizes, mtimes,
contents) are snapshotted before and after; reports, baselines and the cache go elsewhere. An
output or cache location inside a read folder is refused with exit 2 before any work is done.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.cli import app
from checker.output import OutputError, write_atomic

ARTICLES = {
    "a.md": "---\ndate: 2024-05-02\n---\n\nThe storm destroyed 4,200 homes in the region in April"
    " 2024, the regional council said.\n",
    "sub/b.md": "---\ndate: 2024-05-09\n---\n\nAccording to the regional council, the storm"
    " destroyed 5,900 homes in the region in April 2024.\n",
    "sub/.hidden.md": "Hidden files are skipped but must stay untouched too.\n",
    "c.html": "<html><body><p>The council said 17 schools closed in April 2024.</p></body></html>",
    "empty.md": "",
}

Snapshot = dict[str, tuple[str, int, int, str]]


def snapshot(root: Path) -> Snapshot:
    """Every entry under `root` (links not followed): kind, size, mtime and content hash."""
    seen: Snapshot = {}
    for folder, dirs, files in os.walk(root):
        for name in [*dirs, *files]:
            path = Path(folder) / name
            info = path.lstat()
            kind = "link" if path.is_symlink() else "dir" if path.is_dir() else "file"
            digest = ""
            if kind == "file":
                digest = hashlib.sha256(path.read_bytes()).hexdigest()
            seen[path.relative_to(root).as_posix()] = (kind, info.st_size, info.st_mtime_ns, digest)
    seen["."] = ("dir", 0, root.stat().st_mtime_ns, "")
    return seen


def _tree(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


@pytest.fixture
def trees(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path, Path]:
    """(checked folder, archive folder, a writable folder for outputs)."""
    checked = _tree(tmp_path / "checked", ARTICLES)
    archive = _tree(
        tmp_path / "archive",
        {f"old/{i}.md": ARTICLES["a.md"].replace("4,200", str(4000 + i)) for i in range(5)},
    )
    (archive / "loop").symlink_to(archive, target_is_directory=True)
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.setenv("CHECKER_CACHE_DIR", str(out / "default-cache"))
    monkeypatch.chdir(out)
    return checked, archive, out


def _invoke(*args: str | Path) -> tuple[int, str]:
    result = CliRunner().invoke(app, [str(a) for a in args])
    assert "Traceback" not in result.stderr
    return result.exit_code, result.stderr


COMMANDS = {
    "check": lambda c, a, o: ["check", c, "-f", "json", "-o", o / "r.json"],
    "check-sarif": lambda c, a, o: ["check", c, "-f", "sarif", "-o", o / "r.sarif"],
    "check-stdout": lambda c, a, o: ["check", c, "-f", "markdown"],
    "against": lambda c, a, o: [
        "check", c, "--against", a, "--cache-dir", o / "cache", "-f", "json", "-o", o / "r.json"
    ],
    "against-default-cache": lambda c, a, o: ["check", c, "--against", a, "-f", "github"],
    "baseline": lambda c, a, o: ["baseline", c, "-o", o / "baseline.json"],
    "baseline-against": lambda c, a, o: [
        "baseline", c, "--against", a, "--cache-dir", o / "cache", "-o", o / "b.json"
    ],
    "diff": lambda c, a, o: ["diff", a, c, "-f", "json"],
    "claims": lambda c, a, o: ["claims", c, a, "-f", "jsonl"],
}  # fmt: skip


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_read_folders_are_untouched(trees: tuple[Path, Path, Path], command: str) -> None:
    checked, archive, out = trees
    before = snapshot(checked), snapshot(archive)
    code, stderr = _invoke(*COMMANDS[command](checked, archive, out))
    assert code in (0, 1), stderr
    assert (snapshot(checked), snapshot(archive)) == before
    leftovers = [p.name for p in out.iterdir() if p.name.startswith(".")]
    assert leftovers == []  # no temporary file left beside a report


@pytest.mark.parametrize(
    "args",
    [
        lambda c, a, o: ["check", c, "-o", c / "report.json"],
        lambda c, a, o: ["check", c, "-o", c / "sub" / "new" / "report.json"],
        lambda c, a, o: ["check", c, "-o", c / "a.md"],
        lambda c, a, o: ["check", c / "a.md", "-o", c / "a.md"],
        lambda c, a, o: ["check", c, "--against", a, "-o", a / "r.json"],
        lambda c, a, o: ["check", c, "--against", a, "--cache-dir", a / "cache"],
        lambda c, a, o: ["check", c, "--against", a, "--cache-dir", c],
        lambda c, a, o: ["baseline", c, "-o", c / "baseline.json"],
        lambda c, a, o: ["check", c, "-o", o / "link" / "report.json"],
    ],
    ids=[
        "report-in-folder", "report-in-new-subfolder", "report-over-article", "report-over-file",
        "report-in-archive", "cache-in-archive", "cache-is-checked", "baseline-in-folder",
        "report-through-link",
    ],
)  # fmt: skip
def test_writing_inside_a_read_folder_is_refused(
    trees: tuple[Path, Path, Path], args: object
) -> None:
    checked, archive, out = trees
    (out / "link").symlink_to(checked, target_is_directory=True)
    before = snapshot(checked), snapshot(archive)
    code, stderr = _invoke(*args(checked, archive, out))  # type: ignore[operator]
    assert code == 2, stderr
    assert "inside" in stderr
    assert (snapshot(checked), snapshot(archive)) == before


def test_write_atomic_replaces_whole_or_not_at_all(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "report.json"
    write_atomic(target, "old report\n")

    def fail(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", fail)
    with pytest.raises(OutputError, match="No space left"):
        write_atomic(target, "new report that never fully lands\n")
    assert target.read_text(encoding="utf-8") == "old report\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]  # temporary file removed


def test_write_atomic_refuses_a_folder_and_keeps_modes(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="is a folder"):
        write_atomic(tmp_path, "text\n")
    target = tmp_path / "shared.json"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o644)
    write_atomic(target, "new\n")
    assert target.stat().st_mode & 0o777 == 0o644  # not the 0600 of a temporary file


@pytest.mark.parametrize("where", ["folder", "missing-parent-of-file"])
def test_unwritable_output_is_exit_2_without_traceback(
    trees: tuple[Path, Path, Path], where: str
) -> None:
    checked, _, out = trees
    blocker = out / "plain-file"
    blocker.write_text("x", encoding="utf-8")
    target = out if where == "folder" else blocker / "report.json"
    code, stderr = _invoke("check", checked, "-f", "json", "-o", target)
    assert code == 2
    assert str(target) in stderr and stderr.count("\n") == 1
