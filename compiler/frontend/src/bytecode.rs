//! The pyc bytecode: the hub of the whole system.
//!
//! The frontend produces it, the codegen lowers it to LLVM IR, and the runtime's
//! interpreter executes it. It is a stack machine close to CPython 3.11's, with an
//! exception table instead of block-setup instructions, so the success path pays
//! nothing and the codegen can resolve every handler statically.
//!
//! Conventions shared by the interpreter and the codegen:
//! * Every stack slot holds an owned reference, or NULL where an instruction says so
//!   (`LoadMethod`, `PushNull`).
//! * Jump targets are instruction indices (not byte offsets).
//! * `localsplus` is `varnames ++ cellvars ++ freevars`; `LoadFast`/`StoreFast` index
//!   `varnames`, the `*Deref` family index the cell/free part of `localsplus`
//!   (index `i` means `localsplus[varnames.len() + i]`).

use num_bigint::BigInt;
use serde::{Deserialize, Serialize};

/// Binary operators, for `BinaryOp` and `InplaceOp`. Order matches the dunder tables
/// in the runtime (`pyrt::ops::BINOP_NAMES`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[repr(u8)]
pub enum BinOp {
    Add = 0,
    Sub,
    Mul,
    MatMul,
    TrueDiv,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    And,
    Or,
    Xor,
}

impl BinOp {
    pub const ALL: [BinOp; 13] = [
        BinOp::Add,
        BinOp::Sub,
        BinOp::Mul,
        BinOp::MatMul,
        BinOp::TrueDiv,
        BinOp::FloorDiv,
        BinOp::Mod,
        BinOp::Pow,
        BinOp::LShift,
        BinOp::RShift,
        BinOp::And,
        BinOp::Or,
        BinOp::Xor,
    ];
    pub fn from_u32(v: u32) -> BinOp {
        Self::ALL[v as usize]
    }
    /// The operator as Python writes it (used in error messages).
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::MatMul => "@",
            BinOp::TrueDiv => "/",
            BinOp::FloorDiv => "//",
            BinOp::Mod => "%",
            BinOp::Pow => "**",
            BinOp::LShift => "<<",
            BinOp::RShift => ">>",
            BinOp::And => "&",
            BinOp::Or => "|",
            BinOp::Xor => "^",
        }
    }
    /// Dunder names: (`__add__`, `__radd__`, `__iadd__`).
    pub fn dunders(self) -> (&'static str, &'static str, &'static str) {
        match self {
            BinOp::Add => ("__add__", "__radd__", "__iadd__"),
            BinOp::Sub => ("__sub__", "__rsub__", "__isub__"),
            BinOp::Mul => ("__mul__", "__rmul__", "__imul__"),
            BinOp::MatMul => ("__matmul__", "__rmatmul__", "__imatmul__"),
            BinOp::TrueDiv => ("__truediv__", "__rtruediv__", "__itruediv__"),
            BinOp::FloorDiv => ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
            BinOp::Mod => ("__mod__", "__rmod__", "__imod__"),
            BinOp::Pow => ("__pow__", "__rpow__", "__ipow__"),
            BinOp::LShift => ("__lshift__", "__rlshift__", "__ilshift__"),
            BinOp::RShift => ("__rshift__", "__rrshift__", "__irshift__"),
            BinOp::And => ("__and__", "__rand__", "__iand__"),
            BinOp::Or => ("__or__", "__ror__", "__ior__"),
            BinOp::Xor => ("__xor__", "__rxor__", "__ixor__"),
        }
    }
}

/// Rich comparison operators, for `CompareOp`. Same numbering as CPython's `Py_LT`...
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[repr(u8)]
pub enum CmpOp {
    Lt = 0,
    Le = 1,
    Eq = 2,
    Ne = 3,
    Gt = 4,
    Ge = 5,
}

impl CmpOp {
    pub fn from_u32(v: u32) -> CmpOp {
        [CmpOp::Lt, CmpOp::Le, CmpOp::Eq, CmpOp::Ne, CmpOp::Gt, CmpOp::Ge][v as usize]
    }
    pub fn symbol(self) -> &'static str {
        match self {
            CmpOp::Lt => "<",
            CmpOp::Le => "<=",
            CmpOp::Eq => "==",
            CmpOp::Ne => "!=",
            CmpOp::Gt => ">",
            CmpOp::Ge => ">=",
        }
    }
    /// (`__lt__`, reflected operator's dunder)
    pub fn dunders(self) -> (&'static str, &'static str) {
        match self {
            CmpOp::Lt => ("__lt__", "__gt__"),
            CmpOp::Le => ("__le__", "__ge__"),
            CmpOp::Eq => ("__eq__", "__eq__"),
            CmpOp::Ne => ("__ne__", "__ne__"),
            CmpOp::Gt => ("__gt__", "__lt__"),
            CmpOp::Ge => ("__ge__", "__le__"),
        }
    }
}

/// Unary operators, for `UnaryOp`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[repr(u8)]
pub enum UnOp {
    Neg = 0,
    Pos = 1,
    Invert = 2,
    Not = 3,
}

impl UnOp {
    pub fn from_u32(v: u32) -> UnOp {
        [UnOp::Neg, UnOp::Pos, UnOp::Invert, UnOp::Not][v as usize]
    }
}

/// Flags of `MakeFunction`: which optional items lie on the stack below the code
/// constant, pushed in this order (bottom first): defaults tuple, kwdefaults dict,
/// annotations (unused, reserved), closure tuple of cells.
pub mod make_function_flags {
    pub const DEFAULTS: u32 = 0x01;
    pub const KWDEFAULTS: u32 = 0x02;
    pub const ANNOTATIONS: u32 = 0x04;
    pub const CLOSURE: u32 = 0x08;
}

/// Conversion flags of `FormatValue`: low 2 bits select the conversion, bit 2 says a
/// format spec (a str) lies on the stack above the value.
pub mod format_flags {
    pub const CONV_MASK: u32 = 0x03;
    pub const CONV_NONE: u32 = 0;
    pub const CONV_STR: u32 = 1;
    pub const CONV_REPR: u32 = 2;
    pub const CONV_ASCII: u32 = 3;
    pub const HAVE_SPEC: u32 = 0x04;
}

/// One instruction. `u32` operands index the code object's tables (`consts`, `names`,
/// `localsplus`) or are jump targets (instruction indices) or counts.
///
/// Stack effects are written `[before] -> [after]`, top of stack last.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Instr {
    Nop,
    // ----- stack manipulation -----
    /// `[a] -> []`
    Pop,
    /// `[.., x(n-th from top, 1-based)] -> [.., x, x]` (CPython's COPY)
    Copy(u32),
    /// swap TOS with the n-th item from the top (1-based, n >= 2)
    Swap(u32),
    /// `[] -> [NULL]` (used before a call whose callable is not a method)
    PushNull,

    // ----- constants and names -----
    /// `[] -> [consts[i]]`
    LoadConst(u32),
    /// `[] -> [varnames[i]]`; UnboundLocalError when unset.
    LoadFast(u32),
    /// `[v] -> []`
    StoreFast(u32),
    DeleteFast(u32),
    /// Load the contents of cell `i` (cell or free var); NameError/UnboundLocalError when empty.
    LoadDeref(u32),
    StoreDeref(u32),
    DeleteDeref(u32),
    /// `[] -> [cell i]` (the cell object itself, for building closures)
    LoadClosure(u32),
    /// In a class body: look `names[name]` up in the class namespace first, then in cell `cell`.
    /// Operand packs `cell << 16 | name`.
    LoadClassDeref(u32),
    /// `[] -> [globals/builtins lookup of names[i]]`
    LoadGlobal(u32),
    StoreGlobal(u32),
    DeleteGlobal(u32),
    /// Module and class scope: locals mapping, then globals, then builtins.
    LoadName(u32),
    StoreName(u32),
    DeleteName(u32),

    // ----- attributes and items -----
    /// `[obj] -> [obj.names[i]]`
    LoadAttr(u32),
    /// `[v, obj] -> []` (obj.name = v)
    StoreAttr(u32),
    /// `[obj] -> []`
    DeleteAttr(u32),
    /// `[obj] -> [meth, obj]` when `names[i]` is a plain function found on the type
    /// (the unbound-method fast path), else `[NULL, obj.name]`. Consumed by `CallMethod`.
    LoadMethod(u32),
    /// `[obj, key] -> [obj[key]]`
    BinarySubscr,
    /// `[v, obj, key] -> []` (obj[key] = v)
    StoreSubscr,
    /// `[obj, key] -> []`
    DeleteSubscr,
    /// `[start, stop] -> [slice]` (n=2) or `[start, stop, step] -> [slice]` (n=3)
    BuildSlice(u32),
    /// `[obj, start, stop] -> [obj[start:stop]]` (n=2) or with `step` on top (n=3): a
    /// subscript whose index is a slice display. Absent bounds are `None`. Sequences
    /// with small-int bounds skip the slice object (`types::slice::get_slice`).
    BinarySlice(u32),
    /// `[v, obj, start, stop] -> []` (n=2) or with `step` on top (n=3):
    /// `obj[start:stop:step] = v` (`types::slice::set_slice`).
    StoreSlice(u32),

    // ----- operators -----
    /// `[a, b] -> [a op b]`, operand is a `BinOp`
    BinaryOp(u32),
    /// `[a, b] -> [a op= b]`, operand is a `BinOp`
    InplaceOp(u32),
    /// `[a] -> [op a]`, operand is a `UnOp`
    UnaryOp(u32),
    /// `[a, b] -> [a cmp b]`, operand is a `CmpOp`
    CompareOp(u32),
    /// `[a, b] -> [a is b]` (operand 1 = `is not`)
    IsOp(u32),
    /// `[a, b] -> [a in b]` (operand 1 = `not in`)
    ContainsOp(u32),

    // ----- building containers -----
    /// `[x1..xn] -> [tuple]`
    BuildTuple(u32),
    BuildList(u32),
    BuildSet(u32),
    /// `[k1, v1, .. kn, vn] -> [dict]`
    BuildMap(u32),
    /// `[keys..., keys_tuple] -> [dict]` with n values below the keys tuple
    BuildConstKeyMap(u32),
    /// `[s1..sn] -> [concatenation]` (f-strings)
    BuildString(u32),
    /// `[list, .. (depth-1 items) .., v] -> [list, ..]` appends v to the list `depth` below.
    ListAppend(u32),
    SetAdd(u32),
    /// `[dict, .., k, v] -> [dict, ..]`
    MapAdd(u32),
    /// `[list, .., iterable] -> [list, ..]`
    ListExtend(u32),
    SetUpdate(u32),
    /// `[dict, .., mapping] -> [dict, ..]` (dict display `{**m}`)
    DictUpdate(u32),
    /// like DictUpdate, but for `f(**m)`: duplicate keys raise TypeError
    DictMerge(u32),
    /// `[list] -> [tuple]`
    ListToTuple,
    /// `[value] or [value, spec] -> [str]`, operand is `format_flags`
    FormatValue(u32),

    // ----- unpacking -----
    /// `[seq] -> [xn .. x1]` (x1 on top)
    UnpackSequence(u32),
    /// `a, *b, c = seq`: operand = `before | after << 8`; pushes after-items, the list, before-items (first on top)
    UnpackEx(u32),

    // ----- control flow -----
    Jump(u32),
    /// `[cond] -> []`
    PopJumpIfFalse(u32),
    PopJumpIfTrue(u32),
    /// `[cond] -> [cond]` if jumping, else `[]`
    JumpIfFalseOrPop(u32),
    JumpIfTrueOrPop(u32),
    /// `[v] -> []`, jump if v is None / is not None
    PopJumpIfNone(u32),
    PopJumpIfNotNone(u32),
    /// `[iterable] -> [iterator]`
    GetIter,
    /// `[iter] -> [iter, next]`, or on exhaustion `[iter] -> []` and jump to target
    ForIter(u32),

    // ----- calls and functions -----
    /// `[callable_or_NULL, self_or_callable, args(n)] -> [result]`
    /// CPython 3.11 layout: the slot below the callable is NULL for a plain call.
    /// Stack before: `[NULL, f, a1..an]` or `[meth, self, a1..an]` (after LoadMethod).
    Call(u32),
    /// Like `Call`, with a kwnames tuple on top: `[.., args(n incl. kw values), kwnames] -> [result]`
    CallKw(u32),
    /// `[NULL, f, args_tuple] -> [r]` (flag 0) or `[NULL, f, args_tuple, kwargs_dict] -> [r]` (flag 1)
    CallEx(u32),
    /// `[optional items per flags.., code] -> [function]`, see `make_function_flags`
    MakeFunction(u32),
    /// `[v] -> return`
    ReturnValue,
    /// `[] -> [builtins.__build_class__]`
    LoadBuildClass,

    // ----- exceptions -----
    /// `raise` (0), `raise exc` (1), `raise exc from cause` (2)
    RaiseVarargs(u32),
    /// `[.., exc] -> re-raise exc`. Operand 1: restore the frame's `lasti` (unused, 0 for us).
    Reraise(u32),
    /// `[exc] -> [prev_handled_exc, exc]` and sets the handled exception to exc
    PushExcInfo,
    /// `[prev_handled_exc] -> []` restores the handled exception
    PopExcept,
    /// `[exc, type] -> [exc, bool]`
    CheckExcMatch,
    /// `[] -> [AssertionError]`
    LoadAssertionError,
    /// `[exit, .., exc] -> [exit, .., exc, exit(type, exc, tb)]` (`with` exceptional exit;
    /// `exit` lives 4 slots below the exception: [exit, lasti_dummy, prev_exc, exc])
    WithExceptStart,
    /// `[mgr] -> [bound_exit, mgr.__enter__()]`
    BeforeWith,

    // ----- generators -----
    /// First instruction of a generator body (pops nothing; marks the function as a generator)
    ReturnGenerator,
    /// `[v] -> [sent]` suspends the generator yielding v
    YieldValue,
    /// `[iter, sent] -> [iter, yielded]` suspends delegating (yield from); on the
    /// sub-iterator's StopIteration pops to `[result]` and jumps to target.
    Send(u32),
    /// `[iterable] -> [iterator]` for `yield from` (generators pass through, others `iter()`)
    GetYieldFromIter,

    // ----- imports -----
    /// `[level, fromlist] -> [module]`
    ImportName(u32),
    /// `[module] -> [module, module.name]`
    ImportFrom(u32),
    /// `[module] -> []` (from m import *)
    ImportStar,

    // ----- misc -----
    /// `[] -> [locals dict]` (class bodies, `locals()` at module level)
    LoadLocals,
    /// Annotations dictionary setup (module/class level) — creates `__annotations__`.
    SetupAnnotations,
    /// `print` of an expression statement in interactive mode (`compile(..., 'single')`)
    PrintExpr,

    // ----- structural pattern matching (`match`) -----
    /// `[subject] -> [subject, bool]`: is the subject a mapping (dict or subclass)?
    MatchMapping,
    /// `[subject] -> [subject, bool]`: is the subject a sequence for pattern matching
    /// (list, tuple, range and their subclasses; never str/bytes/bytearray)?
    MatchSequence,
    /// `[subject, keys_tuple] -> [subject, keys_tuple, values_tuple_or_None]`: looks every key
    /// up with `subject.get(key, <dummy>)`; None when a key is missing. ValueError on a
    /// duplicate key.
    MatchKeys,
    /// `[subject, cls, kw_names_tuple] -> [attrs_tuple_or_None]`: `isinstance(subject, cls)`
    /// then the operand positional sub-pattern attributes (via `__match_args__`, or the
    /// subject itself for the self-matching builtins) followed by the keyword attributes.
    /// None when the match fails (not an instance, or a missing attribute).
    MatchClass(u32),
    /// `[obj] -> [obj, len(obj)]`
    GetLen,
    /// `[subject, keys_tuple] -> [rest]`: `rest = dict(subject)` without the keys (`**rest`).
    CopyDictWithoutKeys,

    // ----- coroutines and async -----
    /// `[obj] -> [awaitable_iter]`: the iterator `await obj` delegates to (a coroutine, or
    /// `obj.__await__()`); operand 0 = `await`, 1 = after `__aenter__`, 2 = after `__aexit__`
    /// (selects the error message).
    GetAwaitable(u32),
    /// `[obj] -> [obj.__aiter__()]`
    GetAIter,
    /// `[aiter] -> [aiter, awaitable of aiter.__anext__()]`
    GetANext,
    /// `[mgr] -> [bound __aexit__, awaitable of mgr.__aenter__()]`
    BeforeAsyncWith,
    /// `[aiter, exc] -> []` when exc is a StopAsyncIteration (end of `async for`),
    /// else re-raises exc.
    EndAsyncFor,
    /// `[v] -> [wrapped v]`: marks a value yielded by an async generator body (as opposed
    /// to a value yielded by an awaited object), right before `YieldValue`.
    AsyncGenWrap,

    // ----- except* -----
    /// `[exc, type] -> [rest_or_None, match_or_None]`: splits exception (group) `exc` by
    /// `type` (a naked exception that matches is wrapped in an ExceptionGroup).
    CheckEgMatch,
    /// `[orig, raised_list] -> [exc_or_None]`: the exception group to re-raise at the end of
    /// a `try`/`except*` (the unhandled parts of orig plus the exceptions raised by the
    /// handlers), or None when there is nothing to re-raise.
    PrepReraiseStar,
}

/// A constant in `CodeObject::consts`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Constant {
    None,
    Ellipsis,
    Bool(bool),
    Int(i64),
    BigInt(BigInt),
    Float(f64),
    Complex(f64, f64),
    Str(String),
    Bytes(Vec<u8>),
    Tuple(Vec<Constant>),
    /// A nested code object (function, lambda, class body, comprehension).
    Code(Box<CodeObject>),
    /// A frozenset of constants: a set display of 3+ constants is folded into
    /// `BuildSet 0; LoadConst <frozenset>; SetUpdate 1`, as CPython does. Items are in
    /// source order (duplicates kept); the runtime builds the set CPython's way.
    FrozenSet(Vec<Constant>),
}

/// One row of the exception table: instructions `start..end` (end exclusive) are
/// covered by the handler at `target`. When an exception is raised there, the stack
/// is popped to `depth` items, the instruction index is pushed if `lasti`, then the
/// exception is pushed and execution continues at `target`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExceptionEntry {
    pub start: u32,
    pub end: u32,
    pub target: u32,
    pub depth: u32,
    pub lasti: bool,
}

/// Code flags (same meaning as CPython's `co_flags`).
/// The `math` functions native code computes inline at a call site whose callee is the
/// math module's own function (codegen `unboxed.rs`), in the order of the runtime's
/// `pyrt_math_funcs` address table.
pub const INLINE_MATH_FUNCS: [&str; 5] = ["sqrt", "sin", "cos", "exp", "fabs"];

pub mod code_flags {
    pub const OPTIMIZED: u32 = 0x0001;
    pub const NEWLOCALS: u32 = 0x0002;
    pub const VARARGS: u32 = 0x0004;
    pub const VARKEYWORDS: u32 = 0x0008;
    pub const NESTED: u32 = 0x0010;
    pub const GENERATOR: u32 = 0x0020;
    pub const NOFREE: u32 = 0x0040;
    pub const COROUTINE: u32 = 0x0080;
    pub const ITERABLE_COROUTINE: u32 = 0x0100;
    pub const ASYNC_GENERATOR: u32 = 0x0200;
}

/// Per-instruction tables (lines, positions) serialized as one little-endian byte
/// string instead of element by element: an executable decodes every code object of
/// its program at start-up, and a bulk conversion costs a fraction of bincode's
/// per-element visits (import-heavy start-up time).
mod packed_words {
    use serde::de::{Error, Visitor};
    use serde::{Deserializer, Serializer};

    /// A row of u32 words.
    pub trait Words: Sized {
        const WIDTH: usize;
        fn put(&self, out: &mut Vec<u8>);
        fn take(words: &[u32]) -> Self;
    }
    impl Words for u32 {
        const WIDTH: usize = 1;
        fn put(&self, out: &mut Vec<u8>) {
            out.extend_from_slice(&self.to_le_bytes());
        }
        fn take(w: &[u32]) -> Self {
            w[0]
        }
    }
    impl Words for (u32, u32, u32) {
        const WIDTH: usize = 3;
        fn put(&self, out: &mut Vec<u8>) {
            for w in [self.0, self.1, self.2] {
                out.extend_from_slice(&w.to_le_bytes());
            }
        }
        fn take(w: &[u32]) -> Self {
            (w[0], w[1], w[2])
        }
    }

    pub fn serialize<T: Words, S: Serializer>(rows: &[T], s: S) -> Result<S::Ok, S::Error> {
        let mut bytes = Vec::with_capacity(rows.len() * T::WIDTH * 4);
        for r in rows {
            r.put(&mut bytes);
        }
        s.serialize_bytes(&bytes)
    }

    pub fn deserialize<'de, T: Words, D: Deserializer<'de>>(d: D) -> Result<Vec<T>, D::Error> {
        struct Rows<T>(std::marker::PhantomData<T>);
        impl<'de, T: Words> Visitor<'de> for Rows<T> {
            type Value = Vec<T>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                write!(f, "a byte string of {}-word rows", T::WIDTH)
            }
            fn visit_bytes<E: Error>(self, bytes: &[u8]) -> Result<Vec<T>, E> {
                let row = T::WIDTH * 4;
                if bytes.len() % row != 0 {
                    return Err(E::invalid_length(bytes.len(), &self));
                }
                let mut words = [0u32; 3];
                Ok(bytes
                    .chunks_exact(row)
                    .map(|r| {
                        for (w, b) in words.iter_mut().zip(r.chunks_exact(4)) {
                            *w = u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
                        }
                        T::take(&words)
                    })
                    .collect())
            }
            fn visit_borrowed_bytes<E: Error>(self, bytes: &'de [u8]) -> Result<Vec<T>, E> {
                self.visit_bytes(bytes)
            }
        }
        d.deserialize_bytes(Rows(std::marker::PhantomData))
    }
}

/// A compiled function body, module body, class body or comprehension.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Default)]
pub struct CodeObject {
    /// Function name (`<module>`, `<lambda>`, `<listcomp>`, class name, ...)
    pub name: String,
    /// Dotted qualified name (`Outer.method.<locals>.inner`)
    pub qualname: String,
    /// Source file path as it will be shown in tracebacks.
    pub filename: String,
    /// Line of the `def`/`class` (or 1 for modules).
    pub first_line: u32,
    pub flags: u32,
    /// Positional parameters (including positional-only).
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    /// Local variable names; parameters first (positional, kw-only, *args, **kwargs).
    pub varnames: Vec<String>,
    /// Names of locals captured by inner functions.
    pub cellvars: Vec<String>,
    /// Names captured from enclosing functions (the function's closure, in order).
    pub freevars: Vec<String>,
    /// For each cellvar that is also a parameter: index into varnames (else -1).
    pub cell2arg: Vec<i32>,
    /// Global, attribute and import names.
    pub names: Vec<String>,
    pub consts: Vec<Constant>,
    pub instrs: Vec<Instr>,
    /// Source line of each instruction (same length as `instrs`).
    #[serde(with = "packed_words")]
    pub lines: Vec<u32>,
    /// Source position of each instruction beyond its line: (end_line, col, end_col),
    /// columns 0-based in UTF-8 bytes as CPython's `co_positions`; used for the `^^^`
    /// marks under the failing expression in tracebacks. Same length as `instrs`.
    #[serde(with = "packed_words")]
    pub positions: Vec<(u32, u32, u32)>,
    pub exception_table: Vec<ExceptionEntry>,
    /// Maximum stack depth (computed by the compiler).
    pub max_stack: u32,
    /// Docstring, if the body starts with one.
    pub docstring: Option<String>,
}

impl CodeObject {
    pub fn is_generator(&self) -> bool {
        self.flags & (code_flags::GENERATOR | code_flags::COROUTINE | code_flags::ASYNC_GENERATOR) != 0
    }
    pub fn nlocalsplus(&self) -> usize {
        self.varnames.len() + self.cellvars.len() + self.freevars.len()
    }
    /// Innermost handler covering instruction `pc`, if any.
    pub fn handler_for(&self, pc: u32) -> Option<&ExceptionEntry> {
        // The compiler emits inner ranges before outer ones, so the first match is innermost.
        self.exception_table.iter().find(|e| e.start <= pc && pc < e.end)
    }
    /// Visit this code object and all nested ones (depth-first, self first).
    pub fn walk<'a>(&'a self, f: &mut dyn FnMut(&'a CodeObject)) {
        f(self);
        for c in &self.consts {
            if let Constant::Code(inner) = c {
                inner.walk(f);
            }
        }
    }
}

/// A compiled module: its body's code plus metadata the runtime needs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Default)]
pub struct ModuleCode {
    /// Dotted module name (`__main__` for the script).
    pub name: String,
    pub code: CodeObject,
    /// Full source text, for traceback source lines.
    pub source: String,
    pub is_package: bool,
    /// Read from the standard library's `Lib` folder (known at build time only: the
    /// object compiler builds such modules compactly unless `--optimize-stdlib`).
    #[serde(skip)]
    pub from_stdlib: bool,
}

/// The whole program: every module, the first one being `__main__`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Default)]
pub struct Program {
    pub modules: Vec<ModuleCode>,
}

impl Program {
    pub fn serialize(&self) -> Vec<u8> {
        bincode::serialize(self).expect("bytecode serialization cannot fail")
    }
    pub fn deserialize(bytes: &[u8]) -> Result<Program, String> {
        bincode::deserialize(bytes).map_err(|e| e.to_string())
    }
    /// Assigns every code object of the program a global index in depth-first order
    /// (module by module, `CodeObject::walk` order). The codegen names native functions by
    /// this index and the runtime looks native entries up by it.
    pub fn code_objects(&self) -> Vec<&CodeObject> {
        let mut out = Vec::new();
        for m in &self.modules {
            m.code.walk(&mut |c| out.push(c));
        }
        out
    }
}

// ---------------------------------------------------------------------------
// Helper methods (added by the frontend; they only describe the instructions
// defined above and never change their meaning).
// ---------------------------------------------------------------------------

impl Instr {
    /// The jump target of a branching instruction (an instruction index), if any.
    /// Exception-table targets are not included (see `CodeObject::exception_table`).
    pub fn jump_target(&self) -> Option<u32> {
        match *self {
            Instr::Jump(t)
            | Instr::PopJumpIfFalse(t)
            | Instr::PopJumpIfTrue(t)
            | Instr::JumpIfFalseOrPop(t)
            | Instr::JumpIfTrueOrPop(t)
            | Instr::PopJumpIfNone(t)
            | Instr::PopJumpIfNotNone(t)
            | Instr::ForIter(t)
            | Instr::Send(t) => Some(t),
            _ => None,
        }
    }

    /// Mutable access to the jump target operand (see `jump_target`).
    pub fn jump_target_mut(&mut self) -> Option<&mut u32> {
        match self {
            Instr::Jump(t)
            | Instr::PopJumpIfFalse(t)
            | Instr::PopJumpIfTrue(t)
            | Instr::JumpIfFalseOrPop(t)
            | Instr::JumpIfTrueOrPop(t)
            | Instr::PopJumpIfNone(t)
            | Instr::PopJumpIfNotNone(t)
            | Instr::ForIter(t)
            | Instr::Send(t) => Some(t),
            _ => None,
        }
    }

    /// True when execution never continues with the next instruction
    /// (unconditional jump, return, raise, re-raise).
    pub fn is_terminator(&self) -> bool {
        matches!(
            self,
            Instr::Jump(_) | Instr::ReturnValue | Instr::RaiseVarargs(_) | Instr::Reraise(_)
        )
    }

    /// Net effect on the operand-stack depth. `jump` selects the effect when the
    /// instruction branches to its target (only differs for `ForIter`, `Send`,
    /// `JumpIfFalseOrPop`, `JumpIfTrueOrPop`). For terminators the value is the
    /// effect before leaving (irrelevant for the analysis).
    pub fn stack_effect(&self, jump: bool) -> i32 {
        use Instr::*;
        match *self {
            Nop => 0,
            Pop => -1,
            Copy(_) => 1,
            Swap(_) => 0,
            PushNull => 1,
            LoadConst(_) | LoadFast(_) | LoadDeref(_) | LoadClosure(_) | LoadClassDeref(_)
            | LoadGlobal(_) | LoadName(_) => 1,
            StoreFast(_) | StoreDeref(_) | StoreGlobal(_) | StoreName(_) => -1,
            DeleteFast(_) | DeleteDeref(_) | DeleteGlobal(_) | DeleteName(_) => 0,
            LoadAttr(_) => 0,
            StoreAttr(_) => -2,
            DeleteAttr(_) => -1,
            LoadMethod(_) => 1,
            BinarySubscr => -1,
            StoreSubscr => -3,
            DeleteSubscr => -2,
            BuildSlice(n) => 1 - n as i32,
            BinarySlice(n) => -(n as i32),
            StoreSlice(n) => -(n as i32) - 2,
            BinaryOp(_) | InplaceOp(_) => -1,
            UnaryOp(_) => 0,
            CompareOp(_) | IsOp(_) | ContainsOp(_) => -1,
            BuildTuple(n) | BuildList(n) | BuildSet(n) | BuildString(n) => 1 - n as i32,
            BuildMap(n) => 1 - 2 * n as i32,
            BuildConstKeyMap(n) => -(n as i32),
            ListAppend(_) | SetAdd(_) => -1,
            MapAdd(_) => -2,
            ListExtend(_) | SetUpdate(_) | DictUpdate(_) | DictMerge(_) => -1,
            ListToTuple => 0,
            FormatValue(f) => {
                if f & format_flags::HAVE_SPEC != 0 {
                    -1
                } else {
                    0
                }
            }
            UnpackSequence(n) => n as i32 - 1,
            UnpackEx(op) => ((op & 0xff) + (op >> 8)) as i32,
            Jump(_) => 0,
            PopJumpIfFalse(_) | PopJumpIfTrue(_) | PopJumpIfNone(_) | PopJumpIfNotNone(_) => -1,
            JumpIfFalseOrPop(_) | JumpIfTrueOrPop(_) => {
                if jump {
                    0
                } else {
                    -1
                }
            }
            GetIter => 0,
            ForIter(_) => {
                if jump {
                    -1
                } else {
                    1
                }
            }
            Call(n) => -(n as i32) - 1,
            CallKw(n) => -(n as i32) - 2,
            CallEx(f) => -2 - (f & 1) as i32,
            MakeFunction(flags) => -((flags & 0x0f).count_ones() as i32),
            ReturnValue => -1,
            LoadBuildClass => 1,
            RaiseVarargs(n) => -(n as i32),
            Reraise(_) => -1,
            PushExcInfo => 1,
            PopExcept => -1,
            CheckExcMatch => 0,
            LoadAssertionError => 1,
            WithExceptStart => 1,
            BeforeWith => 1,
            ReturnGenerator => 0,
            YieldValue => 0,
            Send(_) => {
                if jump {
                    -1
                } else {
                    0
                }
            }
            GetYieldFromIter => 0,
            ImportName(_) => -1,
            ImportFrom(_) => 1,
            ImportStar => -1,
            LoadLocals => 1,
            SetupAnnotations => 0,
            PrintExpr => -1,
            MatchMapping | MatchSequence | MatchKeys | GetLen => 1,
            MatchClass(_) => -2,
            CopyDictWithoutKeys => -1,
            GetAwaitable(_) | GetAIter => 0,
            GetANext => 1,
            BeforeAsyncWith => 1,
            EndAsyncFor => -2,
            AsyncGenWrap => 0,
            CheckEgMatch => 0,
            PrepReraiseStar => -1,
        }
    }
}
