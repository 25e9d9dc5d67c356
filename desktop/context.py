"""The application context: resources, database and store, passed explicitly to every front end."""

from __future__ import annotations

from dataclasses import dataclass

from desktop import collector
from desktop.core.loading import Resources, load_resources
from desktop.resources import resources_dir
from desktop.store.database import Database, database_url
from desktop.store.service import Store


def _resources(database: Database) -> Resources:
    from sqlmodel import select

    from desktop.store.models import ResourcePackage

    with database.session() as s:
        package = s.exec(select(ResourcePackage).where(ResourcePackage.active)).first()
    if package is None:
        return load_resources(resources_dir())
    import json

    from desktop.store.packages import materialise

    # The set-up in use opens as it was accepted, even if this version asks more of new set-ups.
    return load_resources(materialise(json.loads(package.content), package.sha256), written_before=True)


@dataclass(slots=True)
class AppContext:
    resources: Resources
    store: Store
    lang: str = "zh"
    user: str | None = None  # who signed in (the command line's --user)

    def close(self) -> None:
        """The database's files closed, SQLite's write-ahead log folded into the file: a front end calls this
        when it is done (the program's exit leaves nothing to the collector; see desktop.collector)."""
        self.store.db.dispose()

    def reload_resources(self) -> None:
        """After the set-up changed (a package imported, a target edited): the same context, new data."""
        self.resources = _resources(self.store.db)
        self.store.use(self.resources)
        self.store.sync_units()

    @property
    def submissions(self):
        """Every status change of a half: sign-off, receipt, the bureau's decisions (store.submissions)."""
        from desktop.store.submissions import Submissions

        return Submissions(self.store)

    @property
    def users(self):
        from desktop.store.users import Users

        return Users(self.store)

    @property
    def served_unit(self):
        """The unit this installation serves (store.installation): its get() is None where it plays both sides."""
        from desktop.store.installation import ServedUnit

        return ServedUnit(self.store)

    @property
    def audit(self):
        from desktop.store.audit import AuditLog

        return AuditLog(self.store)

    @property
    def catalog(self):
        return self.resources.catalog

    @property
    def units(self):
        return self.resources.units


def open_context(db: str | None = None, lang: str = "zh", resources: Resources | None = None) -> AppContext:
    """Opens the database (bringing its schema up to date) and loads the data files — those of the active
    set-up package when the bureau has issued one, else the ones shipped with the program."""
    database = Database(database_url(db))
    try:
        database.migrate()
        resources = resources or _resources(database)
        store = Store(database, resources)
        store.sync_units()
    except BaseException:
        database.dispose()  # a refused start leaves the file closed, its write-ahead log folded in
        raise
    collector.ready()
    return AppContext(resources, store, lang)
