//! PLMN identity (MCC + MNC) in the BCD form every 3GPP protocol uses
//! (TS 24.008 10.5.1.3; the same three octets appear in S1AP, NAS, GTPv2-C and
//! Diameter's Visited-PLMN-Id).

use super::DecodeError;
use std::fmt;

/// A PLMN identity: 3-digit MCC and 2- or 3-digit MNC.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Plmn {
    mcc: [u8; 3],
    mnc: [u8; 3],
    mnc_len: u8,
}

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
        if c.len() != 3 {
            return Err(DecodeError::new(
                "PLMN",
                0,
                format!("MCC '{mcc}' must have 3 digits"),
            ));
        }
        if n.len() != 2 && n.len() != 3 {
            return Err(DecodeError::new(
                "PLMN",
                0,
                format!("MNC '{mnc}' must have 2 or 3 digits"),
            ));
        }
        let mut p = Self {
            mcc: [c[0], c[1], c[2]],
            mnc: [0; 3],
            mnc_len: n.len() as u8,
        };
        p.mnc[..n.len()].copy_from_slice(&n);
        Ok(p)
    }

    /// Decodes the 3-octet BCD form (filler 0xF as third MNC digit for 2-digit MNCs).
    pub fn from_bytes(b: [u8; 3]) -> Result<Self, DecodeError> {
        let d = [
            b[0] & 0x0f,
            b[0] >> 4,
            b[1] & 0x0f,
            b[2] & 0x0f,
            b[2] >> 4,
            b[1] >> 4,
        ];
        let bad = |i: usize| d[i] > 9;
        if (0..5).any(bad) || (d[5] > 9 && d[5] != 0x0f) {
            return Err(DecodeError::new(
                "PLMN",
                0,
                format!(
                    "{:02x}{:02x}{:02x} is not a BCD PLMN identity",
                    b[0], b[1], b[2]
                ),
            ));
        }
        let three = d[5] != 0x0f;
        Ok(Self {
            mcc: [d[0], d[1], d[2]],
            mnc: [d[3], d[4], if three { d[5] } else { 0 }],
            mnc_len: if three { 3 } else { 2 },
        })
    }

    /// Decodes from a slice that must be exactly 3 bytes long.
    pub fn from_slice(b: &[u8]) -> Result<Self, DecodeError> {
        let a: [u8; 3] = b
            .try_into()
            .map_err(|_| DecodeError::new("PLMN", 0, format!("needs 3 bytes, got {}", b.len())))?;
        Self::from_bytes(a)
    }

    /// The 3-octet BCD form.
    pub fn to_bytes(&self) -> [u8; 3] {
        let mnc3 = if self.mnc_len == 3 { self.mnc[2] } else { 0x0f };
        [
            self.mcc[1] << 4 | self.mcc[0],
            mnc3 << 4 | self.mcc[2],
            self.mnc[1] << 4 | self.mnc[0],
        ]
    }

    /// MCC as a 3-character string.
    pub fn mcc(&self) -> String {
        self.mcc.iter().map(|d| char::from(b'0' + d)).collect()
    }

    /// MNC as a 2- or 3-character string.
    pub fn mnc(&self) -> String {
        self.mnc[..self.mnc_len as usize]
            .iter()
            .map(|d| char::from(b'0' + d))
            .collect()
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
        assert_eq!(Plmn::from_bytes([0x00, 0xf1, 0x10]).unwrap(), p);
        assert_eq!(p.to_string(), "001-01");
    }

    #[test]
    fn plmn_encodes_three_digit_mnc() {
        let p = Plmn::new("310", "410").unwrap();
        assert_eq!(p.to_bytes(), [0x13, 0x00, 0x14]);
        let back = Plmn::from_bytes(p.to_bytes()).unwrap();
        assert_eq!((back.mcc().as_str(), back.mnc().as_str()), ("310", "410"));
    }

    #[test]
    fn plmn_rejects_non_bcd() {
        assert!(Plmn::from_bytes([0xaa, 0xf1, 0x10]).is_err());
        assert!(Plmn::new("01", "01").is_err());
        assert!(Plmn::new("001", "1").is_err());
        assert!(Plmn::from_slice(&[1, 2]).is_err());
    }
}
