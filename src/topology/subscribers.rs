//! Subscribers (what the HSS knows) and UEs (what the handsets hold):
//! identities, keys, `count:` expansion, and the checks that tie a UE to
//! its subscription. Teaching cases (a USIM whose K differs, an SQN ahead
//! of the HSS, an APN outside the subscription) are warnings, not errors.

use super::diag::{Report, index, join, suggestion};
use super::model::*;
use super::names::Names;
use super::network::{Network, UNRESOLVED, algorithm_id, ims_domain};
use super::read::{self, digits, key16, quoted, read_entry, sqn, text, uint};
use super::schema::{Bits, List, RawIsim, RawSubscriber, RawUe, Scalar};
use super::validate::{check_name, line_note};
use crate::codec::plmn::Plmn;
use crate::crypto::milenage::opc_from_op;
use crate::crypto::{K, Op};
use crate::nodes::NodeId;
use serde_yaml::Value;
use std::collections::HashMap;
use std::net::IpAddr;

/// Most entries one `count:` may stand for.
pub(crate) const MAX_COUNT: u64 = 1_000_000;
/// Largest 15-digit IMSI.
const IMSI_MAX: u64 = 999_999_999_999_999;
/// UE EEA capabilities by default: EEA0, EEA1, EEA2 (bit n = EEAn).
pub(crate) const DEFAULT_EEA: u8 = 0b0000_0111;
/// UE EIA capabilities by default: EIA1, EIA2 (bit n = EIAn).
pub(crate) const DEFAULT_EIA: u8 = 0b0000_0110;
/// TAC of derived IMEISVs (8 digits; any value works for the simulation).
const IMEI_TAC: &str = "35693803";

/// The subscribers, ready for the HSS, and what UEs need to know about them.
#[derive(Debug, Default)]
pub(crate) struct Subscribers {
    /// In file order, `count:` expanded.
    pub(crate) list: Vec<Subscriber>,
    /// The OP each was given with, when given as OP.
    ops: Vec<Option<[u8; 16]>>,
    by_imsi: HashMap<String, (usize, String)>,
}

impl Subscribers {
    fn get(&self, imsi: &str) -> Option<(&Subscriber, Option<[u8; 16]>)> {
        let (i, _) = self.by_imsi.get(imsi)?;
        Some((self.list.get(*i)?, self.ops.get(*i).copied().flatten()))
    }
}

/// One UE, ready to become a node.
#[derive(Debug)]
pub(crate) struct UeOut {
    /// Node id.
    pub(crate) id: NodeId,
    /// Node name.
    pub(crate) name: String,
    /// The explicit `addr:`, if any.
    pub(crate) addr: Option<IpAddr>,
    /// The spec.
    pub(crate) spec: UeSpec,
}

impl UeOut {
    /// The UE's default public identity: its ISIM's first IMPU, else the
    /// one derived from the IMSI (TS 23.003 13.4B).
    pub(crate) fn impu(&self, plmn: &Plmn) -> String {
        match &self.spec.isim {
            Some(isim) if !isim.impus.is_empty() => isim.impus[0].clone(),
            _ => format!(
                "sip:{}@{}",
                self.spec.imsi,
                home_domain(&self.spec.imsi, plmn)
            ),
        }
    }
}

/// The IMS domain of an IMSI's home network: its MCC and MNC (MNC length
/// taken from the topology's PLMN), `ims.mnc<MNC>.mcc<MCC>.3gppnetwork.org`.
pub(crate) fn home_domain(imsi: &str, plmn: &Plmn) -> String {
    let n = plmn.mnc().len();
    match (imsi.get(..3), imsi.get(3..3 + n)) {
        (Some(mcc), Some(mnc)) => format!("ims.mnc{mnc:0>3}.mcc{mcc}.3gppnetwork.org"),
        _ => ims_domain(plmn),
    }
}

/// `count:` of an entry: 1 to [`MAX_COUNT`].
fn count(report: &mut Report, path: &str, s: Option<&Scalar>) -> u64 {
    let Some(s) = s else { return 1 };
    match uint(report, &join(path, "count"), s, MAX_COUNT) {
        Some(0) => {
            report.error(&join(path, "count"), "count must be at least 1");
            1
        }
        Some(n) => n,
        None => 1,
    }
}

/// The IMSI of an entry and how many consecutive ones it stands for.
fn imsi_range(
    report: &mut Report,
    path: &str,
    s: Option<&Scalar>,
    n: u64,
    plmn: &Plmn,
) -> Option<u64> {
    let p = join(path, "imsi");
    let Some(s) = s else {
        report.missing(
            &p,
            "missing: every entry needs an imsi (15 digits, in quotes)",
        );
        return None;
    };
    let imsi = digits(report, &p, s, 15, 15)?;
    let home = format!("{}{}", plmn.mcc(), plmn.mnc());
    if !imsi.starts_with(&home) {
        report.warn(
            &p,
            format!(
                "IMSI {imsi} does not start with the PLMN's MCC+MNC {home}: it belongs to another network (roaming is not simulated)"
            ),
        );
    }
    let first: u64 = imsi.parse().ok()?;
    if first + (n - 1) > IMSI_MAX {
        report.error(
            &join(path, "count"),
            format!("count {n} runs past the last 15-digit IMSI"),
        );
        return None;
    }
    Some(first)
}

fn imsi_at(first: u64, i: u64) -> String {
    format!("{:015}", first + i)
}

/// `base` plus `i`, keeping its width (`"15550001"` + 1 = `"15550002"`).
fn add_keep_width(base: &str, i: u64) -> Option<String> {
    let v: u64 = base.parse().ok()?;
    let s = format!("{:0width$}", v.checked_add(i)?, width = base.len());
    (s.len() == base.len()).then_some(s)
}

/// A public identity: a SIP or tel URI.
fn check_impu(report: &mut Report, path: &str, impu: &str) {
    if !(impu.starts_with("sip:") || impu.starts_with("sips:") || impu.starts_with("tel:")) {
        report.error(
            path,
            format!("'{impu}' is not a public identity: write a SIP or tel URI, e.g. sip:alice@ims.example.org"),
        );
    }
}

/// A private identity: a NAI, `user@realm` (TS 23.003 13.3).
fn check_impi(report: &mut Report, path: &str, impi: &str) -> Option<String> {
    match impi.split_once('@') {
        Some((user, realm)) if !user.is_empty() && !realm.is_empty() => Some(realm.to_string()),
        _ => {
            report.error(
                path,
                format!("'{impi}' is not a private identity: write user@realm"),
            );
            None
        }
    }
}

fn texts(list: Option<&List>) -> Vec<String> {
    list.map(|l| l.0.iter().map(text).collect())
        .unwrap_or_default()
}

/// Every APN must be served by some gateway.
fn check_served(report: &mut Report, path: &str, apns: &[String], network: &Network) {
    for (i, apn) in apns.iter().enumerate() {
        if !network.served.contains(apn) {
            let served: Vec<&str> = network.served.iter().map(String::as_str).collect();
            report.error(
                &index(path, i),
                format!(
                    "no gateway serves APN '{apn}'{} (served: {})",
                    suggestion(apn, &served),
                    if served.is_empty() {
                        "none".into()
                    } else {
                        served.join(", ")
                    }
                ),
            );
        }
    }
}

/// Reads `subscribers:`.
pub(crate) fn subscribers(report: &mut Report, raw: &[Value], network: &Network) -> Subscribers {
    let mut out = Subscribers::default();
    for (e, v) in raw.iter().enumerate() {
        let path = index("subscribers", e);
        let Some(r) = read_entry::<RawSubscriber>(v, &path, "a subscriber", report) else {
            continue;
        };
        let n = count(report, &path, r.count.as_ref());
        let first = imsi_range(report, &path, r.imsi.as_ref(), n, &network.plmn);
        let f = |k: &str| join(&path, k);

        let k = match &r.k {
            Some(s) => key16(report, &f("k"), s),
            None => {
                report.missing(&f("k"), "missing: every subscriber needs k (32 hex digits)");
                None
            }
        };
        let op = r.op.as_ref().and_then(|s| key16(report, &f("op"), s));
        let opc = match (&r.opc, &r.op) {
            (Some(_), Some(_)) => {
                report.error(&f("op"), "give opc or op, not both");
                None
            }
            (Some(s), None) => key16(report, &f("opc"), s),
            (None, Some(_)) => match (k, op) {
                (Some(k), Some(op)) => Some(*opc_from_op(&K::new(k), &Op::new(op)).as_bytes()),
                _ => None,
            },
            (None, None) => {
                report.missing(
                    &f("opc"),
                    "missing: every subscriber needs opc (or op), 32 hex digits",
                );
                None
            }
        };
        let sqn = r
            .sqn
            .as_ref()
            .and_then(|s| sqn(report, &f("sqn"), s))
            .unwrap_or(1);
        if sqn == 0 {
            report.warn(&f("sqn"), "SQN 0 is never fresh for a USIM (it accepts only SQNs above the highest it has seen): start at 1");
        }
        let msisdn = r
            .msisdn
            .as_ref()
            .and_then(|s| digits(report, &f("msisdn"), s, 1, 15));
        let apns = match &r.apns {
            Some(l) => {
                let a = texts(Some(l));
                check_served(report, &f("apns"), &a, network);
                a
            }
            None => network.served.clone(),
        };
        let impi = r.impi.as_ref().map(text);
        let impus = r.impu.as_ref().map(|l| texts(Some(l)));
        if n > 1 && (impi.is_some() || impus.is_some()) {
            report.error(
                &path,
                format!("impi/impu cannot be shared by count: {n} subscribers; leave them out to derive them from each IMSI"),
            );
        }
        let given_domain = impi
            .as_deref()
            .and_then(|i| check_impi(report, &f("impi"), i));
        for (i, u) in impus.iter().flatten().enumerate() {
            check_impu(report, &index(&f("impu"), i), u);
        }
        let barred = texts(r.barred.as_ref());
        if n > 1 && !barred.is_empty() {
            report.error(
                &f("barred"),
                format!(
                    "barred cannot be shared by count: {n} subscribers; give each its own entry"
                ),
            );
        }

        let Some(first) = first else { continue };
        // With a bad key the entry is still listed (with zero keys that
        // never leave the checker: there is an error), so its IMSIs are
        // known to duplicate checks and to UEs.
        let (k, opc) = (k.unwrap_or_default(), opc.unwrap_or_default());
        let mut collided = false;
        for i in 0..n {
            let imsi = imsi_at(first, i);
            let msisdn = match &msisdn {
                Some(m) => match add_keep_width(m, i) {
                    Some(m) => m,
                    None => {
                        report.error(
                            &f("msisdn"),
                            format!("count {n} runs past the last {}-digit MSISDN", m.len()),
                        );
                        break;
                    }
                },
                None => format!("1555{}", &imsi[8..]),
            };
            let domain = given_domain
                .clone()
                .unwrap_or_else(|| home_domain(&imsi, &network.plmn));
            let impi_i = impi.clone().unwrap_or_else(|| format!("{imsi}@{domain}"));
            let impus_i = impus
                .clone()
                .unwrap_or_else(|| vec![format!("sip:{impi_i}")]);
            if i == 0 {
                for (j, b) in barred.iter().enumerate() {
                    if !impus_i.contains(b) {
                        report.error(
                            &index(&f("barred"), j),
                            format!(
                                "'{b}' is not a public identity of this subscriber ({})",
                                impus_i.join(", ")
                            ),
                        );
                    }
                }
                if !impus_i.is_empty() && impus_i.iter().all(|u| barred.contains(u)) {
                    report.warn(
                        &f("barred"),
                        "every public identity is barred: the HSS refuses its registration (UAA 5003 DIAMETER_AUTHORIZATION_REJECTED)",
                    );
                }
            }
            if let Some((_, other)) = out.by_imsi.get(&imsi) {
                if !collided {
                    report.error(
                        &f("imsi"),
                        format!(
                            "IMSI {imsi} is already used by {other}{}",
                            line_note(report, other)
                        ),
                    );
                    collided = true;
                }
                continue;
            }
            out.by_imsi
                .insert(imsi.clone(), (out.list.len(), path.clone()));
            out.list.push(Subscriber {
                imsi,
                msisdn,
                k,
                opc,
                sqn,
                apns: apns.clone(),
                ims: Some(Isim {
                    impi: impi_i,
                    impus: impus_i,
                    domain,
                }),
                barred: barred.clone(),
            });
            out.ops.push(op);
        }
    }
    out
}

/// EEA/EIA capabilities: a bitmask (`7`) or algorithms (`[eea0, eea2]`).
fn capabilities(
    report: &mut Report,
    path: &str,
    bits: Option<&Bits>,
    prefix: &str,
    default: u8,
) -> u8 {
    match bits {
        None => default,
        Some(Bits::Mask(m)) => {
            uint(report, path, &Scalar::Int(*m), 0xFF).map_or(default, |v| v as u8)
        }
        Some(Bits::Names(list)) => {
            let mut bits = 0u8;
            for (i, s) in list.iter().enumerate() {
                match algorithm_id(s, prefix) {
                    Some(id) => bits |= 1 << id,
                    None => report.error(
                        &index(path, i),
                        format!("unknown algorithm {} (use {prefix}0 to {prefix}7, or a bitmask with bit n = {prefix}n)", quoted(s)),
                    ),
                }
            }
            bits
        }
    }
}

fn bit_names(bits: u8, prefix: &str) -> String {
    let v: Vec<String> = (0..8)
        .filter(|b| bits & (1 << b) != 0)
        .map(|b| format!("{prefix}{b}"))
        .collect();
    if v.is_empty() {
        "none".into()
    } else {
        v.join(", ")
    }
}

/// An ISIM given in the file (`isim: { impi, impus, domain }`).
fn isim(report: &mut Report, path: &str, r: &RawIsim, imsi: &str, plmn: &Plmn) -> Isim {
    let f = |k: &str| join(path, k);
    let impi = r.impi.as_ref().map(text);
    let realm = impi
        .as_deref()
        .and_then(|i| check_impi(report, &f("impi"), i));
    let domain = r
        .domain
        .as_ref()
        .map(text)
        .or(realm)
        .unwrap_or_else(|| home_domain(imsi, plmn));
    let impi = impi.unwrap_or_else(|| format!("{imsi}@{domain}"));
    let impus = match &r.impus {
        Some(l) => {
            let v = texts(Some(l));
            for (i, u) in v.iter().enumerate() {
                check_impu(report, &index(&f("impus"), i), u);
            }
            v
        }
        None => vec![format!("sip:{impi}")],
    };
    Isim {
        impi,
        impus,
        domain,
    }
}

/// The ISIM's own K/OPc/SQN (`isim: { k, opc | op, sqn }`), each defaulting
/// to the USIM's; `None` when none is given (the ISIM then shares the USIM's
/// keys and SQN sequence). Warns about what a teaching file breaks with it.
fn isim_keys(
    report: &mut Report,
    path: &str,
    r: &RawIsim,
    usim: &Usim,
    sub: Option<(&Subscriber, Option<[u8; 16]>)>,
) -> Option<Usim> {
    if r.k.is_none() && r.opc.is_none() && r.op.is_none() && r.sqn.is_none() {
        return None;
    }
    let f = |k: &str| join(path, k);
    if r.opc.is_some() && r.op.is_some() {
        report.error(&f("op"), "give opc or op, not both");
    }
    let k =
        r.k.as_ref()
            .and_then(|s| key16(report, &f("k"), s))
            .unwrap_or(usim.k);
    let opc = match (
        r.opc.as_ref().and_then(|s| key16(report, &f("opc"), s)),
        r.op.as_ref().and_then(|s| key16(report, &f("op"), s)),
    ) {
        (Some(o), _) => o,
        (None, Some(op)) => *opc_from_op(&K::new(k), &Op::new(op)).as_bytes(),
        // The operator's OP with the ISIM's own K.
        (None, None) => match sub {
            Some((_, Some(op))) if k != usim.k => *opc_from_op(&K::new(k), &Op::new(op)).as_bytes(),
            _ => usim.opc,
        },
    };
    let sqn = r
        .sqn
        .as_ref()
        .and_then(|s| sqn(report, &f("sqn"), s))
        .unwrap_or(usim.sqn);
    if let Some((s, _)) = sub {
        if k != s.k || opc != s.opc {
            let which = if k != s.k { "k" } else { "opc" };
            report.warn(
                &f(which),
                format!("the ISIM's {which} differs from subscriber {}'s: EPS AKA (the USIM) succeeds, but the UE finds the AUTN of the IMS 401 wrong (MAC failure) and the registration ends in 403", s.imsi),
            );
        } else if sqn >= s.sqn {
            report.warn(
                &f("sqn"),
                format!("the ISIM's SQN {sqn} is not below the HSS's next SQN {}: the first IMS challenge ends in a synch failure, the UE answers with auts and the HSS resynchronises (MAR)", s.sqn),
            );
        }
    }
    Some(Usim { k, opc, sqn })
}

/// The address of the `i`-th UE of an entry whose first has `base`.
fn addr_plus(base: IpAddr, i: u64) -> Option<IpAddr> {
    match base {
        IpAddr::V4(a) => u32::try_from(i)
            .ok()
            .and_then(|i| u32::from(a).checked_add(i))
            .map(|v| IpAddr::V4(v.into())),
        IpAddr::V6(a) => u128::from(a)
            .checked_add(u128::from(i))
            .map(|v| IpAddr::V6(v.into())),
    }
}

/// Reads `ues:`; adds every UE to `names`.
pub(crate) fn ues(
    report: &mut Report,
    raw: &[Value],
    network: &Network,
    subs: &Subscribers,
    names: &mut Names,
) -> Vec<UeOut> {
    let mut out = Vec::new();
    let mut by_imsi: HashMap<String, String> = HashMap::new();
    for (e, v) in raw.iter().enumerate() {
        let path = index("ues", e);
        let Some(r) = read_entry::<RawUe>(v, &path, "a UE", report) else {
            continue;
        };
        let f = |k: &str| join(&path, k);
        let n = count(report, &path, r.count.as_ref());
        let first = imsi_range(report, &path, r.imsi.as_ref(), n, &network.plmn);

        // What every UE of the entry shares.
        let enb = names
            .resolve(report, &f("enb"), r.enb.as_ref(), "enb", true)
            .unwrap_or(UNRESOLVED);
        let k = r.k.as_ref().and_then(|s| key16(report, &f("k"), s));
        let opc = r.opc.as_ref().and_then(|s| key16(report, &f("opc"), s));
        let op = r.op.as_ref().and_then(|s| key16(report, &f("op"), s));
        if r.opc.is_some() && r.op.is_some() {
            report.error(&f("op"), "give opc or op, not both");
        }
        let usim_sqn = r.sqn.as_ref().and_then(|s| sqn(report, &f("sqn"), s));
        let apns_given = r.apns.as_ref().map(|l| texts(Some(l)));
        if let Some(a) = &apns_given {
            check_served(report, &f("apns"), a, network);
        }
        let ims = match &r.ims {
            None | Some(Scalar::Bool(false)) => ImsMode::None,
            Some(Scalar::Bool(true)) => ImsMode::Register,
            Some(s) => match text(s).as_str() {
                "register" => ImsMode::Register,
                "none" | "off" => ImsMode::None,
                other => {
                    report.error(
                        &f("ims"),
                        format!(
                            "ims is register or none, got '{other}'{}",
                            suggestion(other, &["register", "none"])
                        ),
                    );
                    ImsMode::None
                }
            },
        };
        let eea = capabilities(report, &f("eea"), r.eea.as_ref(), "eea", DEFAULT_EEA);
        let eia = capabilities(report, &f("eia"), r.eia.as_ref(), "eia", DEFAULT_EIA);
        let requires_ipsec = r.requires_ipsec.unwrap_or(true);
        let imeisv = r
            .imeisv
            .as_ref()
            .and_then(|s| digits(report, &f("imeisv"), s, 16, 16));
        if n > 1 && r.imeisv.is_some() {
            report.error(
                &f("imeisv"),
                format!(
                    "imeisv cannot be shared by count: {n} UEs; leave it out to derive one per UE"
                ),
            );
        }
        if n > 1 && r.isim.is_some() {
            report.error(&f("isim"), format!("isim cannot be shared by count: {n} UEs; leave it out to derive identities from each IMSI"));
        }
        let addr = r
            .addr
            .as_ref()
            .and_then(|s| read::ip(report, &f("addr"), s));
        let name = r.name.as_ref().map(text);
        if let Some(nm) = &name {
            check_name(report, &f("name"), nm);
        }
        check_security(report, &path, network, enb, eea, eia);
        if ims == ImsMode::Register
            && requires_ipsec
            && network.pcscfs().any(|p| p.ipsec == IpsecPolicy::Off)
        {
            report.warn(
                &f("requires_ipsec"),
                "a P-CSCF has ipsec: off but this UE requires IPsec: after the 401 without Security-Server it stays silent",
            );
        }

        let Some(first) = first else { continue };
        let start = out.len();
        let mut missing: Vec<String> = Vec::new();
        let mut outside: Vec<(String, String, Vec<String>)> = Vec::new();
        let mut first_warned = false;
        for i in 0..n {
            let imsi = imsi_at(first, i);
            let sub = subs.get(&imsi);
            if let Some(other) = by_imsi.get(&imsi) {
                report.error(
                    &f("imsi"),
                    format!(
                        "IMSI {imsi} is already used by {other}{}",
                        line_note(report, other)
                    ),
                );
                break;
            }
            by_imsi.insert(imsi.clone(), path.clone());
            let node_name = match &name {
                Some(nm) if n > 1 => format!("{nm}-{}", i + 1),
                Some(nm) => nm.clone(),
                None => format!("ue-{imsi}"),
            };
            let id = NodeId(names.add(report, &node_name, Some("ue"), &path) as u32);

            let usim_k = k.or(sub.map(|(s, _)| s.k));
            let usim_opc = match (opc, op, usim_k, sub) {
                (Some(o), _, _, _) => Some(o),
                (None, Some(op), Some(k), _) => {
                    Some(*opc_from_op(&K::new(k), &Op::new(op)).as_bytes())
                }
                // Same operator OP, possibly another K: derive again.
                (None, None, Some(k), Some((_, Some(sub_op)))) => {
                    Some(*opc_from_op(&K::new(k), &Op::new(sub_op)).as_bytes())
                }
                (None, None, _, Some((s, None))) => Some(s.opc),
                _ => None,
            };
            let (Some(uk), Some(uopc)) = (usim_k, usim_opc) else {
                missing.push(imsi);
                continue;
            };
            if sub.is_none() {
                missing.push(imsi.clone());
            }
            // The subscriber's SQN is the next one the HSS uses; the USIM
            // holds the highest it accepted (TS 33.102 C.2), one less.
            let usim_sqn =
                usim_sqn.unwrap_or_else(|| sub.map_or(0, |(s, _)| s.sqn.saturating_sub(1)));
            if let Some((s, _)) = sub
                && !first_warned
            {
                first_warned = true;
                teaching_warnings(report, &path, &r, s, uk, uopc, usim_sqn);
            }
            let apns = match (&apns_given, sub) {
                (Some(a), _) => a.clone(),
                (None, Some((s, _))) => s.apns.clone(),
                (None, None) => network.served.clone(),
            };
            if let Some((s, _)) = sub {
                for a in &apns {
                    if !s.apns.contains(a) && !outside.iter().any(|(x, _, _)| x == a) {
                        outside.push((a.clone(), s.imsi.clone(), s.apns.clone()));
                    }
                }
            }
            let isim = r
                .isim
                .as_ref()
                .filter(|_| n == 1)
                .map(|raw| isim(report, &f("isim"), raw, &imsi, &network.plmn));
            let usim = Usim {
                k: uk,
                opc: uopc,
                sqn: usim_sqn,
            };
            let isim_keys = r
                .isim
                .as_ref()
                .filter(|_| n == 1)
                .and_then(|raw| isim_keys(report, &f("isim"), raw, &usim, sub));
            if let (Some(isim), Some((s, _))) = (&isim, sub)
                && let Some(si) = &s.ims
                && si.impi != isim.impi
            {
                report.warn(
                    &f("isim"),
                    format!("the ISIM's impi {} differs from the subscriber's {}: the HSS does not know it", isim.impi, si.impi),
                );
            }
            let imeisv = match &imeisv {
                Some(x) if n == 1 => x.clone(),
                _ => format!("{IMEI_TAC}{}01", &imsi[9..]),
            };
            out.push(UeOut {
                id,
                name: node_name,
                addr: addr.and_then(|a| addr_plus(a, i)),
                spec: UeSpec {
                    imsi,
                    imeisv,
                    enb,
                    apns,
                    ims,
                    usim,
                    isim,
                    isim_keys,
                    eea,
                    eia,
                    requires_ipsec,
                },
            });
        }
        report_missing(
            report,
            &path,
            &missing,
            n,
            k.is_some() && (opc.is_some() || op.is_some()),
        );
        for (apn, imsi, allowed) in outside {
            report.warn(
                &f("apns"),
                format!(
                    "APN '{apn}' is not in the subscription of {imsi} (apns: {}): the network rejects that PDN connection",
                    allowed.join(", ")
                ),
            );
        }
        check_paths(report, &path, network, out.get(start).map(|u| &u.spec), n);
        if ims == ImsMode::Register
            && let Some(u) = out.get(start)
            && !u.spec.apns.iter().any(|a| a.eq_ignore_ascii_case("ims"))
        {
            report.warn(
                &f("ims"),
                "ims: register, but this UE opens no ims APN, so it never registers",
            );
        }
    }
    out
}

/// UEs without a subscriber: an error, unless the UE carries its own keys
/// (then it shows the HSS rejecting an unknown IMSI).
fn report_missing(report: &mut Report, path: &str, missing: &[String], n: u64, own_keys: bool) {
    let Some(first) = missing.first() else { return };
    let which = if missing.len() == 1 {
        format!("no subscriber has IMSI {first}")
    } else {
        format!(
            "{} of its {n} IMSIs have no subscriber (the first is {first})",
            missing.len()
        )
    };
    if own_keys {
        report.warn(
            path,
            format!("{which}: the HSS rejects its attach as an unknown subscriber"),
        );
    } else {
        report.error(
            &join(path, "imsi"),
            format!("{which}: add it under subscribers: (or give the UE its own k and opc)"),
        );
    }
}

/// Warnings that explain a teaching case: a USIM that differs from the HSS.
fn teaching_warnings(
    report: &mut Report,
    path: &str,
    r: &RawUe,
    s: &Subscriber,
    k: [u8; 16],
    opc: [u8; 16],
    usim_sqn: u64,
) {
    if k != s.k {
        report.warn(
            &join(path, "k"),
            format!("the USIM's k differs from subscriber {}'s: the UE finds the network's AUTN wrong (MAC failure) and the attach fails", s.imsi),
        );
    } else if opc != s.opc {
        report.warn(
            &join(path, if r.op.is_some() { "op" } else { "opc" }),
            format!("the USIM's OPc differs from subscriber {}'s: the UE finds the network's AUTN wrong (MAC failure) and the attach fails", s.imsi),
        );
    }
    // TS 33.102 C.2: fresh means SQN_MS < SQN <= SQN_MS + delta (2^28).
    if usim_sqn >= s.sqn {
        report.warn(
            &join(path, "sqn"),
            format!(
                "the USIM's SQN {usim_sqn} is not below the HSS's next SQN {}: the first authentication ends in a synch failure, the UE sends AUTS and the HSS resynchronises",
                s.sqn
            ),
        );
    } else if s.sqn - usim_sqn > 1 << 28 {
        report.warn(
            &join(path, "sqn"),
            format!("the HSS's next SQN {} is more than 2^28 above the USIM's {usim_sqn}: the UE rejects it as not fresh (synch failure)", s.sqn),
        );
    }
}

/// NAS algorithms the UE and its MME have in common.
fn check_security(
    report: &mut Report,
    path: &str,
    network: &Network,
    enb: NodeId,
    eea: u8,
    eia: u8,
) {
    let Some(NodeKind::Enb(e)) = network.kind(enb) else {
        return;
    };
    let Some(NodeKind::Mme(m)) = network.kind(e.mme) else {
        return;
    };
    if !m.integrity.is_empty() && !m.integrity.iter().any(|a| eia & (1 << a.id()) != 0) {
        report.warn(
            &join(path, "eia"),
            format!(
                "no integrity algorithm in common with its MME (UE: {}; MME: {}): the Security Mode Command cannot succeed",
                bit_names(eia, "eia"),
                m.integrity.iter().map(|a| format!("eia{}", a.id())).collect::<Vec<_>>().join(", ")
            ),
        );
    }
    if !m.ciphering.is_empty() && !m.ciphering.iter().any(|a| eea & (1 << a.id()) != 0) {
        report.warn(
            &join(path, "eea"),
            format!(
                "no ciphering algorithm in common with its MME (UE: {}; MME: {}): the Security Mode Command cannot succeed",
                bit_names(eea, "eea"),
                m.ciphering.iter().map(|a| format!("eea{}", a.id())).collect::<Vec<_>>().join(", ")
            ),
        );
    }
}

/// The gateway a UE reaches must serve its APNs, with enough addresses.
fn check_paths(report: &mut Report, path: &str, network: &Network, first: Option<&UeSpec>, n: u64) {
    let Some(ue) = first else { return };
    let Some((gw_id, gw)) = network.gateway_of_enb(ue.enb) else {
        return;
    };
    for (i, a) in ue.apns.iter().enumerate() {
        match gw.apns.iter().find(|x| &x.name == a) {
            None if network.served.contains(a) => report.warn(
                &index(&join(path, "apns"), i),
                format!("APN '{a}' is served by a gateway, but not by the one this UE reaches (node {gw_id}): its PDN connection fails"),
            ),
            Some(spec) => {
                if let Some((_, len)) = spec.ipv4_pool
                    && spec.ipv6_prefix.is_none()
                {
                    let usable = (1u64 << (32 - u32::from(len))).saturating_sub(2);
                    if n > usable {
                        report.warn(
                            &index(&join(path, "apns"), i),
                            format!("{n} UEs open APN '{a}' but its pool /{len} has {usable} addresses: the rest are refused"),
                        );
                    }
                }
            }
            None => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn msisdns_count_up_keeping_width() {
        assert_eq!(add_keep_width("15550001", 1).as_deref(), Some("15550002"));
        assert_eq!(add_keep_width("0099", 1).as_deref(), Some("0100"));
        assert_eq!(add_keep_width("999", 1), None);
    }

    #[test]
    fn imsis_keep_leading_zeros() {
        assert_eq!(imsi_at(1_010_000_000_001, 9), "001010000000010");
    }

    #[test]
    fn home_domain_uses_the_imsi_digits() {
        let p = Plmn::new("001", "01").unwrap();
        assert_eq!(
            home_domain("001010000000001", &p),
            "ims.mnc001.mcc001.3gppnetwork.org"
        );
        assert_eq!(
            home_domain("310410000000001", &p),
            "ims.mnc041.mcc310.3gppnetwork.org"
        );
    }

    #[test]
    fn addresses_of_counted_ues_count_up() {
        let a: IpAddr = "10.0.0.255".parse().unwrap();
        assert_eq!(addr_plus(a, 1), Some("10.0.1.0".parse().unwrap()));
        let b: IpAddr = "fd00::1".parse().unwrap();
        assert_eq!(addr_plus(b, 2), Some("fd00::3".parse().unwrap()));
        assert_eq!(addr_plus("255.255.255.255".parse().unwrap(), 1), None);
    }

    #[test]
    fn capability_bits_list_names() {
        assert_eq!(bit_names(DEFAULT_EEA, "eea"), "eea0, eea1, eea2");
        assert_eq!(bit_names(DEFAULT_EIA, "eia"), "eia1, eia2");
        assert_eq!(bit_names(0, "eia"), "none");
    }
}
