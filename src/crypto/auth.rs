//! EPS AKA: authentication vectors on the HSS side (TS 33.102 6.3.2,
//! TS 33.401 6.1), the AUTN check and AUTS on the USIM side (TS 33.102
//! 6.3.3), and SQN resynchronisation on the HSS side (TS 33.102 6.3.5).

use super::kdf::{SnId, kasme};
use super::milenage::Milenage;
use super::{Amf, Autn, Auts, Ck, Ik, Kasme, Rand, Res, Sqn};

/// A UMTS authentication vector (quintuplet, TS 33.102 6.3.2), as the HSS
/// hands it to the S-CSCF for IMS AKA.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuthVector {
    /// RAND.
    pub rand: Rand,
    /// AUTN = (SQN xor AK) || AMF || MAC-A.
    pub autn: Autn,
    /// XRES = f2(RAND).
    pub xres: Res,
    /// CK = f3(RAND).
    pub ck: Ck,
    /// IK = f4(RAND).
    pub ik: Ik,
}

impl AuthVector {
    /// Computes the vector for RAND, SQN and AMF.
    pub fn generate(mil: &Milenage, rand: Rand, sqn: Sqn, amf: Amf) -> Self {
        let mac_a = mil.f1(&rand, sqn, amf);
        let out = mil.f2345(&rand);
        let autn = Autn::from_parts(out.ak.xor(&sqn.to_bytes()), amf, mac_a);
        Self {
            rand,
            autn,
            xres: out.res,
            ck: out.ck,
            ik: out.ik,
        }
    }
}

/// An E-UTRAN authentication vector (TS 33.401 6.1.1): the quintuplet plus
/// KASME bound to the serving network. The MME gets RAND, AUTN, XRES and KASME.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EutranVector {
    /// RAND.
    pub rand: Rand,
    /// AUTN = (SQN xor AK) || AMF || MAC-A.
    pub autn: Autn,
    /// XRES = f2(RAND).
    pub xres: Res,
    /// CK = f3(RAND).
    pub ck: Ck,
    /// IK = f4(RAND).
    pub ik: Ik,
    /// KASME = KDF(CK || IK, SN id, SQN xor AK) (TS 33.401 A.2).
    pub kasme: Kasme,
}

impl EutranVector {
    /// Computes the vector. For E-UTRAN the AMF separation bit should be 1
    /// (TS 33.401 6.1.1); that is the caller's choice of `amf`.
    pub fn generate(mil: &Milenage, rand: Rand, sqn: Sqn, amf: Amf, sn_id: &SnId) -> Self {
        let v = AuthVector::generate(mil, rand, sqn, amf);
        let kasme = kasme(&v.ck, &v.ik, sn_id, &v.autn.concealed_sqn());
        Self {
            rand: v.rand,
            autn: v.autn,
            xres: v.xres,
            ck: v.ck,
            ik: v.ik,
            kasme,
        }
    }
}

/// Default freshness limit: a SQN more than 2^28 above the highest accepted
/// one is rejected (TS 33.102 C.2.2, the value of delta suggested there).
pub const DEFAULT_SQN_DELTA: u64 = 1 << 28;

/// The USIM's sequence number state: the highest SQN accepted so far
/// (SQN_MS) and the freshness limit delta. A simplified TS 33.102 Annex C
/// scheme without the IND array: SQN is fresh when
/// SQN_MS < SQN <= SQN_MS + delta.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UsimSqn {
    highest: Sqn,
    delta: u64,
}

impl UsimSqn {
    /// State with SQN_MS = `highest` and the default delta.
    pub const fn new(highest: Sqn) -> Self {
        Self {
            highest,
            delta: DEFAULT_SQN_DELTA,
        }
    }

    /// The same state with another freshness limit.
    pub const fn with_delta(self, delta: u64) -> Self {
        Self { delta, ..self }
    }

    /// SQN_MS, the highest SQN accepted so far.
    pub const fn highest(&self) -> Sqn {
        self.highest
    }

    /// Whether `sqn` is acceptable now.
    pub const fn is_fresh(&self, sqn: Sqn) -> bool {
        sqn.value() > self.highest.value() && sqn.value() - self.highest.value() <= self.delta
    }

    /// Checks AUTN for RAND (TS 33.102 6.3.3): reveals SQN with AK, verifies
    /// MAC-A, then SQN freshness. On success SQN_MS becomes SQN; on a MAC
    /// failure or synch failure the state is unchanged.
    ///
    /// The AMF separation bit (TS 33.401 6.1.1) is checked by the ME, not the
    /// USIM: see [`Amf::separation_bit`].
    pub fn check_autn(&mut self, mil: &Milenage, rand: &Rand, autn: &Autn) -> AutnOutcome {
        let out = mil.f2345(rand);
        let sqn = Sqn::from_bytes(out.ak.xor(&autn.concealed_sqn()));
        let xmac = mil.f1(rand, sqn, autn.amf());
        if xmac != autn.mac_a() {
            return AutnOutcome::MacFailure;
        }
        if !self.is_fresh(sqn) {
            return AutnOutcome::SynchFailure {
                auts: generate_auts(mil, rand, self.highest),
            };
        }
        self.highest = sqn;
        AutnOutcome::Ok {
            res: out.res,
            ck: out.ck,
            ik: out.ik,
            sqn,
        }
    }
}

/// Result of the USIM's AUTN check (TS 33.102 6.3.3).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AutnOutcome {
    /// AUTN accepted: the UE answers with RES and keeps CK and IK.
    Ok {
        /// RES = f2(RAND).
        res: Res,
        /// CK = f3(RAND).
        ck: Ck,
        /// IK = f4(RAND).
        ik: Ik,
        /// The SQN recovered from AUTN.
        sqn: Sqn,
    },
    /// MAC-A did not match: the network is not authentic (EMM cause #20).
    MacFailure,
    /// MAC-A matched but SQN is not fresh (EMM cause #21): the UE sends AUTS.
    SynchFailure {
        /// AUTS for the HSS to resynchronise.
        auts: Auts,
    },
}

/// AUTS = (SQN_MS xor AK*) || MAC-S with MAC-S = f1*(SQN_MS, RAND, AMF 0000)
/// and AK* = f5*(RAND) (TS 33.102 6.3.3).
pub fn generate_auts(mil: &Milenage, rand: &Rand, sqn_ms: Sqn) -> Auts {
    let ak_star = mil.f5_star(rand);
    let mac_s = mil.f1_star(rand, sqn_ms, Amf::RESYNC);
    Auts::from_parts(ak_star.xor(&sqn_ms.to_bytes()), mac_s)
}

/// HSS side of resynchronisation (TS 33.102 6.3.5): recovers SQN_MS from
/// AUTS and verifies MAC-S. `None` if MAC-S is wrong. The HSS then sets its
/// SQN_HE to SQN_MS and generates fresh vectors above it.
pub fn recover_sqn_ms(mil: &Milenage, rand: &Rand, auts: &Auts) -> Option<Sqn> {
    let ak_star = mil.f5_star(rand);
    let sqn_ms = Sqn::from_bytes(ak_star.xor(&auts.concealed_sqn_ms()));
    (mil.f1_star(rand, sqn_ms, Amf::RESYNC) == auts.mac_s()).then_some(sqn_ms)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crypto::{K, Opc};

    fn set1() -> (Milenage, Rand, Sqn, Amf) {
        (
            Milenage::new(
                K::from_hex("465b5ce8b199b49faa5f0a2ee238a6bc").unwrap(),
                Opc::from_hex("cd63cb71954a9f4e48a5994e37a02baf").unwrap(),
            ),
            Rand::from_hex("23553cbe9637a89d218ae64dae47bf35").unwrap(),
            Sqn::from_hex("ff9bb4d0b607").unwrap(),
            Amf::new([0xb9, 0xb9]),
        )
    }

    #[test]
    fn usim_sqn_freshness_window() {
        let s = UsimSqn::new(Sqn::new(100).unwrap()).with_delta(10);
        assert!(!s.is_fresh(Sqn::new(100).unwrap()));
        assert!(!s.is_fresh(Sqn::new(99).unwrap()));
        assert!(s.is_fresh(Sqn::new(101).unwrap()));
        assert!(s.is_fresh(Sqn::new(110).unwrap()));
        assert!(!s.is_fresh(Sqn::new(111).unwrap()));
    }

    #[test]
    fn check_autn_rejects_sqn_too_far_ahead() {
        let (mil, rand, sqn, amf) = set1();
        let v = AuthVector::generate(&mil, rand, sqn, amf);
        let mut usim = UsimSqn::new(Sqn::default());
        match usim.check_autn(&mil, &rand, &v.autn) {
            AutnOutcome::SynchFailure { auts } => {
                assert_eq!(recover_sqn_ms(&mil, &rand, &auts), Some(Sqn::default()));
            }
            other => panic!("expected synch failure, got {other:?}"),
        }
        assert_eq!(usim.highest(), Sqn::default());
    }

    #[test]
    fn check_autn_updates_highest_and_rejects_replay() {
        let (mil, rand, sqn, amf) = set1();
        let v = AuthVector::generate(&mil, rand, sqn, amf);
        let mut usim = UsimSqn::new(Sqn::new(sqn.value() - 32).unwrap());
        assert!(matches!(
            usim.check_autn(&mil, &rand, &v.autn),
            AutnOutcome::Ok { .. }
        ));
        assert_eq!(usim.highest(), sqn);
        assert!(matches!(
            usim.check_autn(&mil, &rand, &v.autn),
            AutnOutcome::SynchFailure { .. }
        ));
    }

    #[test]
    fn recover_sqn_ms_rejects_bad_mac_s() {
        let (mil, rand, sqn, _) = set1();
        let auts = generate_auts(&mil, &rand, sqn);
        let mut bytes = *auts.as_bytes();
        bytes[13] ^= 1;
        assert_eq!(recover_sqn_ms(&mil, &rand, &Auts::new(bytes)), None);
    }
}
