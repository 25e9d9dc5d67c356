"""The application context: resources, database and store, passed explicitly to every front end."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.core.loading import Resources, load_resources
from desktop.resources import resources_dir
from desktop.store.database import Database, database_url
from desktop.store.service import Store


@dataclass(slots=True)
class AppContext:
    resources: Resources
    store: Store
    lang: str = "zh"

    @property
    def catalog(self):
        return self.resources.catalog

    @property
    def units(self):
        return self.resources.units


def open_context(db: str | None = None, lang: str = "zh", resources: Resources | None = None) -> AppContext:
    """Loads and validates the data files, opens the database and brings its schema up to date."""
    resources = resources or load_resources(resources_dir())
    database = Database(database_url(db))
    database.migrate()
    store = Store(database, resources)
    store.sync_units()
    return AppContext(resources, store, lang)
