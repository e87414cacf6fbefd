"""Smoke test of what users install: the built wheel in a fresh environment, outside the checkout.

    python tests/smoke_installed.py DIST_DIR

DIST_DIR holds the wheel and the sdist (`python -m build --outdir DIST_DIR`). The script checks
that both carry every module and data file of the source tree, installs the wheel (with
EXTRAS) into a new virtual environment in a temporary folder, copies the example corpus there
and runs every subcommand and output format from that folder, so nothing can be imported from
the checkout. Any missing module or data file, traceback or unexpected exit code fails it.
It is not collected by pytest (CI runs it after building; see .ci/run).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import venv
import zipfile
from collections.abc import Sequence
from pathlib import Path

# The extras installed with the wheel, as the Makefile installs them.
EXTRAS: list[str] = ["model"]

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("checker", "rules")
CONCISE = re.compile(r"^[^\s:][^:]*:\d+:\d+: (error|warning|info) [a-z-]+ .+$")
FORMATS = ("table", "concise", "json", "markdown", "github", "sarif")


class SmokeFailure(Exception):
    pass


def source_files() -> set[str]:
    """Every file the packages must ship: modules and data files of the source tree."""
    found = set()
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*"):
            if (
                path.is_file()
                and path.suffix in {".py", ".toml"}
                and "__pycache__" not in path.parts
            ):
                found.add(path.relative_to(ROOT).as_posix())
    return found


def check_archives(dist: Path) -> tuple[Path, Path]:
    wheels = sorted(dist.glob("*.whl"))
    sdists = sorted(dist.glob("*.tar.gz"))
    if len(wheels) != 1 or len(sdists) != 1:
        raise SmokeFailure(f"expected one wheel and one sdist in {dist}: {wheels} {sdists}")
    wanted = source_files()
    with zipfile.ZipFile(wheels[0]) as archive:
        in_wheel = set(archive.namelist())
    missing = sorted(wanted - in_wheel)
    if missing:
        raise SmokeFailure(f"the wheel misses {', '.join(missing)}")
    with tarfile.open(sdists[0]) as archive:
        in_sdist = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    missing = sorted(wanted - in_sdist)
    if missing:
        raise SmokeFailure(f"the sdist misses {', '.join(missing)}")
    print(f"ok  {wheels[0].name} and {sdists[0].name} carry all {len(wanted)} files")
    return wheels[0], sdists[0]


def install(wheel: Path, where: Path) -> Path:
    venv.EnvBuilder(with_pip=True).create(where / "venv")
    python = where / "venv" / "bin" / "python"
    requirement = f"{wheel}[{','.join(EXTRAS)}]" if EXTRAS else str(wheel)
    subprocess.run(
        [python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", requirement],
        check=True,
    )
    return where / "venv" / "bin"


class Runner:
    def __init__(self, bin_dir: Path, cwd: Path):
        self.bin_dir = bin_dir
        self.cwd = cwd
        self.count = 0

    def __call__(
        self, args: Sequence[str], *, codes: Sequence[int] = (0,), stdin: str | None = None
    ) -> subprocess.CompletedProcess[str]:
        environment = {
            key: value for key, value in os.environ.items() if not key.startswith("PYTHON")
        }
        environment.update(
            NO_COLOR="1", COLUMNS="100", CHECKER_CACHE_DIR=str(self.cwd.parent / "cache")
        )
        command = [str(self.bin_dir / args[0]), *args[1:]]
        done = subprocess.run(
            command,
            cwd=self.cwd,
            capture_output=True,
            text=True,
            env=environment,
            input=stdin,
            timeout=300,
        )
        shown = " ".join(args)
        if "Traceback" in done.stderr or "Traceback" in done.stdout:
            raise SmokeFailure(f"{shown}: crashed\n{done.stderr}")
        if done.returncode not in codes:
            raise SmokeFailure(
                f"{shown}: exit {done.returncode}, expected {codes}\n{done.stdout}\n{done.stderr}"
            )
        self.count += 1
        print(f"ok  {shown}  (exit {done.returncode})")
        return done


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def smoke(run: Runner, cwd: Path) -> None:
    shutil.copytree(ROOT / "fixtures" / "example", cwd / "example")
    example = sorted(p.name for p in (cwd / "example").iterdir())

    out = run(["checker", "--version"]).stdout
    if not re.fullmatch(r"checker \d+\.\d+\.\d+\S*\n", out):
        raise SmokeFailure(f"--version printed {out!r}")
    run(["python", "-m", "checker", "--version"])
    run(["checker", "--help"])
    run(["checker", "check", "--help"])
    rules = run(["checker", "rules"]).stdout
    for rule_id in re.findall(r"^([a-z]+(?:-[a-z]+)+) ", rules, flags=re.M):
        run(["checker", "rules", rule_id])
    run(["checker", "rules", "no-such-rule"], codes=(2,))

    for fmt in ("table", "json", "jsonl"):
        out = run(["checker", "claims", "example", "--format", fmt]).stdout
        if fmt == "json":
            json.loads(out)
        if fmt == "jsonl":
            [json.loads(line) for line in out.splitlines()]

    for fmt in FORMATS:
        out = run(["checker", "check", "example", "--format", fmt], codes=(1,)).stdout
        if fmt in ("json", "sarif"):
            json.loads(out)
        if fmt == "concise":
            lines = out.splitlines()
            bad = [line for line in lines[:-1] if not CONCISE.match(line)]
            if bad or not lines[-1].endswith("claims)."):
                raise SmokeFailure(f"concise lines not path:line:col: severity rule: {bad}")
        if str(cwd) in out:
            raise SmokeFailure(f"{fmt}: absolute paths in the report")

    draft = f"example/{example[-1]}"
    run(["checker", "check", draft, "--against", "example", "--format", "github"], codes=(0, 1))
    run(["checker", "check", draft, "--against", "example", "--fail-on", "never"])
    run(["checker", "check", "example", "--statistics", "--quiet", "--fail-on", "never"])
    done = run(
        ["checker", "check", "example", "--output", "../report.json", "-f", "json"], codes=(1,)
    )
    if done.stdout or "findings" not in done.stderr:
        raise SmokeFailure(f"--output: expected the summary on stderr only: {done.stderr!r}")
    json.loads((cwd.parent / "report.json").read_text(encoding="utf-8"))

    run(["checker", "baseline", "example", "-o", "../baseline.json"])
    run(["checker", "check", "example", "--baseline", "../baseline.json"])
    run(["checker", "check", str(cwd / "example"), "--baseline", "../baseline.json"])

    for fmt in ("markdown", "table", "json"):
        out = run(["checker", "diff", f"example/{example[2]}", f"example/{example[3]}", "-f", fmt])
        if fmt == "json":
            json.loads(out.stdout)
    run(["checker", "diff", "example", "example"])

    # No silent pass: an undated draft, an empty file, an empty folder, a non-article.
    undated = write(
        cwd / "drafts" / "undated.md",
        "---\ntitle: Flood update\n---\n\nCrews evacuated 4,000 residents in March, the "
        "county said.\n",
    )
    for fmt in FORMATS:
        out = run(["checker", "check", str(undated.relative_to(cwd)), "-f", fmt], codes=(0, 1))
        if "publication date unknown" not in out.stdout + out.stderr:
            raise SmokeFailure(f"{fmt}: no warning for an undated draft:\n{out.stdout}")
    out = run(["checker", "check", "drafts/undated.md", "--date", "2026-04-02", "-f", "json"])
    if "publication date unknown" in out.stdout:
        raise SmokeFailure("--date did not set the publication date")
    write(cwd / "empty.md", "")
    write(cwd / "notes.docx", "not an article")
    (cwd / "nothing").mkdir()
    for target in ("empty.md", "notes.docx", "nothing"):
        out = run(["checker", "check", target], codes=(2,))
        if target not in out.stdout + out.stderr:
            raise SmokeFailure(f"{target}: no diagnostic naming it")
    run(["checker", "check", "missing-folder"], codes=(2,))


def main(argv: Sequence[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    dist = Path(argv[0]).resolve()
    try:
        wheel, _ = check_archives(dist)
        with tempfile.TemporaryDirectory(prefix="checker-smoke-") as scratch:
            where = Path(scratch)
            bin_dir = install(wheel, where)
            cwd = where / "work"
            cwd.mkdir()
            runner = Runner(bin_dir, cwd)
            smoke(runner, cwd)
            print(f"smoke test passed: {runner.count} commands through the installed wheel")
    except (SmokeFailure, subprocess.CalledProcessError) as error:
        print(f"smoke test FAILED: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
