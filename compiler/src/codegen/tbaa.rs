//! Alias classes (LLVM type-based alias analysis) for the memory words that one kind of
//! access alone reads and writes: the refcount and type words of object headers, a
//! float's number, a list's items pointer and length, a list's item slots, a list's
//! all-floats mark, a tuple's length and items. Two accesses of different classes never
//! touch the same word, so LLVM may keep a list's length, items pointer or mark in a
//! register across the store of a float's number (the typed loop copies, versioned.rs,
//! are where this pays). An access without a class may alias any other, which keeps
//! every other load and store exact.
//!
//! The classes are sound only while each word is accessed under its one class: a float's
//! number is not a list's length, and the items buffer of a list is its own allocation.
//! Memory freed and reused as another type meets a call between the two uses, and a call
//! is ordered with every access.

use inkwell::values::{BasicValue, InstructionValue, IntValue, PointerValue};

use super::function::{Lower, LowerError, R};

/// The word an access touches.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Word {
    /// `ObjHeader.refcnt` (offset 0).
    Refcount,
    /// `ObjHeader.ty` (offset 8).
    Type,
    /// `FloatObj.value`.
    FloatValue,
    /// A list's items pointer and length.
    ListFields,
    /// A slot of a list's items buffer.
    ListItem,
    /// A list's all-floats mark (`ListObj::all_floats`, a byte).
    ListFloats,
    /// A tuple's length and inline items (immutable once built).
    TupleField,
}

impl Word {
    fn name(self) -> &'static str {
        match self {
            Word::Refcount => "pyc refcount",
            Word::Type => "pyc type",
            Word::FloatValue => "pyc float value",
            Word::ListFields => "pyc list fields",
            Word::ListItem => "pyc list item",
            Word::ListFloats => "pyc list all-floats mark",
            Word::TupleField => "pyc tuple field",
        }
    }
}

impl<'a, 'ctx> Lower<'a, 'ctx> {
    /// Marks the load or store `inst` as touching only `word`s.
    pub fn set_alias_class(&self, inst: InstructionValue<'ctx>, word: Word) -> R<()> {
        let i64t = self.ctx.i64_type();
        let root = self.ctx.metadata_node(&[self.ctx.metadata_string("pyc alias classes").into()]);
        let class = self.ctx.metadata_node(&[self.ctx.metadata_string(word.name()).into(), root.into(), i64t.const_zero().into()]);
        let tag = self.ctx.metadata_node(&[class.into(), class.into(), i64t.const_zero().into()]);
        inst.set_metadata(tag, self.ctx.get_kind_id("tbaa")).map_err(|e| LowerError(e.to_string()))
    }

    /// The word at byte offset `off` from `base`, a `word` (see `load_word_at`).
    pub fn load_word_of(&self, base: IntValue<'ctx>, off: IntValue<'ctx>, name: &str, word: Word) -> R<IntValue<'ctx>> {
        self.classified(self.load_word_at(base, off, name)?, word)
    }

    /// The word `p` points to, a `word`.
    pub fn load_classified(&self, p: PointerValue<'ctx>, name: &str, word: Word) -> R<IntValue<'ctx>> {
        self.classified(self.b.build_load(p, name)?.into_int_value(), word)
    }

    /// `load` (a load just built), marked as touching only `word`s.
    fn classified(&self, load: IntValue<'ctx>, word: Word) -> R<IntValue<'ctx>> {
        if let Some(inst) = load.as_instruction_value() {
            self.set_alias_class(inst, word)?;
        }
        Ok(load)
    }
}
