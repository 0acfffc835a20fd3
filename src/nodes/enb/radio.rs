//! The radio side of the eNB: the abstract Uu of [`UuFrame`]. An RRC
//! connection becomes a UE-associated S1 connection; NAS is relayed; IP
//! packets of a data radio bearer go into the E-RAB's tunnel.

use super::context::EnbUe;
use super::{Enb, MAX_QUEUED, S1State};
use crate::codec::gtpu;
use crate::codec::s1ap::Cause;
use crate::codec::s1ap::asn::CauseRadioNetwork;
use crate::nodes::{Iface, NodeId, UuFrame};
use bytes::Bytes;

impl Enb {
    /// A frame from a UE. Until S1 Setup completes the frame is queued.
    pub(super) fn handle_uu(&mut self, from: NodeId, bytes: Bytes) {
        if self.s1 != S1State::Ready {
            if self.queued.len() >= MAX_QUEUED {
                self.count("uu_dropped_before_s1_setup");
                let imsi = self.camped.get(&from).copied();
                self.note(
                    imsi,
                    "dropped a radio frame: S1 is not up and the waiting queue is full",
                );
            } else {
                self.queued.push_back((from, bytes));
            }
            return;
        }
        self.process_uu(from, &bytes);
    }

    /// Handles what arrived while S1 was not up, in arrival order.
    pub(super) fn flush_queue(&mut self) {
        while let Some((from, bytes)) = self.queued.pop_front() {
            self.process_uu(from, &bytes);
        }
    }

    fn process_uu(&mut self, from: NodeId, bytes: &Bytes) {
        let imsi = self.camped.get(&from).copied();
        match UuFrame::decode(bytes) {
            Err(e) => {
                self.count("uu_decode_error");
                self.note(
                    imsi,
                    format!("dropped a radio frame from {from}: {}", e.what),
                );
            }
            Ok(UuFrame::Connect { cause, s_tmsi, nas }) => {
                self.handle_rrc_connect(from, cause, s_tmsi, nas.to_vec());
            }
            Ok(UuFrame::Nas(nas)) => self.handle_uu_nas(from, nas.to_vec()),
            Ok(UuFrame::Data { ebi, packet }) => self.handle_uu_data(from, ebi, packet),
            Ok(UuFrame::Release) => {
                self.note(
                    imsi,
                    "ignored an RRC release from a UE: only the eNB releases",
                );
            }
        }
    }

    /// RRC connection setup with the UE's first NAS message: a new
    /// UE-associated S1 connection and an Initial UE Message (TS 36.413
    /// 8.6.2.1).
    fn handle_rrc_connect(
        &mut self,
        from: NodeId,
        cause: u8,
        s_tmsi: Option<(u8, u32)>,
        nas: Vec<u8>,
    ) {
        let imsi = self.camped.get(&from).copied();
        if let Some(old) = self.by_node.remove(&from) {
            // The UE started over (e.g. after T3410): the old connection is
            // gone on the radio. Ask the MME to release it, or forget it if
            // the MME never learned of it.
            let known_to_mme = self.ues.get(&old).is_some_and(|u| u.mme_ue_id.is_some());
            if known_to_mme {
                if let Some(u) = self.ues.get_mut(&old) {
                    u.stale = true;
                }
                self.send_ue_context_release_request(
                    old,
                    Cause::RadioNetwork(CauseRadioNetwork::RADIO_CONNECTION_WITH_UE_LOST),
                );
            } else {
                self.drop_ue(old);
            }
        }
        let ues = &self.ues;
        let id = self.alloc.ue_id(|i| ues.contains_key(&i));
        self.ues.insert(id, EnbUe::new(from, imsi));
        self.by_node.insert(from, id);
        self.send_initial_ue_message(id, cause, s_tmsi, nas);
    }

    /// NAS on an existing RRC connection: Uplink NAS Transport.
    fn handle_uu_nas(&mut self, from: NodeId, nas: Vec<u8>) {
        let imsi = self.camped.get(&from).copied();
        let Some(&id) = self.by_node.get(&from) else {
            self.count("uu_no_connection");
            self.note(
                imsi,
                format!("dropped NAS from {from}: it has no RRC connection"),
            );
            return;
        };
        let Some(mme_ue_id) = self.ues.get(&id).and_then(|u| u.mme_ue_id) else {
            // TS 36.413 8.6.2.3 needs the MME UE S1AP ID, which comes with
            // the first downlink message.
            self.count("uu_nas_before_mme_id");
            self.note(
                imsi,
                "dropped uplink NAS: the MME has not answered the Initial UE Message yet",
            );
            return;
        };
        self.send_uplink_nas_transport(mme_ue_id, id, nas);
    }

    /// A user IP packet on the radio bearer of EPS bearer `ebi`: a G-PDU to
    /// the SGW with the SGW's TEID of that E-RAB.
    fn handle_uu_data(&mut self, from: NodeId, ebi: u8, packet: Bytes) {
        let imsi = self.camped.get(&from).copied();
        let erab = self
            .by_node
            .get(&from)
            .and_then(|id| self.ues.get(id))
            .and_then(|u| u.erabs.get(&ebi));
        let Some(erab) = erab else {
            self.count("uu_data_no_bearer");
            self.note(
                imsi,
                format!("dropped an uplink packet on bearer {ebi}: no E-RAB {ebi} for this UE"),
            );
            return;
        };
        let (teid, sgw, node) = (erab.sgw_teid, erab.sgw, erab.sgw_node);
        let Some(node) = node else {
            self.count("uu_data_no_sgw");
            self.note(
                imsi,
                format!("dropped an uplink packet on bearer {ebi}: SGW {sgw} is not a node of the topology"),
            );
            return;
        };
        let gpdu = gtpu::Message::g_pdu(teid.0, packet.to_vec());
        self.transmit(Iface::S1U, node, gpdu.encode(), 0, imsi);
    }
}
