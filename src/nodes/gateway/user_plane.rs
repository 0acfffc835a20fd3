//! The user plane: GTP-U on S1-U (TS 29.281) and raw IP on SGi (DESIGN.md
//! flow step 7).
//!
//! - Uplink: a G-PDU on one of our S1-U TEIDs carries the UE's IP packet.
//!   Packets of an APN whose traffic belongs to IMS (an APN named `ims`, or
//!   one whose P-CSCFs the IMS stack serves) go as they are to the node
//!   hosting the IMS IP stack. Every other packet is dropped and counted in
//!   `sgi_dropped`: the simulator has no internet behind its PGW.
//! - Downlink: an IP packet from the IMS stack is matched to a UE by its
//!   destination address and tunnelled to the eNB F-TEID that Modify Bearer
//!   gave. Before that, there is nowhere to send it: a real SGW would buffer
//!   it and page the UE (Downlink Data Notification), which is not simulated.
//! - Echo Request on S1-U is answered (TS 29.281 7.2.2); a G-PDU for an
//!   unknown TEID gets an Error Indication (7.3.1).
//! - IPv6 PDNs: the UE learns only an interface identifier over NAS. Once
//!   Modify Bearer gives the default bearer's eNB tunnel, the PGW sends a
//!   Router Advertisement down it with the PDN's /64 prefix (Prefix
//!   Information, A flag set, L flag clear; TS 29.061 11.2.1.3.4, RFC 4861
//!   6.2.4), from its link-local address to all nodes.

use super::Gateway;
use super::context::{Downlink, Teid};
use crate::codec::gtpu::{self, Body, EchoResponse, ErrorIndication, Message, inner_ip};
use crate::codec::icmpv6::{Icmpv6Message, RouterAdvertisement};
use crate::nodes::{Iface, NodeId};
use bytes::Bytes;
use std::net::Ipv6Addr;

/// The PGW's link-local address on every PDN: the source of its Router
/// Advertisements (RFC 4861 6.1.2 wants a link-local source). UEs' interface
/// identifiers start at 2, so it never clashes with fe80::IID of a UE.
pub(super) const GATEWAY_LINK_LOCAL: Ipv6Addr = Ipv6Addr::new(0xfe80, 0, 0, 0, 0, 0, 0, 1);
/// All-nodes multicast: where unsolicited Router Advertisements go.
pub(super) const ALL_NODES: Ipv6Addr = Ipv6Addr::new(0xff02, 0, 0, 0, 0, 0, 0, 1);

impl Gateway {
    /// A GTP-U message from `from` on S1-U.
    pub(super) fn handle_s1u(&mut self, from: NodeId, bytes: &[u8]) {
        let msg = match gtpu::decode(bytes) {
            Ok(m) => m,
            Err(e) => {
                self.note(
                    None,
                    format!("dropped a GTP-U message from {from} on S1-U: {e}"),
                );
                self.count("s1u_undecodable");
                return;
            }
        };
        match msg.body {
            Body::GPdu(packet) => self.handle_uplink(from, msg.teid, packet),
            Body::EchoRequest(_) => self.send_s1u_echo_response(from, msg.seq.unwrap_or(0)),
            Body::EchoResponse(_) | Body::EndMarker(_) => {}
            Body::ErrorIndication(e) => {
                self.note(
                    None,
                    format!(
                        "{from} sent an Error Indication for its TEID 0x{:08x}: it has no such \
                         bearer, downlink to it is lost",
                        e.teid_data_i
                    ),
                );
                self.count("s1u_error_indication");
            }
            Body::Other { message_type, .. } => {
                self.note(
                    None,
                    format!("ignored GTP-U message type {message_type} from {from} on S1-U"),
                );
                self.count("s1u_unhandled");
            }
        }
    }

    /// The Router Advertisement of an IPv6 PDN whose UE address is
    /// `ue_addr`, in a G-PDU to the eNB's `teid` (TS 29.061 11.2.1.3.4):
    /// the UE's /64 with A set and L clear.
    pub(super) fn send_router_advertisement(
        &mut self,
        enb: NodeId,
        teid: u32,
        ue_addr: Ipv6Addr,
        imsi: Option<u64>,
    ) {
        let ra = RouterAdvertisement::for_pdn(ue_addr, 64);
        let packet =
            Icmpv6Message::RouterAdvertisement(ra).encode_packet(GATEWAY_LINK_LOCAL, ALL_NODES);
        let m = Message::g_pdu(teid, packet);
        self.transmit(Iface::S1U, enb, m.encode(), imsi);
        self.count("router_advertisements");
    }

    /// TS 29.281 7.2.2: TEID 0, the request's sequence number, Recovery 0.
    fn send_s1u_echo_response(&mut self, to: NodeId, seq: u16) {
        let mut m = Message::new(0, Body::EchoResponse(EchoResponse::default()));
        m.seq = Some(seq);
        self.transmit(Iface::S1U, to, m.encode(), None);
    }

    fn handle_uplink(&mut self, from: NodeId, teid: u32, packet: Vec<u8>) {
        let Some(key) = self.by_s1u.get(&Teid(teid)).copied() else {
            self.note(
                None,
                format!(
                    "dropped a G-PDU from {from} for unknown S1-U TEID 0x{teid:08x}: sent an \
                     Error Indication (TS 29.281 7.3.1)"
                ),
            );
            self.count("s1u_unknown_teid");
            let m = Message::new(
                0,
                Body::ErrorIndication(ErrorIndication {
                    teid_data_i: teid,
                    peer_address: self.addr,
                    ies: Vec::new(),
                }),
            );
            self.transmit(Iface::S1U, from, m.encode(), None);
            return;
        };
        let Some(ue) = self.ues.get_mut(&key.ue) else {
            return;
        };
        let imsi = ue.imsi;
        let Some((si, _)) = ue.bearer_index(key.ebi) else {
            return;
        };
        let session = &mut ue.sessions[si];
        let apn = self.apns.get(session.apn);
        let to_ims = apn.is_some_and(|a| a.to_ims);
        let apn_name = apn.map_or("?", |a| a.spec.name.as_str()).to_owned();
        let (Some(stack), true) = (self.ims_stack, to_ims) else {
            let first = !session.sgi_drop_noted;
            session.sgi_drop_noted = true;
            if first {
                let why = if self.ims_stack.is_none() && apn_name.eq_ignore_ascii_case("ims") {
                    "the topology names no IMS IP stack for the gateway"
                } else {
                    "the simulator has no internet behind the PGW"
                };
                self.note(
                    imsi,
                    format!(
                        "dropped uplink packets of APN {apn_name} (EBI {}): {why} (counted in \
                         sgi_dropped)",
                        key.ebi
                    ),
                );
            }
            self.count("sgi_dropped");
            return;
        };
        if inner_ip(&packet).is_none() {
            self.note(
                imsi,
                format!(
                    "dropped a G-PDU on TEID 0x{teid:08x}: its {} octets are not an IP packet",
                    packet.len()
                ),
            );
            self.count("s1u_bad_packet");
            return;
        }
        self.transmit(Iface::SGi, stack, packet, imsi);
    }

    /// An IP packet from the IMS stack on SGi.
    pub(super) fn handle_sgi(&mut self, from: NodeId, packet: Bytes) {
        let Some(ip) = inner_ip(&packet) else {
            self.note(
                None,
                format!("dropped a packet from {from} on SGi: not an IPv4 or IPv6 packet"),
            );
            self.count("sgi_bad_packet");
            return;
        };
        let Some(key) = self.by_ue_addr.get(&ip.dst).copied() else {
            self.note(
                None,
                format!(
                    "dropped a packet from {from} on SGi for {}: no UE has that address",
                    ip.dst
                ),
            );
            self.count("sgi_unknown_destination");
            return;
        };
        let Some(ue) = self.ues.get(&key.ue) else {
            return;
        };
        let imsi = ue.imsi;
        let Some((si, bi)) = ue.bearer_index(key.ebi) else {
            return;
        };
        match ue.sessions[si].bearers[bi].downlink {
            Downlink::Enb { node, teid, .. } => {
                let m = Message::g_pdu(teid, packet.to_vec());
                self.transmit(Iface::S1U, node, m.encode(), imsi);
            }
            Downlink::AwaitingEnb => {
                self.note(
                    imsi,
                    format!(
                        "dropped a packet for {} (EBI {}): no eNB tunnel yet (no Modify Bearer); \
                         buffering and paging are not simulated",
                        ip.dst, key.ebi
                    ),
                );
                self.count("sgi_no_enb_tunnel");
            }
            Downlink::UnknownPeer { addr, .. } => {
                self.note(
                    imsi,
                    format!(
                        "dropped a packet for {} (EBI {}): its eNB address {addr} is no node of \
                         the topology",
                        ip.dst, key.ebi
                    ),
                );
                self.count("sgi_no_enb_tunnel");
            }
        }
    }
}
