//! The JSON-lines log: one object per event, for scripts.

use super::event::Event;
use super::names::NodeNames;
use crate::codec::{display::describe, hex};
use crate::nodes::{NodeEvent, Outcome};
use serde_json::{Value, json};

/// One event as a JSON value; `names` gives node names by id (feed it
/// every event first, so it knows the real peers). ESP SA keys are left
/// out unless `show_keys`.
pub fn event_json(e: &Event, names: &NodeNames) -> Value {
    event_json_with(e, names, false)
}

/// [`event_json`], with ESP SA keys when `show_keys` (teaching topologies).
pub fn event_json_with(e: &Event, names: &NodeNames, show_keys: bool) -> Value {
    let name = |id: crate::nodes::NodeId| names.name(id).to_string();
    match e {
        Event::Peer(p) => json!({
            "t": p.t.as_micros() as f64 / 1e6,
            "type": "peer",
            "node": p.name(),
            "to": name(p.node),
            "iface": p.iface.name(),
            "peer": p.peer.to_string(),
            "local": p.local.to_string(),
        }),
        Event::Message(m) => {
            let d = describe(m.iface, &m.bytes);
            json!({
                "t": m.t.as_micros() as f64 / 1e6,
                "type": "message",
                "from": name(m.from),
                "to": name(m.to),
                "iface": m.iface.name(),
                "protocol": d.protocol,
                "name": d.name,
                "summary": d.summary,
                "imsi": m.imsi.map(|i| format!("{i:015}")),
                "bytes": hex(&m.bytes),
            })
        }
        Event::Node { t, node, event } => {
            let t = t.as_micros() as f64 / 1e6;
            match event {
                NodeEvent::Note { imsi, text } => json!({
                    "t": t, "type": "note", "node": name(*node),
                    "imsi": imsi.map(|i| format!("{i:015}")), "text": text,
                }),
                NodeEvent::EspSa(lines) => {
                    let mut v = json!({
                        "t": t, "type": "esp_sa", "node": name(*node), "sas": lines.0.len(),
                    });
                    if show_keys {
                        v["lines"] = json!(lines.0);
                    }
                    v
                }
                NodeEvent::Counter { name: c, value } => json!({
                    "t": t, "type": "counter", "node": name(*node), "counter": c, "value": value,
                }),
                NodeEvent::Ue(s) => json!({
                    "t": t, "type": "ue", "node": name(*node), "imsi": s.imsi, "emm": s.emm,
                    "outcome": match &s.outcome {
                        Outcome::Pending => "pending".to_string(),
                        Outcome::Reached => "reached".to_string(),
                        Outcome::Failed(r) => format!("failed: {r}"),
                    },
                    "pdns": s.pdns.iter().map(|p| json!({
                        "apn": p.apn, "ebi": p.ebi, "qci": p.qci,
                        "ipv4": p.ipv4.map(|a| a.to_string()),
                        "ipv6": p.ipv6.map(|a| a.to_string()),
                        "pcscf": p.pcscf.iter().map(ToString::to_string).collect::<Vec<_>>(),
                    })).collect::<Vec<_>>(),
                    "ims": s.ims.as_ref().map(|i| json!({
                        "state": i.state, "impu": i.impu, "impi": i.impi,
                        "derived": i.derived, "scscf": i.scscf, "expires": i.expires,
                        "sa": i.sa.map(|(spi_c, spi_s, port_c, port_s)| json!({
                            "spi_c": spi_c, "spi_s": spi_s, "port_c": port_c, "port_s": port_s,
                        })),
                    })),
                }),
            }
        }
    }
}
