//! Typed values of the AKA and key hierarchy. Secret ones print `<redacted>`.

use std::fmt;

use crate::codec::{hex, parse_hex};

/// Defines a fixed-size byte newtype with the shared constructors.
macro_rules! bytes_type {
    ($(#[$meta:meta])* $name:ident, $len:expr, secret) => {
        bytes_type!(@def $(#[$meta])* $name, $len, #[derive(Clone, PartialEq, Eq)]);
        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(concat!(stringify!($name), "(<redacted>)"))
            }
        }
    };
    ($(#[$meta:meta])* $name:ident, $len:expr, public) => {
        bytes_type!(@def $(#[$meta])* $name, $len, #[derive(Clone, Copy, PartialEq, Eq, Hash)]);
        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, concat!(stringify!($name), "({})"), hex(&self.0))
            }
        }
        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&hex(&self.0))
            }
        }
    };
    (@def $(#[$meta:meta])* $name:ident, $len:expr, #[$derive:meta]) => {
        $(#[$meta])*
        #[$derive]
        pub struct $name([u8; $len]);

        impl $name {
            /// Length in bytes.
            pub const LEN: usize = $len;

            /// Wraps the raw bytes.
            pub const fn new(bytes: [u8; $len]) -> Self {
                Self(bytes)
            }

            /// Parses hex; `None` unless it is exactly the right number of bytes.
            pub fn from_hex(text: &str) -> Option<Self> {
                let bytes = parse_hex(text).ok()?;
                Some(Self(bytes.try_into().ok()?))
            }

            /// The raw bytes.
            pub const fn as_bytes(&self) -> &[u8; $len] {
                &self.0
            }
        }

        impl From<[u8; $len]> for $name {
            fn from(bytes: [u8; $len]) -> Self {
                Self(bytes)
            }
        }
    };
}

bytes_type!(
    /// Subscriber key K (TS 33.102 6.3.7), 128 bits.
    K, 16, secret
);
bytes_type!(
    /// Operator variant algorithm configuration field OP (TS 35.206 2.3).
    Op, 16, secret
);
bytes_type!(
    /// OPc = OP xor E[OP]K (TS 35.206 4.1), the per-subscriber operator value.
    Opc, 16, secret
);
bytes_type!(
    /// Cipher key CK, output of f3 (TS 33.102 6.3.2).
    Ck, 16, secret
);
bytes_type!(
    /// Integrity key IK, output of f4 (TS 33.102 6.3.2).
    Ik, 16, secret
);
bytes_type!(
    /// Anonymity key AK, output of f5 or f5* (TS 33.102 6.3.2), 48 bits.
    Ak, 6, secret
);
bytes_type!(
    /// KASME, the EPS root key (TS 33.401 A.2), 256 bits.
    Kasme, 32, secret
);
bytes_type!(
    /// KeNB, the AS root key (TS 33.401 A.3), 256 bits.
    KeNb, 32, secret
);
bytes_type!(
    /// A 128-bit algorithm key (KNASint, KNASenc, KRRCint, ...; TS 33.401 A.7).
    Key128, 16, secret
);
bytes_type!(
    /// Random challenge RAND (TS 33.102 6.3.2), 128 bits.
    Rand, 16, public
);
bytes_type!(
    /// Authentication management field AMF (TS 33.102 6.3.2, Annex H).
    Amf, 2, public
);
bytes_type!(
    /// Authentication token AUTN = (SQN xor AK) || AMF || MAC-A (TS 33.102 6.3.2).
    Autn, 16, public
);
bytes_type!(
    /// Resynchronisation token AUTS = (SQN_MS xor AK*) || MAC-S (TS 33.102 6.3.3).
    Auts, 14, public
);
bytes_type!(
    /// Response RES / expected response XRES, output of f2 (64 bits for Milenage).
    Res, 8, public
);

impl Amf {
    /// The dummy AMF used for MAC-S in resynchronisation (TS 33.102 6.3.3).
    pub const RESYNC: Self = Self([0, 0]);

    /// The "separation bit" (bit 0, the most significant bit), which must be 1
    /// in vectors for E-UTRAN (TS 33.401 6.1.1, TS 33.102 Annex H).
    pub const fn separation_bit(&self) -> bool {
        self.0[0] & 0x80 != 0
    }
}

impl Autn {
    /// Assembles AUTN from its three fields.
    pub fn from_parts(concealed_sqn: [u8; 6], amf: Amf, mac_a: [u8; 8]) -> Self {
        let mut b = [0u8; 16];
        b[..6].copy_from_slice(&concealed_sqn);
        b[6..8].copy_from_slice(&amf.0);
        b[8..].copy_from_slice(&mac_a);
        Self(b)
    }

    /// SQN xor AK.
    pub fn concealed_sqn(&self) -> [u8; 6] {
        let mut s = [0u8; 6];
        s.copy_from_slice(&self.0[..6]);
        s
    }

    /// The AMF field.
    pub const fn amf(&self) -> Amf {
        Amf([self.0[6], self.0[7]])
    }

    /// MAC-A, output of f1.
    pub fn mac_a(&self) -> [u8; 8] {
        let mut m = [0u8; 8];
        m.copy_from_slice(&self.0[8..]);
        m
    }
}

impl Auts {
    /// Assembles AUTS from SQN_MS xor AK* and MAC-S.
    pub fn from_parts(concealed_sqn_ms: [u8; 6], mac_s: [u8; 8]) -> Self {
        let mut b = [0u8; 14];
        b[..6].copy_from_slice(&concealed_sqn_ms);
        b[6..].copy_from_slice(&mac_s);
        Self(b)
    }

    /// SQN_MS xor AK*.
    pub fn concealed_sqn_ms(&self) -> [u8; 6] {
        let mut s = [0u8; 6];
        s.copy_from_slice(&self.0[..6]);
        s
    }

    /// MAC-S, output of f1*.
    pub fn mac_s(&self) -> [u8; 8] {
        let mut m = [0u8; 8];
        m.copy_from_slice(&self.0[6..]);
        m
    }
}

impl Ak {
    /// XORs the 48-bit value `bytes` with AK (conceals or reveals a SQN).
    pub fn xor(&self, bytes: &[u8; 6]) -> [u8; 6] {
        let mut out = *bytes;
        for (o, a) in out.iter_mut().zip(self.0) {
            *o ^= a;
        }
        out
    }
}

/// Sequence number SQN, 48 bits (TS 33.102 6.3.2, Annex C).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Sqn(u64);

impl Sqn {
    /// The largest SQN, 2^48 - 1.
    pub const MAX: Self = Self((1 << 48) - 1);

    /// SQN from an integer; `None` if it does not fit in 48 bits.
    pub const fn new(value: u64) -> Option<Self> {
        if value <= Self::MAX.0 {
            Some(Self(value))
        } else {
            None
        }
    }

    /// SQN from its 6 big-endian bytes.
    pub fn from_bytes(bytes: [u8; 6]) -> Self {
        let mut b = [0u8; 8];
        b[2..].copy_from_slice(&bytes);
        Self(u64::from_be_bytes(b))
    }

    /// Parses 12 hex digits.
    pub fn from_hex(text: &str) -> Option<Self> {
        let bytes: [u8; 6] = parse_hex(text).ok()?.try_into().ok()?;
        Some(Self::from_bytes(bytes))
    }

    /// The 6 big-endian bytes.
    pub fn to_bytes(self) -> [u8; 6] {
        let b = self.0.to_be_bytes();
        let mut out = [0u8; 6];
        out.copy_from_slice(&b[2..]);
        out
    }

    /// The value as an integer.
    pub const fn value(self) -> u64 {
        self.0
    }

    /// `self + n` modulo 2^48.
    pub const fn wrapping_add(self, n: u64) -> Self {
        Self(self.0.wrapping_add(n) & Self::MAX.0)
    }
}

impl fmt::Debug for Sqn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Sqn({:012x})", self.0)
    }
}

impl fmt::Display for Sqn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:012x}", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secret_debug_prints_redacted() {
        let k = K::new([0x46; 16]);
        assert_eq!(format!("{k:?}"), "K(<redacted>)");
        assert_eq!(format!("{:?}", Kasme::new([1; 32])), "Kasme(<redacted>)");
        assert_eq!(format!("{:?}", Ak::new([1; 6])), "Ak(<redacted>)");
    }

    #[test]
    fn public_debug_prints_hex() {
        let r = Rand::from_hex("23553cbe9637a89d218ae64dae47bf35").unwrap();
        assert_eq!(format!("{r:?}"), "Rand(23553cbe9637a89d218ae64dae47bf35)");
        assert_eq!(r.to_string(), "23553cbe9637a89d218ae64dae47bf35");
    }

    #[test]
    fn from_hex_rejects_wrong_length() {
        assert!(K::from_hex("00").is_none());
        assert!(Sqn::from_hex("ff9bb4d0b6").is_none());
        assert!(Rand::from_hex("zz").is_none());
    }

    #[test]
    fn sqn_round_trips_bytes() {
        let s = Sqn::from_hex("ff9bb4d0b607").unwrap();
        assert_eq!(s.value(), 0xff9b_b4d0_b607);
        assert_eq!(s.to_bytes(), [0xff, 0x9b, 0xb4, 0xd0, 0xb6, 0x07]);
        assert_eq!(format!("{s:?}"), "Sqn(ff9bb4d0b607)");
    }

    #[test]
    fn sqn_new_rejects_over_48_bits() {
        assert!(Sqn::new(1 << 48).is_none());
        assert_eq!(Sqn::new((1 << 48) - 1), Some(Sqn::MAX));
        assert_eq!(Sqn::MAX.wrapping_add(1), Sqn::default());
    }

    #[test]
    fn autn_splits_fields() {
        let a = Autn::from_hex("55f328b43577b9b94a9ffac354dfafb3").unwrap();
        assert_eq!(a.concealed_sqn(), [0x55, 0xf3, 0x28, 0xb4, 0x35, 0x77]);
        assert_eq!(a.amf(), Amf::new([0xb9, 0xb9]));
        assert!(a.amf().separation_bit());
        assert_eq!(a.mac_a(), [0x4a, 0x9f, 0xfa, 0xc3, 0x54, 0xdf, 0xaf, 0xb3]);
        assert_eq!(Autn::from_parts(a.concealed_sqn(), a.amf(), a.mac_a()), a);
    }

    #[test]
    fn amf_separation_bit_reads_msb() {
        assert!(!Amf::new([0x7f, 0xff]).separation_bit());
        assert!(Amf::new([0x80, 0x00]).separation_bit());
    }
}
