//! `scenario:`: what happens when. Each step names a time, a target (`ue:
//! all`, a UE's name or IMSI, or `hss: <node>`) and an action (`do:`), and
//! becomes a [`Step`] carrying a [`Command`].

use super::diag::{Report, index, join, suggestion};
use super::model::{Step, Target};
use super::names::{Names, a};
use super::network::Network;
use super::read::{duration, quoted, read_entry, text};
use super::schema::{RawStep, Scalar};
use super::subscribers::UeOut;
use super::units;
use crate::nodes::{Command, HssCommand, NodeId, UeCommand};
use serde_yaml::Value;
use std::collections::HashMap;
use std::time::Duration;

/// The actions a UE understands.
pub(crate) const UE_ACTIONS: [&str; 7] = [
    "attach",
    "detach",
    "open_pdn",
    "close_pdn",
    "register",
    "deregister",
    "message",
];

/// Reads `scenario:`; without one, every UE attaches at 0s.
pub(crate) fn steps(
    report: &mut Report,
    raw: Option<&[Value]>,
    names: &Names,
    ues: &[UeOut],
    network: &Network,
) -> Vec<Step> {
    let Some(raw) = raw else {
        if ues.is_empty() {
            return Vec::new();
        }
        return vec![Step {
            at: Duration::ZERO,
            target: Target::AllUes,
            command: Command::Ue(UeCommand::Attach),
            rate: None,
        }];
    };
    let by_imsi: HashMap<&str, &UeOut> = ues.iter().map(|u| (u.spec.imsi.as_str(), u)).collect();
    let by_id: HashMap<NodeId, &UeOut> = ues.iter().map(|u| (u.id, u)).collect();
    let lookup = Lookup {
        names,
        by_imsi: &by_imsi,
        by_id: &by_id,
        ues,
    };
    let mut out = Vec::new();
    for (i, v) in raw.iter().enumerate() {
        let path = index("scenario", i);
        let Some(r) = read_entry::<RawStep>(v, &path, "a scenario step", report) else {
            continue;
        };
        if let Some(step) = step(report, &path, &r, &lookup, network) {
            out.push(step);
        }
    }
    out.sort_by_key(|s| s.at);
    out
}

struct Lookup<'a> {
    names: &'a Names,
    by_imsi: &'a HashMap<&'a str, &'a UeOut>,
    by_id: &'a HashMap<NodeId, &'a UeOut>,
    ues: &'a [UeOut],
}

impl Lookup<'_> {
    /// A UE by name or IMSI.
    fn ue(&self, key: &str) -> Result<&UeOut, String> {
        if let Some((i, n)) = self.names.get(key) {
            return match self.by_id.get(&NodeId(i as u32)) {
                Some(u) => Ok(u),
                None => Err(format!(
                    "{key} is {}, not a UE",
                    a(n.kind.unwrap_or("node"))
                )),
            };
        }
        if let Some(u) = self.by_imsi.get(key) {
            return Ok(u);
        }
        let shown: Vec<&str> = self.ues.iter().take(5).map(|u| u.name.as_str()).collect();
        let more = if self.ues.len() > 5 { ", ..." } else { "" };
        Err(format!(
            "no UE is called or has the IMSI '{key}'{} (UEs: {}{more})",
            suggestion(key, &shown),
            if shown.is_empty() {
                "none".into()
            } else {
                shown.join(", ")
            }
        ))
    }
}

fn step(
    report: &mut Report,
    path: &str,
    r: &RawStep,
    lookup: &Lookup<'_>,
    network: &Network,
) -> Option<Step> {
    let f = |k: &str| join(path, k);
    let at = match &r.at {
        Some(s) => duration(report, &f("at"), s)?,
        None => Duration::ZERO,
    };
    let Some(action) = &r.action else {
        report.missing(
            &f("do"),
            format!(
                "missing: say what happens, e.g. do: attach (actions: {})",
                UE_ACTIONS.join(", ")
            ),
        );
        return None;
    };
    let action = text(action);
    let unused = |report: &mut Report, keys: &[(&str, bool)]| {
        for (k, present) in keys {
            if *present {
                report.warn(&f(k), format!("{k} is not used by do: {action}"));
            }
        }
    };

    // An HSS step.
    if let Some(h) = &r.hss {
        if r.ue.is_some() {
            report.error(
                path,
                "a step is for a UE (ue:) or for the HSS (hss:), not both",
            );
            return None;
        }
        let id = lookup
            .names
            .resolve(report, &f("hss"), Some(h), "hss", true);
        if action != "deregister" {
            report.error(
                &f("do"),
                format!("the HSS understands only do: deregister (with impu:), got '{action}'"),
            );
            return None;
        }
        unused(
            report,
            &[
                ("apn", r.apn.is_some()),
                ("to", r.to.is_some()),
                ("text", r.text.is_some()),
                ("rate", r.rate.is_some()),
            ],
        );
        let Some(impu) = &r.impu else {
            report.missing(&f("impu"), "missing: say which public identity the HSS de-registers, e.g. impu: sip:001010000000001@ims.mnc001.mcc001.3gppnetwork.org");
            return None;
        };
        let impu = uri(report, &f("impu"), impu, lookup, network)?;
        return Some(Step {
            at,
            target: Target::Node(id?),
            command: Command::Hss(HssCommand::Deregister { impu }),
            rate: None,
        });
    }

    // A UE step.
    let target = match &r.ue {
        None => Target::AllUes,
        Some(s) if text(s) == "all" => Target::AllUes,
        Some(s) => match lookup.ue(&text(s)) {
            Ok(u) => Target::Node(u.id),
            Err(e) => {
                report.error(&f("ue"), e);
                return None;
            }
        },
    };
    let rate = match (&r.rate, &target) {
        (None, _) => None,
        (Some(_), Target::Node(_)) => {
            report.warn(
                &f("rate"),
                "rate spreads a step over many UEs (ue: all); for one UE it is ignored",
            );
            None
        }
        (Some(s), Target::AllUes) => {
            let t = match s {
                Scalar::Int(_) | Scalar::Float(_) => format!("{}/s", s.text()),
                other => text(other),
            };
            match units::parse_rate(&t) {
                Ok(v) => Some(v),
                Err(e) => {
                    report.error(&f("rate"), e);
                    return None;
                }
            }
        }
    };
    let apn = |report: &mut Report| -> Option<String> {
        let Some(s) = &r.apn else {
            report.missing(
                &f("apn"),
                format!("missing: do: {action} needs an apn, e.g. apn: ims"),
            );
            return None;
        };
        let a = text(s);
        if !network.served.contains(&a) {
            report.warn(
                &f("apn"),
                format!("no gateway serves APN '{a}': the PDN connection will be rejected"),
            );
        }
        Some(a)
    };
    let command = match action.as_str() {
        "attach" | "detach" | "register" | "deregister" => {
            unused(
                report,
                &[
                    ("apn", r.apn.is_some()),
                    ("to", r.to.is_some()),
                    ("text", r.text.is_some()),
                    ("impu", r.impu.is_some()),
                ],
            );
            match action.as_str() {
                "attach" => UeCommand::Attach,
                "detach" => UeCommand::Detach,
                "register" => UeCommand::ImsRegister,
                _ => UeCommand::ImsDeregister,
            }
        }
        "open_pdn" | "close_pdn" => {
            unused(
                report,
                &[
                    ("to", r.to.is_some()),
                    ("text", r.text.is_some()),
                    ("impu", r.impu.is_some()),
                ],
            );
            let a = apn(report)?;
            if action == "open_pdn" {
                UeCommand::OpenPdn(a)
            } else {
                UeCommand::ClosePdn(a)
            }
        }
        "message" => {
            unused(
                report,
                &[("apn", r.apn.is_some()), ("impu", r.impu.is_some())],
            );
            let Some(to) = &r.to else {
                report.missing(
                    &f("to"),
                    "missing: do: message needs to: (a UE's name or IMSI, or a SIP/tel URI)",
                );
                return None;
            };
            let to = uri(report, &f("to"), to, lookup, network)?;
            let text = r.text.as_ref().map(text).unwrap_or_else(|| "hello".into());
            UeCommand::SendMessage { to, text }
        }
        other => {
            report.error(
                &f("do"),
                format!(
                    "unknown action '{other}'{} (actions: {}; for the HSS: deregister)",
                    suggestion(other, &UE_ACTIONS),
                    UE_ACTIONS.join(", ")
                ),
            );
            return None;
        }
    };
    Some(Step {
        at,
        target,
        command: Command::Ue(command),
        rate,
    })
}

/// A public identity: a SIP/tel URI as written, or a UE (name or IMSI)
/// whose default IMPU is taken.
fn uri(
    report: &mut Report,
    path: &str,
    s: &Scalar,
    lookup: &Lookup<'_>,
    network: &Network,
) -> Option<String> {
    let t = text(s);
    if t.starts_with("sip:") || t.starts_with("sips:") || t.starts_with("tel:") {
        return Some(t);
    }
    match lookup.ue(&t) {
        Ok(u) => Some(u.impu(&network.plmn)),
        Err(_) => {
            report.error(
                path,
                format!(
                    "{} is neither a SIP/tel URI nor a UE's name or IMSI",
                    quoted(s)
                ),
            );
            None
        }
    }
}
