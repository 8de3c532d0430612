"""A host program that loads plugins named at run time.

    pyc build examples/plugin_host.py -o host
    ./host examples/plugins shout reverse stats -- some words to transform

Each plugin is a `.py` file in the plugin folder, unknown when `host` was built: the
binary compiles it with its embedded frontend and runs it in its interpreter. A plugin
defines `register(api)`; it calls back into the host through `api` (a compiled class)
and registers transformations the host then applies.
"""
import importlib
import sys


class PluginError(Exception):
    pass


class HostAPI:
    """What the host offers to plugins: registration and a logger."""

    def __init__(self):
        self.transforms = {}
        self.log_lines = []

    def register_transform(self, name, func):
        if name in self.transforms:
            raise PluginError(f"transform {name!r} registered twice")
        self.transforms[name] = func

    def log(self, msg):
        self.log_lines.append(msg)
        print(f"[host] {msg}")

    def words(self, text):
        """A host service plugins call back into."""
        return [w for w in text.split() if w]


def load(folder, names):
    sys.path.insert(0, folder)
    api = HostAPI()
    for name in names:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as e:
            api.log(f"no plugin {e.name!r}")
            continue
        except SyntaxError as e:
            api.log(f"plugin {name!r} has a syntax error at line {e.lineno}: {e.msg}")
            continue
        module.register(api)
        api.log(f"loaded {module.__name__} ({len(api.transforms)} transforms)")
    return api


def main(argv):
    if len(argv) < 2 or "--" not in argv:
        print("usage: host PLUGIN_DIR NAME... -- TEXT...", file=sys.stderr)
        return 2
    sep = argv.index("--")
    api = load(argv[1], argv[2:sep])
    for text in (" ".join(argv[sep + 1:]), ""):
        print(f"text {text!r}")
        for name, func in sorted(api.transforms.items()):
            try:
                print(f"  {name}: {func(text)}")
            except Exception as e:
                print(f"  {name}: failed with {type(e).__name__}: {e}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
