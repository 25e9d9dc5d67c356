"""The column headings of the entry sheet of a template and of a submission, in both languages. Written by the
workbooks and checked by the import: a sheet whose columns were inserted, deleted or moved is refused, never read
from the wrong column."""

from __future__ import annotations

from desktop.core.text import Text

TEMPLATE = Text("指标代码|行号|指标名称|计量单位|本期数值|上期|上年同期|说明（未达标或变化异常时填写）|填报要求",
                "Code|Row|Indicator|Unit|This half|Previous half|Same half last year|Explanation (when a target is missed or a change is unusual)|Requirement")  # fmt: skip
SUBMISSION = Text("指标代码|行号|指标名称|计量单位|本期|上期|上年同期|同比增减|目标|目标依据|达标情况|说明",
                  "Code|Row|Indicator|Unit|This half|Previous half|Same half last year|Change y/y|Target|Basis|Attainment|Explanation")  # fmt: skip
NOT_APPLICABLE = Text("不适用", "n/a")  # a ratio whose denominator is nought, in its cell
BY_KIND = {"template": TEMPLATE, "submission": SUBMISSION}
