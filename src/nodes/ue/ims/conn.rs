//! TCP connections of the IMS client: opening them (the P-CSCF addresses
//! from the PCO in order, the next one when a connection fails or times
//! out), sending (queued until open), and cutting the byte stream into SIP
//! messages (RFC 3261 18.3) for the request and response paths.

use super::transport::TransportCommand;
use super::{CONNECT_TIMEOUT, ConnId, ImsClient, ImsTimer, Phase, SIP_PORT, SaSetId};
use crate::codec::sip::{Framer, SipMessage};
use crate::nodes::ue::usim::Usim;
use std::net::{IpAddr, SocketAddr};

/// One TCP connection.
pub(super) struct Conn {
    pub(super) id: ConnId,
    pub(super) local: SocketAddr,
    pub(super) remote: SocketAddr,
    /// The SA set it runs in, if any.
    pub(super) sa: Option<SaSetId>,
    pub(super) open: bool,
    /// Bytes to send once open.
    pending: Vec<Vec<u8>>,
    framer: Framer,
}

/// `[v6]` or `v4`, as a SIP host.
pub(super) fn host(ip: IpAddr) -> String {
    match ip {
        IpAddr::V4(a) => a.to_string(),
        IpAddr::V6(a) => format!("[{a}]"),
    }
}

impl ImsClient {
    /// The (local, P-CSCF) pairs to try: the P-CSCFs of the family of the
    /// PDN's IPv4 address first, then, when the PDN also has IPv6, the IPv6
    /// ones; an IPv6-only PDN tries its IPv6 P-CSCFs.
    pub(super) fn candidate_pairs(&self) -> Vec<(IpAddr, IpAddr)> {
        let Some(b) = &self.bearer else {
            return Vec::new();
        };
        let mut out = Vec::new();
        if let Some(v4) = b.ipv4 {
            out.extend(
                b.pcscf
                    .iter()
                    .filter(|a| a.is_ipv4())
                    .map(|a| (IpAddr::V4(v4), *a)),
            );
        }
        if let Some(v6) = b.ipv6 {
            out.extend(
                b.pcscf
                    .iter()
                    .filter(|a| a.is_ipv6())
                    .map(|a| (IpAddr::V6(v6), *a)),
            );
        }
        out
    }

    /// The current (local, P-CSCF) pair.
    pub(super) fn pair(&self) -> Option<(IpAddr, IpAddr)> {
        self.candidates.get(self.candidate).copied()
    }

    /// Opens the unprotected connection to candidate `i`.
    pub(super) fn connect_candidate(&mut self, i: usize) {
        let Some((local, remote)) = self.candidates.get(i).copied() else {
            let tried = self.connect_failures.join("; ");
            self.fail(format!(
                "The UE could not open TCP to any P-CSCF from the PCO: {tried}"
            ));
            return;
        };
        self.candidate = i;
        self.phase = Phase::Connecting;
        let port = self.rng.range(49152, 65535) as u16;
        let local = SocketAddr::new(local, port);
        let remote = SocketAddr::new(remote, SIP_PORT);
        let which = if i == 0 {
            "the first P-CSCF address of the PCO".to_string()
        } else {
            format!("P-CSCF address {} of the PCO", i + 1)
        };
        self.note(format!(
            "opening TCP from {local} to {remote} ({which}) for IMS registration"
        ));
        let id = self.open_conn(local, remote, None);
        self.plain = Some(id);
    }

    /// Opens a connection; bytes sent on it wait until it is open.
    pub(super) fn open_conn(
        &mut self,
        local: SocketAddr,
        remote: SocketAddr,
        sa: Option<SaSetId>,
    ) -> ConnId {
        let id = ConnId(self.next_conn & !ConnId::ACCEPTED);
        self.next_conn = self.next_conn.wrapping_add(1);
        self.conns.push(Conn {
            id,
            local,
            remote,
            sa,
            open: false,
            pending: Vec::new(),
            framer: Framer::new(),
        });
        self.command(TransportCommand::Connect {
            conn: id,
            local,
            remote,
            sa,
        });
        self.start_timer(ImsTimer::Connect(id), CONNECT_TIMEOUT);
        id
    }

    /// Closes and forgets a connection.
    pub(super) fn close_conn(&mut self, id: ConnId) {
        if let Some(i) = self.conns.iter().position(|c| c.id == id) {
            self.conns.remove(i);
            self.stop_timer(ImsTimer::Connect(id));
            self.command(TransportCommand::Close { conn: id });
        }
    }

    pub(super) fn conn(&self, id: ConnId) -> Option<&Conn> {
        self.conns.iter().find(|c| c.id == id)
    }

    /// Sends bytes on `id` now, or once it opens.
    pub(super) fn send_on(&mut self, id: ConnId, bytes: Vec<u8>) {
        let Some(c) = self.conns.iter_mut().find(|c| c.id == id) else {
            self.note(format!("could not send on {id}: it is closed"));
            return;
        };
        if c.open {
            self.command(TransportCommand::Send { conn: id, bytes });
        } else {
            c.pending.push(bytes);
        }
    }

    pub(super) fn on_connected(&mut self, id: ConnId) {
        let Some(c) = self.conns.iter_mut().find(|c| c.id == id) else {
            return;
        };
        c.open = true;
        let pending = std::mem::take(&mut c.pending);
        let (local, remote, sa) = (c.local, c.remote, c.sa);
        self.stop_timer(ImsTimer::Connect(id));
        let how = if sa.is_some() {
            "protected by the SAs"
        } else {
            "unprotected"
        };
        self.note(format!("TCP {local} -> {remote} open ({how})"));
        for bytes in pending {
            self.command(TransportCommand::Send { conn: id, bytes });
        }
        if self.plain == Some(id) && self.phase == Phase::Connecting {
            self.send_initial_register();
        }
    }

    pub(super) fn on_failed(&mut self, id: ConnId, reason: &str) {
        let Some(i) = self.conns.iter().position(|c| c.id == id) else {
            return;
        };
        let c = self.conns.remove(i);
        self.stop_timer(ImsTimer::Connect(id));
        self.count("ims_tcp_failed");
        self.conn_lost(id, c.local, c.remote, c.open, reason);
    }

    pub(super) fn on_connect_timeout(&mut self, id: ConnId) {
        let Some(c) = self.conns.iter().find(|c| c.id == id) else {
            return;
        };
        let (local, remote) = (c.local, c.remote);
        self.close_conn(id);
        self.count("ims_tcp_failed");
        let why = format!("no answer within {} s", CONNECT_TIMEOUT.as_secs());
        self.conn_lost(id, local, remote, false, &why);
    }

    pub(super) fn on_closed(&mut self, id: ConnId) {
        let Some(i) = self.conns.iter().position(|c| c.id == id) else {
            return;
        };
        let c = self.conns.remove(i);
        self.stop_timer(ImsTimer::Connect(id));
        self.conn_lost(id, c.local, c.remote, c.open, "closed by the peer");
    }

    /// A connection is gone: fall back to the next P-CSCF while opening
    /// the first one, otherwise forget it (the next request opens another).
    fn conn_lost(
        &mut self,
        id: ConnId,
        local: SocketAddr,
        remote: SocketAddr,
        was_open: bool,
        why: &str,
    ) {
        for sa in [self.sa.as_mut(), self.temp_sa.as_mut()]
            .into_iter()
            .flatten()
        {
            if sa.client == Some(id) {
                sa.client = None;
            }
        }
        if self.plain == Some(id) {
            self.plain = None;
            if self.phase == Phase::Connecting && !was_open {
                self.note(format!("TCP {local} -> {remote} failed: {why}"));
                self.connect_failures.push(format!("{remote} ({why})"));
                self.connect_candidate(self.candidate + 1);
                return;
            }
        }
        let pending: Vec<usize> = self
            .txns
            .iter()
            .enumerate()
            .filter(|(_, t)| t.conn == id)
            .map(|(i, _)| i)
            .collect();
        self.note(format!("TCP {local} -> {remote} ended: {why}"));
        if !pending.is_empty() {
            // RFC 3261 17.1.4: a transport error ends the transaction.
            for i in pending.into_iter().rev() {
                let mut t = self.txns.remove(i);
                t.txn.transport_error();
                self.txn_failed(t.kind, "its TCP connection ended");
            }
        }
    }

    pub(super) fn on_accepted(&mut self, id: ConnId, local: SocketAddr, remote: SocketAddr) {
        let sa = [self.sa.as_ref(), self.temp_sa.as_ref()]
            .into_iter()
            .flatten()
            .find(|s| s.ue.port_s == local.port() && s.ue_ip == local.ip())
            .map(|s| s.id);
        self.conns.push(Conn {
            id,
            local,
            remote,
            sa,
            open: true,
            pending: Vec::new(),
            framer: Framer::new(),
        });
        self.note(format!("TCP {remote} -> {local} accepted"));
    }

    /// Bytes of the stream: whole messages go to the response path (client
    /// transactions) or the request path.
    pub(super) fn on_data(&mut self, id: ConnId, bytes: &[u8], usim: &mut Usim) {
        let Some(c) = self.conns.iter_mut().find(|c| c.id == id) else {
            self.count("ims_data_unknown_connection");
            return;
        };
        c.framer.push(bytes);
        let mut msgs = Vec::new();
        let mut error = None;
        loop {
            match c.framer.next_message() {
                Ok(Some(m)) => msgs.push(m),
                Ok(None) => break,
                Err(e) => {
                    error = Some(e);
                    break;
                }
            }
        }
        for m in msgs {
            self.dispatch(id, m, usim);
        }
        if let Some(e) = error
            && let Some(i) = self.conns.iter().position(|c| c.id == id)
        {
            // RFC 3261 18.3: a stream that cannot be framed cannot be
            // resynchronised: close it.
            let c = self.conns.remove(i);
            self.stop_timer(ImsTimer::Connect(id));
            self.command(TransportCommand::Close { conn: id });
            self.count("ims_sip_decode_error");
            let why = format!(
                "its SIP stream cannot be read ({}, offset {}), so the UE closed it",
                e.what, e.offset
            );
            self.conn_lost(id, c.local, c.remote, true, &why);
        }
    }

    fn dispatch(&mut self, id: ConnId, m: SipMessage, usim: &mut Usim) {
        if m.is_request() {
            self.handle_request(id, m);
        } else {
            self.handle_response(m, usim);
        }
    }
}
