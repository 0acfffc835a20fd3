//! PLMN identity (MCC + MNC) in the BCD form every 3GPP protocol uses
//! (TS 24.008 10.5.1.3; the same three octets appear in S1AP, NAS, GTPv2-C and
//! Diameter's Visited-PLMN-Id).

use super::DecodeError;
use std::fmt;

/// A PLMN identity: 3-digit MCC and 2- or 3-digit MNC, kept as its three
/// octets MCC2|MCC1, MNC3|MCC3, MNC2|MNC1 (MNC3 = 0xF for a 2-digit MNC).
///
/// Any three octets are carried as received, so a decoder that meets a
/// non-decimal digit keeps it and re-encodes the same bytes;
/// [`Plmn::is_bcd`] tells whether every digit is decimal, and
/// [`Plmn::from_bcd`] / [`Plmn::from_slice`] refuse one that is not.
/// [`Default`] is the all-zero octets (MCC 000, MNC 000).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Plmn([u8; 3]);

impl Plmn {
    /// Builds a PLMN from decimal strings, e.g. `("001", "01")`.
    pub fn new(mcc: &str, mnc: &str) -> Result<Self, DecodeError> {
        let digits = |s: &str, what: &str| -> Result<Vec<u8>, DecodeError> {
            s.bytes()
                .map(|b| {
                    if b.is_ascii_digit() {
                        Ok(b - b'0')
                    } else {
                        Err(DecodeError::new(
                            "PLMN",
                            0,
                            format!("{what} '{s}' is not decimal"),
                        ))
                    }
                })
                .collect()
        };
        let c = digits(mcc, "MCC")?;
        let n = digits(mnc, "MNC")?;
        let [c1, c2, c3] = c[..] else {
            return Err(DecodeError::new(
                "PLMN",
                0,
                format!("MCC '{mcc}' must have 3 digits"),
            ));
        };
        let (n1, n2, n3) = match n[..] {
            [a, b] => (a, b, 0x0f),
            [a, b, d] => (a, b, d),
            _ => {
                return Err(DecodeError::new(
                    "PLMN",
                    0,
                    format!("MNC '{mnc}' must have 2 or 3 digits"),
                ));
            }
        };
        Ok(Self([c2 << 4 | c1, n3 << 4 | c3, n2 << 4 | n1]))
    }

    /// Takes the 3-octet form as it is, whatever its digits.
    pub const fn from_bytes(b: [u8; 3]) -> Self {
        Self(b)
    }

    /// Decodes the 3-octet BCD form, refusing a digit above 9 (the filler 0xF
    /// is allowed only as third MNC digit, for 2-digit MNCs).
    pub fn from_bcd(b: [u8; 3]) -> Result<Self, DecodeError> {
        let p = Self(b);
        if p.is_bcd() {
            Ok(p)
        } else {
            Err(DecodeError::new(
                "PLMN",
                0,
                format!(
                    "{:02x}{:02x}{:02x} is not a BCD PLMN identity",
                    b[0], b[1], b[2]
                ),
            ))
        }
    }

    /// Decodes from a slice that must be exactly 3 bytes long, in BCD (as
    /// [`Plmn::from_bcd`]).
    pub fn from_slice(b: &[u8]) -> Result<Self, DecodeError> {
        let a: [u8; 3] = b
            .try_into()
            .map_err(|_| DecodeError::new("PLMN", 0, format!("needs 3 bytes, got {}", b.len())))?;
        Self::from_bcd(a)
    }

    /// The 3-octet form.
    pub const fn to_bytes(&self) -> [u8; 3] {
        self.0
    }

    /// Whether every MCC and MNC digit is decimal (the third MNC digit may be
    /// the 0xF filler of a 2-digit MNC).
    pub fn is_bcd(&self) -> bool {
        let [mcc, mnc] = self.nibbles();
        let mnc3 = self.0[1] >> 4;
        mcc.iter().chain(&mnc[..2]).all(|&d| d <= 9) && (mnc3 <= 9 || mnc3 == 0x0f)
    }

    /// MCC1..3 and MNC1..3 nibbles, in digit order.
    fn nibbles(&self) -> [[u8; 3]; 2] {
        let o = self.0;
        [
            [o[0] & 0x0f, o[0] >> 4, o[1] & 0x0f],
            [o[2] & 0x0f, o[2] >> 4, o[1] >> 4],
        ]
    }

    fn digit(n: u8) -> char {
        char::from_digit(u32::from(n), 16).unwrap_or('?')
    }

    /// MCC as a 3-character string (a non-decimal nibble shows as its hex digit).
    pub fn mcc(&self) -> String {
        self.nibbles()[0].iter().map(|&n| Self::digit(n)).collect()
    }

    /// MNC as a 2- or 3-character string: 2 when the third digit is the 0xF
    /// filler (a non-decimal nibble shows as its hex digit).
    pub fn mnc(&self) -> String {
        let mnc = self.nibbles()[1];
        let len = if mnc[2] == 0x0f { 2 } else { 3 };
        mnc[..len].iter().map(|&n| Self::digit(n)).collect()
    }
}

impl fmt::Display for Plmn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", self.mcc(), self.mnc())
    }
}

impl fmt::Debug for Plmn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Plmn({self})")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plmn_encodes_two_digit_mnc_with_filler() {
        let p = Plmn::new("001", "01").unwrap();
        assert_eq!(p.to_bytes(), [0x00, 0xf1, 0x10]);
        assert_eq!(Plmn::from_bcd([0x00, 0xf1, 0x10]).unwrap(), p);
        assert_eq!(p.to_string(), "001-01");
    }

    #[test]
    fn plmn_encodes_three_digit_mnc() {
        let p = Plmn::new("310", "410").unwrap();
        assert_eq!(p.to_bytes(), [0x13, 0x00, 0x14]);
        let back = Plmn::from_bcd(p.to_bytes()).unwrap();
        assert_eq!((back.mcc().as_str(), back.mnc().as_str()), ("310", "410"));
    }

    #[test]
    fn plmn_rejects_non_bcd() {
        assert!(Plmn::from_bcd([0xaa, 0xf1, 0x10]).is_err());
        assert!(Plmn::new("01", "01").is_err());
        assert!(Plmn::new("001", "1").is_err());
        assert!(Plmn::from_slice(&[1, 2]).is_err());
    }

    #[test]
    fn plmn_keeps_non_bcd_octets() {
        for b in [[0xaa, 0xf1, 0x10], [0x00, 0xf1, 0x1f], [0x00, 0xe1, 0x10]] {
            let p = Plmn::from_bytes(b);
            assert!(!p.is_bcd());
            assert_eq!(p.to_bytes(), b);
            assert!(Plmn::from_slice(&b).is_err());
        }
        let p = Plmn::from_bytes([0xaa, 0xf1, 0x10]);
        assert_eq!((p.mcc().as_str(), p.mnc().as_str()), ("aa1", "01"));
        let p = Plmn::from_bytes([0x00, 0xe1, 0xb0]);
        assert_eq!((p.mcc().as_str(), p.mnc().as_str()), ("001", "0be"));
        assert!(Plmn::from_bytes([0x00, 0xf1, 0x10]).is_bcd());
        assert!(Plmn::default().is_bcd());
        assert_eq!(Plmn::default().to_string(), "000-000");
    }
}
