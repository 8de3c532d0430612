//! Human-readable bytecode listings (`pyc build --emit bytecode`), recursive into
//! nested code objects.

use crate::analysis::stack_depths;
use crate::bytecode::{format_flags, BinOp, CmpOp, CodeObject, Constant, Instr, UnOp};
use std::fmt::Write;

/// Short repr of a constant (nested code objects are shown by name).
pub fn const_repr(c: &Constant) -> String {
    match c {
        Constant::None => "None".into(),
        Constant::Ellipsis => "Ellipsis".into(),
        Constant::Bool(b) => if *b { "True".into() } else { "False".into() },
        Constant::Int(i) => i.to_string(),
        Constant::BigInt(i) => i.to_string(),
        Constant::Float(f) => {
            if f.is_finite() && f.fract() == 0.0 && f.abs() < 1e16 {
                format!("{f:.1}")
            } else {
                format!("{f}")
            }
        }
        Constant::Complex(r, i) => format!("({r}+{i}j)"),
        Constant::Str(s) => format!("{s:?}"),
        Constant::Bytes(b) => format!("b{:?}", String::from_utf8_lossy(b)),
        Constant::Tuple(items) => {
            let parts: Vec<String> = items.iter().map(const_repr).collect();
            if parts.len() == 1 {
                format!("({},)", parts[0])
            } else {
                format!("({})", parts.join(", "))
            }
        }
        Constant::Code(co) => format!("<code object {} line {}>", co.qualname, co.first_line),
        Constant::FrozenSet(items) => {
            let parts: Vec<String> = items.iter().map(const_repr).collect();
            format!("frozenset({{{}}})", parts.join(", "))
        }
    }
}

fn operand_note(code: &CodeObject, ins: &Instr) -> String {
    let name = |i: u32| code.names.get(i as usize).cloned().unwrap_or_else(|| "?".into());
    let var = |i: u32| code.varnames.get(i as usize).cloned().unwrap_or_else(|| "?".into());
    let cell = |i: u32| {
        let i = i as usize;
        if i < code.cellvars.len() {
            code.cellvars[i].clone()
        } else {
            code.freevars.get(i - code.cellvars.len()).cloned().unwrap_or_else(|| "?".into())
        }
    };
    use Instr::*;
    match *ins {
        LoadConst(i) => code.consts.get(i as usize).map(const_repr).unwrap_or_default(),
        LoadFast(i) | StoreFast(i) | DeleteFast(i) => var(i),
        LoadDeref(i) | StoreDeref(i) | DeleteDeref(i) | LoadClosure(i) => cell(i),
        LoadClassDeref(p) => format!("{} / cell {}", name(p & 0xffff), cell(p >> 16)),
        LoadGlobal(i) | StoreGlobal(i) | DeleteGlobal(i) | LoadName(i) | StoreName(i) | DeleteName(i)
        | LoadAttr(i) | StoreAttr(i) | DeleteAttr(i) | LoadMethod(i) | ImportName(i) | ImportFrom(i) => name(i),
        BinaryOp(o) | InplaceOp(o) if o < 13 => BinOp::from_u32(o).symbol().to_string(),
        UnaryOp(o) if o < 4 => format!("{:?}", UnOp::from_u32(o)),
        CompareOp(o) if o < 6 => CmpOp::from_u32(o).symbol().to_string(),
        IsOp(o) => if o == 1 { "is not".into() } else { "is".into() },
        ContainsOp(o) => if o == 1 { "not in".into() } else { "in".into() },
        FormatValue(f) => {
            let conv = match f & format_flags::CONV_MASK {
                format_flags::CONV_STR => "!s",
                format_flags::CONV_REPR => "!r",
                format_flags::CONV_ASCII => "!a",
                _ => "",
            };
            let spec = if f & format_flags::HAVE_SPEC != 0 { " with spec" } else { "" };
            format!("{conv}{spec}")
        }
        UnpackEx(o) => format!("{} before, {} after", o & 0xff, o >> 8),
        MatchClass(n) => format!("{n} positional"),
        GetAwaitable(w) => match w {
            1 => "after __aenter__".into(),
            2 => "after __aexit__".into(),
            _ => String::new(),
        },
        _ => {
            if let Some(t) = ins.jump_target() {
                format!("to {t}")
            } else {
                String::new()
            }
        }
    }
}

fn disassemble_into(code: &CodeObject, out: &mut String) {
    let _ = writeln!(
        out,
        "Disassembly of <code object {} at {}:{}> (name={}, args={}, posonly={}, kwonly={}, flags=0x{:04x}, max_stack={})",
        code.qualname, code.filename, code.first_line, code.name, code.argcount, code.posonlyargcount,
        code.kwonlyargcount, code.flags, code.max_stack
    );
    if !code.varnames.is_empty() {
        let _ = writeln!(out, "  varnames: {:?}", code.varnames);
    }
    if !code.cellvars.is_empty() {
        let _ = writeln!(out, "  cellvars: {:?} cell2arg: {:?}", code.cellvars, code.cell2arg);
    }
    if !code.freevars.is_empty() {
        let _ = writeln!(out, "  freevars: {:?}", code.freevars);
    }
    let depths = stack_depths(code);
    let mut targets = std::collections::HashSet::new();
    for i in &code.instrs {
        if let Some(t) = i.jump_target() {
            targets.insert(t);
        }
    }
    for e in &code.exception_table {
        targets.insert(e.target);
    }
    let mut last_line = 0;
    for (pc, ins) in code.instrs.iter().enumerate() {
        let line = code.lines.get(pc).copied().unwrap_or(0);
        let line_s = if line != last_line { last_line = line; format!("{line:>5}") } else { "     ".into() };
        let mark = if targets.contains(&(pc as u32)) { ">>" } else { "  " };
        let depth = match depths.get(pc).copied().flatten() {
            Some(d) => format!("[{d:>2}]"),
            None => "[--]".into(),
        };
        let text = match ins {
            Instr::Nop | Instr::Pop | Instr::PushNull | Instr::BinarySubscr | Instr::StoreSubscr
            | Instr::DeleteSubscr | Instr::ListToTuple | Instr::GetIter | Instr::ReturnValue
            | Instr::LoadBuildClass | Instr::PushExcInfo | Instr::PopExcept | Instr::CheckExcMatch
            | Instr::LoadAssertionError | Instr::WithExceptStart | Instr::BeforeWith
            | Instr::ReturnGenerator | Instr::YieldValue | Instr::GetYieldFromIter | Instr::ImportStar
            | Instr::LoadLocals | Instr::SetupAnnotations | Instr::PrintExpr => format!("{ins:?}"),
            _ => {
                let s = format!("{ins:?}");
                // "Name(3)" → "Name 3"
                s.replacen('(', " ", 1).trim_end_matches(')').to_string()
            }
        };
        let note = operand_note(code, ins);
        let note = if note.is_empty() { String::new() } else { format!(" ({note})") };
        let _ = writeln!(out, "{line_s} {mark} {pc:>4} {depth} {text:<24}{note}");
    }
    if !code.exception_table.is_empty() {
        let _ = writeln!(out, "  ExceptionTable:");
        for e in &code.exception_table {
            let _ = writeln!(
                out,
                "    {} to {} -> {} [{}]{}",
                e.start,
                e.end,
                e.target,
                e.depth,
                if e.lasti { " lasti" } else { "" }
            );
        }
    }
    for c in &code.consts {
        if let Constant::Code(inner) = c {
            out.push('\n');
            disassemble_into(inner, out);
        }
    }
}

/// A readable listing of `code` and, after it, of every nested code object.
pub fn disassemble(code: &CodeObject) -> String {
    let mut out = String::new();
    disassemble_into(code, &mut out);
    out
}
