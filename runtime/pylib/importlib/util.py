"""pyc's `importlib.util`: specs for files and modules created from them."""
import os
import sys
from importlib.machinery import ModuleSpec, SourceFileLoader


def spec_from_file_location(name, location=None, *, loader=None, submodule_search_locations=None):
    """A spec for the `.py` file `location`, loaded by a SourceFileLoader."""
    if location is None:
        return None
    location = os.fspath(location)
    if loader is None:
        if not location.endswith(".py"):
            return None
        loader = SourceFileLoader(name, location)
    is_package = submodule_search_locations is not None
    spec = ModuleSpec(name, loader, origin=location, is_package=is_package)
    if is_package and submodule_search_locations:
        spec.submodule_search_locations = list(submodule_search_locations)
    return spec


def module_from_spec(spec):
    """A new, empty module for `spec` (run it with `spec.loader.exec_module`)."""
    module = None
    if hasattr(spec.loader, "create_module"):
        module = spec.loader.create_module(spec)
    if module is None:
        module = type(sys)(spec.name)
    module.__spec__ = spec
    module.__loader__ = spec.loader
    if spec.origin is not None and spec.has_location:
        module.__file__ = spec.origin
    if spec.submodule_search_locations is not None:
        module.__path__ = spec.submodule_search_locations
    module.__package__ = spec.parent
    return module


def find_spec(name, package=None):
    """The spec of an importable module, or None."""
    if name.startswith("."):
        import importlib
        name = importlib._resolve_name(name.lstrip("."), package, len(name) - len(name.lstrip(".")))
    if name in sys.modules:
        module = sys.modules[name]
        spec = getattr(module, "__spec__", None)
        if spec is None:
            spec = ModuleSpec(name, None, origin="built-in")
        return spec
    parent = name.rpartition(".")[0]
    dirs = sys.path
    if parent:
        dirs = getattr(__import__(parent, fromlist=["__path__"]), "__path__", [])
    last = name.rpartition(".")[2]
    for d in dirs:
        init = os.path.join(d or ".", last, "__init__.py")
        if os.path.isfile(init):
            return spec_from_file_location(name, init, submodule_search_locations=[os.path.dirname(init)])
        file = os.path.join(d or ".", last + ".py")
        if os.path.isfile(file):
            return spec_from_file_location(name, file)
    return None
