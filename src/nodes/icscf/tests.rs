//! I-CSCF tests.
