//! Struct sequences (CPython's `PyStructSequence`): tuple subclasses whose items also
//! have names, such as `os.stat_result` and `time.struct_time`. The first `n_seq` fields
//! are the tuple's items; the remaining fields (`st_atime`, `tm_zone`, ...) are reachable
//! only by name. Each type is a real built-in type object (`isinstance(x, tuple)` holds).

use std::cell::RefCell;

use crate::errors::type_error;
use crate::object::{Obj, ObjHeader, PyResult};
use crate::protocol;
use crate::types::typeobj::{drop_as, KwArgs, MethodDef, TypeObject};
use crate::types::{dict, none, str as pystr, tuple, types, TypeSpec};

/// Layout: a tuple payload (the visible items, in the block's tail as for any tuple)
/// followed by the hidden fields.
#[repr(C)]
pub struct StructSeqObj {
    pub tuple: tuple::TupleObj,
    pub hidden: Box<[Obj]>,
}

/// A new struct sequence of type `t`.
fn new_obj(t: &TypeObject, visible: Vec<Obj>, hidden: Vec<Obj>) -> Obj {
    let payload = StructSeqObj { tuple: tuple::TupleObj::empty(), hidden: hidden.into_boxed_slice() };
    // SAFETY: `StructSeqObj` is repr(C), starts with an empty `TupleObj`, and
    // `drop_struct_seq` releases the items.
    unsafe { tuple::alloc_tuple_like(t, payload, visible.into_iter()) }
}

unsafe fn drop_struct_seq(h: *mut ObjHeader) {
    tuple::drop_items(h);
    drop_as::<StructSeqObj>(h);
}

struct Desc {
    ty: &'static TypeObject,
    full_name: &'static str,
    fields: &'static [&'static str],
    n_seq: usize,
}

/// Per-interpreter state: one copy, touched only under the GIL (`gil::GilCell`).
static DESCS: crate::gil::GilCell<RefCell<Vec<Desc>>> = crate::gil::GilCell::new(RefCell::new(Vec::new()));

fn with_desc<R>(t: &TypeObject, f: impl FnOnce(&Desc) -> R) -> Option<R> {
    DESCS.with(|d| d.borrow().iter().find(|x| t.is_subtype(x.ty)).map(f))
}

fn fields_of(o: &Obj) -> (&'static str, &'static [&'static str], usize) {
    with_desc(o.ty(), |d| (d.full_name, d.fields, d.n_seq)).unwrap_or(("structseq", &[], 0))
}

/// The value of field `i` (visible or hidden).
pub fn field(o: &Obj, i: usize) -> Obj {
    let p = unsafe { o.payload::<StructSeqObj>() };
    let items = p.tuple.items();
    if i < items.len() {
        items[i].clone()
    } else {
        p.hidden.get(i - items.len()).cloned().unwrap_or_else(none::none)
    }
}

/// Unnamed fields (the int times of `stat_result`) are spelled with a leading NUL.
fn is_unnamed(f: &str) -> bool {
    f.starts_with('\0')
}

fn ss_getattro(o: &Obj, name: &Obj) -> PyResult<Obj> {
    let (_, fields, _) = fields_of(o);
    if let Some(i) = pystr::as_str(name).and_then(|n| fields.iter().position(|f| *f == n)) {
        return Ok(field(o, i));
    }
    crate::types::object::generic_getattr(o, name)
}

fn ss_repr(o: &Obj) -> PyResult<Obj> {
    let (full, fields, n_seq) = fields_of(o);
    let mut parts = Vec::with_capacity(n_seq);
    // CPython names the visible items after the named fields in order, so an unnamed
    // item takes the next field's name (`st_atime=<int>` in a stat_result's repr).
    for (i, f) in fields.iter().filter(|f| !is_unnamed(f)).take(n_seq).enumerate() {
        parts.push(format!("{}={}", f, protocol::repr_string(&field(o, i))?));
    }
    Ok(pystr::from_string(format!("{}({})", full, parts.join(", "))))
}

/// `T(sequence, dict=None)`: CPython's structseq constructor rules.
fn ss_new(cls: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let t = crate::types::typeobj::downcast_type(cls).ok_or_else(|| type_error("not a type"))?;
    let (full, fields, n_seq) = with_desc(t, |d| (d.full_name, d.fields, d.n_seq)).unwrap_or(("structseq", &[], 0));
    let b = crate::types::int::bind_args(full, a, kw, &["sequence", "dict"], 0, 2, 1)?;
    let items = protocol::collect(b[0].as_ref().unwrap())?;
    let n = items.len();
    let max = fields.len();
    if n < n_seq {
        let at = if n_seq == max { "a" } else { "an at least" };
        return Err(type_error(format!("{full}() takes {at} {n_seq}-sequence ({n}-sequence given)")));
    }
    if n > max {
        let at = if n_seq == max { "a" } else { "an at most" };
        return Err(type_error(format!("{full}() takes {at} {max}-sequence ({n}-sequence given)")));
    }
    let d = b[1].clone().filter(|d| !none::is_none(d));
    let mut hidden = Vec::with_capacity(max - n_seq);
    for (i, f) in fields.iter().enumerate().skip(n_seq) {
        let v = match (items.get(i), &d) {
            (Some(v), _) => v.clone(),
            (None, Some(d)) => dict::get_item(d, &pystr::new(f))?.unwrap_or_else(none::none),
            _ => none::none(),
        };
        hidden.push(v);
    }
    let visible: Vec<Obj> = items.into_iter().take(n_seq).collect();
    Ok(new_obj(t, visible, hidden))
}

fn m_reduce(a: &[Obj]) -> PyResult<Obj> {
    let o = &a[0];
    let (_, fields, n_seq) = fields_of(o);
    let d = dict::new();
    for (i, f) in fields.iter().enumerate().skip(n_seq) {
        dict::set_item_str(&d, f, field(o, i));
    }
    let items = unsafe { o.payload::<StructSeqObj>() }.tuple.items().to_vec();
    Ok(tuple::new(vec![o.type_obj(), tuple::new(vec![tuple::new(items), d])]))
}

/// Creates the struct sequence type `module.name` with `fields`, of which the first
/// `n_seq` are tuple items.
pub fn new_type(module: &'static str, name: &'static str, fields: &'static [&'static str], n_seq: usize) -> &'static TypeObject {
    let mut s = TypeSpec::new(name, std::mem::size_of::<StructSeqObj>(), drop_struct_seq);
    s.final_ = true;
    s.slots.getattro = Some(ss_getattro);
    s.slots.repr = Some(ss_repr);
    s.slots.new = Some(ss_new);
    s.methods = vec![MethodDef::Method { name: "__reduce__", func: m_reduce, min: 1, max: 1 }];
    let t = crate::types::create_type(s, types().tuple);
    *t.module.borrow_mut() = module.to_string();
    let full: &'static str = Box::leak(format!("{module}.{name}").into_boxed_str());
    let cd = crate::types::class::type_dict(t);
    dict::set_item_str(&cd, "n_sequence_fields", crate::types::int::from_usize(n_seq));
    dict::set_item_str(&cd, "n_fields", crate::types::int::from_usize(fields.len()));
    dict::set_item_str(&cd, "n_unnamed_fields", crate::types::int::from_usize(fields.iter().filter(|f| is_unnamed(f)).count()));
    dict::set_item_str(&cd, "__module__", pystr::new(module));
    crate::gc::immortalize_graph(&cd); // the entries just added, like the rest of the dict
    DESCS.with(|d| d.borrow_mut().push(Desc { ty: t, full_name: full, fields, n_seq }));
    t
}

/// A new instance of struct sequence type `t` with every field's value, in order.
pub fn new_value(t: &'static TypeObject, mut values: Vec<Obj>) -> Obj {
    let n_seq = with_desc(t, |d| d.n_seq).unwrap_or(values.len()).min(values.len());
    let hidden = values.split_off(n_seq);
    new_obj(t, values, hidden)
}
