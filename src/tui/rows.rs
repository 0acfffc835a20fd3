//! The ladder's rows as a bounded ring (the oldest rows go once it is full)
//! plus the index of the rows the current filter lets through, so drawing
//! touches only the visible window whatever the number of UEs.

use crate::codec::display::{Described, describe};
use crate::codec::gtpu;
use crate::events::event::MessageEvent;
use crate::nodes::{Iface, NodeId, Time, UuFrame};
use bytes::Bytes;
use std::cell::OnceCell;
use std::collections::VecDeque;

/// What a row shows.
#[derive(Debug, Clone)]
pub enum RowKind {
    /// A message that crossed an interface.
    Message(MessageEvent),
    /// A node's note.
    Note {
        /// Who wrote it.
        node: NodeId,
        /// What it says.
        text: String,
    },
}

/// One ladder row.
#[derive(Debug)]
pub struct Row {
    /// Sequence number (never reused, also after the ring drops old rows).
    pub seq: u64,
    /// When.
    pub t: Time,
    /// The subscriber concerned, when known.
    pub imsi: Option<u64>,
    /// Message or note.
    pub kind: RowKind,
    described: OnceCell<Described>,
}

impl Row {
    /// The message, if the row is one.
    pub fn message(&self) -> Option<&MessageEvent> {
        match &self.kind {
            RowKind::Message(m) => Some(m),
            RowKind::Note { .. } => None,
        }
    }

    /// The interface of a message row.
    pub fn iface(&self) -> Option<Iface> {
        self.message().map(|m| m.iface)
    }

    /// The message decoded into words (computed once, on first use).
    pub fn described(&self) -> Option<&Described> {
        let m = self.message()?;
        Some(
            self.described
                .get_or_init(|| describe_row(m.iface, &m.bytes)),
        )
    }
}

/// The SIP start line at the beginning of `payload`, if it is SIP.
fn sip_start_line(payload: &[u8]) -> Option<String> {
    let end = payload.windows(2).position(|w| w == b"\r\n")?;
    let line = std::str::from_utf8(payload.get(..end)?).ok()?;
    let is_request = line.ends_with(" SIP/2.0")
        && line
            .split(' ')
            .next()
            .is_some_and(|m| !m.is_empty() && m.bytes().all(|b| b.is_ascii_uppercase()));
    (line.starts_with("SIP/2.0 ") || is_request).then(|| line.to_string())
}

/// The SIP start line carried by an IP packet (TCP, UDP, or NULL-encrypted
/// ESP in transport mode around either), with the carrier's name.
fn sip_in_ip(packet: &[u8]) -> Option<(String, &'static str)> {
    let ip = gtpu::inner_ip(packet)?;
    let transport = packet.get(ip.transport_offset..)?;
    let payload = |proto: u8, t: &[u8]| -> Option<String> {
        let body = match proto {
            6 => t.get(usize::from(t.get(12)? >> 4) * 4..)?,
            17 => t.get(8..)?,
            _ => return None,
        };
        sip_start_line(body)
    };
    match ip.protocol {
        50 => {
            // ESP header (SPI, sequence) then, with NULL encryption, the
            // transport segment itself (RFC 4303 2, RFC 2410).
            let inner = transport.get(8..)?;
            payload(6, inner)
                .or_else(|| payload(17, inner))
                .map(|l| (l, "ESP"))
        }
        p => payload(p, transport).map(|l| (l, if p == 6 { "TCP" } else { "UDP" })),
    }
}

/// [`describe`], plus the SIP inside user-plane packets: a REGISTER that
/// travels as IP over the radio, in a G-PDU or on SGi is named as SIP.
pub fn describe_row(iface: Iface, bytes: &[u8]) -> Described {
    let d = describe(iface, bytes);
    let packet: Option<Bytes> = match iface {
        Iface::SGi => Some(Bytes::copy_from_slice(bytes)),
        Iface::Uu => match UuFrame::decode(&Bytes::copy_from_slice(bytes)) {
            Ok(UuFrame::Data { packet, .. }) => Some(packet),
            _ => None,
        },
        Iface::S1U => match gtpu::decode(bytes) {
            Ok(m) => match m.body {
                gtpu::Body::GPdu(p) => Some(Bytes::from(p)),
                _ => None,
            },
            Err(_) => None,
        },
        _ => None,
    };
    match packet.as_deref().and_then(sip_in_ip) {
        Some((line, carrier)) => Described {
            protocol: "SIP",
            name: line.clone(),
            summary: format!("{line} ({carrier} in {})", d.name),
        },
        None => d,
    }
}

/// Protocol families the filter knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Proto {
    /// S1AP on S1-MME.
    S1ap,
    /// NAS, on Uu or inside S1AP.
    Nas,
    /// GTPv2-C on S11.
    Gtpc,
    /// GTP-U on S1-U.
    Gtpu,
    /// Diameter on S6a and Cx.
    Diameter,
    /// SIP, on Gm/Mw or inside user-plane packets.
    Sip,
    /// IP packets (SGi, radio user plane).
    Ip,
}

/// The order `p` cycles through.
pub const PROTOS: [Proto; 7] = [
    Proto::S1ap,
    Proto::Nas,
    Proto::Gtpc,
    Proto::Diameter,
    Proto::Sip,
    Proto::Gtpu,
    Proto::Ip,
];

impl Proto {
    /// The name shown and typed.
    pub fn label(self) -> &'static str {
        match self {
            Self::S1ap => "S1AP",
            Self::Nas => "NAS",
            Self::Gtpc => "GTPv2-C",
            Self::Gtpu => "GTP-U",
            Self::Diameter => "Diameter",
            Self::Sip => "SIP",
            Self::Ip => "IP",
        }
    }

    /// Parses a name as typed (case-insensitive, a few aliases).
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s.to_ascii_lowercase().as_str() {
            "s1ap" => Self::S1ap,
            "nas" => Self::Nas,
            "gtpv2-c" | "gtpv2c" | "gtpc" | "gtp" => Self::Gtpc,
            "gtp-u" | "gtpu" => Self::Gtpu,
            "diameter" | "dia" => Self::Diameter,
            "sip" => Self::Sip,
            "ip" => Self::Ip,
            _ => return None,
        })
    }

    fn matches(self, row: &Row) -> bool {
        let Some(iface) = row.iface() else {
            return false;
        };
        let proto = || row.described().map_or("", |d| d.protocol);
        match self {
            Self::S1ap => iface == Iface::S1Mme,
            Self::Nas => proto().contains("NAS"),
            Self::Gtpc => iface == Iface::S11,
            Self::Gtpu => iface == Iface::S1U,
            Self::Diameter => matches!(iface, Iface::S6a | Iface::Cx),
            // SIP on Mw, and inside IP (TCP, ESP) on Uu and SGi.
            Self::Sip => matches!(iface, Iface::Gm | Iface::Mw) || proto().ends_with("SIP"),
            Self::Ip => {
                iface == Iface::SGi
                    || ["IP", "TCP", "UDP", "ESP", "ICMPv6"]
                        .iter()
                        .any(|p| proto().starts_with(p))
            }
        }
    }
}

/// Parses an interface name as typed (case-insensitive).
pub fn parse_iface(s: &str) -> Option<Iface> {
    let want = s.to_ascii_lowercase().replace('_', "-");
    [
        Iface::Uu,
        Iface::S1Mme,
        Iface::S1U,
        Iface::S11,
        Iface::S6a,
        Iface::Gm,
        Iface::Mw,
        Iface::Cx,
        Iface::SGi,
    ]
    .into_iter()
    .find(|i| i.name().to_ascii_lowercase() == want || (want == "s1" && *i == Iface::S1Mme))
}

/// Which rows are shown.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Only rows about this subscriber.
    pub ue: Option<u64>,
    /// Only messages of this protocol.
    pub proto: Option<Proto>,
    /// Only messages on this interface.
    pub iface: Option<Iface>,
    /// Only rows whose text contains this (lower case).
    pub text: Option<String>,
    /// Hide the nodes' notes.
    pub hide_notes: bool,
}

impl Filter {
    /// True when every row passes.
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }

    /// True if `row` passes.
    pub fn matches(&self, row: &Row) -> bool {
        if let Some(ue) = self.ue
            && row.imsi != Some(ue)
        {
            return false;
        }
        match &row.kind {
            RowKind::Note { text, .. } => {
                !self.hide_notes
                    && self.proto.is_none()
                    && self.iface.is_none()
                    && self
                        .text
                        .as_ref()
                        .is_none_or(|t| text.to_lowercase().contains(t))
            }
            RowKind::Message(m) => {
                self.iface.is_none_or(|i| m.iface == i)
                    && self.proto.is_none_or(|p| p.matches(row))
                    && self.text.as_ref().is_none_or(|t| {
                        row.described()
                            .is_some_and(|d| d.summary.to_lowercase().contains(t))
                    })
            }
        }
    }

    /// The filter in words, for the title bar; empty when there is none.
    pub fn describe(&self, ue_name: impl Fn(u64) -> String) -> String {
        let mut v = Vec::new();
        if let Some(u) = self.ue {
            v.push(format!("ue:{}", ue_name(u)));
        }
        if let Some(p) = self.proto {
            v.push(format!("proto:{}", p.label()));
        }
        if let Some(i) = self.iface {
            v.push(format!("iface:{}", i.name()));
        }
        if let Some(t) = &self.text {
            v.push(format!("\"{t}\""));
        }
        if self.hide_notes {
            v.push("no notes".into());
        }
        v.join(" ")
    }
}

/// The ring of rows and the filtered view over it.
#[derive(Debug)]
pub struct Rows {
    rows: VecDeque<Row>,
    first: u64,
    next: u64,
    cap: usize,
    dropped: u64,
    filter: Filter,
    /// Sequence numbers of the rows that pass the filter (None: all do).
    view: Option<VecDeque<u64>>,
}

impl Rows {
    /// An empty ring holding at most `cap` rows.
    pub fn new(cap: usize) -> Self {
        Self {
            rows: VecDeque::new(),
            first: 0,
            next: 0,
            cap: cap.max(1),
            dropped: 0,
            filter: Filter::default(),
            view: None,
        }
    }

    /// Appends a row; returns its sequence number.
    pub fn push(&mut self, t: Time, imsi: Option<u64>, kind: RowKind) -> u64 {
        let seq = self.next;
        self.next += 1;
        let row = Row {
            seq,
            t,
            imsi,
            kind,
            described: OnceCell::new(),
        };
        if let Some(v) = &mut self.view
            && self.filter.matches(&row)
        {
            v.push_back(seq);
        }
        self.rows.push_back(row);
        while self.rows.len() > self.cap {
            self.rows.pop_front();
            self.first += 1;
            self.dropped += 1;
        }
        if let Some(v) = &mut self.view {
            while v.front().is_some_and(|s| *s < self.first) {
                v.pop_front();
            }
        }
        seq
    }

    /// The row with sequence number `seq`, if still held.
    pub fn get(&self, seq: u64) -> Option<&Row> {
        let i = seq.checked_sub(self.first)?;
        self.rows.get(usize::try_from(i).ok()?)
    }

    /// Every row held, oldest first.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = &Row> {
        self.rows.iter()
    }

    /// Rows held.
    pub fn held(&self) -> usize {
        self.rows.len()
    }

    /// Rows dropped from the front since the start.
    pub fn dropped(&self) -> u64 {
        self.dropped
    }

    /// The current filter.
    pub fn filter(&self) -> &Filter {
        &self.filter
    }

    /// Sets the filter and rebuilds the view.
    pub fn set_filter(&mut self, f: Filter) {
        self.view = if f.is_empty() {
            None
        } else {
            Some(
                self.rows
                    .iter()
                    .filter(|r| f.matches(r))
                    .map(|r| r.seq)
                    .collect(),
            )
        };
        self.filter = f;
    }

    /// Number of rows shown.
    pub fn len(&self) -> usize {
        match &self.view {
            Some(v) => v.len(),
            None => self.rows.len(),
        }
    }

    /// True if no row is shown.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The sequence number of the `i`-th row shown.
    pub fn seq_at(&self, i: usize) -> Option<u64> {
        match &self.view {
            Some(v) => v.get(i).copied(),
            None => self.rows.get(i).map(|r| r.seq),
        }
    }

    /// The `i`-th row shown.
    pub fn at(&self, i: usize) -> Option<&Row> {
        self.seq_at(i).and_then(|s| self.get(s))
    }

    /// The position of row `seq` among the rows shown, or where it would be.
    pub fn position(&self, seq: u64) -> Result<usize, usize> {
        match &self.view {
            Some(v) => v.binary_search(&seq),
            None => {
                if seq < self.first {
                    Err(0)
                } else if seq >= self.next {
                    Err(self.rows.len())
                } else {
                    Ok((seq - self.first) as usize)
                }
            }
        }
    }

    /// The last message row shown at or before position `i`.
    pub fn message_at_or_before(&self, i: usize) -> Option<usize> {
        (0..=i.min(self.len().checked_sub(1)?))
            .rev()
            .take(10_000)
            .find(|j| self.at(*j).is_some_and(|r| r.message().is_some()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn msg(iface: Iface, bytes: &'static [u8]) -> RowKind {
        RowKind::Message(MessageEvent {
            t: Time::ZERO,
            from: NodeId(0),
            to: NodeId(1),
            iface,
            stream: 0,
            imsi: None,
            bytes: Bytes::from_static(bytes),
        })
    }

    fn note(text: &str) -> RowKind {
        RowKind::Note {
            node: NodeId(0),
            text: text.into(),
        }
    }

    #[test]
    fn rows_drop_the_oldest_and_keep_the_view_in_step() {
        let mut r = Rows::new(3);
        for i in 0..5u64 {
            r.push(Time(i), Some(i % 2), note(&format!("n{i}")));
        }
        assert_eq!(r.held(), 3);
        assert_eq!(r.dropped(), 2);
        assert!(r.get(1).is_none());
        assert_eq!(r.get(4).unwrap().t, Time(4));
        r.set_filter(Filter {
            ue: Some(0),
            ..Filter::default()
        });
        assert_eq!(r.len(), 2);
        assert_eq!(r.seq_at(0), Some(2));
        r.push(Time(5), Some(0), note("n5"));
        r.push(Time(6), Some(1), note("n6"));
        // Seq 2 and 3 were dropped; 4 and 5 are UE 0's.
        assert_eq!(r.len(), 2);
        assert_eq!((r.seq_at(0), r.seq_at(1)), (Some(4), Some(5)));
        assert_eq!(r.position(5), Ok(1));
        assert_eq!(r.position(6), Err(2));
        r.set_filter(Filter::default());
        assert_eq!(r.len(), 3);
        assert_eq!(r.position(6), Ok(2));
    }

    #[test]
    fn filter_matches_protocol_interface_text_and_notes() {
        let mut r = Rows::new(10);
        r.push(
            Time(0),
            None,
            msg(
                Iface::Gm,
                b"REGISTER sip:ims SIP/2.0\r\nVia: SIP/2.0/TCP ue;branch=z9hG4bK1\r\nFrom: <sip:a@ims>;tag=1\r\nTo: <sip:a@ims>\r\nCall-ID: c\r\nCSeq: 1 REGISTER\r\nContent-Length: 0\r\n\r\n",
            ),
        );
        r.push(Time(1), None, note("hello there"));
        r.push(Time(2), None, msg(Iface::S6a, b"\x01\x00"));
        let f = |f: Filter| {
            let mut r2 = Rows::new(10);
            for row in r.iter() {
                r2.push(row.t, row.imsi, row.kind.clone());
            }
            r2.set_filter(f);
            (0..r2.len())
                .map(|i| r2.seq_at(i).unwrap())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            f(Filter {
                proto: Some(Proto::Sip),
                ..Filter::default()
            }),
            vec![0]
        );
        assert_eq!(
            f(Filter {
                iface: Some(Iface::S6a),
                ..Filter::default()
            }),
            vec![2]
        );
        assert_eq!(
            f(Filter {
                text: Some("register".into()),
                ..Filter::default()
            }),
            vec![0]
        );
        assert_eq!(
            f(Filter {
                text: Some("hello".into()),
                ..Filter::default()
            }),
            vec![1]
        );
        assert_eq!(
            f(Filter {
                hide_notes: true,
                ..Filter::default()
            }),
            vec![0, 2]
        );
    }

    #[test]
    fn describe_row_finds_sip_inside_ip_packets() {
        // IPv4 + TCP (data offset 5) + a SIP status line.
        let mut p = vec![
            0x45, 0, 0, 0, 0, 0, 0, 0, 64, 6, 0, 0, 10, 46, 0, 1, 10, 46, 0, 2,
        ];
        p.extend_from_slice(&[0x13, 0xc4, 0xc3, 0x50, 0, 0, 0, 1, 0, 0, 0, 0, 0x50, 0x18]);
        p.extend_from_slice(&[0xff, 0xff, 0, 0, 0, 0]);
        p.extend_from_slice(b"SIP/2.0 401 Unauthorized\r\nVia: x\r\n\r\n");
        let d = describe_row(Iface::SGi, &p);
        assert_eq!(d.protocol, "SIP");
        assert_eq!(d.name, "SIP/2.0 401 Unauthorized");
        assert!(d.summary.contains("TCP in IP packet"), "{}", d.summary);
        let frame = UuFrame::Data {
            ebi: 6,
            packet: Bytes::from(p),
        }
        .encode();
        assert_eq!(
            describe_row(Iface::Uu, &frame).name,
            "SIP/2.0 401 Unauthorized"
        );
        assert_eq!(sip_start_line(b"hello world\r\n"), None);
        assert_eq!(
            sip_start_line(b"MESSAGE sip:b SIP/2.0\r\n").unwrap(),
            "MESSAGE sip:b SIP/2.0"
        );
        assert_eq!(parse_iface("s1-mme"), Some(Iface::S1Mme));
        assert_eq!(parse_iface("cx"), Some(Iface::Cx));
        assert_eq!(Proto::parse("Diameter"), Some(Proto::Diameter));
    }
}
