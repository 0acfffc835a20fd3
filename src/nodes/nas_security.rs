//! An EPS NAS security context (TS 33.401 7.2.4, TS 24.301 4.4): the keys
//! derived from KASME, the chosen algorithms and the two NAS COUNTs. The UE
//! and the MME both use it, so protection and verification are written once.
//!
//! Sending: the message is ciphered, then the MAC is computed over the
//! sequence number and the (ciphered) message with the current COUNT, which
//! then advances. Receiving: the COUNT is estimated from the 8-bit sequence
//! number (TS 24.301 4.4.3.1), the MAC is checked, a COUNT at or below the
//! last one accepted is refused as a replay (TS 33.401 7.4), and only then is
//! the message deciphered.

use crate::codec::nas::ie::SecurityHeaderType;
use crate::codec::nas::security::SecurityProtected;
use crate::crypto::kdf::{knas_enc, knas_int};
use crate::crypto::nas::{NasCiphering, NasCount, NasIntegrity, nas_cipher, nas_mac};
use crate::crypto::{Direction, Kasme, Key128};
use std::fmt;

/// Why a protected NAS message was not accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NasSecurityError {
    /// The message is not a security-protected NAS message.
    NotProtected,
    /// The MAC does not verify.
    BadMac {
        /// The estimated NAS COUNT used.
        count: u32,
    },
    /// The NAS COUNT was already used (or is older).
    Replay {
        /// The estimated NAS COUNT.
        count: u32,
        /// The highest COUNT accepted before.
        last: u32,
    },
    /// The chosen algorithm is not implemented.
    Unsupported(&'static str),
}

impl fmt::Display for NasSecurityError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotProtected => f.write_str("message is not integrity protected"),
            Self::BadMac { count } => write!(f, "NAS MAC check failed (COUNT {count})"),
            Self::Replay { count, last } => {
                write!(f, "NAS COUNT {count} replayed (last accepted {last})")
            }
            Self::Unsupported(a) => write!(f, "{a} is not implemented"),
        }
    }
}

impl std::error::Error for NasSecurityError {}

/// The security context of one UE, seen from `local` (UE: uplink is what it
/// sends; MME: downlink is what it sends).
#[derive(Clone)]
pub struct NasSecurity {
    /// NAS key set identifier.
    pub ksi: u8,
    /// Integrity algorithm.
    pub integrity: NasIntegrity,
    /// Ciphering algorithm.
    pub ciphering: NasCiphering,
    k_int: Key128,
    k_enc: Key128,
    kasme: Kasme,
    /// COUNT of the next message this side sends.
    tx_count: NasCount,
    /// Highest COUNT accepted from the peer, if any.
    rx_last: Option<NasCount>,
    /// Direction of what this side sends.
    tx_dir: Direction,
}

impl fmt::Debug for NasSecurity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("NasSecurity")
            .field("ksi", &self.ksi)
            .field("integrity", &self.integrity)
            .field("ciphering", &self.ciphering)
            .field("tx_count", &self.tx_count.value())
            .field("rx_last", &self.rx_last.map(NasCount::value))
            .finish_non_exhaustive()
    }
}

impl NasSecurity {
    /// A new context from KASME for the side that sends in `tx_dir`
    /// (uplink for the UE, downlink for the MME). Both COUNTs start at 0.
    pub fn new(
        kasme: Kasme,
        ksi: u8,
        integrity: NasIntegrity,
        ciphering: NasCiphering,
        tx_dir: Direction,
    ) -> Self {
        Self {
            ksi,
            integrity,
            ciphering,
            k_int: knas_int(&kasme, integrity),
            k_enc: knas_enc(&kasme, ciphering),
            kasme,
            tx_count: NasCount::default(),
            rx_last: None,
            tx_dir,
        }
    }

    /// KASME of this context.
    pub fn kasme(&self) -> &Kasme {
        &self.kasme
    }

    /// The COUNT the next sent message will use.
    pub fn tx_count(&self) -> NasCount {
        self.tx_count
    }

    /// The highest COUNT accepted from the peer.
    pub fn rx_count(&self) -> Option<NasCount> {
        self.rx_last
    }

    /// The uplink NAS COUNT for KeNB derivation (TS 33.401 7.2.8.1: the
    /// COUNT of the message that triggered it; here the last uplink COUNT).
    pub fn uplink_count(&self) -> u32 {
        match self.tx_dir {
            Direction::Uplink => self.tx_count.value().saturating_sub(1),
            Direction::Downlink => self.rx_last.map_or(0, NasCount::value),
        }
    }

    fn rx_dir(&self) -> Direction {
        match self.tx_dir {
            Direction::Uplink => Direction::Downlink,
            Direction::Downlink => Direction::Uplink,
        }
    }

    /// Protects `plain` with header type `header` (2 normally; 3 for the
    /// Security Mode Command, 4 for Security Mode Complete, which also only
    /// differ in the header type). Type 3 is not ciphered (TS 24.301 4.4.5).
    pub fn protect(
        &mut self,
        plain: &[u8],
        header: SecurityHeaderType,
    ) -> Result<Vec<u8>, NasSecurityError> {
        let count = self.tx_count;
        let mut inner = plain.to_vec();
        let cipher = !matches!(
            header,
            SecurityHeaderType::IntegrityProtected
                | SecurityHeaderType::IntegrityProtectedNewContext
        );
        if cipher {
            nas_cipher(
                self.ciphering,
                &self.k_enc,
                count.value(),
                self.tx_dir,
                &mut inner,
            )
            .map_err(|_| NasSecurityError::Unsupported(self.ciphering.name()))?;
        }
        let mut msg = SecurityProtected::new(header, [0; 4], count.sequence, inner);
        let mac = nas_mac(
            self.integrity,
            &self.k_int,
            count.value(),
            self.tx_dir,
            &msg.mac_input(),
        )
        .map_err(|_| NasSecurityError::Unsupported(self.integrity.name()))?;
        msg.set_mac(mac);
        self.tx_count = count.next();
        let mut out = Vec::with_capacity(plain.len() + 6);
        msg.encode_into(&mut out);
        Ok(out)
    }

    /// The COUNT a received sequence number most likely belongs to.
    fn estimate(&self, seq: u8) -> NasCount {
        match self.rx_last {
            None => NasCount::new(0, seq),
            Some(last) if seq > last.sequence => NasCount::new(last.overflow, seq),
            // Equal or smaller: either a replay or a wrap; treat as the same
            // overflow so that a replay is caught below, unless it wrapped.
            Some(last) if seq == last.sequence => NasCount::new(last.overflow, seq),
            Some(last) => NasCount::new(last.overflow.wrapping_add(1), seq),
        }
    }

    /// Verifies a received protected message and returns the plain inner
    /// message. The context only changes when the message is accepted.
    pub fn unprotect(&mut self, msg: &SecurityProtected) -> Result<Vec<u8>, NasSecurityError> {
        let count = self.estimate(msg.seq);
        let mac = nas_mac(
            self.integrity,
            &self.k_int,
            count.value(),
            self.rx_dir(),
            &msg.mac_input(),
        )
        .map_err(|_| NasSecurityError::Unsupported(self.integrity.name()))?;
        if self.integrity != NasIntegrity::Eia0 && mac != msg.mac {
            return Err(NasSecurityError::BadMac {
                count: count.value(),
            });
        }
        if let Some(last) = self.rx_last
            && count <= last
        {
            return Err(NasSecurityError::Replay {
                count: count.value(),
                last: last.value(),
            });
        }
        let mut inner = msg.inner.clone();
        if msg.is_ciphered() {
            nas_cipher(
                self.ciphering,
                &self.k_enc,
                count.value(),
                self.rx_dir(),
                &mut inner,
            )
            .map_err(|_| NasSecurityError::Unsupported(self.ciphering.name()))?;
        }
        self.rx_last = Some(count);
        Ok(inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pair(int: NasIntegrity, enc: NasCiphering) -> (NasSecurity, NasSecurity) {
        let kasme = Kasme::from([7u8; 32]);
        (
            NasSecurity::new(kasme.clone(), 1, int, enc, Direction::Uplink),
            NasSecurity::new(kasme, 1, int, enc, Direction::Downlink),
        )
    }

    fn protected(bytes: &[u8]) -> SecurityProtected {
        match crate::codec::nas::decode(bytes).unwrap() {
            crate::codec::nas::NasMessage::Protected(p) => p,
            other => panic!("not protected: {other:?}"),
        }
    }

    #[test]
    fn nas_security_protects_and_verifies_both_ways_with_eia2_eea2() {
        let (mut ue, mut mme) = pair(NasIntegrity::Eia2, NasCiphering::Eea2);
        let plain = [0x07, 0x43, 0x00, 0x03, 0x52, 0x00, 0xc2];
        for i in 0..3u8 {
            let wire = ue
                .protect(&plain, SecurityHeaderType::IntegrityProtectedCiphered)
                .unwrap();
            assert_eq!(wire[5], i, "sequence number");
            assert_ne!(&wire[6..], &plain, "ciphered");
            assert_eq!(mme.unprotect(&protected(&wire)).unwrap(), plain);
        }
        let down = mme
            .protect(
                &[0x07, 0x42],
                SecurityHeaderType::IntegrityProtectedCiphered,
            )
            .unwrap();
        assert_eq!(ue.unprotect(&protected(&down)).unwrap(), [0x07, 0x42]);
        assert_eq!(mme.uplink_count(), 2);
        assert_eq!(ue.uplink_count(), 2);
    }

    #[test]
    fn nas_security_rejects_wrong_mac_and_replay() {
        let (mut ue, mut mme) = pair(NasIntegrity::Eia2, NasCiphering::Eea0);
        let wire = ue
            .protect(
                &[0x07, 0x45],
                SecurityHeaderType::IntegrityProtectedCiphered,
            )
            .unwrap();
        let mut bad = protected(&wire);
        bad.mac[0] ^= 1;
        assert_eq!(
            mme.unprotect(&bad),
            Err(NasSecurityError::BadMac { count: 0 })
        );
        assert!(mme.unprotect(&protected(&wire)).is_ok());
        assert_eq!(
            mme.unprotect(&protected(&wire)),
            Err(NasSecurityError::Replay { count: 0, last: 0 })
        );
    }

    #[test]
    fn nas_security_type_3_is_not_ciphered_and_estimates_wrapped_counts() {
        let (mut ue, mut mme) = pair(NasIntegrity::Eia2, NasCiphering::Eea2);
        let smc = mme
            .protect(
                &[0x07, 0x5d, 0x02],
                SecurityHeaderType::IntegrityProtectedNewContext,
            )
            .unwrap();
        assert_eq!(&smc[6..], &[0x07, 0x5d, 0x02], "type 3 is sent in clear");
        assert_eq!(ue.unprotect(&protected(&smc)).unwrap(), [0x07, 0x5d, 0x02]);
        // 300 uplink messages: the 8-bit sequence number wraps once.
        for _ in 0..300 {
            let w = ue
                .protect(
                    &[0x07, 0x4e],
                    SecurityHeaderType::IntegrityProtectedCiphered,
                )
                .unwrap();
            mme.unprotect(&protected(&w)).unwrap();
        }
        assert_eq!(mme.rx_count(), Some(NasCount::new(1, 43)));
    }
}
