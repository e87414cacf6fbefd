from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from checker.errors import ConfigError
from checker.facts import load_facts

REGISTER = """\
# people first
[[people]]
name = "Donald Trump"
aliases = ["Trump", "Donald J. Trump"]
roles = [
  { title = "President of the United States", from = 2017-01-20, to = 2021-01-20 },
  { title = "President of the United States", from = 2025-01-20 },
]

[[people]]
name = "Olena Marchenko"
roles = [{ title = "Foreign Minister", from = 2024-05-01 }]

[[figures]]
subject = "Russian reservists mobilized in September 2022"
value = 300000
as_of = 2022-10-28
source = "Russian Ministry of Defence"
"""


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "facts.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_loads_entries_with_their_lines(tmp_path: Path) -> None:
    facts = load_facts(_write(tmp_path, REGISTER))
    assert [p.line for p in facts.people] == [2, 10]
    assert facts.figures[0].line == 14
    assert facts.people[0].roles[1].end is None


def test_person_lookup_by_alias_surname_and_spelling(tmp_path: Path) -> None:
    facts = load_facts(_write(tmp_path, REGISTER))
    assert facts.find_person("Trump") is facts.people[0]
    assert facts.find_person("Donald J. Trump") is facts.people[0]
    assert facts.find_person("Marchenko") is facts.people[1]
    assert facts.find_person("Olena Marchenco") is facts.people[1]
    assert facts.find_person("Olena Petrenko") is None


def test_roles_at(tmp_path: Path) -> None:
    facts = load_facts(_write(tmp_path, REGISTER))
    assert facts.roles_at("Trump", dt.date(2022, 6, 1)) == []
    assert len(facts.roles_at("Trump", dt.date(2025, 4, 1))) == 1
    assert len(facts.roles_at("Trump", dt.date(2018, 4, 1))) == 1
    # the end date is the first day the role is no longer held
    assert facts.roles_at("Trump", dt.date(2021, 1, 20)) == []
    assert len(facts.roles_matching("Trump", "U.S. President")) == 2
    assert facts.roles_matching("Trump", "Russian President") == []


def test_figure_claims_point_at_the_register(tmp_path: Path) -> None:
    path = _write(tmp_path, REGISTER)
    figures = load_facts(path).figure_claims()
    assert len(figures) == 1
    figure = figures[0]
    assert figure.value == 300_000
    assert figure.path == str(path)
    assert figure.line == 14
    assert figure.source == "Russian Ministry of Defence"
    assert figure.text.startswith("register: Russian reservists mobilized")


@pytest.mark.parametrize(
    ("text", "key", "line"),
    [
        (REGISTER.replace("value = 300000", 'value = "many"'), "figures[1].value", 14),
        (
            REGISTER.replace("from = 2024-05-01", "from = 2024-05-01, until = 2025-01-01"),
            "people[2].roles[1].until",
            10,
        ),
        (REGISTER.replace('source = "Russian Ministry of Defence"\n', ""), "figures[1].source", 14),
        ("[[people]]\naliases = []\n", "people[1].name", 1),
    ],
)
def test_invalid_entries_name_key_and_line(tmp_path: Path, text: str, key: str, line: int) -> None:
    with pytest.raises(ConfigError) as raised:
        load_facts(_write(tmp_path, text))
    assert raised.value.key == key
    assert raised.value.line == line
    assert "facts.toml" in str(raised.value)


def test_bad_toml_and_unknown_table(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as raised:
        load_facts(_write(tmp_path, "[[people]\nname = 1\n"))
    assert raised.value.line == 1
    with pytest.raises(ConfigError) as raised:
        load_facts(_write(tmp_path, "[[places]]\nname = 'Kyiv'\n"))
    assert raised.value.key == "places"
    with pytest.raises(ConfigError):
        load_facts(tmp_path / "missing.toml")
