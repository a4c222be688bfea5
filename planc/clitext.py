"""The command line's own texts in the clerk's language, and its help wrapped to the terminal
by display width (a Chinese character takes two columns).

The click that typer carries writes its texts as plain English strings (no gettext), in a
few known shapes: "Usage: ", the section headings, "[default: …]", "Show this message and
exit.", and its error messages. They are translated through click's own hooks: a help
formatter of ours (Context.formatter_class) writes the usage, headings and option lists; our
command classes give the help option its help; our group's `main` shows click's errors (the
exception's kind and fields, or its message's known shape, give the words)."""

from __future__ import annotations

import inspect
import re
import sys
import unicodedata
from collections.abc import Callable, Sequence
from typing import Any

import typer
from typer import _click as click
from typer._click.exceptions import (
    BadParameter,
    ClickException,
    MissingParameter,
    NoArgsIsHelpError,
    NoSuchOption,
)
from typer.core import TyperCommand, TyperGroup

from planc import i18n
from planc.cjk import width
from planc.i18n import _

# --- wrapping by display width ---------------------------------------------------------------

# A line never starts with closing punctuation nor ends with opening punctuation (GB/T 15834).
_NO_START = set("，。、；：？！）》」』】〕”’…—")
_NO_END = set("（《「『【〔“‘")


def _wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in "WF"


def _tokens(text: str) -> list[str]:
    """Words and spaces, each wide character a word of its own (Chinese breaks anywhere but
    before closing punctuation)."""
    out: list[str] = []
    for part in re.split(r"(\s+)", text):
        word = ""
        for char in part:
            if _wide(char) and not part.isspace():
                if word:
                    out.append(word)
                out.append(char)
                word = ""
            else:
                word += char
        if word:
            out.append(word)
    glued: list[str] = []
    for token in out:
        if glued and (token[0] in _NO_START or glued[-1][-1] in _NO_END) and not token.isspace():
            glued[-1] += token
        else:
            glued.append(token)
    return glued


def fill(text: str, columns: int, first: str = "", rest: str = "") -> list[str]:
    """`text` in lines of at most `columns` terminal columns (a word longer than a line is
    cut), the first line after `first`, the others after `rest`."""
    lines: list[str] = []
    line, used = first, width(first)
    fresh = True  # nothing but the indent on this line yet
    for token in _tokens(text):
        if token.isspace():
            if not fresh:
                line, used = line + token, used + len(token)
            continue
        size = width(token)
        if not fresh and used + size > columns:
            lines.append(line.rstrip())
            line, used = rest, width(rest)
        while used + size > columns and size > 1 and used < columns:  # a word too long
            cut = _fit(token, columns - used)
            lines.append(line + cut)
            token = token[len(cut) :]
            size = width(token)
            line, used = rest, width(rest)
        line, used, fresh = line + token, used + size, False
    lines.append(line.rstrip())
    return lines


def _fit(word: str, columns: int) -> str:
    taken, used = "", 0
    for char in word:
        if used + width(char) > columns and taken:
            break
        taken, used = taken + char, used + width(char)
    return taken


def _join(lines: list[str]) -> str:
    """The lines of one paragraph as one text: a space between them, but not between two
    Chinese characters (a line break inside Chinese text is no space)."""
    text = ""
    for line in lines:
        if text and not (_wide(text[-1]) and _wide(line[0])):
            text += " "
        text += line
    return text


def wrap_text(text: str, columns: int, indent: str = "") -> str:
    """Paragraphs (blank lines between them) filled to `columns`, each keeping the
    indentation of its first line; a paragraph opened by a line holding only \\b is kept as
    written (click's convention)."""
    out = []
    for paragraph in re.split(r"\n\s*\n", text.expandtabs()):
        lines = paragraph.splitlines()
        if not lines:
            continue
        if lines[0].strip() == "\b":
            out.append("\n".join(indent + line for line in lines[1:]))
            continue
        own = indent + " " * (len(lines[0]) - len(lines[0].lstrip()))
        out.append("\n".join(fill(_join([x.strip() for x in lines]), columns, own, own)))
    return "\n\n".join(out)


def short_help(text: str, limit: int) -> str:
    """The first sentence of a help's first paragraph, cut to `limit` columns with "..." (as
    click shortens a command's help for a list of commands, by display width)."""
    lines = [x.strip() for x in text.split("\n\n", 1)[0].splitlines()]
    pieces: list[tuple[str, str]] = []  # each word with the space before it
    space = ""
    for token in _tokens(_join([x for x in lines if x and x != "\b"])):
        if token.isspace():
            space = " "
        else:
            pieces.append((space if pieces else "", token))
            space = ""
    total = 0
    for i, (sep, word) in enumerate(pieces):
        total += width(sep + word)
        if total > limit:
            break
        if word.endswith((".", "。")):
            return "".join(sep + w for sep, w in pieces[: i + 1])
        if total == limit and i != len(pieces) - 1:
            break
    else:
        return "".join(sep + w for sep, w in pieces)
    total += 3
    while i > 0:
        total -= width(pieces[i][0] + pieces[i][1])
        if total <= limit:
            break
        i -= 1
    return "".join(sep + w for sep, w in pieces[:i]) + "..."


# --- click's words -----------------------------------------------------------------------------

_EXTRAS = re.compile(r"  \[([^\[\]]*)\]$|^\[([^\[\]]*)\]$")


def _extra(item: str) -> str:
    """One of the things click says after an option's help: its default, required, a range."""
    if item.startswith("default: "):
        return _("default: {value}", value=item.removeprefix("default: "))
    if item == "required":
        return _("required")
    if found := re.fullmatch(r"x>=(\S+)", item):
        return _("at least {minimum}", minimum=found[1])
    return item


def _help(text: str) -> str:
    """An option's help in the user's language (translated as it is shown: the program may
    have been started in another), and click's bracketed extras after it."""
    found = _EXTRAS.search(text)
    if found is None:
        return _(text)
    items = [_extra(item) for item in (found[1] or found[2]).split("; ")]
    shown = "[" + _("; ").join(items) + "]"
    return _(text[: found.start()]) + ("  " if found[1] is not None else "") + shown


# An argument's value type, as typer shows it beside the name ("ROUND <list[str]>"): the name
# says what to give; the type is for programmers. A list of choices stays ("<text|json>").
_TYPE = re.compile(r"^(\S+) <[^|<>]*>$")


def _heading(heading: str) -> str:
    """A section of the help, as typer names it (spelled out for the catalogue)."""
    return {"Arguments": _("Arguments"), "Options": _("Options"), "Commands": _("Commands")}.get(
        heading, heading
    )


class Formatter(click.HelpFormatter):
    """click's help formatter, in the user's language and by display width."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        prefix = _("Usage: ") if prefix is None else prefix
        start = f"{prefix:>{self.current_indent}}{prog} "
        text = fill(args, self.width - self.current_indent, start, " " * width(start))
        self.write("\n".join(text) + "\n")

    def write_heading(self, heading: str) -> None:
        said = _("{heading}:", heading=_heading(heading))
        self.write(f"{'':>{self.current_indent}}{said}\n")

    def write_text(self, text: str) -> None:
        self.write(wrap_text(_(text), self.width, " " * self.current_indent) + "\n")

    def write_dl(
        self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2
    ) -> None:
        rows = [(_TYPE.sub(r"\1", first), _help(second)) for first, second in rows]
        first_col = min(max((width(first) for first, _h in rows), default=0), col_max)
        first_col += col_spacing
        indent = " " * self.current_indent
        for first, second in rows:
            self.write(f"{indent}{first}")
            if not second:
                self.write("\n")
                continue
            if width(first) <= first_col - col_spacing:
                self.write(" " * (first_col - width(first)))
            else:
                self.write("\n" + " " * (first_col + self.current_indent))
            columns = max(self.width - first_col - 2, 10)
            lines = wrap_text(second, columns).splitlines() or [""]
            self.write(lines[0] + "\n")
            for line in lines[1:]:
                self.write((" " * (first_col + self.current_indent) + line).rstrip() + "\n")


class Context(click.Context):
    formatter_class = Formatter


def _help_option(option: Any) -> Any:
    if option is not None:
        option.help = _("Show this message and exit.")
    return option


def _short(command: click.Command, limit: int) -> str:
    help = command.short_help or command.help or ""
    return short_help(_(inspect.cleandoc(help)), limit)


class Command(TyperCommand):
    context_class = Context

    def get_help_option(self, ctx: click.Context) -> Any:
        return _help_option(super().get_help_option(ctx))

    def get_short_help_str(self, limit: int = 45) -> str:
        return _short(self, limit)


class Group(TyperGroup):
    """A group of commands; as the program's top group, it also shows click's errors in the
    user's language."""

    context_class = Context

    def get_help_option(self, ctx: click.Context) -> Any:
        return _help_option(super().get_help_option(ctx))

    def get_short_help_str(self, limit: int = 45) -> str:
        return _short(self, limit)

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        # A run of the command line reads the locale afresh and forgets it when it ends (planc
        # reads it once, then keeps it): in a process this is its one run; a caller that runs
        # several with their own environments (CliRunner's `env`: the README's and the pins'
        # runs) must not get the language of the run before.
        i18n.reset()
        more = (prog_name, complete_var, False, windows_expand_args)
        try:
            if not standalone_mode:
                return super().main(args, *more, **extra)
            try:
                code = super().main(args, *more, **extra)
            except ClickException as exc:
                show_error(exc)
                sys.exit(exc.exit_code)
            except typer.Abort:
                typer.echo(_("Aborted!"), err=True)
                sys.exit(1)
            sys.exit(code if isinstance(code, int) else 0)
        finally:
            i18n.reset()


class Typer(typer.Typer):
    """typer's Typer whose commands and groups are ours (above)."""

    def __init__(self, **options: Any) -> None:
        super().__init__(cls=options.pop("cls", Group), **options)

    def command(self, *args: Any, **options: Any) -> Callable[[Any], Any]:
        return super().command(*args, cls=options.pop("cls", Command), **options)


# --- click's errors ------------------------------------------------------------------------


def _inner(message: str) -> str:
    """What a value's check said (typer checks values with pydantic), in known shapes."""
    if found := re.fullmatch(r"(?:Value error, )?(.*) is not one of (.*)\.", message):
        return _("{value} is not one of {choices}", value=found[1], choices=found[2])
    if found := re.fullmatch(r"Input should be greater than or equal to (\S+)", message):
        return _("it should be at least {minimum}", minimum=found[1])
    if re.fullmatch(r"Input should be a valid integer.*", message):
        return _("it should be a whole number")
    return message


def message(exc: ClickException) -> str:
    """click's message in the user's language: by the kind of error and its fields, or, for
    the messages click and typer build as text, by their shape."""
    if isinstance(exc, MissingParameter) and exc.param is not None:
        kinds = {"argument": _("argument"), "option": _("option")}
        hint = exc.param.get_error_hint()
        kind = kinds.get(exc.param.param_type_name, exc.param.param_type_name)
        return _("Missing {kind} {name}.", kind=kind, name=hint)
    if isinstance(exc, NoSuchOption):
        said = _("No such option: {name}", name=exc.option_name)
        if exc.possibilities:
            options = ", ".join(sorted(exc.possibilities))
            said += _(" (Possible options: {options})", options=options)
        return said
    if isinstance(exc, BadParameter):
        given = exc.param_hint
        if given is None and exc.param is not None:
            given = exc.param.get_error_hint()
        named = given if isinstance(given, str) or given is None else " / ".join(map(repr, given))
        if named is None:
            return _("Invalid value: {message}", message=_inner(exc.message))
        return _("Invalid value for {name}: {message}", name=named, message=_inner(exc.message))
    text = exc.format_message()
    for shape, say in _SHAPES:
        if found := shape.fullmatch(text):
            return say(found)
    return text


_SHAPES: list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]] = [
    (
        re.compile(r"No such command (.*)\. Did you mean (.*)\?"),
        lambda m: _("No such command {name}; did you mean {names}?", name=m[1], names=m[2]),
    ),
    (re.compile(r"No such command (.*)\."), lambda m: _("No such command {name}.", name=m[1])),
    (re.compile(r"Missing command\."), lambda m: _("Missing command.")),
    (
        re.compile(r"Got unexpected extra arguments? \((.*)\)"),
        lambda m: _("Unexpected extra arguments ({args})", args=m[1]),
    ),
    (
        re.compile(r"Option (.*) requires an argument\."),
        lambda m: _("Option {name} requires an argument.", name=m[1]),
    ),
    (
        re.compile(r"Option (.*) does not take a value\."),
        lambda m: _("Option {name} does not take a value.", name=m[1]),
    ),
]


def show_error(exc: ClickException) -> None:
    """As click shows an error (usage, a hint, the message), in the user's language."""
    if isinstance(exc, NoArgsIsHelpError):
        exc.show()  # the help, which our formatter wrote
        return
    ctx = getattr(exc, "ctx", None)
    if ctx is not None:
        hint = ""
        if ctx.command.get_help_option(ctx) is not None:
            command, option = ctx.command_path, ctx.help_option_names[0]
            hint = _("Try '{command} {option}' for help.", command=command, option=option)
        typer.echo(f"{ctx.get_usage()}\n{hint}\n", err=True)
    typer.echo(_("Error: {message}", message=message(exc)), err=True)
