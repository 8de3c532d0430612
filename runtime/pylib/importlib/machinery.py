"""pyc's `importlib.machinery`: module specs and a source loader for `.py` files loaded
at run time (see importlib.util.spec_from_file_location)."""
import sys

SOURCE_SUFFIXES = [".py"]
BYTECODE_SUFFIXES = [".pyc"]
DEBUG_BYTECODE_SUFFIXES = [".pyc"]
OPTIMIZED_BYTECODE_SUFFIXES = [".pyc"]
EXTENSION_SUFFIXES = []


def all_suffixes():
    """Every file suffix a module can have."""
    return SOURCE_SUFFIXES + BYTECODE_SUFFIXES + EXTENSION_SUFFIXES


class ModuleSpec:
    """Where a module comes from and how to load it."""

    def __init__(self, name, loader, *, origin=None, loader_state=None, is_package=None):
        self.name = name
        self.loader = loader
        self.origin = origin
        self.loader_state = loader_state
        self.submodule_search_locations = [] if is_package else None
        self.cached = None
        self.has_location = origin is not None

    @property
    def parent(self):
        if self.submodule_search_locations is None:
            return self.name.rpartition(".")[0]
        return self.name

    def __repr__(self):
        args = [f"name={self.name!r}", f"loader={self.loader!r}"]
        if self.origin is not None:
            args.append(f"origin={self.origin!r}")
        if self.submodule_search_locations is not None:
            args.append(f"submodule_search_locations={self.submodule_search_locations}")
        return f"ModuleSpec({', '.join(args)})"

    def __eq__(self, other):
        if not isinstance(other, ModuleSpec):
            return NotImplemented
        return (self.name, self.loader, self.origin, self.submodule_search_locations) == (
            other.name, other.loader, other.origin, other.submodule_search_locations)


class SourceFileLoader:
    """Loads a `.py` file: compiles its source at run time and runs it."""

    def __init__(self, fullname, path):
        self.name = fullname
        self.path = path

    def get_filename(self, name=None):
        return self.path

    def get_data(self, path):
        with open(path, "rb") as f:
            return f.read()

    def get_source(self, name=None):
        return self.get_data(self.path).decode("utf-8")

    def get_code(self, name=None):
        return compile(self.get_data(self.path), self.path, "exec", dont_inherit=True)

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        exec(self.get_code(module.__name__), module.__dict__)

    def __repr__(self):
        return f"<SourceFileLoader object name={self.name!r} path={self.path!r}>"


class BuiltinImporter:
    """Stands for the modules compiled into the program."""

    @classmethod
    def find_spec(cls, fullname, path=None, target=None):
        if fullname in sys.modules:
            return ModuleSpec(fullname, cls, origin="built-in")
        return None
