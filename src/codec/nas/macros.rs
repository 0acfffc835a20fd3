//! The declaration macros: every NAS message is declared once with
//! [`nas_message!`], which produces its struct, its decoder (which also feeds
//! the field tree) and its encoder from one IE table in spec order.

/// A closed value set with an `Other(u8)` escape for reserved or newer values.
/// Generates `from_u8`, `to_u8`, `Display` and an [`IeValue`] impl reading one
/// octet (or one half octet, when the message table says so).
///
/// [`IeValue`]: super::ie::IeValue
macro_rules! nas_enum {
    (
        $(#[$meta:meta])*
        $name:ident {
            $( $var:ident = $val:literal => $text:literal ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name {
            $( #[doc = $text] $var, )*
            /// A value this version does not name (reserved, spare or newer).
            Other(u8),
        }

        impl $name {
            /// The value for a wire octet.
            pub fn from_u8(v: u8) -> Self {
                match v {
                    $( $val => Self::$var, )*
                    other => Self::Other(other),
                }
            }

            /// The wire octet.
            pub fn to_u8(self) -> u8 {
                match self {
                    $( Self::$var => $val, )*
                    Self::Other(v) => v,
                }
            }

            /// The spec's name for the value.
            pub fn text(self) -> &'static str {
                match self {
                    $( Self::$var => $text, )*
                    Self::Other(_) => "unknown",
                }
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                write!(f, "{} ({})", self.text(), self.to_u8())
            }
        }

        impl $crate::codec::nas::ie::IeValue for $name {
            fn decode_value(
                r: &mut $crate::codec::Reader<'_>,
            ) -> Result<Self, $crate::codec::DecodeError> {
                Ok(Self::from_u8(r.u8()?))
            }
            fn encode_value(&self, out: &mut Vec<u8>) {
                out.push(self.to_u8());
            }
            fn describe(&self) -> String {
                self.to_string()
            }
        }
    };
}

/// Declares one NAS message from its IE table (TS 24.301 clause 8).
///
/// Mandatory entries are `kind "Name" field: Type;` with kind one of
/// `v` (fixed length value), `lv`, `lve`, `lo` / `hi` (the low and high half
/// of one octet, always in that order) and `lo1` (low half, high half spare).
/// Optional entries are `"Name" IEI kind => field: Type;` with kind one of
/// `tv1` (IEI is the high half octet, given as 0x0..0xF), `tv(n)` (n value
/// octets), `tlv` or `tlve`. An optional entry without `=> field: Type` is
/// known by name and format only and is kept as a [`RawIe`].
///
/// [`RawIe`]: super::ie::RawIe
macro_rules! nas_message {
    (
        $(#[$meta:meta])*
        $msg:ident = $mtype:literal, $title:literal;
        mandatory { $( $mkind:ident $mname:literal $mfield:ident : $mty:ty; )* }
        optional { $( $oname:literal $oiei:literal $okind:ident $( ( $olen:literal ) )? $( => $ofield:ident : $oty:ty )?; )* }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub struct $msg {
            $( #[doc = $mname] pub $mfield: $mty, )*
            $( $( #[doc = concat!($oname, " (optional IE ", stringify!($oiei), ").")] pub $ofield: Option<$oty>, )? )*
            /// Optional IEs kept as received (untyped, unknown, repeated or
            /// malformed ones), each re-encoded at its original position.
            pub other_ies: Vec<$crate::codec::nas::ie::RawIe>,
        }

        impl $msg {
            /// Message type octet (TS 24.301 9.8).
            pub const MESSAGE_TYPE: u8 = $mtype;
            /// Message name as the spec writes it.
            pub const NAME: &'static str = $title;

            #[allow(dead_code)]
            const OPTIONAL: &'static [$crate::codec::nas::ie::OptSpec] = &[
                $( $crate::codec::nas::ie::OptSpec {
                    iei: $oiei,
                    format: opt_format!($okind $( $olen )?),
                    name: $oname,
                }, )*
            ];

            #[allow(unused_mut, unused_variables, unused_assignments)]
            pub(crate) fn decode_body(
                r: &mut $crate::codec::Reader<'_>,
                t: &mut $crate::codec::nas::ie::Trace,
            ) -> Result<Self, $crate::codec::DecodeError> {
                use $crate::codec::nas::ie as ie;
                let mut half: u8 = 0;
                $( let $mfield: $mty = mand_decode!($mkind, $mty, r, t, half, $mname)?; )*
                $( $( let mut $ofield: Option<$oty> = None; )? )*
                let mut other_ies = Vec::new();
                let mut position = 0usize;
                while let Some(b) = r.peek() {
                    let spec = ie::find_spec(Self::OPTIONAL, b);
                    let format = spec.map_or_else(|| ie::IeFormat::for_unknown(b), |s| s.format);
                    let parts = ie::take_optional(r, format)?;
                    let mut handled = false;
                    $( $(
                        if !handled
                            && $ofield.is_none()
                            && spec.is_some_and(|s| s.iei == $oiei && s.format.is_tv1() == is_tv1!($okind))
                        {
                            if let Ok(v) = ie::decode_optional::<$oty>(&parts) {
                                t.add(|| ie::ie_field($oname, &v, parts.start, parts.end, parts.value_start));
                                $ofield = Some(v);
                                handled = true;
                            }
                        }
                    )? )*
                    if !handled {
                        t.add(|| ie::raw_field(spec.map(|s| s.name), &parts));
                        other_ies.push(ie::RawIe { position, bytes: parts.whole.to_vec() });
                    }
                    position += 1;
                }
                Ok(Self { $( $mfield, )* $( $( $ofield, )? )* other_ies })
            }

            #[allow(unused_mut, unused_variables, unused_assignments)]
            pub(crate) fn encode_body(&self, out: &mut Vec<u8>) {
                #[allow(unused_imports)]
                use $crate::codec::nas::ie as ie;
                let mut half: u8 = 0;
                $( mand_encode!($mkind, out, half, &self.$mfield); )*
                let mut position = 0usize;
                let mut raws = self.other_ies.iter().peekable();
                $( $(
                    if let Some(v) = &self.$ofield {
                        ie::flush_raw(out, &mut raws, &mut position);
                        opt_encode!($okind, out, $oiei, v);
                        position += 1;
                    }
                )? )*
                for raw in raws {
                    out.extend_from_slice(&raw.bytes);
                }
            }
        }
    };
}

macro_rules! opt_format {
    (tv1) => {
        $crate::codec::nas::ie::IeFormat::Tv1
    };
    (tv $n:literal) => {
        $crate::codec::nas::ie::IeFormat::Tv($n)
    };
    (tlv) => {
        $crate::codec::nas::ie::IeFormat::Tlv
    };
    (tlve) => {
        $crate::codec::nas::ie::IeFormat::TlvE
    };
}

macro_rules! is_tv1 {
    (tv1) => {
        true
    };
    ($other:ident) => {
        false
    };
}

macro_rules! mand_decode {
    (v, $ty:ty, $r:ident, $t:ident, $half:ident, $name:literal) => {
        ie::mand_v::<$ty>($r, $t, $name)
    };
    (lv, $ty:ty, $r:ident, $t:ident, $half:ident, $name:literal) => {
        ie::mand_lv::<$ty>($r, $t, $name)
    };
    (lve, $ty:ty, $r:ident, $t:ident, $half:ident, $name:literal) => {
        ie::mand_lve::<$ty>($r, $t, $name)
    };
    (lo, $ty:ty, $r:ident, $t:ident, $half:ident, $name:literal) => {
        ie::mand_lo::<$ty>($r, $t, $name, &mut $half)
    };
    (lo1, $ty:ty, $r:ident, $t:ident, $half:ident, $name:literal) => {
        ie::mand_lo::<$ty>($r, $t, $name, &mut $half)
    };
    (hi, $ty:ty, $r:ident, $t:ident, $half:ident, $name:literal) => {
        ie::mand_hi::<$ty>($r, $t, $name, $half)
    };
}

macro_rules! mand_encode {
    (v, $out:ident, $half:ident, $v:expr) => {
        ie::IeValue::encode_value($v, $out)
    };
    (lv, $out:ident, $half:ident, $v:expr) => {
        ie::put_lv($out, $v)
    };
    (lve, $out:ident, $half:ident, $v:expr) => {
        ie::put_lve($out, $v)
    };
    (lo, $out:ident, $half:ident, $v:expr) => {
        $half = ie::nibble_of($v)
    };
    (lo1, $out:ident, $half:ident, $v:expr) => {
        $out.push(ie::nibble_of($v))
    };
    (hi, $out:ident, $half:ident, $v:expr) => {
        $out.push($half | (ie::nibble_of($v) << 4))
    };
}

macro_rules! opt_encode {
    (tv1, $out:ident, $iei:literal, $v:expr) => {
        $out.push(($iei << 4) | ie::nibble_of($v))
    };
    (tv, $out:ident, $iei:literal, $v:expr) => {{
        $out.push($iei);
        ie::IeValue::encode_value($v, $out);
    }};
    (tlv, $out:ident, $iei:literal, $v:expr) => {{
        $out.push($iei);
        ie::put_lv($out, $v);
    }};
    (tlve, $out:ident, $iei:literal, $v:expr) => {{
        $out.push($iei);
        ie::put_lve($out, $v);
    }};
}

/// Declares the enum over a list of message structs, with name, type and
/// encode dispatch (decode dispatch stays with the caller, which knows the
/// special cases such as the two Detach Request formats).
macro_rules! message_enum {
    (
        $(#[$meta:meta])*
        $enum:ident { $( $var:ident ),* $(,)? }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub enum $enum {
            $( #[doc = concat!("See [`", stringify!($var), "`].")] $var($var), )*
            /// A message type this codec does not decode; body kept as is.
            Unknown($crate::codec::nas::ie::UnknownMessage),
        }

        impl $enum {
            /// Message type octet.
            pub fn message_type(&self) -> u8 {
                match self {
                    $( Self::$var(_) => $var::MESSAGE_TYPE, )*
                    Self::Unknown(u) => u.message_type,
                }
            }

            /// Message name, e.g. "Attach Request".
            pub fn name(&self) -> &'static str {
                match self {
                    $( Self::$var(_) => $var::NAME, )*
                    Self::Unknown(_) => "Unknown message",
                }
            }

            fn encode_body(&self, out: &mut Vec<u8>) {
                match self {
                    $( Self::$var(m) => m.encode_body(out), )*
                    Self::Unknown(u) => out.extend_from_slice(&u.body),
                }
            }

            /// The name of a known message type.
            pub fn name_for_type(mtype: u8) -> Option<&'static str> {
                $(
                    if mtype == $var::MESSAGE_TYPE {
                        return Some($var::NAME);
                    }
                )*
                None
            }

            /// Decodes the body of a known message type (None if unknown).
            fn decode_known(
                mtype: u8,
                r: &mut $crate::codec::Reader<'_>,
                t: &mut $crate::codec::nas::ie::Trace,
            ) -> Option<Result<Self, $crate::codec::DecodeError>> {
                $(
                    if mtype == $var::MESSAGE_TYPE {
                        return Some($var::decode_body(r, t).map(Self::$var));
                    }
                )*
                None
            }
        }

        $(
            impl From<$var> for $enum {
                fn from(m: $var) -> Self {
                    Self::$var(m)
                }
            }
        )*
    };
}
