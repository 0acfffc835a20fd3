//! The machinery behind the typed messages: reading typed values out of AVPs,
//! keeping what a type does not model, and the macros that declare each
//! Grouped AVP, enumeration and command once.

use super::PROTO;
use super::avp::{Address, Avp, AvpValue};
use super::dict::AvpDef;
use crate::codec::DecodeError;

/// A value that one AVP carries.
pub trait AvpData: Sized {
    /// Reads the value from `avp`, which matched `def`; `at` is the AVP's
    /// byte offset in the message, for errors.
    fn from_avp(avp: &Avp, def: &AvpDef, at: usize) -> Result<Self, DecodeError>;
    /// The AVP data carrying this value.
    fn to_value(&self) -> AvpValue;
}

/// The error for a required AVP that is absent from the AVPs at `at`.
pub(crate) fn missing(def: &AvpDef, at: usize) -> DecodeError {
    DecodeError::new(
        PROTO,
        at,
        format!("missing mandatory AVP {} ({})", def.name, def.code),
    )
}

/// Moves an error from an AVP getter (which knows no offsets) to `at`.
fn located(mut e: DecodeError, at: usize) -> DecodeError {
    e.offset = at;
    e
}

macro_rules! fixed_width {
    ($($ty:ty => $get:ident),*) => {$(
        impl AvpData for $ty {
            fn from_avp(avp: &Avp, _: &AvpDef, at: usize) -> Result<Self, DecodeError> {
                avp.$get().map_err(|e| located(e, at))
            }
            fn to_value(&self) -> AvpValue {
                AvpValue::Raw(self.to_be_bytes().to_vec())
            }
        }
    )*};
}

fixed_width!(u32 => u32, u64 => u64, i32 => i32, i64 => i64);

/// UTF8String, DiameterIdentity and DiameterURI.
impl AvpData for String {
    fn from_avp(avp: &Avp, _: &AvpDef, at: usize) -> Result<Self, DecodeError> {
        avp.utf8().map(str::to_string).map_err(|e| located(e, at))
    }
    fn to_value(&self) -> AvpValue {
        AvpValue::Raw(self.as_bytes().to_vec())
    }
}

/// OctetString of any length.
impl AvpData for Vec<u8> {
    fn from_avp(avp: &Avp, _: &AvpDef, at: usize) -> Result<Self, DecodeError> {
        avp.octets().map(<[u8]>::to_vec).map_err(|e| located(e, at))
    }
    fn to_value(&self) -> AvpValue {
        AvpValue::Raw(self.clone())
    }
}

/// OctetString of a fixed length (RAND, AUTN, KASME, CK, IK, PLMN ids).
impl<const N: usize> AvpData for [u8; N] {
    fn from_avp(avp: &Avp, def: &AvpDef, at: usize) -> Result<Self, DecodeError> {
        let d = avp.octets().map_err(|e| located(e, at))?;
        d.try_into().map_err(|_| {
            DecodeError::new(
                PROTO,
                at,
                format!("{}: expected {N} bytes, got {}", def.name, d.len()),
            )
        })
    }
    fn to_value(&self) -> AvpValue {
        AvpValue::Raw(self.to_vec())
    }
}

impl AvpData for Address {
    fn from_avp(avp: &Avp, _: &AvpDef, at: usize) -> Result<Self, DecodeError> {
        avp.address().map_err(|e| located(e, at))
    }
    fn to_value(&self) -> AvpValue {
        AvpValue::Raw(self.to_bytes())
    }
}

/// A Grouped AVP kept as plain AVPs (Failed-AVP and the like).
impl AvpData for Vec<Avp> {
    fn from_avp(avp: &Avp, _: &AvpDef, at: usize) -> Result<Self, DecodeError> {
        avp.grouped()
            .map(<[Avp]>::to_vec)
            .map_err(|e| located(e, at))
    }
    fn to_value(&self) -> AvpValue {
        AvpValue::Grouped(self.clone())
    }
}

/// Where an AVP stood and which flags it had.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct Slot {
    code: u32,
    vendor: Option<u32>,
    flags: u8,
}

/// What a typed value keeps beyond its fields: the AVPs it does not model,
/// and, for a decoded value, the order and flags its AVPs arrived with, so
/// that encoding it again gives the same bytes. Values built in code encode
/// their AVPs in the order of the spec's command or AVP definition.
///
/// Equality looks at the unmodelled AVPs only: the layout is how a value was
/// sent, not what it says.
#[derive(Debug, Clone, Default)]
pub struct Extra {
    /// AVPs the type does not model, in arrival order.
    pub avps: Vec<Avp>,
    layout: Vec<Slot>,
}

impl PartialEq for Extra {
    fn eq(&self, other: &Self) -> bool {
        self.avps == other.avps
    }
}

impl Eq for Extra {}

impl Extra {
    /// Unmodelled AVPs to send after the modelled ones.
    pub fn with_avps(avps: Vec<Avp>) -> Self {
        Self {
            avps,
            layout: Vec::new(),
        }
    }

    /// Notes where `avp` stood (called for every AVP while decoding).
    pub(crate) fn record(&mut self, avp: &Avp) {
        self.layout.push(Slot {
            code: avp.code,
            vendor: avp.vendor,
            flags: avp.flags,
        });
    }

    /// True when the value remembers a wire layout.
    pub fn has_layout(&self) -> bool {
        !self.layout.is_empty()
    }

    /// Drops the remembered layout: AVPs are then encoded in spec order with
    /// the dictionary's flags.
    pub fn forget_layout(&mut self) {
        self.layout.clear();
    }

    /// Puts `built` (modelled AVPs in spec order, then unmodelled ones) into
    /// the remembered order, with the remembered flags. AVPs the layout has
    /// no place for (fields set after decoding) go last.
    pub(crate) fn arrange(&self, built: Vec<Avp>) -> Vec<Avp> {
        if self.layout.is_empty() {
            return built;
        }
        let mut pool: Vec<Option<Avp>> = built.into_iter().map(Some).collect();
        let mut out = Vec::with_capacity(pool.len());
        for slot in &self.layout {
            let hit = pool.iter_mut().find(|a| {
                a.as_ref()
                    .is_some_and(|a| a.code == slot.code && a.vendor == slot.vendor)
            });
            if let Some(mut avp) = hit.and_then(Option::take) {
                avp.flags = slot.flags;
                out.push(avp);
            }
        }
        out.extend(pool.into_iter().flatten());
        out
    }
}

/// Declares a struct over a list of AVPs (a Grouped AVP's or a command's),
/// with `from_avps`/`to_avps` and an [`AvpData`] impl. Each field is
/// `name: one T = DEF` (required), `opt T` (optional), `some T` (one or
/// more) or `many T` (any number), in the order of the spec's definition;
/// `DEF` is the dictionary entry. Unmodelled AVPs, and repeats of
/// `one`/`opt` AVPs, land in `extra`.
macro_rules! avp_struct {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $(
                $(#[$fmeta:meta])*
                $field:ident: $kind:ident $ty:ty = $def:expr,
            )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Default)]
        pub struct $name {
            $(
                $(#[$fmeta])*
                pub $field: avp_struct!(@type $kind $ty),
            )*
            /// AVPs not modelled above, and the wire layout of a decoded value.
            pub extra: $crate::codec::diameter::typed::Extra,
        }

        impl $name {
            /// Reads the fields from `avps`, whose first AVP starts at byte
            /// `at` of the message; names the first required AVP missing.
            pub fn from_avps(
                avps: &[$crate::codec::diameter::Avp],
                at: usize,
            ) -> Result<Self, $crate::codec::DecodeError> {
                #[allow(unused_imports)]
                use $crate::codec::diameter::typed::AvpData as _;
                $( let mut $field: Vec<$ty> = Vec::new(); )*
                let mut extra = $crate::codec::diameter::typed::Extra::default();
                let mut off = at;
                for avp in avps {
                    extra.record(avp);
                    let mut taken = false;
                    $(
                        if !taken && $def.matches(avp) && avp_struct!(@room $kind $field) {
                            $field.push(<$ty>::from_avp(avp, &$def, off)?);
                            taken = true;
                        }
                    )*
                    if !taken {
                        extra.avps.push(avp.clone());
                    }
                    off += avp.encoded_len();
                }
                Ok(Self {
                    $( $field: avp_struct!(@finish $kind $field, $def, at), )*
                    extra,
                })
            }

            /// The AVPs of this value: modelled ones in spec order, then the
            /// unmodelled ones; a decoded value keeps its wire order.
            #[allow(clippy::vec_init_then_push)]
            pub fn to_avps(&self) -> Vec<$crate::codec::diameter::Avp> {
                #[allow(unused_imports)]
                use $crate::codec::diameter::typed::AvpData as _;
                let mut out = Vec::new();
                $( avp_struct!(@put $kind out, $def, &self.$field); )*
                out.extend(self.extra.avps.iter().cloned());
                self.extra.arrange(out)
            }
        }

        impl $crate::codec::diameter::typed::AvpData for $name {
            fn from_avp(
                avp: &$crate::codec::diameter::Avp,
                def: &$crate::codec::diameter::dict::AvpDef,
                at: usize,
            ) -> Result<Self, $crate::codec::DecodeError> {
                let inner = avp.grouped().map_err(|mut e| {
                    e.offset = at;
                    e.what = format!("{}: {}", def.name, e.what);
                    e
                })?;
                Self::from_avps(inner, at + avp.header_len())
            }

            fn to_value(&self) -> $crate::codec::diameter::AvpValue {
                $crate::codec::diameter::AvpValue::Grouped(self.to_avps())
            }
        }
    };
    (@type one $ty:ty) => { $ty };
    (@type opt $ty:ty) => { Option<$ty> };
    (@type many $ty:ty) => { Vec<$ty> };
    (@type some $ty:ty) => { Vec<$ty> };
    (@room many $v:ident) => { true };
    (@room some $v:ident) => { true };
    (@room $kind:ident $v:ident) => { $v.is_empty() };
    (@finish one $v:ident, $def:expr, $at:expr) => {
        $v.into_iter()
            .next()
            .ok_or_else(|| $crate::codec::diameter::typed::missing(&$def, $at))?
    };
    (@finish opt $v:ident, $def:expr, $at:expr) => { $v.into_iter().next() };
    (@finish many $v:ident, $def:expr, $at:expr) => { $v };
    (@finish some $v:ident, $def:expr, $at:expr) => {
        if $v.is_empty() {
            return Err($crate::codec::diameter::typed::missing(&$def, $at));
        } else {
            $v
        }
    };
    (@put one $out:ident, $def:expr, $v:expr) => {
        $out.push($def.avp($v.to_value()));
    };
    (@put opt $out:ident, $def:expr, $v:expr) => {
        if let Some(v) = $v {
            $out.push($def.avp(v.to_value()));
        }
    };
    (@put $kind:ident $out:ident, $def:expr, $v:expr) => {
        for v in $v {
            $out.push($def.avp(v.to_value()));
        }
    };
}
pub(crate) use avp_struct;

/// Declares a command's request or answer: an [`avp_struct!`] plus the
/// header it travels with and `from_message`/`to_message`/`decode`/`encode`.
macro_rules! command {
    (
        $(#[$meta:meta])*
        pub struct $name:ident($code:literal, $app:expr, request: $req:literal, proxiable: $prox:literal) {
            $($body:tt)*
        }
    ) => {
        avp_struct! {
            $(#[$meta])*
            pub struct $name { $($body)* }
        }

        impl $name {
            /// Command code.
            pub const CODE: u32 = $code;
            /// Application-ID in the header.
            pub const APPLICATION: u32 = $app;
            /// True for a request (R bit).
            pub const REQUEST: bool = $req;
            /// True when the P bit is set.
            pub const PROXIABLE: bool = $prox;

            /// Reads the command from a generic message, checking the command
            /// code, the R bit and the Application-ID.
            pub fn from_message(
                msg: &$crate::codec::diameter::Message,
            ) -> Result<Self, $crate::codec::DecodeError> {
                $crate::codec::diameter::typed::check_header(
                    &msg.header,
                    $code,
                    $app,
                    $req,
                )?;
                Self::from_avps(&msg.avps, $crate::codec::diameter::header::HEADER_LEN)
            }

            /// The generic message with the given hop-by-hop and end-to-end
            /// identifiers. The E bit is set when an answer carries a 3xxx
            /// Result-Code (RFC 6733 7.1.3); set T on the result for a
            /// retransmission.
            pub fn to_message(
                &self,
                hop_by_hop: u32,
                end_to_end: u32,
            ) -> $crate::codec::diameter::Message {
                let avps = self.to_avps();
                let header = $crate::codec::diameter::typed::header_for(
                    $code, $app, $req, $prox, hop_by_hop, end_to_end, &avps,
                );
                $crate::codec::diameter::Message::new(header, avps)
            }

            /// Decodes the command from wire bytes.
            pub fn decode(bytes: &[u8]) -> Result<Self, $crate::codec::DecodeError> {
                Self::from_message(&$crate::codec::diameter::Message::decode(bytes)?)
            }

            /// Encodes the command with the given identifiers.
            pub fn encode(&self, hop_by_hop: u32, end_to_end: u32) -> Vec<u8> {
                self.to_message(hop_by_hop, end_to_end).encode()
            }
        }
    };
}
pub(crate) use command;

/// Checks that `h` is the header of command `code` in `app`, request or answer.
pub(crate) fn check_header(
    h: &super::Header,
    code: u32,
    app: u32,
    request: bool,
) -> Result<(), DecodeError> {
    if h.command != code || h.application != app || h.is_request() != request {
        let kind = |r: bool| if r { "request" } else { "answer" };
        return Err(DecodeError::new(
            PROTO,
            4,
            format!(
                "expected {} (command {code} {}, application {app}), got command {} {} in application {}",
                super::dict::command_short_name(code, request),
                kind(request),
                h.command,
                kind(h.is_request()),
                h.application
            ),
        ));
    }
    Ok(())
}

/// The header of a typed command.
pub(crate) fn header_for(
    code: u32,
    app: u32,
    request: bool,
    proxiable: bool,
    hop_by_hop: u32,
    end_to_end: u32,
    avps: &[Avp],
) -> super::Header {
    use super::header::CommandFlags as F;
    let protocol_error = !request
        && super::avp::find(avps, super::dict::RESULT_CODE.code, None)
            .and_then(|a| a.u32().ok())
            .is_some_and(|c| (3000..4000).contains(&c));
    let flags = F(0)
        .with(F::REQUEST, request)
        .with(F::PROXIABLE, proxiable)
        .with(F::ERROR, protocol_error);
    super::Header::new(flags, code, app, hop_by_hop, end_to_end)
}

/// Declares an Enumerated AVP's values as a Rust enum with an `Other`
/// variant for values it does not name, so every wire value survives.
macro_rules! avp_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $value:literal => $text:literal, )*
        }
    ) => {
        $(#[$meta])*
        ///
        /// `from_u32` never yields `Other` for a value that has a variant.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )*
            /// A value without a name here, kept as received.
            Other(u32),
        }

        impl $name {
            /// The variant for wire value `v`.
            pub fn from_u32(v: u32) -> Self {
                match v {
                    $( $value => Self::$variant, )*
                    other => Self::Other(other),
                }
            }

            /// The wire value.
            pub fn to_u32(self) -> u32 {
                match self {
                    $( Self::$variant => $value, )*
                    Self::Other(v) => v,
                }
            }

            /// The spec's name for the value.
            pub fn name(self) -> Option<&'static str> {
                match self {
                    $( Self::$variant => Some($text), )*
                    Self::Other(_) => None,
                }
            }
        }

        impl Default for $name {
            fn default() -> Self {
                Self::from_u32(0)
            }
        }

        impl From<u32> for $name {
            fn from(v: u32) -> Self {
                Self::from_u32(v)
            }
        }

        impl From<$name> for u32 {
            fn from(v: $name) -> u32 {
                v.to_u32()
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                match self.name() {
                    Some(n) => write!(f, "{n} ({})", self.to_u32()),
                    None => write!(f, "{}", self.to_u32()),
                }
            }
        }

        impl $crate::codec::diameter::typed::AvpData for $name {
            fn from_avp(
                avp: &$crate::codec::diameter::Avp,
                def: &$crate::codec::diameter::dict::AvpDef,
                at: usize,
            ) -> Result<Self, $crate::codec::DecodeError> {
                u32::from_avp(avp, def, at).map(Self::from_u32)
            }

            fn to_value(&self) -> $crate::codec::diameter::AvpValue {
                self.to_u32().to_value()
            }
        }
    };
}
pub(crate) use avp_enum;

#[cfg(test)]
#[allow(unreachable_pub)]
mod tests {
    use super::*;
    use crate::codec::diameter::dict;

    avp_struct! {
        /// A test group.
        pub struct Pair {
            /// Required.
            first: one u32 = dict::VENDOR_ID,
            /// Optional.
            second: opt String = dict::PRODUCT_NAME,
            /// Repeated.
            rest: many u32 = dict::SUPPORTED_VENDOR_ID,
        }
    }

    #[test]
    fn avp_struct_reports_missing_required_avp() {
        let e = Pair::from_avps(&[dict::PRODUCT_NAME.utf8("x")], 20).unwrap_err();
        assert_eq!(e.what, "missing mandatory AVP Vendor-Id (266)");
        assert_eq!(e.offset, 20);
    }

    #[test]
    fn avp_struct_locates_bad_values() {
        let avps = [
            dict::PRODUCT_NAME.utf8("x"),
            Avp::raw(266, None, 0x40, vec![1]),
        ];
        let e = Pair::from_avps(&avps, 20).unwrap_err();
        assert_eq!(e.offset, 32);
        assert!(e.what.starts_with("Vendor-Id"), "{}", e.what);
    }

    #[test]
    fn avp_struct_keeps_order_flags_and_unknown_avps() {
        let avps = vec![
            Avp::raw(9999, None, 0, vec![1, 2]),
            dict::SUPPORTED_VENDOR_ID.u32(1),
            Avp::raw(269, None, 0x40, b"p".to_vec()),
            dict::VENDOR_ID.u32(7),
            dict::VENDOR_ID.u32(8),
            dict::SUPPORTED_VENDOR_ID.u32(2),
        ];
        let p = Pair::from_avps(&avps, 0).unwrap();
        assert_eq!(p.first, 7);
        assert_eq!(p.second.as_deref(), Some("p"));
        assert_eq!(p.rest, vec![1, 2]);
        assert_eq!(p.extra.avps, vec![avps[0].clone(), avps[4].clone()]);
        assert_eq!(p.to_avps(), avps);

        let mut fresh = p.clone();
        fresh.extra.forget_layout();
        assert_eq!(fresh, p);
        let order: Vec<u32> = fresh.to_avps().iter().map(|a| a.code).collect();
        assert_eq!(order, [266, 269, 265, 265, 9999, 266]);
        assert_eq!(fresh.to_avps()[1].flags, 0);
    }

    #[test]
    fn arrange_puts_new_fields_last() {
        let avps = vec![dict::VENDOR_ID.u32(7)];
        let mut p = Pair::from_avps(&avps, 0).unwrap();
        p.second = Some("late".into());
        let order: Vec<u32> = p.to_avps().iter().map(|a| a.code).collect();
        assert_eq!(order, [266, 269]);
    }

    avp_enum! {
        /// A test enumeration.
        pub enum Color {
            /// Zero.
            Red = 0 => "RED",
            /// One.
            Blue = 1 => "BLUE",
        }
    }

    #[test]
    fn avp_enum_keeps_unnamed_values() {
        assert_eq!(Color::from_u32(1), Color::Blue);
        assert_eq!(Color::from_u32(7), Color::Other(7));
        assert_eq!(Color::Other(7).to_u32(), 7);
        assert_eq!(Color::Blue.to_string(), "BLUE (1)");
        assert_eq!(Color::Other(7).to_string(), "7");
        assert_eq!(Color::default(), Color::Red);
    }

    #[test]
    fn fixed_arrays_check_length() {
        let avp = dict::RAND.octets(&[1; 15]);
        let e = <[u8; 16]>::from_avp(&avp, &dict::RAND, 40).unwrap_err();
        assert_eq!(
            (e.offset, e.what.as_str()),
            (40, "RAND: expected 16 bytes, got 15")
        );
    }
}
