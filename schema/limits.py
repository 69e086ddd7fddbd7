"""Query limits: refuse, before anything runs, the queries only an attacker or a runaway client sends.

Every refusal is a request error with ``extensions.code`` ``QUERY_TOO_COMPLEX``, except a page size
over the cap, which is ``BAD_USER_INPUT``. Introspection fields (``__schema``, ``__type``,
``__typename``) are left out of depth and cost: graphql-core's ``MaxIntrospectionDepthRule`` bounds
those instead, so GraphiQL's own introspection query works.

* Tokens: the document may have at most ``max_tokens`` tokens, comments included; parsing stops there.
* Depth: the longest chain of nested fields, counting the leaf: ``{ clubs { nodes { name } } }`` is 3.
* Aliases: every aliased field counts, once per place its fragment is spread.
* Strings, directives and repeated fields: see ``schema.input_limits``, checked before the validation rules run.
* Page size: ``first``/``last`` on a field that takes them must be between 0 and ``max_page_size``.
* No silent truncation: a connection whose ``nodes`` or ``edges`` are selected must be given ``first``
  or ``last`` (as GitHub's API asks), so a client never mistakes the first page for the whole list.
  A connection asked only for ``totalCount``, ``aggregate`` or ``groupBy`` needs neither.
* Cost: an upper estimate of the number of objects the query can return. Each selected field of
  object type counts one object per value it can have: the product of the sizes of the list it
  returns (if any) and of every list above it.

  - ``list_sizes["Type.field"]`` is a list's real size when known: the served app measures every list's
    longest instance once per data version (``resolvers.list_sizes``, ``schema.cost.ServedListSizes``), so a
    query is judged by what the data can really return.
  - A paginated field, one taking ``first`` or ``last``, returns as many items as asked; when
    neither is given, the schema's default for them, else ``default_page_size`` (which resolvers use
    for a page nobody reads). If it returns a connection object, the page goes to the connection's ``nodes`` and
    ``edges`` (the connection itself being a single object), and holds at most the list's real size. A paginated
    list field counts its page size, or its real size when known (``topScorers`` lists ties whole).
  - Any other list counts its real size, or else ``list_size_estimate``. In this API an unpaginated list is
    short by design (a match's goals, a tie's legs): anything long is paginated.
  - Variables count with the values sent, or their defaults; fragments count where spread.

On the bundled 2024 season the real sizes bring every club's matches with each goal's scorer and the scorer's
goals from 123,101 objects by the fixed estimates down to 6,113 (the worked figures are in the README).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from graphql import (
    ASTValidationRule,
    DocumentNode,
    FieldNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLField,
    GraphQLInterfaceType,
    GraphQLList,
    GraphQLNamedType,
    GraphQLObjectType,
    GraphQLSchema,
    GraphQLSyntaxError,
    InlineFragmentNode,
    IntValueNode,
    MaxIntrospectionDepthRule,
    OperationDefinitionNode,
    SelectionSetNode,
    TypeInfo,
    ValidationContext,
    ValidationRule,
    ValueNode,
    VariableNode,
    get_named_type,
    get_nullable_type,
    is_composite_type,
    validate,
)
from strawberry.extensions import SchemaExtension

from football.errors import ErrorCode
from football.limits import QueryLimits
from schema.documents import DocumentCache, PreparedDocuments, ServedDocumentCache
from schema.errors import bad_input, too_complex
from schema.input_limits import document_input_errors, variable_input_errors

__all__ = ["QueryLimitCheck", "QueryLimiter", "QueryLimits", "limit_extensions"]

_PAGE_ARGUMENTS = ("first", "last")
_PAGE_LISTS = ("nodes", "edges")
# The page size below a connection asked for neither `first` nor `last`.
_UNSIZED = -1


@dataclass
class _Measure:
    cost: int = 0
    depth: int = 0
    aliases: int = 0
    # Whether `nodes` or `edges` are selected under a connection given neither `first` nor `last`.
    unsized_page: bool = False

    def add(self, other: _Measure) -> None:
        self.cost += other.cost
        self.depth = max(self.depth, other.depth)
        self.aliases += other.aliases
        self.unsized_page = self.unsized_page or other.unsized_page


class _OperationAnalysis:
    """Measures one operation; ``errors`` are what it breaks."""

    def __init__(
        self,
        context: ValidationContext,
        limits: QueryLimits,
        variables: Mapping[str, object],
        operation: OperationDefinitionNode,
    ) -> None:
        self.context = context
        self.limits = limits
        self.operation = operation
        self.variables = variables
        self.defaults = {
            definition.variable.name.value: definition.default_value
            for definition in operation.variable_definitions or ()
            if definition.default_value is not None
        }
        # A fragment's measure depends only on the page size it is spread under, so memoising it
        # keeps fragments spread many times (or nested "fragment bombs") linear to measure.
        self.fragment_measures: dict[tuple[str, int | None], _Measure] = {}
        # Keyed by argument node: a fragment measured under two page sizes reports it once.
        self.page_errors: dict[int, GraphQLError] = {}

    def errors(self) -> list[GraphQLError]:
        operation = self.operation
        root = self.context.schema.get_root_type(operation.operation)
        if root is None:
            return []  # KnownOperationTypesRule reports it
        measure = self.selection_set(operation.selection_set, root, None, frozenset())
        limits = self.limits
        errors = list(self.page_errors.values())
        if measure.depth > limits.max_depth:
            errors.append(
                too_complex(
                    f"The query nests fields {measure.depth} levels deep; the limit is {limits.max_depth}.",
                    nodes=operation,
                )
            )
        if measure.aliases > limits.max_aliases:
            errors.append(
                too_complex(
                    f"The query uses {measure.aliases} aliases; the limit is {limits.max_aliases}.",
                    nodes=operation,
                )
            )
        if measure.cost > limits.max_cost:
            errors.append(
                too_complex(
                    f"The query could return up to {measure.cost} objects; the limit is {limits.max_cost}. "
                    "Ask for smaller pages (`first`/`last`) or fewer nested lists.",
                    nodes=operation,
                )
            )
        return errors

    def selection_set(
        self,
        selection_set: SelectionSetNode,
        parent_type: GraphQLNamedType,
        page_size: int | None,
        spreading: frozenset[str],
    ) -> _Measure:
        """Measure a selection set; ``page_size`` is set inside a connection, ``spreading`` are the
        fragments being expanded (to stop at cycles, which NoFragmentCyclesRule reports)."""
        total = _Measure()
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                total.add(self.field(selection, parent_type, page_size, spreading))
            elif isinstance(selection, InlineFragmentNode):
                condition = selection.type_condition
                fragment_type = self.context.schema.get_type(condition.name.value) if condition else parent_type
                if fragment_type is not None:
                    total.add(self.selection_set(selection.selection_set, fragment_type, page_size, spreading))
            elif isinstance(selection, FragmentSpreadNode):
                total.add(self.fragment(selection.name.value, page_size, spreading))
        return total

    def fragment(self, name: str, page_size: int | None, spreading: frozenset[str]) -> _Measure:
        key = (name, page_size)
        if key in self.fragment_measures:
            return self.fragment_measures[key]
        fragment = self.context.get_fragment(name)
        if fragment is None or name in spreading:
            return _Measure()  # KnownFragmentNamesRule or NoFragmentCyclesRule reports it
        fragment_type = self.context.schema.get_type(fragment.type_condition.name.value)
        if fragment_type is None:
            return _Measure()  # KnownTypeNamesRule reports it
        measure = self.selection_set(fragment.selection_set, fragment_type, page_size, spreading | {name})
        self.fragment_measures[key] = measure
        return measure

    def field(
        self, node: FieldNode, parent_type: GraphQLNamedType, page_size: int | None, spreading: frozenset[str]
    ) -> _Measure:
        aliases = 1 if node.alias else 0
        name = node.name.value
        definition = (
            parent_type.fields.get(name)
            if isinstance(parent_type, GraphQLObjectType | GraphQLInterfaceType) and not name.startswith("__")
            else None
        )
        if definition is None:
            return _Measure(aliases=aliases)
        is_list = isinstance(get_nullable_type(definition.type), GraphQLList)
        requested = self.requested_page_size(node, definition)
        child_page_size = None
        unsized = False
        known = self.limits.list_sizes.get(f"{parent_type.name}.{name}")
        if requested is not None:
            # A page holds at most what the list really has; a list taking `first` that can return more (topScorers
            # lists ties whole) is known by its real size.
            if is_list:
                size, child_page_size = (requested if known is None else known), None
            else:
                size, child_page_size = 1, (requested if known is None else min(requested, known))
            if not is_list and not self.sized(node, definition):
                child_page_size = _UNSIZED
        elif is_list and page_size is not None and name in _PAGE_LISTS:
            unsized = page_size == _UNSIZED
            size = self.limits.default_page_size if unsized else page_size
        elif is_list:
            size = self.limits.list_size_estimate if known is None else known
        else:
            size = 1
        named_type = get_named_type(definition.type)
        inner = (
            self.selection_set(node.selection_set, named_type, child_page_size, spreading)
            if node.selection_set
            else _Measure()
        )
        own = 1 if is_composite_type(named_type) else 0
        if child_page_size == _UNSIZED and inner.unsized_page:
            self.page_errors[id(node)] = bad_input(
                f"Say how many `{name}` to list: pass `first` (or `last`), at most {self.limits.max_page_size}. "
                "`totalCount` tells how many there are; `pageInfo { endCursor }` with `after` gives the next page.",
                nodes=node,
                extensions={"argument": "first", "maxPageSize": self.limits.max_page_size},
            )
        return _Measure(
            cost=size * (own + inner.cost),
            depth=1 + inner.depth,
            aliases=aliases + inner.aliases,
            unsized_page=unsized or (inner.unsized_page and child_page_size is None),
        )

    def sized(self, node: FieldNode, definition: GraphQLField) -> bool:
        """Whether the request, or the schema's defaults, give a paginated field a page size."""
        given = {argument.name.value: argument.value for argument in node.arguments or ()}
        for name in _PAGE_ARGUMENTS:
            if name not in definition.args:
                continue
            if name in given and self.int_value(given[name]) is not None:
                return True
            default = definition.args[name].default_value
            if isinstance(default, int) and not isinstance(default, bool):
                return True
        return False

    def requested_page_size(self, node: FieldNode, definition: GraphQLField) -> int | None:
        """The page size a paginated field is asked for (capped, for the cost), None if unpaginated."""
        if not any(name in definition.args for name in _PAGE_ARGUMENTS):
            return None
        limits = self.limits
        given = {argument.name.value: argument for argument in node.arguments or ()}
        requested = []
        for name in _PAGE_ARGUMENTS:
            if name not in definition.args:
                continue
            argument = given.get(name)
            value = self.int_value(argument.value) if argument else None
            if argument is None or value is None:
                default = definition.args[name].default_value
                if isinstance(default, int) and not isinstance(default, bool):
                    requested.append(default)
                continue
            if not 0 <= value <= limits.max_page_size:
                self.page_errors[id(argument)] = bad_input(
                    f"`{name}` on `{node.name.value}` must be between 0 and {limits.max_page_size}, not {value}.",
                    nodes=argument,
                    extensions={"argument": name, "maxPageSize": limits.max_page_size},
                )
            requested.append(min(max(value, 0), limits.max_page_size))
        return max(requested, default=limits.default_page_size)

    def int_value(self, node: ValueNode) -> int | None:
        """The integer an argument receives, or None if it is null or not an integer (which variable
        coercion or ValuesOfCorrectTypeRule reports)."""
        if isinstance(node, VariableNode):
            name = node.name.value
            if name not in self.variables:
                default = self.defaults.get(name)
                return self.int_value(default) if default is not None else None
            value = self.variables[name]
            return value if isinstance(value, int) and not isinstance(value, bool) else None
        return int(node.value) if isinstance(node, IntValueNode) else None


def estimated_cost(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation_name: str | None,
    limits: QueryLimits,
    variables: Mapping[str, object],
) -> int | None:
    """The cost `limits` estimate for the operation a valid `document` runs (None when it has no such operation)."""
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if operation_name is None:
        operation = operations[0] if len(operations) == 1 else None
    else:
        operation = next((o for o in operations if o.name and o.name.value == operation_name), None)
    root = schema.get_root_type(operation.operation) if operation else None
    if operation is None or root is None:
        return None
    context = ValidationContext(schema, document, TypeInfo(schema), lambda _error: None)
    analysis = _OperationAnalysis(context, limits, variables, operation)
    return analysis.selection_set(operation.selection_set, root, None, frozenset()).cost


def _limits_rule(limits: QueryLimits, variables: Mapping[str, object]) -> type[ValidationRule]:
    # Built per operation because page sizes and costs depend on the variables sent with it.
    class QueryLimitsRule(ValidationRule):
        def enter_operation_definition(self, node: OperationDefinitionNode, *_args: object) -> None:
            for error in _OperationAnalysis(self.context, limits, variables, node).errors():
                self.report_error(error)

    return QueryLimitsRule


class _IntrospectionDepthRule(MaxIntrospectionDepthRule):
    def report_error(self, error: GraphQLError) -> None:
        super().report_error(too_complex(error.message, nodes=error.nodes))


class QueryLimitCheck:
    """The checks ``QueryLimits`` asks of a document, for the document cache to run and remember."""

    validation_rules: Sequence[type[ASTValidationRule]] = (_IntrospectionDepthRule,)

    def __init__(self, limits: QueryLimits) -> None:
        self.limits = limits

    @property
    def max_tokens(self) -> int:
        return self.limits.max_tokens

    def variable_errors(self, variables: Mapping[str, object]) -> list[GraphQLError]:
        return variable_input_errors(variables, self.limits.max_string_length)

    def document_errors(self, document: DocumentNode) -> list[GraphQLError]:
        return document_input_errors(document, self.limits)

    def operation_errors(
        self, schema: GraphQLSchema, document: DocumentNode, variables: Mapping[str, object]
    ) -> list[GraphQLError]:
        # Page sizes and costs depend on the variables sent with the document.
        return validate(schema, document, [_limits_rule(self.limits, variables)])


class QueryLimiter(SchemaExtension):
    """Parse with the token limit, and give a document refused for its tokens the code ``QUERY_TOO_COMPLEX``."""

    def __init__(self, limits: QueryLimits) -> None:
        self.limits = limits

    def on_parse(self) -> Iterator[None]:
        context = self.execution_context
        context.parse_options["max_tokens"] = self.limits.max_tokens
        yield
        for error in context.pre_execution_errors or ():
            # graphql-core ends the message of every parser limit (tokens here) with this sentence.
            if isinstance(error, GraphQLSyntaxError) and error.message.endswith("Parsing aborted."):
                error.extensions = {**(error.extensions or {}), "code": str(ErrorCode.QUERY_TOO_COMPLEX)}


ServedLimits = Callable[[QueryLimits], Awaitable[tuple[object, QueryLimits]]]
"""The data version served and `limits` with that version's real list sizes (see `schema.cost`)."""


def limit_extensions(
    limits: QueryLimits,
    extra_rules: Sequence[type[ValidationRule]] = (),
    served: ServedLimits | None = None,
    *,
    document_cache_bytes: int = PreparedDocuments.MAX_BYTES,
) -> list[Callable[[], SchemaExtension]]:
    """The schema extensions enforcing ``limits`` (and validating with ``extra_rules`` too), with the document cache
    that remembers their verdicts, up to ``document_cache_bytes``: add them to ``strawberry.Schema(extensions=...)``.
    With ``served``, costs are judged by the list sizes of the data version served."""
    documents = PreparedDocuments(QueryLimitCheck(limits), max_bytes=document_cache_bytes, extra_rules=extra_rules)
    if served is None:
        return [lambda: QueryLimiter(limits), lambda: DocumentCache(documents)]

    async def served_checks() -> tuple[object, QueryLimitCheck]:
        version, sized = await served(limits)
        return version, QueryLimitCheck(sized)

    return [lambda: QueryLimiter(limits), lambda: ServedDocumentCache(documents, served_checks)]
