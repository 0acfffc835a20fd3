//! S1-U: GTP-U between the eNB and the SGW (TS 29.281). Downlink G-PDUs go
//! to the UE on the radio bearer of their E-RAB; echoes are answered; a
//! G-PDU for a TEID we do not have gets an Error Indication (7.3.1).

use super::Enb;
use super::context::Teid;
use crate::codec::gtpu::{self, Body, EchoResponse, Message};
use crate::nodes::{Iface, NodeId, UuFrame};
use bytes::Bytes;

impl Enb {
    pub(super) fn handle_gtpu(&mut self, from: NodeId, bytes: &[u8]) {
        let msg = match gtpu::decode(bytes) {
            Ok(m) => m,
            Err(e) => {
                self.count("gtpu_decode_error");
                self.note(None, format!("dropped a GTP-U message from {from}: {e}"));
                return;
            }
        };
        let teid = Teid(msg.teid);
        match msg.body {
            Body::GPdu(packet) => self.handle_g_pdu(from, teid, packet),
            Body::EchoRequest(_) => self.send_echo_response(from, msg.seq),
            Body::ErrorIndication(e) => {
                self.count("gtpu_error_indication_received");
                self.note(
                    None,
                    format!(
                        "the SGW sent GTP-U Error Indication: it has no tunnel for TEID 0x{:08x} at {}",
                        e.teid_data_i, e.peer_address
                    ),
                );
            }
            Body::EchoResponse(_) | Body::EndMarker(_) => {}
            Body::Other { message_type, .. } => {
                self.count("gtpu_unhandled");
                self.note(None, format!("ignored GTP-U message type {message_type}"));
            }
        }
    }

    fn handle_g_pdu(&mut self, from: NodeId, teid: Teid, packet: Vec<u8>) {
        let found = self.by_teid.get(&teid).and_then(|(id, ebi)| {
            let ue = self.ues.get(id)?;
            (!ue.stale).then_some((ue.node, ue.imsi, *ebi))
        });
        let Some((node, imsi, ebi)) = found else {
            self.count("gtpu_unknown_teid");
            self.note(
                None,
                format!("dropped a G-PDU for TEID {teid}, which this eNB did not allocate"),
            );
            self.send_gtpu_error_indication(from, teid);
            return;
        };
        self.send_uu(
            node,
            &UuFrame::Data {
                ebi,
                packet: Bytes::from(packet),
            },
            imsi,
        );
    }

    /// Echo Response with the request's sequence number (TS 29.281 7.2.2).
    fn send_echo_response(&mut self, to: NodeId, seq: Option<u16>) {
        let mut m = Message::new(0, Body::EchoResponse(EchoResponse::default()));
        m.seq = Some(seq.unwrap_or(0));
        self.transmit(Iface::S1U, to, m.encode(), 0, None);
    }

    /// Error Indication for a G-PDU without a tunnel (TS 29.281 7.3.1).
    fn send_gtpu_error_indication(&mut self, to: NodeId, teid: Teid) {
        let m = Message::new(
            0,
            Body::ErrorIndication(gtpu::ErrorIndication {
                teid_data_i: teid.0,
                peer_address: self.addr,
                ies: Vec::new(),
            }),
        );
        self.transmit(Iface::S1U, to, m.encode(), 0, None);
    }
}
