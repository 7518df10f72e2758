//! A writer that rewrites text on its way out, a character at a time:
//! exports stream through it, so what could drive a terminal is escaped
//! without the whole export ever being held to be checked. A character
//! split between two writes waits for its other bytes; each rewrite looks
//! at one character only, so where the writes fall changes nothing.

use std::io::{self, Write};

pub struct Filtered<W: Write> {
    inner: W,
    pending: Vec<u8>,
    /// Whether a piece of text needs rewriting at all (the fast path: the
    /// stored text is clean, so it almost never does).
    needs: fn(&str) -> bool,
    rewrite: fn(&str) -> String,
}

impl<W: Write> Filtered<W> {
    pub fn new(inner: W, needs: fn(&str) -> bool, rewrite: fn(&str) -> String) -> Self {
        Filtered {
            inner,
            pending: Vec::new(),
            needs,
            rewrite,
        }
    }

    /// Writes out what is left and flushes; returns the inner writer.
    pub fn finish(mut self) -> io::Result<W> {
        if !self.pending.is_empty() {
            let rest = std::mem::take(&mut self.pending);
            self.inner.write_all(&rest)?;
        }
        self.inner.flush()?;
        Ok(self.inner)
    }

    fn emit(&mut self, text: &str) -> io::Result<()> {
        if (self.needs)(text) {
            self.inner.write_all((self.rewrite)(text).as_bytes())
        } else {
            self.inner.write_all(text.as_bytes())
        }
    }
}

impl<W: Write> Write for Filtered<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let joined;
        let bytes: &[u8] = if self.pending.is_empty() {
            buf
        } else {
            let mut v = std::mem::take(&mut self.pending);
            v.extend_from_slice(buf);
            joined = v;
            &joined
        };
        match std::str::from_utf8(bytes) {
            Ok(text) => self.emit(text)?,
            Err(e) => {
                let (good, rest) = bytes.split_at(e.valid_up_to());
                // The prefix `from_utf8` vouched for.
                self.emit(std::str::from_utf8(good).unwrap_or_default())?;
                match e.error_len() {
                    // A character cut by the end of this write.
                    None => self.pending.extend_from_slice(rest),
                    // Not UTF-8 (the writers make only UTF-8): passed on.
                    Some(_) => self.inner.write_all(rest)?,
                }
            }
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// Whether `s` might hold a character that could drive a terminal (a
/// control other than a line break, or an invisible reordering trick): a
/// byte scan for their UTF-8 lead bytes, so that the character check runs
/// only on text that has one. (Chinese text has none of them; `“”` and `…`
/// share `E2`, so text with those is checked character by character.)
pub fn may_be_unsafe(s: &str) -> bool {
    s.bytes()
        .any(|b| (b < 0x20 && b != b'\n') || matches!(b, 0x7F | 0xC2 | 0xD8 | 0xE1 | 0xE2 | 0xEF))
        && s.chars()
            .any(|c| c != '\n' && crate::domain::text::unsafe_for_terminal(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn upper(s: &str) -> String {
        s.replace('é', "E")
    }

    #[test]
    fn the_byte_scan_misses_nothing_the_character_check_finds() {
        for c in (0u32..0x3_0000).filter_map(char::from_u32) {
            let s = format!("东{c}城");
            let unsafe_char = c != '\n' && crate::domain::text::unsafe_for_terminal(c);
            assert_eq!(may_be_unsafe(&s), unsafe_char, "{:x}", c as u32);
        }
    }

    #[test]
    fn a_character_split_between_writes_is_rewritten_whole() {
        let text = "aé东é";
        let bytes = text.as_bytes();
        for cut in 0..=bytes.len() {
            let mut f = Filtered::new(Vec::new(), |s| s.contains('é'), upper);
            f.write_all(&bytes[..cut]).unwrap();
            f.write_all(&bytes[cut..]).unwrap();
            assert_eq!(
                String::from_utf8(f.finish().unwrap()).unwrap(),
                "aE东E",
                "{cut}"
            );
        }
    }
}
