//! hss node (being built).
