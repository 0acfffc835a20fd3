//! Information elements: the TS 24.007 11.2 formats (T, V, TV, LV, TLV, LV-E,
//! TLV-E) and the typed values of TS 24.301 9.9 / TS 24.008 10.5 used by the
//! messages in [`super::emm`] and [`super::esm`].

use std::fmt;
use std::net::Ipv4Addr;

use crate::codec::{DecodeError, Field, Reader, hex};

pub(crate) const PROTO: &str = "NAS";

// ---------------------------------------------------------------------------
// The value trait and the IE formats
// ---------------------------------------------------------------------------

/// The value part of an information element: what follows the IEI and the
/// length octet(s).
pub trait IeValue: Sized {
    /// Decodes the value. For LV/TLV formats `r` covers exactly the value
    /// (the caller rejects leftovers); for V/TV formats the value reads its
    /// own fixed size. Half-octet values read one octet holding 0..=15.
    fn decode_value(r: &mut Reader<'_>) -> Result<Self, DecodeError>;
    /// Appends the value part (half-octet values append one octet, 0..=15).
    fn encode_value(&self, out: &mut Vec<u8>);
    /// One line for humans.
    fn describe(&self) -> String;
    /// Sub-fields for the tree; `start` is the offset of the value's first octet.
    fn children(&self, _start: usize) -> Vec<Field> {
        Vec::new()
    }
}

/// How an optional IE is laid out after its IEI (TS 24.007 11.2.1.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IeFormat {
    /// Type 1: IEI in the high half octet, value in the low half.
    Tv1,
    /// Type 3: IEI then a value of this many octets.
    Tv(usize),
    /// Type 4: IEI, one length octet, value.
    Tlv,
    /// Type 6: IEI, two length octets, value.
    TlvE,
}

impl IeFormat {
    /// The format an unknown IEI must have (TS 24.007 11.2.4, TS 24.301
    /// 9.9.1): bit 8 set means a one-octet type 1 IE; in EPS NAS the IEIs
    /// 0x70..=0x7F are type 6 (TLV-E); everything else is type 4 (TLV).
    pub fn for_unknown(iei: u8) -> Self {
        if iei & 0x80 != 0 {
            Self::Tv1
        } else if iei & 0xF0 == 0x70 {
            Self::TlvE
        } else {
            Self::Tlv
        }
    }

    /// True for type 1 (half-octet IEI).
    pub fn is_tv1(self) -> bool {
        matches!(self, Self::Tv1)
    }
}

/// One row of a message's optional IE table.
#[derive(Debug, Clone, Copy)]
pub struct OptSpec {
    /// IEI: a full octet, or the high half octet (0x0..=0xF) for type 1.
    pub iei: u8,
    /// Layout after the IEI.
    pub format: IeFormat,
    /// Spec name.
    pub name: &'static str,
}

pub(crate) fn find_spec(table: &'static [OptSpec], b: u8) -> Option<&'static OptSpec> {
    table.iter().find(|s| {
        if s.format.is_tv1() {
            b >> 4 == s.iei
        } else {
            b == s.iei
        }
    })
}

/// An optional IE kept as its wire bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawIe {
    /// Index among the message's optional IEs at which it sits (0 = first
    /// after the mandatory part). The encoder writes it back at that index.
    pub position: usize,
    /// The whole IE: IEI, length octet(s) if any, value.
    pub bytes: Vec<u8>,
}

impl RawIe {
    /// A type 4 (TLV) IE; values over 255 octets are cut.
    pub fn tlv(position: usize, iei: u8, value: &[u8]) -> Self {
        let v = &value[..value.len().min(255)];
        let mut bytes = vec![iei, v.len() as u8];
        bytes.extend_from_slice(v);
        Self { position, bytes }
    }

    /// A type 6 (TLV-E) IE; values over 65535 octets are cut.
    pub fn tlv_e(position: usize, iei: u8, value: &[u8]) -> Self {
        let v = &value[..value.len().min(65535)];
        let mut bytes = vec![iei];
        bytes.extend_from_slice(&(v.len() as u16).to_be_bytes());
        bytes.extend_from_slice(v);
        Self { position, bytes }
    }

    /// A type 3 (TV) IE.
    pub fn tv(position: usize, iei: u8, value: &[u8]) -> Self {
        let mut bytes = vec![iei];
        bytes.extend_from_slice(value);
        Self { position, bytes }
    }

    /// A type 1 IE from its IEI half octet and value half octet.
    pub fn tv1(position: usize, iei: u8, value: u8) -> Self {
        Self {
            position,
            bytes: vec![(iei << 4) | (value & 0x0F)],
        }
    }

    /// The first octet (the IEI; for type 1 IEs it also holds the value).
    pub fn iei(&self) -> u8 {
        self.bytes.first().copied().unwrap_or(0)
    }
}

/// The body of a message type the codec does not know, kept as is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownMessage {
    /// Message type octet.
    pub message_type: u8,
    /// Everything after the message type.
    pub body: Vec<u8>,
}

/// Collects tree fields while decoding, when asked to.
#[derive(Debug, Default)]
pub(crate) struct Trace {
    pub(crate) fields: Option<Vec<Field>>,
}

impl Trace {
    pub(crate) fn off() -> Self {
        Self { fields: None }
    }

    pub(crate) fn on() -> Self {
        Self {
            fields: Some(Vec::new()),
        }
    }

    pub(crate) fn add(&mut self, f: impl FnOnce() -> Field) {
        if let Some(v) = &mut self.fields {
            v.push(f());
        }
    }

    pub(crate) fn take(&mut self) -> Vec<Field> {
        self.fields.take().unwrap_or_default()
    }
}

/// The pieces of one optional IE as read from the wire.
pub(crate) struct IeParts<'a> {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) value_start: usize,
    pub(crate) whole: &'a [u8],
    pub(crate) value: Reader<'a>,
    pub(crate) format: IeFormat,
}

pub(crate) fn take_optional<'a>(
    r: &mut Reader<'a>,
    format: IeFormat,
) -> Result<IeParts<'a>, DecodeError> {
    let snapshot = r.clone();
    let start = r.offset();
    r.u8()?;
    let value = match format {
        IeFormat::Tv1 => {
            // The value is the low half of the IEI octet itself.
            let mut nib = snapshot.clone();
            nib.sub(1)?
        }
        IeFormat::Tv(n) => r.sub(n)?,
        IeFormat::Tlv => {
            let len = usize::from(r.u8()?);
            r.sub(len)?
        }
        IeFormat::TlvE => {
            let len = usize::from(r.u16()?);
            r.sub(len)?
        }
    };
    let end = r.offset();
    let mut snap = snapshot;
    let whole = snap.take(end - start)?;
    Ok(IeParts {
        start,
        end,
        value_start: if format.is_tv1() {
            start
        } else {
            value.offset()
        },
        whole,
        value,
        format,
    })
}

pub(crate) fn decode_optional<T: IeValue>(parts: &IeParts<'_>) -> Result<T, DecodeError> {
    if parts.format.is_tv1() {
        let b = parts.whole.first().copied().unwrap_or(0);
        return nibble_decode(b & 0x0F);
    }
    let mut v = parts.value.clone();
    let x = T::decode_value(&mut v)?;
    finish(&v)?;
    Ok(x)
}

fn finish(r: &Reader<'_>) -> Result<(), DecodeError> {
    if r.is_empty() {
        Ok(())
    } else {
        Err(r.error(format!(
            "{} unexpected octets at the end of an IE",
            r.remaining()
        )))
    }
}

pub(crate) fn nibble_decode<T: IeValue>(n: u8) -> Result<T, DecodeError> {
    let b = [n & 0x0F];
    T::decode_value(&mut Reader::new(PROTO, &b))
}

pub(crate) fn nibble_of<T: IeValue>(v: &T) -> u8 {
    let mut tmp = Vec::with_capacity(1);
    v.encode_value(&mut tmp);
    tmp.first().copied().unwrap_or(0) & 0x0F
}

fn encoded<T: IeValue>(v: &T) -> Vec<u8> {
    let mut tmp = Vec::new();
    v.encode_value(&mut tmp);
    tmp
}

/// Appends length (one octet) and value; values over 255 octets are cut.
pub(crate) fn put_lv<T: IeValue>(out: &mut Vec<u8>, v: &T) {
    let mut tmp = encoded(v);
    tmp.truncate(255);
    out.push(tmp.len() as u8);
    out.extend_from_slice(&tmp);
}

/// Appends length (two octets) and value; values over 65535 octets are cut.
pub(crate) fn put_lve<T: IeValue>(out: &mut Vec<u8>, v: &T) {
    let mut tmp = encoded(v);
    tmp.truncate(65535);
    out.extend_from_slice(&(tmp.len() as u16).to_be_bytes());
    out.extend_from_slice(&tmp);
}

pub(crate) fn flush_raw<'a>(
    out: &mut Vec<u8>,
    raws: &mut std::iter::Peekable<std::slice::Iter<'a, RawIe>>,
    position: &mut usize,
) {
    while let Some(raw) = raws.next_if(|r| r.position <= *position) {
        out.extend_from_slice(&raw.bytes);
        *position += 1;
    }
}

pub(crate) fn ie_field<T: IeValue>(
    name: &str,
    v: &T,
    start: usize,
    end: usize,
    value_start: usize,
) -> Field {
    let mut f = Field::new(name, v.describe()).at(start, end);
    f.children = v.children(value_start);
    f
}

pub(crate) fn raw_field(name: Option<&str>, parts: &IeParts<'_>) -> Field {
    let iei = parts.whole.first().copied().unwrap_or(0);
    let iei_text = if parts.format.is_tv1() {
        format!("0x{:x}-", iei >> 4)
    } else {
        format!("0x{iei:02x}")
    };
    let name = match name {
        Some(n) => format!("{n} (IEI {iei_text})"),
        None => format!("Unknown IE {iei_text}"),
    };
    let value = if parts.format.is_tv1() {
        format!("0x{:x}", iei & 0x0F)
    } else {
        format!("0x{}", hex(parts.value.clone().rest()))
    };
    Field::new(name, value).at(parts.start, parts.end)
}

pub(crate) fn mand_v<T: IeValue>(
    r: &mut Reader<'_>,
    t: &mut Trace,
    name: &str,
) -> Result<T, DecodeError> {
    let start = r.offset();
    let v = T::decode_value(r)?;
    t.add(|| ie_field(name, &v, start, r.offset(), start));
    Ok(v)
}

pub(crate) fn mand_lv<T: IeValue>(
    r: &mut Reader<'_>,
    t: &mut Trace,
    name: &str,
) -> Result<T, DecodeError> {
    let start = r.offset();
    let len = usize::from(r.u8()?);
    let mut sub = r.sub(len)?;
    let vstart = sub.offset();
    let v = T::decode_value(&mut sub)?;
    finish(&sub)?;
    t.add(|| ie_field(name, &v, start, r.offset(), vstart));
    Ok(v)
}

pub(crate) fn mand_lve<T: IeValue>(
    r: &mut Reader<'_>,
    t: &mut Trace,
    name: &str,
) -> Result<T, DecodeError> {
    let start = r.offset();
    let len = usize::from(r.u16()?);
    let mut sub = r.sub(len)?;
    let vstart = sub.offset();
    let v = T::decode_value(&mut sub)?;
    finish(&sub)?;
    t.add(|| ie_field(name, &v, start, r.offset(), vstart));
    Ok(v)
}

pub(crate) fn mand_lo<T: IeValue>(
    r: &mut Reader<'_>,
    t: &mut Trace,
    name: &str,
    half: &mut u8,
) -> Result<T, DecodeError> {
    let start = r.offset();
    let b = r.u8()?;
    *half = b;
    let v = nibble_decode(b & 0x0F)?;
    t.add(|| ie_field(name, &v, start, start + 1, start));
    Ok(v)
}

pub(crate) fn mand_hi<T: IeValue>(
    r: &mut Reader<'_>,
    t: &mut Trace,
    name: &str,
    half: u8,
) -> Result<T, DecodeError> {
    let start = r.offset().saturating_sub(1);
    let v = nibble_decode(half >> 4)?;
    t.add(|| ie_field(name, &v, start, start + 1, start));
    Ok(v)
}

// ---------------------------------------------------------------------------
// Plain values
// ---------------------------------------------------------------------------

impl IeValue for u8 {
    fn decode_value(r: &mut Reader<'_>) -> Result<Self, DecodeError> {
        r.u8()
    }
    fn encode_value(&self, out: &mut Vec<u8>) {
        out.push(*self);
    }
    fn describe(&self) -> String {
        self.to_string()
    }
}

/// An opaque value whose structure this codec does not model.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Octets(pub Vec<u8>);

impl IeValue for Octets {
    fn decode_value(r: &mut Reader<'_>) -> Result<Self, DecodeError> {
        Ok(Self(r.rest().to_vec()))
    }
    fn encode_value(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.0);
    }
    fn describe(&self) -> String {
        format!("0x{}", hex(&self.0))
    }
}

macro_rules! fixed_octets {
    ($(#[$m:meta])* $name:ident, $n:literal) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
        pub struct $name(pub [u8; $n]);

        impl IeValue for $name {
            fn decode_value(r: &mut Reader<'_>) -> Result<Self, DecodeError> {
                Ok(Self(r.array()?))
            }
            fn encode_value(&self, out: &mut Vec<u8>) {
                out.extend_from_slice(&self.0);
            }
            fn describe(&self) -> String {
                hex(&self.0)
            }
        }
    };
}

fixed_octets!(
    /// Authentication parameter RAND (TS 24.301 9.9.3.3, TS 24.008 10.5.3.1).
    Rand,
    16
);
fixed_octets!(
    /// AUTS, the value of the Authentication failure parameter (TS 24.301
    /// 9.9.3.1, TS 24.008 10.5.3.2.2): (SQN_MS xor AK*) || MAC-S.
    Auts,
    14
);

/// Authentication parameter AUTN (TS 24.301 9.9.3.2, TS 24.008 10.5.3.1.1):
/// SQN xor AK (6) || AMF (2) || MAC (8).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub struct Autn(pub [u8; 16]);

impl Autn {
    /// SQN xor AK.
    pub fn sqn_xor_ak(&self) -> [u8; 6] {
        let mut a = [0; 6];
        a.copy_from_slice(&self.0[..6]);
        a
    }
    /// Authentication management field.
    pub fn amf(&self) -> [u8; 2] {
        [self.0[6], self.0[7]]
    }
    /// MAC-A.
    pub fn mac(&self) -> [u8; 8] {
        let mut a = [0; 8];
        a.copy_from_slice(&self.0[8..]);
        a
    }
}

impl IeValue for Autn {
    fn decode_value(r: &mut Reader<'_>) -> Result<Self, DecodeError> {
        Ok(Self(r.array()?))
    }
    fn encode_value(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.0);
    }
    fn describe(&self) -> String {
        hex(&self.0)
    }
    fn children(&self, start: usize) -> Vec<Field> {
        vec![
            Field::new("SQN xor AK", hex(&self.sqn_xor_ak())).at(start, start + 6),
            Field::new("AMF", hex(&self.amf())).at(start + 6, start + 8),
            Field::new("MAC", hex(&self.mac())).at(start + 8, start + 16),
        ]
    }
}

/// Authentication response parameter RES (TS 24.301 9.9.3.4), 4 to 16 octets.
#[derive(Debug, Clone, PartialEq, Eq, Default, Hash)]
pub struct Res(pub Vec<u8>);

impl IeValue for Res {
    fn decode_value(r: &mut Reader<'_>) -> Result<Self, DecodeError> {
        Ok(Self(r.rest().to_vec()))
    }
    fn encode_value(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.0);
    }
    fn describe(&self) -> String {
        hex(&self.0)
    }
}

// ---------------------------------------------------------------------------
// Half-octet values
// ---------------------------------------------------------------------------

/// NAS key set identifier (TS 24.301 9.9.3.21): type of security context
/// flag and the 3-bit KSI (7 = no key available).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct NasKsi {
    /// TSC: true for a mapped security context, false for native.
    pub mapped: bool,
    /// Key set identifier 0..=7; 7 means "no key is available".
    pub value: u8,
}

impl NasKsi {
    /// "No key is available" (native, 7).
    pub const NO_KEY: Self = Self {
        mapped: false,
        value: 7,
    };

    /// A native KSI.
    pub fn native(value: u8) -> Self {
        Self {
            mapped: false,
            value: value & 7,
        }
    }
}

impl Default for NasKsi {
    fn default() -> Self {
        Self::NO_KEY
    }
}

impl IeValue for NasKsi {
    fn decode_value(r: &mut Reader<'_>) -> Result<Self, DecodeError> {
        let b = r.u8()?;
        Ok(Self {
            mapped: b & 0x08 != 0,
            value: b & 0x07,
        })
    }
    fn encode_value(&self, out: &mut Vec<u8>) {
        out.push(u8::from(self.mapped) << 3 | (self.value & 7));
    }
    fn describe(&self) -> String {
        let tsc = if self.mapped { "mapped" } else { "native" };
        if self.value == 7 {
            format!("7 (no key available, {tsc})")
        } else {
            format!("{} ({tsc})", self.value)
        }
    }
}

nas_enum! {
    /// EPS attach type (TS 24.301 9.9.3.11); half octet.
    EpsAttachType {
        EpsAttach = 1 => "EPS attach",
        CombinedAttach = 2 => "combined EPS/IMSI attach",
        EpsRlosAttach = 5 => "EPS RLOS attach",
        EpsEmergencyAttach = 6 => "EPS emergency attach",
    }
}

nas_enum! {
    /// EPS attach result (TS 24.301 9.9.3.10); half octet.
    EpsAttachResult {
        EpsOnly = 1 => "EPS only",
        CombinedAttach = 2 => "combined EPS/IMSI attach",
    }
}

nas_enum! {
    /// EPS update result (TS 24.301 9.9.3.13); half octet.
    EpsUpdateResult {
        TaUpdated = 0 => "TA updated",
        CombinedTaLaUpdated = 1 => "combined TA/LA updated",
        TaUpdatedIsrActivated = 4 => "TA updated and ISR activated",
        CombinedTaLaUpdatedIsrActivated = 5 => "combined TA/LA updated and ISR activated",
    }
}

nas_enum! {
    /// EPS update type value (TS 24.301 9.9.3.14), the low 3 bits.
    EpsUpdateTypeValue {
        TaUpdating = 0 => "TA updating",
        CombinedTaLaUpdating = 1 => "combined TA/LA updating",
        CombinedTaLaUpdatingWithImsiAttach = 2 => "combined TA/LA updating with IMSI attach",
        PeriodicUpdating = 3 => "periodic updating",
    }
}

/// EPS update type (TS 24.301 9.9.3.14): "active" flag and the type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct EpsUpdateType {
    /// Bearer establishment requested ("active" flag, bit 4).
    pub active: bool,
    /// Update type value.
    pub value: EpsUpdateTypeValue,
}

impl IeValue for EpsUpdateType {
    fn decode_value(r: &mut Reader<'_>) -> Result<Self, DecodeError> {
        let b = r.u8()?;
        Ok(Self {
            active: b & 0x08 != 0,
            value: EpsUpdateTypeValue::from_u8(b & 0x07),
        })
    }
    fn encode_value(&self, out: &mut Vec<u8>) {
        out.push(u8::from(self.active) << 3 | (self.value.to_u8() & 7));
    }
    fn describe(&self) -> String {
        let a = if self.active { ", active" } else { "" };
        format!("{}{a}", self.value)
    }
}

nas_enum! {
    /// Type of detach, UE originating (TS 24.301 9.9.3.7), the low 3 bits.
    UeDetachKind {
        EpsDetach = 1 => "EPS detach",
        ImsiDetach = 2 => "IMSI detach",
        CombinedDetach = 3 => "combined EPS/IMSI detach",
    }
}

/// Detach type of a UE originating Detach Request (TS 24.301 9.9.3.7).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DetachType {
    /// Switch off (bit 4).
    pub switch_off: bool,
    /// Type of detach.
    pub kind: UeDetachKind,
}

impl IeValue for DetachType {
    fn decode_value(r: &mut Reader<'_>) -> Result<Self, DecodeError> {
        let b = r.u8()?;
        Ok(Self {
            switch_off: b & 0x08 != 0,
            kind: UeDetachKind::from_u8(b & 0x07),
        })
    }
    fn encode_value(&self, out: &mut Vec<u8>) {
        out.push(u8::from(self.switch_off) << 3 | (self.kind.to_u8() & 7));
    }
    fn describe(&self) -> String {
        let s = if self.switch_off {
            "switch off"
        } else {
            "normal detach"
        };
        format!("{}, {s}", self.kind)
    }
}

nas_enum! {
    /// Type of detach, network originating (TS 24.301 9.9.3.7); half octet
    /// (bit 4 spare).
    NetworkDetachType {
        ReattachRequired = 1 => "re-attach required",
        ReattachNotRequired = 2 => "re-attach not required",
        ImsiDetach = 3 => "IMSI detach",
    }
}

nas_enum! {
    /// Identity type 2 (TS 24.301 9.9.3.20, TS 24.008 10.5.5.9); half octet.
    IdentityType2 {
        Imsi = 1 => "IMSI",
        Imei = 2 => "IMEI",
        ImeiSv = 3 => "IMEISV",
        Tmsi = 4 => "TMSI",
    }
}

nas_enum! {
    /// Request type (TS 24.301 9.9.4.14, TS 24.008 10.5.6.17); half octet.
    RequestType {
        InitialRequest = 1 => "initial request",
        Handover = 2 => "handover",
        Emergency = 4 => "emergency",
        HandoverOfEmergency = 6 => "handover of emergency bearer services",
    }
}

nas_enum! {
    /// PDN type (TS 24.301 9.9.4.10); half octet.
    PdnType {
        Ipv4 = 1 => "IPv4",
        Ipv6 = 2 => "IPv6",
        Ipv4v6 = 3 => "IPv4v6",
        NonIp = 5 => "non IP",
        Ethernet = 6 => "Ethernet",
    }
}

nas_enum! {
    /// GUTI type (TS 24.301 9.9.3.45); half octet.
    GutiType {
        Native = 0 => "native GUTI",
        Mapped = 1 => "mapped GUTI",
    }
}

nas_enum! {
    /// IMEISV request (TS 24.301 9.9.3.18, TS 24.008 10.5.5.10); half octet.
    ImeisvRequest {
        NotRequested = 0 => "IMEISV not requested",
        Requested = 1 => "IMEISV requested",
    }
}

nas_enum! {
    /// ESM information transfer flag (TS 24.301 9.9.4.5); half octet.
    EsmInfoTransferFlag {
        NotRequired = 0 => "security protected ESM information transfer not required",
        Required = 1 => "security protected ESM information transfer required",
    }
}

nas_enum! {
    /// Security header type (TS 24.301 9.3.1).
    SecurityHeaderType {
        Plain = 0 => "plain NAS message",
        IntegrityProtected = 1 => "integrity protected",
        IntegrityProtectedCiphered = 2 => "integrity protected and ciphered",
        IntegrityProtectedNewContext = 3 => "integrity protected with new EPS security context",
        IntegrityProtectedCipheredNewContext = 4 => "integrity protected and ciphered with new EPS security context",
        IntegrityProtectedPartiallyCiphered = 5 => "integrity protected and partially ciphered",
        ServiceRequest = 12 => "security header for the SERVICE REQUEST message",
    }
}

// ---------------------------------------------------------------------------
// Causes
// ---------------------------------------------------------------------------

nas_enum! {
    /// EMM cause (TS 24.301 9.9.3.9, Annex A).
    EmmCause {
        ImsiUnknownInHss = 2 => "IMSI unknown in HSS",
        IllegalUe = 3 => "Illegal UE",
        ImeiNotAccepted = 5 => "IMEI not accepted",
        IllegalMe = 6 => "Illegal ME",
        EpsServicesNotAllowed = 7 => "EPS services not allowed",
        EpsAndNonEpsServicesNotAllowed = 8 => "EPS services and non-EPS services not allowed",
        UeIdentityCannotBeDerived = 9 => "UE identity cannot be derived by the network",
        ImplicitlyDetached = 10 => "Implicitly detached",
        PlmnNotAllowed = 11 => "PLMN not allowed",
        TrackingAreaNotAllowed = 12 => "Tracking Area not allowed",
        RoamingNotAllowedInTa = 13 => "Roaming not allowed in this tracking area",
        EpsServicesNotAllowedInPlmn = 14 => "EPS services not allowed in this PLMN",
        NoSuitableCellsInTa = 15 => "No Suitable Cells In tracking area",
        MscTemporarilyNotReachable = 16 => "MSC temporarily not reachable",
        NetworkFailure = 17 => "Network failure",
        CsDomainNotAvailable = 18 => "CS domain not available",
        EsmFailure = 19 => "ESM failure",
        MacFailure = 20 => "MAC failure",
        SynchFailure = 21 => "Synch failure",
        Congestion = 22 => "Congestion",
        UeSecurityCapabilitiesMismatch = 23 => "UE security capabilities mismatch",
        SecurityModeRejected = 24 => "Security mode rejected, unspecified",
        NotAuthorizedForCsg = 25 => "Not authorized for this CSG",
        NonEpsAuthenticationUnacceptable = 26 => "Non-EPS authentication unacceptable",
        RedirectionTo5gcnRequired = 31 => "Redirection to 5GCN required",
        ServiceOptionNotAuthorized = 35 => "Requested service option not authorized in this PLMN",
        CsServiceTemporarilyNotAvailable = 39 => "CS service temporarily not available",
        NoEpsBearerContextActivated = 40 => "No EPS bearer context activated",
        SevereNetworkFailure = 42 => "Severe network failure",
        PlmnNotAllowedAtLocation = 78 => "PLMN not allowed to operate at the present UE location",
        SemanticallyIncorrectMessage = 95 => "Semantically incorrect message",
        InvalidMandatoryInformation = 96 => "Invalid mandatory information",
        MessageTypeNonExistent = 97 => "Message type non-existent or not implemented",
        MessageTypeNotCompatible = 98 => "Message type not compatible with the protocol state",
        IeNonExistent = 99 => "Information element non-existent or not implemented",
        ConditionalIeError = 100 => "Conditional IE error",
        MessageNotCompatible = 101 => "Message not compatible with the protocol state",
        ProtocolErrorUnspecified = 111 => "Protocol error, unspecified",
    }
}

nas_enum! {
    /// ESM cause (TS 24.301 9.9.4.4, Annex B).
    EsmCause {
        OperatorDeterminedBarring = 8 => "Operator Determined Barring",
        InsufficientResources = 26 => "Insufficient resources",
        MissingOrUnknownApn = 27 => "Missing or unknown APN",
        UnknownPdnType = 28 => "Unknown PDN type",
        UserAuthenticationFailed = 29 => "User authentication or authorization failed",
        RejectedByGateway = 30 => "Request rejected by Serving GW or PDN GW",
        RequestRejectedUnspecified = 31 => "Request rejected, unspecified",
        ServiceOptionNotSupported = 32 => "Service option not supported",
        ServiceOptionNotSubscribed = 33 => "Requested service option not subscribed",
        ServiceOptionOutOfOrder = 34 => "Service option temporarily out of order",
        PtiAlreadyInUse = 35 => "PTI already in use",
        RegularDeactivation = 36 => "Regular deactivation",
        EpsQosNotAccepted = 37 => "EPS QoS not accepted",
        NetworkFailure = 38 => "Network failure",
        ReactivationRequested = 39 => "Reactivation requested",
        SemanticErrorInTft = 41 => "Semantic error in the TFT operation",
        SyntacticalErrorInTft = 42 => "Syntactical error in the TFT operation",
        InvalidEpsBearerIdentity = 43 => "Invalid EPS bearer identity",
        SemanticErrorsInPacketFilters = 44 => "Semantic errors in packet filter(s)",
        SyntacticalErrorsInPacketFilters = 45 => "Syntactical errors in packet filter(s)",
        PtiMismatch = 47 => "PTI mismatch",
        LastPdnDisconnectionNotAllowed = 49 => "Last PDN disconnection not allowed",
        PdnTypeIpv4OnlyAllowed = 50 => "PDN type IPv4 only allowed",
        PdnTypeIpv6OnlyAllowed = 51 => "PDN type IPv6 only allowed",
        SingleAddressBearersOnlyAllowed = 52 => "Single address bearers only allowed",
        EsmInformationNotReceived = 53 => "ESM information not received",
        PdnConnectionDoesNotExist = 54 => "PDN connection does not exist",
        MultiplePdnConnectionsNotAllowed = 55 => "Multiple PDN connections for a given APN not allowed",
        CollisionWithNetworkInitiatedRequest = 56 => "Collision with network initiated request",
        PdnTypeIpv4v6OnlyAllowed = 57 => "PDN type IPv4v6 only allowed",
        PdnTypeNonIpOnlyAllowed = 58 => "PDN type non IP only allowed",
        UnsupportedQciValue = 59 => "Unsupported QCI value",
        BearerHandlingNotSupported = 60 => "Bearer handling not supported",
        PdnTypeEthernetOnlyAllowed = 61 => "PDN type Ethernet only allowed",
        MaximumNumberOfBearersReached = 65 => "Maximum number of EPS bearers reached",
        ApnNotSupportedInRatAndPlmn = 66 => "Requested APN not supported in current RAT and PLMN combination",
        InvalidPtiValue = 81 => "Invalid PTI value",
        SemanticallyIncorrectMessage = 95 => "Semantically incorrect message",
        InvalidMandatoryInformation = 96 => "Invalid mandatory information",
        MessageTypeNonExistent = 97 => "Message type non-existent or not implemented",
        MessageTypeNotCompatible = 98 => "Message type not compatible with the protocol state",
        IeNonExistent = 99 => "Information element non-existent or not implemented",
        ConditionalIeError = 100 => "Conditional IE error",
        MessageNotCompatible = 101 => "Message not compatible with the protocol state",
        ProtocolErrorUnspecified = 111 => "Protocol error, unspecified",
        ApnRestrictionIncompatible = 112 => "APN restriction value incompatible with active EPS bearer context",
        MultipleAccessesNotAllowed = 113 => "Multiple accesses to a PDN connection not allowed",
    }
}

// ---------------------------------------------------------------------------
// Security algorithms and capabilities
// ---------------------------------------------------------------------------

/// EPS encryption algorithm identifier (TS 33.401 5.1.3.2), 3 bits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Eea(pub u8);

/// EPS integrity algorithm identifier (TS 33.401 5.1.4.2), 3 bits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Eia(pub u8);

impl fmt::Display for Eea {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            0 => write!(f, "EEA0"),
            n @ 1..=3 => write!(f, "128-EEA{n}"),
            n => write!(f, "EEA{n}"),
        }
    }
}

impl fmt::Display for Eia {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            0 => write!(f, "EIA0"),
            n @ 1..=3 => write!(f, "128-EIA{n}"),
            n => write!(f, "EIA{n}"),
        }
    }
}

/// NAS security algorithms (TS 24.301 9.9.3.23): the selected ciphering and
/// integrity algorithms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct NasSecurityAlgorithms {
    /// Type of ciphering algorithm (bits 5-7).
    pub ciphering: Eea,
    /// Type of integrity protection algorithm (bits 1-3).
    pub integrity: Eia,
}

impl IeValue for NasSecurityAlgorithms {
    fn decode_value(r: &mut Reader<'_>) -> Result<Self, DecodeError> {
        let b = r.u8()?;
        Ok(Self {
            ciphering: Eea((b >> 4) & 7),
            integrity: Eia(b & 7),
        })
    }
    fn encode_value(&self, out: &mut Vec<u8>) {
        out.push(((self.ciphering.0 & 7) << 4) | (self.integrity.0 & 7));
    }
    fn describe(&self) -> String {
        format!("{} / {}", self.ciphering, self.integrity)
    }
}

macro_rules! capability {
    ($(#[$m:meta])* $name:ident, $rest:literal) => {
        $(#[$m])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
        pub struct $name {
            /// EEA0..EEA7 support, EEA0 in bit 8.
            pub eea: u8,
            /// EIA0..EIA7 support, EIA0 in bit 8.
            pub eia: u8,
            #[doc = $rest]
            pub rest: Vec<u8>,
        }

        impl $name {
            /// Capabilities listing the given EEA and EIA algorithm numbers.
            pub fn new(eea: &[u8], eia: &[u8]) -> Self {
                let bits = |l: &[u8]| l.iter().filter(|&&n| n < 8).fold(0u8, |a, &n| a | (0x80 >> n));
                Self { eea: bits(eea), eia: bits(eia), rest: Vec::new() }
            }

            /// True if EEA`n` is supported.
            pub fn supports_eea(&self, n: u8) -> bool {
                n < 8 && self.eea & (0x80 >> n) != 0
            }

            /// True if EIA`n` is supported.
            pub fn supports_eia(&self, n: u8) -> bool {
                n < 8 && self.eia & (0x80 >> n) != 0
            }
        }

        impl IeValue for $name {
            fn decode_value(r: &mut Reader<'_>) -> Result<Self, DecodeError> {
                let eea = r.u8()?;
                let eia = r.u8()?;
                Ok(Self { eea, eia, rest: r.rest().to_vec() })
            }
            fn encode_value(&self, out: &mut Vec<u8>) {
                out.push(self.eea);
                out.push(self.eia);
                out.extend_from_slice(&self.rest);
            }
            fn describe(&self) -> String {
                let list = |bits: u8, p: &str| {
                    (0..8u8)
                        .filter(|n| bits & (0x80 >> n) != 0)
                        .map(|n| format!("{p}{n}"))
                        .collect::<Vec<_>>()
                        .join(",")
                };
                let mut s = format!("EEA [{}] EIA [{}]", list(self.eea, "EEA"), list(self.eia, "EIA"));
                if !self.rest.is_empty() {
                    s.push_str(&format!(" + 0x{}", hex(&self.rest)));
                }
                s
            }
            fn children(&self, start: usize) -> Vec<Field> {
                let mut v = vec![
                    Field::new("EEA", format!("0x{:02x}", self.eea)).at(start, start + 1),
                    Field::new("EIA", format!("0x{:02x}", self.eia)).at(start + 1, start + 2),
                ];
                if !self.rest.is_empty() {
                    v.push(Field::new("Further octets", hex(&self.rest)).at(start + 2, start + 2 + self.rest.len()));
                }
                v
            }
        }
    };
}

capability!(
    /// UE network capability (TS 24.301 9.9.3.34): EEA/EIA octets typed,
    /// the UEA/UIA and later octets kept as received.
    UeNetworkCapability,
    "Octets 5 onwards (UEA, UIA, ProSe, ...), kept as received."
);
capability!(
    /// UE security capability (TS 24.301 9.9.3.36), replayed in the Security
    /// Mode Command: EEA/EIA octets typed, UEA/UIA/GEA octets kept.
    UeSecurityCapability,
    "Octets 5 onwards (UEA, UIA, GEA), kept as received."
);

// ---------------------------------------------------------------------------
// Identities
// ---------------------------------------------------------------------------

/// PLMN identity (TS 24.008 10.5.1.3): the one type every codec shares. NAS
/// shows it as `MCC/MNC` (see [`IeValue::describe`]).
pub use crate::codec::plmn::Plmn;

/// NAS's rendering of a PLMN: `001/01`.
fn plmn_text(p: &Plmn) -> String {
    format!("{}/{}", p.mcc(), p.mnc())
}

impl IeValue for Plmn {
    fn decode_value(r: &mut Reader<'_>) -> Result<Self, DecodeError> {
        Ok(Self::from_bytes(r.array()?))
    }
    fn encode_value(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.to_bytes());
    }
    fn describe(&self) -> String {
        plmn_text(self)
    }
}

/// PLMN list (TS 24.301 9.9.2.8), e.g. the equivalent PLMNs.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct PlmnList(pub Vec<Plmn>);

impl IeValue for PlmnList {
    fn decode_value(r: &mut Reader<'_>) -> Result<Self, DecodeError> {
        if !r.remaining().is_multiple_of(3) {
            return Err(r.error("PLMN list length is not a multiple of 3"));
        }
        let mut v = Vec::new();
        while !r.is_empty() {
            v.push(Plmn::from_bytes(r.array()?));
        }
        Ok(Self(v))
    }
    fn encode_value(&self, out: &mut Vec<u8>) {
        for p in &self.0 {
            out.extend_from_slice(&p.to_bytes());
        }
    }
    fn describe(&self) -> String {
        self.0.iter().map(plmn_text).collect::<Vec<_>>().join(", ")
    }
}

/// Tracking area identity (TS 24.301 9.9.3.32): PLMN and TAC.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Tai {
    /// PLMN.
    pub plmn: Plmn,
    /// Tracking area code.
    pub tac: u16,
}

impl fmt::Display for Tai {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} TAC {}", plmn_text(&self.plmn), self.tac)
    }
}

impl IeValue for Tai {
    fn decode_value(r: &mut Reader<'_>) -> Result<Self, DecodeError> {
        Ok(Self {
            plmn: Plmn::from_bytes(r.array()?),
            tac: r.u16()?,
        })
    }
    fn encode_value(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.plmn.to_bytes());
        out.extend_from_slice(&self.tac.to_be_bytes());
    }
    fn describe(&self) -> String {
        self.to_string()
    }
}

/// One partial tracking area identity list (TS 24.301 9.9.3.33).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum PartialTaiList {
    /// Type 0: one PLMN, non-consecutive TACs (1..=16).
    NonConsecutive {
        /// PLMN of every TAC.
        plmn: Plmn,
        /// The TACs.
        tacs: Vec<u16>,
    },
    /// Type 1: one PLMN, `count` consecutive TACs from `first_tac`.
    Consecutive {
        /// PLMN of every TAC.
        plmn: Plmn,
        /// First TAC.
        first_tac: u16,
        /// Number of TACs (1..=16).
        count: u8,
    },
    /// Type 2: TAIs with their own PLMNs.
    Tais(Vec<Tai>),
}

/// Tracking area identity list (TS 24.301 9.9.3.33).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct TaiList(pub Vec<PartialTaiList>);

impl TaiList {
    /// A list holding one TAI (type 0, one element).
    pub fn single(tai: Tai) -> Self {
        Self(vec![PartialTaiList::NonConsecutive {
            plmn: tai.plmn,
            tacs: vec![tai.tac],
        }])
    }

    /// Every TAI of the list, in order.
    pub fn tais(&self) -> Vec<Tai> {
        let mut out = Vec::new();
        for p in &self.0 {
            match p {
                PartialTaiList::NonConsecutive { plmn, tacs } => {
                    out.extend(tacs.iter().map(|&tac| Tai { plmn: *plmn, tac }));
                }
                PartialTaiList::Consecutive {
                    plmn,
                    first_tac,
                    count,
                } => {
                    out.extend((0..u16::from(*count)).map(|i| Tai {
                        plmn: *plmn,
                        tac: first_tac.wrapping_add(i),
                    }));
                }
                PartialTaiList::Tais(t) => out.extend_from_slice(t),
            }
        }
        out
    }
}

impl IeValue for TaiList {
    fn decode_value(r: &mut Reader<'_>) -> Result<Self, DecodeError> {
        let mut parts = Vec::new();
        while !r.is_empty() {
            let b = r.u8()?;
            let n = usize::from(b & 0x1F) + 1;
            let part = match (b >> 5) & 0x03 {
                0 => {
                    let plmn = Plmn::from_bytes(r.array()?);
                    let mut tacs = Vec::with_capacity(n);
                    for _ in 0..n {
                        tacs.push(r.u16()?);
                    }
                    PartialTaiList::NonConsecutive { plmn, tacs }
                }
                1 => PartialTaiList::Consecutive {
                    plmn: Plmn::from_bytes(r.array()?),
                    first_tac: r.u16()?,
                    count: n as u8,
                },
                2 => {
                    let mut tais = Vec::with_capacity(n);
                    for _ in 0..n {
                        tais.push(Tai::decode_value(r)?);
                    }
                    PartialTaiList::Tais(tais)
                }
                t => return Err(r.error(format!("reserved type of TAI list {t}"))),
            };
            parts.push(part);
        }
        Ok(Self(parts))
    }
    fn encode_value(&self, out: &mut Vec<u8>) {
        let head = |ty: u8, n: usize| (ty << 5) | ((n.clamp(1, 32) - 1) as u8);
        for p in &self.0 {
            match p {
                PartialTaiList::NonConsecutive { plmn, tacs } => {
                    let tacs = &tacs[..tacs.len().min(32)];
                    out.push(head(0, tacs.len()));
                    out.extend_from_slice(&plmn.to_bytes());
                    for t in tacs {
                        out.extend_from_slice(&t.to_be_bytes());
                    }
                }
                PartialTaiList::Consecutive {
                    plmn,
                    first_tac,
                    count,
                } => {
                    out.push(head(1, usize::from(*count)));
                    out.extend_from_slice(&plmn.to_bytes());
                    out.extend_from_slice(&first_tac.to_be_bytes());
                }
                PartialTaiList::Tais(tais) => {
                    let tais = &tais[..tais.len().min(32)];
                    out.push(head(2, tais.len()));
                    for t in tais {
                        t.encode_value(out);
                    }
                }
            }
        }
    }
    fn describe(&self) -> String {
        self.tais()
            .iter()
            .map(Tai::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// GUTI (TS 23.003 2.8): GUMMEI and M-TMSI.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Guti {
    /// PLMN of the MME.
    pub plmn: Plmn,
    /// MME group ID.
    pub mme_group_id: u16,
    /// MME code.
    pub mme_code: u8,
    /// M-TMSI.
    pub m_tmsi: u32,
}

impl fmt::Display for Guti {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} MMEGI {} MMEC {} M-TMSI 0x{:08x}",
            plmn_text(&self.plmn),
            self.mme_group_id,
            self.mme_code,
            self.m_tmsi
        )
    }
}

impl Guti {
    fn read_after_header(r: &mut Reader<'_>) -> Result<Self, DecodeError> {
        Ok(Self {
            plmn: Plmn::from_bytes(r.array()?),
            mme_group_id: r.u16()?,
            mme_code: r.u8()?,
            m_tmsi: r.u32()?,
        })
    }

    fn write(&self, out: &mut Vec<u8>) {
        out.push(0xF6);
        out.extend_from_slice(&self.plmn.to_bytes());
        out.extend_from_slice(&self.mme_group_id.to_be_bytes());
        out.push(self.mme_code);
        out.extend_from_slice(&self.m_tmsi.to_be_bytes());
    }

    fn fields(&self, start: usize) -> Vec<Field> {
        vec![
            Field::new("PLMN", plmn_text(&self.plmn)).at(start + 1, start + 4),
            Field::new("MME group ID", self.mme_group_id).at(start + 4, start + 6),
            Field::new("MME code", self.mme_code).at(start + 6, start + 7),
            Field::new("M-TMSI", format!("0x{:08x}", self.m_tmsi)).at(start + 7, start + 11),
        ]
    }
}

/// The GUTI form of an EPS mobile identity value (0xF6 header, 11 octets),
/// used where the spec allows nothing else (e.g. GUTI in Attach Accept).
impl IeValue for Guti {
    fn decode_value(r: &mut Reader<'_>) -> Result<Self, DecodeError> {
        let h = r.u8()?;
        if h != 0xF6 {
            return Err(r.error(format!("EPS mobile identity 0x{h:02x} is not a GUTI")));
        }
        Self::read_after_header(r)
    }
    fn encode_value(&self, out: &mut Vec<u8>) {
        self.write(out);
    }
    fn describe(&self) -> String {
        self.to_string()
    }
    fn children(&self, start: usize) -> Vec<Field> {
        self.fields(start)
    }
}

/// Decodes BCD digits of an identity whose first octet holds digit 1 in its
/// high half and the odd/even flag in bit 4 (TS 24.008 10.5.1.4). None if a
/// nibble is not a digit or the filler is wrong.
fn bcd_digits(v: &[u8]) -> Option<String> {
    let (&first, rest) = v.split_first()?;
    let odd = first & 0x08 != 0;
    let mut nibbles = vec![first >> 4];
    for b in rest {
        nibbles.push(b & 0x0F);
        nibbles.push(b >> 4);
    }
    if !odd && nibbles.pop() != Some(0xF) {
        return None;
    }
    nibbles
        .iter()
        .map(|&n| char::from_digit(u32::from(n), 10))
        .collect()
}

/// Encodes digits with type of identity `ty` (odd/even flag from the count).
fn bcd_encode(digits: &str, ty: u8, out: &mut Vec<u8>) {
    let mut n: Vec<u8> = digits
        .bytes()
        .map(|c| if c.is_ascii_digit() { c - b'0' } else { 0 })
        .collect();
    let odd = n.len() % 2 == 1;
    if !odd {
        n.push(0xF);
    }
    out.push((n[0] << 4) | u8::from(odd) << 3 | (ty & 7));
    for pair in n[1..].chunks(2) {
        let lo = pair[0];
        let hi = pair.get(1).copied().unwrap_or(0xF);
        out.push((hi << 4) | lo);
    }
}

/// EPS mobile identity (TS 24.301 9.9.3.12).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum EpsMobileIdentity {
    /// IMSI digits.
    Imsi(String),
    /// GUTI.
    Guti(Guti),
    /// IMEI digits.
    Imei(String),
    /// Anything else (other types, bad digits): the value as received.
    Other(Vec<u8>),
}

impl EpsMobileIdentity {
    /// The GUTI, if this is one.
    pub fn guti(&self) -> Option<&Guti> {
        match self {
            Self::Guti(g) => Some(g),
            _ => None,
        }
    }

    /// The IMSI, if this is one.
    pub fn imsi(&self) -> Option<&str> {
        match self {
            Self::Imsi(s) => Some(s),
            _ => None,
        }
    }
}

impl Default for EpsMobileIdentity {
    fn default() -> Self {
        Self::Imsi(String::new())
    }
}

impl fmt::Display for EpsMobileIdentity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Imsi(s) => write!(f, "IMSI {s}"),
            Self::Guti(g) => write!(f, "GUTI {g}"),
            Self::Imei(s) => write!(f, "IMEI {s}"),
            Self::Other(v) => write!(f, "identity 0x{}", hex(v)),
        }
    }
}

impl IeValue for EpsMobileIdentity {
    fn decode_value(r: &mut Reader<'_>) -> Result<Self, DecodeError> {
        let v = r.rest();
        let Some(&first) = v.first() else {
            return Err(r.error("empty EPS mobile identity"));
        };
        let digits = || bcd_digits(v).filter(|d| !d.is_empty());
        let id = match first & 0x07 {
            1 => digits().map(Self::Imsi),
            3 => digits().map(Self::Imei),
            6 if first == 0xF6 && v.len() == 11 => {
                let mut g = Reader::new(PROTO, &v[1..]);
                Some(Self::Guti(Guti::read_after_header(&mut g)?))
            }
            _ => None,
        };
        Ok(id.unwrap_or_else(|| Self::Other(v.to_vec())))
    }
    fn encode_value(&self, out: &mut Vec<u8>) {
        match self {
            Self::Imsi(s) => bcd_encode(s, 1, out),
            Self::Imei(s) => bcd_encode(s, 3, out),
            Self::Guti(g) => g.write(out),
            Self::Other(v) => out.extend_from_slice(v),
        }
    }
    fn describe(&self) -> String {
        self.to_string()
    }
    fn children(&self, start: usize) -> Vec<Field> {
        match self {
            Self::Guti(g) => g.fields(start),
            _ => Vec::new(),
        }
    }
}

/// Mobile identity (TS 24.008 10.5.1.4), as in Identity Response and the
/// IMEISV IE.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum MobileIdentity {
    /// IMSI digits.
    Imsi(String),
    /// IMEI digits.
    Imei(String),
    /// IMEISV digits.
    ImeiSv(String),
    /// TMSI / P-TMSI / M-TMSI.
    Tmsi(u32),
    /// Anything else (no identity, TMGI, bad digits): the value as received.
    Other(Vec<u8>),
}

impl Default for MobileIdentity {
    fn default() -> Self {
        Self::Imsi(String::new())
    }
}

impl fmt::Display for MobileIdentity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Imsi(s) => write!(f, "IMSI {s}"),
            Self::Imei(s) => write!(f, "IMEI {s}"),
            Self::ImeiSv(s) => write!(f, "IMEISV {s}"),
            Self::Tmsi(t) => write!(f, "TMSI 0x{t:08x}"),
            Self::Other(v) => write!(f, "identity 0x{}", hex(v)),
        }
    }
}

impl IeValue for MobileIdentity {
    fn decode_value(r: &mut Reader<'_>) -> Result<Self, DecodeError> {
        let v = r.rest();
        let Some(&first) = v.first() else {
            return Err(r.error("empty mobile identity"));
        };
        let digits = || bcd_digits(v).filter(|d| !d.is_empty());
        let id = match first & 0x07 {
            1 => digits().map(Self::Imsi),
            2 => digits().map(Self::Imei),
            3 => digits().map(Self::ImeiSv),
            4 if first == 0xF4 && v.len() == 5 => {
                Some(Self::Tmsi(u32::from_be_bytes([v[1], v[2], v[3], v[4]])))
            }
            _ => None,
        };
        Ok(id.unwrap_or_else(|| Self::Other(v.to_vec())))
    }
    fn encode_value(&self, out: &mut Vec<u8>) {
        match self {
            Self::Imsi(s) => bcd_encode(s, 1, out),
            Self::Imei(s) => bcd_encode(s, 2, out),
            Self::ImeiSv(s) => bcd_encode(s, 3, out),
            Self::Tmsi(t) => {
                out.push(0xF4);
                out.extend_from_slice(&t.to_be_bytes());
            }
            Self::Other(v) => out.extend_from_slice(v),
        }
    }
    fn describe(&self) -> String {
        self.to_string()
    }
}

// ---------------------------------------------------------------------------
// Timers, bearer status, names
// ---------------------------------------------------------------------------

/// GPRS timer (TS 24.008 10.5.7.3), also the value of GPRS timer 2
/// (10.5.7.4) IEs such as T3402 and T3346.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct GprsTimer {
    /// Unit bits 6-8: 0 = 2 s, 1 = 1 min, 2 = decihours, 7 = deactivated
    /// (3..=6 are read as 1 min).
    pub unit: u8,
    /// Timer value, 5 bits.
    pub value: u8,
}

impl GprsTimer {
    /// Timer deactivated.
    pub const DEACTIVATED: Self = Self { unit: 7, value: 0 };

    /// A timer of `value` minutes (0..=31).
    pub fn minutes(value: u8) -> Self {
        Self {
            unit: 1,
            value: value & 0x1F,
        }
    }

    /// The duration in seconds, None when deactivated.
    pub fn seconds(&self) -> Option<u32> {
        let v = u32::from(self.value);
        match self.unit {
            0 => Some(2 * v),
            2 => Some(360 * v),
            7 => None,
            _ => Some(60 * v),
        }
    }
}

impl IeValue for GprsTimer {
    fn decode_value(r: &mut Reader<'_>) -> Result<Self, DecodeError> {
        let b = r.u8()?;
        Ok(Self {
            unit: b >> 5,
            value: b & 0x1F,
        })
    }
    fn encode_value(&self, out: &mut Vec<u8>) {
        out.push(((self.unit & 7) << 5) | (self.value & 0x1F));
    }
    fn describe(&self) -> String {
        match self.seconds() {
            None => "deactivated".into(),
            Some(s) if s % 60 == 0 && s > 0 => format!("{} min", s / 60),
            Some(s) => format!("{s} s"),
        }
    }
}

/// EPS bearer context status (TS 24.301 9.9.2.1): one bit per EBI.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct EpsBearerContextStatus(pub [u8; 2]);

impl EpsBearerContextStatus {
    /// True if the context of `ebi` (0..=15) is marked active.
    pub fn is_active(&self, ebi: u8) -> bool {
        match ebi {
            0..=7 => self.0[0] & (1 << ebi) != 0,
            8..=15 => self.0[1] & (1 << (ebi - 8)) != 0,
            _ => false,
        }
    }
}

impl IeValue for EpsBearerContextStatus {
    fn decode_value(r: &mut Reader<'_>) -> Result<Self, DecodeError> {
        Ok(Self(r.array()?))
    }
    fn encode_value(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.0);
    }
    fn describe(&self) -> String {
        let active: Vec<String> = (0..16u8)
            .filter(|&e| self.is_active(e))
            .map(|e| e.to_string())
            .collect();
        format!("active EBIs [{}]", active.join(","))
    }
}

/// Network name (TS 24.008 10.5.3.5a): the coding octet and the text octets.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct NetworkName {
    /// Octet 3: ext, coding scheme (bits 5-7), add CI (bit 4), spare bits in
    /// the last octet (bits 1-3).
    pub coding: u8,
    /// Text string octets.
    pub text: Vec<u8>,
}

impl NetworkName {
    /// A name in the GSM 7-bit default alphabet (ASCII letters, digits and
    /// common punctuation map one to one).
    pub fn gsm7(name: &str) -> Self {
        let septets: Vec<u8> = name.bytes().map(|c| c & 0x7F).collect();
        let mut text = Vec::new();
        let mut acc: u32 = 0;
        let mut bits = 0;
        for s in &septets {
            acc |= u32::from(*s) << bits;
            bits += 7;
            while bits >= 8 {
                text.push((acc & 0xFF) as u8);
                acc >>= 8;
                bits -= 8;
            }
        }
        if bits > 0 {
            text.push((acc & 0xFF) as u8);
        }
        let spare = (text.len() * 8 - septets.len() * 7) as u8;
        Self {
            coding: 0x80 | (spare & 7),
            text,
        }
    }

    /// The name as text (GSM 7-bit or UCS2); unknown characters as '?'.
    pub fn decode_text(&self) -> String {
        match (self.coding >> 4) & 7 {
            0 => {
                let spare = usize::from(self.coding & 7);
                let n = (self.text.len() * 8).saturating_sub(spare) / 7;
                let mut out = String::new();
                for i in 0..n {
                    let bit = i * 7;
                    let lo = self.text.get(bit / 8).copied().unwrap_or(0) as u16;
                    let hi = self.text.get(bit / 8 + 1).copied().unwrap_or(0) as u16;
                    let s = (((hi << 8) | lo) >> (bit % 8)) as u8 & 0x7F;
                    out.push(match s {
                        0x00 => '@',
                        0x20..=0x23 | 0x25..=0x3F | 0x41..=0x5A | 0x61..=0x7A => char::from(s),
                        _ => '?',
                    });
                }
                out
            }
            1 => {
                let units: Vec<u16> = self
                    .text
                    .chunks_exact(2)
                    .map(|c| u16::from_be_bytes([c[0], c[1]]))
                    .collect();
                String::from_utf16_lossy(&units)
            }
            _ => format!("0x{}", hex(&self.text)),
        }
    }
}

impl IeValue for NetworkName {
    fn decode_value(r: &mut Reader<'_>) -> Result<Self, DecodeError> {
        Ok(Self {
            coding: r.u8()?,
            text: r.rest().to_vec(),
        })
    }
    fn encode_value(&self, out: &mut Vec<u8>) {
        out.push(self.coding);
        out.extend_from_slice(&self.text);
    }
    fn describe(&self) -> String {
        format!("\"{}\"", self.decode_text())
    }
}

// ---------------------------------------------------------------------------
// ESM values
// ---------------------------------------------------------------------------

/// Access point name (TS 24.008 10.5.6.1, TS 23.003 9.1): length-prefixed
/// labels on the wire, "a.b.c" here.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Apn(pub String);

impl Apn {
    /// An APN from its dotted form.
    pub fn new(name: &str) -> Self {
        Self(name.to_owned())
    }

    /// The dotted form.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Apn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl IeValue for Apn {
    fn decode_value(r: &mut Reader<'_>) -> Result<Self, DecodeError> {
        let mut labels = Vec::new();
        while !r.is_empty() {
            let len = usize::from(r.u8()?);
            if len == 0 {
                return Err(r.error("empty APN label"));
            }
            let label = r.take(len)?;
            // A label must survive "a.b" -> labels -> "a.b" unchanged.
            if label
                .iter()
                .any(|&c| c == b'.' || !(0x21..0x7F).contains(&c))
            {
                return Err(r.error("APN label is not printable ASCII without dots"));
            }
            labels.push(String::from_utf8_lossy(label).into_owned());
        }
        Ok(Self(labels.join(".")))
    }
    fn encode_value(&self, out: &mut Vec<u8>) {
        if self.0.is_empty() {
            return;
        }
        for label in self.0.split('.') {
            let l = &label.as_bytes()[..label.len().min(63)];
            out.push(l.len() as u8);
            out.extend_from_slice(l);
        }
    }
    fn describe(&self) -> String {
        self.0.clone()
    }
}

/// PDN address (TS 24.301 9.9.4.9).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum PdnAddress {
    /// IPv4 address.
    Ipv4(Ipv4Addr),
    /// IPv6 interface identifier.
    Ipv6 {
        /// Interface identifier (the prefix comes by router advertisement).
        iid: [u8; 8],
    },
    /// Both.
    Ipv4v6 {
        /// IPv6 interface identifier.
        iid: [u8; 8],
        /// IPv4 address.
        ipv4: Ipv4Addr,
    },
    /// Other PDN types or lengths: the type octet and the rest as received.
    Other {
        /// Octet 3 (spare bits and PDN type value).
        type_octet: u8,
        /// PDN address information.
        info: Vec<u8>,
    },
}

impl PdnAddress {
    /// The IPv4 address, if any.
    pub fn ipv4(&self) -> Option<Ipv4Addr> {
        match self {
            Self::Ipv4(a) | Self::Ipv4v6 { ipv4: a, .. } => Some(*a),
            _ => None,
        }
    }

    /// The IPv6 interface identifier, if any.
    pub fn ipv6_iid(&self) -> Option<[u8; 8]> {
        match self {
            Self::Ipv6 { iid } | Self::Ipv4v6 { iid, .. } => Some(*iid),
            _ => None,
        }
    }

    /// The PDN type value (1 IPv4, 2 IPv6, 3 IPv4v6, ...).
    pub fn pdn_type(&self) -> u8 {
        match self {
            Self::Ipv4(_) => 1,
            Self::Ipv6 { .. } => 2,
            Self::Ipv4v6 { .. } => 3,
            Self::Other { type_octet, .. } => type_octet & 7,
        }
    }
}

impl Default for PdnAddress {
    fn default() -> Self {
        Self::Ipv4(Ipv4Addr::UNSPECIFIED)
    }
}

impl IeValue for PdnAddress {
    fn decode_value(r: &mut Reader<'_>) -> Result<Self, DecodeError> {
        let t = r.u8()?;
        let info = r.rest();
        Ok(match (t, info.len()) {
            (1, 4) => Self::Ipv4(Ipv4Addr::new(info[0], info[1], info[2], info[3])),
            (2, 8) => {
                let mut iid = [0; 8];
                iid.copy_from_slice(info);
                Self::Ipv6 { iid }
            }
            (3, 12) => {
                let mut iid = [0; 8];
                iid.copy_from_slice(&info[..8]);
                Self::Ipv4v6 {
                    iid,
                    ipv4: Ipv4Addr::new(info[8], info[9], info[10], info[11]),
                }
            }
            _ => Self::Other {
                type_octet: t,
                info: info.to_vec(),
            },
        })
    }
    fn encode_value(&self, out: &mut Vec<u8>) {
        match self {
            Self::Ipv4(a) => {
                out.push(1);
                out.extend_from_slice(&a.octets());
            }
            Self::Ipv6 { iid } => {
                out.push(2);
                out.extend_from_slice(iid);
            }
            Self::Ipv4v6 { iid, ipv4 } => {
                out.push(3);
                out.extend_from_slice(iid);
                out.extend_from_slice(&ipv4.octets());
            }
            Self::Other { type_octet, info } => {
                out.push(*type_octet);
                out.extend_from_slice(info);
            }
        }
    }
    fn describe(&self) -> String {
        match self {
            Self::Ipv4(a) => format!("IPv4 {a}"),
            Self::Ipv6 { iid } => format!("IPv6 IID {}", hex(iid)),
            Self::Ipv4v6 { iid, ipv4 } => format!("IPv4v6 {ipv4}, IPv6 IID {}", hex(iid)),
            Self::Other { type_octet, info } => {
                format!("type {} 0x{}", type_octet & 7, hex(info))
            }
        }
    }
    fn children(&self, start: usize) -> Vec<Field> {
        let mut v = vec![Field::new("PDN type", self.pdn_type()).at(start, start + 1)];
        if let Some(iid) = self.ipv6_iid() {
            v.push(Field::new("IPv6 interface identifier", hex(&iid)).at(start + 1, start + 9));
        }
        if let Some(a) = self.ipv4() {
            let s = if matches!(self, Self::Ipv4(_)) { 1 } else { 9 };
            v.push(Field::new("IPv4 address", a).at(start + s, start + s + 4));
        }
        v
    }
}

/// Bit rate octets to kbps (TS 24.301 9.9.4.2 / 9.9.4.3, TS 24.008
/// 10.5.6.5): base octet, extended octet (0 = use base), extended-2 octet
/// (0 = use the others).
pub fn bitrate_kbps(base: u8, ext: Option<u8>, ext2: Option<u8>) -> u64 {
    if let Some(e2) = ext2.filter(|&e| e != 0) {
        // Extended-2: multiples of 256 Mbps on top of the extended value.
        let below = match ext {
            Some(e) if e != 0 => bitrate_kbps(base, Some(e), None),
            _ => 0,
        };
        return u64::from(e2.min(254)) * 256_000 + below;
    }
    if let Some(e) = ext.filter(|&e| e != 0) {
        let e = u64::from(e);
        return match e {
            1..=74 => 8_600 + e * 100,
            75..=186 => 16_000 + (e - 74) * 1_000,
            187..=250 => 128_000 + (e - 186) * 2_000,
            _ => 256_000,
        };
    }
    let b = u64::from(base);
    match b {
        0 | 255 => 0,
        1..=63 => b,
        64..=127 => 64 + (b - 64) * 8,
        _ => 576 + (b - 128) * 64,
    }
}

/// kbps to (base, extended, extended-2) octets, the inverse of
/// [`bitrate_kbps`] rounded down to the nearest step.
pub fn bitrate_octets(kbps: u64) -> (u8, u8, u8) {
    match kbps {
        0 => (0xFF, 0, 0),
        1..=63 => (kbps as u8, 0, 0),
        64..=575 => ((64 + (kbps - 64) / 8) as u8, 0, 0),
        576..=8_640 => ((128 + (kbps - 576) / 64) as u8, 0, 0),
        8_641..=16_000 => (0xFE, ((kbps - 8_600) / 100) as u8, 0),
        16_001..=128_000 => (0xFE, (74 + (kbps - 16_000) / 1_000) as u8, 0),
        128_001..=256_000 => (0xFE, (186 + (kbps - 128_000) / 2_000) as u8, 0),
        _ => {
            // Extended-2 counts 256 Mbps steps; the extended octet adds the
            // remainder (clamped, so this never recurses twice).
            let e2 = (kbps / 256_000).min(254);
            let rest = (kbps - e2 * 256_000).min(256_000);
            let e = if rest == 0 {
                0
            } else {
                bitrate_octets(rest.max(8_641)).1
            };
            (0xFE, e, e2 as u8)
        }
    }
}

/// APN aggregate maximum bit rate (TS 24.301 9.9.4.2): downlink/uplink base
/// octets and the optional extended and extended-2 pairs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct ApnAmbr {
    /// APN-AMBR for downlink (octet 3).
    pub downlink: u8,
    /// APN-AMBR for uplink (octet 4).
    pub uplink: u8,
    /// Downlink/uplink (extended), octets 5-6.
    pub extended: Option<(u8, u8)>,
    /// Downlink/uplink (extended-2), octets 7-8.
    pub extended2: Option<(u8, u8)>,
}

impl ApnAmbr {
    /// Encodes two rates in kbps with as few octets as needed.
    pub fn from_kbps(downlink: u64, uplink: u64) -> Self {
        let (d, de, d2) = bitrate_octets(downlink);
        let (u, ue, u2) = bitrate_octets(uplink);
        let need2 = d2 != 0 || u2 != 0;
        let need1 = need2 || de != 0 || ue != 0;
        Self {
            downlink: d,
            uplink: u,
            extended: need1.then_some((de, ue)),
            extended2: need2.then_some((d2, u2)),
        }
    }

    /// Downlink rate in kbps.
    pub fn downlink_kbps(&self) -> u64 {
        bitrate_kbps(
            self.downlink,
            self.extended.map(|e| e.0),
            self.extended2.map(|e| e.0),
        )
    }

    /// Uplink rate in kbps.
    pub fn uplink_kbps(&self) -> u64 {
        bitrate_kbps(
            self.uplink,
            self.extended.map(|e| e.1),
            self.extended2.map(|e| e.1),
        )
    }
}

impl IeValue for ApnAmbr {
    fn decode_value(r: &mut Reader<'_>) -> Result<Self, DecodeError> {
        let downlink = r.u8()?;
        let uplink = r.u8()?;
        let pair = |r: &mut Reader<'_>| -> Result<Option<(u8, u8)>, DecodeError> {
            if r.is_empty() {
                Ok(None)
            } else {
                Ok(Some((r.u8()?, r.u8()?)))
            }
        };
        let extended = pair(r)?;
        let extended2 = if extended.is_some() { pair(r)? } else { None };
        Ok(Self {
            downlink,
            uplink,
            extended,
            extended2,
        })
    }
    fn encode_value(&self, out: &mut Vec<u8>) {
        out.push(self.downlink);
        out.push(self.uplink);
        if let Some((d, u)) = self.extended {
            out.extend_from_slice(&[d, u]);
            if let Some((d, u)) = self.extended2 {
                out.extend_from_slice(&[d, u]);
            }
        }
    }
    fn describe(&self) -> String {
        format!(
            "DL {} kbps, UL {} kbps",
            self.downlink_kbps(),
            self.uplink_kbps()
        )
    }
}

/// The four bit rate octets of one EPS QoS group (TS 24.301 9.9.4.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct QosBitrates {
    /// Maximum bit rate for uplink.
    pub mbr_ul: u8,
    /// Maximum bit rate for downlink.
    pub mbr_dl: u8,
    /// Guaranteed bit rate for uplink.
    pub gbr_ul: u8,
    /// Guaranteed bit rate for downlink.
    pub gbr_dl: u8,
}

impl QosBitrates {
    fn read(r: &mut Reader<'_>) -> Result<Option<Self>, DecodeError> {
        if r.is_empty() {
            return Ok(None);
        }
        let [mbr_ul, mbr_dl, gbr_ul, gbr_dl] = r.array()?;
        Ok(Some(Self {
            mbr_ul,
            mbr_dl,
            gbr_ul,
            gbr_dl,
        }))
    }

    fn write(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&[self.mbr_ul, self.mbr_dl, self.gbr_ul, self.gbr_dl]);
    }
}

/// EPS quality of service (TS 24.301 9.9.4.3): QCI and, for GBR bearers,
/// the bit rates with their extended and extended-2 octets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct EpsQos {
    /// QoS class identifier.
    pub qci: u8,
    /// Octets 4-7.
    pub bitrates: Option<QosBitrates>,
    /// Octets 8-11 (extended).
    pub extended: Option<QosBitrates>,
    /// Octets 12-15 (extended-2).
    pub extended2: Option<QosBitrates>,
}

impl EpsQos {
    /// A non-GBR QoS with only a QCI.
    pub fn qci(qci: u8) -> Self {
        Self {
            qci,
            ..Self::default()
        }
    }
}

impl IeValue for EpsQos {
    fn decode_value(r: &mut Reader<'_>) -> Result<Self, DecodeError> {
        let qci = r.u8()?;
        let bitrates = QosBitrates::read(r)?;
        let extended = if bitrates.is_some() {
            QosBitrates::read(r)?
        } else {
            None
        };
        let extended2 = if extended.is_some() {
            QosBitrates::read(r)?
        } else {
            None
        };
        Ok(Self {
            qci,
            bitrates,
            extended,
            extended2,
        })
    }
    fn encode_value(&self, out: &mut Vec<u8>) {
        out.push(self.qci);
        if let Some(b) = &self.bitrates {
            b.write(out);
            if let Some(e) = &self.extended {
                e.write(out);
                if let Some(e2) = &self.extended2 {
                    e2.write(out);
                }
            }
        }
    }
    fn describe(&self) -> String {
        match &self.bitrates {
            None => format!("QCI {}", self.qci),
            Some(b) => format!(
                "QCI {}, MBR UL/DL {}/{} kbps, GBR UL/DL {}/{} kbps",
                self.qci,
                bitrate_kbps(
                    b.mbr_ul,
                    self.extended.map(|e| e.mbr_ul),
                    self.extended2.map(|e| e.mbr_ul)
                ),
                bitrate_kbps(
                    b.mbr_dl,
                    self.extended.map(|e| e.mbr_dl),
                    self.extended2.map(|e| e.mbr_dl)
                ),
                bitrate_kbps(
                    b.gbr_ul,
                    self.extended.map(|e| e.gbr_ul),
                    self.extended2.map(|e| e.gbr_ul)
                ),
                bitrate_kbps(
                    b.gbr_dl,
                    self.extended.map(|e| e.gbr_dl),
                    self.extended2.map(|e| e.gbr_dl)
                ),
            ),
        }
    }
    fn children(&self, start: usize) -> Vec<Field> {
        vec![Field::new("QCI", self.qci).at(start, start + 1)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roundtrip<T: IeValue + PartialEq + fmt::Debug>(v: &T) {
        let mut out = Vec::new();
        v.encode_value(&mut out);
        let mut r = Reader::new(PROTO, &out);
        let back = T::decode_value(&mut r).unwrap();
        assert!(r.is_empty());
        assert_eq!(&back, v);
    }

    #[test]
    fn plmn_encodes_two_and_three_digit_mnc() {
        assert_eq!(
            Plmn::new("001", "01").unwrap().to_bytes(),
            [0x00, 0xF1, 0x10]
        );
        assert_eq!(
            Plmn::new("310", "260").unwrap().to_bytes(),
            [0x13, 0x00, 0x62]
        );
        let p = Plmn::from_bytes([0x00, 0xF1, 0x10]);
        assert_eq!((p.mcc().as_str(), p.mnc().as_str()), ("001", "01"));
        assert_eq!(Plmn::new("310", "260").unwrap().mnc(), "260");
        assert_eq!(p.describe(), "001/01");
    }

    #[test]
    fn eps_mobile_identity_decodes_imsi_with_odd_flag() {
        let v = [0x09, 0x10, 0x10, 0x00, 0x00, 0x00, 0x00, 0x10];
        let id = EpsMobileIdentity::decode_value(&mut Reader::new(PROTO, &v)).unwrap();
        assert_eq!(id, EpsMobileIdentity::Imsi("001010000000001".into()));
        let mut out = Vec::new();
        id.encode_value(&mut out);
        assert_eq!(out, v);
    }

    #[test]
    fn mobile_identity_encodes_even_imeisv_with_filler() {
        let id = MobileIdentity::ImeiSv("3534900698733019".into());
        let mut out = Vec::new();
        id.encode_value(&mut out);
        assert_eq!(out[0], 0x33);
        assert_eq!(*out.last().unwrap() >> 4, 0xF);
        roundtrip(&id);
    }

    #[test]
    fn identity_with_bad_digits_is_kept_raw() {
        let v = [0x19, 0xAB];
        let id = MobileIdentity::decode_value(&mut Reader::new(PROTO, &v)).unwrap();
        assert_eq!(id, MobileIdentity::Other(v.to_vec()));
    }

    #[test]
    fn tai_list_decodes_all_three_types() {
        let v = [
            0x01, 0x00, 0xF1, 0x10, 0x00, 0x01, 0x00, 0x02, // type 0, 2 TACs
            0x22, 0x00, 0xF1, 0x10, 0x00, 0x10, // type 1, 3 from 16
            0x41, 0x00, 0xF1, 0x10, 0x00, 0x07, 0x13, 0x00, 0x62, 0x00, 0x08, // type 2
        ];
        let l = TaiList::decode_value(&mut Reader::new(PROTO, &v)).unwrap();
        let tacs: Vec<u16> = l.tais().iter().map(|t| t.tac).collect();
        assert_eq!(tacs, [1, 2, 16, 17, 18, 7, 8]);
        let mut out = Vec::new();
        l.encode_value(&mut out);
        assert_eq!(out, v);
    }

    #[test]
    fn tai_list_rejects_reserved_type() {
        let v = [0x60, 0x00, 0xF1, 0x10, 0x00, 0x01];
        assert!(TaiList::decode_value(&mut Reader::new(PROTO, &v)).is_err());
    }

    #[test]
    fn apn_converts_labels_to_dots() {
        let v = b"\x03ims\x03mnc\x03001";
        let a = Apn::decode_value(&mut Reader::new(PROTO, v)).unwrap();
        assert_eq!(a.as_str(), "ims.mnc.001");
        let mut out = Vec::new();
        a.encode_value(&mut out);
        assert_eq!(out, v);
        assert!(Apn::decode_value(&mut Reader::new(PROTO, b"\x05ims")).is_err());
        assert!(Apn::decode_value(&mut Reader::new(PROTO, b"\x03a.b")).is_err());
    }

    #[test]
    fn bitrate_round_trips_through_octets() {
        assert_eq!(bitrate_kbps(0xFE, None, None), 8640);
        for kbps in [
            0, 1, 63, 64, 568, 576, 8640, 8700, 16000, 17000, 128000, 130000, 256000,
        ] {
            let (b, e, e2) = bitrate_octets(kbps);
            assert_eq!(bitrate_kbps(b, Some(e), Some(e2)), kbps, "{kbps}");
        }
        let (_, _, e2) = bitrate_octets(u64::MAX);
        assert_eq!(e2, 254);
        assert_eq!(bitrate_kbps(0xFE, Some(0), Some(2)), 512_000);
        let ambr = ApnAmbr::from_kbps(100_000, 50_000);
        assert_eq!(
            (ambr.downlink_kbps(), ambr.uplink_kbps()),
            (100_000, 50_000)
        );
        roundtrip(&ambr);
    }

    #[test]
    fn gprs_timer_reports_seconds() {
        let t = GprsTimer { unit: 2, value: 9 };
        assert_eq!(t.seconds(), Some(3240));
        assert_eq!(t.describe(), "54 min");
        assert_eq!(GprsTimer::DEACTIVATED.seconds(), None);
    }

    #[test]
    fn ue_network_capability_keeps_extra_octets() {
        let c = UeNetworkCapability {
            eea: 0xE0,
            eia: 0x60,
            rest: vec![0xC0, 0x40, 0x08],
        };
        assert!(c.supports_eea(0) && c.supports_eea(2) && !c.supports_eea(3));
        assert!(c.supports_eia(1) && c.supports_eia(2) && !c.supports_eia(0));
        assert_eq!(UeNetworkCapability::new(&[0, 1, 2], &[1, 2]).eea, 0xE0);
        roundtrip(&c);
    }

    #[test]
    fn network_name_packs_gsm7() {
        let n = NetworkName::gsm7("volte-sim");
        assert_eq!(n.decode_text(), "volte-sim");
        roundtrip(&n);
    }

    #[test]
    fn unknown_iei_format_follows_ts24007() {
        assert_eq!(IeFormat::for_unknown(0xE1), IeFormat::Tv1);
        assert_eq!(IeFormat::for_unknown(0x7B), IeFormat::TlvE);
        assert_eq!(IeFormat::for_unknown(0x5D), IeFormat::Tlv);
    }

    #[test]
    fn pdn_address_decodes_ipv4v6() {
        let v = [3, 0, 0, 0, 0, 0, 0, 0, 2, 10, 46, 0, 2];
        let a = PdnAddress::decode_value(&mut Reader::new(PROTO, &v)).unwrap();
        assert_eq!(a.ipv4(), Some(Ipv4Addr::new(10, 46, 0, 2)));
        assert_eq!(a.ipv6_iid(), Some([0, 0, 0, 0, 0, 0, 0, 2]));
        roundtrip(&a);
        roundtrip(&PdnAddress::Other {
            type_octet: 5,
            info: vec![],
        });
    }
}
