//! profile: rule packs — their schema, loading and validation, and the
//! classification of a document into a profile.

pub mod classify;
pub mod load;
pub mod schema;

pub use load::{builtin_packs, load_pack, Pack, PackError, Rule};
