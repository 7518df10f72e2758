//! A long command's progress on stderr: a line that turns, says the stage
//! and what is done so far, and goes away when the command ends. Nothing
//! at all when stderr is not a terminal (a script, a pipe, a log file, CI)
//! or TERM is dumb: indicatif hides itself then, and no byte is written.

use crate::i18n::Lang;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressState, ProgressStyle};
use std::io::IsTerminal;
use std::time::Duration;

/// The progress line of one command; cleared when dropped.
pub struct Progress {
    bar: ProgressBar,
}

impl Progress {
    /// A stage without a count (reading, making a file).
    pub fn stage(lang: Lang, ascii: bool, what: String) -> Progress {
        Progress::new(lang, ascii, what, None, None)
    }

    /// A stage that counts (pieces written, rows copied): `counted` words
    /// the count, already grouped by thousands; `total`, when known, makes
    /// it read `n / total`.
    pub fn counting(
        lang: Lang,
        ascii: bool,
        what: String,
        counted: fn(Lang, &str) -> String,
        total: Option<u64>,
    ) -> Progress {
        Progress::new(lang, ascii, what, Some(counted), total)
    }

    fn new(
        lang: Lang,
        ascii: bool,
        what: String,
        counted: Option<fn(Lang, &str) -> String>,
        total: Option<u64>,
    ) -> Progress {
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
        let spinner = match ascii {
            true => "|/-\\ ",
            false => "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏ ",
        };
        let style = ProgressStyle::with_template(lang.progress_template(counted.is_some()))
            .unwrap_or_else(|_| ProgressStyle::default_spinner())
            .tick_chars(spinner)
            .with_key(
                "secs",
                move |s: &ProgressState, w: &mut dyn std::fmt::Write| {
                    let _ = w.write_str(&lang.progress_secs(s.elapsed().as_secs()));
                },
            )
            .with_key(
                "count",
                move |s: &ProgressState, w: &mut dyn std::fmt::Write| {
                    let done = match s.len() {
                        Some(total) => format!("{} / {}", grouped(s.pos()), grouped(total)),
                        None => grouped(s.pos()),
                    };
                    if let Some(counted) = counted {
                        let _ = w.write_str(&counted(lang, &done));
                    }
                },
            );
        bar.set_style(style);
        if let Some(total) = total {
            bar.set_length(total);
        }
        // Drawn from here on: the length is known before the first line.
        bar.set_message(what);
        if !bar.is_hidden() {
            bar.enable_steady_tick(Duration::from_millis(120));
        }
        Progress { bar }
    }

    /// Whether a progress line may be drawn beside output that goes to
    /// standard output (`to_stdout`): not when that is the terminal too,
    /// where the two would be drawn over each other.
    pub fn beside_stdout(to_stdout: bool) -> bool {
        !(to_stdout && std::io::stdout().is_terminal())
    }

    /// One more done (cheap: an atomic add, drawn at most 20 times a second).
    pub fn inc(&self, n: u64) {
        self.bar.inc(n);
    }

    /// The next stage (the count goes on).
    pub fn next(&self, what: String) {
        self.bar.set_message(what);
    }

    /// Counts each item by `weight` (how much of what the line counts
    /// it is) as it passes.
    pub fn through<I: Iterator>(
        self,
        inner: I,
        weight: fn(&I::Item) -> u64,
        then: String,
    ) -> Counted<I> {
        Counted {
            inner,
            progress: self,
            then: Some(then),
            weight,
        }
    }
}

/// Counts what passes through it; when it runs out, says `then` (what
/// the command does with it all before it is done).
pub struct Counted<I: Iterator> {
    inner: I,
    progress: Progress,
    then: Option<String>,
    weight: fn(&I::Item) -> u64,
}

impl<I: Iterator> Iterator for Counted<I> {
    type Item = I::Item;

    fn next(&mut self) -> Option<I::Item> {
        let item = self.inner.next();
        match &item {
            Some(item) => self.progress.inc((self.weight)(item)),
            None => {
                if let Some(then) = self.then.take() {
                    self.progress.next(then);
                }
            }
        }
        item
    }
}

impl<I: Iterator> Counted<I> {
    /// A stage before the items are taken (a backup first).
    pub fn say(&self, what: String) {
        self.progress.next(what);
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.bar.finish_and_clear();
    }
}

/// 1234567 → "1,234,567".
fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn counts_are_grouped_by_thousands() {
        assert_eq!(super::grouped(0), "0");
        assert_eq!(super::grouped(999), "999");
        assert_eq!(super::grouped(1000), "1,000");
        assert_eq!(super::grouped(1_234_567), "1,234,567");
        assert_eq!(super::grouped(u64::MAX), "18,446,744,073,709,551,615");
    }
}
