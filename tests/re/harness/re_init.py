# Stand-in for re/__init__.py while the real one cannot be imported (it needs enum):
# the public re API over the real re._parser/_compiler and the native _sre, with
# plain int flags. Used only by tests/re/harness/run.sh.
from . import _compiler, _parser
from ._constants import error
import _sre
A = ASCII = 256; I = IGNORECASE = 2; L = LOCALE = 4; U = UNICODE = 32
M = MULTILINE = 8; S = DOTALL = 16; X = VERBOSE = 64; T = TEMPLATE = 1; DEBUG = 128; NOFLAG = 0
_cache = {}
def _compile(pattern, flags):
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError("cannot process flags argument with a compiled pattern")
        return pattern
    if not _compiler.isstring(pattern):
        raise TypeError("first argument must be string or compiled pattern")
    key = (type(pattern), pattern, flags)
    if key not in _cache:
        _cache[key] = _compiler.compile(pattern, flags)
    return _cache[key]
def compile(p, flags=0): return _compile(p, flags)
def match(p, s, flags=0): return _compile(p, flags).match(s)
def fullmatch(p, s, flags=0): return _compile(p, flags).fullmatch(s)
def search(p, s, flags=0): return _compile(p, flags).search(s)
def sub(p, r, s, count=0, flags=0): return _compile(p, flags).sub(r, s, count)
def subn(p, r, s, count=0, flags=0): return _compile(p, flags).subn(r, s, count)
def split(p, s, maxsplit=0, flags=0): return _compile(p, flags).split(s, maxsplit)
def findall(p, s, flags=0): return _compile(p, flags).findall(s)
def finditer(p, s, flags=0): return _compile(p, flags).finditer(s)
def escape(pattern):
    special = {i: '\\' + chr(i) for i in b'()[]{}?*+-|^$\\.&~# \t\n\r\v\f'}
    if isinstance(pattern, str): return pattern.translate(special)
    return str(pattern, 'latin1').translate(special).encode('latin1')
Pattern = type(_sre.compile('', 0, [1], 0, {}, ()))
Match = type(Pattern.match(_sre.compile('', 0, [1], 0, {}, ()), ''))
def _compile_repl(repl, pattern): return _parser.parse_template(repl, pattern)
def _expand(pattern, match, template):
    return _parser.expand_template(_parser.parse_template(template, pattern), match)
def _subx(pattern, template):
    template = _compile_repl(template, pattern)
    if not template[0] and len(template[1]) == 1:
        return template[1][0]
    def filter(match, template=template):
        return _parser.expand_template(template, match)
    return filter
class Scanner:
    def __init__(self, lexicon, flags=0):
        from ._constants import BRANCH, SUBPATTERN
        self.lexicon = lexicon
        p = []
        s = _parser.State()
        s.flags = flags
        for phrase, action in lexicon:
            gid = s.opengroup()
            p.append(_parser.SubPattern(s, [(SUBPATTERN, (gid, 0, 0, _parser.parse(phrase, flags)))]))
            s.closegroup(gid, p[-1])
        p = _parser.SubPattern(s, [(BRANCH, (None, p))])
        self.scanner = _compiler.compile(p)
    def scan(self, string):
        result = []
        match = self.scanner.scanner(string).match
        i = 0
        while True:
            m = match()
            if not m: break
            j = m.end()
            if i == j: break
            action = self.lexicon[m.lastindex-1][1]
            if callable(action):
                self.match = m
                action = action(self, m.group())
            if action is not None: result.append(action)
            i = j
        return result, string[i:]
