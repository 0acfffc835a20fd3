//! Security agreement, UE side (RFC 3329, TS 33.203 7.2, TS 24.229
//! 5.1.1.2.2 and 5.1.1.5.1): the Security-Client offer, the check of the
//! P-CSCF's Security-Server against it. The ESP keys come from IK and CK
//! with `crypto::ipsec::EspKeys::derive` (TS 33.203 Annex I), the one
//! derivation the P-CSCF side uses too.

use super::transport::{EncryptionAlg, IntegrityAlg, ProtectedPorts};
use crate::codec::sip::{Ipsec3gpp, SecurityMechanism, uri::Params};

/// The algorithm pairs the UE offers, in its order of preference:
/// HMAC-SHA-1-96 before HMAC-MD5-96, NULL before AES-CBC encryption.
pub const OFFERED: [(IntegrityAlg, EncryptionAlg); 4] = [
    (IntegrityAlg::HmacSha1_96, EncryptionAlg::Null),
    (IntegrityAlg::HmacSha1_96, EncryptionAlg::AesCbc128),
    (IntegrityAlg::HmacMd5_96, EncryptionAlg::Null),
    (IntegrityAlg::HmacMd5_96, EncryptionAlg::AesCbc128),
];

/// The Security-Client mechanisms for the UE's SPIs and ports: one
/// `ipsec-3gpp` entry per offered algorithm pair, ESP in transport mode.
pub fn security_client(ue: &ProtectedPorts) -> Vec<SecurityMechanism> {
    OFFERED
        .iter()
        .map(|(alg, ealg)| {
            SecurityMechanism::Ipsec3gpp(Ipsec3gpp {
                q: None,
                alg: alg.sip_name().into(),
                ealg: Some(ealg.sip_name().into()),
                prot: Some("esp".into()),
                mode: Some("trans".into()),
                spi_c: ue.spi_c,
                spi_s: ue.spi_s,
                port_c: ue.port_c,
                port_s: ue.port_s,
                other: Params::new(),
            })
        })
        .collect()
}

/// What the UE takes from the Security-Server of a 401.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Agreed {
    /// Integrity algorithm.
    pub alg: IntegrityAlg,
    /// Encryption algorithm.
    pub ealg: EncryptionAlg,
    /// The P-CSCF's SPIs and ports.
    pub pcscf: ProtectedPorts,
}

/// Picks the mechanism of the Security-Server to use (RFC 3329 2.3.1,
/// TS 33.203 7.2): the `ipsec-3gpp` entry with the highest `q` (the first
/// among equals) whose algorithms the UE offered, with ESP (`prot`) in
/// transport mode (`mod`); an absent `ealg` means NULL (TS 33.203 H.2).
/// The error says in words why nothing fits.
pub fn choose(server: &[SecurityMechanism]) -> Result<Agreed, String> {
    let mut best: Option<(f32, Agreed)> = None;
    let mut refused = Vec::new();
    for m in server {
        let Some(i) = m.ipsec() else {
            refused.push(format!("{} (not ipsec-3gpp)", m.name()));
            continue;
        };
        match accept(i) {
            Ok(a) => {
                let q = m.q().unwrap_or(1.0);
                if best.as_ref().is_none_or(|(bq, _)| q > *bq) {
                    best = Some((q, a));
                }
            }
            Err(why) => refused.push(why),
        }
    }
    match best {
        Some((_, a)) => Ok(a),
        None if refused.is_empty() => Err("it lists no mechanism".into()),
        None => Err(refused.join("; ")),
    }
}

fn accept(i: &Ipsec3gpp) -> Result<Agreed, String> {
    let ealg_text = i.ealg.as_deref().unwrap_or("null");
    let (Some(alg), Some(ealg)) = (
        IntegrityAlg::from_sip_name(&i.alg),
        EncryptionAlg::from_sip_name(ealg_text),
    ) else {
        return Err(format!(
            "alg={} ealg={ealg_text}, which the UE did not offer",
            i.alg
        ));
    };
    if !OFFERED.contains(&(alg, ealg)) {
        return Err(format!(
            "alg={} ealg={ealg_text}, which the UE did not offer",
            i.alg
        ));
    }
    if let Some(p) = i.prot.as_deref().filter(|p| !p.eq_ignore_ascii_case("esp")) {
        return Err(format!("prot={p}, but the UE offered esp"));
    }
    if let Some(m) = i
        .mode
        .as_deref()
        .filter(|m| !m.eq_ignore_ascii_case("trans"))
    {
        return Err(format!("mod={m}, but the UE offered trans"));
    }
    Ok(Agreed {
        alg,
        ealg,
        pcscf: ProtectedPorts {
            spi_c: i.spi_c,
            spi_s: i.spi_s,
            port_c: i.port_c,
            port_s: i.port_s,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::sip::SipMessage;

    fn ports() -> ProtectedPorts {
        ProtectedPorts {
            spi_c: 11,
            spi_s: 12,
            port_c: 5100,
            port_s: 5101,
        }
    }

    #[test]
    fn security_client_offers_four_pairs_that_parse_back() {
        let list = security_client(&ports());
        let text = list
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", ");
        assert_eq!(
            list[0].to_string(),
            "ipsec-3gpp;alg=hmac-sha-1-96;ealg=null;prot=esp;mod=trans;spi-c=11;spi-s=12;port-c=5100;port-s=5101"
        );
        let m = SipMessage::request(
            crate::codec::sip::Method::Register,
            "sip:ims".parse().unwrap(),
        )
        .with_header("Security-Client", text);
        let back = m.security_client().unwrap();
        assert_eq!(back, list);
        let pairs: Vec<(String, Option<String>)> = back
            .iter()
            .map(|m| {
                let i = m.ipsec().unwrap();
                (i.alg.clone(), i.ealg.clone())
            })
            .collect();
        assert_eq!(
            pairs,
            vec![
                ("hmac-sha-1-96".into(), Some("null".into())),
                ("hmac-sha-1-96".into(), Some("aes-cbc".into())),
                ("hmac-md5-96".into(), Some("null".into())),
                ("hmac-md5-96".into(), Some("aes-cbc".into())),
            ]
        );
    }

    fn server(text: &str) -> Vec<SecurityMechanism> {
        text.split(", ")
            .map(|s| SecurityMechanism::parse(s).unwrap())
            .collect()
    }

    #[test]
    fn choose_takes_the_highest_q_the_ue_offered() {
        let a = choose(&server(
            "ipsec-3gpp;q=0.1;alg=hmac-md5-96;ealg=null;spi-c=1;spi-s=2;port-c=3;port-s=4, ipsec-3gpp;q=0.5;alg=hmac-sha-1-96;spi-c=5;spi-s=6;port-c=7;port-s=8",
        ))
        .unwrap();
        assert_eq!(
            (a.alg, a.ealg, a.pcscf.spi_c, a.pcscf.port_s),
            (IntegrityAlg::HmacSha1_96, EncryptionAlg::Null, 5, 8),
            "absent ealg means null"
        );
    }

    #[test]
    fn choose_refuses_what_the_ue_did_not_offer() {
        let e = choose(&server(
            "ipsec-3gpp;alg=hmac-sha-1-96;ealg=des-ede3-cbc;spi-c=1;spi-s=2;port-c=3;port-s=4",
        ))
        .unwrap_err();
        assert_eq!(
            e,
            "alg=hmac-sha-1-96 ealg=des-ede3-cbc, which the UE did not offer"
        );
        let e = choose(&server(
            "ipsec-3gpp;alg=hmac-sha-1-96;ealg=null;mod=tun;spi-c=1;spi-s=2;port-c=3;port-s=4, tls;q=0.2",
        ))
        .unwrap_err();
        assert_eq!(e, "mod=tun, but the UE offered trans; tls (not ipsec-3gpp)");
        assert_eq!(choose(&[]).unwrap_err(), "it lists no mechanism");
    }
}
