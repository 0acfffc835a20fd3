//! Diameter (RFC 6733) with the S6a/S6d (TS 29.272) and Cx/Dx (TS 29.229)
//! applications: bytes <-> typed values, no peers or transports.
//!
//! Two views of a message:
//! - [`Message`]: the header and the AVPs as they came, Grouped ones nested
//!   (the [`dict`] says which are Grouped). Decoding and encoding it
//!   reproduces the wire bytes; find helpers and typed getters read it.
//! - The typed commands ([`Air`], [`Ula`], [`Mar`], ...), one struct per
//!   request and answer, built with `from_message` and turned back with
//!   `to_message`. AVPs they do not model, and the order and flags AVPs came
//!   with, are kept in their `extra` field, so that a decoded command
//!   encodes to the same bytes. [`Command`] picks the right one.
//!
//! [`tree`] renders any message for humans, with names and values from the
//! dictionary and byte spans.

pub mod avp;
pub mod base;
pub mod cx;
pub mod dict;
pub mod header;
pub mod message;
pub mod result;
pub mod s6a;
mod tree;
pub mod typed;

pub use avp::{Address, Avp, AvpValue, MAX_DEPTH};
pub use base::*;
pub use cx::*;
pub use header::{CommandFlags, Header};
pub use message::Message;
pub use s6a::*;
pub use tree::tree;

use super::DecodeError;

/// Protocol name in [`DecodeError`]s.
pub(crate) const PROTO: &str = "Diameter";

/// Decodes one message into its generic form.
pub fn decode(bytes: &[u8]) -> Result<Message, DecodeError> {
    Message::decode(bytes)
}

/// Declares [`Command`] over the typed commands.
macro_rules! commands {
    ($($variant:ident),* $(,)?) => {
        /// Any message, as its typed command when this module models it.
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub enum Command {
            $(
                #[doc = concat!("[`", stringify!($variant), "`].")]
                $variant($variant),
            )*
            /// A command this module has no type for (e.g. IDR, ACR).
            Other(Message),
        }

        impl Command {
            /// The typed command for `msg`, chosen by Application-ID, command
            /// code and R bit; [`Command::Other`] when there is none.
            pub fn from_message(msg: &Message) -> Result<Self, DecodeError> {
                let h = &msg.header;
                $(
                    if h.application == $variant::APPLICATION
                        && h.command == $variant::CODE
                        && h.is_request() == $variant::REQUEST
                    {
                        return $variant::from_message(msg).map(Self::$variant);
                    }
                )*
                Ok(Self::Other(msg.clone()))
            }

            /// The generic message, with the given identifiers (an `Other`
            /// message keeps its header but takes these identifiers).
            pub fn to_message(&self, hop_by_hop: u32, end_to_end: u32) -> Message {
                match self {
                    $( Self::$variant(c) => c.to_message(hop_by_hop, end_to_end), )*
                    Self::Other(m) => {
                        let mut m = m.clone();
                        m.header.hop_by_hop = hop_by_hop;
                        m.header.end_to_end = end_to_end;
                        m
                    }
                }
            }

            /// One line for a ladder.
            pub fn summary(&self) -> String {
                match self {
                    $( Self::$variant(c) => c.summary(), )*
                    Self::Other(m) => m.summary(),
                }
            }
        }
    };
}

commands!(
    Cer, Cea, Dwr, Dwa, Dpr, Dpa, // base
    Air, Aia, Ulr, Ula, Pur, Pua, Clr, Cla, // S6a
    Uar, Uaa, Sar, Saa, Lir, Lia, Mar, Maa, Rtr, Rta, Ppr, Ppa, // Cx
);

impl Command {
    /// Decodes wire bytes into the typed command.
    pub fn decode(bytes: &[u8]) -> Result<Self, DecodeError> {
        Self::from_message(&Message::decode(bytes)?)
    }
}
