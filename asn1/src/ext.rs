//! APER extensibility done right, for the types where hampi 0.7.2 is wrong.
//!
//! `fixup.py` replaces hampi's derived codec with one of the macros below for:
//! - extensible ENUMERATED types ([`aper_enumerated!`]): hampi decodes an
//!   extension value as if it were the root value with the same index and
//!   cannot encode one. Here a value is numbered in definition order (root
//!   values `0..=ub`, then the extension values), which round-trips.
//! - extensible CHOICE types ([`aper_choice!`]): extension alternatives are
//!   open types (X.691 23.8); hampi cannot decode them and encodes them
//!   without the open-type wrapper. Unknown alternatives are kept as bytes.
//! - open types ([`aper_open!`]): the values of ProtocolIE-Field,
//!   ProtocolExtensionField and the elementary procedure messages. hampi fails
//!   the whole PDU on an id it does not know; here the value is kept as
//!   [`UnknownValue`] and the criticality decides what to do (TS 36.413 10.3),
//!   see [`IeField`].
//! - unbounded OCTET STRINGs ([`aper_octets!`]): lengths of 16384 octets and
//!   more are fragmented (X.691 11.9.3.8), which hampi cannot encode.
//!
//! It also replaces hampi's empty `*IE_Extensions_Entry {}` structs (for
//! extension sets that are empty in this release) with real
//! ProtocolExtensionFields, so an eNB's iE-Extensions decode instead of
//! corrupting everything after them.

use asn1_codecs::aper::AperCodec;
use asn1_codecs::aper::{decode, encode};
use asn1_codecs::{PerCodecData, PerCodecError, PerCodecErrorCause};

/// The encoded bytes of an open-type value whose key (IE id, extension id or
/// procedure code) this release of TS 36.413 does not define.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownValue(pub Vec<u8>);

/// A CHOICE extension alternative this release does not define: its index in
/// the extension additions and its encoded bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownAlternative {
    /// Index among the extension alternatives (0 = first after `...`).
    pub index: u32,
    /// The open-type contents.
    pub bytes: Vec<u8>,
}

/// Implemented by every open-type enum: tells whether the value is one this
/// release does not know.
pub trait OpenValue {
    /// True for the `Unknown` variant.
    fn is_unknown(&self) -> bool;
}

/// Implemented by every ProtocolIE-Field / ProtocolExtensionField struct, so
/// criticality handling (TS 36.413 10.3.4/10.3.5) can be written once.
pub trait IeField {
    /// The IE (or extension) id.
    fn ie_id(&self) -> u16;
    /// The criticality the sender gave the IE: 0 reject, 1 ignore, 2 notify.
    fn ie_criticality(&self) -> u8;
    /// True when this release does not know the id.
    fn is_unknown(&self) -> bool;
}

fn err(msg: impl Into<String>) -> PerCodecError {
    PerCodecError::new(PerCodecErrorCause::Generic, msg.into().as_str())
}

/// Largest chunk read at once; below 16384 so that hampi's octet-string decoder
/// never mistakes a chunk for a fragment.
const CHUNK: usize = 16_383;

/// Reads `n` octet-aligned bytes.
fn read_bytes(data: &mut PerCodecData, n: usize) -> Result<Vec<u8>, PerCodecError> {
    let mut out = Vec::with_capacity(n.min(1 << 16));
    let mut left = n;
    while left > 0 {
        let take = left.min(CHUNK);
        let bound = Some(take as i128);
        out.extend(decode::decode_octetstring(data, bound, bound, false)?);
        left -= take;
    }
    Ok(out)
}

/// Decodes an unconstrained, possibly fragmented, octet sequence
/// (X.691 11.9.3.8.1): an open type's contents or an unbounded OCTET STRING.
pub fn decode_unbounded_octets(data: &mut PerCodecData) -> Result<Vec<u8>, PerCodecError> {
    let mut out = Vec::new();
    loop {
        let len = decode::decode_length_determinent(data, None, None, false)?;
        out.extend(read_bytes(data, len)?);
        // A fragment is 16K, 32K, 48K or 64K octets and is always followed by
        // another length (possibly 0).
        if len < 16_384 || len % 16_384 != 0 {
            return Ok(out);
        }
    }
}

/// Appends octet-aligned raw bytes.
fn append_raw(data: &mut PerCodecData, bytes: &[u8]) {
    let mut raw = PerCodecData::from_slice_aper(bytes);
    data.append_aligned(&mut raw);
}

/// Encodes an unconstrained octet sequence with fragmentation (X.691 11.9.3.8).
pub fn encode_unbounded_octets(data: &mut PerCodecData, bytes: &[u8]) -> Result<(), PerCodecError> {
    let mut rest = bytes;
    loop {
        if rest.len() >= 16_384 {
            let m = (rest.len() / 16_384).min(4);
            append_raw(data, &[0xC0 | m as u8]);
            let (frag, tail) = rest.split_at(m * 16_384);
            append_raw(data, frag);
            rest = tail;
            continue;
        }
        let n = rest.len();
        if n < 128 {
            append_raw(data, &[n as u8]);
        } else {
            append_raw(data, &[0x80 | (n >> 8) as u8, n as u8]);
        }
        append_raw(data, rest);
        return Ok(());
    }
}

/// APER-encodes `v` on its own, as the contents of an open type (an empty
/// encoding becomes one zero octet, X.691 11.2.2).
pub fn encode_to_bytes<T: AperCodec>(v: &T) -> Result<Vec<u8>, PerCodecError> {
    let mut inner = PerCodecData::new_aper();
    v.aper_encode(&mut inner)?;
    let mut bytes = inner.into_bytes();
    if bytes.is_empty() {
        bytes.push(0);
    }
    Ok(bytes)
}

/// Encodes `v` as an open type: its own encoding, preceded by its length.
/// The common case (under 16K octets) encodes straight into a buffer that is
/// appended once; larger values take the fragmenting path.
pub fn encode_open<T: AperCodec>(data: &mut PerCodecData, v: &T) -> Result<(), PerCodecError> {
    let mut inner = PerCodecData::new_aper();
    v.aper_encode(&mut inner)?;
    let len = inner.length_in_bytes();
    if len == 0 {
        // X.691 11.2.2: an empty encoding is replaced by a single zero octet.
        return encode_unbounded_octets(data, &[0]);
    }
    if len >= 16_384 {
        return encode_unbounded_octets(data, &inner.into_bytes());
    }
    encode::encode_length_determinent(data, None, None, false, len)?;
    data.append_aligned(&mut inner);
    Ok(())
}

/// Decodes the contents of an open type as `T`.
pub fn decode_from_bytes<T: AperCodec<Output = T>>(bytes: &[u8]) -> Result<T, PerCodecError> {
    let mut inner = PerCodecData::from_slice_aper(bytes);
    T::aper_decode(&mut inner)
}

/// Decodes an extensible ENUMERATED whose root values are `0..=ub`; an
/// extension value gets the number `ub + 1 + index`.
pub fn decode_ext_enumerated(data: &mut PerCodecData, ub: i128) -> Result<u8, PerCodecError> {
    let (v, extended) = decode::decode_enumerated(data, Some(0), Some(ub), true)?;
    let v = if extended { ub + 1 + v } else { v };
    u8::try_from(v).map_err(|_| err(format!("ENUMERATED value {v} out of range")))
}

/// Writes a normally small non-negative whole number (X.691 11.6).
fn encode_normally_small(data: &mut PerCodecData, n: i128) -> Result<(), PerCodecError> {
    if n <= 63 {
        encode::encode_bool(data, false)?;
        encode::encode_integer(data, Some(0), Some(63), false, n, false)
    } else {
        encode::encode_bool(data, true)?;
        encode::encode_integer(data, Some(0), None, false, n, false)
    }
}

/// Encodes an extensible ENUMERATED numbered as in [`decode_ext_enumerated`].
pub fn encode_ext_enumerated(
    data: &mut PerCodecData,
    ub: i128,
    v: u8,
) -> Result<(), PerCodecError> {
    let v = i128::from(v);
    if v <= ub {
        encode::encode_enumerated(data, Some(0), Some(ub), true, v, false)
    } else {
        // X.691 14.3: extension bit, then the index as a normally small number.
        encode::encode_bool(data, true)?;
        encode_normally_small(data, v - ub - 1)
    }
}

/// Encodes the index of a CHOICE extension alternative (X.691 23.8).
pub fn encode_choice_ext_index(data: &mut PerCodecData, index: u32) -> Result<(), PerCodecError> {
    encode::encode_bool(data, true)?;
    encode_normally_small(data, i128::from(index))
}

/// The open-type key set by the enclosing SEQUENCE's key field.
pub fn open_key(data: &PerCodecData) -> Result<i128, PerCodecError> {
    data.get_key()
        .ok_or_else(|| err("open type without a key (id) before it"))
}

/// Codec for an extensible ENUMERATED `$name(pub u8)` with root values `0..=$ub`.
#[macro_export]
macro_rules! aper_enumerated {
    ($name:ident, $ub:literal) => {
        impl asn1_codecs::aper::AperCodec for $name {
            type Output = Self;
            fn aper_decode(
                data: &mut asn1_codecs::PerCodecData,
            ) -> Result<Self, asn1_codecs::PerCodecError> {
                $crate::ext::decode_ext_enumerated(data, $ub).map(Self)
            }
            fn aper_encode(
                &self,
                data: &mut asn1_codecs::PerCodecData,
            ) -> Result<(), asn1_codecs::PerCodecError> {
                $crate::ext::encode_ext_enumerated(data, $ub, self.0)
            }
        }
    };
}

/// Codec for an extensible CHOICE with root alternatives `0..=$ub`, extension
/// alternatives, and an `UnknownExtension(UnknownAlternative)` variant.
#[macro_export]
macro_rules! aper_choice {
    ($name:ident, $ub:literal,
     root { $($rv:ident($rt:ty) = $ri:literal),* $(,)? },
     ext { $($ev:ident($et:ty) = $ei:literal),* $(,)? }) => {
        impl asn1_codecs::aper::AperCodec for $name {
            type Output = Self;
            fn aper_decode(
                data: &mut asn1_codecs::PerCodecData,
            ) -> Result<Self, asn1_codecs::PerCodecError> {
                let (idx, extended) =
                    asn1_codecs::aper::decode::decode_choice_idx(data, 0, $ub, true)?;
                if !extended {
                    return match idx {
                        $($ri => Ok(Self::$rv(<$rt as asn1_codecs::aper::AperCodec>::aper_decode(data)?)),)*
                        _ => Err(asn1_codecs::PerCodecError::new(
                            asn1_codecs::PerCodecErrorCause::Generic,
                            concat!("invalid root alternative of ", stringify!($name)),
                        )),
                    };
                }
                let bytes = $crate::ext::decode_unbounded_octets(data)?;
                match idx {
                    $($ei => Ok(Self::$ev($crate::ext::decode_from_bytes::<$et>(&bytes)?)),)*
                    _ => Ok(Self::UnknownExtension($crate::ext::UnknownAlternative {
                        index: u32::try_from(idx).unwrap_or(u32::MAX),
                        bytes,
                    })),
                }
            }
            fn aper_encode(
                &self,
                data: &mut asn1_codecs::PerCodecData,
            ) -> Result<(), asn1_codecs::PerCodecError> {
                match self {
                    $(Self::$rv(v) => {
                        asn1_codecs::aper::encode::encode_choice_idx(data, 0, $ub, true, $ri, false)?;
                        asn1_codecs::aper::AperCodec::aper_encode(v, data)
                    })*
                    $(Self::$ev(v) => {
                        $crate::ext::encode_choice_ext_index(data, $ei)?;
                        $crate::ext::encode_open(data, v)
                    })*
                    Self::UnknownExtension(u) => {
                        $crate::ext::encode_choice_ext_index(data, u.index)?;
                        $crate::ext::encode_unbounded_octets(data, &u.bytes)
                    }
                }
            }
        }
    };
}

/// Codec for an open type keyed by the enclosing field's id, with an
/// `Unknown(UnknownValue)` variant for ids this release does not define.
#[macro_export]
macro_rules! aper_open {
    ($name:ident { $($v:ident($t:ty) = $k:literal @ $c:literal),* $(,)? }) => {
        impl $name {
            /// The id (IE id, extension id or procedure code) of this value;
            /// `None` for an unknown value, whose id is in the enclosing field.
            pub fn key(&self) -> Option<u16> {
                match self {
                    $(Self::$v(_) => Some($k),)*
                    Self::Unknown(_) => None,
                }
            }
            /// The criticality TS 36.413 gives this IE or procedure
            /// (0 reject, 1 ignore, 2 notify); `None` for an unknown value.
            pub fn criticality(&self) -> Option<u8> {
                match self {
                    $(Self::$v(_) => Some($c),)*
                    Self::Unknown(_) => None,
                }
            }
        }
        impl asn1_codecs::aper::AperCodec for $name {
            type Output = Self;
            fn aper_decode(
                data: &mut asn1_codecs::PerCodecData,
            ) -> Result<Self, asn1_codecs::PerCodecError> {
                let key = $crate::ext::open_key(data)?;
                let bytes = $crate::ext::decode_unbounded_octets(data)?;
                match key {
                    $($k => Ok(Self::$v($crate::ext::decode_from_bytes::<$t>(&bytes)?)),)*
                    _ => Ok(Self::Unknown($crate::ext::UnknownValue(bytes))),
                }
            }
            fn aper_encode(
                &self,
                data: &mut asn1_codecs::PerCodecData,
            ) -> Result<(), asn1_codecs::PerCodecError> {
                match self {
                    $(Self::$v(v) => $crate::ext::encode_open(data, v),)*
                    Self::Unknown(u) => $crate::ext::encode_unbounded_octets(data, &u.0),
                }
            }
        }
        impl $crate::ext::OpenValue for $name {
            fn is_unknown(&self) -> bool {
                matches!(self, Self::Unknown(_))
            }
        }
    };
}

/// Codec for an OCTET STRING without an upper bound, with fragmentation.
#[macro_export]
macro_rules! aper_octets {
    ($name:ident) => {
        impl asn1_codecs::aper::AperCodec for $name {
            type Output = Self;
            fn aper_decode(
                data: &mut asn1_codecs::PerCodecData,
            ) -> Result<Self, asn1_codecs::PerCodecError> {
                $crate::ext::decode_unbounded_octets(data).map(Self)
            }
            fn aper_encode(
                &self,
                data: &mut asn1_codecs::PerCodecData,
            ) -> Result<(), asn1_codecs::PerCodecError> {
                $crate::ext::encode_unbounded_octets(data, &self.0)
            }
        }
    };
}

/// [`IeField`] for a ProtocolIE-Field or ProtocolExtensionField struct whose
/// value lives in field `$value`.
#[macro_export]
macro_rules! ie_field {
    ($name:ident, $value:ident) => {
        impl $crate::ext::IeField for $name {
            fn ie_id(&self) -> u16 {
                self.id.0
            }
            fn ie_criticality(&self) -> u8 {
                self.criticality.0
            }
            fn is_unknown(&self) -> bool {
                $crate::ext::OpenValue::is_unknown(&self.$value)
            }
        }
    };
}
