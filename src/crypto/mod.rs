//! 3GPP security functions on RustCrypto primitives: Milenage (TS 35.206),
//! the key derivations of TS 33.401 Annex A, 128-EIA2 and 128-EEA2.
