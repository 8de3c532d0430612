//! Native modules.
pub mod sys;
pub mod math;
