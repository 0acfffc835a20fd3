//! Milenage (TS 35.206): f1, f1*, f2, f3, f4, f5, f5* and OP -> OPc, on the
//! `milenage` crate.

use std::fmt;

use super::{Ak, Amf, Ck, Ik, K, Op, Opc, Rand, Res, Sqn};

/// The Milenage functions for one subscriber (K and OPc).
#[derive(Clone)]
pub struct Milenage {
    k: K,
    opc: Opc,
}

/// Outputs of f2, f3, f4 and f5 for one RAND (TS 35.206 4.1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct F2345 {
    /// f2: RES / XRES.
    pub res: Res,
    /// f3: CK.
    pub ck: Ck,
    /// f4: IK.
    pub ik: Ik,
    /// f5: AK.
    pub ak: Ak,
}

impl fmt::Debug for Milenage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Milenage(<redacted>)")
    }
}

/// OPc = OP xor E[OP]K (TS 35.206 4.1).
pub fn opc_from_op(k: &K, op: &Op) -> Opc {
    let m = milenage::Milenage::new_with_op(*k.as_bytes(), *op.as_bytes());
    Opc::new(*m.opc())
}

impl Milenage {
    /// Milenage for K and OPc.
    pub fn new(k: K, opc: Opc) -> Self {
        Self { k, opc }
    }

    /// Milenage for K and OP (OPc is computed once here).
    pub fn with_op(k: K, op: &Op) -> Self {
        let opc = opc_from_op(&k, op);
        Self { k, opc }
    }

    /// The OPc in use.
    pub fn opc(&self) -> &Opc {
        &self.opc
    }

    fn inner(&self) -> milenage::Milenage {
        milenage::Milenage::new_with_opc(*self.k.as_bytes(), *self.opc.as_bytes())
    }

    /// f1: network authentication code MAC-A.
    pub fn f1(&self, rand: &Rand, sqn: Sqn, amf: Amf) -> [u8; 8] {
        self.inner()
            .f1(rand.as_bytes(), &sqn.to_bytes(), amf.as_bytes())
    }

    /// f1*: resynchronisation authentication code MAC-S.
    pub fn f1_star(&self, rand: &Rand, sqn: Sqn, amf: Amf) -> [u8; 8] {
        self.inner()
            .f1star(rand.as_bytes(), &sqn.to_bytes(), amf.as_bytes())
    }

    /// f2, f3, f4 and f5 in one pass: RES, CK, IK and AK.
    pub fn f2345(&self, rand: &Rand) -> F2345 {
        let (res, ck, ik, ak) = self.inner().f2345(rand.as_bytes());
        F2345 {
            res: Res::new(res),
            ck: Ck::new(ck),
            ik: Ik::new(ik),
            ak: Ak::new(ak),
        }
    }

    /// f5: anonymity key AK alone.
    pub fn f5(&self, rand: &Rand) -> Ak {
        self.f2345(rand).ak
    }

    /// f5*: anonymity key AK* for resynchronisation.
    pub fn f5_star(&self, rand: &Rand) -> Ak {
        Ak::new(self.inner().f5star(rand.as_bytes()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set1() -> Milenage {
        Milenage::with_op(
            K::from_hex("465b5ce8b199b49faa5f0a2ee238a6bc").unwrap(),
            &Op::from_hex("cdc202d5123e20f62b6d676ac72cb318").unwrap(),
        )
    }

    #[test]
    fn opc_matches_test_set_1() {
        assert_eq!(
            set1().opc(),
            &Opc::from_hex("cd63cb71954a9f4e48a5994e37a02baf").unwrap()
        );
    }

    #[test]
    fn f5_matches_test_set_1() {
        let rand = Rand::from_hex("23553cbe9637a89d218ae64dae47bf35").unwrap();
        assert_eq!(set1().f5(&rand), Ak::from_hex("aa689c648370").unwrap());
    }

    #[test]
    fn milenage_debug_hides_keys() {
        assert_eq!(format!("{:?}", set1()), "Milenage(<redacted>)");
    }
}
