"""Catalog formulas as live Excel formulas, so a person filling in a template sees ratios while typing."""

from __future__ import annotations

import ast
from collections.abc import Mapping

from desktop.core.catalog import Indicator

_BINOPS = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/"}


def _excel(node: ast.AST, refs: Mapping[str, str]) -> str:
    if isinstance(node, ast.Expr):
        return _excel(node.value, refs)
    if isinstance(node, ast.BinOp):
        return f"({_excel(node.left, refs)}{_BINOPS[type(node.op)]}{_excel(node.right, refs)})"
    if isinstance(node, ast.UnaryOp):
        return f"({'-' if isinstance(node.op, ast.USub) else '+'}{_excel(node.operand, refs)})"
    if isinstance(node, ast.Constant):
        return format(node.value, "f")
    if isinstance(node, ast.Name):
        return refs[node.id]
    if isinstance(node, ast.Call):
        return f"{node.func.id.upper()}({','.join(_excel(a, refs) for a in node.args)})"
    raise ValueError(f"cannot express {type(node).__name__} in Excel")


def excel_formula(ind: Indicator, refs: Mapping[str, str], not_applicable: str) -> str:
    """`=IF(COUNT(E6,E7)<2,"",IFERROR(ROUND(100*E7/E6,1),"不适用"))`: blank until every input is there."""
    body = _excel(ind.formula._tree, refs)
    cells = ",".join(refs[c] for c in sorted(ind.formula.codes))
    count = len(ind.formula.codes)
    return f'=IF(COUNT({cells})<{count},"",IFERROR(ROUND({body},{ind.places}),"{not_applicable}"))'
