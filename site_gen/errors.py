"""The one exception type for a broken set-up or usage (exit code 2)."""

from __future__ import annotations

from typing import Any


class SetupError(Exception):
    """The repository or the command line is unusable: missing schema, bad option, no root.

    It carries a catalogue code and its parameters, so that ``main`` prints it
    in the user's language and exits 2.
    """

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params
