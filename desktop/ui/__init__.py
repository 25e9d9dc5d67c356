"""The Qt user interface. The only package allowed to import PySide6."""


def _skip_pyside_source_scan() -> None:
    """PySide6 reads the source of every module imported after it, to learn whether it uses PySide6 and so may opt in
    to its `__feature__` switches (snake_case, true_property). EcoReport uses none, and the database stack, loaded
    once the login window is up, is some 400 modules: about a tenth of a second of start-up. Only our UI modules
    use PySide6; anything else is marked as not (which, with no feature on, behaves the same)."""
    import sys

    feature = sys.modules.get("shibokensupport.feature")
    if feature is not None and callable(getattr(feature, "_mod_uses_pyside", None)):
        feature._mod_uses_pyside = lambda module: getattr(module, "__name__", "").startswith(("desktop.ui", "PySide6"))
