//! `_json.make_encoder` (CPython's `_json.Encoder`): the encoder behind `json.dumps` when
//! `indent` is None (json.encoder uses it for one-shot encoding only). Calling it with
//! `(obj, _current_indent_level)` returns a one-item list holding the whole JSON text, as
//! CPython 3.11's does. Follows the C encoder's order of type tests (None/True/False, str,
//! int, float, list/tuple, dict, then `default`), its key coercion and errors, circular
//! reference detection through the `markers` dict, and one recursion level per nested
//! container or `default` result. `indent` is accepted and ignored, as in CPython 3.11.
//! Strings go through the given `encoder` callable unless it is this module's own
//! escaper, which then runs inline.

use super::itertools::{module_type, LazyType};
use super::json::{encode_into, native_escaper};
use crate::errors::{type_error, value_error};
use crate::object::{alloc, header, Obj, ObjHeader, PyResult};
use crate::protocol;
use crate::recursion;
use crate::types::none::{false_, is_none, true_};
use crate::types::typeobj::{as_type, drop_as, KwArgs, TypeObject};
use crate::types::{dict, float, int, list, str as pystr, tuple, TypeSpec};

#[repr(C)]
struct Encoder {
    head: ObjHeader,
    /// A dict (id -> object being encoded) or None.
    markers: Obj,
    default: Obj,
    encoder: Obj,
    indent: Obj,
    /// Both str.
    key_separator: Obj,
    item_separator: Obj,
    sort_keys: bool,
    skipkeys: bool,
    allow_nan: bool,
    /// `Some(ascii)` when `encoder` is the native escaper.
    native: Option<bool>,
}

static ENCODER: LazyType = LazyType::new();

/// The `_json.Encoder` type (`_json.make_encoder`).
pub fn encoder_type() -> &'static TypeObject {
    ENCODER.get(|| module_type("_json", encoder_spec()))
}

fn ep(o: &Obj) -> &Encoder {
    // SAFETY: only called on the receiver of Encoder's own slots, whose layout is Encoder.
    unsafe { o.payload::<Encoder>() }
}

const NESTING: &str = " while encoding a JSON object";

fn encoder_new(cls: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let names = [
        "markers", "default", "encoder", "indent", "key_separator", "item_separator", "sort_keys", "skipkeys", "allow_nan",
    ];
    let a = int::bind_args("make_encoder", args, kw, &names, 0, 9, 9)?;
    let arg = |i: usize| a[i].clone().unwrap();
    let markers = arg(0);
    if !is_none(&markers) && !dict::is_dict(&markers) {
        return Err(type_error(format!("make_encoder() argument 1 must be dict or None, not {}", markers.type_name())));
    }
    for i in [4, 5] {
        let sep = arg(i);
        if !pystr::is_str(&sep) {
            // CPython's argument errors name None "None", not "NoneType".
            let got = if is_none(&sep) { "None" } else { sep.type_name() };
            return Err(type_error(format!("make_encoder() argument {} must be str, not {got}", i + 1)));
        }
    }
    let flag = |i: usize| protocol::is_true(a[i].as_ref().unwrap());
    let e = Encoder {
        head: header(),
        native: native_escaper(&arg(2)),
        markers,
        default: arg(1),
        encoder: arg(2),
        indent: arg(3),
        key_separator: arg(4),
        item_separator: arg(5),
        sort_keys: flag(6)?,
        skipkeys: flag(7)?,
        allow_nan: flag(8)?,
    };
    Ok(alloc(as_type(cls), e))
}

fn encoder_call(o: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let a = int::bind_args("_iterencode", args, kw, &["obj", "_current_indent_level"], 0, 2, 2)?;
    protocol::index_i64(a[1].as_ref().unwrap())?;
    let mut out = String::new();
    ep(o).encode(&mut out, a[0].as_ref().unwrap())?;
    Ok(list::new(vec![pystr::from_string(out)]))
}

/// Removes an object's entry from `markers` when the object is done.
struct Marker<'a>(&'a Obj, Obj);

impl Drop for Marker<'_> {
    fn drop(&mut self) {
        let _ = dict::del_item(self.0, &self.1);
    }
}

fn sep(o: &Obj) -> &str {
    pystr::as_str(o).unwrap_or("")
}

impl Encoder {
    fn encode(&self, out: &mut String, o: &Obj) -> PyResult<()> {
        if is_none(o) {
            out.push_str("null");
        } else if o.is(&true_()) {
            out.push_str("true");
        } else if o.is(&false_()) {
            out.push_str("false");
        } else if pystr::is_str(o) {
            self.encode_str(out, o)?;
        } else if int::is_int(o) {
            out.push_str(&int::to_decimal_string(o)?);
        } else if let Some(v) = float::as_f64(o) {
            out.push_str(&self.float_text(v)?);
        } else if list::is_list(o) || tuple::is_tuple(o) {
            self.nested(|| self.encode_list(out, o))?;
        } else if dict::is_dict(o) {
            self.nested(|| self.encode_dict(out, o))?;
        } else {
            let _mark = self.mark(o)?;
            let replaced = protocol::call(&self.default, &[o.clone()])?;
            self.nested(|| self.encode(out, &replaced))?;
        }
        Ok(())
    }

    fn nested(&self, f: impl FnOnce() -> PyResult<()>) -> PyResult<()> {
        recursion::enter_for(NESTING)?;
        let r = f();
        recursion::leave();
        r
    }

    /// Records `o` in `markers` while it is being encoded; ValueError if it already is.
    fn mark(&self, o: &Obj) -> PyResult<Option<Marker<'_>>> {
        if is_none(&self.markers) {
            return Ok(None);
        }
        let id = int::from_u64(o.raw());
        if dict::contains(&self.markers, &id)? {
            return Err(value_error("Circular reference detected"));
        }
        dict::set_item(&self.markers, id.clone(), o.clone())?;
        Ok(Some(Marker(&self.markers, id)))
    }

    fn encode_str(&self, out: &mut String, s: &Obj) -> PyResult<()> {
        if let Some(ascii) = self.native {
            encode_into(out, pystr::as_str(s).unwrap_or(""), ascii);
            return Ok(());
        }
        let r = protocol::call(&self.encoder, &[s.clone()])?;
        match pystr::as_str(&r) {
            Some(t) => out.push_str(t),
            None => return Err(type_error(format!("encoder() must return a string, not {}", r.type_name()))),
        }
        Ok(())
    }

    fn float_text(&self, v: f64) -> PyResult<String> {
        if v.is_finite() {
            return Ok(float::repr_f64(v));
        }
        if !self.allow_nan {
            return Err(value_error("Out of range float values are not JSON compliant"));
        }
        Ok(if v.is_nan() { "NaN" } else if v > 0.0 { "Infinity" } else { "-Infinity" }.to_string())
    }

    fn encode_list(&self, out: &mut String, o: &Obj) -> PyResult<()> {
        let items: Vec<Obj> = list::as_slice_opt(o).or_else(|| tuple::as_slice(o)).unwrap_or(&[]).to_vec();
        if items.is_empty() {
            out.push_str("[]");
            return Ok(());
        }
        let _mark = self.mark(o)?;
        out.push('[');
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(sep(&self.item_separator));
            }
            self.encode(out, item)?;
        }
        out.push(']');
        Ok(())
    }

    /// The dict's items as CPython's `PyMapping_Items` gives them (a subclass's own
    /// `items()`), sorted as tuples when `sort_keys`.
    fn items(&self, o: &Obj) -> PyResult<Vec<(Obj, Obj)>> {
        let mut pairs = if o.is_exact(crate::types::types().dict) && !self.sort_keys {
            return Ok(dict::items(o));
        } else if o.is_exact(crate::types::types().dict) {
            dict::items(o).into_iter().map(|(k, v)| tuple::pair(k, v)).collect()
        } else {
            protocol::collect(&protocol::call_method(o, "items", &[])?)?
        };
        if self.sort_keys {
            let l = list::new(pairs);
            list::sort(&l, None, false)?;
            pairs = list::as_slice_opt(&l).unwrap_or(&[]).to_vec();
        }
        pairs
            .iter()
            .map(|p| match tuple::as_slice(p) {
                Some([k, v]) => Ok((k.clone(), v.clone())),
                _ => Err(value_error("items must return 2-tuples")),
            })
            .collect()
    }

    /// The JSON text of a key, None when `skipkeys` drops it.
    fn key_text(&self, k: &Obj) -> PyResult<Option<Obj>> {
        let text = if pystr::is_str(k) {
            return Ok(Some(k.clone()));
        } else if let Some(v) = float::as_f64(k) {
            self.float_text(v)?
        } else if k.is(&true_()) {
            "true".into()
        } else if k.is(&false_()) {
            "false".into()
        } else if is_none(k) {
            "null".into()
        } else if int::is_int(k) {
            int::to_decimal_string(k)?
        } else if self.skipkeys {
            return Ok(None);
        } else {
            return Err(type_error(format!("keys must be str, int, float, bool or None, not {}", k.type_name())));
        };
        Ok(Some(pystr::from_string(text)))
    }

    fn encode_dict(&self, out: &mut String, o: &Obj) -> PyResult<()> {
        if dict::len(o) == 0 {
            out.push_str("{}");
            return Ok(());
        }
        let _mark = self.mark(o)?;
        out.push('{');
        let mut first = true;
        for (k, v) in self.items(o)? {
            let Some(key) = self.key_text(&k)? else { continue };
            if !first {
                out.push_str(sep(&self.item_separator));
            }
            first = false;
            self.encode_str(out, &key)?;
            out.push_str(sep(&self.key_separator));
            self.encode(out, &v)?;
        }
        out.push('}');
        Ok(())
    }
}

fn encoder_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    let e = ep(o);
    for x in [&e.markers, &e.default, &e.encoder, &e.indent, &e.key_separator, &e.item_separator] {
        visit(x);
    }
}

fn encoder_spec() -> TypeSpec {
    let mut s = TypeSpec::new("Encoder", std::mem::size_of::<Encoder>(), drop_as::<Encoder>);
    s.slots.new = Some(encoder_new);
    s.slots.call = Some(encoder_call);
    s.slots.traverse = Some(encoder_traverse);
    s
}
