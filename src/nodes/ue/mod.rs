//! ue node (being built).
