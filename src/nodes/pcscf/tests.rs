//! P-CSCF tests.
