//! Numbers as each language reads them. Chinese counts in 万 and 亿:
//! 15000 名 is read as 1.5万名, and a value kept in 亿元 or 万元 is shown
//! in whichever of the two reads best (15000 万元 is 1.5亿元). English
//! groups thousands: 15,000. Only for display: exports, history and typed
//! forms keep plain numbers (see `domain::typed_forms` for reading 1.5万).

use super::Lang;
use crate::domain::progress::format_value;

/// The most decimals a 万 or 亿 figure is written with; a value that
/// needs more is written in the smaller unit, so nothing is rounded away.
const DECIMALS: i32 = 4;

impl Lang {
    /// `v` in `unit`, as this language writes an amount: `1.5万名`,
    /// `100亿元`, `15,000 名`.
    pub fn amount(self, v: f64, unit: &str) -> String {
        let (number, unit) = self.number_and_unit(v, unit);
        join(self, &number, &unit)
    }

    /// `current/target unit`, each figure in the same unit: `1.5万/60万名`,
    /// `—/100亿元`; `—` when nothing was reported yet.
    pub fn value_against_target(
        self,
        current: Option<f64>,
        target: Option<f64>,
        unit: &str,
    ) -> String {
        let (_, base) = self.number_and_unit(0.0, unit);
        let figure =
            |v: Option<f64>| v.map_or_else(|| "—".to_owned(), |v| self.number_and_unit(v, unit).0);
        match target {
            Some(t) => join(
                self,
                &format!("{}/{}", figure(current), figure(Some(t))),
                &base,
            ),
            None => join(self, &figure(current), &base),
        }
    }

    /// A figure without its unit: `1.5万`, `15,000`.
    pub fn figure(self, v: f64) -> String {
        self.number_and_unit(v, "").0
    }

    /// The figure and the unit left to write after it. In Chinese a unit
    /// that begins with 万 or 亿 folds into the figure (`15000`, `万元` →
    /// `1.5亿`, `元`).
    fn number_and_unit(self, v: f64, unit: &str) -> (String, String) {
        match self {
            Lang::En => (grouped(v), unit.to_owned()),
            Lang::Zh => {
                let (scale, base) = if let Some(rest) = unit.strip_prefix('亿') {
                    (1e8, rest)
                } else if let Some(rest) = unit.strip_prefix('万') {
                    (1e4, rest)
                } else {
                    (1.0, unit)
                };
                (wan_yi(v * scale), base.to_owned())
            }
        }
    }
}

fn join(lang: Lang, number: &str, unit: &str) -> String {
    if unit.is_empty() {
        return number.to_owned();
    }
    // 1.5万名, 100亿元: a Chinese unit follows its figure directly, as a
    // progress table writes it; any other gets a space.
    let cjk = unit.chars().next().is_some_and(|c| c > '\u{2e80}');
    if lang == Lang::Zh && (cjk || unit == "%") {
        format!("{number}{unit}")
    } else {
        format!("{number} {unit}")
    }
}

/// `v` in 亿 or 万 when it reaches one and is exact in at most `DECIMALS`
/// decimals there, else as it is.
fn wan_yi(v: f64) -> String {
    if !v.is_finite() {
        return format_value(v);
    }
    for (scale, word) in [(1e8, "亿"), (1e4, "万")] {
        let x = v / scale;
        if x.abs() < 1.0 {
            continue;
        }
        let step = 10f64.powi(DECIMALS);
        let rounded = (x * step).round() / step;
        if (rounded * scale - v).abs() <= v.abs() * 1e-12 {
            let s = format!("{rounded:.4}");
            let s = s.trim_end_matches('0').trim_end_matches('.');
            return format!("{s}{word}");
        }
    }
    format_value(v)
}

/// `15000` → `15,000`; `1234.5` → `1,234.5`.
fn grouped(v: f64) -> String {
    let plain = format_value(v);
    let (sign, rest) = plain
        .strip_prefix('-')
        .map_or(("", plain.as_str()), |r| ("-", r));
    let (int, frac) = rest
        .split_once('.')
        .map_or((rest, None), |(i, f)| (i, Some(f)));
    if int.len() <= 3 || !int.bytes().all(|b| b.is_ascii_digit()) {
        return plain;
    }
    let mut out = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    match frac {
        Some(f) => format!("{sign}{out}.{f}"),
        None => format!("{sign}{out}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_counts_in_wan_and_yi() {
        let zh = Lang::Zh;
        assert_eq!(zh.amount(15000.0, "名"), "1.5万名");
        assert_eq!(zh.amount(100.0, "亿元"), "100亿元");
        assert_eq!(zh.amount(15000.0, "万元"), "1.5亿元");
        assert_eq!(zh.amount(5000.0, "万元"), "5000万元");
        assert_eq!(zh.amount(600.0, "家"), "600家");
        assert_eq!(zh.amount(9999.0, ""), "9999");
        assert_eq!(zh.amount(123_456_789.0, "元"), "12345.6789万元");
        assert_eq!(zh.amount(0.5, "亿元"), "5000万元");
        assert_eq!(zh.amount(60.0, "%"), "60%");
        assert_eq!(zh.amount(3.75, "GWh"), "3.75 GWh");
        assert_eq!(
            zh.value_against_target(Some(15000.0), Some(600_000.0), "名"),
            "1.5万/60万名"
        );
        assert_eq!(
            zh.value_against_target(None, Some(100.0), "亿元"),
            "—/100亿元"
        );
        assert_eq!(zh.value_against_target(Some(9.0), None, "家"), "9家");
    }

    #[test]
    fn english_groups_thousands() {
        let en = Lang::En;
        assert_eq!(en.amount(15000.0, "名"), "15,000 名");
        assert_eq!(en.amount(1234.5, ""), "1,234.5");
        assert_eq!(en.amount(-1_234_567.0, "元"), "-1,234,567 元");
        assert_eq!(en.amount(600.0, "家"), "600 家");
        assert_eq!(
            en.value_against_target(Some(512.0), Some(600.0), "家"),
            "512/600 家"
        );
    }
}
