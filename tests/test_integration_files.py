"""The GitHub Action and the pre-commit hook: their keys, their commands, and their scripts."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
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
    assert re.search(r'pip install .*"\$ACTION_PATH"', install["run"])


def test_action_finds_changed_article_folders_against_the_base_ref(action: dict[str, Any]) -> None:
    find = _step(action, "Find the changed")
    assert find["env"]["BASE_REF"] == "${{ github.base_ref }}"
    assert find["env"]["INPUT_PATHS"] == "${{ inputs.paths }}"
    script = find["run"]
    assert 'git diff --name-only --diff-filter=d "origin/$BASE_REF" HEAD' in script
    assert "dirname" in script and "sort -u" in script


def test_action_runs_markdown_and_github_reports(action: dict[str, Any]) -> None:
    check = _step(action, "Check the articles")
    script = check["run"]
    assert re.search(
        r'checker check "\$\{targets\[@\]\}" --against "\$ARCHIVE" --format markdown '
        r'--output "\$report"',
        script,
    )
    assert re.search(r'--format github --fail-on "\$FAIL_ON"', script)
    assert check["env"]["ARCHIVE"] == "${{ inputs.archive }}"
    assert check["env"]["FAIL_ON"] == "${{ inputs.fail-on }}"


def test_action_posts_or_updates_one_comment_and_fails_per_fail_on(action: dict[str, Any]) -> None:
    comment = _step(action, "comment")
    assert comment["env"]["GH_TOKEN"] == "${{ inputs.github-token }}"
    script = comment["run"]
    assert "gh pr comment" in script and "--method PATCH" in script
    assert "<!-- checker-report -->" in script
    fail = _step(action, "Fail on findings")
    assert fail["if"] == "steps.check.outputs.exit-code == '1'"
    assert "exit 1" in fail["run"]


# --- the action: its scripts run -------------------------------------------------------------

needs_bash = pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")


@needs_bash
def test_action_scripts_are_valid_bash(action: dict[str, Any]) -> None:
    for step in action["runs"]["steps"]:
        if "run" in step:
            result = subprocess.run(
                ["bash", "-n"], input=step["run"], text=True, capture_output=True, check=False
            )
            assert result.returncode == 0, (step["name"], result.stderr)


def _run_find(action: dict[str, Any], tmp_path: Path, cwd: Path, **env: str) -> dict[str, str]:
    outputs = tmp_path / "outputs.txt"
    outputs.write_text("")
    environment = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": str(tmp_path),
        "RUNNER_TEMP": str(tmp_path),
        "GITHUB_OUTPUT": str(outputs),
        "INPUT_PATHS": "",
        "BASE_REF": "",
        "GIT_CONFIG_GLOBAL": os.devnull,
        **env,
    }
    script = _step(action, "Find the changed")["run"]
    subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script],
        cwd=cwd,
        env=environment,
        check=True,
        capture_output=True,
    )
    return dict(line.split("=", 1) for line in outputs.read_text().splitlines())


@needs_bash
def test_given_paths_are_used_as_they_are(action: dict[str, Any], tmp_path: Path) -> None:
    out = _run_find(action, tmp_path, tmp_path, INPUT_PATHS="articles/a b\n\narticles/c\n")
    assert out["count"] == "2"
    assert Path(out["list"]).read_text().splitlines() == ["articles/a b", "articles/c"]


@needs_bash
@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_changed_article_folders_come_from_git(action: dict[str, Any], tmp_path: Path) -> None:
    def git(*args: str, cwd: Path) -> None:
        subprocess.run(
            ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
            cwd=cwd,
            check=True,
            capture_output=True,
            env={**os.environ, "GIT_CONFIG_GLOBAL": os.devnull},
        )

    origin, work = tmp_path / "origin.git", tmp_path / "work"
    git("init", "--bare", "-b", "main", str(origin), cwd=tmp_path)
    git("clone", str(origin), str(work), cwd=tmp_path)
    (work / "articles" / "2026-01").mkdir(parents=True)
    (work / "articles" / "2026-01" / "old.md").write_text("An old story.\n")
    git("checkout", "-b", "main", cwd=work)
    git("add", ".", cwd=work)
    git("commit", "-m", "base", cwd=work)
    git("push", "origin", "main", cwd=work)
    # The pull request: a new folder with two articles, a script and an edited old story.
    (work / "articles" / "2026-02").mkdir()
    (work / "articles" / "2026-02" / "a.md").write_text("A new story.\n")
    (work / "articles" / "2026-02" / "b.html").write_text("<p>Another.</p>\n")
    (work / "tools").mkdir()
    (work / "tools" / "build.py").write_text("print()\n")
    (work / "articles" / "2026-01" / "old.md").write_text("An old story, corrected.\n")
    git("add", ".", cwd=work)
    git("commit", "-m", "pr", cwd=work)
    git("update-ref", "-d", "refs/remotes/origin/main", cwd=work)  # fetched by the script

    out = _run_find(action, tmp_path, work, BASE_REF="main")
    assert Path(out["list"]).read_text().splitlines() == ["articles/2026-01", "articles/2026-02"]
    assert out["count"] == "2"
