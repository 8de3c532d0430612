//! Built-in types' methods that an executable links only when its program may use them,
//! shared by codegen (which decides, from the program's words, which tables `main`
//! enables) and the runtime (whose unit test checks each type's extension table holds
//! exactly these names).
//!
//! Why: a built-in type's method table references every method, so creating the type at
//! start-up kept all of them alive in every executable (`str` alone ~125 KB). Each type
//! below keeps its dunders and the methods the runtime itself looks up by name in its
//! core table; the rest sit behind `pyrt_methods_<type>`, which the generated `main` calls
//! before the runtime starts when the program may reach one of them (docs/performance.md,
//! "Binary size"). A program reaches a method only by spelling its name (an attribute, or
//! a string constant: a class pattern's keyword, `__match_args__`) or by a computed name,
//! through one of `COMPUTED_ATTRIBUTE_NAMES`; an AttributeError's
//! "Did you mean" suggestion also lists a type's methods, so a word close to a method's
//! name enables its table too.

/// One extension table: the runtime's enabling symbol and the attribute names it adds.
pub struct MethodTable {
    pub enabler: &'static str,
    pub names: &'static [&'static str],
}

/// Every extension table. Not here (core): dunders, getters, and names the runtime looks
/// up on objects of the type (`join` by re.sub on its joiner, `hex` by memoryview.hex on
/// bytes; `RUNTIME_LOOKUPS`).
pub const METHOD_TABLES: &[MethodTable] = &[
    MethodTable {
        enabler: "pyrt_methods_str",
        names: &[
            "upper", "lower", "casefold", "swapcase", "capitalize", "title", "isdigit", "isdecimal", "isnumeric", "isalpha",
            "isalnum", "isspace", "isascii", "isprintable", "isupper", "islower", "istitle", "isidentifier", "find", "rfind",
            "index", "rindex", "count", "startswith", "endswith", "split", "rsplit", "splitlines", "strip", "lstrip", "rstrip",
            "partition", "rpartition", "replace", "removeprefix", "removesuffix", "center", "ljust", "rjust", "zfill",
            "expandtabs", "format", "format_map", "encode", "maketrans", "translate",
        ],
    },
    // bytes and bytearray share this table
    MethodTable {
        enabler: "pyrt_methods_bytes",
        names: &[
            "decode", "fromhex", "split", "rsplit", "strip", "lstrip", "rstrip", "find", "rfind", "index", "rindex", "count",
            "startswith", "endswith", "replace", "upper", "lower", "swapcase", "isdigit", "isalpha", "isalnum", "isspace",
            "isascii", "isupper", "islower", "partition", "rpartition", "removeprefix", "removesuffix", "center", "ljust",
            "rjust", "zfill", "expandtabs", "splitlines", "title", "capitalize", "istitle", "translate", "maketrans",
        ],
    },
    MethodTable {
        enabler: "pyrt_methods_memoryview",
        names: &[
            "tobytes", "tolist", "hex", "release", "toreadonly", "cast", "obj", "nbytes", "readonly", "itemsize", "format",
            "ndim", "shape", "strides", "suboffsets", "c_contiguous", "f_contiguous", "contiguous",
        ],
    },
    MethodTable { enabler: "pyrt_methods_float", names: &["is_integer", "as_integer_ratio", "conjugate", "hex", "fromhex"] },
    MethodTable {
        enabler: "pyrt_methods_int",
        names: &["bit_length", "bit_count", "conjugate", "as_integer_ratio", "to_bytes", "from_bytes"],
    },
    // not here: `insert` (bisect.insort calls it by name)
    MethodTable {
        enabler: "pyrt_methods_list",
        names: &["append", "extend", "pop", "remove", "index", "count", "clear", "copy", "reverse", "sort"],
    },
    // not here: `get`, `keys`, `values`, `items`, `copy` (the runtime reads mappings by them)
    MethodTable { enabler: "pyrt_methods_dict", names: &["setdefault", "pop", "popitem", "update", "clear", "fromkeys"] },
    // set and frozenset; not here: `intersection` (dict views call it)
    MethodTable {
        enabler: "pyrt_methods_set",
        names: &[
            "copy", "union", "difference", "symmetric_difference", "issubset", "issuperset", "isdisjoint", "add", "remove",
            "discard", "pop", "clear", "update", "intersection_update", "difference_update", "symmetric_difference_update",
        ],
    },
    MethodTable { enabler: "pyrt_methods_tuple", names: &["count", "index"] },
    MethodTable { enabler: "pyrt_methods_range", names: &["count", "index"] },
    MethodTable { enabler: "pyrt_methods_code", names: &["co_positions", "replace"] },
];

/// Groups of built-in functions linked only when the program may call them (the runtime's
/// builtins.rs `BUILTIN_EXTENSIONS`; the rest are core: `print` and the functions the
/// runtime looks up by name). The word rule is the methods' rule: a NameError's "Did you
/// mean" suggestion lists the builtins, and `getattr(builtins, ...)`, `vars(builtins)`
/// or `__builtins__` compute names (`COMPUTED_ATTRIBUTE_NAMES`).
pub const BUILTIN_TABLES: &[MethodTable] = &[
    MethodTable { enabler: "pyrt_builtins_sorting", names: &["sorted", "dir"] },
    MethodTable { enabler: "pyrt_builtins_pow", names: &["pow"] },
    MethodTable { enabler: "pyrt_builtins_compile", names: &["eval", "compile"] },
    MethodTable { enabler: "pyrt_builtins_console", names: &["input", "open"] },
    MethodTable {
        enabler: "pyrt_builtins_misc",
        names: &[
            "len", "repr", "ascii", "hash", "id", "callable", "ord", "chr", "hex", "oct", "bin", "format", "divmod", "round",
            "min", "max", "sum", "any", "all", "iter", "next", "getattr", "setattr", "hasattr", "delattr", "globals",
            "locals", "vars", "breakpoint", "aiter", "anext",
        ],
    },
];

/// The `_io` gate (runtime io/mod.rs `complete`): what the `_io` types add to the part the
/// runtime itself uses on the std streams (writing, flushing, closing, getters). Unlike a
/// built-in type's methods, these are reachable only through an `_io` object, and a
/// program gets one only through a word of `IO_REACH`, which enables the gate (so does
/// spelling one of these names exactly); a misspelled name on one is therefore covered.
pub const IO_TABLE: MethodTable = MethodTable {
    enabler: "pyrt_methods_io",
    names: &[
        "read", "readline", "tell", "seek", "truncate", "detach", "reconfigure", "decode", "getstate", "setstate", "reset",
        "readall", "readinto", "read1", "write", "getvalue", "getbuffer", "close", "readable", "writable", "seekable",
        "isatty", "flush", "closed", "peek", "readinto1", "line_buffering", "newlines",
    ],
};

/// The words through which a program can reach an `_io` object: the modules and `open`,
/// the std streams (print and the runtime use them through direct calls), `input` (reads
/// a replaced sys.stdin by `readline`), the namespace listings that show the names a
/// `from sys import *` bound, and gc's object walks.
pub const IO_REACH: &[&str] = &[
    "_io", "io", "open", "input", "stdin", "stdout", "stderr", "__stdin__", "__stdout__", "__stderr__", "fdopen", "makefile",
    "globals", "locals", "get_objects", "get_referents", "get_referrers",
];

/// The enabler of every table, methods and builtins (a program that may compute attribute
/// names).
pub const ENABLE_ALL: &str = "pyrt_enable_all_methods";

/// Words through which a program can reach an attribute whose name it does not spell:
/// builtins and dunders that read attributes by a run-time string or list them,
/// `operator`'s getters, and `str.format`/`format_map`, whose replacement fields read
/// attributes (`"{0.upper}"`) from a format string that may be built at run time;
/// `builtins`/`__builtins__` (the builtins module's dict lists the gated builtins) and
/// `weakref` (whose native module runs Python source embedded in the runtime, whose words
/// the program does not have). Any of them anywhere in the program (stdlib modules
/// included) enables every table.
pub const COMPUTED_ATTRIBUTE_NAMES: &[&str] = &[
    "getattr", "hasattr", "dir", "vars", "__dict__", "__getattribute__", "__dir__", "attrgetter", "methodcaller", "eval",
    "exec", "compile", "format", "format_map", "__builtins__", "builtins", "weakref",
];

/// Attribute names the runtime looks up by name on objects a program hands it (print's
/// `write`/`flush`, a mapping's `keys`/`items`, re.sub's joiner's `join`, ...). None of
/// them is in the table of a type it is looked up on (they are core), but the
/// AttributeError for an object lacking one suggests the closest of the object's
/// attributes, so a table with a name close to one of them must be linked.
pub const RUNTIME_LOOKUPS: &[&str] = &[
    "keys", "items", "values", "get", "write", "flush", "read", "readline", "close", "seek", "tell", "fileno", "join", "copy",
    "insert", "intersection", "hex", "isatty", "send", "throw",
];

/// Like `RUNTIME_LOOKUPS`, but looked up only on objects handed to `_io`'s classes
/// (a TextIOWrapper's buffer, an IncrementalNewlineDecoder's decoder, a RawIOBase
/// subclass): they count when the program names `_io` (io.py does).
pub const IO_LOOKUPS: &[&str] = &["decode", "readinto", "truncate", "readable", "writable", "seekable", "closed", "read1", "peek"];

/// The extension tables `main` must enable for a program whose words (names, attribute
/// names, identifiers inside string constants) are `words`; `None`: all of them.
pub fn tables_needed<'a>(words: impl IntoIterator<Item = &'a str> + Clone) -> Option<Vec<&'static str>> {
    if words.clone().into_iter().any(|w| COMPUTED_ATTRIBUTE_NAMES.contains(&w)) {
        return None;
    }
    let io: &[&str] = if words.clone().into_iter().any(|w| w == "_io") { IO_LOOKUPS } else { &[] };
    let spelled = |t: &MethodTable| words.clone().into_iter().any(|w| t.names.iter().any(|n| crate::suggest::is_suggestion(w, n)));
    let suggested = |t: &MethodTable| {
        RUNTIME_LOOKUPS.iter().chain(io).any(|w| t.names.iter().any(|n| w != n && crate::suggest::is_suggestion(w, n)))
    };
    let methods = METHOD_TABLES.iter().filter(|t| spelled(t) || suggested(t));
    // the runtime's own lookups never target the builtins module: only a program naming
    // `builtins`/`__builtins__` reaches it as an object, and that enables everything
    let builtins = BUILTIN_TABLES.iter().filter(|t| spelled(t));
    let io_reached = words.clone().into_iter().any(|w| IO_REACH.contains(&w));
    // exact names only: a misspelled method needs an `_io` object, hence an IO_REACH word
    let io_named = words.clone().into_iter().any(|w| IO_TABLE.names.contains(&w));
    let io = std::iter::once(&IO_TABLE).filter(|_| io_reached || io_named);
    Some(methods.chain(builtins).chain(io).map(|t| t.enabler).collect())
}

/// The identifier-like words of a string constant (`"{0.upper}"` -> `0`, `upper`).
pub fn words_of(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_')).filter(|w| !w.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn needed(words: &[&str]) -> Option<Vec<&'static str>> {
        tables_needed(words.iter().copied())
    }

    #[test]
    fn hello_world_needs_no_table() {
        assert_eq!(needed(&["print", "hello"]), Some(vec![]));
    }

    #[test]
    fn builtins_are_enabled_by_their_names() {
        assert!(needed(&["sorted"]).unwrap().contains(&"pyrt_builtins_sorting"));
        // NameError: name 'sortd' is not defined. Did you mean: 'sorted'?
        assert!(needed(&["sortd"]).unwrap().contains(&"pyrt_builtins_sorting"));
        assert!(!needed(&["len"]).unwrap().contains(&"pyrt_builtins_sorting"));
        assert_eq!(needed(&["__builtins__"]), None);
    }

    #[test]
    fn io_gate_follows_the_streams() {
        assert!(needed(&["sys", "stdout"]).unwrap().contains(&"pyrt_methods_io"));
        assert!(needed(&["readline"]).unwrap().contains(&"pyrt_methods_io"));
        assert!(!needed(&["sys", "argv", "print"]).unwrap().contains(&"pyrt_methods_io"));
    }

    #[test]
    fn spelled_or_suggested_names_enable_their_tables() {
        assert_eq!(needed(&["upper"]), Some(vec!["pyrt_methods_str", "pyrt_methods_bytes"]));
        // 'str' object has no attribute 'uper'. Did you mean: 'upper'?
        assert_eq!(needed(&["uper"]), Some(vec!["pyrt_methods_str", "pyrt_methods_bytes"]));
        // memoryview's `tobytes` is a suggestion for `to_bytes`
        assert_eq!(needed(&["to_bytes"]), Some(vec!["pyrt_methods_memoryview", "pyrt_methods_int"]));
        assert_eq!(needed(&["is_integer"]), Some(vec!["pyrt_methods_float"]));
        assert_eq!(needed(&["tolist"]), Some(vec!["pyrt_methods_memoryview"]));
    }

    #[test]
    fn computed_names_enable_everything() {
        assert_eq!(needed(&["print", "getattr"]), None);
        assert_eq!(needed(&["__dict__"]), None);
        assert_eq!(needed(&["format"]), None);
    }

    #[test]
    fn io_lookups_count_with_io() {
        // an IncrementalNewlineDecoder given a str: "'str' object has no attribute
        // 'decode'. Did you mean: 'encode'?"
        assert_eq!(needed(&["_io"]).unwrap().contains(&"pyrt_methods_str"), true);
    }

    #[test]
    fn string_constants_split_into_words() {
        assert_eq!(words_of("{0.upper}!x").collect::<Vec<_>>(), vec!["0", "upper", "x"]);
    }
}
