//! The IMS client's seeded generator (SplitMix64): Call-IDs, tags,
//! branches, cnonces, SPIs and ports repeat run after run for one seed, and
//! it costs eight bytes per UE. Nothing here needs cryptographic strength:
//! the secrets come from the USIM.

/// A SplitMix64 generator.
#[derive(Debug, Clone)]
pub(super) struct Rng(u64);

impl Rng {
    /// A generator for `seed`.
    pub(super) const fn new(seed: u64) -> Self {
        Self(seed)
    }

    /// The next 64 bits.
    pub(super) fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A value in `lo..=hi` (`lo` when the range is empty).
    pub(super) fn range(&mut self, lo: u64, hi: u64) -> u64 {
        match hi.checked_sub(lo).and_then(|d| d.checked_add(1)) {
            Some(span) => lo + self.next_u64() % span,
            None if hi >= lo => self.next_u64(),
            None => lo,
        }
    }

    /// `2 * n` lowercase hex digits.
    pub(super) fn hex(&mut self, n: usize) -> String {
        let mut s = String::with_capacity(2 * n);
        while s.len() < 2 * n {
            s.push_str(&format!("{:016x}", self.next_u64()));
        }
        s.truncate(2 * n);
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rng_repeats_for_a_seed_and_stays_in_range() {
        let (mut a, mut b) = (Rng::new(7), Rng::new(7));
        assert_eq!(a.hex(8), b.hex(8));
        assert_eq!(a.hex(3).len(), 6);
        for _ in 0..1000 {
            let v = a.range(256, 300);
            assert!((256..=300).contains(&v));
        }
        assert_eq!(a.range(5, 5), 5);
        assert_eq!(a.range(9, 1), 9);
        let _ = a.range(0, u64::MAX);
    }
}
