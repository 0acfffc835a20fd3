//! Parsers for the small value languages of the topology YAML: durations
//! (`250ms`), rates (`200/s`), bit rates (`100M`), prefixes
//! (`10.45.0.0/16`), hex keys and sequence numbers. Each returns a plain
//! sentence on error; the caller adds file, line and field path.

use std::net::{Ipv4Addr, Ipv6Addr};
use std::time::Duration;

/// A decimal number split into its integer part and up to 9 fraction
/// digits (as a numerator over 10^9), parsed without floating point.
fn decimal(s: &str) -> Option<(u64, u64)> {
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i, f),
        None => (s, ""),
    };
    if int.is_empty() && frac.is_empty() {
        return None;
    }
    let digits = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
    if !digits(int) || !digits(frac) || frac.len() > 9 {
        return None;
    }
    let i = if int.is_empty() {
        0
    } else {
        int.parse::<u64>().ok()?
    };
    let mut f = 0u64;
    for k in 0..9 {
        let d = frac.as_bytes().get(k).map_or(0, |b| u64::from(b - b'0'));
        f = f * 10 + d;
    }
    Some((i, f))
}

/// `value * unit / 10^9`-style scaling of a decimal by an integer factor,
/// `None` on overflow or on a fraction finer than the unit allows.
fn scale(int: u64, frac_e9: u64, factor: u64) -> Option<u64> {
    let whole = int.checked_mul(factor)?;
    let part = u128::from(frac_e9) * u128::from(factor);
    if part % 1_000_000_000 != 0 {
        return None;
    }
    whole.checked_add(u64::try_from(part / 1_000_000_000).ok()?)
}

/// A duration: a number and a unit, `us`, `ms`, `s`, `min` or `h`
/// (`250ms`, `1.5s`, `54min`); a bare `0` is allowed.
pub fn parse_duration(text: &str) -> Result<Duration, String> {
    let s = text.trim();
    let split = s
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(s.len());
    let (num, unit) = (&s[..split], s[split..].trim());
    let Some((int, frac)) = decimal(num) else {
        return Err(format!(
            "'{text}' is not a duration: write a number and a unit, e.g. 250ms, 5s, 54min"
        ));
    };
    let micros_per = match unit {
        "" if int == 0 && frac == 0 => 1,
        "" => {
            return Err(format!(
                "'{text}' needs a unit: us, ms, s, min or h (e.g. {num}ms or {num}s)"
            ));
        }
        "us" | "µs" => 1,
        "ms" => 1_000,
        "s" | "sec" => 1_000_000,
        "min" => 60_000_000,
        "h" => 3_600_000_000,
        "m" => {
            return Err(format!(
                "'{text}': 'm' is ambiguous, write {num}min (minutes) or {num}ms (milliseconds)"
            ));
        }
        other => {
            return Err(format!(
                "'{text}': unknown unit '{other}' (units: us, ms, s, min, h)"
            ));
        }
    };
    scale(int, frac, micros_per)
        .map(Duration::from_micros)
        .ok_or_else(|| format!("'{text}' is out of range or finer than a microsecond"))
}

/// A rate of events per second: `200/s`, `600/min`, `3600/h` or a plain
/// number (per second). Must be above zero.
pub fn parse_rate(text: &str) -> Result<f64, String> {
    let s = text.trim();
    let (num, per) = match s.split_once('/') {
        Some((n, u)) => (n.trim(), u.trim()),
        None => (s, "s"),
    };
    let seconds = match per {
        "s" | "sec" => 1.0,
        "min" => 60.0,
        "h" => 3600.0,
        other => {
            return Err(format!(
                "'{text}': unknown unit '/{other}' (write e.g. 200/s, 600/min or 3600/h)"
            ));
        }
    };
    match num.parse::<f64>() {
        Ok(n) if n.is_finite() && n > 0.0 => Ok(n / seconds),
        Ok(_) => Err(format!("'{text}': a rate must be above zero")),
        Err(_) => Err(format!(
            "'{text}' is not a rate: write a number per second, e.g. 200/s"
        )),
    }
}

/// A bit rate: an integer number of bits/s, or a number with `k`, `M` or
/// `G` (powers of 1000), optionally followed by `bps` (`100M`, `1.5G`,
/// `512kbps`).
pub fn parse_bit_rate(text: &str) -> Result<u64, String> {
    let s = text.trim();
    let s = s
        .strip_suffix("bps")
        .or_else(|| s.strip_suffix("bit/s"))
        .unwrap_or(s)
        .trim_end();
    let (num, factor) = match s.char_indices().last() {
        Some((i, 'k' | 'K')) => (&s[..i], 1_000),
        Some((i, 'M')) => (&s[..i], 1_000_000),
        Some((i, 'G')) => (&s[..i], 1_000_000_000),
        Some((i, 'm')) => {
            return Err(format!(
                "'{text}': write M for megabits ({}M); m would mean milli",
                &s[..i]
            ));
        }
        _ => (s, 1),
    };
    let Some((int, frac)) = decimal(num.trim()) else {
        return Err(format!(
            "'{text}' is not a bit rate: write bits/s, or a number with k, M or G (e.g. 100M)"
        ));
    };
    scale(int, frac, factor).ok_or_else(|| format!("'{text}' is out of range"))
}

/// An IPv4 prefix `a.b.c.d/len`; the address must be the network address.
pub fn parse_ipv4_prefix(text: &str) -> Result<(Ipv4Addr, u8), String> {
    let s = text.trim();
    let Some((addr, len)) = s.split_once('/') else {
        return Err(format!(
            "'{text}' needs a prefix length, e.g. {}/24",
            s.trim_end_matches('/')
        ));
    };
    let addr: Ipv4Addr = addr
        .parse()
        .map_err(|_| format!("'{addr}' is not an IPv4 address"))?;
    let len: u8 = match len.parse() {
        Ok(l) if l <= 32 => l,
        _ => {
            return Err(format!(
                "'{text}': an IPv4 prefix length is 0 to 32, got {len}"
            ));
        }
    };
    let mask = u32::MAX.checked_shl(32 - u32::from(len)).unwrap_or(0);
    let net = Ipv4Addr::from(u32::from(addr) & mask);
    if net != addr {
        return Err(format!(
            "'{text}' has host bits set: the network is {net}/{len}"
        ));
    }
    Ok((addr, len))
}

/// An IPv6 prefix `x::/len`; the address must be the network address.
pub fn parse_ipv6_prefix(text: &str) -> Result<(Ipv6Addr, u8), String> {
    let s = text.trim();
    let Some((addr, len)) = s.split_once('/') else {
        return Err(format!(
            "'{text}' needs a prefix length, e.g. {}/64",
            s.trim_end_matches('/')
        ));
    };
    let addr: Ipv6Addr = addr
        .parse()
        .map_err(|_| format!("'{addr}' is not an IPv6 address"))?;
    let len: u8 = match len.parse() {
        Ok(l) if l <= 128 => l,
        _ => {
            return Err(format!(
                "'{text}': an IPv6 prefix length is 0 to 128, got {len}"
            ));
        }
    };
    let mask = u128::MAX.checked_shl(128 - u32::from(len)).unwrap_or(0);
    let net = Ipv6Addr::from(u128::from(addr) & mask);
    if net != addr {
        return Err(format!(
            "'{text}' has host bits set: the network is {net}/{len}"
        ));
    }
    Ok((addr, len))
}

/// Exactly `N` bytes written as 2N hex digits (an optional `0x` is
/// allowed). `name` is the field's name, for the message.
pub fn parse_hex<const N: usize>(name: &str, text: &str) -> Result<[u8; N], String> {
    let s = text.trim();
    let s = s
        .strip_prefix("0x")
        .or_else(|| s.strip_prefix("0X"))
        .unwrap_or(s);
    let want = format!(
        "{name} must be {} hex digits ({N} byte{})",
        2 * N,
        if N == 1 { "" } else { "s" }
    );
    if let Some((i, c)) = s.char_indices().find(|(_, c)| !c.is_ascii_hexdigit()) {
        return Err(format!(
            "{want}; '{c}' at position {} is not a hex digit",
            i + 1
        ));
    }
    if s.len() != 2 * N {
        return Err(format!("{want}, got {}", s.len()));
    }
    let mut out = [0u8; N];
    for (i, b) in out.iter_mut().enumerate() {
        *b = u8::from_str_radix(&s[2 * i..2 * i + 2], 16).map_err(|_| want.clone())?;
    }
    Ok(out)
}

/// Largest SQN (48 bits, TS 33.102 6.3.2).
pub const SQN_MAX: u64 = (1 << 48) - 1;

/// A sequence number written in hex (`"3e8"`, `"0x3e8"`); integers are
/// parsed by the caller. At most 48 bits.
pub fn parse_sqn_hex(text: &str) -> Result<u64, String> {
    let s = text.trim();
    let s = s
        .strip_prefix("0x")
        .or_else(|| s.strip_prefix("0X"))
        .unwrap_or(s);
    let v = u64::from_str_radix(s, 16).map_err(|_| {
        format!("'{text}' is not a hex SQN (write e.g. \"3e8\" or the integer 1000)")
    })?;
    check_sqn(v)
}

/// An SQN must fit in 48 bits.
pub fn check_sqn(v: u64) -> Result<u64, String> {
    if v > SQN_MAX {
        Err(format!("SQN {v} does not fit in 48 bits (max {SQN_MAX})"))
    } else {
        Ok(v)
    }
}

/// An integer written in decimal or with `0x` in hex.
pub fn parse_int(text: &str) -> Option<u64> {
    let s = text.trim();
    match s.strip_prefix("0x").or_else(|| s.strip_prefix("0X")) {
        Some(h) => u64::from_str_radix(h, 16).ok(),
        None => s.parse().ok(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_parse_with_units() {
        assert_eq!(parse_duration("1ms"), Ok(Duration::from_millis(1)));
        assert_eq!(parse_duration("250ms"), Ok(Duration::from_millis(250)));
        assert_eq!(parse_duration("5s"), Ok(Duration::from_secs(5)));
        assert_eq!(parse_duration("54min"), Ok(Duration::from_secs(54 * 60)));
        assert_eq!(parse_duration("2h"), Ok(Duration::from_secs(7200)));
        assert_eq!(parse_duration("1.5s"), Ok(Duration::from_millis(1500)));
        assert_eq!(parse_duration("20us"), Ok(Duration::from_micros(20)));
        assert_eq!(parse_duration(" 0 "), Ok(Duration::ZERO));
        assert_eq!(parse_duration("0s"), Ok(Duration::ZERO));
    }

    #[test]
    fn durations_reject_missing_or_odd_units() {
        assert!(parse_duration("5").unwrap_err().contains("needs a unit"));
        assert!(parse_duration("5m").unwrap_err().contains("ambiguous"));
        assert!(
            parse_duration("5 days")
                .unwrap_err()
                .contains("unknown unit")
        );
        assert!(parse_duration("ms").unwrap_err().contains("not a duration"));
        assert!(parse_duration("1.0000001ms").is_err());
        assert!(parse_duration("99999999999999999999h").is_err());
        assert!(parse_duration("-1s").is_err());
    }

    #[test]
    fn rates_parse_per_second() {
        assert_eq!(parse_rate("200/s"), Ok(200.0));
        assert_eq!(parse_rate("600/min"), Ok(10.0));
        assert_eq!(parse_rate("3600/h"), Ok(1.0));
        assert_eq!(parse_rate("12.5"), Ok(12.5));
        assert!(parse_rate("0/s").unwrap_err().contains("above zero"));
        assert!(parse_rate("5/day").unwrap_err().contains("unknown unit"));
        assert!(parse_rate("fast").unwrap_err().contains("not a rate"));
        assert!(parse_rate("inf/s").is_err());
    }

    #[test]
    fn bit_rates_parse_with_prefixes() {
        assert_eq!(parse_bit_rate("100M"), Ok(100_000_000));
        assert_eq!(parse_bit_rate("1.5G"), Ok(1_500_000_000));
        assert_eq!(parse_bit_rate("512k"), Ok(512_000));
        assert_eq!(parse_bit_rate("64kbps"), Ok(64_000));
        assert_eq!(parse_bit_rate("1000"), Ok(1000));
        assert!(parse_bit_rate("100m").unwrap_err().contains("write M"));
        assert!(
            parse_bit_rate("lots")
                .unwrap_err()
                .contains("not a bit rate")
        );
        assert!(
            parse_bit_rate("99999999999G")
                .unwrap_err()
                .contains("out of range")
        );
    }

    #[test]
    fn prefixes_parse_and_reject_bad_lengths_and_host_bits() {
        assert_eq!(
            parse_ipv4_prefix("10.45.0.0/16"),
            Ok((Ipv4Addr::new(10, 45, 0, 0), 16))
        );
        assert_eq!(
            parse_ipv6_prefix("fd00:46::/64"),
            Ok(("fd00:46::".parse().unwrap(), 64))
        );
        assert_eq!(
            parse_ipv4_prefix("10.45.0.0/33").unwrap_err(),
            "'10.45.0.0/33': an IPv4 prefix length is 0 to 32, got 33"
        );
        assert_eq!(
            parse_ipv4_prefix("10.45.0.1/16").unwrap_err(),
            "'10.45.0.1/16' has host bits set: the network is 10.45.0.0/16"
        );
        assert!(
            parse_ipv4_prefix("10.45.0.0")
                .unwrap_err()
                .contains("needs a prefix length")
        );
        assert!(
            parse_ipv4_prefix("10.45.0/16")
                .unwrap_err()
                .contains("not an IPv4")
        );
        assert!(
            parse_ipv6_prefix("fd00::1/64")
                .unwrap_err()
                .contains("host bits")
        );
        assert!(parse_ipv6_prefix("fd00::/129").is_err());
        assert_eq!(
            parse_ipv4_prefix("0.0.0.0/0"),
            Ok((Ipv4Addr::UNSPECIFIED, 0))
        );
    }

    #[test]
    fn hex_keys_must_have_the_right_length_and_digits() {
        assert_eq!(
            parse_hex::<16>("k", "465b5ce8b199b49faa5f0a2ee238a6bc").unwrap()[0],
            0x46
        );
        assert_eq!(
            parse_hex::<16>("k", "465b5ce8b199b49faa5f0a2ee238a6").unwrap_err(),
            "k must be 32 hex digits (16 bytes), got 30"
        );
        assert_eq!(
            parse_hex::<16>("opc", "zz5b5ce8b199b49faa5f0a2ee238a6bc").unwrap_err(),
            "opc must be 32 hex digits (16 bytes); 'z' at position 1 is not a hex digit"
        );
        assert_eq!(parse_hex::<2>("amf", "0x8000"), Ok([0x80, 0]));
    }

    #[test]
    fn sqn_and_ints_parse() {
        assert_eq!(parse_sqn_hex("3e8"), Ok(1000));
        assert_eq!(parse_sqn_hex("0x20"), Ok(32));
        assert!(parse_sqn_hex("1000000000000").is_err());
        assert!(parse_sqn_hex("xyz").is_err());
        assert_eq!(check_sqn(SQN_MAX), Ok(SQN_MAX));
        assert_eq!(parse_int("0x19B"), Some(0x19b));
        assert_eq!(parse_int("42"), Some(42));
        assert_eq!(parse_int("4x"), None);
    }
}
