//! The event stream and its sinks. For now: the pcap writer.

pub mod pcap;
