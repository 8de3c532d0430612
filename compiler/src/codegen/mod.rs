//! Bytecode → LLVM IR.
//!
//! One LLVM module per program (see docs/architecture.md, "The executable"):
//! `pyc_program`/`pyc_program_len` (the serialized `Program`), one `pyc_code_<N>` per
//! lowered code object, `pyc_native_table` and `main`.

pub mod exceptions;
pub mod fastpath;
pub mod function;
pub mod generators;
pub mod ops;
pub mod runtime_decls;
#[cfg(test)]
mod tests;

use inkwell::context::Context;
use inkwell::module::{Linkage, Module};
use inkwell::passes::PassBuilderOptions;
use inkwell::targets::{CodeModel, FileType, InitializationConfig, RelocMode, Target, TargetMachine};
use inkwell::values::BasicValue;
use inkwell::{AddressSpace, OptimizationLevel};

use crate::fe::{self, Program};
use fastpath::Helpers;
use function::lower_function;

#[derive(Clone, Copy, Debug)]
pub struct CodegenOptions {
    /// Inline IR fast paths (refcounting, small ints, truth tests).
    pub fast_paths: bool,
    /// Lower code objects natively (false: `--interp`, empty native table).
    pub native: bool,
}

impl Default for CodegenOptions {
    fn default() -> Self {
        CodegenOptions { fast_paths: true, native: true }
    }
}

/// Per-module lowering statistics.
#[derive(Debug, Default, Clone)]
pub struct ModuleStats {
    pub module: String,
    pub native: usize,
    pub fallback: usize,
    /// (qualname, reason) of every code object left to the interpreter.
    pub reasons: Vec<(String, String)>,
}

/// Emits the whole program into a new module.
pub fn build_module<'ctx>(
    ctx: &'ctx Context,
    program: &Program,
    opts: &CodegenOptions,
) -> Result<(Module<'ctx>, Vec<ModuleStats>), String> {
    let module = ctx.create_module("pyc_program");
    let triple = TargetMachine::get_default_triple();
    module.set_triple(&triple);
    let i8t = ctx.i8_type();
    let i8p = i8t.ptr_type(AddressSpace::default());
    let i64t = ctx.i64_type();

    // ---- the serialized program ----
    let bytes = program.serialize();
    let data = ctx.const_string(&bytes, false);
    let g = module.add_global(data.get_type(), Some(AddressSpace::default()), "pyc_program");
    g.set_initializer(&data);
    g.set_constant(true);
    g.set_linkage(Linkage::External);
    let glen = module.add_global(i64t, Some(AddressSpace::default()), "pyc_program_len");
    glen.set_initializer(&i64t.const_int(bytes.len() as u64, false));
    glen.set_constant(true);

    // ---- native functions ----
    let helpers = Helpers::emit(ctx, &module, opts.fast_paths).map_err(|e| e.0)?;
    let mut stats = Vec::new();
    let mut table = Vec::new();
    for m in &program.modules {
        let mut st = ModuleStats { module: m.name.clone(), ..Default::default() };
        let mut codes = Vec::new();
        m.code.walk(&mut |c| codes.push(c));
        for code in codes {
            let idx = table.len();
            let entry = if !opts.native {
                st.fallback += 1;
                st.reasons.push((code.qualname.clone(), "--interp".into()));
                None
            } else {
                let depths = fe::stack_depths(code);
                match lower_function(ctx, &module, &helpers, code, depths, &format!("pyc_code_{idx}"), opts.fast_paths) {
                    Ok(f) => {
                        if !f.verify(false) {
                            // a codegen bug: keep the program correct by falling back
                            unsafe { f.delete() };
                            st.fallback += 1;
                            st.reasons.push((code.qualname.clone(), "LLVM verifier rejected the function".into()));
                            None
                        } else {
                            st.native += 1;
                            Some(f)
                        }
                    }
                    Err(e) => {
                        st.fallback += 1;
                        st.reasons.push((code.qualname.clone(), e.0));
                        None
                    }
                }
            };
            table.push(entry);
        }
        stats.push(st);
    }

    // ---- the native table ----
    let entries: Vec<_> = table
        .iter()
        .map(|f| match f {
            Some(f) => f.as_global_value().as_pointer_value().const_cast(i8p),
            None => i8p.const_null(),
        })
        .collect();
    let tty = i8p.array_type(entries.len() as u32);
    let gt = module.add_global(tty, Some(AddressSpace::default()), "pyc_native_table");
    gt.set_initializer(&i8p.const_array(&entries));
    gt.set_constant(true);

    // ---- main ----
    let i32t = ctx.i32_type();
    let i8pp = i8p.ptr_type(AddressSpace::default());
    let pyrt_main_ty = i32t.fn_type(
        &[i32t.into(), i8pp.into(), i8p.into(), i64t.into(), i8pp.into(), i64t.into()],
        false,
    );
    let pyrt_main = module.add_function("pyrt_main", pyrt_main_ty, Some(Linkage::External));
    let main = module.add_function("main", i32t.fn_type(&[i32t.into(), i8pp.into()], false), None);
    let b = ctx.create_builder();
    let bb = ctx.append_basic_block(main, "entry");
    b.position_at_end(bb);
    let err = |e: inkwell::builder::BuilderError| format!("LLVM builder error: {e:?}");
    let prog_ptr = g.as_pointer_value().const_cast(i8p);
    let table_ptr = gt.as_pointer_value().const_cast(i8pp);
    let argc = main.get_nth_param(0).unwrap();
    let argv = main.get_nth_param(1).unwrap();
    let rc = b
        .build_call(
            pyrt_main,
            &[
                argc.into(),
                argv.into(),
                prog_ptr.into(),
                i64t.const_int(bytes.len() as u64, false).into(),
                table_ptr.into(),
                i64t.const_int(table.len() as u64, false).into(),
            ],
            "rc",
        )
        .map_err(err)?
        .try_as_basic_value()
        .basic()
        .ok_or("pyrt_main returns void")?;
    b.build_return(Some(&rc.as_basic_value_enum())).map_err(err)?;

    module.verify().map_err(|e| format!("LLVM module verification failed: {}", e.to_string()))?;
    Ok((module, stats))
}

/// A target machine for the host.
pub fn host_target_machine(opt_level: u8) -> Result<TargetMachine, String> {
    Target::initialize_native(&InitializationConfig::default())
        .map_err(|e| format!("cannot initialise the LLVM native target: {e}"))?;
    let triple = TargetMachine::get_default_triple();
    let target = Target::from_triple(&triple).map_err(|e| format!("unknown target {triple}: {e}"))?;
    let level = match opt_level {
        0 => OptimizationLevel::None,
        1 => OptimizationLevel::Less,
        2 => OptimizationLevel::Default,
        _ => OptimizationLevel::Aggressive,
    };
    // Portable by default: the generic CPU of the host architecture.
    target
        .create_target_machine(&triple, if cfg!(target_arch = "x86_64") { "x86-64" } else { "generic" }, "", level, RelocMode::PIC, CodeModel::Default)
        .ok_or_else(|| format!("cannot create a target machine for {triple}"))
}

/// Runs the LLVM pipeline `default<On>`.
pub fn optimize(module: &Module<'_>, tm: &TargetMachine, opt_level: u8) -> Result<(), String> {
    module.set_triple(&tm.get_triple());
    module.set_data_layout(&tm.get_target_data().get_data_layout());
    let passes = format!("default<O{}>", opt_level.min(3));
    module
        .run_passes(&passes, tm, PassBuilderOptions::create())
        .map_err(|e| format!("LLVM optimisation failed: {}", e.to_string()))
}

/// Writes an object file.
pub fn write_object(module: &Module<'_>, tm: &TargetMachine, path: &std::path::Path) -> Result<(), String> {
    module.set_data_layout(&tm.get_target_data().get_data_layout());
    tm.write_to_file(module, FileType::Object, path)
        .map_err(|e| format!("cannot write object file '{}': {}", path.display(), e.to_string()))
}
