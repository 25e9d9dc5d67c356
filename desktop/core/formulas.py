"""Derived-indicator formulas and consistency rules, evaluated safely with simpleeval.

A formula names indicator codes (`100 * water.sections_excellent / water.sections_total`).
It is parsed once, checked against a whitelist of syntax, and evaluated on Decimals: no `eval`,
no attribute access, no strings, no powers, no calls but min/max/abs.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation

from simpleeval import SimpleEval

# Names a formula may use besides indicator codes; their values come from the context.
CONTEXT_NAMES = frozenset({"semester.days"})
_FUNCTIONS = {"min": min, "max": max, "abs": abs}
_ALLOWED = (
    ast.Expr, ast.BinOp, ast.UnaryOp, ast.Compare, ast.BoolOp, ast.Constant, ast.Name, ast.Load,
    ast.Add, ast.Sub, ast.Mult, ast.Div, ast.USub, ast.UAdd,
    ast.Lt, ast.LtE, ast.Gt, ast.GtE, ast.Eq, ast.NotEq, ast.And, ast.Or, ast.Call,
)  # fmt: skip
MAX_LENGTH = 500


class FormulaError(ValueError):
    """The formula text is not acceptable; raised when the catalog is loaded, never later."""


class NotApplicable(Exception):
    """The formula divides by zero: the figure does not exist for this unit (not 0, not 100)."""


def _dotted(node: ast.AST) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute) and not node.attr.startswith("_"):
        head = _dotted(node.value)
        return f"{head}.{node.attr}" if head else None
    return None


class _Flatten(ast.NodeTransformer):
    """Turns `water.sections_total` (attribute access) into one name, and numbers into Decimals."""

    def visit_Attribute(self, node: ast.Attribute) -> ast.AST:
        name = _dotted(node)
        if name is None:
            raise FormulaError("only indicator codes such as water.sections_total may contain dots")
        return ast.copy_location(ast.Name(id=name, ctx=ast.Load()), node)

    def visit_Constant(self, node: ast.Constant) -> ast.AST:
        if isinstance(node.value, bool) or not isinstance(node.value, int | float):
            raise FormulaError(f"only numbers may appear as constants, not {node.value!r}")
        node.value = Decimal(repr(node.value))
        return node


_ABSENT = object()


def _first_place(source: str, code: str) -> int:
    found = re.search(rf"(?<![\w.]){re.escape(code)}(?![\w.])", source)
    return found.start() if found else len(source)


class Formula:
    """A parsed, validated expression over indicator codes."""

    __slots__ = ("source", "codes", "codes_in_order", "_names", "_tree", "_evaluator")

    def __init__(self, source: str):
        if not isinstance(source, str) or not source.strip():
            raise FormulaError("a formula must be a non-empty string")
        if len(source) > MAX_LENGTH:
            raise FormulaError(f"a formula may be at most {MAX_LENGTH} characters long")
        self.source = source.strip()
        self._evaluator = SimpleEval(functions=_FUNCTIONS, names={})
        try:
            ast.parse(self.source, mode="eval")  # one expression, not statements
            tree = self._evaluator.parse(self.source)
        except SyntaxError as exc:
            raise FormulaError(f"syntax error: {exc.msg}") from None
        if not isinstance(tree, ast.Expr):
            raise FormulaError("a formula must be a single expression")
        tree = _Flatten().visit(tree)
        names: set[str] = set()
        for node in ast.walk(tree):
            if not isinstance(node, _ALLOWED):
                raise FormulaError(f"{type(node).__name__} is not allowed in a formula")
            if isinstance(node, ast.Call):
                if not (isinstance(node.func, ast.Name) and node.func.id in _FUNCTIONS) or node.keywords:
                    raise FormulaError("only min(), max() and abs() may be called")
            elif isinstance(node, ast.Name) and node.id not in _FUNCTIONS:
                names.add(node.id)
        self._tree = tree
        self._names = tuple(sorted(names))  # what it reads: codes and context names
        self.codes = frozenset(names - CONTEXT_NAMES)
        # As written: a rule's first code is what it is about (优良断面数 in "优良 + 劣Ⅴ ≤ 国控"), where its finding is shown.
        self.codes_in_order = tuple(sorted(self.codes, key=lambda code: _first_place(self.source, code)))

    def evaluate(self, values: Mapping[str, object]) -> object:
        """Evaluates with `values` (codes and context names → numbers).

        The caller makes sure every code is present; a zero denominator raises NotApplicable.
        """
        # Every number as a Decimal: exact in any order of operations (`a / b * 100` as well as `100 * a / b`).
        # Only the names it reads are converted: a unit-half holds dozens of values, a formula reads two or three.
        self._evaluator.names = {k: Decimal(v) if type(v) is int else v for k in self._names if (v := values.get(k, _ABSENT)) is not _ABSENT}
        try:
            return self._evaluator.eval(self.source, previously_parsed=self._tree)
        except (ZeroDivisionError, InvalidOperation):
            raise NotApplicable(self.source) from None

    def __repr__(self) -> str:
        return f"Formula({self.source!r})"
