//! mme node (being built).
