//! The `t` form's one line: a target and its unit, and, for a target that
//! runs past the plan year, its yearly steps and 年初基数 —
//! `100亿元 2023=60 基数=20`. The line opens holding everything the
//! milestone has, so what the planner leaves on it is the whole new state:
//! a step deleted from the line is a step removed.

use super::progress::format_value;
use super::refusal::Refusal;
use super::typed_forms::{parse_amount, parse_target};
use super::yearly::{YearSteps, parse_step_with};

/// What the line says.
#[derive(Debug, Clone, PartialEq)]
pub struct TargetLine {
    pub target: f64,
    /// A unit typed other than the milestone's (it becomes its unit).
    pub unit: Option<String>,
    pub steps: YearSteps,
    /// 年初基数; none typed is 0 (completion counts from nothing).
    pub baseline: f64,
}

/// The words a base is typed with, either language.
const BASE_WORDS: [&str; 2] = ["基数", "base"];

/// The line a milestone's form opens with. A target due after `year` (the
/// year judged) that has no step for it yet ends with `year=`, the place to
/// type one: left empty it changes nothing.
pub fn target_line(
    target: Option<f64>,
    unit: &str,
    steps: &YearSteps,
    baseline: Option<f64>,
    ask_year: Option<i16>,
) -> String {
    let mut parts = Vec::new();
    if let Some(t) = target {
        parts.push(format!("{}{unit}", format_value(t)));
    }
    for (y, v) in steps.iter() {
        parts.push(format!("{y}={}", format_value(v)));
    }
    if let Some(year) = ask_year.filter(|y| steps.get(*y).is_none()) {
        parts.push(format!("{year}="));
    }
    if let Some(b) = baseline.filter(|b| *b != 0.0) {
        parts.push(format!("基数={}", format_value(b)));
    }
    parts.join(" ")
}

/// Reads the line for a milestone counted in `unit`. Steps and the base are
/// read in the unit the line's target ends in (`100亿元 2023=6000万`).
pub fn parse_target_line(typed: &str, unit: &str) -> Result<TargetLine, Refusal> {
    let mut target_words = Vec::new();
    let mut step_words = Vec::new();
    let mut base_word: Option<String> = None;
    let mut words = typed
        .split(|c: char| c.is_whitespace() || matches!(c, ';' | '；' | '，' | '、'))
        .filter(|w| !w.is_empty())
        .peekable();
    while let Some(w) = words.next() {
        if let Some(rest) = base_rest(w) {
            // `基数 500`: the amount may be the next word.
            let value = if rest.is_empty() && !w.ends_with(['=', ':', '\u{FF1D}', '\u{FF1A}']) {
                words.next().unwrap_or_default()
            } else {
                rest
            };
            base_word = Some(value.to_owned());
        } else if is_step(w) {
            // `2023年=560` as `2023=560`.
            step_words.push(w.replacen('年', "", 1));
        } else {
            target_words.push(w);
        }
    }
    let (target, new_unit) = parse_target(&target_words.join(" "), unit)?;
    let counted_in = new_unit.as_deref().unwrap_or(unit);
    let amount = |v: &str| parse_amount(v, counted_in);
    let mut steps = YearSteps::default();
    for w in step_words {
        let (year, value) = parse_step_with(&w, amount)?;
        steps = steps.with(year, value);
    }
    let baseline = match base_word {
        None => 0.0,
        Some(v) if v.is_empty() => return Err(Refusal::NumberNeeded),
        Some(v) => amount(&v)?,
    };
    Ok(TargetLine {
        target,
        unit: new_unit,
        steps,
        baseline,
    })
}

/// What follows a base word (`基数=500` → `500`, `基数` → ``), if `w` is one.
fn base_rest(w: &str) -> Option<&str> {
    let lower = w.to_lowercase();
    BASE_WORDS.iter().find_map(|b| {
        lower
            .starts_with(b)
            .then(|| w[b.len()..].trim_start_matches(['=', ':', '\u{FF1D}', '\u{FF1A}']))
    })
}

/// A year, maybe `年`, then `=` or `:` (half- or full-width).
fn is_step(w: &str) -> bool {
    let digits = w.chars().take_while(char::is_ascii_digit).count();
    let rest = w[digits..].trim_start_matches('年');
    digits == 4 && rest.starts_with(['=', ':', '\u{FF1D}', '\u{FF1A}'])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn steps(s: &str) -> YearSteps {
        YearSteps::from_stored(s)
    }

    #[test]
    fn the_line_opens_with_what_the_milestone_has() {
        let s = steps("2024=580;2023=560");
        assert_eq!(
            target_line(Some(600.0), "家", &s, Some(500.0), Some(2023)),
            "600家 2023=560 2024=580 基数=500"
        );
        // A multi-year target without this year's step asks for one.
        assert_eq!(
            target_line(Some(100.0), "亿元", &steps(""), None, Some(2023)),
            "100亿元 2023="
        );
        assert_eq!(target_line(Some(5.0), "", &steps(""), Some(0.0), None), "5");
    }

    #[test]
    fn what_is_left_on_the_line_is_the_new_state() {
        let l = parse_target_line("600家 2023=560 2024=580 基数=500", "家").unwrap();
        assert_eq!(l.target, 600.0);
        assert_eq!(l.unit, None);
        assert_eq!(l.steps.stored(), "2023=560;2024=580");
        assert_eq!(l.baseline, 500.0);
        // The empty step the form offers changes nothing; no base is 0.
        let l = parse_target_line("100亿元 2023=", "亿元").unwrap();
        assert!(l.steps.is_empty());
        assert_eq!(l.baseline, 0.0);
        // Other spellings a planner types.
        let l = parse_target_line("600 家；2023年：560，基数 480", "家").unwrap();
        assert_eq!(
            (l.target, l.steps.get(2023), l.baseline),
            (600.0, Some(560.0), 480.0)
        );
        let l = parse_target_line("600 base=480", "家").unwrap();
        assert_eq!(l.baseline, 480.0);
    }

    #[test]
    fn steps_and_base_count_in_the_line_s_unit() {
        let l = parse_target_line("100亿元 2023=6000万 基数=20", "亿元").unwrap();
        assert_eq!(l.steps.get(2023), Some(0.6));
        assert_eq!(l.baseline, 20.0);
        // A new unit on the target: the steps are read in it.
        let l = parse_target_line("3GWh 2023=1", "亿元").unwrap();
        assert_eq!(l.unit.as_deref(), Some("GWh"));
        assert_eq!(l.steps.get(2023), Some(1.0));
    }

    #[test]
    fn bad_parts_are_refused_by_name() {
        assert!(matches!(
            parse_target_line("600 1999=5", "家"),
            Err(Refusal::BadStep { .. })
        ));
        assert!(matches!(
            parse_target_line("600 2023=abc", "家"),
            Err(Refusal::NotANumber { .. } | Refusal::BadStep { .. })
        ));
        assert!(parse_target_line("600 基数=", "家").is_err());
        assert!(parse_target_line("2023=560", "家").is_err());
        // A plain year-like number is a target, not a step.
        assert_eq!(parse_target_line("2023", "").unwrap().target, 2023.0);
    }
}
