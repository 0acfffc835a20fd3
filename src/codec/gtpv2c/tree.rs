//! The human-readable tree of a GTPv2-C message: header, then every IE with
//! its type, length, instance and value, nested for grouped IEs. Spans are
//! byte ranges in the buffer handed to [`tree`].

use super::header::Header;
use super::ie::{
    Ambr, Apn, ApnRestriction, BearerQos, Cause, ChargingCharacteristics, ChargingId, Ebi, Fteid,
    IeValue, Imsi, Indication, Mei, Msisdn, PROTO, Paa, Pco, PdnType, Plmn, RatType, RawIe,
    Recovery, SelectionMode, Uli, ie_name, is_grouped, plmn_text, types,
};
use super::{Message, message_name};
use crate::codec::{DecodeError, Field, Reader, hex};

/// Grouped IEs nest at most this deep in the tree; deeper values show as hex.
const MAX_DEPTH: usize = 4;

/// Decodes `bytes` as a GTPv2-C message and renders it as a tree of fields.
pub fn tree(bytes: &[u8]) -> Result<Field, DecodeError> {
    let msg = Message::decode(bytes)?;
    let mut r = Reader::new(PROTO, bytes);
    let mut root = message_tree(&mut r, msg.body.summary())?;
    root.name = "GTPv2-C".to_string();
    if let Some(p) = &msg.piggybacked {
        let mut pf = message_tree(&mut r, p.body.summary())?;
        pf.name = "Piggybacked message".to_string();
        root.children.push(pf);
    }
    Ok(root)
}

fn message_tree(r: &mut Reader<'_>, summary: String) -> Result<Field, DecodeError> {
    let s = r.offset();
    let flags = r.clone().u8()?;
    let h = Header::decode(r)?;
    let mut f = Field::new("GTPv2-C", summary);
    let mut kids = vec![
        Field::new("Flags", format!("0x{flags:02x}"))
            .at(s, s + 1)
            .child(Field::new("Version", flags >> 5))
            .child(Field::new("Piggybacking (P)", u8::from(h.piggyback)))
            .child(Field::new("TEID flag (T)", u8::from(h.teid.is_some())))
            .child(Field::new(
                "Message Priority (MP)",
                u8::from(h.priority.is_some()),
            )),
        Field::new("Message Type", type_label(h.message_type)).at(s + 1, s + 2),
        Field::new("Message Length", h.length).at(s + 2, s + 4),
    ];
    let mut o = s + 4;
    if let Some(teid) = h.teid {
        kids.push(Field::new("TEID", format!("0x{teid:08x}")).at(o, o + 4));
        o += 4;
    }
    kids.push(Field::new("Sequence Number", h.seq).at(o, o + 3));
    match h.priority {
        Some(p) => kids.push(Field::new("Message Priority", p).at(o + 3, o + 4)),
        None => kids.push(Field::new("Spare", 0).at(o + 3, o + 4)),
    }
    let mut body = r.sub(usize::from(h.length) + 4 - h.len())?;
    while !body.is_empty() {
        let ie = RawIe::read(&mut body)?;
        kids.push(ie_field(&ie, 0));
    }
    f.children = kids;
    Ok(f.at(s, r.offset()))
}

fn type_label(t: u8) -> String {
    match message_name(t) {
        "" => format!("{t}"),
        n => format!("{n} ({t})"),
    }
}

fn ie_field(ie: &RawIe<'_>, depth: usize) -> Field {
    let s = ie.start;
    let name = match ie_name(ie.ie_type) {
        "IE" => format!("IE {}", ie.ie_type),
        n => n.to_string(),
    };
    let name = if ie.instance == 0 {
        name
    } else {
        format!("{name} [instance {}]", ie.instance)
    };
    let value = ie.value_bytes();
    let v0 = s + 4;
    let (summary, value_kids) = render_value(ie.ie_type, value, v0, depth);
    let mut kids = vec![
        Field::new(
            "IE Type",
            format!("{} ({})", ie_name(ie.ie_type), ie.ie_type),
        )
        .at(s, s + 1),
        Field::new("IE Length", value.len()).at(s + 1, s + 3),
        Field::new("Instance", ie.instance).at(s + 3, s + 4),
    ];
    if ie.cr != 0 {
        kids.push(Field::new("CR/spare bits", ie.cr).at(s + 3, s + 4));
    }
    kids.extend(value_kids);
    let mut f = Field::new(name, summary).at(s, s + ie.raw.len());
    f.children = kids;
    f
}

fn typed<V: IeValue>(bytes: &[u8]) -> Result<V, DecodeError> {
    V::decode_value(&mut Reader::new(PROTO, bytes))
}

fn malformed(e: &DecodeError, bytes: &[u8]) -> String {
    format!("malformed ({}): {}", e.what, hex(bytes))
}

/// A one-field rendering of a simple typed value.
fn simple<V: IeValue>(
    label: &str,
    bytes: &[u8],
    v0: usize,
    show: impl Fn(&V) -> String,
) -> (String, Vec<Field>) {
    match typed::<V>(bytes) {
        Ok(v) => {
            let s = show(&v);
            (
                s.clone(),
                vec![Field::new(label, s).at(v0, v0 + bytes.len())],
            )
        }
        Err(e) => (malformed(&e, bytes), Vec::new()),
    }
}

fn render_value(t: u8, b: &[u8], v0: usize, depth: usize) -> (String, Vec<Field>) {
    match t {
        types::IMSI => simple::<Imsi>("IMSI", b, v0, |v| v.to_string()),
        types::MSISDN => simple::<Msisdn>("MSISDN", b, v0, |v| v.to_string()),
        types::MEI => simple::<Mei>("MEI", b, v0, |v| v.to_string()),
        types::APN => simple::<Apn>("APN", b, v0, |v| v.to_string()),
        types::EBI => simple::<Ebi>("EPS Bearer ID", b, v0, |v| v.to_string()),
        types::RECOVERY => simple::<Recovery>("Restart Counter", b, v0, |v| v.to_string()),
        types::RAT_TYPE => simple::<RatType>("RAT Type", b, v0, |v| v.to_string()),
        types::SERVING_NETWORK => simple::<Plmn>("PLMN", b, v0, plmn_text),
        types::SELECTION_MODE => {
            simple::<SelectionMode>("Selection Mode", b, v0, |v| v.to_string())
        }
        types::PDN_TYPE => simple::<PdnType>("PDN Type", b, v0, |v| v.to_string()),
        types::APN_RESTRICTION => {
            simple::<ApnRestriction>("APN Restriction", b, v0, |v| v.to_string())
        }
        types::CHARGING_ID => simple::<ChargingId>("Charging ID", b, v0, |v| v.to_string()),
        types::CHARGING_CHARACTERISTICS => {
            simple::<ChargingCharacteristics>("Charging Characteristics", b, v0, |v| {
                format!("0x{:04x}", v.0)
            })
        }
        types::INDICATION => simple::<Indication>("Flags", b, v0, |v| v.to_string()),
        types::AMBR => match typed::<Ambr>(b) {
            Ok(a) => (
                a.to_string(),
                vec![
                    Field::new("APN-AMBR Uplink (kbit/s)", a.uplink).at(v0, v0 + 4),
                    Field::new("APN-AMBR Downlink (kbit/s)", a.downlink).at(v0 + 4, v0 + 8),
                ],
            ),
            Err(e) => (malformed(&e, b), Vec::new()),
        },
        types::CAUSE => cause_fields(b, v0),
        types::FTEID => fteid_fields(b, v0),
        types::PAA => paa_fields(b, v0),
        types::BEARER_QOS => qos_fields(b, v0),
        types::ULI => uli_fields(b, v0),
        types::PCO => pco_fields(b, v0),
        t if is_grouped(t) => grouped_fields(b, v0, depth),
        _ => (hex(b), Vec::new()),
    }
}

fn grouped_fields(b: &[u8], v0: usize, depth: usize) -> (String, Vec<Field>) {
    if depth >= MAX_DEPTH {
        return (format!("(nested too deep) {}", hex(b)), Vec::new());
    }
    // A reader whose offsets match the outer buffer: skip v0 octets of padding.
    let mut kids = Vec::new();
    let mut r = Reader::new(PROTO, b);
    while !r.is_empty() {
        match RawIe::read(&mut r) {
            Ok(ie) => {
                let mut f = ie_field(&ie, depth + 1);
                shift(&mut f, v0);
                kids.push(f);
            }
            Err(e) => {
                let at = e.offset;
                kids.push(Field::new("Malformed IE", e.what.clone()).at(v0 + at, v0 + b.len()));
                break;
            }
        }
    }
    (format!("{} IEs", kids.len()), kids)
}

/// Moves every span of `f` by `by` octets.
fn shift(f: &mut Field, by: usize) {
    if let Some((s, e)) = f.span {
        f.span = Some((s + by, e + by));
    }
    for c in &mut f.children {
        shift(c, by);
    }
}

fn cause_fields(b: &[u8], v0: usize) -> (String, Vec<Field>) {
    match typed::<Cause>(b) {
        Ok(c) => {
            let mut kids = vec![
                Field::new("Cause", format!("{} ({})", c.name(), c.value)).at(v0, v0 + 1),
                Field::new(
                    "Flags",
                    format!(
                        "PCE {} BCE {} CS {}",
                        u8::from(c.pce),
                        u8::from(c.bce),
                        u8::from(c.cs)
                    ),
                )
                .at(v0 + 1, v0 + 2),
            ];
            if let Some(o) = c.offending_ie {
                kids.push(
                    Field::new(
                        "Offending IE",
                        format!(
                            "{} ({}) instance {}",
                            ie_name(o.ie_type),
                            o.ie_type,
                            o.instance
                        ),
                    )
                    .at(v0 + 2, v0 + 6),
                );
            }
            (c.to_string(), kids)
        }
        Err(e) => (malformed(&e, b), Vec::new()),
    }
}

fn fteid_fields(b: &[u8], v0: usize) -> (String, Vec<Field>) {
    match typed::<Fteid>(b) {
        Ok(f) => {
            let mut kids = vec![
                Field::new("V4", u8::from(f.ipv4.is_some())).at(v0, v0 + 1),
                Field::new("V6", u8::from(f.ipv6.is_some())).at(v0, v0 + 1),
                Field::new("Interface Type", f.interface).at(v0, v0 + 1),
                Field::new("TEID/GRE Key", format!("0x{:08x} ({})", f.teid, f.teid))
                    .at(v0 + 1, v0 + 5),
            ];
            let mut o = v0 + 5;
            if let Some(a) = f.ipv4 {
                kids.push(Field::new("IPv4", a).at(o, o + 4));
                o += 4;
            }
            if let Some(a) = f.ipv6 {
                kids.push(Field::new("IPv6", a).at(o, o + 16));
            }
            (f.to_string(), kids)
        }
        Err(e) => (malformed(&e, b), Vec::new()),
    }
}

fn paa_fields(b: &[u8], v0: usize) -> (String, Vec<Field>) {
    match typed::<Paa>(b) {
        Ok(p) => {
            let mut kids = vec![Field::new("PDN Type", p.pdn_type()).at(v0, v0 + 1)];
            let mut o = v0 + 1;
            if let Some((a, len)) = p.ipv6() {
                kids.push(Field::new("IPv6 Prefix Length", len).at(o, o + 1));
                kids.push(Field::new("IPv6 Prefix and Interface Identifier", a).at(o + 1, o + 17));
                o += 17;
            }
            if let Some(a) = p.ipv4() {
                kids.push(Field::new("IPv4", a).at(o, o + 4));
            }
            (p.to_string(), kids)
        }
        Err(e) => (malformed(&e, b), Vec::new()),
    }
}

fn qos_fields(b: &[u8], v0: usize) -> (String, Vec<Field>) {
    match typed::<BearerQos>(b) {
        Ok(q) => {
            let mut kids = vec![
                Field::new("PCI (Pre-emption Capability)", u8::from(q.pci)).at(v0, v0 + 1),
                Field::new("PL (Priority Level)", q.pl).at(v0, v0 + 1),
                Field::new("PVI (Pre-emption Vulnerability)", u8::from(q.pvi)).at(v0, v0 + 1),
                Field::new("QCI", q.qci).at(v0 + 1, v0 + 2),
            ];
            for (i, (name, v)) in [
                ("MBR Uplink (kbit/s)", q.mbr_ul),
                ("MBR Downlink (kbit/s)", q.mbr_dl),
                ("GBR Uplink (kbit/s)", q.gbr_ul),
                ("GBR Downlink (kbit/s)", q.gbr_dl),
            ]
            .into_iter()
            .enumerate()
            {
                let o = v0 + 2 + 5 * i;
                kids.push(Field::new(name, v).at(o, o + 5));
            }
            (q.to_string(), kids)
        }
        Err(e) => (malformed(&e, b), Vec::new()),
    }
}

fn uli_fields(b: &[u8], v0: usize) -> (String, Vec<Field>) {
    let u = match typed::<Uli>(b) {
        Ok(u) => u,
        Err(e) => return (malformed(&e, b), Vec::new()),
    };
    let mut kids = vec![Field::new("Flags", format!("0x{:02x}", u.flags())).at(v0, v0 + 1)];
    let mut o = v0 + 1;
    raw(&mut kids, &mut o, "CGI", u.cgi.as_ref().map(|p| &p[..]));
    raw(&mut kids, &mut o, "SAI", u.sai.as_ref().map(|p| &p[..]));
    raw(&mut kids, &mut o, "RAI", u.rai.as_ref().map(|p| &p[..]));
    if let Some(t) = &u.tai {
        kids.push(
            Field::new("TAI", format!("{} TAC {}", plmn_text(&t.plmn), t.tac))
                .at(o, o + 5)
                .child(Field::new("PLMN", plmn_text(&t.plmn)).at(o, o + 3))
                .child(Field::new("TAC", t.tac).at(o + 3, o + 5)),
        );
        o += 5;
    }
    if let Some(e) = &u.ecgi {
        kids.push(
            Field::new(
                "ECGI",
                format!("{} ECI 0x{:07x}", plmn_text(&e.plmn), e.eci),
            )
            .at(o, o + 7)
            .child(Field::new("PLMN", plmn_text(&e.plmn)).at(o, o + 3))
            .child(Field::new("eNB ID", format!("0x{:05x}", e.eci >> 8)).at(o + 3, o + 7))
            .child(Field::new("Cell ID", e.eci & 0xff).at(o + 6, o + 7)),
        );
        o += 7;
    }
    raw(&mut kids, &mut o, "LAI", u.lai.as_ref().map(|p| &p[..]));
    raw(
        &mut kids,
        &mut o,
        "Macro eNB ID",
        u.macro_enb.as_ref().map(|p| &p[..]),
    );
    raw(
        &mut kids,
        &mut o,
        "Extended Macro eNB ID",
        u.ext_macro_enb.as_ref().map(|p| &p[..]),
    );
    (u.to_string(), kids)
}

fn raw(kids: &mut Vec<Field>, o: &mut usize, name: &str, part: Option<&[u8]>) {
    if let Some(p) = part {
        kids.push(Field::new(name, hex(p)).at(*o, *o + p.len()));
        *o += p.len();
    }
}

/// The TS 24.008 10.5.6.3 PCO value, shown by the NAS PCO codec (the same
/// tree as in a NAS message).
fn pco_fields(b: &[u8], v0: usize) -> (String, Vec<Field>) {
    match typed::<Pco>(b) {
        Ok(p) => (
            <Pco as crate::codec::nas::ie::IeValue>::describe(&p),
            p.fields(v0),
        ),
        Err(e) => (malformed(&e, b), Vec::new()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::parse_hex;

    const MBR: &str = "4822001e00000101000002005d00120049000100065700090080000020027f000002";

    #[test]
    fn tree_shows_nested_fteid_with_spans() {
        let b = parse_hex(MBR).unwrap();
        let t = tree(&b).unwrap();
        assert_eq!(
            t.value,
            "Modify Bearer Request (EBI 6, eNB 127.0.0.2 TEID 0x00002002)"
        );
        assert_eq!(t.span, Some((0, b.len())));
        let bc = t.find("Bearer Context").unwrap();
        assert_eq!(bc.span, Some((12, 34)));
        let teid = t.find("TEID/GRE Key").unwrap();
        assert_eq!(teid.span, Some((26, 30)));
        assert_eq!(&b[26..30], &[0, 0, 0x20, 0x02]);
        assert_eq!(t.find("IPv4").unwrap().value, "127.0.0.2");
    }

    #[test]
    fn tree_shows_pco_containers_through_the_nas_codec() {
        // Delete Session Response: cause 16, PCO with P-CSCF IPv4 10.46.0.1.
        let b =
            parse_hex("4825001a 00000001 00000300 020002001000 4e000800 80000c040a2e0001").unwrap();
        let t = tree(&b).unwrap();
        let pco = t.find("PCO").unwrap();
        assert_eq!(pco.value, "1 container");
        let f = t.find("P-CSCF IPv4 Address").unwrap();
        assert_eq!(f.value, "10.46.0.1");
        assert_eq!(f.span, Some((23, 30)));
        assert_eq!(&b[23..25], &[0x00, 0x0c]);
        // A PCO whose container overruns is shown as malformed, not failed.
        let bad = parse_hex("48250016 00000001 00000300 020002001000 4e000400 80000c05").unwrap();
        let t = tree(&bad).unwrap();
        assert!(t.find("PCO").unwrap().value.starts_with("malformed"));
    }

    #[test]
    fn tree_limits_grouped_depth() {
        // Bearer Context inside Bearer Context ... 6 deep, innermost empty.
        let mut v: Vec<u8> = Vec::new();
        for _ in 0..6 {
            let mut ie = vec![93, 0, v.len() as u8, 0];
            ie.extend_from_slice(&v);
            v = ie;
        }
        let mut msg = vec![0x48, 99, 0, (8 + v.len()) as u8, 0, 0, 0, 1, 0, 0, 1, 0];
        msg.extend_from_slice(&v);
        let t = tree(&msg).unwrap();
        assert!(t.render().contains("nested too deep"));
    }

    #[test]
    fn tree_reports_malformed_value_without_failing() {
        // Delete Session Response with a 1-octet Cause.
        let b = parse_hex("4825000d00000001000003000200010010").unwrap();
        let t = tree(&b).unwrap();
        assert!(t.find("Cause").unwrap().value.starts_with("malformed"));
    }
}
