//! One message opened for reading: its decoded tree flattened into lines,
//! every span made absolute in the message's own bytes so the hex view can
//! highlight the field under the cursor.
//!
//! The NAS tree inside an S1AP PDU (or a Uu frame) has spans relative to the
//! NAS PDU; they are moved to the NAS PDU's offset in the outer bytes (the
//! NAS-PDU is an octet-aligned OCTET STRING in APER, so its bytes appear
//! verbatim in the PDU).

use crate::codec::s1ap::S1apMessage;
use crate::codec::{Field, display};
use crate::nodes::{Iface, UuFrame};
use bytes::Bytes;

/// How a line is singled out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// Nothing special.
    Plain,
    /// Inside Protocol Configuration Options.
    Pco,
    /// A P-CSCF address container.
    Pcscf,
}

/// One line of the flattened tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TreeLine {
    /// Nesting depth (0 = root).
    pub depth: usize,
    /// Field name.
    pub name: String,
    /// Field value (may be empty for groups).
    pub value: String,
    /// Byte range in the message, when known.
    pub span: Option<(usize, usize)>,
    /// Highlight class.
    pub mark: Mark,
}

/// A decoded message.
#[derive(Debug, Clone)]
pub struct Inspected {
    /// The flattened tree (empty if it did not decode).
    pub lines: Vec<TreeLine>,
    /// Why it did not decode, if it did not.
    pub error: Option<String>,
    /// The message bytes.
    pub bytes: Bytes,
}

impl Inspected {
    /// Decodes `bytes` that crossed `iface`.
    pub fn new(iface: Iface, bytes: Bytes) -> Self {
        match display::tree(iface, &bytes) {
            Ok(mut tree) => {
                absolute_spans(iface, &bytes, &mut tree);
                let mut lines = Vec::new();
                flatten(&tree, 0, Mark::Plain, &mut lines);
                Self {
                    lines,
                    error: None,
                    bytes,
                }
            }
            Err(e) => Self {
                lines: Vec::new(),
                error: Some(e.to_string()),
                bytes,
            },
        }
    }

    /// The first line carrying a P-CSCF address, if any.
    pub fn first_pcscf(&self) -> Option<usize> {
        self.lines.iter().position(|l| l.mark == Mark::Pcscf)
    }

    /// Where the cursor starts: the first P-CSCF address, else the PCO,
    /// else the first cause (what a reject or failure is about), else the
    /// root.
    pub fn start(&self) -> usize {
        self.first_pcscf()
            .or_else(|| self.lines.iter().position(|l| l.mark == Mark::Pco))
            .or_else(|| {
                self.lines
                    .iter()
                    .position(|l| l.name.to_ascii_lowercase().contains("cause"))
            })
            .unwrap_or(0)
    }
}

fn flatten(f: &Field, depth: usize, inherited: Mark, out: &mut Vec<TreeLine>) {
    let lower = f.name.to_ascii_lowercase();
    let mark = if lower.starts_with("p-cscf") && lower.contains("address") {
        Mark::Pcscf
    } else if lower.contains("protocol configuration options") {
        Mark::Pco
    } else {
        inherited
    };
    out.push(TreeLine {
        depth,
        name: f.name.clone(),
        value: f.value.clone(),
        span: f.span,
        mark,
    });
    // Children of a P-CSCF container (ID, length) stay PCO-coloured: the
    // container line itself carries the address.
    let below = if mark == Mark::Pcscf { Mark::Pco } else { mark };
    for c in &f.children {
        flatten(c, depth + 1, below, out);
    }
}

fn shift(f: &mut Field, by: usize) {
    if let Some((a, b)) = f.span {
        f.span = Some((a + by, b + by));
    }
    for c in &mut f.children {
        shift(c, by);
    }
}

fn find_bytes(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    if needle.is_empty() || from > hay.len() {
        return None;
    }
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

/// The NAS PDUs of an S1AP message, in the order the tree shows them.
fn s1ap_nas_pdus(m: &S1apMessage) -> Vec<&[u8]> {
    match m {
        S1apMessage::InitialUeMessage(m) => vec![&m.nas_pdu],
        S1apMessage::DownlinkNasTransport(m) => vec![&m.nas_pdu],
        S1apMessage::UplinkNasTransport(m) => vec![&m.nas_pdu],
        S1apMessage::InitialContextSetupRequest(m) => m
            .erabs
            .iter()
            .filter_map(|e| e.nas_pdu.as_deref())
            .collect(),
        S1apMessage::ErabSetupRequest(m) => m
            .erabs
            .iter()
            .filter_map(|e| e.nas_pdu.as_deref())
            .collect(),
        S1apMessage::ErabReleaseCommand(m) => m.nas_pdu.as_deref().into_iter().collect(),
        _ => Vec::new(),
    }
}

/// Visits the "NAS-PDU" groups depth first.
fn nas_groups<'a>(f: &'a mut Field, out: &mut Vec<&'a mut Field>) {
    if f.name == "NAS-PDU" {
        out.push(f);
        return;
    }
    for c in &mut f.children {
        nas_groups(c, out);
    }
}

/// Makes the spans of nested NAS trees absolute in `bytes`.
fn absolute_spans(iface: Iface, bytes: &[u8], tree: &mut Field) {
    match iface {
        Iface::S1Mme => {
            let Ok(m) = S1apMessage::decode(bytes) else {
                return;
            };
            let pdus = s1ap_nas_pdus(&m);
            let mut groups = Vec::new();
            nas_groups(tree, &mut groups);
            let mut from = 0;
            for (g, pdu) in groups.into_iter().zip(pdus) {
                let Some(at) = find_bytes(bytes, pdu, from) else {
                    continue;
                };
                from = at + pdu.len();
                for c in &mut g.children {
                    shift(c, at);
                }
                g.span = Some((at, at + pdu.len()));
            }
        }
        Iface::Uu => {
            let Ok(UuFrame::Connect { nas, .. } | UuFrame::Nas(nas)) =
                UuFrame::decode(&Bytes::copy_from_slice(bytes))
            else {
                return;
            };
            // The NAS PDU ends the frame.
            let at = bytes.len().saturating_sub(nas.len());
            if tree.name == "NAS-EPS" {
                shift(tree, at);
            } else if let Some(n) = tree.children.iter_mut().find(|c| c.name == "NAS-EPS") {
                shift(n, at);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::events::event::Event;
    use crate::sim::Sim;
    use crate::topology::load_from_str;

    fn default_messages() -> Vec<crate::events::event::MessageEvent> {
        let topo = load_from_str(include_str!("../../topologies/default.yaml"))
            .unwrap()
            .topology;
        let mut sim = Sim::new(topo.latency);
        for (id, n) in crate::run::build_nodes(&topo).0 {
            sim.add(id, n);
        }
        for (t, n, c) in crate::sim::scenario::timetable(&topo) {
            sim.schedule(t, n, c);
        }
        sim.run_until_time(crate::nodes::Time::from_millis(40));
        sim.drain_events()
            .into_iter()
            .filter_map(|e| match e {
                Event::Message(m) => Some(m),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn inspect_puts_the_pcscf_address_of_the_erab_setup_at_its_bytes() {
        let msgs = default_messages();
        let m = msgs
            .iter()
            .find(|m| {
                m.iface == Iface::S1Mme
                    && display::describe(m.iface, &m.bytes)
                        .name
                        .starts_with("E-RABSetupRequest")
            })
            .unwrap();
        let ins = Inspected::new(m.iface, m.bytes.clone());
        let i = ins.first_pcscf().expect("a P-CSCF line");
        let line = &ins.lines[i];
        assert_eq!(line.name, "P-CSCF IPv4 Address");
        assert!(line.value.contains("10.46.0.1"), "{}", line.value);
        let (a, b) = line.span.unwrap();
        // Container 0x000C, length 4, 10.46.0.1.
        assert_eq!(&ins.bytes[a..b], &[0x00, 0x0c, 0x04, 10, 46, 0, 1]);
        // The NAS-PDU group covers its bytes too.
        let nas = ins.lines.iter().find(|l| l.name == "NAS-PDU").unwrap();
        let (na, nb) = nas.span.unwrap();
        assert!(na < a && b <= nb && nb <= ins.bytes.len());
        assert!(ins.lines.iter().any(|l| l.mark == Mark::Pco));
    }

    #[test]
    fn inspect_maps_nas_spans_inside_uu_frames() {
        let msgs = default_messages();
        let m = msgs
            .iter()
            .find(|m| {
                m.iface == Iface::Uu
                    && display::describe(m.iface, &m.bytes)
                        .name
                        .starts_with("Activate Default EPS Bearer Context Request")
                    && display::describe(m.iface, &m.bytes)
                        .summary
                        .contains("APN ims")
            })
            .unwrap();
        let ins = Inspected::new(m.iface, m.bytes.clone());
        let l = &ins.lines[ins.first_pcscf().unwrap()];
        let (a, b) = l.span.unwrap();
        assert_eq!(&ins.bytes[a..b], &[0x00, 0x0c, 0x04, 10, 46, 0, 1]);
    }

    #[test]
    fn inspect_reports_garbage_without_panicking() {
        let ins = Inspected::new(Iface::S1Mme, Bytes::from_static(&[0xff, 0x01]));
        assert!(ins.lines.is_empty());
        assert!(ins.error.is_some());
        assert_eq!(find_bytes(b"abc", b"", 0), None);
        assert_eq!(find_bytes(b"abcbc", b"bc", 2), Some(3));
        assert_eq!(find_bytes(b"abc", b"c", 9), None);
    }
}
