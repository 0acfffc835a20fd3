//! enb node (being built).
