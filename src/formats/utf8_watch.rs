//! A reader that watches the bytes passing through it for the first one
//! that is not UTF-8, and remembers its line and column and what follows
//! it: a streamed parse fails there with a bare "invalid unicode", and a
//! planner needs to hear "this file is not UTF-8 (it looks like GBK), at
//! line 12" instead. Checking costs one pass over bytes already in cache.

use std::cell::OnceCell;
use std::io::{self, Read};
use std::rc::Rc;

/// How much of the text after the first bad byte is kept to guess its
/// encoding.
const SAMPLE: usize = 4096;

/// Where the first bytes that are not UTF-8 start, and a sample of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotUtf8 {
    pub line: usize,
    /// In bytes from the line's start, from 1.
    pub column: usize,
    pub sample: Vec<u8>,
}

pub struct Utf8Watch<R> {
    inner: R,
    /// Bytes read so far.
    offset: u64,
    /// Lines ended so far, and where the current line starts.
    newlines: usize,
    line_start: u64,
    /// The start of a character cut at the end of the last read.
    carry: Vec<u8>,
    found: Rc<OnceCell<NotUtf8>>,
}

impl<R: Read> Utf8Watch<R> {
    /// The watch, and where it says what it found: the reader itself goes
    /// into the parser (which reads fastest from a `BufReader` it owns).
    pub fn new(inner: R) -> (Self, Rc<OnceCell<NotUtf8>>) {
        let found = Rc::new(OnceCell::new());
        let watch = Utf8Watch {
            inner,
            offset: 0,
            newlines: 0,
            line_start: 0,
            carry: Vec::new(),
            found: Rc::clone(&found),
        };
        (watch, found)
    }

    fn watch(&mut self, mut chunk: &[u8]) {
        if self.found.get().is_some() {
            return;
        }
        let mut at = self.offset;
        if !self.carry.is_empty() {
            // Finish the cut character with the first bytes of this chunk.
            let need = char_len(self.carry[0]).saturating_sub(self.carry.len());
            let take = need.min(chunk.len());
            self.carry.extend_from_slice(&chunk[..take]);
            chunk = &chunk[take..];
            at += take as u64;
            if take < need {
                return;
            }
            let start = at - self.carry.len() as u64;
            if std::str::from_utf8(&self.carry).is_err() {
                let sample = [self.carry.as_slice(), chunk].concat();
                self.found_at(start, &sample);
                return;
            }
            self.carry.clear();
        }
        let (good, rest) = match std::str::from_utf8(chunk) {
            Ok(_) => (chunk.len(), None),
            Err(e) => (e.valid_up_to(), Some(e.error_len())),
        };
        self.count_lines(&chunk[..good], at);
        match rest {
            None => {}
            // A character cut by the end of this read.
            Some(None) => self.carry = chunk[good..].to_vec(),
            Some(Some(_)) => self.found_at(at + good as u64, &chunk[good..]),
        }
    }

    fn count_lines(&mut self, bytes: &[u8], at: u64) {
        let n = bytes.iter().filter(|&&b| b == b'\n').count();
        if n > 0 {
            self.newlines += n;
            let last = bytes.iter().rposition(|&b| b == b'\n').unwrap_or(0);
            self.line_start = at + last as u64 + 1;
        }
    }

    fn found_at(&mut self, at: u64, sample: &[u8]) {
        let sample = &sample[..sample.len().min(SAMPLE)];
        // Up to the last ASCII byte, so that no character is cut.
        let end = sample
            .iter()
            .rposition(u8::is_ascii)
            .map_or(sample.len(), |i| i + 1);
        let _ = self.found.set(NotUtf8 {
            line: self.newlines + 1,
            column: usize::try_from(at - self.line_start).unwrap_or(usize::MAX) + 1,
            sample: sample[..end].to_vec(),
        });
    }
}

/// The length of the UTF-8 sequence a lead byte starts (1 for a byte that
/// cannot start one: the check then fails on it).
fn char_len(lead: u8) -> usize {
    match lead {
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF7 => 4,
        _ => 1,
    }
}

impl<R: Read> Read for Utf8Watch<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.watch(&buf[..n]);
        self.offset += n as u64;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads `bytes` through the watch `step` bytes at a time.
    fn watched(bytes: &[u8], step: usize) -> Option<NotUtf8> {
        let (mut w, found) = Utf8Watch::new(bytes);
        let mut buf = vec![0; step];
        while w.read(&mut buf).unwrap() > 0 {}
        found.get().cloned()
    }

    #[test]
    fn utf8_cut_anywhere_is_fine() {
        let text = "目标任务\n完成值/目标值 ✓ 𝄞\n".repeat(20);
        for step in 1..=9 {
            assert_eq!(watched(text.as_bytes(), step), None, "step {step}");
        }
    }

    #[test]
    fn the_first_bad_byte_is_placed_by_line_and_column() {
        let (gbk, _, _) = encoding_rs::GBK.encode("东城街道");
        let mut bytes = "{\n  \"title\": \"目标\",\n  \"x\": \"".as_bytes().to_vec();
        bytes.extend_from_slice(&gbk);
        bytes.extend_from_slice(b"\"\n}\n");
        for step in [1, 2, 3, 5, 64] {
            let found = watched(&bytes, step).expect("found");
            assert_eq!((found.line, found.column), (3, 9), "step {step}");
            if step == 64 {
                assert!(found.sample.starts_with(&gbk), "{:?}", found.sample);
                assert!(crate::domain::text::looks_like_gbk(&found.sample));
            }
        }
    }

    #[test]
    fn a_file_ending_in_half_a_character_is_not_called_bad_here() {
        // The parser says "truncated"; the watch has nothing to add.
        assert_eq!(watched(&"完成".as_bytes()[..5], 4), None);
    }
}
