//! `volte-sim decode`: paste bytes from a log, get a readable tree.

use crate::codec::{self, DecodeError, Field};
use clap::{Args, ValueEnum};
use std::io::Read;
use std::path::PathBuf;
use std::process::ExitCode;

/// Protocols `decode` understands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Proto {
    /// S1AP PDU (APER), with any NAS inside decoded too.
    S1ap,
    /// NAS EPS message (plain or security-protected).
    Nas,
    /// GTPv2-C message.
    Gtpv2c,
    /// GTP-U packet.
    Gtpu,
    /// Diameter message (base, S6a, Cx).
    Diameter,
    /// SIP message (text; give its bytes as hex or a file).
    Sip,
    /// ESP packet from its SPI on (RFC 4303; the payload shown when NULL
    /// encryption lets it be guessed).
    Esp,
    /// IPv4 or IPv6 packet, with TCP/UDP, SIP, ESP or ICMPv6 inside.
    Ip,
    /// ICMPv6 message from its type on (Router Advertisement decoded).
    Icmpv6,
}

/// Arguments of `decode`.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  volte-sim decode --proto nas 0741...\n  volte-sim decode --proto s1ap --file pdu.bin\n  echo 0741... | volte-sim decode --proto nas -"
)]
pub struct DecodeArgs {
    /// Protocol of the bytes.
    #[arg(long, short)]
    pub proto: Proto,
    /// Hex string (spaces, colons and a 0x prefix are allowed); `-` reads hex from stdin.
    #[arg(conflicts_with = "file")]
    pub hex: Option<String>,
    /// Read the message from a file: raw bytes, or hex text if it looks like hex.
    #[arg(long, short)]
    pub file: Option<PathBuf>,
}

/// Decodes with the chosen protocol's decoder.
pub fn decode(proto: Proto, bytes: &[u8]) -> Result<Field, DecodeError> {
    match proto {
        Proto::S1ap => codec::s1ap::tree(bytes),
        Proto::Nas => codec::nas::tree(bytes),
        Proto::Gtpv2c => codec::gtpv2c::tree(bytes),
        Proto::Gtpu => codec::gtpu::tree(bytes),
        Proto::Diameter => codec::diameter::tree(bytes),
        Proto::Sip => codec::sip::tree(bytes),
        Proto::Esp => codec::esp::tree(bytes),
        Proto::Ip => codec::ip::tree(bytes),
        Proto::Icmpv6 => codec::icmpv6::tree(bytes),
    }
}

fn input_bytes(args: &DecodeArgs) -> Result<Vec<u8>, String> {
    if let Some(path) = &args.file {
        let raw =
            std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let looks_hex = !raw.is_empty()
            && raw.iter().all(|b| {
                b.is_ascii_hexdigit() || b.is_ascii_whitespace() || *b == b':' || *b == b'x'
            });
        if looks_hex {
            let text = String::from_utf8_lossy(&raw);
            return codec::parse_hex(&text).map_err(|e| format!("{}: {e}", path.display()));
        }
        return Ok(raw);
    }
    let text = match args.hex.as_deref() {
        Some("-") | None => {
            let mut s = String::new();
            std::io::stdin()
                .read_to_string(&mut s)
                .map_err(|e| format!("cannot read stdin: {e}"))?;
            s
        }
        Some(h) => h.to_string(),
    };
    codec::parse_hex(&text).map_err(|e| e.to_string())
}

/// Runs `decode`.
pub fn run(args: &DecodeArgs) -> ExitCode {
    let bytes = match input_bytes(args) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    match decode(args.proto, &bytes) {
        Ok(tree) => {
            print!("{}", tree.render());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            eprintln!("bytes: {}", codec::hex(&bytes));
            ExitCode::FAILURE
        }
    }
}
