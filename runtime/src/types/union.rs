//! `types.UnionType`: the PEP 604 unions `int | str`, `list[int] | None` built by the
//! `|` operator of types, generic aliases and unions (flattened, duplicates removed, a
//! single member returned as itself), with `__args__`, CPython's repr, order-insensitive
//! equality and hash, and isinstance/issubclass over the members.

use pyc_frontend::bytecode::CmpOp;

use crate::errors::type_error;
use crate::object::{alloc, header, Obj, ObjHeader, PyResult};
use crate::protocol;
use crate::types::generic_alias::is_generic_alias;
use crate::types::typeobj::{drop_as, is_type, MethodDef, TypeObject};
use crate::types::{bool as pybool, none, str as pystr, tuple, types, TypeSpec};

#[repr(C)]
struct UnionObj {
    head: ObjHeader,
    /// A tuple of the members (None stored as NoneType).
    args: Obj,
}

static UNION: crate::modules::itertools::LazyType = crate::modules::itertools::LazyType::new();

fn union_type() -> &'static TypeObject {
    UNION.get(|| crate::modules::itertools::module_type("types", spec()))
}

fn is_union(o: &Obj) -> bool {
    !o.is_small_int() && o.isinstance(union_type())
}

fn args_of(o: &Obj) -> &[Obj] {
    tuple::as_slice(&unsafe { o.payload::<UnionObj>() }.args).unwrap_or(&[])
}

fn unionable(o: &Obj) -> bool {
    none::is_none(o) || is_type(o) || is_generic_alias(o) || is_union(o)
}

/// The `|` slot of `type`, generic aliases and unions (called for both operand orders).
pub fn type_or(a: &Obj, b: &Obj) -> PyResult<Obj> {
    if !unionable(a) || !unionable(b) {
        return Ok(none::not_implemented());
    }
    let mut members: Vec<Obj> = Vec::new();
    for o in [a, b] {
        let parts = if is_union(o) { args_of(o).to_vec() } else { vec![o.clone()] };
        for p in parts {
            let p = if none::is_none(&p) { types().none.as_obj() } else { p };
            let mut dup = false;
            for m in &members {
                if m.is(&p) || (is_generic_alias(m) && is_generic_alias(&p) && protocol::eq(m, &p)?) {
                    dup = true;
                    break;
                }
            }
            if !dup {
                members.push(p);
            }
        }
    }
    if members.len() == 1 {
        return Ok(members.pop().unwrap());
    }
    Ok(alloc(union_type(), UnionObj { head: header(), args: tuple::new(members) }))
}

fn union_repr(o: &Obj) -> PyResult<Obj> {
    let parts: Vec<String> = args_of(o)
        .iter()
        .map(|a| {
            if a.is(&types().none.as_obj()) {
                Ok("None".to_string())
            } else {
                crate::types::generic_alias::repr_item(a)
            }
        })
        .collect::<PyResult<_>>()?;
    Ok(pystr::from_string(parts.join(" | ")))
}

fn union_richcompare(a: &Obj, b: &Obj, op: CmpOp) -> PyResult<Obj> {
    if !is_union(b) || !matches!(op, CmpOp::Eq | CmpOp::Ne) {
        return Ok(none::not_implemented());
    }
    let contains = |xs: &[Obj], y: &Obj| -> PyResult<bool> {
        for x in xs {
            if protocol::eq(x, y)? {
                return Ok(true);
            }
        }
        Ok(false)
    };
    let (xa, xb) = (args_of(a), args_of(b));
    let mut same = true;
    for y in xb {
        same &= contains(xa, y)?;
    }
    for y in xa {
        same &= contains(xb, y)?;
    }
    Ok(pybool::from_bool(same == (op == CmpOp::Eq)))
}

fn union_hash(o: &Obj) -> PyResult<i64> {
    let mut h: i64 = 0x345678;
    for a in args_of(o) {
        h ^= protocol::hash(a)?;
    }
    Ok(h)
}

/// isinstance/issubclass over the members; parameterized generics are refused.
fn check_members(a: &[Obj], isinstance: bool) -> PyResult<Obj> {
    let (o, members) = (&a[1], args_of(&a[0]).to_vec());
    for m in &members {
        if is_generic_alias(m) {
            let which = if isinstance { "isinstance" } else { "issubclass" };
            return Err(type_error(format!("{which}() argument 2 cannot be a parameterized generic")));
        }
    }
    let f = if isinstance { "isinstance" } else { "issubclass" };
    let builtin = protocol::getattr_str(&crate::builtins::builtins_module(), f)?;
    for m in members {
        if protocol::is_true(&protocol::call(&builtin, &[o.clone(), m])?)? {
            return Ok(pybool::from_bool(true));
        }
    }
    Ok(pybool::from_bool(false))
}

fn m_instancecheck(a: &[Obj]) -> PyResult<Obj> {
    check_members(a, true)
}

fn m_subclasscheck(a: &[Obj]) -> PyResult<Obj> {
    check_members(a, false)
}

fn g_args(o: &Obj) -> PyResult<Obj> {
    Ok(unsafe { o.payload::<UnionObj>() }.args.clone())
}

fn g_parameters(_o: &Obj) -> PyResult<Obj> {
    Ok(tuple::empty())
}

fn spec() -> TypeSpec {
    let mut s = TypeSpec::new("UnionType", std::mem::size_of::<UnionObj>(), drop_as::<UnionObj>);
    s.final_ = true;
    s.slots.repr = Some(union_repr);
    s.slots.richcompare = Some(union_richcompare);
    s.slots.hash = Some(union_hash);
    s.slots.number[pyc_frontend::bytecode::BinOp::Or as usize] = Some(type_or);
    s.methods = vec![
        MethodDef::Getter { name: "__args__", get: g_args },
        MethodDef::Getter { name: "__parameters__", get: g_parameters },
        MethodDef::Method { name: "__instancecheck__", func: m_instancecheck, min: 2, max: 2 },
        MethodDef::Method { name: "__subclasscheck__", func: m_subclasscheck, min: 2, max: 2 },
    ];
    s
}
