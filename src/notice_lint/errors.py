"""Errors a user can cause by what they give the linter (bad files, bad config)."""

from __future__ import annotations

__all__ = ["InputError", "ConfigError"]


class InputError(Exception):
    """A file that cannot be read as a document: one line for the user, in both languages."""

    def __init__(self, vi: str, en: str) -> None:
        super().__init__(en)
        self.vi = vi
        self.en = en

    def message(self, lang: str = "vi") -> str:
        return self.en if lang == "en" else self.vi

    def __reduce__(self) -> tuple[type, tuple[str, str]]:
        # pickle by both messages (a process pool sends errors back to the parent)
        return (type(self), (self.vi, self.en))


class ConfigError(InputError):
    """A configuration file or option the linter does not understand."""
