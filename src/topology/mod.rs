//! Topologies: the YAML a user writes, its validation, and the validated
//! model nodes are built from.
//!
//! - [`load_from_path`] / [`load_from_str`]: YAML in, [`Loaded`] (a
//!   [`Topology`] and its warnings) or a [`TopologyError`] listing every
//!   problem as `file:line: field.path: sentence` out.
//! - [`schema`]: the raw shape of the file as serde reads it.
//! - [`units`]: durations, rates, bit rates, prefixes, hex keys.
//! - [`model`]: the validated model.
//!
//! `docs/topology.md` documents every key, its default and the checks.

mod apn;
mod diag;
mod lines;
mod load;
mod lookup;
pub mod model;
mod names;
mod network;
mod read;
mod scenario;
pub mod schema;
mod subscribers;
pub mod units;
mod validate;

pub use diag::{Diagnostic, Severity, TopologyError};
pub use load::{Loaded, load_from_path, load_from_str, load_from_str_as};
pub use model::*;
