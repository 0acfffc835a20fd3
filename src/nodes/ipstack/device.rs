//! The smoltcp device of an [`IpHost`](super::IpHost): two in-memory queues
//! of whole IP packets (medium IP: no Ethernet, no ARP/NDP).

use smoltcp::phy::{self, Device, DeviceCapabilities, Medium};
use smoltcp::time::Instant;
use std::collections::VecDeque;

/// Packets waiting for smoltcp (`rx`) and packets smoltcp produced (`tx`).
#[derive(Debug, Default)]
pub(super) struct QueueDevice {
    pub(super) rx: VecDeque<Vec<u8>>,
    pub(super) tx: Vec<Vec<u8>>,
    mtu: u16,
}

impl QueueDevice {
    pub(super) fn new(mtu: u16) -> Self {
        Self {
            rx: VecDeque::new(),
            tx: Vec::new(),
            mtu,
        }
    }

    /// Heap bytes held by the queues.
    pub(super) fn heap_bytes(&self) -> usize {
        self.rx.capacity() * size_of::<Vec<u8>>()
            + self.tx.capacity() * size_of::<Vec<u8>>()
            + self
                .rx
                .iter()
                .chain(&self.tx)
                .map(Vec::capacity)
                .sum::<usize>()
    }
}

impl Device for QueueDevice {
    type RxToken<'a> = RxToken;
    type TxToken<'a> = TxToken<'a>;

    fn receive(&mut self, _now: Instant) -> Option<(Self::RxToken<'_>, Self::TxToken<'_>)> {
        let packet = self.rx.pop_front()?;
        Some((RxToken(packet), TxToken(&mut self.tx)))
    }

    fn transmit(&mut self, _now: Instant) -> Option<Self::TxToken<'_>> {
        Some(TxToken(&mut self.tx))
    }

    fn capabilities(&self) -> DeviceCapabilities {
        // Checksums are computed and verified: the packets are real wire bytes.
        let mut caps = DeviceCapabilities::default();
        caps.medium = Medium::Ip;
        caps.max_transmission_unit = usize::from(self.mtu);
        caps
    }
}

/// One received packet.
#[derive(Debug)]
pub(super) struct RxToken(Vec<u8>);

impl phy::RxToken for RxToken {
    fn consume<R, F>(self, f: F) -> R
    where
        F: FnOnce(&[u8]) -> R,
    {
        f(&self.0)
    }
}

/// Room for one packet to send.
#[derive(Debug)]
pub(super) struct TxToken<'a>(&'a mut Vec<Vec<u8>>);

impl phy::TxToken for TxToken<'_> {
    fn consume<R, F>(self, len: usize, f: F) -> R
    where
        F: FnOnce(&mut [u8]) -> R,
    {
        let mut packet = vec![0; len];
        let r = f(&mut packet);
        self.0.push(packet);
        r
    }
}
