//! The P-CSCF (TS 24.229 5.2, TS 33.203): the UE's first hop into IMS.
//!
//! The proxy core here is independent of how SIP reaches the UE: Gm is a
//! [`gm::GmTransport`] (the userspace IP stack with ESP behind the
//! gateway's SGi, [`ip_gm::IpGm`]; the unit tests use a stand-in that
//! carries SIP in frames on Gm), which hands over whole SIP messages with
//! their addresses and the SA they came through, and carries out the core's
//! commands (send, install SAs, remove SAs).
//!
//! - The first REGISTER ([`register`]): Security-Client remembered, Path,
//!   P-Visited-Network-ID, P-Charging-Vector added, to the I-CSCF. The 401:
//!   ik and ck taken out, the two SA pairs set up from the UE's offer and
//!   announced in Security-Server (unless IPsec is off). The second
//!   REGISTER must come through those SAs with Security-Verify equal to the
//!   Security-Server. The 200: the registration cache (identities,
//!   Service-Route, contact, expiry); the SAs live as long as it.
//! - Other requests of a registered UE ([`proxy`]): only through its SAs
//!   (when IPsec is used), P-Asserted-Identity from P-Associated-URI, Route
//!   set to the Service-Route. Requests from the core (NOTIFY, MESSAGE) go
//!   to the UE's contact through the SAs.
//!
//! Counters: `register`, `registered`, `deregistered`, `expired`,
//! `sa_created`, `sa_removed`, `sec_agree_refused`, `unprotected_refused`,
//! `route_rewritten`, `forwarded`, `responses`, `not_registered`,
//! `decode_errors`, `timeouts`, `too_many_hops`, `stray_responses`,
//! `no_ip_stack`; from its IP stack `plain_to_protected_dropped`,
//! `esp_bad_icv`, `esp_replay`, `esp_unknown_spi`, `esp_bad_padding`,
//! `esp_malformed`, `esp_policy_mismatch`, `esp_tx_failed`,
//! `rx_not_for_us`, `ip_no_connection`.

pub mod context;
pub mod gm;
pub mod ip_gm;
pub mod proxy;
pub mod register;
pub mod secagree;
#[cfg(test)]
mod tests;

use crate::codec::sip::{SipMessage, Via};
use crate::nodes::sip_proxy::{
    Ids, MW_TRANSPORT, Outbox, Pending, SipDirectory, Subscribers, reply,
};
use crate::nodes::{Iface, Input, Node, NodeId, Output, Time};
use crate::topology::{IpsecEncryption, IpsecIntegrity, IpsecPolicy, NodeKind, SipHost, Topology};
use context::{UeContext, Upstream};
use gm::{GmCommand, GmTransport, SaId, ToUe};
use rand::{RngCore, SeedableRng};
use rand_chacha::ChaCha20Rng;
use std::collections::{BTreeSet, HashMap, HashSet};
use std::net::{IpAddr, SocketAddr};

/// The unprotected SIP port on Gm (RFC 3261 19.1.2).
pub const GM_PORT: u16 = 5060;

/// The transport word of the P-CSCF's Via on Gm (SIP over TCP, issue 4).
pub const GM_TRANSPORT: &str = "TCP";

/// The P-CSCF node.
pub struct PCscf {
    id: NodeId,
    sip: SipHost,
    domain: String,
    ipsec: IpsecPolicy,
    port_c: u16,
    port_s: u16,
    integrity: IpsecIntegrity,
    encryption: IpsecEncryption,
    icscf: Option<NodeId>,
    addrs: Vec<IpAddr>,
    dir: SipDirectory,
    /// Subscribers by IMS identity (for `Transmit.imsi` and Notes).
    subs: Subscribers,
    gm: Box<dyn GmTransport>,
    /// UEs by private identity.
    ues: HashMap<String, UeContext>,
    /// Registered public identity -> private identity.
    by_impu: HashMap<String, String>,
    /// SA set -> private identity.
    by_sa: HashMap<SaId, String>,
    /// UE address -> private identity (registered UEs).
    by_addr: HashMap<IpAddr, String>,
    pending: Pending<Upstream>,
    /// When to look at a UE again (registration or temporary SA expiry).
    timers: BTreeSet<(Time, String)>,
    rng: ChaCha20Rng,
    /// Inbound SPIs in use.
    spis: HashSet<u32>,
    next_sa: u32,
    ids: Ids,
    out: Outbox,
    /// Transport work that waits for the response being relayed to go.
    after_send: Vec<context::AfterSend>,
    started: bool,
}

impl std::fmt::Debug for PCscf {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PCscf")
            .field("id", &self.id)
            .field("host", &self.sip.host)
            .field("ues", &self.ues.len())
            .finish_non_exhaustive()
    }
}

impl PCscf {
    /// Builds the P-CSCF `id` of `topo` on the userspace IP stack behind
    /// the gateways whose IMS stack it is ([`ip_gm::IpGm`]).
    ///
    /// # Panics
    ///
    /// If node `id` of `topo` is not a P-CSCF.
    pub fn new(id: NodeId, topo: &Topology) -> Self {
        let node = topo
            .node(id)
            .unwrap_or_else(|| panic!("node {id} is not in the topology"));
        let NodeKind::Pcscf(spec) = &node.kind else {
            panic!("node {id} ({}) is not a P-CSCF", node.name)
        };
        let mut addrs: Vec<IpAddr> = Vec::new();
        addrs.extend(spec.ipv4.map(IpAddr::V4));
        addrs.extend(spec.ipv6.map(IpAddr::V6));
        let gateways: Vec<NodeId> = topo
            .nodes
            .iter()
            .enumerate()
            .filter(|(_, n)| matches!(&n.kind, NodeKind::Gateway(g) if g.ims_stack == Some(id)))
            .map(|(i, _)| NodeId(i as u32))
            .collect();
        let seed = node_seed(topo, id) ^ 0x6970_5f67_6d00_0000;
        let ip = ip_gm::IpGm::new(
            &addrs,
            spec.port_c,
            spec.port_s,
            spec.ipsec != IpsecPolicy::Off,
            gateways,
            seed,
        );
        match ip {
            Ok(gm) => Self::with_transport(id, topo, Box::new(gm)),
            Err(why) => {
                let mut p = Self::with_transport(id, topo, Box::new(gm::NoStack));
                p.out.note(None, why);
                p
            }
        }
    }

    /// Builds the P-CSCF `id` of `topo` on the unit tests' direct Gm
    /// transport (SIP in frames on [`Iface::Gm`]).
    #[cfg(test)]
    pub fn new_direct(id: NodeId, topo: &Topology) -> Self {
        Self::with_transport(id, topo, Box::new(gm::DirectGm::new()))
    }

    /// Builds the P-CSCF `id` of `topo` on the Gm transport `gm`.
    ///
    /// # Panics
    ///
    /// If node `id` of `topo` is not a P-CSCF.
    pub fn with_transport(id: NodeId, topo: &Topology, gm: Box<dyn GmTransport>) -> Self {
        let node = topo
            .node(id)
            .unwrap_or_else(|| panic!("node {id} is not in the topology"));
        let NodeKind::Pcscf(spec) = &node.kind else {
            panic!("node {id} ({}) is not a P-CSCF", node.name)
        };
        let seed = node_seed(topo, id);
        let mut addrs: Vec<IpAddr> = Vec::new();
        addrs.extend(spec.ipv4.map(IpAddr::V4));
        addrs.extend(spec.ipv6.map(IpAddr::V6));
        Self {
            id,
            sip: spec.sip.clone(),
            domain: spec.domain.clone(),
            ipsec: spec.ipsec,
            port_c: spec.port_c,
            port_s: spec.port_s,
            integrity: spec.integrity,
            encryption: spec.encryption,
            icscf: spec.icscf,
            addrs,
            dir: SipDirectory::new(topo),
            subs: Subscribers::new(topo),
            gm,
            ues: HashMap::new(),
            by_impu: HashMap::new(),
            by_sa: HashMap::new(),
            by_addr: HashMap::new(),
            pending: Pending::default(),
            timers: BTreeSet::new(),
            rng: ChaCha20Rng::seed_from_u64(seed),
            spis: HashSet::new(),
            next_sa: 0,
            ids: Ids::new(&node.name),
            out: Outbox::default(),
            after_send: Vec::new(),
            started: false,
        }
    }

    /// The value of counter `name`.
    pub fn counter(&self, name: &str) -> u64 {
        self.out.counter(name)
    }

    /// The UE with private identity `impi`.
    pub fn ue(&self, impi: &str) -> Option<&UeContext> {
        self.ues.get(impi)
    }

    /// The registered UE of a public identity.
    pub fn registered(&self, impu: &str) -> Option<&UeContext> {
        self.by_impu
            .get(impu)
            .and_then(|i| self.ues.get(i))
            .filter(|u| u.registered.is_some())
    }

    /// A fresh SPI for an inbound SA: random, above the reserved 1-255
    /// (RFC 4303 2.1), not used by another SA of this P-CSCF.
    fn new_spi(&mut self) -> u32 {
        loop {
            let spi = self.rng.next_u32();
            if spi > 255 && self.spis.insert(spi) {
                return spi;
            }
        }
    }

    fn new_sa_id(&mut self) -> SaId {
        self.next_sa += 1;
        SaId(self.next_sa)
    }

    /// True when `uri` points at this P-CSCF: its Mw host, or one of its
    /// Gm addresses (any port).
    fn is_own_uri(&self, uri: &crate::codec::sip::Uri) -> bool {
        let Some(u) = uri.as_sip() else {
            return false;
        };
        if u.host.eq_ignore_ascii_case(&self.sip.host) {
            return true;
        }
        let host = u.host.trim_start_matches('[').trim_end_matches(']');
        host.parse::<IpAddr>()
            .is_ok_and(|a| self.addrs.contains(&a))
    }

    /// Removes the top Route entry when it is this P-CSCF.
    fn pop_own_route(&self, msg: &mut SipMessage) -> bool {
        let Ok(mut route) = msg.route() else {
            return false;
        };
        if route.first().is_some_and(|r| self.is_own_uri(&r.uri)) {
            route.remove(0);
            let v: Vec<String> = route.iter().map(ToString::to_string).collect();
            crate::nodes::sip_proxy::set_list(msg, "Route", &v);
            true
        } else {
            false
        }
    }

    fn mw_via(&mut self) -> Via {
        Via::new(
            MW_TRANSPORT,
            &self.sip.host,
            Some(self.sip.port),
            &self.ids.branch(),
        )
    }

    fn gm(&mut self, now: Time, cmd: GmCommand) {
        let mut outs = Vec::new();
        self.gm.command(now, cmd, &mut outs);
        for o in outs {
            self.out.push(o);
        }
    }

    /// Sends `msg` to a UE.
    fn send_to_ue(
        &mut self,
        now: Time,
        local: SocketAddr,
        dst: SocketAddr,
        sa: Option<SaId>,
        msg: &SipMessage,
        imsi: Option<u64>,
    ) {
        self.gm(
            now,
            GmCommand::Send(ToUe {
                src: local,
                dst,
                via_sa: sa,
                bytes: msg.encode(),
                imsi,
            }),
        );
    }

    /// Answers a UE's request itself.
    fn respond_ue(
        &mut self,
        now: Time,
        req: &SipMessage,
        from: &gm::FromUe,
        code: u16,
        extra: &[(&str, String)],
    ) {
        let tag = self.ids.tag();
        let mut r = reply(req, code, "", &tag);
        r.remove_header("Content-Length");
        for (n, v) in extra {
            r.push_header(n, v);
        }
        let r = r.with_content_length();
        let imsi = self.subs.imsi_of(req);
        self.send_to_ue(now, from.dst, from.src, from.protected, &r, imsi);
    }

    fn wake(&mut self, at: Time, impi: &str) {
        self.timers.insert((at, impi.to_string()));
    }

    fn receive_gm(&mut self, now: Time, from: NodeId, bytes: &[u8]) {
        let mut outs = Vec::new();
        let msgs = self.gm.receive(now, from, bytes, &mut outs);
        for o in outs {
            self.out.push(o);
        }
        self.handle_from_ue(now, msgs);
    }

    /// Whole SIP messages from UEs, as the transport framed them.
    fn handle_from_ue(&mut self, now: Time, msgs: Vec<gm::FromUe>) {
        for m in msgs {
            let msg = match crate::codec::sip::decode_datagram(&m.bytes) {
                Ok(msg) => msg,
                Err(e) => {
                    self.out.bump("decode_errors");
                    self.out.note(
                        None,
                        format!("dropped undecodable SIP from {} on Gm: {e}", m.src),
                    );
                    continue;
                }
            };
            if let Some(imsi) = self.subs.imsi_of(&msg) {
                self.gm.subscriber(m.src.ip(), imsi);
            }
            if msg.is_request() {
                self.handle_ue_request(now, m, msg);
            } else {
                self.handle_ue_response(now, msg);
            }
        }
    }

    fn receive_mw(&mut self, now: Time, from: NodeId, bytes: &[u8]) {
        let msg = match crate::codec::sip::decode_datagram(bytes) {
            Ok(m) => m,
            Err(e) => {
                self.out.bump("decode_errors");
                self.out.note(
                    None,
                    format!("dropped undecodable SIP from {from} on Mw: {e}"),
                );
                return;
            }
        };
        if msg.is_request() {
            self.handle_core_request(now, from, msg);
        } else {
            self.handle_core_response(now, msg);
        }
    }

    /// Removes an SA set.
    fn remove_sas(&mut self, now: Time, sas: &context::Sas) {
        self.by_sa.remove(&sas.id());
        self.spis.remove(&sas.set.pcscf.spi_c);
        self.spis.remove(&sas.set.pcscf.spi_s);
        self.out.bump("sa_removed");
        self.gm(now, GmCommand::Remove(sas.id()));
    }

    /// Forgets a UE: registration cache entry and SAs (TS 33.203 7.4).
    fn forget(&mut self, now: Time, impi: &str, why: &str) {
        let Some(ue) = self.ues.remove(impi) else {
            return;
        };
        for sas in [ue.temporary, ue.current].into_iter().flatten() {
            self.remove_sas(now, &sas);
        }
        self.by_impu.retain(|_, i| i != impi);
        if self.by_addr.get(&ue.ue_addr).is_some_and(|i| i == impi) {
            self.by_addr.remove(&ue.ue_addr);
        }
        self.out.note(
            self.subs.imsi(impi),
            format!(
                "{} forgotten at the P-CSCF: {why}; its SAs are removed",
                ue.impu
            ),
        );
    }

    fn timeout(&mut self, now: Time) {
        self.started = true;
        let mut outs = Vec::new();
        let msgs = self.gm.timeout(now, &mut outs);
        for o in outs {
            self.out.push(o);
        }
        self.handle_from_ue(now, msgs);
        for (_, up) in self.pending.expire(now) {
            self.out.bump("timeouts");
            match up {
                Upstream::Ue {
                    src,
                    local,
                    sa,
                    request,
                    ..
                } => {
                    let tag = self.ids.tag();
                    let r = reply(&request, 408, "", &tag);
                    self.out.note(
                        self.subs.imsi_of(&request),
                        format!(
                            "answered {} with 408: no final response within 32 s",
                            request.summary()
                        ),
                    );
                    self.send_to_ue(now, local, src, sa, &r, self.subs.imsi_of(&request));
                }
                Upstream::Core {
                    from,
                    request,
                    impi,
                    then_forget,
                } => {
                    let tag = self.ids.tag();
                    self.out.note(
                        self.subs.imsi_of(&request),
                        format!(
                            "answered {} with 408: the UE gave no final response within 32 s",
                            request.summary()
                        ),
                    );
                    self.out.sip(
                        from,
                        &reply(&request, 408, "", &tag),
                        self.subs.imsi_of(&request),
                    );
                    if then_forget {
                        self.forget(now, &impi, "its registration was terminated");
                    }
                }
            }
        }
        while let Some((at, _)) = self.timers.first() {
            if *at > now {
                break;
            }
            let Some((_, impi)) = self.timers.pop_first() else {
                break;
            };
            self.expire_ue(now, &impi);
        }
    }

    /// A UE's timer: the temporary SAs of an unanswered challenge, or the
    /// registration (and its SAs) at expiry.
    fn expire_ue(&mut self, now: Time, impi: &str) {
        let Some(ue) = self.ues.get_mut(impi) else {
            return;
        };
        if ue.registered.as_ref().is_some_and(|r| r.expires_at <= now) {
            self.out.bump("expired");
            return self.forget(now, impi, "its registration expired");
        }
        if ue.temporary.as_ref().is_some_and(|t| t.set.expires <= now)
            && let Some(t) = ue.temporary.take()
        {
            let id = t.id();
            let unregistered = ue.registered.is_none();
            self.remove_sas(now, &t);
            self.out.note(
                self.subs.imsi(impi),
                format!("temporary {id} of {impi} expired: no protected REGISTER came"),
            );
            if unregistered {
                self.ues.remove(impi);
            }
        }
    }
}

/// The seed of node `id`'s random choices.
fn node_seed(topo: &Topology, id: NodeId) -> u64 {
    topo.seed
        ^ u64::from(id.0)
            .wrapping_add(1)
            .wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

impl Node for PCscf {
    fn handle(&mut self, now: Time, input: Input) {
        match input {
            Input::Receive { iface, from, bytes } if iface == self.gm.iface() => {
                self.receive_gm(now, from, &bytes)
            }
            Input::Receive {
                iface: Iface::Mw,
                from,
                bytes,
            } => self.receive_mw(now, from, &bytes),
            Input::Receive {
                iface: Iface::SGi,
                from,
                bytes,
            } => {
                self.out.bump("no_ip_stack");
                self.out.note(
                    None,
                    format!(
                        "dropped a {}-byte IP packet from {from} on SGi: this P-CSCF has no IP stack (no IPv4 or IPv6 address of its own)",
                        bytes.len()
                    ),
                );
            }
            Input::Receive { iface, from, .. } => {
                self.out.bump("decode_errors");
                self.out.note(
                    None,
                    format!(
                        "ignored bytes from {from} on {iface}: the P-CSCF speaks {} and Mw",
                        self.gm.iface()
                    ),
                );
            }
            Input::Timeout => self.timeout(now),
            Input::Command(c) => self
                .out
                .note(None, format!("ignored command {c:?}: this is a P-CSCF")),
        }
    }

    fn poll_output(&mut self) -> Option<Output> {
        self.out.pop()
    }

    fn poll_timeout(&self) -> Option<Time> {
        if !self.started {
            return Some(Time::ZERO);
        }
        [
            self.gm.poll_timeout(),
            self.pending.next_due(),
            self.timers.first().map(|(t, _)| *t),
        ]
        .into_iter()
        .flatten()
        .min()
    }
}
