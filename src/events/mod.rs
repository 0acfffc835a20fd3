//! The event stream and its sinks. Every message that crosses an interface
//! is one [`event::Event`]; the text ladder, the pcap writer, the JSON log and
//! the terminal UI all consume the same stream.

pub mod capture;
pub mod event;
pub mod json;
pub mod ladder;
pub mod names;
pub mod pcap;
