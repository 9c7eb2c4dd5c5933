"""Language conventions: the interface in :mod:`.base`, one module per language."""
