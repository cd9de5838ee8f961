//! Plausible deniability: k-ary randomized response on the outcome (SPEC §6.6).
//!
//! With `privacy.randomized_response` on, a device reports its true outcome
//! with probability `p = e^ε / (e^ε + 4)` and otherwise one of the four
//! other outcomes, each with probability `q = 1 / (e^ε + 4)`. Any single
//! stored outcome may then be noise, so no one — manager, operator, or
//! whoever reads a unanimous group — can hold an employee to it; the
//! likelihood ratio between any two true answers is at most `e^ε`
//! (ε-local differential privacy).
//!
//! Counts stay useful because the noise is known. If `t` are the true
//! counts of the five outcomes over `n` reports and `c` the counts
//! received, `E[c_j] = (p − q)·t_j + q·n`, so `(c_j − q·n) / (p − q)` is an
//! unbiased estimate of `t_j` ([`RandomizedResponse::debias`]). The price is
//! variance, which grows as ε shrinks; [`RandomizedResponse::helped_share`]
//! widens the interval for the "helped" share accordingly.
//!
//! The app randomizes in its outbox, so the true outcome never leaves the
//! device (and reasons, which only a negative outcome carries and would
//! give its sign away, are not sent); [`crate::publish()`] publishes the
//! debiased "helped" share, and the team map debiases its means.

use crate::aggregate::wilson;
use crate::config::Privacy;
use crate::outbox::Randomness;
use crate::report::Report;

/// How many outcomes there are (−2..=2).
pub const OUTCOMES: usize = 5;

/// Why randomized response cannot be set up.
#[derive(Debug, Clone, Copy, PartialEq, thiserror::Error)]
pub enum PrivacyError {
    /// ε must be a finite number above 0.
    #[error("epsilon must be a finite number greater than 0")]
    BadEpsilon,
}

/// k-ary randomized response over the five outcomes, for one ε.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RandomizedResponse {
    epsilon: f64,
    keep: f64,
    other: f64,
}

/// An estimated share with an interval that accounts for the added noise.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NoisyShare {
    /// The unbiased estimate; may fall outside 0..=1 for small groups, as unbiased estimates do.
    pub estimate: f64,
    /// Lower end of the 95% interval, within 0..=1.
    pub low: f64,
    /// Upper end of the 95% interval, within 0..=1.
    pub high: f64,
}

impl RandomizedResponse {
    /// Randomized response with privacy budget `epsilon` (> 0; smaller is more private and noisier).
    pub fn new(epsilon: f64) -> Result<RandomizedResponse, PrivacyError> {
        if !(epsilon.is_finite() && epsilon > 0.0) {
            return Err(PrivacyError::BadEpsilon);
        }
        let weight = epsilon.exp();
        let total = weight + (OUTCOMES - 1) as f64;
        Ok(RandomizedResponse {
            epsilon,
            keep: weight / total,
            other: 1.0 / total,
        })
    }

    /// The randomizer a config asks for: `None` when it is off or has no usable ε.
    pub fn from_config(privacy: &Privacy) -> Option<RandomizedResponse> {
        if !privacy.randomized_response {
            return None;
        }
        RandomizedResponse::new(privacy.epsilon?).ok()
    }

    /// The privacy budget.
    pub fn epsilon(&self) -> f64 {
        self.epsilon
    }

    /// Probability that the true outcome is sent.
    pub fn keep_probability(&self) -> f64 {
        self.keep
    }

    /// Probability that one particular other outcome is sent instead.
    pub fn other_probability(&self) -> f64 {
        self.other
    }

    /// The outcome to send for a true `outcome` (−2..=2), drawn with `random`.
    ///
    /// One draw in 2^32 decides: keep with probability `p`, else one of the
    /// four others uniformly. An outcome out of range is returned unchanged
    /// (the report validator refuses it anyway).
    pub fn randomize(&self, outcome: i8, random: &mut impl Randomness) -> i8 {
        if !(-2..=2).contains(&outcome) {
            return outcome;
        }
        let draw = f64::from(random.next_u32()) / 4_294_967_296.0;
        if draw < self.keep {
            return outcome;
        }
        // Among the four others, uniformly: skip over the true one.
        let pick = random.between(0, 3) as i8 - 2;
        if pick >= outcome {
            pick + 1
        } else {
            pick
        }
    }

    /// Unbiased estimates of the true counts of each outcome (−2..=2), from the counts received.
    pub fn debias(&self, received: [u64; OUTCOMES]) -> [f64; OUTCOMES] {
        let n: u64 = received.iter().sum();
        let noise = self.other * n as f64;
        let gain = self.keep - self.other;
        received.map(|count| (count as f64 - noise) / gain)
    }

    /// The mean outcome (−2..=2) estimated from the counts received; `None` for no reports.
    pub fn mean(&self, received: [u64; OUTCOMES]) -> Option<f64> {
        let n: u64 = received.iter().sum();
        if n == 0 {
            return None;
        }
        let total: f64 = (-2_i32..=2)
            .zip(self.debias(received))
            .map(|(outcome, count)| f64::from(outcome) * count)
            .sum();
        Some((total / n as f64).clamp(-2.0, 2.0))
    }

    /// A report as it may leave the device: its outcome randomized, and no
    /// reasons (they go only with a negative outcome, so they would tell).
    pub fn for_sending(&self, report: &Report, random: &mut impl Randomness) -> Report {
        Report {
            outcome: self.randomize(report.outcome, random),
            pilot: None,
            reasons: Vec::new(),
            ..report.clone()
        }
    }

    /// The share of reports with outcome > 0 (helped), estimated from the counts received.
    ///
    /// Each report is received as "helped" with probability `a = p + q` if
    /// it truly was and `b = 2q` if not, so the received share `o` has mean
    /// `b + (a − b)·h` and `h = (o − b) / (a − b)`. The interval is the
    /// Wilson 95% interval of `o`, mapped through the same line and clipped
    /// to 0..=1. That is honest: given the true answers, the received
    /// "helped" count is a sum of independent Bernoulli draws, whose
    /// variance is at most the binomial variance Wilson assumes, so the
    /// interval is if anything wide; it is `1 / (a − b)` times wider than
    /// without noise. `None` for no reports.
    pub fn helped_share(&self, received: [u64; OUTCOMES]) -> Option<NoisyShare> {
        let n: u64 = received.iter().sum();
        if n == 0 {
            return None;
        }
        let helped = received[3] + received[4];
        let (a, b) = (self.keep + self.other, 2.0 * self.other);
        let unmix = |share: f64| (share - b) / (a - b);
        let observed = wilson(helped, n)?;
        Some(NoisyShare {
            estimate: unmix(helped as f64 / n as f64),
            low: unmix(observed.low).clamp(0.0, 1.0),
            high: unmix(observed.high).clamp(0.0, 1.0),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator (xorshift64*), the injected randomness.
    struct Seeded(u64);

    impl Randomness for Seeded {
        fn next_u32(&mut self) -> u32 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            (self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 32) as u32
        }
    }

    /// Randomizes `truth` (counts of −2..=2) once, returning the counts received.
    fn receive(rr: &RandomizedResponse, truth: [u64; 5], random: &mut Seeded) -> [u64; 5] {
        let mut received = [0; 5];
        for (index, &count) in truth.iter().enumerate() {
            for _ in 0..count {
                let sent = rr.randomize(index as i8 - 2, random);
                received[(sent + 2) as usize] += 1;
            }
        }
        received
    }

    #[test]
    fn probabilities_follow_epsilon() {
        let rr = RandomizedResponse::new(1.0).unwrap();
        let e = 1f64.exp();
        assert!((rr.keep_probability() - e / (e + 4.0)).abs() < 1e-12);
        assert!((rr.keep_probability() + 4.0 * rr.other_probability() - 1.0).abs() < 1e-12);
        // The ratio that bounds what one answer reveals is exactly e^ε.
        assert!((rr.keep_probability() / rr.other_probability() - e).abs() < 1e-9);
        for bad in [0.0, -1.0, f64::NAN, f64::INFINITY] {
            assert_eq!(RandomizedResponse::new(bad), Err(PrivacyError::BadEpsilon));
        }
        let on = Privacy {
            randomized_response: true,
            epsilon: Some(2.0),
        };
        assert_eq!(RandomizedResponse::from_config(&on).unwrap().epsilon(), 2.0);
        let off = Privacy {
            randomized_response: false,
            ..on.clone()
        };
        assert!(RandomizedResponse::from_config(&off).is_none());
    }

    #[test]
    fn the_randomizer_keeps_with_p_and_spreads_the_rest_evenly() {
        let rr = RandomizedResponse::new(0.5).unwrap();
        let mut random = Seeded(7);
        let trials = 200_000;
        let mut sent = [0u32; 5];
        for _ in 0..trials {
            sent[(rr.randomize(1, &mut random) + 2) as usize] += 1;
        }
        let share = |count: u32| f64::from(count) / f64::from(trials);
        assert!(
            (share(sent[3]) - rr.keep_probability()).abs() < 0.005,
            "{sent:?}"
        );
        for other in [0, 1, 2, 4] {
            assert!(
                (share(sent[other]) - rr.other_probability()).abs() < 0.005,
                "{sent:?}"
            );
        }
        assert_eq!(rr.randomize(7, &mut random), 7);
    }

    #[test]
    fn the_debiased_counts_are_unbiased() {
        let truth = [10, 20, 30, 25, 15];
        for epsilon in [0.5, 1.0, 3.0] {
            let rr = RandomizedResponse::new(epsilon).unwrap();
            let mut random = Seeded(0x5eed + epsilon.to_bits());
            let trials = 20_000;
            let mut sums = [0.0; 5];
            let mut squares = [0.0; 5];
            for _ in 0..trials {
                let estimate = rr.debias(receive(&rr, truth, &mut random));
                for i in 0..5 {
                    sums[i] += estimate[i];
                    squares[i] += estimate[i] * estimate[i];
                }
            }
            for i in 0..5 {
                let mean = sums[i] / trials as f64;
                let sd = (squares[i] / trials as f64 - mean * mean).sqrt();
                // Within four standard errors of the truth: fails for a bias, not for bad luck.
                let tolerance = 4.0 * sd / (trials as f64).sqrt();
                assert!(
                    (mean - truth[i] as f64).abs() < tolerance,
                    "ε {epsilon}, outcome {}: mean {mean}, truth {}, ± {tolerance}",
                    i as i8 - 2,
                    truth[i]
                );
            }
        }
    }

    #[test]
    fn the_helped_interval_covers_the_truth_about_95_percent_of_the_time() {
        for (epsilon, truth) in [
            (1.0, [20, 30, 70, 50, 30]),
            (2.0, [5, 10, 20, 10, 5]),
            (0.5, [100, 50, 50, 200, 100]),
        ] {
            let rr = RandomizedResponse::new(epsilon).unwrap();
            let n: u64 = truth.iter().sum();
            let helped = (truth[3] + truth[4]) as f64 / n as f64;
            let mut random = Seeded(42 + n);
            let trials = 4_000;
            let mut covered = 0;
            let mut width = 0.0;
            for _ in 0..trials {
                let share = rr.helped_share(receive(&rr, truth, &mut random)).unwrap();
                covered += u32::from(share.low <= helped && helped <= share.high);
                width += share.high - share.low;
            }
            let coverage = f64::from(covered) / f64::from(trials);
            assert!(
                (0.93..=0.99).contains(&coverage),
                "ε {epsilon}, n {n}: coverage {coverage}"
            );
            // Honest means wider than without noise.
            let plain = wilson(truth[3] + truth[4], n).unwrap();
            assert!(
                width / f64::from(trials) > plain.high - plain.low,
                "ε {epsilon}"
            );
        }
        assert_eq!(
            RandomizedResponse::new(1.0).unwrap().helped_share([0; 5]),
            None
        );
    }
}
