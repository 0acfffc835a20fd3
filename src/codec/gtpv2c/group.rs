//! Lists of IEs with typed fields: the body of every message and of grouped
//! IEs such as Bearer Context (TS 29.274 8.2.1).
//!
//! Each message or grouped IE is declared once with `ie_group!`: field name,
//! IE type, instance and value type. Decoding fills the typed fields; an IE
//! the struct does not type (unknown type or instance, a second copy of a
//! single IE, a value that does not decode) goes to `other` unchanged.
//! Decoding also records a [`WireOrder`] so that re-encoding a decoded value
//! gives back the received bytes even when the sender ordered IEs its own way
//! or set spare bits; values built in code are encoded in the order of the
//! spec's tables.

use super::ie::{Ie, IeValue, RawIe, put_ie};
use crate::codec::{DecodeError, Reader};
use std::collections::HashMap;
use std::fmt;

/// Where each IE of a decoded list sat on the wire, and the exact bytes of
/// those whose typed form does not re-encode identically (spare bits set,
/// extra octets). Filled by decoding; leave it empty when building values.
///
/// Two lists that carry the same IEs are equal whatever their wire order, so
/// `WireOrder` always compares equal.
#[derive(Clone, Default)]
pub struct WireOrder(Vec<Slot>);

#[derive(Clone)]
struct Slot {
    key: Key,
    verbatim: Option<Box<Verbatim>>,
}

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Key {
    /// Element `.1` of typed field `.0`.
    Field(&'static str, usize),
    /// Element of `other`.
    Other(usize),
}

#[derive(Clone)]
struct Verbatim {
    /// The IE as received.
    original: Vec<u8>,
    /// What its typed value encodes to: while the value still encodes to
    /// this, the received bytes are sent instead.
    canonical: Vec<u8>,
}

impl WireOrder {
    /// True when nothing was recorded (values built in code).
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Forgets the recorded order, so encoding follows the spec's order.
    pub fn clear(&mut self) {
        self.0.clear();
    }
}

impl PartialEq for WireOrder {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for WireOrder {}

impl fmt::Debug for WireOrder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "WireOrder({} IEs)", self.0.len())
    }
}

/// A typed field: `Option<V>` holds one IE, `Vec<V>` any number.
pub trait FieldSlot {
    /// The IE value type.
    type Item: IeValue;
    /// True when no further IE fits.
    fn is_full(&self) -> bool;
    /// Stores a value; returns its element index.
    fn put(&mut self, v: Self::Item) -> usize;
    /// The values held.
    fn items(&self) -> &[Self::Item];
}

impl<V: IeValue> FieldSlot for Option<V> {
    type Item = V;
    fn is_full(&self) -> bool {
        self.is_some()
    }
    fn put(&mut self, v: V) -> usize {
        *self = Some(v);
        0
    }
    fn items(&self) -> &[V] {
        self.as_slice()
    }
}

impl<V: IeValue> FieldSlot for Vec<V> {
    type Item = V;
    fn is_full(&self) -> bool {
        false
    }
    fn put(&mut self, v: V) -> usize {
        self.push(v);
        self.len() - 1
    }
    fn items(&self) -> &[V] {
        self
    }
}

/// A list of IEs with typed fields (a message body or a grouped IE value).
pub trait IeGroup: Sized {
    /// Decodes IEs until `r` is empty.
    fn decode_ies(r: &mut Reader<'_>) -> Result<Self, DecodeError>;
    /// Appends the IEs.
    fn encode_ies(&self, out: &mut Vec<u8>);

    /// Decodes a whole buffer of IEs.
    fn from_ie_bytes(bytes: &[u8]) -> Result<Self, DecodeError> {
        Self::decode_ies(&mut Reader::new(super::ie::PROTO, bytes))
    }

    /// The IEs as bytes.
    fn to_ie_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        self.encode_ies(&mut out);
        out
    }
}

/// Decoding state of one IE list.
#[derive(Default)]
pub(crate) struct GroupDecoder {
    order: Vec<Slot>,
    scratch: Vec<u8>,
}

impl GroupDecoder {
    /// Tries to store `ie` in typed field `slot`; false if it does not fit or
    /// its value does not decode (the caller then keeps it in `other`).
    pub(crate) fn try_field<S: FieldSlot>(
        &mut self,
        ie: &RawIe<'_>,
        name: &'static str,
        slot: &mut S,
    ) -> bool {
        if slot.is_full() {
            return false;
        }
        let Ok(v) = S::Item::decode_value(&mut ie.value.clone()) else {
            return false;
        };
        self.scratch.clear();
        put_ie(&mut self.scratch, ie.ie_type, ie.instance, 0, |o| {
            v.encode_value(o)
        });
        let verbatim = (self.scratch.as_slice() != ie.raw).then(|| {
            Box::new(Verbatim {
                original: ie.raw.to_vec(),
                canonical: self.scratch.clone(),
            })
        });
        let idx = slot.put(v);
        self.order.push(Slot {
            key: Key::Field(name, idx),
            verbatim,
        });
        true
    }

    /// Keeps `ie` as received in `other`.
    pub(crate) fn keep_other(&mut self, ie: &RawIe<'_>, other: &mut Vec<Ie>) {
        self.order.push(Slot {
            key: Key::Other(other.len()),
            verbatim: None,
        });
        other.push(ie.to_ie());
    }

    pub(crate) fn finish(self) -> WireOrder {
        WireOrder(self.order)
    }
}

/// Encoding state of one IE list: typed fields and `other` are handed over in
/// the spec's order; `finish` writes them in the recorded wire order (if any),
/// then whatever the order does not mention.
pub(crate) struct GroupEncoder<'a> {
    order: &'a WireOrder,
    out: &'a mut Vec<u8>,
    scratch: Vec<u8>,
    entries: Vec<(Key, usize, usize)>,
}

impl<'a> GroupEncoder<'a> {
    pub(crate) fn new(order: &'a WireOrder, out: &'a mut Vec<u8>) -> Self {
        Self {
            order,
            out,
            scratch: Vec::new(),
            entries: Vec::new(),
        }
    }

    fn sink(&mut self) -> &mut Vec<u8> {
        if self.order.is_empty() {
            self.out
        } else {
            &mut self.scratch
        }
    }

    fn record(&mut self, key: Key, start: usize) {
        if !self.order.is_empty() {
            self.entries.push((key, start, self.scratch.len()));
        }
    }

    pub(crate) fn field<V: IeValue>(
        &mut self,
        name: &'static str,
        idx: usize,
        ie_type: u8,
        instance: u8,
        v: &V,
    ) {
        let start = self.scratch.len();
        put_ie(self.sink(), ie_type, instance, 0, |o| v.encode_value(o));
        self.record(Key::Field(name, idx), start);
    }

    pub(crate) fn other(&mut self, idx: usize, ie: &Ie) {
        let start = self.scratch.len();
        ie.encode_into(self.sink());
        self.record(Key::Other(idx), start);
    }

    pub(crate) fn finish(self) {
        if self.order.is_empty() {
            return;
        }
        // Keys are unique among the entries; a map keeps long lists linear.
        let index: HashMap<Key, usize> = self
            .entries
            .iter()
            .enumerate()
            .map(|(i, e)| (e.0, i))
            .collect();
        let mut used = vec![false; self.entries.len()];
        for slot in &self.order.0 {
            let Some(&i) = index.get(&slot.key) else {
                continue;
            };
            if used[i] {
                continue;
            }
            used[i] = true;
            let (_, s, e) = self.entries[i];
            let bytes = &self.scratch[s..e];
            match &slot.verbatim {
                Some(v) if v.canonical == bytes => self.out.extend_from_slice(&v.original),
                _ => self.out.extend_from_slice(bytes),
            }
        }
        for (i, (_, s, e)) in self.entries.iter().enumerate() {
            if !used[i] {
                self.out.extend_from_slice(&self.scratch[*s..*e]);
            }
        }
    }
}

/// Declares a struct of typed IEs and its codec.
///
/// ```ignore
/// ie_group! {
///     /// Doc (with the spec clause).
///     pub struct Name {
///         /// Field doc.
///         field: Option<Type> = (IE_TYPE, INSTANCE),
///         list: Vec<Type> = (IE_TYPE, INSTANCE),
///     }
/// }
/// ```
/// adds `other: Vec<Ie>` and `wire_order: WireOrder` fields and implements
/// [`IeGroup`] and [`IeValue`] (so the struct can be a grouped IE's value).
macro_rules! ie_group {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $(
                $(#[$fmeta:meta])*
                $field:ident: $fty:ty = ($ie_type:expr, $inst:expr),
            )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Default)]
        pub struct $name {
            $(
                $(#[$fmeta])*
                pub $field: $fty,
            )*
            /// IEs not typed above, as received (unknown types or instances,
            /// repeats of a single IE, values that do not decode).
            pub other: Vec<$crate::codec::gtpv2c::ie::Ie>,
            /// Received IE order (filled by decoding; leave default when building).
            pub wire_order: $crate::codec::gtpv2c::group::WireOrder,
        }

        impl $crate::codec::gtpv2c::group::IeGroup for $name {
            fn decode_ies(
                r: &mut $crate::codec::Reader<'_>,
            ) -> Result<Self, $crate::codec::DecodeError> {
                let mut s = Self::default();
                let mut d = $crate::codec::gtpv2c::group::GroupDecoder::default();
                while !r.is_empty() {
                    let ie = $crate::codec::gtpv2c::ie::RawIe::read(r)?;
                    $(
                        if ie.ie_type == $ie_type
                            && ie.instance == $inst
                            && d.try_field(&ie, stringify!($field), &mut s.$field)
                        {
                            continue;
                        }
                    )*
                    d.keep_other(&ie, &mut s.other);
                }
                s.wire_order = d.finish();
                Ok(s)
            }

            fn encode_ies(&self, out: &mut Vec<u8>) {
                use $crate::codec::gtpv2c::group::FieldSlot as _;
                let mut enc = $crate::codec::gtpv2c::group::GroupEncoder::new(&self.wire_order, out);
                $(
                    for (i, v) in self.$field.items().iter().enumerate() {
                        enc.field(stringify!($field), i, $ie_type, $inst, v);
                    }
                )*
                for (i, ie) in self.other.iter().enumerate() {
                    enc.other(i, ie);
                }
                enc.finish();
            }
        }

        impl $crate::codec::gtpv2c::ie::IeValue for $name {
            fn decode_value(
                r: &mut $crate::codec::Reader<'_>,
            ) -> Result<Self, $crate::codec::DecodeError> {
                <Self as $crate::codec::gtpv2c::group::IeGroup>::decode_ies(r)
            }
            fn encode_value(&self, out: &mut Vec<u8>) {
                <Self as $crate::codec::gtpv2c::group::IeGroup>::encode_ies(self, out)
            }
        }
    };
}

pub(crate) use ie_group;

#[cfg(test)]
mod tests {
    use super::super::ie::{Ebi, Fteid, types};
    use super::*;
    use crate::codec::parse_hex;

    ie_group! {
        /// A test group.
        #[allow(unreachable_pub)]
        pub struct Sample {
            /// EBI.
            ebi: Option<Ebi> = (types::EBI, 0),
            /// F-TEIDs at instance 1.
            fteids: Vec<Fteid> = (types::FTEID, 1),
        }
    }

    #[test]
    fn group_keeps_unknown_ie_in_place() {
        // Unknown IE 200, then EBI, then F-TEID instance 1.
        let b = parse_hex("c8000200abcd 4900010006 570009018a000000017f000001").unwrap();
        let s = Sample::from_ie_bytes(&b).unwrap();
        assert_eq!(s.ebi, Some(Ebi(6)));
        assert_eq!(s.fteids.len(), 1);
        assert_eq!(s.other, vec![Ie::new(200, 0, vec![0xab, 0xcd])]);
        assert_eq!(s.to_ie_bytes(), b);
    }

    #[test]
    fn group_keeps_spare_bits_while_value_unchanged() {
        // EBI with spare bits 0xf0 set and CR bits 0x3.
        let b = parse_hex("49000130f6").unwrap();
        let mut s = Sample::from_ie_bytes(&b).unwrap();
        assert_eq!(s.ebi, Some(Ebi(6)));
        assert_eq!(s.to_ie_bytes(), b);
        s.ebi = Some(Ebi(7));
        assert_eq!(s.to_ie_bytes(), parse_hex("4900010007").unwrap());
    }

    #[test]
    fn group_sends_second_single_ie_to_other() {
        let b = parse_hex("4900010006 4900010007").unwrap();
        let s = Sample::from_ie_bytes(&b).unwrap();
        assert_eq!(s.ebi, Some(Ebi(6)));
        assert_eq!(s.other.len(), 1);
        assert_eq!(s.to_ie_bytes(), b);
    }

    #[test]
    fn group_sends_undecodable_value_to_other() {
        let b = parse_hex("4900000057000101ff").unwrap();
        let s = Sample::from_ie_bytes(&b).unwrap();
        assert_eq!(s.ebi, None);
        assert!(s.fteids.is_empty());
        assert_eq!(s.other.len(), 2);
        assert_eq!(s.to_ie_bytes(), b);
    }

    #[test]
    fn group_reencodes_thousands_of_unknown_ies_quickly() {
        let mut b = Vec::new();
        for i in 0..16_000u32 {
            b.extend_from_slice(&[200 + (i % 50) as u8, 0, 0, 0]);
        }
        let s = Sample::from_ie_bytes(&b).unwrap();
        assert_eq!(s.other.len(), 16_000);
        assert_eq!(s.to_ie_bytes(), b);
    }

    #[test]
    fn group_built_in_code_encodes_in_declared_order() {
        let s = Sample {
            fteids: vec![Fteid::default()],
            ebi: Some(Ebi(5)),
            ..Sample::default()
        };
        let b = s.to_ie_bytes();
        assert_eq!(b[0], types::EBI);
        assert_eq!(Sample::from_ie_bytes(&b).unwrap(), s);
    }
}
