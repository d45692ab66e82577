"""dateline's exceptions. Each carries a code and says how to fix the problem.

DatelineError
├── ConfigError      a pipeline or option that cannot work (E0xx)
├── InputError       an input that cannot be read as an article (E1xx)
└── StoreError       a database that cannot be opened or written (E2xx)
"""

from __future__ import annotations


class DatelineError(Exception):
    """Base class: ``code`` is a stable identifier such as ``E001``."""

    code = "E000"

    def __init__(self, message: str, code: str | None = None) -> None:
        if code is not None:
            self.code = code
        super().__init__(f"[{self.code}] {message}")


class ConfigError(DatelineError):
    code = "E001"


class InputError(DatelineError):
    code = "E100"


class StoreError(DatelineError):
    code = "E200"
