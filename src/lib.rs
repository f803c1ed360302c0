//! styrkoll: a checker for Swedish planning documents (styrdokument).
//!
//! The pipeline is load → parse → classify → check → report; each stage is a
//! module. The library never prints, never exits and never panics.

pub mod diagnostic;
pub mod model;
pub mod parse;
