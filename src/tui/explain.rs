//! "Why it failed", as data: a table of rules. Each rule matches what a UE
//! reported (its failure reason, its notes) or a message, says in plain
//! words what went wrong, and names the message that shows it so the UI can
//! jump there.
//!
//! Rules match stable substrings of the nodes' own words (a UE's
//! `Outcome::Failed` text, the notes of the UE and the nodes about it), so a
//! new rule is one entry in [`RULES`].

use super::rows::{Row, Rows};
use crate::nodes::Iface;
use std::collections::{HashMap, HashSet};

/// Whether the panel reports a failure or explains something worth seeing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// The UE did not reach its goal.
    Failure,
    /// The run went through something worth explaining (it may still succeed).
    Info,
}

/// One condition of a rule.
#[derive(Debug, Clone, Copy)]
pub enum Cond {
    /// The UE failed and its reason contains this.
    Failed(&'static str),
    /// A note about the UE contains all of these.
    Note(&'static [&'static str]),
    /// The message that just crossed matches.
    Message(fn(&Row) -> bool),
}

/// Which matching message the rule points at.
#[derive(Debug, Clone, Copy)]
pub struct Target {
    /// What it is, in words.
    pub what: &'static str,
    /// The predicate.
    pub find: fn(&Row) -> bool,
    /// Only messages at or after the one that triggered the rule.
    pub after_trigger: bool,
    /// The last match instead of the first.
    pub last: bool,
}

/// One rule.
#[derive(Debug, Clone, Copy)]
pub struct Rule {
    /// The teaching topology it was written for.
    pub topic: &'static str,
    /// Failure or explanation.
    pub severity: Severity,
    /// Every condition must hold.
    pub when: &'static [Cond],
    /// Only in topologies with one of these names (empty: any topology);
    /// for explanations of things that also happen in ordinary runs.
    pub only_in: &'static [&'static str],
    /// The explanation.
    pub text: &'static str,
    /// The message that shows it.
    pub target: Target,
}

fn summary(r: &Row) -> &str {
    r.described().map_or("", |d| d.summary.as_str())
}

fn on_s1(r: &Row, what: &str) -> bool {
    r.iface() == Some(Iface::S1Mme) && summary(r).contains(what)
}

/// SIP on Mw, or inside IP on Uu and SGi (TCP, ESP); not the G-PDUs that
/// carry the same packets on S1-U, so each message is found once per hop
/// that shows SIP.
fn is_sip(r: &Row) -> bool {
    matches!(r.iface(), Some(Iface::Gm | Iface::Mw))
        || r.described().is_some_and(|d| d.protocol.ends_with("SIP"))
}

/// The SIP message's name as the ladder gives it: the method of a request
/// (`REGISTER`), `<code> <reason> (<method>)` of a response; without the
/// `ESP / ` of a message read inside NULL-encrypted ESP.
fn sip_name(r: &Row) -> &str {
    if is_sip(r) {
        r.described().map_or("", |d| {
            d.name.strip_prefix("ESP / ").unwrap_or(d.name.as_str())
        })
    } else {
        ""
    }
}

/// A SIP response with this status code.
fn sip_status(r: &Row, code: &str) -> bool {
    sip_name(r)
        .strip_prefix(code)
        .is_some_and(|rest| rest.starts_with(' '))
}

/// A SIP request of this method.
fn sip_request(r: &Row, method: &str) -> bool {
    sip_name(r) == method
}

fn ims_bearer_request(r: &Row) -> bool {
    on_s1(r, "Activate Default EPS Bearer Context Request") && on_s1(r, "APN ims")
}

fn diameter(r: &Row, iface: Iface, prefix: &str) -> bool {
    r.iface() == Some(iface) && summary(r).starts_with(prefix)
}

/// Where both IMS key mismatches show: the S-CSCF's 403.
const FORBIDDEN_AFTER_CHALLENGE: Target = Target {
    what: "the 403 Forbidden after the challenge",
    find: |r| sip_status(r, "403"),
    after_trigger: false,
    last: false,
};

/// The rules, most specific first: the first failure rule that matches a UE
/// explains it.
pub static RULES: &[Rule] = &[
    Rule {
        topic: "no-pcscf",
        severity: Severity::Failure,
        when: &[Cond::Failed("carries no P-CSCF address")],
        only_in: &[],
        text: "The PDN Connectivity Accept for ims carries no P-CSCF address: the gateway's ims APN has no p_cscf list. The UE asked for P-CSCF addresses in its PCO (containers 0x000C and 0x0001) and the bearer came up, but the answer's PCO has no P-CSCF container. Without one a VoLTE UE has nobody to send its REGISTER to, so it never sends SIP. Fix: give the ims APN a p_cscf list.",
        target: Target {
            what: "the Activate Default EPS Bearer Context Request for ims: its PCO has no P-CSCF address",
            find: ims_bearer_request,
            after_trigger: false,
            last: true,
        },
    },
    Rule {
        topic: "no-second-bearer",
        severity: Severity::Failure,
        when: &[
            Cond::Failed("no answer to PDN Connectivity Request"),
            Cond::Note(&["refused E-RAB"]),
        ],
        only_in: &[],
        text: "The eNB refused the second default bearer: its E-RAB Setup Response lists the ims E-RAB as failed (radio resources not available). The MME deletes the session and never answers the UE's PDN Connectivity Request; the UE retries until T3482 gives up. No IMS bearer, so no IMS registration. An eNB for VoLTE must set up an additional default bearer with E-RAB Setup.",
        target: Target {
            what: "the E-RAB Setup Response with the ims E-RAB in its failed list",
            find: |r| on_s1(r, "E-RABSetupResponse") && on_s1(r, "failed"),
            after_trigger: false,
            last: false,
        },
    },
    Rule {
        topic: "T3482",
        severity: Severity::Failure,
        when: &[Cond::Failed("no answer to PDN Connectivity Request")],
        only_in: &[],
        text: "The network never answered the UE's PDN Connectivity Request: T3482 ran out on every try and the UE gave up (TS 24.301 6.5.1.6). Look for the request on S1 and what the MME did with it.",
        target: Target {
            what: "the last PDN Connectivity Request",
            find: |r| on_s1(r, "PDN Connectivity Request"),
            after_trigger: false,
            last: true,
        },
    },
    Rule {
        topic: "wrong-key",
        severity: Severity::Failure,
        when: &[Cond::Failed("MAC failure")],
        only_in: &[],
        text: "Mutual authentication failed: the UE checked the MAC in the network's AUTN with its own K and found it wrong, so it does not trust this network. It answered Authentication Failure with EMM cause #20 (MAC failure) and the MME ended the attach with Authentication Reject. The USIM's K (or OPc) differs from the one the HSS holds.",
        target: Target {
            what: "the Authentication Failure with EMM cause #20 (MAC failure)",
            find: |r| on_s1(r, "Authentication Failure"),
            after_trigger: false,
            last: false,
        },
    },
    Rule {
        topic: "missing-ims-apn",
        severity: Severity::Failure,
        when: &[Cond::Failed("PDN Connectivity Reject for ims")],
        only_in: &[],
        text: "The MME rejected the PDN connection to ims with ESM cause #27 (missing or unknown APN): the subscription the HSS sent in the Update Location Answer (APN-Configuration-Profile) does not list ims, although the gateway serves it. No IMS bearer, no IMS registration. Fix: add ims to the subscriber's apns.",
        target: Target {
            what: "the PDN Connectivity Reject (ESM cause #27)",
            find: |r| on_s1(r, "PDN Connectivity Reject"),
            after_trigger: false,
            last: false,
        },
    },
    Rule {
        topic: "no-ipsec",
        severity: Severity::Failure,
        when: &[Cond::Failed("without Security-Server")],
        only_in: &[],
        text: "The UE got a 401 without Security-Server and stopped: it requires IPsec, as real handsets do, but the P-CSCF offered no security agreement (ipsec: off). Answering would send its REGISTER unprotected, so the UE stays silent.",
        target: Target {
            what: "the 401 Unauthorized without Security-Server",
            find: |r| sip_status(r, "401"),
            after_trigger: false,
            last: false,
        },
    },
    Rule {
        topic: "unknown-impu",
        severity: Severity::Failure,
        when: &[Cond::Failed("403 Forbidden to the initial REGISTER")],
        only_in: &[],
        text: "The HSS does not know the public identity the UE registers: the I-CSCF's User-Authorization-Request was answered with Experimental-Result 5001 (DIAMETER_ERROR_USER_UNKNOWN), and the I-CSCF turned that into 403 Forbidden to the first REGISTER. Check the IMPU the UE uses against the subscriber's identities in the HSS.",
        target: Target {
            what: "the UAA with 5001, which becomes the 403",
            find: |r| {
                (diameter(r, Iface::Cx, "UAA") && summary(r).contains("5001"))
                    || sip_status(r, "403")
            },
            after_trigger: false,
            last: false,
        },
    },
    Rule {
        topic: "ims-wrong-key",
        severity: Severity::Failure,
        when: &[Cond::Failed("AUTN wrong")],
        only_in: &[],
        text: "Mutual authentication failed in IMS: the UE checked the MAC of the AUTN in the 401's nonce with its ISIM's key and found it wrong, so it does not trust this IMS network. It installed no SAs and answered with an empty response and no auts (TS 24.229 5.1.1.5.3); the S-CSCF took that as a failed authentication and sent 403 Forbidden. The ISIM's K (or OPc) differs from the one the HSS holds, although the USIM's was right for the attach.",
        target: FORBIDDEN_AFTER_CHALLENGE,
    },
    Rule {
        topic: "ims-wrong-key",
        severity: Severity::Failure,
        when: &[Cond::Failed("403 Forbidden after AKA")],
        only_in: &[],
        text: "The S-CSCF refused the UE after the AKA challenge (403 Forbidden): the RES the UE computed from the 401's nonce does not match the XRES of the vector the HSS sent in the MAA, so the keys of the UE and the HSS differ.",
        target: FORBIDDEN_AFTER_CHALLENGE,
    },
    Rule {
        topic: "ims-wrong-key",
        severity: Severity::Failure,
        when: &[Cond::Failed("invalid challenge")],
        only_in: &[],
        text: "The UE refused the network's IMS challenges: the AUTN in the 401's nonce failed its check again and again, so the UE cannot authenticate the IMS network and stops (TS 24.229 5.1.1.5.3). The keys of the UE and the HSS differ.",
        target: Target {
            what: "the first 401 Unauthorized",
            find: |r| sip_status(r, "401"),
            after_trigger: false,
            last: false,
        },
    },
    Rule {
        topic: "sqn-resync",
        severity: Severity::Info,
        when: &[Cond::Note(&["synch failure"])],
        only_in: &[],
        text: "Synch failure, then resynchronisation (TS 33.102 6.3.5): the USIM had already accepted a higher SQN than the one in the network's AUTN, so it answered Authentication Failure with cause #21 and an AUTS carrying its own SQN. The MME asked the HSS again with Re-Synchronization-Info; the HSS moved its SQN past the USIM's and the second challenge succeeds.",
        target: Target {
            what: "the Authentication Failure with cause #21 (synch failure) and its AUTS",
            find: |r| on_s1(r, "Authentication Failure"),
            after_trigger: false,
            last: false,
        },
    },
    Rule {
        topic: "ims-sqn-resync",
        severity: Severity::Info,
        when: &[Cond::Note(&["asked for resynchronisation"])],
        only_in: &[],
        text: "IMS AKA resynchronisation: the SQN in the 401's AUTN was one the USIM had already seen, so the UE answered the challenge with an empty response and an auts parameter (TS 24.229 5.1.1.5.3). The S-CSCF sends the AUTS to the HSS in a MAR, gets a fresh vector and challenges again; the registration then succeeds.",
        target: Target {
            what: "the REGISTER that carries the auts",
            find: |r| sip_request(r, "REGISTER"),
            after_trigger: true,
            last: false,
        },
    },
    Rule {
        topic: "ipv6-only-ims",
        severity: Severity::Info,
        when: &[Cond::Note(&["PDN ims up", "IPv4 none"])],
        only_in: &[],
        text: "The ims PDN is IPv6 only: the UE asked for IPv4v6, but the gateway has no IPv4 pool for ims, so it granted IPv6 (ESM cause #51, PDN type IPv6 only allowed) with an interface identifier, and returned the P-CSCF in PCO container 0x0001 (P-CSCF IPv6 Address). SIP runs over IPv6.",
        target: Target {
            what: "the Activate Default EPS Bearer Context Request for ims with the P-CSCF IPv6 address",
            find: ims_bearer_request,
            after_trigger: false,
            last: true,
        },
    },
    Rule {
        topic: "admin-deregister",
        severity: Severity::Info,
        when: &[Cond::Message(|r| diameter(r, Iface::Cx, "RTR"))],
        only_in: &[],
        text: "The HSS ended the registration administratively: it sent a Registration-Termination-Request (RTR) to the S-CSCF (TS 29.229 6.1.3; the HSS starts it, never the S-CSCF). The S-CSCF answers RTA, removes the binding and tells the UE with a NOTIFY of the reg event.",
        target: Target {
            what: "the RTR from the HSS",
            find: |r| diameter(r, Iface::Cx, "RTR"),
            after_trigger: true,
            last: false,
        },
    },
    Rule {
        topic: "no-isim",
        severity: Severity::Info,
        when: &[Cond::Note(&["derived from the IMSI"])],
        only_in: &["no-isim"],
        text: "This UE has no ISIM: it derives its private identity <IMSI>@ims.mnc<MNC>.mcc<MCC>.3gppnetwork.org and a temporary public identity sip:<the same> from the IMSI (TS 23.003 13.3, 13.4B) and registers with those. The HSS must know them.",
        target: Target {
            what: "the first REGISTER, with the derived identities",
            find: |r| sip_request(r, "REGISTER"),
            after_trigger: false,
            last: false,
        },
    },
    Rule {
        topic: "sms-over-ims",
        severity: Severity::Info,
        when: &[Cond::Message(|r| sip_request(r, "MESSAGE"))],
        only_in: &["sms-over-ims", "two-ues"],
        text: "A SIP MESSAGE from one UE to another (RFC 3428): it goes to the sender's S-CSCF, the I-CSCF asks the HSS where the recipient is registered (Cx LIR/LIA), and the recipient's S-CSCF delivers it through its P-CSCF; the 200 OK comes back the same way.",
        target: Target {
            what: "the MESSAGE",
            find: |r| sip_request(r, "MESSAGE"),
            after_trigger: true,
            last: false,
        },
    },
];

/// What the panel shows.
#[derive(Debug, Clone)]
pub struct Explanation {
    /// The rule (None: a failure no rule knows).
    pub rule: Option<usize>,
    /// Failure or explanation.
    pub severity: Severity,
    /// The explanation.
    pub text: String,
    /// The UE's own words, when it failed.
    pub reason: Option<String>,
    /// The first subscriber it happened to.
    pub imsi: Option<u64>,
    /// How many subscribers it happened to.
    pub count: usize,
    /// What the target message is, in words.
    pub target_what: &'static str,
    /// The row to jump to, once found.
    pub target: Option<u64>,
    /// The row that triggered it (messages from here on for `after_trigger`).
    pub since: u64,
    find: Option<Target>,
}

/// What the explainer knows about one UE when it checks the rules.
#[derive(Debug, Clone, Copy)]
pub struct Facts<'a> {
    /// The subscriber.
    pub imsi: Option<u64>,
    /// The UE's failure reason, if it failed.
    pub failed: Option<&'a str>,
    /// Notes about it so far.
    pub notes: &'a [String],
}

/// Fires rules and keeps the explanations.
#[derive(Debug, Default)]
pub struct Explainer {
    /// Explanations, in the order they appeared.
    pub list: Vec<Explanation>,
    by_rule: HashMap<usize, usize>,
    by_reason: HashMap<String, usize>,
    seen: HashSet<(usize, Option<u64>)>,
    failed_seen: HashSet<u64>,
    has_message_rules: bool,
}

fn holds(c: &Cond, f: &Facts<'_>, msg: Option<&Row>) -> bool {
    match c {
        Cond::Failed(s) => f.failed.is_some_and(|r| r.contains(s)),
        Cond::Note(all) => f.notes.iter().any(|n| all.iter().all(|s| n.contains(s))),
        Cond::Message(p) => msg.is_some_and(p),
    }
}

fn search(rows: &Rows, imsi: Option<u64>, t: &Target, since: u64) -> Option<u64> {
    let ok = |r: &&Row| {
        r.message().is_some()
            && (imsi.is_none() || r.imsi.is_none() || r.imsi == imsi)
            && (!t.after_trigger || r.seq >= since)
            && (t.find)(r)
    };
    if t.last {
        rows.iter().rev().find(ok).map(|r| r.seq)
    } else {
        rows.iter().find(ok).map(|r| r.seq)
    }
}

impl Explainer {
    /// An explainer with no explanation yet.
    pub fn new() -> Self {
        Self {
            has_message_rules: RULES
                .iter()
                .any(|r| r.when.iter().any(|c| matches!(c, Cond::Message(_)))),
            ..Self::default()
        }
    }

    /// Checks the rules for `facts`, with `msg` the message that just
    /// crossed (if that is what happened) and `at` the row of the trigger.
    /// Returns the index of an explanation created now.
    pub fn check(
        &mut self,
        topology: &str,
        facts: Facts<'_>,
        msg: Option<&Row>,
        at: u64,
        rows: &Rows,
    ) -> Option<usize> {
        if msg.is_some() && !self.has_message_rules {
            return None;
        }
        let mut created = None;
        let mut failure_explained = false;
        for (i, rule) in RULES.iter().enumerate() {
            if rule.severity == Severity::Failure && failure_explained {
                continue;
            }
            if !rule.only_in.is_empty() && !rule.only_in.contains(&topology) {
                continue;
            }
            // A message rule fires on its message only; other rules never
            // fire on a message.
            let wants_msg = rule.when.iter().any(|c| matches!(c, Cond::Message(_)));
            if wants_msg != msg.is_some() {
                continue;
            }
            if !rule.when.iter().all(|c| holds(c, &facts, msg)) {
                continue;
            }
            if rule.severity == Severity::Failure {
                failure_explained = true;
            }
            if !self.seen.insert((i, facts.imsi)) {
                continue;
            }
            if let Some(&e) = self.by_rule.get(&i) {
                self.list[e].count += 1;
                continue;
            }
            let target = search(rows, facts.imsi, &rule.target, at);
            self.list.push(Explanation {
                rule: Some(i),
                severity: rule.severity,
                text: rule.text.to_string(),
                reason: facts.failed.map(str::to_string),
                imsi: facts.imsi,
                count: 1,
                target_what: rule.target.what,
                target,
                since: at,
                find: Some(rule.target),
            });
            self.by_rule.insert(i, self.list.len() - 1);
            created.get_or_insert(self.list.len() - 1);
        }
        if let (Some(reason), Some(imsi), false) = (facts.failed, facts.imsi, failure_explained)
            && self.failed_seen.insert(imsi)
        {
            if let Some(&e) = self.by_reason.get(reason) {
                self.list[e].count += 1;
            } else if self.by_reason.len() < 32 {
                let target = rows
                    .iter()
                    .rev()
                    .take(20_000)
                    .find(|r| r.message().is_some() && r.imsi == Some(imsi))
                    .map(|r| r.seq);
                self.list.push(Explanation {
                    rule: None,
                    severity: Severity::Failure,
                    text: format!("The UE did not reach its goal: {reason}."),
                    reason: Some(reason.to_string()),
                    imsi: Some(imsi),
                    count: 1,
                    target_what: "the last message about this UE",
                    target,
                    since: at,
                    find: None,
                });
                self.by_reason
                    .insert(reason.to_string(), self.list.len() - 1);
                created.get_or_insert(self.list.len() - 1);
            }
        }
        created
    }

    /// A new message row: explanations still looking for their message
    /// check it. Returns the explanations that found their target now.
    pub fn resolve(&mut self, row: &Row) -> Vec<usize> {
        let mut found = Vec::new();
        for (i, e) in self.list.iter_mut().enumerate() {
            if e.target.is_some() {
                continue;
            }
            let Some(t) = e.find else { continue };
            if (e.imsi.is_none() || row.imsi.is_none() || row.imsi == e.imsi)
                && (!t.after_trigger || row.seq >= e.since)
                && (t.find)(row)
            {
                e.target = Some(row.seq);
                found.push(i);
            }
        }
        found
    }

    /// True while some explanation still looks for its message.
    pub fn pending(&self) -> bool {
        self.list
            .iter()
            .any(|e| e.target.is_none() && e.find.is_some())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::events::event::MessageEvent;
    use crate::nodes::{NodeId, Time};
    use crate::tui::rows::RowKind;
    use bytes::Bytes;

    fn push(rows: &mut Rows, iface: Iface, bytes: Vec<u8>) -> u64 {
        rows.push(
            Time::ZERO,
            Some(1),
            RowKind::Message(MessageEvent {
                t: Time::ZERO,
                from: NodeId(0),
                to: NodeId(1),
                iface,
                stream: 0,
                imsi: Some(1),
                bytes: Bytes::from(bytes),
            }),
        )
    }

    /// A whole SIP message with this start line, on Mw.
    fn sip_message(first: &str, method: &str) -> Vec<u8> {
        format!(
            "{first}\r\nVia: SIP/2.0/UDP p;branch=z9hG4bK1\r\nFrom: <sip:a@ims>;tag=1\r\nTo: <sip:a@ims>\r\nCall-ID: c\r\nCSeq: 1 {method}\r\nContent-Length: 0\r\n\r\n"
        )
        .into_bytes()
    }

    fn sip(rows: &mut Rows, first: &str) -> u64 {
        push(rows, Iface::Mw, sip_message(first, "REGISTER"))
    }

    fn failed(reason: &str) -> Facts<'_> {
        Facts {
            imsi: Some(1),
            failed: Some(reason),
            notes: &[],
        }
    }

    fn topic(x: &Explainer, i: usize) -> &'static str {
        x.list[i].rule.map_or("-", |r| RULES[r].topic)
    }

    #[test]
    fn explainer_points_ims_failures_at_the_sip_answer() {
        let mut rows = Rows::new(100);
        sip(
            &mut rows,
            "REGISTER sip:ims.mnc001.mcc001.3gppnetwork.org SIP/2.0",
        );
        let r401 = sip(&mut rows, "SIP/2.0 401 Unauthorized");
        sip(
            &mut rows,
            "REGISTER sip:ims.mnc001.mcc001.3gppnetwork.org SIP/2.0",
        );
        let r403 = sip(&mut rows, "SIP/2.0 403 Forbidden");
        for (reason, want, target) in [
            (
                "The UE got a 401 without Security-Server and stopped: it requires IPsec (the P-CSCF has ipsec: off)",
                "no-ipsec",
                r401,
            ),
            ("403 Forbidden after AKA: Forbidden", "ims-wrong-key", r403),
            (
                "403 Forbidden to the initial REGISTER: Forbidden",
                "unknown-impu",
                r403,
            ),
            (
                "The UE stopped after a third invalid challenge in a row (TS 24.229 5.1.1.5.3): x",
                "ims-wrong-key",
                r401,
            ),
        ] {
            let mut x = Explainer::new();
            let i = x.check("t", failed(reason), None, 9, &rows).unwrap();
            assert_eq!(topic(&x, i), want, "{reason}");
            assert_eq!(x.list[i].severity, Severity::Failure);
            assert_eq!(x.list[i].target, Some(target), "{reason}");
        }
    }

    #[test]
    fn explainer_finds_the_register_after_an_ims_resync_note() {
        let mut rows = Rows::new(100);
        sip(&mut rows, "REGISTER sip:ims SIP/2.0");
        sip(&mut rows, "SIP/2.0 401 Unauthorized");
        let notes = vec![
            "the UE found the SQN of the 401's AUTN out of range (its SQN_MS is 9) and asked for resynchronisation; it answers with a REGISTER with auts".to_string(),
        ];
        let at = rows.push(
            Time::ZERO,
            Some(1),
            RowKind::Note {
                node: NodeId(0),
                text: notes[0].clone(),
            },
        );
        let mut x = Explainer::new();
        let f = Facts {
            imsi: Some(1),
            failed: None,
            notes: &notes,
        };
        let i = x.check("t", f, None, at, &rows).unwrap();
        assert_eq!(topic(&x, i), "ims-sqn-resync");
        // The REGISTER with auts comes after the note.
        assert_eq!(x.list[i].target, None);
        let seq = sip(&mut rows, "REGISTER sip:ims SIP/2.0");
        assert_eq!(x.resolve(rows.get(seq).unwrap()), vec![i]);
        assert_eq!(x.list[i].target, Some(seq));
    }

    #[test]
    fn explainer_explains_an_rtr_and_a_message_where_they_cross() {
        let refs: Vec<serde_json::Value> =
            serde_json::from_str(include_str!("../../tests/fixtures/flow-refs.json")).unwrap();
        let rtr = refs.iter().find(|e| e["name"] == "cx_rtr").unwrap();
        let bytes = crate::codec::parse_hex(rtr["hex"].as_str().unwrap()).unwrap();
        let mut rows = Rows::new(100);
        let seq = push(&mut rows, Iface::Cx, bytes);
        let mut x = Explainer::new();
        let f = Facts {
            imsi: Some(1),
            failed: None,
            notes: &[],
        };
        let i = x.check("t", f, rows.get(seq), seq, &rows).unwrap();
        assert_eq!(topic(&x, i), "admin-deregister");
        assert_eq!(x.list[i].target, Some(seq));
        assert!(x.list[i].text.contains("never the S-CSCF"));
        let m = push(
            &mut rows,
            Iface::Mw,
            sip_message("MESSAGE sip:bob@ims SIP/2.0", "MESSAGE"),
        );
        assert_eq!(x.check("default", f, rows.get(m), m, &rows), None);
        let i = x.check("two-ues", f, rows.get(m), m, &rows).unwrap();
        assert_eq!(topic(&x, i), "sms-over-ims");
        assert_eq!(x.list[i].target, Some(m));
    }

    #[test]
    fn rules_cover_every_teaching_topology() {
        for topic in [
            "no-pcscf",
            "no-second-bearer",
            "wrong-key",
            "sqn-resync",
            "missing-ims-apn",
            "ipv6-only-ims",
            "no-ipsec",
            "ims-wrong-key",
            "unknown-impu",
            "ims-sqn-resync",
            "admin-deregister",
            "no-isim",
            "sms-over-ims",
        ] {
            assert!(
                RULES.iter().any(|r| r.topic == topic),
                "no rule for {topic}"
            );
        }
        for r in RULES {
            assert!(!r.when.is_empty(), "{}", r.topic);
            assert!(r.text.len() > 80, "{}", r.topic);
        }
    }

    #[test]
    fn explainer_fires_once_per_rule_and_counts_more_ues() {
        let rows = Rows::new(10);
        let mut x = Explainer::new();
        let reason =
            "network sent Authentication Reject after Authentication Failure #20 (MAC failure)";
        let f = |imsi| Facts {
            imsi: Some(imsi),
            failed: Some(reason),
            notes: &[],
        };
        assert_eq!(x.check("t", f(1), None, 0, &rows), Some(0));
        assert_eq!(x.check("t", f(1), None, 1, &rows), None);
        assert_eq!(x.check("t", f(2), None, 2, &rows), None);
        assert_eq!(x.list.len(), 1);
        assert_eq!(x.list[0].count, 2);
        assert_eq!(x.list[0].severity, Severity::Failure);
        assert!(x.list[0].text.contains("EMM cause #20"));
        // Not found yet: still looking.
        assert!(x.pending());
    }

    #[test]
    fn explainer_explains_unknown_failures_in_the_ues_words() {
        let rows = Rows::new(10);
        let mut x = Explainer::new();
        let f = Facts {
            imsi: Some(7),
            failed: Some("something odd"),
            notes: &[],
        };
        assert_eq!(x.check("t", f, None, 0, &rows), Some(0));
        assert_eq!(x.list[0].rule, None);
        assert_eq!(
            x.list[0].text,
            "The UE did not reach its goal: something odd."
        );
    }

    #[test]
    fn explainer_needs_every_condition_and_honours_only_in() {
        let rows = Rows::new(10);
        let mut x = Explainer::new();
        let reason = "no answer to PDN Connectivity Request for ims after 5 tries (T3482)";
        let notes = vec!["eNB enb1 refused E-RAB 6 for ims".to_string()];
        let without = Facts {
            imsi: Some(1),
            failed: Some(reason),
            notes: &[],
        };
        x.check("t", without, None, 0, &rows);
        assert_eq!(x.list[0].rule.map(|r| RULES[r].topic), Some("T3482"));
        let with = Facts {
            imsi: Some(2),
            failed: Some(reason),
            notes: &notes,
        };
        x.check("t", with, None, 0, &rows);
        assert_eq!(
            x.list[1].rule.map(|r| RULES[r].topic),
            Some("no-second-bearer")
        );
        let derived = vec!["IMS identities derived from the IMSI (no ISIM)".to_string()];
        let f = Facts {
            imsi: Some(3),
            failed: None,
            notes: &derived,
        };
        assert_eq!(x.check("default", f, None, 0, &rows), None);
        assert!(x.check("no-isim", f, None, 0, &rows).is_some());
    }
}
