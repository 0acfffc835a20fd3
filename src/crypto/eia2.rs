//! 128-EIA2: AES-CMAC over COUNT || BEARER || DIRECTION || 0^26 || MESSAGE
//! (TS 33.401 B.2.3), with the message length counted in bits.

use aes::Aes128;
use aes::cipher::{BlockCipherEncrypt, KeyInit};
use cmac::{Cmac, Mac};

use super::{CryptoError, Direction, Key128, check_length, count_bearer_direction};

/// Computes the 32-bit 128-EIA2 MAC over the first `length_bits` bits of
/// `message`, which must hold exactly ceil(`length_bits` / 8) bytes.
pub fn eia2(
    key: &Key128,
    count: u32,
    bearer: u8,
    direction: Direction,
    message: &[u8],
    length_bits: usize,
) -> Result<[u8; 4], CryptoError> {
    check_length(message.len(), length_bits)?;
    let header = count_bearer_direction(count, bearer, direction)?;
    let tag = if length_bits.is_multiple_of(8) {
        cmac_bytes(key, &header, message)
    } else {
        cmac_bits(key, &header, message, length_bits)
    };
    // The MAC is the 32 most significant bits of the CMAC output (B.2.3).
    Ok([tag[0], tag[1], tag[2], tag[3]])
}

/// AES-CMAC (RFC 4493) of header || message with the `cmac` crate.
fn cmac_bytes(key: &Key128, header: &[u8; 8], message: &[u8]) -> [u8; 16] {
    let mut mac = <Cmac<Aes128> as KeyInit>::new(key.as_bytes().into());
    mac.update(header);
    mac.update(message);
    mac.finalize().into_bytes().into()
}

/// Left shift of a 128-bit string by one bit, xor Rb if the top bit was set
/// (the subkey doubling of NIST SP 800-38B 6.1).
fn dbl(block: [u8; 16]) -> [u8; 16] {
    let v = u128::from_be_bytes(block);
    let shifted = (v << 1) ^ if v >> 127 == 1 { 0x87 } else { 0 };
    shifted.to_be_bytes()
}

/// AES-CMAC over a bit string of any length (NIST SP 800-38B 6.2). A message
/// whose length is not a whole number of bytes always ends with a partial
/// block, which is padded with a single 1 bit and zeros and masked with K2; a
/// complete last block is masked with K1.
fn cmac_bits(key: &Key128, header: &[u8; 8], message: &[u8], length_bits: usize) -> [u8; 16] {
    let aes = Aes128::new(key.as_bytes().into());
    let encrypt = |block: [u8; 16]| -> [u8; 16] {
        let mut b = block.into();
        aes.encrypt_block(&mut b);
        b.into()
    };
    let k1 = dbl(encrypt([0u8; 16]));
    let k2 = dbl(k1);

    // The header makes the bit string at least 64 bits long, so n_blocks >= 1.
    let total_bits = 64 + length_bits;
    let n_blocks = total_bits.div_ceil(128);
    let complete = total_bits.is_multiple_of(128);
    let mut m = vec![0u8; n_blocks * 16];
    m[..8].copy_from_slice(header);
    let msg_bytes = length_bits.div_ceil(8);
    m[8..8 + msg_bytes].copy_from_slice(&message[..msg_bytes]);
    if !complete {
        // Clear the bits past the message, then set the padding bit right after it.
        let last = total_bits / 8;
        let used = total_bits % 8;
        m[last] &= !(0xffu8 >> used);
        m[last] |= 0x80 >> used;
    }
    let last_mask = if complete { k1 } else { k2 };

    let mut x = [0u8; 16];
    for (i, chunk) in m.chunks_exact(16).enumerate() {
        let mut y = [0u8; 16];
        for j in 0..16 {
            y[j] = x[j] ^ chunk[j];
            if i + 1 == n_blocks {
                y[j] ^= last_mask[j];
            }
        }
        x = encrypt(y);
    }
    x
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dbl_applies_rb_on_carry() {
        // RFC 4493 2.4 example: L = 7df76b0c..., K1 = fbeed618...
        let l = u128::from_str_radix("7df76b0c1ab899b33e42f047b91b546f", 16).unwrap();
        let k1 = u128::from_be_bytes(dbl(l.to_be_bytes()));
        assert_eq!(k1, 0xfbeed618357133667c85e08f7236a8de);
        let k2 = u128::from_be_bytes(dbl(k1.to_be_bytes()));
        assert_eq!(k2, 0xf7ddac306ae266ccf90bc11ee46d513b);
    }

    #[test]
    fn bit_cmac_ignores_bits_past_length() {
        let key = Key128::new([7; 16]);
        let a = eia2(&key, 1, 2, Direction::Uplink, &[0xff, 0xf0], 12).unwrap();
        let b = eia2(&key, 1, 2, Direction::Uplink, &[0xff, 0xff], 12).unwrap();
        assert_eq!(a, b);
        let c = eia2(&key, 1, 2, Direction::Uplink, &[0xff, 0xe0], 12).unwrap();
        assert_ne!(a, c);
    }

    #[test]
    fn bit_cmac_agrees_with_crate_on_whole_bytes() {
        // The hand-written CMAC against the `cmac` crate on every whole-byte
        // length from 0 to 40 bytes (complete and partial last blocks).
        let key = Key128::new(*b"0123456789abcdef");
        let header = count_bearer_direction(0x1234_5678, 3, Direction::Downlink).unwrap();
        let msg: Vec<u8> = (0u8..40).map(|i| i.wrapping_mul(37)).collect();
        for len in 0..=msg.len() {
            let m = &msg[..len];
            assert_eq!(
                cmac_bits(&key, &header, m, len * 8),
                cmac_bytes(&key, &header, m),
                "length {len}"
            );
        }
    }
}
