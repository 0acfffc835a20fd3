//! The UE's global IPv6 address (TS 23.401 5.3.1.2.2, TS 29.061
//! 11.2.1.3.4): NAS gives only an interface identifier; the gateway's
//! Router Advertisement on the PDN's default bearer gives the /64 prefix
//! (Prefix Information with the A flag), and the UE forms prefix +
//! interface identifier (RFC 4862 5.5.3). Until then the PDN's IPv6
//! address is link-local and IMS does not use it.

use super::Ue;
use super::esm::with_iid;
use super::timers::RA_WAIT;
use crate::codec::icmpv6;

impl Ue {
    /// Handles `packet` if it is a Router Advertisement (returns true,
    /// whether it was used or dropped); false for any other packet.
    /// Packets on a bearer the UE does not have are left to the caller.
    pub(super) fn router_advertisement(&mut self, ebi: u8, packet: &[u8]) -> bool {
        let Some(i) = self.esm.pdns.iter().position(|p| p.ebi == ebi) else {
            return false;
        };
        let (router, ra) = match icmpv6::router_advertisement(packet) {
            Ok(None) => return false,
            Ok(Some(r)) => r,
            Err(e) => {
                self.count("ipv6_ra_invalid");
                self.note(format!(
                    "dropped a Router Advertisement on bearer {ebi}: {} (RFC 4861 6.1.2)",
                    e.what
                ));
                return true;
            }
        };
        let pdn = &self.esm.pdns[i];
        let (apn, known) = (pdn.apn.clone(), pdn.ipv6_prefix);
        let Some(iid) = pdn.ipv6_iid else {
            self.note(format!(
                "ignored a Router Advertisement on PDN {apn}: the PDN has no IPv6 address"
            ));
            return true;
        };
        let Some(prefix) = ra.autoconf_prefix() else {
            self.count("ipv6_ra_no_prefix");
            self.note(format!(
                "the Router Advertisement on PDN {apn} has no /64 prefix with the A flag (RFC 4862 5.5.3): its IPv6 address stays link-local"
            ));
            return true;
        };
        self.count("ipv6_ra_received");
        if known == Some(prefix) {
            return true;
        }
        self.esm.pdns[i].ipv6_prefix = Some(prefix);
        self.timers.stop(super::timers::Timer::RaWait(ebi));
        self.note(format!(
            "PDN {apn}: global IPv6 address {} (prefix {prefix}/64 from the Router Advertisement of {router}, interface identifier from the PDN address)",
            with_iid(prefix, iid)
        ));
        true
    }

    /// No Router Advertisement came on an IPv6-only PDN: its address stays
    /// link-local; a VoLTE UE cannot reach its P-CSCF on the ims PDN.
    pub(super) fn on_ra_wait(&mut self, ebi: u8) {
        let Some(pdn) = self
            .esm
            .pdns
            .iter()
            .find(|p| p.ebi == ebi && p.ipv6_prefix.is_none())
        else {
            return;
        };
        let apn = pdn.apn.clone();
        let reason = format!(
            "no Router Advertisement on PDN {apn} within {} s: the UE has only the link-local address {} there (TS 29.061 11.2.1.3.4)",
            RA_WAIT.as_secs(),
            pdn.ipv6_link_local()
                .map_or_else(String::new, |a| a.to_string())
        );
        self.count("ipv6_ra_missing");
        if self.is_volte() && super::esm::is_ims_apn(&apn) && self.wanted.contains(&apn) {
            self.note(format!("{reason}; IMS cannot reach the P-CSCF"));
            self.esm
                .record_failure(&apn, format!("{reason}, so IMS cannot reach the P-CSCF"));
        } else {
            self.note(reason);
        }
    }
}
