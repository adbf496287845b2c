"""The kinds of file notice-lint reads, by suffix (a module of its own: discovering files must not
import the readers)."""

SUFFIXES = (".docx", ".txt", ".md")
