//! Median and spread of repeated measurements: every figure the bench prints is the median
//! of N runs with its minimum and maximum, because the machine is shared and noisy.

#[derive(Clone, Debug)]
pub struct Stats {
    pub median: f64,
    pub min: f64,
    pub max: f64,
    /// 95th percentile (nearest rank); equals `max` for fewer than 20 samples.
    pub p95: f64,
    pub n: usize,
}

impl Stats {
    pub fn of(samples: &[f64]) -> Stats {
        assert!(!samples.is_empty(), "no samples");
        let mut sorted = samples.to_vec();
        sorted.sort_by(f64::total_cmp);
        let n = sorted.len();
        let median = if n % 2 == 1 { sorted[n / 2] } else { (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0 };
        let rank = ((0.95 * n as f64).ceil() as usize).clamp(1, n);
        Stats { median, min: sorted[0], max: sorted[n - 1], p95: sorted[rank - 1], n }
    }

    pub fn json(&self, unit: &str) -> String {
        format!(
            r#"{{"median":{},"min":{},"max":{},"p95":{},"n":{},"unit":"{}"}}"#,
            num(self.median),
            num(self.min),
            num(self.max),
            num(self.p95),
            self.n,
            unit
        )
    }
}

/// A JSON number (finite, at most 6 significant decimals after the point).
fn num(x: f64) -> String {
    assert!(x.is_finite(), "non-finite measurement");
    let text = format!("{x:.6}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    text.to_string()
}

#[cfg(test)]
mod tests {
    use super::Stats;

    #[test]
    fn median_min_max_and_p95() {
        let s = Stats::of(&[5.0, 1.0, 3.0]);
        assert_eq!((s.median, s.min, s.max, s.p95, s.n), (3.0, 1.0, 5.0, 5.0, 3));
        let s = Stats::of(&[4.0, 1.0, 3.0, 2.0]);
        assert_eq!(s.median, 2.5);
        let many: Vec<f64> = (1..=100).map(f64::from).collect();
        assert_eq!(Stats::of(&many).p95, 95.0);
    }

    #[test]
    fn json_is_plain_numbers() {
        assert_eq!(Stats::of(&[1.5, 2.0]).json("ms"), r#"{"median":1.75,"min":1.5,"max":2,"p95":2,"n":2,"unit":"ms"}"#);
    }
}
