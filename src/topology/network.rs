//! The network nodes' specs: eNB, MME, HSS, P/I/S-CSCF (and, in
//! `apn.rs`, the gateway and its APNs), each with its defaults, its
//! references resolved and its values checked.

use super::apn::gateway;
use super::diag::{Report, join, suggestion};
use super::model::*;
use super::names::Names;
use super::read::{self, duration, field_name, quoted, text, uint};
use super::schema::*;
use super::units;
use super::validate::{Origin, line_note};
use crate::codec::plmn::Plmn;
use crate::crypto::nas::{NasCiphering, NasIntegrity};
use crate::nodes::NodeId;
use std::collections::HashMap;
use std::path::PathBuf;
use std::time::Duration;

/// A placeholder for a reference that failed to resolve (already
/// reported); never reaches a returned topology.
pub(crate) const UNRESOLVED: NodeId = NodeId(u32::MAX);

/// Default periodic TAU timer (TS 24.301 10.2).
pub(crate) const DEFAULT_T3412: Duration = Duration::from_secs(54 * 60);
/// Default eNB id of the first eNB (the project's fixture identity).
pub(crate) const DEFAULT_ENB_ID: u32 = 0x19B;
/// Default APN-AMBR, both directions, bits/s.
pub(crate) const DEFAULT_AMBR: u64 = 100_000_000;
/// Default protected client port of a P-CSCF (TS 33.203 7.1 leaves the
/// choice to it).
pub(crate) const DEFAULT_PORT_C: u16 = 5100;
/// Default protected server port of a P-CSCF.
pub(crate) const DEFAULT_PORT_S: u16 = 6100;
/// Default SIP port of an S-CSCF (the reference flow's Server-Name).
pub(crate) const DEFAULT_SCSCF_PORT: u16 = 6060;
/// Default longest registration an S-CSCF grants.
pub(crate) const DEFAULT_MAX_EXPIRES: Duration = Duration::from_secs(600);
/// Default shortest registration an S-CSCF accepts.
pub(crate) const DEFAULT_MIN_EXPIRES: Duration = Duration::from_secs(60);

/// A node's raw entry, by kind.
pub(crate) enum RawNode {
    Enb(RawEnb),
    Mme(RawMme),
    Gateway(RawGateway),
    Hss(RawHss),
    Pcscf(RawPcscf),
    Icscf(RawIcscf),
    Scscf(RawScscf),
}

impl RawNode {
    pub(crate) fn addr(&self) -> Option<&Scalar> {
        match self {
            Self::Enb(r) => r.addr.as_ref(),
            Self::Mme(r) => r.addr.as_ref(),
            Self::Gateway(r) => r.addr.as_ref(),
            Self::Hss(r) => r.addr.as_ref(),
            Self::Pcscf(r) => r.addr.as_ref(),
            Self::Icscf(r) => r.addr.as_ref(),
            Self::Scscf(r) => r.addr.as_ref(),
        }
    }
}

/// What the network nodes tell the rest of the checks.
pub(crate) struct Network {
    /// Spec of each network node, by index (None where its entry failed).
    pub(crate) kinds: Vec<Option<NodeKind>>,
    /// Every APN some gateway serves, in file order.
    pub(crate) served: Vec<String>,
    /// The PLMN.
    pub(crate) plmn: Plmn,
}

impl Network {
    /// The spec of node `id`, if it is a network node that was built.
    pub(crate) fn kind(&self, id: NodeId) -> Option<&NodeKind> {
        self.kinds.get(id.0 as usize).and_then(Option::as_ref)
    }

    /// The gateway a UE on eNB `enb` reaches (eNB -> MME -> gateway).
    pub(crate) fn gateway_of_enb(&self, enb: NodeId) -> Option<(NodeId, &GatewaySpec)> {
        let Some(NodeKind::Enb(e)) = self.kind(enb) else {
            return None;
        };
        let Some(NodeKind::Mme(m)) = self.kind(e.mme) else {
            return None;
        };
        match self.kind(m.gateway) {
            Some(NodeKind::Gateway(g)) => Some((m.gateway, g)),
            _ => None,
        }
    }

    /// The P-CSCFs' specs, for IPsec checks.
    pub(crate) fn pcscfs(&self) -> impl Iterator<Item = &PcscfSpec> {
        self.kinds.iter().filter_map(|k| match k {
            Some(NodeKind::Pcscf(p)) => Some(p),
            _ => None,
        })
    }
}

/// The IMS home domain, `ims.mnc<MNC>.mcc<MCC>.3gppnetwork.org` (TS 23.003
/// 13.2; a 2-digit MNC gets a leading 0).
pub(crate) fn ims_domain(plmn: &Plmn) -> String {
    format!(
        "ims.mnc{:0>3}.mcc{}.3gppnetwork.org",
        plmn.mnc(),
        plmn.mcc()
    )
}

/// The EPC realm, `epc.mnc<MNC>.mcc<MCC>.3gppnetwork.org` (TS 23.003 19.2).
pub(crate) fn epc_realm(plmn: &Plmn) -> String {
    format!(
        "epc.mnc{:0>3}.mcc{}.3gppnetwork.org",
        plmn.mnc(),
        plmn.mcc()
    )
}

/// Builds every network node's spec. The order matters: the MME's default
/// TACs come from its eNBs, the gateway's P-CSCF addresses from the P-CSCFs.
pub(crate) fn build_network(
    report: &mut Report,
    raws: &[Option<RawNode>],
    names: &Names,
    plmn: Plmn,
    origin: &Origin,
) -> Network {
    let mut kinds: Vec<Option<NodeKind>> = (0..raws.len()).map(|_| None).collect();
    let path_of = |i: usize| names.at(i).map(|n| n.path.clone()).unwrap_or_default();
    let count = |k: &str| names.of_kind(k).len();

    // eNBs, P-CSCFs, HSSs, I-/S-CSCFs: they need only names.
    let mut enb_ordinal = 0u32;
    let mut enb_ids: HashMap<u32, String> = HashMap::new();
    let mut listen_addrs: HashMap<std::net::SocketAddr, String> = HashMap::new();
    for (i, raw) in raws.iter().enumerate() {
        let path = path_of(i);
        kinds[i] = match raw {
            Some(RawNode::Enb(r)) => {
                let spec = enb(report, &path, r, names, enb_ordinal);
                enb_ordinal += 1;
                if let Some(other) = enb_ids.insert(spec.enb_id, path.clone()) {
                    report.error(
                        &join(&path, "enb_id"),
                        format!(
                            "enb_id 0x{:X} is already used by {other}{}",
                            spec.enb_id,
                            line_note(report, &other)
                        ),
                    );
                }
                Some(NodeKind::Enb(spec))
            }
            Some(RawNode::Pcscf(r)) => {
                let own = own_name(names, i, "pcscf", count("pcscf") > 1);
                Some(NodeKind::Pcscf(pcscf(report, &path, r, names, &plmn, &own)))
            }
            Some(RawNode::Hss(r)) => {
                let several = count("hss") > 1;
                let name = names.at(i).map(|n| n.name.as_str()).unwrap_or("hss");
                let spec = hss(report, &path, r, &plmn, several, name, origin);
                for (key, addr) in [("s6a", spec.listen.s6a), ("cx", spec.listen.cx)] {
                    let Some(addr) = addr.filter(|a| a.port() != 0) else {
                        continue;
                    };
                    let here = join(&join(&path, "listen"), key);
                    match listen_addrs.get(&addr) {
                        // Within one HSS, `hss()` already said so.
                        Some(other) if !other.starts_with(&format!("{path}.")) => {
                            report.error(
                                &here,
                                format!(
                                    "address {addr} is already used by {other}{}",
                                    line_note(report, other)
                                ),
                            );
                        }
                        Some(_) => {}
                        None => {
                            listen_addrs.insert(addr, here);
                        }
                    }
                }
                Some(NodeKind::Hss(spec))
            }
            Some(RawNode::Icscf(r)) => {
                let own = own_name(names, i, "icscf", count("icscf") > 1);
                Some(NodeKind::Icscf(icscf(report, &path, r, names, &plmn, &own)))
            }
            Some(RawNode::Scscf(r)) => {
                let own = own_name(names, i, "scscf", count("scscf") > 1);
                Some(NodeKind::Scscf(scscf(report, &path, r, names, &plmn, &own)))
            }
            _ => None,
        };
    }
    check_sip_hosts(report, &kinds, &path_of);

    // MMEs: their TACs default to those of the eNBs pointing at them.
    let several_mmes = count("mme") > 1;
    for (i, raw) in raws.iter().enumerate() {
        let Some(RawNode::Mme(r)) = raw else { continue };
        let path = path_of(i);
        let me = NodeId(i as u32);
        let mut enb_tacs: Vec<(u16, String)> = Vec::new();
        for (j, k) in kinds.iter().enumerate() {
            if let Some(NodeKind::Enb(e)) = k
                && e.mme == me
            {
                enb_tacs.push((e.tac, path_of(j)));
            }
        }
        let name = names.at(i).map(|n| n.name.as_str()).unwrap_or("mme");
        let spec = mme(
            report,
            &path,
            r,
            names,
            &plmn,
            several_mmes,
            name,
            &enb_tacs,
        );
        kinds[i] = Some(NodeKind::Mme(spec));
    }

    // Gateways: P-CSCF names become that node's addresses.
    let mut served: Vec<String> = Vec::new();
    for (i, raw) in raws.iter().enumerate() {
        let Some(RawNode::Gateway(r)) = raw else {
            continue;
        };
        let path = path_of(i);
        let spec = gateway(report, &path, r, names, &kinds);
        for apn in &spec.apns {
            if !served.contains(&apn.name) {
                served.push(apn.name.clone());
            }
        }
        kinds[i] = Some(NodeKind::Gateway(spec));
    }

    Network {
        kinds,
        served,
        plmn,
    }
}

/// S1AP names are PrintableString (TS 36.413 9.2.1.37, ITU-T X.680 41.4),
/// 1 to 150 characters.
fn check_printable(report: &mut Report, path: &str, name: &str) {
    let printable = |c: char| c.is_ascii_alphanumeric() || " '()+,-./:=?".contains(c);
    if name.is_empty() || name.len() > 150 {
        report.error(
            path,
            format!("{} must be 1 to 150 characters", field_name(path)),
        );
    } else if let Some(c) = name.chars().find(|c| !printable(*c)) {
        report.error(
            path,
            format!(
                "'{c}' cannot appear in an S1AP name (PrintableString: letters, digits, space and '()+,-./:=?)"
            ),
        );
    }
}

fn enb(report: &mut Report, path: &str, r: &RawEnb, names: &Names, ordinal: u32) -> EnbSpec {
    let f = |k: &str| join(path, k);
    let enb_id = r
        .enb_id
        .as_ref()
        .and_then(|s| uint(report, &f("enb_id"), s, 0xF_FFFF))
        .map_or(DEFAULT_ENB_ID + ordinal, |v| v as u32);
    let tac = r
        .tac
        .as_ref()
        .and_then(|s| uint(report, &f("tac"), s, 0xFFFF))
        .map_or(1, |v| v as u16);
    let default_cell = (enb_id << 8) | 1;
    let cell_id = match &r.cell_id {
        Some(s) => {
            let c = uint(report, &f("cell_id"), s, 0xFFF_FFFF).map_or(default_cell, |v| v as u32);
            if c >> 8 != enb_id {
                report.warn(
                    &f("cell_id"),
                    format!(
                        "cell_id 0x{c:07X} does not start with enb_id 0x{enb_id:05X}: a macro cell's identity is enb_id << 8 | cell (TS 36.413 9.2.1.38)"
                    ),
                );
            }
            c
        }
        None => default_cell,
    };
    let enb_name = r
        .enb_name
        .as_ref()
        .map_or_else(|| format!("enb-{enb_id:x}"), text);
    check_printable(report, &f("enb_name"), &enb_name);
    let mme = names
        .resolve(report, &f("mme"), r.mme.as_ref(), "mme", true)
        .unwrap_or(UNRESOLVED);
    let refuse_second_bearer = r.refuse_second_bearer.unwrap_or(false);
    if refuse_second_bearer {
        report.warn(
            &f("refuse_second_bearer"),
            "this eNB refuses E-RAB Setup for a second bearer: UEs on it cannot open their second PDN (e.g. ims)",
        );
    }
    EnbSpec {
        enb_id,
        enb_name,
        tac,
        cell_id,
        mme,
        refuse_second_bearer,
    }
}

/// A domain name: labels of letters, digits and '-', joined by dots.
fn fqdn(report: &mut Report, path: &str, s: &Scalar) -> String {
    let t = text(s);
    let ok = !t.is_empty()
        && t.len() <= 255
        && t.split('.').all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        });
    if !ok {
        report.error(
            path,
            format!(
                "{} is not a domain name (labels of letters, digits and '-', joined by dots)",
                quoted(s)
            ),
        );
    }
    t
}

fn diameter_identity(
    report: &mut Report,
    path: &str,
    raw: Option<&RawDiameter>,
    default_host: String,
    default_realm: String,
) -> DiameterIdentity {
    let (host, realm) = match raw {
        Some(d) => (
            d.host
                .as_ref()
                .map(|s| fqdn(report, &join(path, "host"), s)),
            d.realm
                .as_ref()
                .map(|s| fqdn(report, &join(path, "realm"), s)),
        ),
        None => (None, None),
    };
    DiameterIdentity {
        host: host.unwrap_or(default_host),
        realm: realm.unwrap_or(default_realm),
    }
}

fn nas_algorithms(
    report: &mut Report,
    path: &str,
    list: Option<&List>,
    prefix: &str,
) -> Option<Vec<u8>> {
    let list = list?;
    if list.0.is_empty() {
        report.error(
            path,
            format!("needs at least one algorithm, e.g. [{prefix}2]"),
        );
        return Some(Vec::new());
    }
    let mut out = Vec::new();
    for (i, s) in list.0.iter().enumerate() {
        let p = format!("{path}[{i}]");
        match algorithm_id(s, prefix) {
            Some(id) => out.push(id),
            None => report.error(
                &p,
                format!(
                    "unknown algorithm {} (use {prefix}0, {prefix}1, {prefix}2 or {prefix}3)",
                    quoted(s)
                ),
            ),
        }
    }
    Some(out)
}

/// `eia2`, `EIA2`, `128-EIA2` or `2` -> 2.
pub(crate) fn algorithm_id(s: &Scalar, prefix: &str) -> Option<u8> {
    match s {
        Scalar::Int(i) if (0..=7).contains(i) => Some(*i as u8),
        Scalar::Text(t) => {
            let t = t.trim().to_ascii_lowercase();
            let t = t.strip_prefix("128-").unwrap_or(&t);
            let d = t.strip_prefix(prefix)?;
            match d.parse::<u8>() {
                Ok(v) if v <= 7 => Some(v),
                _ => None,
            }
        }
        _ => None,
    }
}

#[allow(clippy::too_many_arguments)]
fn mme(
    report: &mut Report,
    path: &str,
    r: &RawMme,
    names: &Names,
    plmn: &Plmn,
    several: bool,
    name: &str,
    enb_tacs: &[(u16, String)],
) -> MmeSpec {
    let f = |k: &str| join(path, k);
    let gateway = names
        .resolve(report, &f("gateway"), r.gateway.as_ref(), "gateway", true)
        .unwrap_or(UNRESOLVED);
    let hss = names
        .resolve(report, &f("hss"), r.hss.as_ref(), "hss", true)
        .unwrap_or(UNRESOLVED);
    let group_id = r
        .group_id
        .as_ref()
        .and_then(|s| uint(report, &f("group_id"), s, 0xFFFF))
        .map_or(1, |v| v as u16);
    let code = r
        .code
        .as_ref()
        .and_then(|s| uint(report, &f("code"), s, 0xFF))
        .map_or(1, |v| v as u8);
    let mme_name = r
        .mme_name
        .as_ref()
        .map_or_else(|| format!("mme{code:02}"), text);
    check_printable(report, &f("mme_name"), &mme_name);

    let nas = r.nas.as_ref();
    let npath = f("nas");
    let integrity = match nas_algorithms(
        report,
        &join(&npath, "integrity"),
        nas.and_then(|n| n.integrity.as_ref()),
        "eia",
    ) {
        None => vec![NasIntegrity::Eia2],
        Some(ids) => {
            let mut v = Vec::new();
            for (i, id) in ids.into_iter().enumerate() {
                let p = format!("{}[{i}]", join(&npath, "integrity"));
                match NasIntegrity::from_id(id) {
                    Some(a) if a.is_implemented() => {
                        if a == NasIntegrity::Eia0 {
                            report.warn(&p, "EIA0 (no integrity) is allowed only for unauthenticated emergency sessions (TS 33.401 5.1.4.2): UEs reject a Security Mode Command that selects it");
                        }
                        v.push(a);
                    }
                    Some(_) => report.error(&p, format!("eia{id} is not implemented here; use eia2 (or eia0 to show a rejected Security Mode Command)")),
                    None => report.error(&p, format!("eia{id} is not a defined algorithm (eia0 to eia3)")),
                }
            }
            v
        }
    };
    let ciphering = match nas_algorithms(
        report,
        &join(&npath, "ciphering"),
        nas.and_then(|n| n.ciphering.as_ref()),
        "eea",
    ) {
        None => vec![NasCiphering::Eea0],
        Some(ids) => {
            let mut v = Vec::new();
            for (i, id) in ids.into_iter().enumerate() {
                let p = format!("{}[{i}]", join(&npath, "ciphering"));
                match NasCiphering::from_id(id) {
                    Some(a) if a.is_implemented() => v.push(a),
                    Some(_) => report.error(
                        &p,
                        format!(
                            "eea{id} is not implemented here; use eea0 (readable pcaps) or eea2"
                        ),
                    ),
                    None => report.error(
                        &p,
                        format!("eea{id} is not a defined algorithm (eea0 to eea3)"),
                    ),
                }
            }
            v
        }
    };

    let tacs: Vec<u16> = match &r.tacs {
        Some(list) => {
            let mut v = Vec::new();
            for (i, s) in list.0.iter().enumerate() {
                if let Some(t) = uint(report, &format!("{}[{i}]", f("tacs")), s, 0xFFFF) {
                    v.push(t as u16);
                }
            }
            for (tac, enb_path) in enb_tacs {
                if !v.contains(tac) {
                    report.warn(
                        &join(enb_path, "tac"),
                        format!(
                            "TAC {tac} is not among the TACs of its MME ({}): the MME will refuse its S1 Setup",
                            v.iter().map(u16::to_string).collect::<Vec<_>>().join(", ")
                        ),
                    );
                }
            }
            v
        }
        None => {
            let mut v: Vec<u16> = Vec::new();
            for (tac, _) in enb_tacs {
                if !v.contains(tac) {
                    v.push(*tac);
                }
            }
            v
        }
    };
    let relative_capacity = r
        .relative_capacity
        .as_ref()
        .and_then(|s| uint(report, &f("relative_capacity"), s, 255))
        .map_or(255, |v| v as u8);
    let realm = epc_realm(plmn);
    let host = if several {
        format!("{name}.{realm}")
    } else {
        format!("mme.{realm}")
    };
    let diameter = diameter_identity(report, &f("diameter"), r.diameter.as_ref(), host, realm);
    // GPRS Timer 3 (TS 24.008 10.5.7.4a) reaches 31 x 320 h.
    let t3412 = match &r.t3412 {
        Some(s) => match duration(report, &f("t3412"), s) {
            Some(d) if d <= Duration::from_secs(31 * 320 * 3600) => d,
            Some(_) => {
                report.error(
                    &f("t3412"),
                    "t3412 can be at most 9920h (GPRS Timer 3, TS 24.008 10.5.7.4a)",
                );
                DEFAULT_T3412
            }
            None => DEFAULT_T3412,
        },
        None => DEFAULT_T3412,
    };
    MmeSpec {
        gateway,
        hss,
        mme_name,
        group_id,
        code,
        integrity,
        ciphering,
        tacs,
        relative_capacity,
        diameter,
        t3412,
    }
}

fn hss(
    report: &mut Report,
    path: &str,
    r: &RawHss,
    plmn: &Plmn,
    several: bool,
    name: &str,
    origin: &Origin,
) -> HssSpec {
    let f = |k: &str| join(path, k);
    let db = r.db.as_ref().map(|s| {
        let p = PathBuf::from(text(s));
        match origin.dir() {
            Some(dir) if p.is_relative() && !dir.as_os_str().is_empty() => dir.join(p),
            _ => p,
        }
    });
    let amf = match &r.amf {
        None => [0x80, 0x00],
        Some(s) => {
            let t = match s {
                Scalar::Int(i) => format!("{i:04}"),
                other => text(other),
            };
            match units::parse_hex::<2>("amf", &t) {
                Ok(a) => a,
                Err(e) => {
                    report.error(&f("amf"), e);
                    [0x80, 0x00]
                }
            }
        }
    };
    if amf[0] & 0x80 == 0 {
        report.warn(
            &f("amf"),
            "the AMF separation bit (0x8000) is not set: UEs reject E-UTRAN vectors without it (TS 33.401 6.1.1)",
        );
    }
    let prefix = if several { name } else { "hss" };
    let realm = epc_realm(plmn);
    let s6a = diameter_identity(
        report,
        &f("s6a"),
        r.s6a.as_ref(),
        format!("{prefix}.{realm}"),
        realm,
    );
    let domain = ims_domain(plmn);
    let cx = diameter_identity(
        report,
        &f("cx"),
        r.cx.as_ref(),
        format!("{prefix}.{domain}"),
        domain,
    );
    let listen = match &r.listen {
        Some(l) => {
            let p = f("listen");
            let s6a = l
                .s6a
                .as_ref()
                .and_then(|s| read::socket_addr(report, &join(&p, "s6a"), s));
            let cx =
                l.cx.as_ref()
                    .and_then(|s| read::socket_addr(report, &join(&p, "cx"), s));
            if let (Some(a), Some(b)) = (s6a, cx)
                && a == b
                && a.port() != 0
            {
                report.error(
                    &join(&p, "cx"),
                    format!(
                        "address {b} is already used by {}.s6a: S6a and Cx clients need an address each",
                        p
                    ),
                );
            }
            HssListen { s6a, cx }
        }
        None => HssListen::default(),
    };
    HssSpec {
        db,
        s6a,
        cx,
        amf,
        listen,
    }
}

/// The word a CSCF's default host and Diameter names start with: its kind,
/// or its node name when there are several of that kind.
fn own_name(names: &Names, i: usize, kind: &str, several: bool) -> String {
    match names.at(i) {
        Some(n) if several => n.name.clone(),
        _ => kind.to_string(),
    }
}

/// `host:` and `port:` of a CSCF, with their defaults.
fn sip_host(
    report: &mut Report,
    path: &str,
    host: Option<&Scalar>,
    port: Option<&Scalar>,
    default_host: String,
    default_port: u16,
) -> SipHost {
    let host = host.map_or(default_host, |s| fqdn(report, &join(path, "host"), s));
    let port = port
        .and_then(|s| uint(report, &join(path, "port"), s, 0xFFFF))
        .map_or(default_port, |v| v as u16);
    SipHost { host, port }
}

/// The home domain of a CSCF: `domain:` or the PLMN's IMS domain.
fn domain(report: &mut Report, path: &str, raw: Option<&Scalar>, plmn: &Plmn) -> String {
    raw.map_or_else(
        || ims_domain(plmn),
        |s| fqdn(report, &join(path, "domain"), s),
    )
}

/// Two CSCFs with one SIP host cannot be told apart on Mw.
fn check_sip_hosts(
    report: &mut Report,
    kinds: &[Option<NodeKind>],
    path_of: &dyn Fn(usize) -> String,
) {
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (i, k) in kinds.iter().enumerate() {
        let host = match k {
            Some(NodeKind::Pcscf(p)) => &p.sip.host,
            Some(NodeKind::Icscf(c)) => &c.sip.host,
            Some(NodeKind::Scscf(c)) => &c.sip.host,
            _ => continue,
        };
        let key = host.to_ascii_lowercase();
        if let Some(&other) = seen.get(&key) {
            let other = path_of(other);
            report.error(
                &join(&path_of(i), "host"),
                format!(
                    "SIP host {host} is already used by {other}{}: Mw messages could not tell them apart",
                    line_note(report, &other)
                ),
            );
        } else {
            seen.insert(key, i);
        }
    }
}

fn pcscf(
    report: &mut Report,
    path: &str,
    r: &RawPcscf,
    names: &Names,
    plmn: &Plmn,
    own: &str,
) -> PcscfSpec {
    let f = |k: &str| join(path, k);
    let ipv4 = r
        .ipv4
        .as_ref()
        .and_then(|s| read::ipv4(report, &f("ipv4"), s));
    let ipv6 = r
        .ipv6
        .as_ref()
        .and_then(|s| read::ipv6(report, &f("ipv6"), s));
    if r.ipv4.is_none() && r.ipv6.is_none() {
        report.warn(
            path,
            "this P-CSCF has neither ipv4 nor ipv6: no UE can reach it",
        );
    }
    let ipsec = match &r.ipsec {
        None => IpsecPolicy::Required,
        Some(Scalar::Bool(true)) => IpsecPolicy::Required,
        Some(Scalar::Bool(false)) => IpsecPolicy::Off,
        Some(s) => match text(s).as_str() {
            "required" => IpsecPolicy::Required,
            "optional" => IpsecPolicy::Optional,
            "off" | "none" => IpsecPolicy::Off,
            other => {
                report.error(
                    &f("ipsec"),
                    format!(
                        "ipsec is required, optional or off, got '{other}'{}",
                        suggestion(other, &["required", "optional", "off"])
                    ),
                );
                IpsecPolicy::Required
            }
        },
    };
    let icscf = names.resolve(report, &f("icscf"), r.icscf.as_ref(), "icscf", false);
    let domain = domain(report, path, r.domain.as_ref(), plmn);
    let sip = sip_host(
        report,
        path,
        r.host.as_ref(),
        r.port.as_ref(),
        format!("{own}.{domain}"),
        SipHost::DEFAULT_PORT,
    );
    let port = |report: &mut Report, key: &str, raw: Option<&Scalar>, default: u16| {
        raw.and_then(|s| uint(report, &f(key), s, 0xFFFF))
            .map_or(default, |v| v as u16)
    };
    let port_c = port(report, "port_c", r.port_c.as_ref(), DEFAULT_PORT_C);
    let port_s = port(report, "port_s", r.port_s.as_ref(), DEFAULT_PORT_S);
    if port_c == port_s {
        report.error(
            &f("port_s"),
            format!("port_s must differ from port_c ({port_c}): each SA pair needs its own protected port (TS 33.203 7.1)"),
        );
    }
    for (key, p) in [("port_c", port_c), ("port_s", port_s)] {
        if p == SipHost::DEFAULT_PORT {
            report.error(
                &f(key),
                "5060 is the unprotected SIP port: protected ports must be others (TS 33.203 7.1)",
            );
        }
    }
    let integrity = match &r.alg {
        None => IpsecIntegrity::default(),
        Some(s) => IpsecIntegrity::from_name(&text(s)).unwrap_or_else(|| {
            let names: Vec<&str> = IpsecIntegrity::ALL.iter().map(|a| a.name()).collect();
            report.error(
                &f("alg"),
                format!(
                    "unknown ESP integrity algorithm {} (use {})",
                    quoted(s),
                    names.join(" or ")
                ),
            );
            IpsecIntegrity::default()
        }),
    };
    let encryption = match &r.ealg {
        None => IpsecEncryption::default(),
        Some(s) => IpsecEncryption::from_name(&text(s)).unwrap_or_else(|| {
            let names: Vec<&str> = IpsecEncryption::ALL.iter().map(|a| a.name()).collect();
            report.error(
                &f("ealg"),
                format!(
                    "unknown ESP encryption algorithm {} (use {})",
                    quoted(s),
                    names.join(" or ")
                ),
            );
            IpsecEncryption::default()
        }),
    };
    if ipsec == IpsecPolicy::Off && (r.alg.is_some() || r.ealg.is_some()) {
        report.warn(
            path,
            "alg/ealg are given but ipsec is off: they are never used",
        );
    }
    PcscfSpec {
        ipv4,
        ipv6,
        ipsec,
        icscf,
        sip,
        domain,
        port_c,
        port_s,
        integrity,
        encryption,
    }
}

fn icscf(
    report: &mut Report,
    path: &str,
    r: &RawIcscf,
    names: &Names,
    plmn: &Plmn,
    own: &str,
) -> IcscfSpec {
    let f = |k: &str| join(path, k);
    let hss = names.resolve(report, &f("hss"), r.hss.as_ref(), "hss", false);
    let domain = ims_domain(plmn);
    let sip = sip_host(
        report,
        path,
        r.host.as_ref(),
        r.port.as_ref(),
        format!("{own}.{domain}"),
        SipHost::DEFAULT_PORT,
    );
    let diameter = diameter_identity(
        report,
        &f("diameter"),
        r.diameter.as_ref(),
        format!("{own}.{domain}"),
        domain,
    );
    let scscfs = match &r.scscfs {
        Some(list) => list
            .0
            .iter()
            .enumerate()
            .filter_map(|(i, s)| {
                names.resolve(
                    report,
                    &format!("{}[{i}]", f("scscfs")),
                    Some(s),
                    "scscf",
                    true,
                )
            })
            .collect(),
        None => names
            .of_kind("scscf")
            .into_iter()
            .map(|(i, _)| NodeId(i as u32))
            .collect(),
    };
    IcscfSpec {
        hss,
        sip,
        diameter,
        scscfs,
    }
}

/// Registration expiry limits of an S-CSCF.
fn expires_limit(
    report: &mut Report,
    path: &str,
    raw: Option<&Scalar>,
    default: Duration,
) -> Duration {
    match raw.and_then(|s| duration(report, path, s)) {
        Some(d) if d.as_secs() >= 1 && d.as_secs() <= u64::from(u32::MAX) => {
            Duration::from_secs(d.as_secs())
        }
        Some(_) => {
            report.error(
                path,
                format!(
                    "{} must be from 1s to 2^32-1 s (the Expires range, RFC 3261 20.19)",
                    field_name(path)
                ),
            );
            default
        }
        None => default,
    }
}

fn scscf(
    report: &mut Report,
    path: &str,
    r: &RawScscf,
    names: &Names,
    plmn: &Plmn,
    own: &str,
) -> ScscfSpec {
    let f = |k: &str| join(path, k);
    let hss = names.resolve(report, &f("hss"), r.hss.as_ref(), "hss", false);
    let icscf = names.resolve(report, &f("icscf"), r.icscf.as_ref(), "icscf", false);
    let domain = domain(report, path, r.domain.as_ref(), plmn);
    let cx_realm = ims_domain(plmn);
    let sip = sip_host(
        report,
        path,
        r.host.as_ref(),
        r.port.as_ref(),
        format!("{own}.{cx_realm}"),
        DEFAULT_SCSCF_PORT,
    );
    let diameter = diameter_identity(
        report,
        &f("diameter"),
        r.diameter.as_ref(),
        format!("{own}.{cx_realm}"),
        cx_realm,
    );
    let max_expires = expires_limit(
        report,
        &f("max_expires"),
        r.max_expires.as_ref(),
        DEFAULT_MAX_EXPIRES,
    );
    let min_expires = expires_limit(
        report,
        &f("min_expires"),
        r.min_expires.as_ref(),
        DEFAULT_MIN_EXPIRES,
    );
    if min_expires > max_expires {
        report.error(
            &f("min_expires"),
            format!(
                "min_expires ({}s) is longer than max_expires ({}s)",
                min_expires.as_secs(),
                max_expires.as_secs()
            ),
        );
    }
    ScscfSpec {
        hss,
        sip,
        diameter,
        domain,
        icscf,
        max_expires,
        min_expires,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn algorithm_names_parse_loosely() {
        assert_eq!(algorithm_id(&Scalar::Text("eia2".into()), "eia"), Some(2));
        assert_eq!(
            algorithm_id(&Scalar::Text("128-EEA2".into()), "eea"),
            Some(2)
        );
        assert_eq!(algorithm_id(&Scalar::Int(1), "eea"), Some(1));
        assert_eq!(algorithm_id(&Scalar::Text("eea2".into()), "eia"), None);
        assert_eq!(algorithm_id(&Scalar::Text("eia9".into()), "eia"), None);
    }

    #[test]
    fn domains_pad_two_digit_mncs() {
        let p = Plmn::new("001", "01").unwrap();
        assert_eq!(ims_domain(&p), "ims.mnc001.mcc001.3gppnetwork.org");
        assert_eq!(epc_realm(&p), "epc.mnc001.mcc001.3gppnetwork.org");
        let p = Plmn::new("310", "410").unwrap();
        assert_eq!(ims_domain(&p), "ims.mnc410.mcc310.3gppnetwork.org");
    }
}
