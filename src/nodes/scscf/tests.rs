//! S-CSCF tests.
