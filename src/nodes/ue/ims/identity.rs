//! Who the UE is to IMS: its private and public identities and home domain
//! from the ISIM, or derived from the IMSI when it has none (TS 23.003
//! 13.2, 13.3, 13.4B); its instance id (RFC 7254 from the IMEI); and the
//! access network it reports in P-Access-Network-Info (TS 24.229 7.2A.4).

use crate::codec::plmn::Plmn;
use crate::topology::Isim;

/// The identities the UE registers with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImsIdentity {
    /// Private user identity (IMPI), the Digest username.
    pub impi: String,
    /// Public user identity (IMPU) registered, a SIP URI.
    pub impu: String,
    /// Home network domain: the REGISTER Request-URI and the realm.
    pub domain: String,
    /// True when derived from the IMSI (no ISIM).
    pub derived: bool,
}

/// The home network domain of a PLMN (TS 23.003 13.2):
/// `ims.mnc<MNC>.mcc<MCC>.3gppnetwork.org`, a 2-digit MNC padded to 3.
pub fn home_domain(plmn: &Plmn) -> String {
    format!(
        "ims.mnc{:0>3}.mcc{}.3gppnetwork.org",
        plmn.mnc(),
        plmn.mcc()
    )
}

impl ImsIdentity {
    /// The identities of an ISIM; its first IMPU is the one registered (a
    /// bare one gets `sip:`). An ISIM without IMPU registers the IMPI as a
    /// SIP URI.
    pub fn from_isim(isim: &Isim) -> Self {
        let impu = isim
            .impus
            .first()
            .map_or_else(|| format!("sip:{}", isim.impi), |u| with_scheme(u));
        Self {
            impi: isim.impi.clone(),
            impu,
            domain: isim.domain.clone(),
            derived: false,
        }
    }

    /// The identities derived from the IMSI (TS 23.003 13.3: IMPI
    /// `<IMSI>@<home domain>`; 13.4B: the temporary IMPU `sip:<IMPI>`).
    pub fn derive(imsi: &str, plmn: &Plmn) -> Self {
        let domain = home_domain(plmn);
        let impi = format!("{imsi}@{domain}");
        Self {
            impu: format!("sip:{impi}"),
            impi,
            domain,
            derived: true,
        }
    }

    /// From the ISIM if there is one, else derived.
    pub fn new(isim: Option<&Isim>, imsi: &str, plmn: &Plmn) -> Self {
        isim.map_or_else(|| Self::derive(imsi, plmn), Self::from_isim)
    }

    /// The Request-URI of REGISTER and the Digest `uri`: `sip:<domain>`.
    pub fn registrar(&self) -> String {
        format!("sip:{}", self.domain)
    }
}

fn with_scheme(u: &str) -> String {
    if u.contains(':') {
        u.to_string()
    } else {
        format!("sip:{u}")
    }
}

/// The `+sip.instance` value of a UE with this IMEISV (RFC 7254, GSMA
/// PRD NG.114): `<urn:gsma:imei:TTTTTTTT-SSSSSS-0>`: TAC, serial number and
/// the spare digit, which the UE sends as 0 (TS 23.003 6.2.1). `None` when
/// the IMEISV is not 14 to 16 digits.
pub fn instance_id(imeisv: &str) -> Option<String> {
    let ok = (14..=16).contains(&imeisv.len()) && imeisv.bytes().all(|b| b.is_ascii_digit());
    ok.then(|| {
        format!(
            "<urn:gsma:imei:{}-{}-0>",
            imeisv.get(..8).unwrap_or_default(),
            imeisv.get(8..14).unwrap_or_default()
        )
    })
}

/// P-Access-Network-Info for an E-UTRAN FDD cell (TS 24.229 7.2A.4):
/// `utran-cell-id-3gpp` is MCC, MNC, the TAC in 4 hex digits and the
/// 28-bit E-UTRAN cell identity in 7 hex digits.
pub fn access_network_info(plmn: &Plmn, tac: u16, eci: u32) -> String {
    format!(
        "3GPP-E-UTRAN-FDD; utran-cell-id-3gpp={}{}{tac:04X}{:07X}",
        plmn.mcc(),
        plmn.mnc(),
        eci & 0x0fff_ffff
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identity_derives_impi_impu_and_domain_from_the_imsi() {
        let plmn = Plmn::new("001", "01").unwrap();
        let id = ImsIdentity::new(None, "001010000000001", &plmn);
        assert_eq!(id.domain, "ims.mnc001.mcc001.3gppnetwork.org");
        assert_eq!(id.impi, "001010000000001@ims.mnc001.mcc001.3gppnetwork.org");
        assert_eq!(
            id.impu,
            "sip:001010000000001@ims.mnc001.mcc001.3gppnetwork.org"
        );
        assert_eq!(id.registrar(), "sip:ims.mnc001.mcc001.3gppnetwork.org");
        assert!(id.derived);
        let three = Plmn::new("310", "410").unwrap();
        assert_eq!(home_domain(&three), "ims.mnc410.mcc310.3gppnetwork.org");
    }

    #[test]
    fn identity_takes_the_isim_values() {
        let plmn = Plmn::new("001", "01").unwrap();
        let isim = Isim {
            impi: "alice@ims.example.org".into(),
            impus: vec!["alice@ims.example.org".into(), "tel:+15550001".into()],
            domain: "ims.example.org".into(),
        };
        let id = ImsIdentity::new(Some(&isim), "001010000000001", &plmn);
        assert_eq!(id.impi, "alice@ims.example.org");
        assert_eq!(id.impu, "sip:alice@ims.example.org");
        assert_eq!(id.registrar(), "sip:ims.example.org");
        assert!(!id.derived);
    }

    #[test]
    fn instance_id_and_access_network_info_are_formatted() {
        assert_eq!(
            instance_id("3534900698733190").as_deref(),
            Some("<urn:gsma:imei:35349006-987331-0>")
        );
        assert_eq!(instance_id("12ab"), None);
        let plmn = Plmn::new("001", "01").unwrap();
        assert_eq!(
            access_network_info(&plmn, 1, 0x19B01),
            "3GPP-E-UTRAN-FDD; utran-cell-id-3gpp=0010100010019B01"
        );
    }
}
