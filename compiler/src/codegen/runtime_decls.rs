//! Declarations of the runtime's C ABI (`pyrt_*`, see docs/architecture.md, "C ABI").
//!
//! Signatures are written in a tiny notation: `v` = value word (i64), `i` = i32,
//! `p` = frame pointer (i8*), `P` = pointer to value words (i64*), `d` = f64, `_` = void.

use inkwell::attributes::{Attribute, AttributeLoc};
use inkwell::context::Context;
use inkwell::module::{Linkage, Module};
use inkwell::types::{BasicMetadataTypeEnum, FunctionType};
use inkwell::values::FunctionValue;
use inkwell::AddressSpace;

/// (name, return, parameters, pure): `pure` functions (the singleton getters) are marked
/// `readnone` so that unused calls disappear and repeated ones are merged.
const SIGNATURES: &[(&str, char, &str, bool)] = &[
    ("pyrt_incref", '_', "v", false),
    ("pyrt_decref", '_', "v", false),
    ("pyrt_xdecref", '_', "v", false),
    // Not in the documented table: frees an object whose refcount dropped to 0
    // (used by the inlined decref fast path).
    ("pyrt_dealloc", '_', "v", false),
    ("pyrt_frame_take_local", 'v', "pi", false),
    ("pyrt_load_const", 'v', "pi", false),
    ("pyrt_none", 'v', "", true),
    ("pyrt_true", 'v', "", true),
    ("pyrt_false", 'v', "", true),
    ("pyrt_raise_unbound_local", 'v', "pi", false),
    ("pyrt_raise_unbound_deref", 'v', "pi", false),
    ("pyrt_cell_new", 'v', "v", false),
    ("pyrt_cell_get", 'v', "pvi", false),
    ("pyrt_cell_set", '_', "vv", false),
    ("pyrt_load_class_deref", 'v', "pvi", false),
    ("pyrt_load_global", 'v', "pi", false),
    ("pyrt_load_name", 'v', "pi", false),
    ("pyrt_load_global_fill", 'v', "piP", false),
    ("pyrt_module_attr_fill", '_', "piiP", false),
    ("pyrt_store_global", 'i', "piv", false),
    ("pyrt_store_name", 'i', "piv", false),
    ("pyrt_delete_global", 'i', "pi", false),
    ("pyrt_delete_name", 'i', "pi", false),
    ("pyrt_load_attr", 'v', "pvi", false),
    ("pyrt_store_attr", 'i', "pviv", false),
    ("pyrt_delete_attr", 'i', "pvi", false),
    ("pyrt_load_method", 'i', "pviP", false),
    ("pyrt_load_attr_fill", 'v', "pviP", false),
    ("pyrt_store_attr_fill", 'i', "pvivP", false),
    ("pyrt_load_method_fill", 'i', "pviPP", false),
    ("pyrt_subscr", 'v', "vv", false),
    ("pyrt_store_subscr", 'i', "vvv", false),
    ("pyrt_delete_subscr", 'i', "vv", false),
    ("pyrt_build_slice", 'v', "vvv", false),
    ("pyrt_binary_slice", 'v', "vvvv", false),
    ("pyrt_store_slice", 'i', "vvvvv", false),
    ("pyrt_binary_op", 'v', "vvi", false),
    ("pyrt_inplace_op", 'v', "vvi", false),
    ("pyrt_float_type", 'v', "", true),
    ("pyrt_float_new", 'v', "d", false),
    // Not in the documented table: `pyrt_dealloc` for the exact-float operands of the
    // inline float paths (codegen/floatpath.rs `release_float`).
    ("pyrt_unary_op", 'v', "vi", false),
    ("pyrt_compare_op", 'v', "vvi", false),
    ("pyrt_contains_op", 'v', "vvi", false),
    ("pyrt_is_true", 'i', "v", false),
    ("pyrt_build_tuple", 'v', "Pi", false),
    ("pyrt_build_list", 'v', "Pi", false),
    ("pyrt_build_set", 'v', "Pi", false),
    ("pyrt_build_string", 'v', "Pi", false),
    ("pyrt_build_map", 'v', "Pi", false),
    ("pyrt_build_const_key_map", 'v', "Piv", false),
    ("pyrt_list_append", 'i', "vv", false),
    ("pyrt_list_append_owned", 'v', "vv", false),
    ("pyrt_list_mark_floats", 'i', "v", false),
    ("pyrt_dict_get_or", 'v', "vvv", false),
    ("pyrt_str_join", 'v', "vv", false),
    ("pyrt_store_item", 'i', "vvv", false),
    ("pyrt_get_item", 'v', "vv", false),
    ("pyrt_contains_item", 'v', "vvi", false),
    ("pyrt_add", 'v', "vvi", false),
    ("pyrt_set_add", 'i', "vv", false),
    ("pyrt_map_add", 'i', "vvv", false),
    ("pyrt_list_extend", 'i', "vv", false),
    ("pyrt_set_update", 'i', "vv", false),
    ("pyrt_dict_update", 'i', "vv", false),
    ("pyrt_dict_merge", 'i', "vvv", false),
    ("pyrt_list_to_tuple", 'v', "v", false),
    ("pyrt_format_value", 'v', "vvi", false),
    ("pyrt_unpack_sequence", 'i', "viP", false),
    ("pyrt_unpack_ex", 'i', "viiP", false),
    ("pyrt_get_iter", 'v', "v", false),
    ("pyrt_list_iter_new", 'v', "v", false),
    ("pyrt_for_iter", 'i', "vP", false),
    ("pyrt_call", 'v', "Piv", false),
    ("pyrt_call_fill", 'v', "PiP", false),
    ("pyrt_call_fill_iter", 'v', "PiP", false),
    ("pyrt_call_direct", 'v', "vPiv", false),
    ("pyrt_construct_begin", 'v', "vPv", false),
    ("pyrt_construct_done", 'v', "vv", false),
    ("pyrt_call_ex", 'v', "vvv", false),
    ("pyrt_make_function", 'v', "piiP", false),
    ("pyrt_load_build_class", 'v', "", false),
    ("pyrt_raise", 'v', "pvv", false),
    ("pyrt_reraise", 'v', "v", false),
    ("pyrt_traceback_add", '_', "pi", false),
    ("pyrt_traceback_exit", '_', "p", false),
    ("pyrt_fetch_exception", 'v', "", false),
    ("pyrt_push_exc_info", 'v', "v", false),
    ("pyrt_pop_except", '_', "v", false),
    ("pyrt_check_exc_match", 'i', "vv", false),
    ("pyrt_load_assertion_error", 'v', "", false),
    ("pyrt_before_with", 'v', "vP", false),
    ("pyrt_with_except_start", 'v', "vv", false),
    ("pyrt_import_name", 'v', "pivv", false),
    ("pyrt_import_from", 'v', "pvi", false),
    ("pyrt_import_star", 'i', "pv", false),
    ("pyrt_load_locals", 'v', "p", false),
    ("pyrt_setup_annotations", 'i', "p", false),
    ("pyrt_print_expr", 'i', "v", false),
    ("pyrt_check_interrupts", 'i', "", false),
    ("pyrt_handle_eval_breaker", 'i', "", false),
    ("pyrt_match_mapping", 'i', "v", false),
    ("pyrt_match_sequence", 'i', "v", false),
    ("pyrt_match_keys", 'v', "vv", false),
    ("pyrt_match_class", 'v', "vviv", false),
    ("pyrt_get_len", 'v', "v", false),
    ("pyrt_copy_dict_without_keys", 'v', "vv", false),
    ("pyrt_check_eg_match", 'i', "vvP", false),
    ("pyrt_prep_reraise_star", 'v', "vv", false),
    ("pyrt_get_awaitable", 'v', "vi", false),
    ("pyrt_get_aiter", 'v', "v", false),
    ("pyrt_get_anext", 'v', "v", false),
    ("pyrt_before_async_with", 'v', "vP", false),
    ("pyrt_end_async_for", 'i', "v", false),
    ("pyrt_async_gen_wrap", 'v', "v", false),
    ("pyrt_send", 'i', "vvP", false),
    ("pyrt_get_yield_from_iter", 'v', "v", false),
    ("pyrt_frame_peek_local", 'v', "pi", false),
    ("pyrt_frame_set_local", '_', "piv", false),
    ("pyrt_frame_set_lasti", '_', "pi", false),
    ("pyrt_frame_enter", 'i', "pv", false),
    ("pyrt_frame_leave", '_', "p", false),
];

/// Every runtime symbol the generated code may reference (for documentation and tests).
#[cfg(test)]
pub fn all_runtime_symbols() -> impl Iterator<Item = &'static str> {
    SIGNATURES.iter().map(|s| s.0).chain(std::iter::once("pyrt_main"))
}

fn fn_type<'ctx>(ctx: &'ctx Context, ret: char, params: &str) -> FunctionType<'ctx> {
    let i64t = ctx.i64_type();
    let i32t = ctx.i32_type();
    let i8p = ctx.i8_type().ptr_type(AddressSpace::default());
    let i64p = i64t.ptr_type(AddressSpace::default());
    let ps: Vec<BasicMetadataTypeEnum> = params
        .chars()
        .map(|c| match c {
            'v' => i64t.into(),
            'i' => i32t.into(),
            'p' => i8p.into(),
            'P' => i64p.into(),
            'd' => ctx.f64_type().into(),
            _ => unreachable!("bad signature letter"),
        })
        .collect();
    match ret {
        'v' => i64t.fn_type(&ps, false),
        'i' => i32t.fn_type(&ps, false),
        _ => ctx.void_type().fn_type(&ps, false),
    }
}

/// Returns the declaration of runtime function `name`, adding it to the module on first use.
/// Returns `None` for unknown names (a codegen bug, reported as a lowering failure).
pub fn runtime_fn<'ctx>(ctx: &'ctx Context, module: &Module<'ctx>, name: &str) -> Option<FunctionValue<'ctx>> {
    if let Some(f) = module.get_function(name) {
        return Some(f);
    }
    let &(_, ret, params, pure) = SIGNATURES.iter().find(|s| s.0 == name)?;
    let f = module.add_function(name, fn_type(ctx, ret, params), Some(Linkage::External));
    let nounwind = ctx.create_enum_attribute(Attribute::get_named_enum_kind_id("nounwind"), 0);
    f.add_attribute(AttributeLoc::Function, nounwind);
    if pure {
        for a in ["readnone", "willreturn"] {
            let attr = ctx.create_enum_attribute(Attribute::get_named_enum_kind_id(a), 0);
            f.add_attribute(AttributeLoc::Function, attr);
        }
    }
    Some(f)
}
