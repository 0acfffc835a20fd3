//! Protocol configuration options (TS 24.008 10.5.6.3), also the value of
//! Extended PCO (TS 24.301 9.9.4.26) and of the GTPv2-C PCO IE (TS 29.274
//! 8.13), which carry the same octets.
//!
//! Every container is kept in order with its contents as received: unknown
//! IDs are never an error. Requests from the MS carry empty contents; the
//! network's answers carry the addresses.

use std::fmt;
use std::net::{Ipv4Addr, Ipv6Addr};

use super::ie::IeValue;
use crate::codec::{DecodeError, Field, Reader, hex};

/// P-CSCF IPv6 Address (Request).
pub const PCSCF_IPV6: u16 = 0x0001;
/// IM CN Subsystem Signaling Flag.
pub const IM_CN_SIGNALLING_FLAG: u16 = 0x0002;
/// DNS Server IPv6 Address (Request).
pub const DNS_IPV6: u16 = 0x0003;
/// IP address allocation via NAS signalling.
pub const IP_ALLOCATION_VIA_NAS: u16 = 0x000A;
/// IPv4 address allocation via DHCPv4.
pub const IPV4_ALLOCATION_VIA_DHCPV4: u16 = 0x000B;
/// P-CSCF IPv4 Address (Request).
pub const PCSCF_IPV4: u16 = 0x000C;
/// DNS Server IPv4 Address (Request).
pub const DNS_IPV4: u16 = 0x000D;
/// IPv4 Link MTU (Request).
pub const IPV4_LINK_MTU: u16 = 0x0010;
/// P-CSCF re-selection support.
pub const PCSCF_RESELECTION_SUPPORT: u16 = 0x0012;
/// Internet Protocol Control Protocol (RFC 1332).
pub const IPCP: u16 = 0x8021;
/// Link Control Protocol.
pub const LCP: u16 = 0xC021;
/// Password Authentication Protocol.
pub const PAP: u16 = 0xC023;
/// Challenge Handshake Authentication Protocol.
pub const CHAP: u16 = 0xC223;

/// The spec name of a protocol or container ID, if this codec knows it.
pub fn container_name(id: u16) -> Option<&'static str> {
    Some(match id {
        0x0001 => "P-CSCF IPv6 Address",
        0x0002 => "IM CN Subsystem Signaling Flag",
        0x0003 => "DNS Server IPv6 Address",
        0x0004 => "Policy Control Rejection Code",
        0x0005 => "Bearer Control Mode",
        0x0007 => "DSMIPv6 Home Agent Address",
        0x0008 => "DSMIPv6 Home Network Prefix",
        0x0009 => "DSMIPv6 IPv4 Home Agent Address",
        0x000A => "IP Address Allocation via NAS Signalling",
        0x000B => "IPv4 Address Allocation via DHCPv4",
        0x000C => "P-CSCF IPv4 Address",
        0x000D => "DNS Server IPv4 Address",
        0x000E => "MSISDN",
        0x000F => "IFOM Support",
        0x0010 => "IPv4 Link MTU",
        0x0011 => "Local Address in TFT Support",
        0x0012 => "P-CSCF Re-selection Support",
        0x0013 => "NBIFOM Indicator",
        0x0014 => "NBIFOM Mode",
        0x0015 => "Non-IP Link MTU",
        0x0016 => "APN Rate Control",
        0x0017 => "3GPP PS Data Off",
        0x0018 => "Reliable Data Service",
        0x8021 => "IPCP",
        0xC021 => "LCP",
        0xC023 => "PAP",
        0xC223 => "CHAP",
        _ => return None,
    })
}

/// One protocol or container entry: ID, contents.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PcoContainer {
    /// Protocol ID or container ID.
    pub id: u16,
    /// Contents (empty in most MS requests); at most 255 octets are encoded.
    pub contents: Vec<u8>,
}

impl PcoContainer {
    /// An empty container: how the MS asks for something.
    pub fn request(id: u16) -> Self {
        Self {
            id,
            contents: Vec::new(),
        }
    }

    /// The contents as an IPv4 address, if they are 4 octets.
    pub fn ipv4(&self) -> Option<Ipv4Addr> {
        <[u8; 4]>::try_from(self.contents.as_slice())
            .ok()
            .map(Ipv4Addr::from)
    }

    /// The contents as an IPv6 address, if they are 16 octets.
    pub fn ipv6(&self) -> Option<Ipv6Addr> {
        <[u8; 16]>::try_from(self.contents.as_slice())
            .ok()
            .map(Ipv6Addr::from)
    }

    /// The container's name for humans: spec name, with "Request" for an
    /// empty address or MTU container.
    pub fn name(&self) -> String {
        match container_name(self.id) {
            Some(n) => {
                let asks = matches!(
                    self.id,
                    PCSCF_IPV4 | PCSCF_IPV6 | DNS_IPV4 | DNS_IPV6 | IPV4_LINK_MTU | 0x000E | 0x0015
                );
                if asks && self.contents.is_empty() {
                    format!("{n} Request")
                } else {
                    n.to_owned()
                }
            }
            None => format!("Container 0x{:04x}", self.id),
        }
    }

    /// The contents for humans: addresses, MTU, IPCP options or hex.
    pub fn describe(&self) -> String {
        if self.contents.is_empty() {
            return "(empty)".into();
        }
        let addr = match self.id {
            PCSCF_IPV4 | DNS_IPV4 => self.ipv4().map(|a| a.to_string()),
            PCSCF_IPV6 | DNS_IPV6 => self.ipv6().map(|a| a.to_string()),
            IPV4_LINK_MTU => <[u8; 2]>::try_from(self.contents.as_slice())
                .ok()
                .map(|m| u16::from_be_bytes(m).to_string()),
            IPCP => Ipcp::decode(&self.contents).ok().map(|i| i.to_string()),
            _ => None,
        };
        addr.unwrap_or_else(|| format!("0x{}", hex(&self.contents)))
    }
}

/// Protocol configuration options value part (TS 24.008 10.5.6.3): the
/// configuration protocol octet and the containers in order.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Pco {
    /// Octet 3 whole: extension bit (0x80) and configuration protocol in
    /// bits 1-3 (0 = PPP for use with IP PDP type or IP PDN type).
    pub config_protocol: u8,
    /// Every container in wire order.
    pub containers: Vec<PcoContainer>,
}

impl Default for Pco {
    fn default() -> Self {
        Self::new()
    }
}

impl Pco {
    /// Extension bit set, PPP: the octet every known sender uses.
    pub const PPP: u8 = 0x80;

    /// An empty PCO (0x80, no containers).
    pub fn new() -> Self {
        Self {
            config_protocol: Self::PPP,
            containers: Vec::new(),
        }
    }

    /// What a VoLTE UE asks for on the IMS APN: P-CSCF IPv4 and IPv6, DNS
    /// IPv4 and IPv6 and the IM CN Subsystem Signaling Flag.
    pub fn ims_request() -> Self {
        let mut p = Self::new();
        for id in [
            PCSCF_IPV4,
            PCSCF_IPV6,
            DNS_IPV4,
            DNS_IPV6,
            IM_CN_SIGNALLING_FLAG,
        ] {
            p.push_request(id);
        }
        p
    }

    /// Decodes the value part (without IEI and length).
    pub fn decode(value: &[u8]) -> Result<Self, DecodeError> {
        Self::decode_value(&mut Reader::new("PCO", value))
    }

    /// Encodes the value part (without IEI and length).
    pub fn encode(&self) -> Vec<u8> {
        let mut out = Vec::new();
        self.encode_into(&mut out);
        out
    }

    /// Appends the value part to `out`.
    pub fn encode_into(&self, out: &mut Vec<u8>) {
        out.push(self.config_protocol);
        for c in &self.containers {
            let contents = &c.contents[..c.contents.len().min(255)];
            out.extend_from_slice(&c.id.to_be_bytes());
            out.push(contents.len() as u8);
            out.extend_from_slice(contents);
        }
    }

    /// Appends a container.
    pub fn push(&mut self, id: u16, contents: &[u8]) -> &mut Self {
        self.containers.push(PcoContainer {
            id,
            contents: contents.to_vec(),
        });
        self
    }

    /// Appends an empty container (a request).
    pub fn push_request(&mut self, id: u16) -> &mut Self {
        self.push(id, &[])
    }

    /// Appends a P-CSCF IPv4 address.
    pub fn push_pcscf_ipv4(&mut self, a: Ipv4Addr) -> &mut Self {
        self.push(PCSCF_IPV4, &a.octets())
    }

    /// Appends a P-CSCF IPv6 address.
    pub fn push_pcscf_ipv6(&mut self, a: Ipv6Addr) -> &mut Self {
        self.push(PCSCF_IPV6, &a.octets())
    }

    /// Appends a DNS server IPv4 address.
    pub fn push_dns_ipv4(&mut self, a: Ipv4Addr) -> &mut Self {
        self.push(DNS_IPV4, &a.octets())
    }

    /// Appends a DNS server IPv6 address.
    pub fn push_dns_ipv6(&mut self, a: Ipv6Addr) -> &mut Self {
        self.push(DNS_IPV6, &a.octets())
    }

    /// Appends the IM CN Subsystem Signaling Flag (empty contents).
    pub fn push_im_cn_flag(&mut self) -> &mut Self {
        self.push_request(IM_CN_SIGNALLING_FLAG)
    }

    /// Appends the IPv4 link MTU (network to MS).
    pub fn push_ipv4_link_mtu(&mut self, mtu: u16) -> &mut Self {
        self.push(IPV4_LINK_MTU, &mtu.to_be_bytes())
    }

    /// Appends P-CSCF re-selection support (MS to network).
    pub fn push_pcscf_reselection_support(&mut self) -> &mut Self {
        self.push_request(PCSCF_RESELECTION_SUPPORT)
    }

    /// Appends an IPCP packet.
    pub fn push_ipcp(&mut self, ipcp: &Ipcp) -> &mut Self {
        self.push(IPCP, &ipcp.encode())
    }

    /// The container IDs in order.
    pub fn ids(&self) -> Vec<u16> {
        self.containers.iter().map(|c| c.id).collect()
    }

    /// True if a container with `id` is present.
    pub fn contains(&self, id: u16) -> bool {
        self.containers.iter().any(|c| c.id == id)
    }

    /// True if the MS asks for `id`: an empty container with that ID.
    pub fn requests(&self, id: u16) -> bool {
        self.containers
            .iter()
            .any(|c| c.id == id && c.contents.is_empty())
    }

    /// Containers with `id`, in order.
    pub fn get(&self, id: u16) -> impl Iterator<Item = &PcoContainer> {
        self.containers.iter().filter(move |c| c.id == id)
    }

    fn v4(&self, id: u16) -> Vec<Ipv4Addr> {
        self.get(id).filter_map(PcoContainer::ipv4).collect()
    }

    fn v6(&self, id: u16) -> Vec<Ipv6Addr> {
        self.get(id).filter_map(PcoContainer::ipv6).collect()
    }

    /// P-CSCF IPv4 addresses (containers 0x000C with 4 octets).
    pub fn pcscf_ipv4(&self) -> Vec<Ipv4Addr> {
        self.v4(PCSCF_IPV4)
    }

    /// P-CSCF IPv6 addresses (containers 0x0001 with 16 octets).
    pub fn pcscf_ipv6(&self) -> Vec<Ipv6Addr> {
        self.v6(PCSCF_IPV6)
    }

    /// DNS server IPv4 addresses (containers 0x000D with 4 octets; the IPCP
    /// DNS options are in [`Pco::ipcp`]).
    pub fn dns_ipv4(&self) -> Vec<Ipv4Addr> {
        self.v4(DNS_IPV4)
    }

    /// DNS server IPv6 addresses (containers 0x0003 with 16 octets).
    pub fn dns_ipv6(&self) -> Vec<Ipv6Addr> {
        self.v6(DNS_IPV6)
    }

    /// True if the IM CN Subsystem Signaling Flag is present.
    pub fn im_cn_flag(&self) -> bool {
        self.contains(IM_CN_SIGNALLING_FLAG)
    }

    /// True if P-CSCF re-selection support is present.
    pub fn pcscf_reselection_support(&self) -> bool {
        self.contains(PCSCF_RESELECTION_SUPPORT)
    }

    /// The IPv4 link MTU, if the network gave one.
    pub fn ipv4_link_mtu(&self) -> Option<u16> {
        self.get(IPV4_LINK_MTU).find_map(|c| {
            <[u8; 2]>::try_from(c.contents.as_slice())
                .ok()
                .map(u16::from_be_bytes)
        })
    }

    /// The first IPCP container that decodes.
    pub fn ipcp(&self) -> Option<Ipcp> {
        self.get(IPCP).find_map(|c| Ipcp::decode(&c.contents).ok())
    }

    /// Tree of the containers; `start` is the offset of the value's first octet.
    pub fn fields(&self, start: usize) -> Vec<Field> {
        let proto = if self.config_protocol & 0x07 == 0 {
            "PPP"
        } else {
            "unknown"
        };
        let mut v = vec![
            Field::new(
                "Configuration protocol",
                format!("{proto} (0x{:02x})", self.config_protocol),
            )
            .at(start, start + 1),
        ];
        let mut at = start + 1;
        for c in &self.containers {
            let len = c.contents.len().min(255);
            let end = at + 3 + len;
            let mut f = Field::new(c.name(), c.describe()).at(at, end);
            f.children
                .push(Field::new("Container ID", format!("0x{:04x}", c.id)).at(at, at + 2));
            f.children
                .push(Field::new("Length", len).at(at + 2, at + 3));
            if c.id == IPCP
                && let Ok(i) = Ipcp::decode(&c.contents)
            {
                f.children.extend(i.fields(at + 3));
            }
            v.push(f);
            at = end;
        }
        v
    }
}

impl IeValue for Pco {
    fn decode_value(r: &mut Reader<'_>) -> Result<Self, DecodeError> {
        let config_protocol = r.u8()?;
        let mut containers = Vec::new();
        while !r.is_empty() {
            if r.remaining() < 3 {
                return Err(r.error(format!(
                    "truncated PCO container header ({} octets left)",
                    r.remaining()
                )));
            }
            let id = r.u16()?;
            let len = usize::from(r.u8()?);
            if len > r.remaining() {
                return Err(r.error(format!(
                    "PCO container 0x{id:04x} claims {len} octets, {} left",
                    r.remaining()
                )));
            }
            containers.push(PcoContainer {
                id,
                contents: r.take(len)?.to_vec(),
            });
        }
        Ok(Self {
            config_protocol,
            containers,
        })
    }
    fn encode_value(&self, out: &mut Vec<u8>) {
        self.encode_into(out);
    }
    fn describe(&self) -> String {
        let n = self.containers.len();
        format!("{n} container{}", if n == 1 { "" } else { "s" })
    }
    fn children(&self, start: usize) -> Vec<Field> {
        self.fields(start)
    }
}

/// IPCP option types carrying DNS servers (RFC 1877).
pub const IPCP_PRIMARY_DNS: u8 = 0x81;
/// Secondary DNS server option (RFC 1877).
pub const IPCP_SECONDARY_DNS: u8 = 0x83;

/// One IPCP option: type, data (the length octet is computed).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct IpcpOption {
    /// Option type (3 IP-Address, 0x81 primary DNS, 0x83 secondary DNS, ...).
    pub kind: u8,
    /// Option data, at most 253 octets are encoded.
    pub data: Vec<u8>,
}

/// An IPCP packet (RFC 1332) as carried in PCO container 0x8021.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Ipcp {
    /// Code: 1 Configure-Request, 2 Configure-Ack, 3 Configure-Nak, 4
    /// Configure-Reject.
    pub code: u8,
    /// Identifier matching request and answer.
    pub identifier: u8,
    /// Options in order.
    pub options: Vec<IpcpOption>,
}

impl Ipcp {
    /// Configure-Request.
    pub const CONFIGURE_REQUEST: u8 = 1;
    /// Configure-Ack.
    pub const CONFIGURE_ACK: u8 = 2;
    /// Configure-Nak.
    pub const CONFIGURE_NAK: u8 = 3;
    /// Configure-Reject.
    pub const CONFIGURE_REJECT: u8 = 4;

    /// What an MS sends to learn DNS servers: a Configure-Request for
    /// primary and secondary DNS 0.0.0.0.
    pub fn dns_request(identifier: u8) -> Self {
        Self {
            code: Self::CONFIGURE_REQUEST,
            identifier,
            options: vec![
                IpcpOption {
                    kind: IPCP_PRIMARY_DNS,
                    data: vec![0; 4],
                },
                IpcpOption {
                    kind: IPCP_SECONDARY_DNS,
                    data: vec![0; 4],
                },
            ],
        }
    }

    /// The network's answer: a Configure-Nak carrying the DNS servers.
    pub fn dns_nak(identifier: u8, primary: Ipv4Addr, secondary: Option<Ipv4Addr>) -> Self {
        let mut options = vec![IpcpOption {
            kind: IPCP_PRIMARY_DNS,
            data: primary.octets().to_vec(),
        }];
        if let Some(s) = secondary {
            options.push(IpcpOption {
                kind: IPCP_SECONDARY_DNS,
                data: s.octets().to_vec(),
            });
        }
        Self {
            code: Self::CONFIGURE_NAK,
            identifier,
            options,
        }
    }

    fn option_v4(&self, kind: u8) -> Option<Ipv4Addr> {
        self.options
            .iter()
            .filter(|o| o.kind == kind)
            .find_map(|o| <[u8; 4]>::try_from(o.data.as_slice()).ok())
            .map(Ipv4Addr::from)
    }

    /// Primary DNS option address.
    pub fn primary_dns(&self) -> Option<Ipv4Addr> {
        self.option_v4(IPCP_PRIMARY_DNS)
    }

    /// Secondary DNS option address.
    pub fn secondary_dns(&self) -> Option<Ipv4Addr> {
        self.option_v4(IPCP_SECONDARY_DNS)
    }

    /// Decodes a packet; its length field must match `bytes`.
    pub fn decode(bytes: &[u8]) -> Result<Self, DecodeError> {
        let mut r = Reader::new("IPCP", bytes);
        let code = r.u8()?;
        let identifier = r.u8()?;
        let len = usize::from(r.u16()?);
        if len != bytes.len() {
            return Err(r.error(format!(
                "IPCP length {len} but {} octets present",
                bytes.len()
            )));
        }
        let mut options = Vec::new();
        while !r.is_empty() {
            let kind = r.u8()?;
            let olen = usize::from(r.u8()?);
            if olen < 2 {
                return Err(r.error(format!("IPCP option length {olen} below 2")));
            }
            options.push(IpcpOption {
                kind,
                data: r.take(olen - 2)?.to_vec(),
            });
        }
        Ok(Self {
            code,
            identifier,
            options,
        })
    }

    /// Encodes the packet, computing the lengths.
    pub fn encode(&self) -> Vec<u8> {
        let mut out = vec![self.code, self.identifier, 0, 0];
        for o in &self.options {
            let d = &o.data[..o.data.len().min(253)];
            out.push(o.kind);
            out.push(d.len() as u8 + 2);
            out.extend_from_slice(d);
        }
        let len = (out.len().min(0xFFFF) as u16).to_be_bytes();
        out[2] = len[0];
        out[3] = len[1];
        out
    }

    fn code_name(&self) -> &'static str {
        match self.code {
            1 => "Configure-Request",
            2 => "Configure-Ack",
            3 => "Configure-Nak",
            4 => "Configure-Reject",
            5 => "Terminate-Request",
            6 => "Terminate-Ack",
            7 => "Code-Reject",
            _ => "unknown code",
        }
    }

    fn fields(&self, start: usize) -> Vec<Field> {
        let mut v = vec![
            Field::new("Code", format!("{} ({})", self.code_name(), self.code))
                .at(start, start + 1),
            Field::new("Identifier", self.identifier).at(start + 1, start + 2),
        ];
        let mut at = start + 4;
        for o in &self.options {
            let end = at + 2 + o.data.len();
            let name = match o.kind {
                IPCP_PRIMARY_DNS => "Primary DNS".to_owned(),
                IPCP_SECONDARY_DNS => "Secondary DNS".to_owned(),
                3 => "IP-Address".to_owned(),
                k => format!("Option {k}"),
            };
            let value = <[u8; 4]>::try_from(o.data.as_slice())
                .map(|a| Ipv4Addr::from(a).to_string())
                .unwrap_or_else(|_| hex(&o.data));
            v.push(Field::new(name, value).at(at, end));
            at = end;
        }
        v
    }
}

impl fmt::Display for Ipcp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.code_name())?;
        if let Some(p) = self.primary_dns() {
            write!(f, ", primary DNS {p}")?;
        }
        if let Some(s) = self.secondary_dns() {
            write!(f, ", secondary DNS {s}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pco_ims_request_matches_ue_bytes() {
        let p = Pco::ims_request();
        assert_eq!(hex(&p.encode()), "80000c00000100000d00000300000200");
        assert!(p.requests(PCSCF_IPV4) && p.requests(PCSCF_IPV6) && p.im_cn_flag());
        assert!(p.pcscf_ipv4().is_empty());
    }

    #[test]
    fn pco_keeps_unknown_ids_in_order() {
        let bytes = [
            0x80, 0x00, 0x23, 0x00, 0xFF, 0x00, 0x02, 0xAB, 0xCD, 0x00, 0x0C, 0x04, 10, 46, 0, 1,
        ];
        let p = Pco::decode(&bytes).unwrap();
        assert_eq!(p.ids(), [0x0023, 0xFF00, 0x000C]);
        assert_eq!(p.containers[1].contents, [0xAB, 0xCD]);
        assert_eq!(p.pcscf_ipv4(), [Ipv4Addr::new(10, 46, 0, 1)]);
        assert_eq!(p.encode(), bytes);
    }

    #[test]
    fn pco_rejects_bad_container_length() {
        assert!(Pco::decode(&[0x80, 0x00, 0x0C, 0x05, 1, 2, 3]).is_err());
        assert!(Pco::decode(&[0x80, 0x00, 0x0C]).is_err());
        assert!(Pco::decode(&[]).is_err());
    }

    #[test]
    fn ipcp_dns_nak_round_trips_inside_pco() {
        let mut p = Pco::new();
        p.push_ipcp(&Ipcp::dns_request(1));
        assert_eq!(
            hex(&p.encode()),
            "80802110010100108106000000008306000000 00".replace(' ', "")
        );
        let mut answer = Pco::new();
        answer.push_ipcp(&Ipcp::dns_nak(
            1,
            Ipv4Addr::new(8, 8, 8, 8),
            Some(Ipv4Addr::new(1, 1, 1, 1)),
        ));
        let back = Pco::decode(&answer.encode()).unwrap();
        let ipcp = back.ipcp().unwrap();
        assert_eq!(ipcp.code, Ipcp::CONFIGURE_NAK);
        assert_eq!(ipcp.primary_dns(), Some(Ipv4Addr::new(8, 8, 8, 8)));
        assert_eq!(ipcp.secondary_dns(), Some(Ipv4Addr::new(1, 1, 1, 1)));
        assert!(Ipcp::decode(&[1, 1, 0, 9, 0x81]).is_err());
    }

    #[test]
    fn pco_container_names_requests_and_answers() {
        assert_eq!(
            PcoContainer::request(PCSCF_IPV4).name(),
            "P-CSCF IPv4 Address Request"
        );
        let mut p = Pco::new();
        p.push_pcscf_ipv4(Ipv4Addr::new(10, 46, 0, 1));
        let f = p.fields(0);
        assert_eq!(f[1].name, "P-CSCF IPv4 Address");
        assert_eq!(f[1].value, "10.46.0.1");
        assert_eq!(f[1].span, Some((1, 8)));
        assert_eq!(PcoContainer::request(0x0023).name(), "Container 0x0023");
    }
}
