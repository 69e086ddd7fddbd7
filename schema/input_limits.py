"""Input limits: the checks on a parsed document and its variables that run before validation.

They refuse what would cost something later, however the schema uses it:

* Directives: at most ``max_directives_per_field`` on one field, fragment or operation, and
  ``max_directives`` in the document (``QUERY_TOO_COMPLEX``). Checked before validation so that a
  field carrying a thousand unknown directives gets one error, not a thousand.
* Repeated fields: one field (or alias) at most ``max_repeated_field`` times in one selection set
  (``QUERY_TOO_COMPLEX``). Repeats merge into one result, but validating them costs the square of
  their number.
* Strings: every string literal in the document and every string in the variables must be at most
  ``max_string_length`` characters (``BAD_USER_INPUT``). No name, ID or cursor is that long, and
  refusing them here means no resolver's work, nor any database statement, grows with them.
  (Other bad strings, such as a NUL character that no database compares, are refused by the field
  that receives them, so that its siblings still answer.)

At most one error of each kind is reported: the point is to stop early, not to list every offence.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from graphql import (
    DirectiveNode,
    DocumentNode,
    FieldNode,
    GraphQLError,
    Node,
    SelectionSetNode,
    StringValueNode,
    Visitor,
    visit,
)

from football.limits import QueryLimits
from schema.errors import bad_input, too_complex

__all__ = ["document_input_errors", "variable_input_errors"]


class _InputVisitor(Visitor):
    def __init__(
        self, max_string_length: int, max_directives: int, max_directives_per_field: int, max_repeated_field: int
    ) -> None:
        super().__init__()
        self.max_repeated_field = max_repeated_field
        self.max_string_length = max_string_length
        self.max_directives = max_directives
        self.max_directives_per_field = max_directives_per_field
        self.directives = 0
        self.errors: dict[str, GraphQLError] = {}

    def enter(self, node: Node, *_args: object) -> None:
        directives: tuple[DirectiveNode, ...] = getattr(node, "directives", None) or ()
        if len(directives) > self.max_directives_per_field and "per_field" not in self.errors:
            self.errors["per_field"] = too_complex(
                f"{len(directives)} directives on one {node.kind.replace('_', ' ')}; "
                f"the limit is {self.max_directives_per_field}.",
                nodes=node,
            )
        self.directives += len(directives)

    def enter_selection_set(self, node: SelectionSetNode, *_args: object) -> None:
        keys = Counter(
            (selection.alias or selection.name).value
            for selection in node.selections
            if isinstance(selection, FieldNode)
        )
        key, count = max(keys.items(), key=lambda item: item[1], default=("", 0))
        if count > self.max_repeated_field and "repeated" not in self.errors:
            self.errors["repeated"] = too_complex(
                f"`{key}` is selected {count} times in one selection set; the limit is {self.max_repeated_field}.",
                nodes=node,
            )

    def enter_string_value(self, node: StringValueNode, *_args: object) -> None:
        problem = string_problem(node.value, self.max_string_length)
        if problem and "string" not in self.errors:
            self.errors["string"] = bad_input(f"A string argument {problem}.", nodes=node)


def string_problem(value: str, max_length: int) -> str | None:
    """Why `value` may not be used as input, or None."""
    if len(value) > max_length:
        return f"has {len(value)} characters; the limit is {max_length}"
    return None


def _variable_problem(value: object, max_length: int) -> str | None:
    # Iterative: the HTTP layer caps JSON nesting, but variables may also come from elsewhere.
    pending = [value]
    while pending:
        item = pending.pop()
        if isinstance(item, str):
            problem = string_problem(item, max_length)
            if problem:
                return problem
        elif isinstance(item, Mapping):
            pending.extend(item.values())
        elif isinstance(item, list | tuple):
            pending.extend(item)
    return None


def document_input_errors(document: DocumentNode, limits: QueryLimits) -> list[GraphQLError]:
    """What `document` breaks of the input limits (see the module docstring)."""
    visitor = _InputVisitor(
        limits.max_string_length, limits.max_directives, limits.max_directives_per_field, limits.max_repeated_field
    )
    visit(document, visitor)
    errors = list(visitor.errors.values())
    if visitor.directives > limits.max_directives:
        errors.append(
            too_complex(f"The document uses {visitor.directives} directives; the limit is {limits.max_directives}.")
        )
    return errors


def variable_input_errors(variables: Mapping[str, object], max_string_length: int) -> list[GraphQLError]:
    """The first variable holding a string over `max_string_length` characters, as an error."""
    for name, value in variables.items():
        problem = _variable_problem(value, max_string_length)
        if problem:
            return [bad_input(f"A string in variable ${name} {problem}.", extensions={"variable": name})]
    return []
