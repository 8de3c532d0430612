//! STUB — to be written.
