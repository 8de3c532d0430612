pub fn f(){}
pub mod bytecode;
