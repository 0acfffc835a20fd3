//! Connections as the application sees them: ids, events, and the record
//! the host keeps beside each smoltcp socket to turn state changes into
//! events.

use smoltcp::iface::SocketHandle;
use smoltcp::socket::tcp::State;
use std::fmt;
use std::net::SocketAddr;

/// A TCP connection of one host. Ids are never reused within a host.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ConnId(pub u32);

impl fmt::Display for ConnId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "conn#{}", self.0)
    }
}

/// Why a connection ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CloseReason {
    /// Both sides sent FIN and it was acknowledged.
    Graceful,
    /// Reset by the peer, aborted locally, or retransmissions gave up.
    Reset,
    /// An outgoing connection never got established (refused or no answer).
    ConnectFailed,
}

/// What happened on a host since the application last looked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HostEvent {
    /// An outgoing connection (`tcp_connect`) is established.
    Connected(ConnId),
    /// A connection to a listening port is established.
    Accepted {
        /// The new connection.
        conn: ConnId,
        /// Our address and port.
        local: SocketAddr,
        /// The peer's address and port.
        peer: SocketAddr,
    },
    /// New bytes wait in `recv`.
    Readable(ConnId),
    /// The peer sent FIN: no more bytes will come (we may still send).
    PeerClosed(ConnId),
    /// The connection is over; its id is dead (bytes still unread stay
    /// available to `recv` once).
    Closed {
        /// The connection.
        conn: ConnId,
        /// How it ended.
        reason: CloseReason,
    },
    /// A datagram waits on a bound UDP port.
    UdpReadable {
        /// The local port.
        port: u16,
    },
}

/// Where a connection is in its life, as reported to the application.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Phase {
    /// A socket waiting for a SYN on a listening port; not visible yet.
    Listening,
    /// Handshake under way.
    Opening,
    /// Established (Connected/Accepted reported).
    Open,
    /// Closed reported; the socket may linger in TIME-WAIT.
    Done,
}

/// The host's record of one TCP socket.
#[derive(Debug)]
pub(super) struct Conn {
    pub(super) id: ConnId,
    pub(super) handle: SocketHandle,
    pub(super) outbound: bool,
    pub(super) phase: Phase,
    pub(super) last_state: State,
    pub(super) peer_fin_reported: bool,
    /// Bytes in the receive buffer when last reported as Readable.
    pub(super) rx_seen: usize,
    /// Bytes the application sent that the socket buffer had no room for.
    pub(super) pending: Vec<u8>,
    /// The application asked to close once `pending` is flushed.
    pub(super) close_requested: bool,
    /// Bytes left unread when the socket went away.
    pub(super) leftover: Vec<u8>,
    /// The smoltcp socket has been removed from the set.
    pub(super) released: bool,
}

impl Conn {
    pub(super) fn new(id: ConnId, handle: SocketHandle, outbound: bool, phase: Phase) -> Self {
        Self {
            id,
            handle,
            outbound,
            phase,
            last_state: if outbound {
                State::SynSent
            } else {
                State::Listen
            },
            peer_fin_reported: false,
            rx_seen: 0,
            pending: Vec::new(),
            close_requested: false,
            leftover: Vec::new(),
            released: false,
        }
    }

    pub(super) fn heap_bytes(&self) -> usize {
        self.pending.capacity() + self.leftover.capacity()
    }
}

/// States in which the peer's FIN has been received.
pub(super) const fn fin_received(s: State) -> bool {
    matches!(
        s,
        State::CloseWait | State::LastAck | State::Closing | State::TimeWait
    )
}

/// States past the handshake.
pub(super) const fn synchronized(s: State) -> bool {
    !matches!(
        s,
        State::Closed | State::Listen | State::SynSent | State::SynReceived
    )
}
