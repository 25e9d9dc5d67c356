from openpyxl.utils import get_column_letter

from desktop.exchange.address import column_letter


def test_column_letters_are_openpyxls():
    assert [column_letter(i) for i in range(1, 18279)] == [get_column_letter(i) for i in range(1, 18279)]
