"""Excel exchange: templates to fill in, submission workbooks, safe import, the city's workbook."""
