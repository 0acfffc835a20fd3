//! 128-EEA2: AES-128 in counter mode (TS 33.401 B.1.3), with the message
//! length counted in bits.

use aes::Aes128;
use ctr::cipher::{KeyIvInit, StreamCipher};

use super::{CryptoError, Direction, Key128, check_length, count_bearer_direction};

/// AES-128-CTR with a 128-bit big-endian counter.
type Aes128Ctr = ctr::Ctr128BE<Aes128>;

/// Ciphers (or deciphers: it is its own inverse) the first `length_bits` bits
/// of `data` in place. `data` must hold exactly ceil(`length_bits` / 8) bytes.
/// The bits of the last byte past `length_bits` are set to zero, as in the
/// TS 33.401 C.1 test data.
pub fn eea2(
    key: &Key128,
    count: u32,
    bearer: u8,
    direction: Direction,
    data: &mut [u8],
    length_bits: usize,
) -> Result<(), CryptoError> {
    check_length(data.len(), length_bits)?;
    // T1 = COUNT || BEARER || DIRECTION || 0^26 || 0^64 (B.1.3).
    let mut t1 = [0u8; 16];
    t1[..8].copy_from_slice(&count_bearer_direction(count, bearer, direction)?);
    let mut cipher = Aes128Ctr::new(key.as_bytes().into(), (&t1).into());
    cipher.apply_keystream(data);
    let used = length_bits % 8;
    if used != 0
        && let Some(last) = data.last_mut()
    {
        *last &= !(0xffu8 >> used);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eea2_round_trips() {
        let key = Key128::new([9; 16]);
        let plain: Vec<u8> = (0u8..50).collect();
        let mut buf = plain.clone();
        eea2(&key, 5, 0, Direction::Uplink, &mut buf, 400).unwrap();
        assert_ne!(buf, plain);
        eea2(&key, 5, 0, Direction::Uplink, &mut buf, 400).unwrap();
        assert_eq!(buf, plain);
    }

    #[test]
    fn eea2_zeroes_trailing_bits() {
        let key = Key128::new([1; 16]);
        let mut buf = [0xffu8; 2];
        eea2(&key, 0, 0, Direction::Downlink, &mut buf, 9).unwrap();
        assert_eq!(buf[1] & 0x7f, 0);
    }

    #[test]
    fn eea2_rejects_length_mismatch() {
        let key = Key128::new([1; 16]);
        let mut buf = [0u8; 3];
        assert_eq!(
            eea2(&key, 0, 0, Direction::Downlink, &mut buf, 8),
            Err(CryptoError::LengthMismatch {
                length_bits: 8,
                bytes: 3
            })
        );
    }
}
