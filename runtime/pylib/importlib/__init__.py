"""pyc's `importlib`: the import API over pyc's own import system.

Modules compiled into the binary are found first; a module that was not compiled in is
searched on `sys.path` as a `.py` file and compiled at run time by the embedded
frontend (plugins).
"""
import sys

__all__ = ["import_module", "invalidate_caches", "reload"]


def _resolve_name(name, package, level):
    bits = package.rsplit(".", level - 1)
    if len(bits) < level:
        raise ImportError("attempted relative import beyond top-level package")
    base = bits[0]
    return f"{base}.{name}" if name else base


def import_module(name, package=None):
    """Import a module; `name` may be relative (leading dots) to `package`."""
    level = 0
    if name.startswith("."):
        if not package:
            raise TypeError("the 'package' argument is required to perform a relative "
                            f"import for {name!r}")
        for character in name:
            if character != ".":
                break
            level += 1
        name = _resolve_name(name[level:], package, level)
    __import__(name)
    return sys.modules[name]


def invalidate_caches():
    """Nothing to invalidate: pyc looks modules up on each import."""


def reload(module):
    """Run a module's code again in its existing namespace (source modules only)."""
    name = getattr(module, "__name__", None)
    if name is None or sys.modules.get(name) is not module:
        raise ImportError(f"module {name} not in sys.modules", name=name)
    spec = getattr(module, "__spec__", None)
    loader = getattr(spec, "loader", None)
    if loader is None or not hasattr(loader, "exec_module"):
        raise ImportError(f"cannot reload module {name!r}: it is compiled into the program",
                          name=name)
    loader.exec_module(module)
    return module
