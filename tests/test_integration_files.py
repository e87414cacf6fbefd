"""The GitHub Action and the pre-commit hook: their keys, their commands, and their scripts."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]


def _load(name: str) -> Any:
    return yaml.safe_load((REPO / name).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def action() -> dict[str, Any]:
    data = _load("action.yml")
    assert isinstance(data, dict)
    return data


def _step(action: dict[str, Any], name_part: str) -> dict[str, Any]:
    steps = action["runs"]["steps"]
    matches = [s for s in steps if name_part in s.get("name", "")]
    assert len(matches) == 1, f"one step named like {name_part!r}"
    step = matches[0]
    assert isinstance(step, dict)
    return step


# --- pre-commit ------------------------------------------------------------------------------


def test_pre_commit_hook_runs_checker_check_on_article_files() -> None:
    hooks = _load(".pre-commit-hooks.yaml")
    [hook] = [h for h in hooks if h["id"] == "checker"]
    assert hook["language"] == "python"
    assert hook["entry"] == "checker check"
    assert set(hook["types_or"]) == {"markdown", "text", "html"}
    assert hook["pass_filenames"] is True
    pattern = re.compile(hook["files"])
    for name in ("a.md", "b.markdown", "c.txt", "d.html", "e.htm"):
        assert pattern.search(name), name
    for name in ("setup.py", "pyproject.toml", "notes.mdx"):
        assert not pattern.search(name), name


def test_pre_commit_entry_is_the_installed_console_script() -> None:
    text = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    assert 'checker = "checker.cli:main"' in text


# --- the action: shape -----------------------------------------------------------------------


def test_action_is_composite_with_the_documented_inputs(action: dict[str, Any]) -> None:
    assert action["runs"]["using"] == "composite"
    inputs = action["inputs"]
    assert {"paths", "archive", "fail-on", "python-version"} <= set(inputs)
    assert inputs["archive"]["default"] == "."
    assert inputs["fail-on"]["default"] == "error"
    assert all("description" in spec for spec in inputs.values())


def test_every_run_step_names_its_shell(action: dict[str, Any]) -> None:
    # Composite actions refuse a `run` step without `shell`.
    for step in action["runs"]["steps"]:
        if "run" in step:
            assert step.get("shell") == "bash", step.get("name")


def test_inputs_reach_scripts_only_through_env(action: dict[str, Any]) -> None:
    # An expression spliced into a script is a shell-injection hole (a folder named `$(...)`).
    for step in action["runs"]["steps"]:
        if "run" in step:
            assert "${{" not in step["run"], step.get("name")


def test_action_sets_up_python_and_installs_from_its_own_path(action: dict[str, Any]) -> None:
    setup = _step(action, "Set up Python")
    assert setup["uses"].startswith("actions/setup-python@")
    assert setup["with"]["python-version"] == "${{ inputs.python-version }}"
    install = _step(action, "Install")
    assert install["env"]["ACTION_PATH"] == "${{ github.action_path }}"
    assert re.search(r'pip install .*"\$target"', install["run"])
    assert 'target="$ACTION_PATH[$EXTRAS]"' in install["run"]


def test_action_takes_the_inputs_ci_needs(action: dict[str, Any]) -> None:
    inputs = set(action["inputs"])
    assert {
        "roots",
        "exclude",
        "baseline",
        "facts",
        "config",
        "args",
        "sarif",
        "annotate",
    } <= inputs
    check = _step(action, "Check the articles")
    for name in ("baseline", "facts", "config", "args", "sarif", "annotate", "fail-on"):
        key = "INPUT_" + name.upper().replace("-", "_")
        assert check["env"][key] == f"${{{{ inputs.{name} }}}}", key
    upload = _step(action, "Upload SARIF")
    assert upload["uses"].startswith("github/codeql-action/upload-sarif@")
    assert "inputs.sarif == 'true'" in upload["if"]


def test_action_steps_run_the_scripts_beside_it(action: dict[str, Any]) -> None:
    assert _step(action, "Find the changed")["run"] == 'bash "$ACTION_PATH/action/targets.sh"'
    assert _step(action, "Check the articles")["run"] == 'bash "$ACTION_PATH/action/check.sh"'


def test_action_posts_or_updates_one_comment_and_fails_per_fail_on(action: dict[str, Any]) -> None:
    comment = _step(action, "comment")
    assert comment["env"]["GH_TOKEN"] == "${{ inputs.github-token }}"
    script = comment["run"]
    assert "gh pr comment" in script and "--method PATCH" in script
    assert "<!-- checker-report -->" in script
    fail = _step(action, "Fail on findings")
    assert fail["if"] == "steps.check.outputs.exit-code == '1'"
    assert "exit 1" in fail["run"]


# --- the action: its scripts run against a scratch repository ---------------------------------

needs_bash = pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")
needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
SCRIPTS = REPO / "action"


@needs_bash
def test_action_scripts_are_valid_bash(action: dict[str, Any]) -> None:
    scripts = [step["run"] for step in action["runs"]["steps"] if "run" in step]
    scripts += [path.read_text() for path in sorted(SCRIPTS.glob("*.sh"))]
    for script in scripts:
        result = subprocess.run(
            ["bash", "-n"], input=script, text=True, capture_output=True, check=False
        )
        assert result.returncode == 0, result.stderr


def _environment(tmp_path: Path, **env: str) -> dict[str, str]:
    # The checker of this test run, first on PATH, as the action's install step leaves it.
    bin_dir = str(Path(sys.executable).parent)
    return {
        "PATH": bin_dir + os.pathsep + os.environ.get("PATH", ""),
        "HOME": str(tmp_path),
        "RUNNER_TEMP": str(tmp_path),
        "GITHUB_OUTPUT": str(tmp_path / "outputs.txt"),
        "GIT_CONFIG_GLOBAL": os.devnull,
        "CHECKER_CACHE_DIR": str(tmp_path / "cache"),
        "NO_COLOR": "1",
        **env,
    }


def _run_script(
    name: str, tmp_path: Path, cwd: Path, **env: str
) -> tuple[dict[str, str], subprocess.CompletedProcess[str]]:
    outputs = tmp_path / "outputs.txt"
    outputs.write_text("")
    done = subprocess.run(
        ["bash", "--noprofile", "--norc", str(SCRIPTS / name)],
        cwd=cwd,
        env=_environment(tmp_path, **env),
        check=False,
        capture_output=True,
        text=True,
    )
    assert done.returncode in (0, 2), done.stderr
    found = dict(line.split("=", 1) for line in outputs.read_text().splitlines())
    return found, done


@needs_bash
def test_given_paths_are_used_as_they_are(tmp_path: Path) -> None:
    out, _ = _run_script(
        "targets.sh", tmp_path, tmp_path, INPUT_PATHS="articles/a b\n\narticles/c\n"
    )
    assert out["count"] == "2"
    assert Path(out["list"]).read_text().splitlines() == ["articles/a b", "articles/c"]


def _git(*args: str, cwd: Path) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
        env={**os.environ, "GIT_CONFIG_GLOBAL": os.devnull},
    )


def _write(root: Path, name: str, text: str | bytes) -> None:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")


OLD = (
    "---\ntitle: Ferry service resumes\ndate: 2026-01-12\n---\n"
    "The Lorva ferry carried 1,400 passengers in December, the harbour authority said.\n\n"
    "Crews repainted the landing stage over the winter.\n"
)
NEW = (
    "---\ntitle: A second boat\ndate: 2026-02-03\n---\n"
    "The harbour authority ordered a second boat for the Lorva crossing this week.\n\n"
    "The Lorva ferry carried 4,100 passengers in December, the harbour authority said.\n"
)


@pytest.fixture
def pull_request(tmp_path: Path) -> Path:
    """A clone on a pull-request branch: base `main` has one article; the branch changes the
    README, adds images, and touches two article folders (one new, one edited)."""
    origin, work = tmp_path / "origin.git", tmp_path / "work"
    _git("init", "--bare", "-b", "main", str(origin), cwd=tmp_path)
    _git("clone", origin.as_uri(), str(work), cwd=tmp_path)
    _git("checkout", "-b", "main", cwd=work)
    _write(work, "README.md", "# Our newsroom\n")
    _write(work, "articles/2026-01/ferry.md", OLD)
    _write(work, "articles/2025-12/weather.md", "Background on the winter weather.\n")
    _git("add", ".", cwd=work)
    _git("commit", "-m", "base", cwd=work)
    _git("push", "origin", "main", cwd=work)
    _git("checkout", "-b", "pr", cwd=work)
    _write(work, "README.md", "# Our newsroom\n\nNow with a style guide.\n")
    _write(work, "articles/2026-02/second-boat.md", NEW)
    _write(work, "articles/2026-02/boat.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00")
    _write(work, "articles/2026-02/map.png", b"\x89PNG\r\n\x1a\n\x00\x00")
    _write(work, "articles/2025-12/weather.md", "Background on the winter weather, updated.\n")
    _write(work, "tools/build.py", "print()\n")
    _git("add", ".", cwd=work)
    _git("commit", "-m", "pr", cwd=work)
    _git("update-ref", "-d", "refs/remotes/origin/main", cwd=work)  # fetched by the script
    return work


ACTION_DEFAULTS = {
    "INPUT_PATHS": "",
    "INPUT_ROOTS": "",
    "INPUT_ARCHIVE": "articles",
    "INPUT_EXCLUDE": "README*\nCHANGELOG*\nCONTRIBUTING*\nLICENSE*\n",
    "BASE_REF": "main",
}


@needs_bash
@needs_git
def test_only_the_changed_article_folders_are_targets(pull_request: Path, tmp_path: Path) -> None:
    out, _ = _run_script("targets.sh", tmp_path, pull_request, **ACTION_DEFAULTS)
    assert Path(out["list"]).read_text().splitlines() == ["articles/2025-12", "articles/2026-02"]
    assert out["count"] == "2"
    assert "+++ b/articles/2026-02/second-boat.md" in Path(out["diff"]).read_text()


@needs_bash
@needs_git
def test_a_readme_at_the_root_is_never_an_article(pull_request: Path, tmp_path: Path) -> None:
    out, _ = _run_script(
        "targets.sh", tmp_path, pull_request, **{**ACTION_DEFAULTS, "INPUT_ARCHIVE": "."}
    )
    assert "." not in Path(out["list"]).read_text().splitlines()
    assert "README.md" not in Path(out["list"]).read_text()


@needs_bash
@needs_git
def test_the_check_annotates_the_changed_line_and_writes_the_comment(
    pull_request: Path, tmp_path: Path
) -> None:
    targets, _ = _run_script("targets.sh", tmp_path, pull_request, **ACTION_DEFAULTS)
    env = {
        **ACTION_DEFAULTS,
        "LIST": targets["list"],
        "DIFF": targets["diff"],
        "INPUT_FAIL_ON": "error",
        "INPUT_ANNOTATE": "changed",
        "INPUT_SARIF": "true",
        "INPUT_ARGS": "--jobs 1",
        "LINK_BASE": "https://github.com/o/r/blob/abc",
    }
    out, done = _run_script("check.sh", tmp_path, pull_request, **env)
    annotations = done.stdout.splitlines()
    errors = [line for line in annotations if line.startswith("::error")]
    assert len(errors) == 1
    assert errors[0].startswith("::error file=articles/2026-02/second-boat.md,line=7,")
    # The images: no annotation on a file, at most one line in the run's summary.
    assert not any("file=articles/2026-02/boat.jpg" in line for line in annotations)
    assert sum("not an article" in line for line in annotations) <= 1
    assert out["exit-code"] == "1"
    comment = Path(out["report"]).read_text()
    assert "- archive            articles/2026-01/ferry.md:5" in comment
    assert "+ this pull request  articles/2026-02/second-boat.md:7" in comment
    assert "(https://github.com/o/r/blob/abc/articles/2026-02/second-boat.md#L7)" in comment
    assert json.loads(Path(out["sarif"]).read_text())["runs"][0]["results"]


@needs_bash
@needs_git
def test_findings_off_the_changed_lines_are_not_annotated(
    pull_request: Path, tmp_path: Path
) -> None:
    targets, _ = _run_script("targets.sh", tmp_path, pull_request, **ACTION_DEFAULTS)
    # Only line 5 (not the figure's line 7) counts as changed.
    Path(targets["diff"]).write_text(
        "+++ b/articles/2026-02/second-boat.md\n@@ -0,0 +5 @@\n+x\n", encoding="utf-8"
    )
    env = {**ACTION_DEFAULTS, "LIST": targets["list"], "DIFF": targets["diff"]}
    out, done = _run_script("check.sh", tmp_path, pull_request, **env)
    assert "::error" not in done.stdout and out["exit-code"] == "0"
    assert "second-boat.md:7" in Path(out["report"]).read_text()  # the comment still lists it
