"""The Qt-free, database-free heart of EcoReport: catalog, periods, values, formulas and checks."""
