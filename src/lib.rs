//! volte-sim: an LTE control-plane and IMS simulator for VoLTE.
//!
//! Simulated UE, eNB, MME, S/P-GW, P-CSCF, I-CSCF, S-CSCF and HSS exchange
//! real wire bytes (S1AP, NAS, GTPv2-C, GTP-U, Diameter, SIP, ESP) so that any
//! node can be replaced by a real peer and every capture is a real capture.
//!
//! # Layout
//!
//! - [`codec`]: bytes <-> typed values, one module per protocol; no I/O.
//! - [`crypto`]: Milenage, the TS 33.401 key derivations, 128-EIA2/EEA2.
//! - [`nodes`]: the network functions as sans-IO state machines.
//! - [`sim`]: the deterministic driver (virtual clock) the tests run on.
//! - [`runtime`]: tokio actors that drive the nodes in real time, and the
//!   TCP listeners through which real Diameter peers reach the HSS.
//! - [`events`]: the event stream and its sinks (ladder, pcap, JSON).
//! - [`tui`]: the terminal UI (ratatui) over the simulator.
//! - [`cli`]: the command-line front end.
#![warn(missing_docs)]

pub mod cli;
pub mod codec;
pub mod crypto;
pub mod events;
pub mod nodes;
pub mod run;
pub mod runtime;
pub mod sim;
pub mod topology;
pub mod tui;
