//! gateway node (being built).
