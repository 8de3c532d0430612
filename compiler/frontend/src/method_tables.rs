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
];

/// The enabler of every table (a program that may compute attribute names).
pub const ENABLE_ALL: &str = "pyrt_enable_all_methods";

/// Words through which a program can reach an attribute whose name it does not spell:
/// builtins and dunders that read attributes by a run-time string or list them,
/// `operator`'s getters, and `str.format`/`format_map`, whose replacement fields read
/// attributes (`"{0.upper}"`) from a format string that may be built at run time. Any of
/// them anywhere in the program (stdlib modules included) enables every table.
pub const COMPUTED_ATTRIBUTE_NAMES: &[&str] = &[
    "getattr", "hasattr", "dir", "vars", "__dict__", "__getattribute__", "__dir__", "attrgetter", "methodcaller", "eval",
    "exec", "compile", "format", "format_map",
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
    let needed = METHOD_TABLES.iter().filter(|t| {
        let spelled = |w: &str| t.names.iter().any(|n| crate::suggest::is_suggestion(w, n));
        let suggested = |w: &str| t.names.iter().any(|n| w != *n && crate::suggest::is_suggestion(w, n));
        words.clone().into_iter().any(spelled) || RUNTIME_LOOKUPS.iter().chain(io).any(|w| suggested(w))
    });
    Some(needed.map(|t| t.enabler).collect())
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
