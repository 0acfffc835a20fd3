//! Diameter over TCP (RFC 6733 2.1) for real peers of a simulated node,
//! such as a real MME or CSCF talking to the simulated HSS.
//!
//! A [`Listener`] is bound before the run starts (so a port in use is an
//! error at start, and port 0 is resolved to the port actually bound). Its
//! accept task gives every connection a fresh [`NodeId`] from
//! [`NodeId::FIRST_EXTERNAL`] up, announces it as an [`Event::Peer`], and
//! runs one task per connection that
//!
//! - cuts the byte stream into messages by the Message Length of the
//!   Diameter header (bytes 1..4), publishes each as an [`Event::Message`]
//!   from the peer and delivers it to the node as bytes received on the
//!   listener's interface, from the peer's id;
//! - writes what the node transmits to that id (routed by the
//!   [`Fabric`]) to the socket.
//!
//! A length below the header's 20 bytes or above [`MAX_MESSAGE`] cannot be
//! framed past, so the connection is closed with a note. A peer that
//! closes is noted and its route forgotten; its id is never reused. Either
//! way the node is told with [`HssCommand::ConnectionClosed`] (listeners
//! serve the HSS only), so it forgets that peer's Diameter connection.

use super::actor::{Envelope, elapsed};
use super::fabric::Fabric;
use crate::codec::diameter::header::message_length;
use crate::events::event::{Event, MessageEvent, PeerEvent};
use crate::nodes::{Command, HssCommand, Iface, NodeEvent, NodeId, Transmit};
use bytes::{Bytes, BytesMut};
use std::io;
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{mpsc, watch};
use tokio::task::JoinSet;

/// The Diameter header's length (RFC 6733 3).
pub const HEADER_LEN: usize = 20;

/// The longest message accepted from a real peer (1 MiB); the header
/// allows 16 MiB, which no S6a or Cx message comes near.
pub const MAX_MESSAGE: usize = 1 << 20;

/// Cuts the next whole Diameter message off the front of `buf`: `Ok(None)`
/// until one is complete, `Err` (a sentence) when the length in its header
/// cannot be a message, after which the stream cannot be framed.
pub fn next_message(buf: &mut BytesMut) -> Result<Option<Bytes>, String> {
    let Some(len) = message_length(buf) else {
        return Ok(None);
    };
    if !(HEADER_LEN..=MAX_MESSAGE).contains(&len) {
        return Err(format!(
            "the Diameter header announces a {len}-byte message (must be {HEADER_LEN} to \
             {MAX_MESSAGE}): the stream cannot be framed, closing the connection"
        ));
    }
    if buf.len() < len {
        return Ok(None);
    }
    Ok(Some(buf.split_to(len).freeze()))
}

/// A bound TCP listener for one interface of one node.
#[derive(Debug)]
pub struct Listener {
    /// The node real peers talk to.
    pub node: NodeId,
    /// The interface their messages arrive on.
    pub iface: Iface,
    inner: TcpListener,
    local: SocketAddr,
}

impl Listener {
    /// Binds `addr` for peers of `node` on `iface`.
    pub async fn bind(node: NodeId, iface: Iface, addr: SocketAddr) -> io::Result<Self> {
        let inner = TcpListener::bind(addr).await?;
        let local = inner.local_addr()?;
        Ok(Self {
            node,
            iface,
            inner,
            local,
        })
    }

    /// The address actually bound (port 0 resolved).
    pub fn local_addr(&self) -> SocketAddr {
        self.local
    }
}

/// What the accept and connection tasks share with the runtime.
#[derive(Clone)]
pub(crate) struct Shared {
    pub(crate) fabric: Arc<Fabric>,
    pub(crate) events: mpsc::UnboundedSender<Vec<Event>>,
    pub(crate) shutdown: watch::Receiver<bool>,
    pub(crate) start: tokio::time::Instant,
    pub(crate) next_id: Arc<AtomicU32>,
}

impl Shared {
    fn note(&self, node: NodeId, text: String) {
        let _ = self.events.send(vec![Event::Node {
            t: elapsed(self.start),
            node,
            event: NodeEvent::Note { imsi: None, text },
        }]);
    }
}

/// Accepts connections until shutdown, then waits for their tasks.
pub(crate) async fn accept_loop(listener: Listener, shared: Shared) {
    let mut shutdown = shared.shutdown.clone();
    let mut conns = JoinSet::new();
    loop {
        tokio::select! {
            _ = shutdown.changed() => break,
            Some(_) = conns.join_next(), if !conns.is_empty() => {}
            r = listener.inner.accept() => match r {
                Ok((stream, peer)) => {
                    let id = NodeId(shared.next_id.fetch_add(1, Ordering::Relaxed));
                    let local = stream.local_addr().unwrap_or(listener.local);
                    // Diameter answers are small and latency matters.
                    let _ = stream.set_nodelay(true);
                    let (writer, outgoing) = mpsc::unbounded_channel();
                    shared.fabric.connect(id, writer);
                    let _ = shared.events.send(vec![Event::Peer(PeerEvent {
                        t: elapsed(shared.start),
                        id,
                        node: listener.node,
                        iface: listener.iface,
                        peer,
                        local,
                    })]);
                    let conn = Connection {
                        id,
                        node: listener.node,
                        iface: listener.iface,
                        shared: shared.clone(),
                    };
                    conns.spawn(conn.run(stream, outgoing));
                }
                Err(e) => {
                    shared.note(
                        listener.node,
                        format!(
                            "accepting a {} connection on {} failed: {e}",
                            listener.iface, listener.local
                        ),
                    );
                    // Out of descriptors, say: do not spin.
                    tokio::time::sleep(std::time::Duration::from_millis(100)).await;
                }
            },
        }
    }
    while conns.join_next().await.is_some() {}
}

/// One accepted connection.
struct Connection {
    id: NodeId,
    node: NodeId,
    iface: Iface,
    shared: Shared,
}

impl Connection {
    async fn run(self, stream: TcpStream, mut outgoing: mpsc::UnboundedReceiver<Bytes>) {
        let (mut rd, mut wr) = stream.into_split();
        let mut shutdown = self.shared.shutdown.clone();
        let mut buf = BytesMut::with_capacity(4096);
        let ending: Option<String> = 'conn: loop {
            tokio::select! {
                _ = shutdown.changed() => break None,
                out = outgoing.recv() => match out {
                    // A peer that stops reading must not hold up shutdown.
                    Some(bytes) => tokio::select! {
                        _ = shutdown.changed() => break None,
                        r = wr.write_all(&bytes) => if let Err(e) = r {
                            break Some(format!("writing to the connection failed ({e}): closed"));
                        },
                    },
                    None => break None,
                },
                r = rd.read_buf(&mut buf) => match r {
                    Ok(0) if buf.is_empty() => break Some("connection closed by the peer".into()),
                    Ok(0) => {
                        break Some(format!(
                            "connection closed by the peer in the middle of a message \
                             ({} bytes left unread)",
                            buf.len()
                        ))
                    }
                    Ok(_) => loop {
                        match next_message(&mut buf) {
                            Ok(Some(bytes)) => self.deliver(bytes),
                            Ok(None) => break,
                            Err(why) => break 'conn Some(why),
                        }
                    },
                    Err(e) => break Some(format!("reading from the connection failed ({e}): closed")),
                },
            }
        };
        self.shared.fabric.disconnect(self.id);
        if let Some(text) = ending {
            self.shared.note(self.id, text);
            // The HSS forgets the connection (no more watchdogs to it).
            self.shared.fabric.send(
                self.node,
                Envelope::Command {
                    at: elapsed(self.shared.start),
                    node: self.node,
                    cmd: Command::Hss(HssCommand::ConnectionClosed { peer: self.id }),
                },
            );
        }
    }

    /// Publishes a message from the peer and hands it to the node.
    fn deliver(&self, bytes: Bytes) {
        let t = elapsed(self.shared.start);
        let _ = self.shared.events.send(vec![Event::Message(MessageEvent {
            t,
            from: self.id,
            to: self.node,
            iface: self.iface,
            stream: 0,
            imsi: None,
            bytes: bytes.clone(),
        })]);
        self.shared.fabric.send(
            self.node,
            Envelope::Deliver {
                at: t,
                from: self.id,
                tx: Transmit {
                    iface: self.iface,
                    to: self.node,
                    bytes,
                    stream: 0,
                    imsi: None,
                },
            },
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(len: usize) -> Vec<u8> {
        let mut h = vec![1u8, (len >> 16) as u8, (len >> 8) as u8, len as u8];
        h.resize(HEADER_LEN, 0);
        h
    }

    #[test]
    fn framing_waits_for_whole_messages_and_cuts_them_one_by_one() {
        let mut a = header(24);
        a.extend_from_slice(&[9, 9, 9, 9]);
        let b = header(20);
        let mut buf = BytesMut::new();
        buf.extend_from_slice(&a[..3]);
        assert_eq!(next_message(&mut buf), Ok(None));
        buf.extend_from_slice(&a[3..10]);
        assert_eq!(next_message(&mut buf), Ok(None));
        buf.extend_from_slice(&a[10..]);
        buf.extend_from_slice(&b);
        assert_eq!(next_message(&mut buf).unwrap().unwrap(), &a[..]);
        assert_eq!(next_message(&mut buf).unwrap().unwrap(), &b[..]);
        assert_eq!(next_message(&mut buf), Ok(None));
        assert!(buf.is_empty());
    }

    #[test]
    fn framing_refuses_lengths_no_message_can_have() {
        for len in [0, 4, 19, MAX_MESSAGE + 1, 0xff_ffff] {
            let mut buf = BytesMut::from(&header(20)[..]);
            buf[1] = (len >> 16) as u8;
            buf[2] = (len >> 8) as u8;
            buf[3] = len as u8;
            let e = next_message(&mut buf).unwrap_err();
            assert!(e.contains(&format!("{len}-byte")), "{e}");
        }
    }

    proptest::proptest! {
        #[test]
        fn framing_never_panics_on_garbage(
            chunks in proptest::collection::vec(proptest::collection::vec(proptest::prelude::any::<u8>(), 0..64), 0..8)
        ) {
            // Fed in pieces as reads deliver them: Ok or Err, never a panic,
            // and every message cut is as long as its header says.
            let mut buf = BytesMut::new();
            for c in chunks {
                buf.extend_from_slice(&c);
                loop {
                    match next_message(&mut buf) {
                        Ok(Some(m)) => proptest::prop_assert_eq!(message_length(&m), Some(m.len())),
                        Ok(None) => break,
                        Err(_) => return Ok(()),
                    }
                }
            }
        }
    }
}
