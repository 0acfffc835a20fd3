//! Security-Client, Security-Server and Security-Verify (RFC 3329 2.2) with
//! the `ipsec-3gpp` mechanism of TS 33.203 Annex H: integrity and
//! encryption algorithms, the SPIs and protected ports of both sides.

use super::text::{is_token, trim_lws};
use super::uri::Params;
use std::fmt;

/// The parameters of an `ipsec-3gpp` offer or answer (TS 33.203 H.2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ipsec3gpp {
    /// `q`: preference, as written (e.g. `0.1`).
    pub q: Option<String>,
    /// `alg`: integrity algorithm (`hmac-sha-1-96`, `hmac-md5-96`).
    pub alg: String,
    /// `ealg`: encryption algorithm (`null`, `aes-cbc`, `des-ede3-cbc`).
    pub ealg: Option<String>,
    /// `prot`: `esp` (the default) or `ah`.
    pub prot: Option<String>,
    /// `mod`: `trans` (the default) or `tun`.
    pub mode: Option<String>,
    /// `spi-c`: SPI of the inbound SA at the protected client port.
    pub spi_c: u32,
    /// `spi-s`: SPI of the inbound SA at the protected server port.
    pub spi_s: u32,
    /// `port-c`: protected client port.
    pub port_c: u16,
    /// `port-s`: protected server port.
    pub port_s: u16,
    /// Other parameters, as written.
    pub other: Params,
}

impl Ipsec3gpp {
    fn from_params(mut params: Params) -> Result<Self, String> {
        let mut take = |name: &str| {
            let v = params.value(name);
            params.remove(name);
            v
        };
        fn num<T: std::str::FromStr>(name: &str, v: Option<String>) -> Result<T, String> {
            let v = v.ok_or_else(|| format!("ipsec-3gpp: missing {name}"))?;
            v.parse()
                .map_err(|_| format!("ipsec-3gpp: {name} '{v}' is not a number in range"))
        }
        let alg = take("alg").ok_or("ipsec-3gpp: missing alg")?;
        let q = take("q");
        let ealg = take("ealg");
        let prot = take("prot");
        let mode = take("mod");
        let spi_c = num("spi-c", take("spi-c"))?;
        let spi_s = num("spi-s", take("spi-s"))?;
        let port_c = num("port-c", take("port-c"))?;
        let port_s = num("port-s", take("port-s"))?;
        Ok(Self {
            q,
            alg,
            ealg,
            prot,
            mode,
            spi_c,
            spi_s,
            port_c,
            port_s,
            other: params,
        })
    }
}

impl fmt::Display for Ipsec3gpp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ipsec-3gpp")?;
        if let Some(q) = &self.q {
            write!(f, ";q={q}")?;
        }
        write!(f, ";alg={}", self.alg)?;
        if let Some(e) = &self.ealg {
            write!(f, ";ealg={e}")?;
        }
        if let Some(p) = &self.prot {
            write!(f, ";prot={p}")?;
        }
        if let Some(m) = &self.mode {
            write!(f, ";mod={m}")?;
        }
        write!(
            f,
            ";spi-c={};spi-s={};port-c={};port-s={}{}",
            self.spi_c, self.spi_s, self.port_c, self.port_s, self.other
        )
    }
}

/// One mechanism of a Security-Client/-Server/-Verify list (RFC 3329 2.2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SecurityMechanism {
    /// `ipsec-3gpp` (TS 33.203 Annex H).
    Ipsec3gpp(Ipsec3gpp),
    /// Any other mechanism (`digest`, `tls`, `ipsec-ike`, ...).
    Other {
        /// Mechanism name.
        name: String,
        /// Its parameters.
        params: Params,
    },
}

impl SecurityMechanism {
    /// Parses one mechanism.
    pub fn parse(s: &str) -> Result<Self, String> {
        let s = trim_lws(s);
        let (name, params) = match s.split_once(';') {
            Some((n, p)) => (trim_lws(n), Params::parse(p)?),
            None => (s, Params::new()),
        };
        if !is_token(name) {
            return Err(format!("bad mechanism name '{name}'"));
        }
        if name.eq_ignore_ascii_case("ipsec-3gpp") {
            Ipsec3gpp::from_params(params).map(Self::Ipsec3gpp)
        } else {
            Ok(Self::Other {
                name: name.to_string(),
                params,
            })
        }
    }

    /// Mechanism name.
    pub fn name(&self) -> &str {
        match self {
            Self::Ipsec3gpp(_) => "ipsec-3gpp",
            Self::Other { name, .. } => name,
        }
    }

    /// The ipsec-3gpp parameters, if it is that mechanism.
    pub fn ipsec(&self) -> Option<&Ipsec3gpp> {
        match self {
            Self::Ipsec3gpp(i) => Some(i),
            Self::Other { .. } => None,
        }
    }

    /// The preference `q`, 0.0 to 1.0 (RFC 3329 2.2).
    pub fn q(&self) -> Option<f32> {
        match self {
            Self::Ipsec3gpp(i) => i.q.as_deref()?.parse().ok(),
            Self::Other { params, .. } => params.value("q")?.parse().ok(),
        }
    }
}

impl fmt::Display for SecurityMechanism {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Ipsec3gpp(i) => i.fmt(f),
            Self::Other { name, params } => write!(f, "{name}{params}"),
        }
    }
}

impl From<Ipsec3gpp> for SecurityMechanism {
    fn from(i: Ipsec3gpp) -> Self {
        Self::Ipsec3gpp(i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ipsec_3gpp_reads_every_parameter() {
        let m = SecurityMechanism::parse(
            "ipsec-3gpp; q=0.1; alg=hmac-sha-1-96; ealg=null; prot=esp; mod=trans; spi-c=1111; spi-s=2222; port-c=5100; port-s=6100",
        )
        .unwrap();
        let i = m.ipsec().unwrap();
        assert_eq!(i.alg, "hmac-sha-1-96");
        assert_eq!(i.ealg.as_deref(), Some("null"));
        assert_eq!(i.prot.as_deref(), Some("esp"));
        assert_eq!(i.mode.as_deref(), Some("trans"));
        assert_eq!(
            (i.spi_c, i.spi_s, i.port_c, i.port_s),
            (1111, 2222, 5100, 6100)
        );
        assert_eq!(m.q(), Some(0.1));
        assert_eq!(SecurityMechanism::parse(&m.to_string()).unwrap(), m);
    }

    #[test]
    fn ipsec_3gpp_rejects_missing_or_bad_numbers() {
        let e = SecurityMechanism::parse("ipsec-3gpp;alg=hmac-md5-96;spi-c=1;spi-s=2;port-c=3")
            .unwrap_err();
        assert_eq!(e, "ipsec-3gpp: missing port-s");
        let e = SecurityMechanism::parse(
            "ipsec-3gpp;alg=hmac-md5-96;spi-c=x;spi-s=2;port-c=3;port-s=4",
        )
        .unwrap_err();
        assert!(e.contains("spi-c 'x'"), "{e}");
        let d = SecurityMechanism::parse("digest;d-alg=md5").unwrap();
        assert_eq!(d.name(), "digest");
    }
}
