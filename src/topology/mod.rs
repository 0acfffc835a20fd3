//! Topologies: the YAML a user writes, its validation, and the validated
//! model nodes are built from.

pub mod model;

pub use model::*;
