//! The one place where the compiler touches the frontend's API, so that changes to the
//! frontend's surface only need adapting here.

#[allow(unused_imports)]
pub use pyc_frontend::bytecode::{
    code_flags, format_flags, make_function_flags, BinOp, CmpOp, CodeObject, Constant,
    ExceptionEntry, Instr, ModuleCode, Program, UnOp, INLINE_MATH_FUNCS,
};

/// Static operand-stack depth before each instruction (`None` = unreachable).
pub fn stack_depths(code: &CodeObject) -> Vec<Option<u32>> {
    pyc_frontend::stack_depths(code)
}

/// A compile error, flattened for diagnostics (independent of the frontend's error type).
#[derive(Debug, Clone)]
pub struct CompileDiag {
    /// Python exception class name (`SyntaxError`, `IndentationError`, ...).
    pub kind: String,
    /// CPython's message.
    pub message: String,
    /// 1-based line; 0 = unknown.
    pub line: u32,
    /// 1-based column in characters (CPython's `offset`).
    pub col: u32,
    /// Byte range of the offending text in the source.
    pub range: std::ops::Range<usize>,
}

impl From<pyc_frontend::CompileError> for CompileDiag {
    fn from(e: pyc_frontend::CompileError) -> Self {
        CompileDiag { kind: e.kind, message: e.msg, line: e.line, col: e.col, range: e.range }
    }
}

/// Compiles one module's source.
pub fn compile_module(source: &str, filename: &str, module_name: &str) -> Result<ModuleCode, CompileDiag> {
    pyc_frontend::compile_module(source, filename, module_name).map_err(CompileDiag::from)
}

/// The frontend's disassembly of a code object (and its nested ones).
pub fn disassemble(code: &CodeObject) -> String {
    pyc_frontend::disassemble(code)
}
