"""The checker's exceptions.

    CheckerError
    ├── ConfigError(path, line)       a config, facts or baseline file is invalid
    ├── ArticleLoadError(path)        one input file cannot be read as an article
    └── RuleError(rule_id)            a rule raised while checking

The CLI turns every CheckerError into exit code 2 and one line, never a traceback;
ArticleLoadError never reaches it: the loader turns it into a diagnostic and goes on.
"""

from __future__ import annotations


class CheckerError(Exception):
    """Base of every error the checker reports to its user."""


class ConfigError(CheckerError):
    def __init__(self, path: str, message: str, *, line: int | None = None, key: str | None = None):
        self.path = path
        self.line = line
        self.key = key
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {message}")


class ArticleLoadError(CheckerError):
    def __init__(self, path: str, reason: str):
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")


class RuleError(CheckerError):
    def __init__(self, rule_id: str, message: str):
        self.rule_id = rule_id
        super().__init__(f"rule {rule_id}: {message}")
