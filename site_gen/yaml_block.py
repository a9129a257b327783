"""Literal (``|``) and folded (``>``) block scalars for the reference YAML parser (spec 8.1)."""

from __future__ import annotations

from site_gen.yaml_scan import END, Cursor


class BlockScalars(Cursor):
    """Reads block scalars: header, indentation (given or detected), chomping, folding."""

    def block_scalar(self, n: int) -> str:
        """A literal (``|``) or folded (``>``) scalar whose indicator is at the cursor.

        ``n`` is the indentation of the node that holds it; its content is
        indented more. Ends at the start of the line after it.
        """
        s = self.s
        literal = s[self.i] == "|"
        indent, chomp = self._block_header()
        if indent is None:
            indent = self._detect_indent(n)
        else:
            indent += max(n, 0)  # at the top level (n = -1) "|2" means two spaces, as libyaml reads it
        lines: list[str] = []
        i = self.i
        trailing = 0
        while i < self.n:
            k = self.spaces(i)
            j = i + k
            eol = s.find("\n", j)
            eol = self.n if eol < 0 else eol
            if k < indent and j < eol:
                if s[j] == "\t" and self.white_end(j) == eol:
                    raise self.fail("yaml.tab", j)
                break
            if self.forbidden(i):
                break
            if j < eol or k > indent:
                lines.extend([""] * trailing)
                trailing = 0
                lines.append(s[i + indent : eol])
            else:
                trailing += 1
            i = min(eol + 1, self.n)
        self.i = i
        if not lines:
            return "\n" * trailing if chomp == "+" else ""
        text = "\n".join(lines) if literal else _fold(lines)
        if chomp != "-":
            text += "\n"  # the end of the text counts as the last line's break
        if chomp == "+":
            text += "\n" * trailing
        return text

    def _block_header(self) -> tuple[int | None, str]:
        s = self.s
        i = self.i + 1
        indent: int | None = None
        chomp = ""
        for _ in range(2):
            ch = self.at(i)
            if ch in "123456789" and ch and indent is None:
                indent = int(ch)
            elif ch in "+-" and ch and not chomp:
                chomp = ch
            else:
                break
            i += 1
        if i < self.n and s[i] not in END:
            raise self.fail("yaml.comment", i) if s[i] == "#" else self.unexpected(i)
        self.i = i
        self.comment_or_end()
        return indent, chomp

    def _detect_indent(self, n: int) -> int:
        """The content indentation of a block scalar without an indicator (spec 8.1.1.1)."""
        s = self.s
        i = self.i
        widest = 0
        widest_at = i
        while i < self.n:
            k = self.spaces(i)
            j = i + k
            if j >= self.n or s[j] == "\n":
                if k > widest:
                    widest, widest_at = k, j
                i = j + 1
                continue
            if j < self.n and s[j] == "\t" and k <= n:
                raise self.fail("yaml.tab", j)
            if j >= self.n or self.forbidden(i) or k <= n:
                break
            if widest > k:
                raise self.fail("yaml.indent", widest_at)
            return k
        return max(widest, n + 1)


def _fold(lines: list[str]) -> str:
    """Folded content: a line break between two text lines becomes a space.

    Empty lines between two text lines stand for themselves (the break that
    ends the first line is folded away); around a more-indented line (one
    that starts with white space) every break is kept.
    """
    out: list[str] = []
    previous = ""
    empties = 0
    for line in lines:
        if not line:
            empties += 1
            continue
        if not previous:
            out.append("\n" * empties)
        elif previous[0] not in " \t" and line[0] not in " \t":
            out.append("\n" * empties if empties else " ")
        else:
            out.append("\n" * (empties + 1))
        out.append(line)
        previous = line
        empties = 0
    return "".join(out)
