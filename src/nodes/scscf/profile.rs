//! Reading the IMS subscription the HSS returns in User-Data (TS 29.228
//! Annex D/E): the private identity and the public identities of the
//! service profiles, with their barring. A small scanner, enough for that
//! document; it never panics and rejects what it cannot read.

use super::context::PublicIdentity;

/// What the S-CSCF keeps of an IMSSubscription.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImsSubscription {
    /// `<PrivateID>`.
    pub private_id: String,
    /// Every `<PublicIdentity>` of every `<ServiceProfile>`, in order.
    pub public: Vec<PublicIdentity>,
}

/// The text between `<tag>` and `</tag>` at or after `from`, and where
/// the closing tag ends.
fn element<'a>(s: &'a str, tag: &str, from: usize) -> Option<(&'a str, usize)> {
    let open = format!("<{tag}>");
    let close = format!("</{tag}>");
    let start = from + s.get(from..)?.find(&open)? + open.len();
    let len = s.get(start..)?.find(&close)?;
    Some((s.get(start..start + len)?, start + len + close.len()))
}

fn unescape(t: &str) -> String {
    t.trim()
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// Parses the document.
pub fn parse(user_data: &[u8]) -> Result<ImsSubscription, String> {
    let s = std::str::from_utf8(user_data).map_err(|_| "User-Data is not UTF-8".to_string())?;
    let (body, _) = element(s, "IMSSubscription", 0).ok_or("no <IMSSubscription> element")?;
    let (private_id, _) = element(body, "PrivateID", 0).ok_or("no <PrivateID>")?;
    let mut public = Vec::new();
    let mut at = 0;
    while let Some((p, end)) = element(body, "PublicIdentity", at) {
        let (id, _) = element(p, "Identity", 0).ok_or("a <PublicIdentity> without <Identity>")?;
        let barred = element(p, "BarringIndication", 0)
            .is_some_and(|(b, _)| matches!(b.trim(), "1" | "true"));
        public.push(PublicIdentity {
            uri: unescape(id),
            barred,
        });
        at = end;
    }
    if public.is_empty() {
        return Err("no <PublicIdentity>".into());
    }
    Ok(ImsSubscription {
        private_id: unescape(private_id),
        public,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nodes::hss::cx::ims_subscription_xml;
    use crate::nodes::hss::store::Impu;

    #[test]
    fn profile_reads_what_the_hss_writes() {
        let xml = ims_subscription_xml(
            "1@ims.example",
            &[
                Impu::new("sip:1@ims.example"),
                Impu {
                    uri: "tel:+1555".into(),
                    barred: true,
                },
            ],
        );
        let p = parse(xml.as_bytes()).unwrap();
        assert_eq!(p.private_id, "1@ims.example");
        assert_eq!(
            p.public,
            [
                PublicIdentity {
                    uri: "sip:1@ims.example".into(),
                    barred: false
                },
                PublicIdentity {
                    uri: "tel:+1555".into(),
                    barred: true
                }
            ]
        );
    }

    #[test]
    fn profile_rejects_broken_documents_without_panicking() {
        assert!(parse(b"").is_err());
        assert!(parse(b"<IMSSubscription><PrivateID>x</PrivateID></IMSSubscription>").is_err());
        assert!(parse(&[0xff, 0xfe]).is_err());
        let xml = ims_subscription_xml("a", &[Impu::new("sip:a@b")]);
        for cut in 0..xml.len() {
            if let Some(t) = xml.get(..cut) {
                let _ = parse(t.as_bytes());
            }
        }
    }
}
