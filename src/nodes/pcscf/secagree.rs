//! Security agreement at the P-CSCF (RFC 3329, TS 33.203 7.2 and Annex H):
//! choosing one of the UE's ipsec-3gpp offers, announcing the P-CSCF's
//! side in Security-Server, and checking that Security-Verify echoes it.

use crate::codec::sip::uri::Params;
use crate::codec::sip::{Ipsec3gpp, SecurityMechanism};
use crate::topology::{IpsecEncryption, IpsecIntegrity};

/// The ESP algorithms of an offer: `alg`, and `ealg` (absent meaning
/// `null`, as before TS 33.203 Rel-7).
fn algorithms(o: &Ipsec3gpp) -> Option<(IpsecIntegrity, IpsecEncryption)> {
    let i = IpsecIntegrity::from_name(&o.alg)?;
    let e = match o.ealg.as_deref() {
        None => IpsecEncryption::Null,
        Some(e) => IpsecEncryption::from_name(e)?,
    };
    Some((i, e))
}

/// True when the mechanism uses ESP in transport mode (the defaults).
fn esp_transport(o: &Ipsec3gpp) -> bool {
    o.prot
        .as_deref()
        .is_none_or(|p| p.eq_ignore_ascii_case("esp"))
        && o.mode
            .as_deref()
            .is_none_or(|m| m.eq_ignore_ascii_case("trans"))
}

/// Picks the UE's offer (TS 33.203 7.2): the preferred integrity algorithm
/// first, then the others; for each, the preferred encryption if offered,
/// else `null`, else any other we can run.
pub fn choose(
    offers: &[SecurityMechanism],
    integrity: IpsecIntegrity,
    encryption: IpsecEncryption,
) -> Option<(Ipsec3gpp, IpsecIntegrity, IpsecEncryption)> {
    let usable: Vec<(&Ipsec3gpp, IpsecIntegrity, IpsecEncryption)> = offers
        .iter()
        .filter_map(SecurityMechanism::ipsec)
        .filter(|o| esp_transport(o))
        .filter_map(|o| algorithms(o).map(|(i, e)| (o, i, e)))
        .collect();
    let mut order = vec![integrity];
    order.extend(IpsecIntegrity::ALL.into_iter().filter(|i| *i != integrity));
    for i in order {
        let with = |e: IpsecEncryption| usable.iter().find(|(_, oi, oe)| *oi == i && *oe == e);
        let pick = with(encryption)
            .or_else(|| with(IpsecEncryption::Null))
            .or_else(|| usable.iter().find(|(_, oi, _)| *oi == i));
        if let Some((o, i, e)) = pick {
            return Some(((*o).clone(), *i, *e));
        }
    }
    None
}

/// The P-CSCF's Security-Server (TS 33.203 7.2): the chosen algorithms,
/// its SPIs and protected ports.
pub fn security_server(
    integrity: IpsecIntegrity,
    encryption: IpsecEncryption,
    spi_c: u32,
    spi_s: u32,
    port_c: u16,
    port_s: u16,
) -> SecurityMechanism {
    SecurityMechanism::Ipsec3gpp(Ipsec3gpp {
        q: Some("0.1".into()),
        alg: integrity.name().into(),
        ealg: Some(encryption.name().into()),
        prot: Some("esp".into()),
        mode: Some("trans".into()),
        spi_c,
        spi_s,
        port_c,
        port_s,
        other: Params::new(),
    })
}

/// What identifies a mechanism, whatever the order and case of its
/// parameters; with `endpoints`, its SPIs and ports too.
fn essence(m: &SecurityMechanism, endpoints: bool) -> String {
    match m.ipsec() {
        Some(o) => {
            let mut e = format!(
                "ipsec-3gpp;{};{};{};{}",
                o.alg.to_ascii_lowercase(),
                o.ealg.as_deref().unwrap_or("null").to_ascii_lowercase(),
                o.prot.as_deref().unwrap_or("esp").to_ascii_lowercase(),
                o.mode.as_deref().unwrap_or("trans").to_ascii_lowercase(),
            );
            if endpoints {
                e.push_str(&format!(
                    ";{};{};{};{}",
                    o.spi_c, o.spi_s, o.port_c, o.port_s
                ));
            }
            e
        }
        None => m.to_string().to_ascii_lowercase(),
    }
}

/// True when `got` offers the same mechanisms and algorithms as `sent`,
/// whatever their SPIs and ports: a refreshing REGISTER announces new SPIs
/// and ports for the next SAs (TS 24.229 5.1.1.4.1), but a change of
/// algorithms would be a bidding-down attempt (TS 33.203 7.2).
pub fn same_algorithms(sent: &[SecurityMechanism], got: &[SecurityMechanism]) -> bool {
    sent.len() == got.len()
        && sent
            .iter()
            .zip(got)
            .all(|(a, b)| essence(a, false) == essence(b, false))
}

/// True when `got` lists the same mechanisms as `sent` (RFC 3329 2.3.1
/// step 6: Security-Verify must equal the Security-Server received).
pub fn same_mechanisms(sent: &[SecurityMechanism], got: &[SecurityMechanism]) -> bool {
    sent.len() == got.len()
        && sent
            .iter()
            .zip(got)
            .all(|(a, b)| essence(a, true) == essence(b, true))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn offer(s: &str) -> Vec<SecurityMechanism> {
        s.split(", ")
            .map(|m| SecurityMechanism::parse(m).unwrap())
            .collect()
    }

    #[test]
    fn choose_prefers_sha1_and_null_unless_told_otherwise() {
        let o = offer(
            "ipsec-3gpp;alg=hmac-md5-96;ealg=null;spi-c=1;spi-s=2;port-c=3;port-s=4, \
             ipsec-3gpp;alg=hmac-sha-1-96;ealg=aes-cbc;spi-c=5;spi-s=6;port-c=7;port-s=8, \
             ipsec-3gpp;alg=hmac-sha-1-96;ealg=null;spi-c=9;spi-s=10;port-c=11;port-s=12",
        );
        let (c, i, e) = choose(&o, IpsecIntegrity::HmacSha196, IpsecEncryption::Null).unwrap();
        assert_eq!(
            (c.spi_c, i, e),
            (9, IpsecIntegrity::HmacSha196, IpsecEncryption::Null)
        );
        let (c, _, e) = choose(&o, IpsecIntegrity::HmacSha196, IpsecEncryption::AesCbc).unwrap();
        assert_eq!((c.spi_c, e), (5, IpsecEncryption::AesCbc));
        let (c, i, _) = choose(&o, IpsecIntegrity::HmacMd596, IpsecEncryption::Null).unwrap();
        assert_eq!((c.spi_c, i), (1, IpsecIntegrity::HmacMd596));
        // Only offers we cannot run: none.
        let o = offer(
            "ipsec-3gpp;alg=hmac-sha-1-96;ealg=des-ede3-cbc;spi-c=1;spi-s=2;port-c=3;port-s=4, digest",
        );
        assert!(choose(&o, IpsecIntegrity::HmacSha196, IpsecEncryption::Null).is_none());
        // No ealg means null.
        let o = offer("ipsec-3gpp;alg=hmac-md5-96;spi-c=1;spi-s=2;port-c=3;port-s=4");
        assert_eq!(
            choose(&o, IpsecIntegrity::HmacSha196, IpsecEncryption::Null)
                .unwrap()
                .2,
            IpsecEncryption::Null
        );
    }

    #[test]
    fn security_verify_must_echo_security_server() {
        let s = security_server(
            IpsecIntegrity::HmacSha196,
            IpsecEncryption::Null,
            8000,
            8001,
            5100,
            6100,
        );
        assert_eq!(
            s.to_string(),
            "ipsec-3gpp;q=0.1;alg=hmac-sha-1-96;ealg=null;prot=esp;mod=trans;spi-c=8000;spi-s=8001;port-c=5100;port-s=6100"
        );
        let echoed = offer(
            "ipsec-3gpp;q=0.1;alg=HMAC-SHA-1-96;ealg=null;spi-c=8000;spi-s=8001;port-c=5100;port-s=6100;prot=esp;mod=trans",
        );
        assert!(same_mechanisms(std::slice::from_ref(&s), &echoed));
        let wrong = offer(
            "ipsec-3gpp;q=0.1;alg=hmac-sha-1-96;ealg=null;spi-c=8000;spi-s=9999;port-c=5100;port-s=6100",
        );
        assert!(!same_mechanisms(std::slice::from_ref(&s), &wrong));
        assert!(!same_mechanisms(&[s], &[]));
    }
}
