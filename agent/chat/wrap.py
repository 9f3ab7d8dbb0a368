"""Word wrap for text that arrives in pieces (streamed deltas), one column count carried across pieces."""

from __future__ import annotations

__all__ = ["Wrapper"]


class Wrapper:
    """Breaks lines between words so none is longer than ``width`` columns.

    ``feed`` returns what to print now. A word, and the spaces before it, are held back until the
    word ends, so a line is never broken inside a word that arrived in two deltas and never ends
    in a trailing space. Spaces at the start of a line (indentation) are kept. Words longer than a
    line are cut at the width. ``flush`` returns what is held back.
    """

    def __init__(self, width: int) -> None:
        self.width = max(10, width)
        self.column = 0
        self.word = ""
        self.spaces = 0

    def feed(self, text: str) -> str:
        out: list[str] = []
        for char in text:
            if char == "\n":
                out.append(self._word() + "\n")
                self.column, self.spaces = 0, 0
            elif char == " ":
                out.append(self._word())
                if self.column == 0:  # indentation: keep it as it is
                    out.append(" ")
                    self.column = min(self.width - 1, self.column + 1)
                else:
                    self.spaces += 1
            else:
                self.word += char
                if len(self.word) >= self.width:  # a word longer than a line: cut it
                    out.append(self._word())
        return "".join(out)

    def flush(self) -> str:
        """What is held back (the last word); trailing spaces are dropped."""
        text, self.spaces = self._word(), 0
        return text

    def reset(self) -> None:
        """A new line starts (after the answer or a status line)."""
        self.column, self.word, self.spaces = 0, "", 0

    def _word(self) -> str:
        word, spaces = self.word, self.spaces
        if not word:
            return ""
        self.word, self.spaces = "", 0
        if self.column and self.column + spaces + len(word) > self.width:
            self.column = len(word)
            return "\n" + word
        self.column += spaces + len(word)
        return " " * spaces + word
