//! gtpu codec (placeholder until its implementation lands).

use super::{DecodeError, Field};

/// Decodes `bytes` and renders them as a tree of fields for humans.
pub fn tree(bytes: &[u8]) -> Result<Field, DecodeError> {
    Err(DecodeError::new("gtpu", 0, format!("decoder not built yet ({} bytes)", bytes.len())))
}
