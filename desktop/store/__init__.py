"""Persistence: SQLModel tables, the database connection and migrations, the audit log, services."""
