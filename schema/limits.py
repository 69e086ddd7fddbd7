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

With the fixed estimates (no real sizes), the analyst's query for every club's whole cup run,
``{ clubs(first: 50) { nodes { name cupRun { steps { round opponent { name } match { goals { minute scorer { name } }
cards { kind player { name } } } } } scorers { player { name } goals } } } }``, has depth 8 and costs 22,601 (50
clubs x 10 steps x 10 goals or cards make 5,000 of each of goals, scorers, cards and players), well
under ``max_cost``. A chain of three default-sized pages of nested lists (20 x 20 x 20 x 10) costs
over 80,000 and is refused, and so is nesting cyclic links deeper than ``max_depth``. On the bundled 2024 season
the real sizes (32 clubs, at most 5 matches a club, 7 goals a match, 3 goals a player) bring every club's matches
with each goal's scorer and the scorer's goals, 123,101 objects by the fixed estimate, down to 6,113.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from cachetools import LRUCache
from graphql import (
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
    parse,
    specified_rules,
    validate,
)
from strawberry.extensions import SchemaExtension
from strawberry.schema.validation_rules.maybe_null import MaybeNullValidationRule
from strawberry.schema.validation_rules.one_of import OneOfInputValidationRule

from football.errors import ErrorCode
from football.limits import QueryLimits
from schema.errors import bad_input, too_complex
from schema.input_limits import document_input_errors, variable_input_errors

__all__ = ["PreparedDocuments", "QueryLimiter", "QueryLimits", "limit_extensions"]

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


class QueryLimiter(SchemaExtension):
    """Enforces ``QueryLimits`` at parse and validation time, so refused queries never execute.

    It is also the document cache: a document is parsed and validated once (and its limits analysed once per
    set of variables), then every later request for it goes straight to execution. The caches are bounded
    LRUs shared by every request of the schema.
    """

    def __init__(self, limits: QueryLimits, documents: PreparedDocuments) -> None:
        self.limits = limits
        self.documents = documents

    def on_parse(self) -> Iterator[None]:
        context = self.execution_context
        if context.query is not None:
            context.graphql_document = self.documents.parsed(context.query)
        context.parse_options["max_tokens"] = self.limits.max_tokens
        yield
        for error in context.pre_execution_errors or ():
            # graphql-core ends the message of every parser limit (tokens here) with this sentence.
            if isinstance(error, GraphQLSyntaxError) and error.message.endswith("Parsing aborted."):
                error.extensions = {**(error.extensions or {}), "code": str(ErrorCode.QUERY_TOO_COMPLEX)}

    def on_validate(self) -> Iterator[None]:
        self.validate(self.limits, None)
        yield

    def validate(self, limits: QueryLimits, version: object) -> None:
        context = self.execution_context
        if context.query is not None and context.graphql_document is not None:
            # Setting the errors (even to none) tells strawberry that validation has run.
            context.pre_execution_errors = self.documents.errors(
                context.schema._schema,
                context.query,
                context.graphql_document,
                context.variables or {},
                limits=limits,
                version=version,
            )


ServedLimits = Callable[[QueryLimits], Awaitable[tuple[object, QueryLimits]]]
"""The data version served and `limits` with that version's real list sizes (see `schema.cost`)."""


class SizedQueryLimiter(QueryLimiter):
    """A `QueryLimiter` that judges costs by the real list sizes of the data version served."""

    def __init__(self, limits: QueryLimits, documents: PreparedDocuments, served: ServedLimits) -> None:
        super().__init__(limits, documents)
        self.served = served

    async def on_validate(self) -> AsyncIterator[None]:  # type: ignore[override]
        version, limits = await self.served(self.limits)
        self.validate(limits, version)
        yield


class PreparedDocuments:
    """Bounded caches of parsed documents and of their validation errors under ``limits``.

    Only documents of up to ``MAX_CACHED_QUERY_CHARS`` characters are kept (real clients' documents are a few
    kilobytes), so the caches' memory stays in the tens of megabytes however the documents are padded.
    """

    MAX_CACHED_QUERY_CHARS = 20_000

    def __init__(
        self,
        limits: QueryLimits,
        *,
        max_documents: int = 500,
        extra_rules: Sequence[type[ValidationRule]] = (),
    ) -> None:
        self.limits = limits
        standard = tuple(rule for rule in specified_rules if rule is not MaxIntrospectionDepthRule)
        self.rules = (
            *standard,
            MaybeNullValidationRule,
            OneOfInputValidationRule,
            _IntrospectionDepthRule,
            *extra_rules,
        )
        self._documents: LRUCache[str, DocumentNode] = LRUCache(max_documents)
        self._static_errors: LRUCache[str, list[GraphQLError]] = LRUCache(max_documents)
        self._limit_errors: LRUCache[tuple[str, str, object], list[GraphQLError]] = LRUCache(max_documents)

    def parsed(self, query: str) -> DocumentNode | None:
        """The parsed document, or None when it does not parse (strawberry then parses it and reports why)."""
        document = self._documents.get(query)
        if document is None:
            try:
                document = parse(query, max_tokens=self.limits.max_tokens)
            except GraphQLError:
                return None
            if len(query) <= self.MAX_CACHED_QUERY_CHARS:
                self._documents[query] = document
        return document

    def errors(
        self,
        schema: GraphQLSchema,
        query: str,
        document: DocumentNode,
        variables: Mapping[str, object],
        *,
        limits: QueryLimits | None = None,
        version: object = None,
    ) -> list[GraphQLError]:
        """What validation and the limits (``limits``, those of data version ``version``, or else the documents'
        own) find wrong with ``query``'s parsed document sent with ``variables``."""
        cache = len(query) <= self.MAX_CACHED_QUERY_CHARS
        # Before anything that remembers the variables: a huge string must not become a cache key.
        too_long = variable_input_errors(variables, self.limits.max_string_length)
        if too_long:
            return too_long
        errors = self._static_errors.get(query)
        if errors is None:
            # The input limits first: a flood of directives gets one error, not one per directive.
            errors = document_input_errors(document, self.limits) or validate(schema, document, self.rules)
            if cache:
                self._static_errors[query] = errors
        if errors:
            return errors
        # Page sizes and costs depend on the variables sent with the document.
        key = (query, json.dumps(variables, sort_keys=True, default=str), version)
        errors = self._limit_errors.get(key)
        if errors is None:
            errors = validate(schema, document, [_limits_rule(limits or self.limits, variables)])
            if cache:
                self._limit_errors[key] = errors
        return errors


def limit_extensions(
    limits: QueryLimits, extra_rules: Sequence[type[ValidationRule]] = (), served: ServedLimits | None = None
) -> list[Callable[[], SchemaExtension]]:
    """The schema extensions enforcing ``limits`` (and validating with ``extra_rules`` too): add them to
    ``strawberry.Schema(extensions=...)``. With ``served``, costs are judged by the served data's list sizes."""
    documents = PreparedDocuments(limits, extra_rules=extra_rules)
    if served is not None:
        sized = served
        return [lambda: SizedQueryLimiter(limits, documents, sized)]
    return [lambda: QueryLimiter(limits, documents)]
