//! Operand-stack depth analysis over a `CodeObject`: the depth on entry to every
//! instruction, following fall-through, jumps and exception-table handlers. The
//! compiler uses it for `max_stack`; the codegen and the runtime use `stack_depths`.

use crate::bytecode::{CodeObject, Instr};

/// Depth on entry of each handler target of `entry`: `depth + lasti + 1 (exc)`.
fn handler_depth(e: &crate::bytecode::ExceptionEntry) -> u32 {
    e.depth + e.lasti as u32 + 1
}

fn analyze(code: &CodeObject) -> (Vec<Option<u32>>, Vec<String>, u32) {
    let n = code.instrs.len();
    let mut depths: Vec<Option<u32>> = vec![None; n];
    let mut errors = Vec::new();
    let mut max = 0u32;
    if n == 0 {
        return (depths, errors, 0);
    }
    let mut work: Vec<usize> = Vec::new();
    let set = |pc: usize, d: i64, from: usize, depths: &mut Vec<Option<u32>>, work: &mut Vec<usize>, errors: &mut Vec<String>| {
        if pc >= n {
            errors.push(format!("instruction {from}: flows to {pc} past the end"));
            return;
        }
        if d < 0 {
            errors.push(format!("instruction {from}: negative stack depth flowing to {pc}"));
            return;
        }
        let d = d as u32;
        match depths[pc] {
            None => {
                depths[pc] = Some(d);
                work.push(pc);
            }
            Some(old) if old != d => {
                errors.push(format!("instruction {pc}: inconsistent depths {old} and {d} (from {from})"));
            }
            _ => {}
        }
    };
    set(0, 0, 0, &mut depths, &mut work, &mut errors);
    while let Some(pc) = work.pop() {
        let d = depths[pc].unwrap() as i64;
        max = max.max(d as u32);
        let ins = code.instrs[pc];
        // exception handler covering this instruction
        if let Some(h) = code.handler_for(pc as u32) {
            let hd = handler_depth(h);
            max = max.max(hd);
            set(h.target as usize, hd as i64, pc, &mut depths, &mut work, &mut errors);
        }
        if let Some(t) = ins.jump_target() {
            let dj = d + ins.stack_effect(true) as i64;
            max = max.max(dj.max(0) as u32);
            set(t as usize, dj, pc, &mut depths, &mut work, &mut errors);
        }
        let df = d + ins.stack_effect(false) as i64;
        if df > 0 {
            max = max.max(df as u32);
        }
        // Instructions that push then pop inside (e.g. a call) never exceed the
        // larger of their entry/exit depths in our stack model.
        if !ins.is_terminator() {
            set(pc + 1, df, pc, &mut depths, &mut work, &mut errors);
        } else if matches!(ins, Instr::Jump(_)) {
            // nothing: the jump target was handled above
        }
    }
    (depths, errors, max)
}

/// Operand-stack depth on entry to each instruction (`None` = unreachable).
/// Follows jumps and exception handlers (a handler's entry depth is
/// `entry.depth + (1 if entry.lasti) + 1`). When the code is inconsistent the first
/// depth found wins; `verify_stack` reports such problems.
pub fn stack_depths(code: &CodeObject) -> Vec<Option<u32>> {
    analyze(code).0
}

/// Maximum stack depth reached by `code` (as stored in `max_stack`).
pub fn max_stack_depth(code: &CodeObject) -> u32 {
    analyze(code).2
}

/// Checks that every reachable instruction has one consistent depth, no depth goes
/// negative and control never falls off the end. Returns the problems found.
pub fn verify_stack(code: &CodeObject) -> Result<(), Vec<String>> {
    let (_, errors, _) = analyze(code);
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}
