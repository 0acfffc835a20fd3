//! The USIM (TS 33.102 6.3.3) and the ME's part of EPS AKA (TS 33.401
//! 6.1.1): the AUTN check, RES/CK/IK or AUTS, the AMF separation bit and
//! KASME bound to the serving network.

use crate::crypto::auth::{AutnOutcome, UsimSqn};
use crate::crypto::kdf::{SnId, kasme};
use crate::crypto::milenage::Milenage;
use crate::crypto::{Autn, Auts, K, Kasme, Opc, Rand, Res, Sqn};
use crate::topology::Usim as UsimSpec;

/// What the UE answers to an Authentication Request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AuthAnswer {
    /// The network is authentic: answer RES and keep KASME.
    Accepted {
        /// RES = f2(RAND).
        res: Res,
        /// KASME = KDF(CK || IK, SN id, SQN xor AK) (TS 33.401 A.2).
        kasme: Kasme,
    },
    /// MAC-A does not verify: EMM cause #20.
    MacFailure,
    /// SQN is not fresh: EMM cause #21 with AUTS.
    SynchFailure {
        /// AUTS for the HSS to resynchronise.
        auts: Auts,
    },
    /// The AMF separation bit is 0: the vector was not made for E-UTRAN
    /// (TS 33.401 6.1.1): EMM cause #26.
    NotEutran,
}

/// A USIM: Milenage with K/OPc and the sequence number state.
pub struct Usim {
    mil: Milenage,
    sqn: UsimSqn,
}

impl Usim {
    /// The USIM of a topology UE.
    pub fn new(spec: &UsimSpec) -> Self {
        Self {
            mil: Milenage::new(K::new(spec.k), Opc::new(spec.opc)),
            sqn: UsimSqn::new(Sqn::new(spec.sqn).unwrap_or(Sqn::MAX)),
        }
    }

    /// SQN_MS, the highest SQN accepted so far.
    pub fn sqn_ms(&self) -> u64 {
        self.sqn.highest().value()
    }

    /// Runs AKA for an IMS challenge (TS 33.203 6.1): the same MAC-A and
    /// SQN checks on the same SQN sequence as EPS AKA, giving RES, CK and IK
    /// (no AMF separation bit, no KASME: IMS AKA is not bound to E-UTRAN).
    pub fn authenticate_ims(&mut self, rand: &Rand, autn: &Autn) -> AutnOutcome {
        self.sqn.check_autn(&self.mil, rand, autn)
    }

    /// Runs AKA for RAND/AUTN: the USIM checks MAC-A and SQN (TS 33.102
    /// 6.3.3), then the ME checks the AMF separation bit and derives KASME
    /// for serving network `sn` (TS 33.401 6.1.1, A.2).
    pub fn authenticate(&mut self, rand: &Rand, autn: &Autn, sn: &SnId) -> AuthAnswer {
        match self.sqn.check_autn(&self.mil, rand, autn) {
            AutnOutcome::MacFailure => AuthAnswer::MacFailure,
            AutnOutcome::SynchFailure { auts } => AuthAnswer::SynchFailure { auts },
            AutnOutcome::Ok { res, ck, ik, .. } => {
                if !autn.amf().separation_bit() {
                    return AuthAnswer::NotEutran;
                }
                AuthAnswer::Accepted {
                    res,
                    kasme: kasme(&ck, &ik, sn, &autn.concealed_sqn()),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crypto::Amf;
    use crate::crypto::auth::{EutranVector, recover_sqn_ms};

    const K_HEX: [u8; 16] = [
        0x46, 0x5b, 0x5c, 0xe8, 0xb1, 0x99, 0xb4, 0x9f, 0xaa, 0x5f, 0x0a, 0x2e, 0xe2, 0x38, 0xa6,
        0xbc,
    ];
    const OPC_HEX: [u8; 16] = [
        0xcd, 0x63, 0xcb, 0x71, 0x95, 0x4a, 0x9f, 0x4e, 0x48, 0xa5, 0x99, 0x4e, 0x37, 0xa0, 0x2b,
        0xaf,
    ];

    fn spec(sqn: u64) -> UsimSpec {
        UsimSpec {
            k: K_HEX,
            opc: OPC_HEX,
            sqn,
        }
    }

    fn vector(sqn: u64, amf: [u8; 2]) -> (Milenage, EutranVector, SnId) {
        let mil = Milenage::new(K::new(K_HEX), Opc::new(OPC_HEX));
        let sn = SnId::from_plmn("001", "01").unwrap();
        let v = EutranVector::generate(
            &mil,
            Rand::new([0x23; 16]),
            Sqn::new(sqn).unwrap(),
            Amf::new(amf),
            &sn,
        );
        (mil, v, sn)
    }

    #[test]
    fn usim_accepts_fresh_vector_and_derives_the_hss_kasme() {
        let (_, v, sn) = vector(33, [0x80, 0x00]);
        let mut usim = Usim::new(&spec(32));
        let answer = usim.authenticate(&v.rand, &v.autn, &sn);
        assert_eq!(
            answer,
            AuthAnswer::Accepted {
                res: v.xres,
                kasme: v.kasme
            }
        );
        assert_eq!(usim.sqn_ms(), 33);
    }

    #[test]
    fn usim_rejects_stale_sqn_with_auts_the_hss_can_read() {
        let (mil, v, sn) = vector(10, [0x80, 0x00]);
        let mut usim = Usim::new(&spec(32));
        let AuthAnswer::SynchFailure { auts } = usim.authenticate(&v.rand, &v.autn, &sn) else {
            panic!("expected synch failure");
        };
        assert_eq!(recover_sqn_ms(&mil, &v.rand, &auts), Sqn::new(32));
    }

    #[test]
    fn usim_refuses_a_vector_without_the_separation_bit() {
        let (_, v, sn) = vector(33, [0x00, 0x00]);
        let mut usim = Usim::new(&spec(32));
        assert_eq!(
            usim.authenticate(&v.rand, &v.autn, &sn),
            AuthAnswer::NotEutran
        );
    }

    #[test]
    fn usim_reports_mac_failure_for_another_k() {
        let (_, v, sn) = vector(33, [0x80, 0x00]);
        let mut other = spec(32);
        other.k[0] ^= 0xff;
        let mut usim = Usim::new(&other);
        assert_eq!(
            usim.authenticate(&v.rand, &v.autn, &sn),
            AuthAnswer::MacFailure
        );
        assert_eq!(usim.sqn_ms(), 32, "state unchanged");
    }
}
