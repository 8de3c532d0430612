//! DWARF line tables for `-g`: one compile unit per Python module, one subprogram per
//! lowered code object, and a debug location per bytecode instruction taken from the code
//! object's line table, so that gdb backtraces and `perf report` show `.py` files and
//! lines. The lowering loop calls `at_instruction` (its only hook into `function.rs`).

use std::cell::RefCell;
use std::collections::HashMap;

use inkwell::builder::Builder;
use inkwell::debug_info::{
    AsDIScope, DICompileUnit, DIFile, DIFlags, DIFlagsConstants, DISubroutineType, DWARFEmissionKind, DWARFSourceLanguage,
    DebugInfoBuilder,
};
use inkwell::module::{FlagBehavior, Module};
use inkwell::values::FunctionValue;

use crate::fe::{CodeObject, ModuleCode};

/// Debug-info state of one LLVM module.
pub struct ModuleDebug<'ctx> {
    dib: DebugInfoBuilder<'ctx>,
    cu: DICompileUnit<'ctx>,
    fn_type: DISubroutineType<'ctx>,
    files: RefCell<HashMap<String, DIFile<'ctx>>>,
}

/// `/a/b/x.py` → (`x.py`, `/a/b`): DWARF keeps a file's name and folder apart.
fn split_path(path: &str) -> (&str, &str) {
    match path.rfind('/') {
        Some(i) => (&path[i + 1..], if i == 0 { "/" } else { &path[..i] }),
        None => (path, "."),
    }
}

impl<'ctx> ModuleDebug<'ctx> {
    pub fn new(module: &Module<'ctx>, m: &ModuleCode) -> Self {
        let ctx = module.get_context();
        let i32t = ctx.i32_type();
        module.add_basic_value_flag("Debug Info Version", FlagBehavior::Warning, i32t.const_int(3, false));
        module.add_basic_value_flag("Dwarf Version", FlagBehavior::Warning, i32t.const_int(4, false));
        let (name, dir) = split_path(&m.code.filename);
        let producer = concat!("pyc ", env!("CARGO_PKG_VERSION"));
        let (dib, cu) = module.create_debug_info_builder(
            true,
            DWARFSourceLanguage::Python,
            name,
            dir,
            producer,
            true,
            "",
            0,
            "",
            DWARFEmissionKind::Full,
            0,
            false,
            false,
            "",
            "",
        );
        let fn_type = dib.create_subroutine_type(cu.get_file(), None, &[], DIFlags::ZERO);
        ModuleDebug { dib, cu, fn_type, files: RefCell::new(HashMap::new()) }
    }

    fn file(&self, path: &str) -> DIFile<'ctx> {
        *self.files.borrow_mut().entry(path.to_string()).or_insert_with(|| {
            let (name, dir) = split_path(path);
            self.dib.create_file(name, dir)
        })
    }

    /// Sets the builder's location to instruction `pc` of `code` (lowered into `func`),
    /// giving `func` its subprogram on first use.
    pub fn at_instruction(&self, b: &Builder<'ctx>, func: FunctionValue<'ctx>, code: &CodeObject, pc: usize) {
        let sp = func.get_subprogram().unwrap_or_else(|| {
            let file = self.file(&code.filename);
            // no linkage name: debuggers then show the qualified name, not `pyc.<module>.<n>`
            let sp = self.dib.create_function(
                self.cu.as_debug_info_scope(),
                &code.qualname,
                Some(""),
                file,
                code.first_line,
                self.fn_type,
                true,
                true,
                code.first_line,
                DIFlags::ZERO,
                true,
            );
            func.set_subprogram(sp);
            sp
        });
        let line = code.lines.get(pc).copied().filter(|&l| l > 0).unwrap_or(code.first_line);
        let col = code.positions.get(pc).map(|p| p.1 + 1).unwrap_or(0);
        let loc = self.dib.create_debug_location(func.get_type().get_context(), line, col, sp.as_debug_info_scope(), None);
        b.set_current_debug_location(loc);
    }

    /// Resolves the debug metadata; call once the module's functions are all lowered.
    pub fn finalize(&self) {
        self.dib.finalize();
    }
}

#[cfg(test)]
mod tests {
    use super::split_path;

    #[test]
    fn splits_paths() {
        assert_eq!(split_path("/a/b/x.py"), ("x.py", "/a/b"));
        assert_eq!(split_path("/x.py"), ("x.py", "/"));
        assert_eq!(split_path("x.py"), ("x.py", "."));
    }
}
