//! The JSON interchange format: strict reading with the JSON path and
//! line/column of every error, and canonical writing.

use crate::domain::PlanDoc;
use crate::domain::problem::{Issue, JsonFault, JsonWhat};
use crate::domain::text::unsafe_for_terminal;
use crate::domain::validate::{Problem, check_format};
use serde::Deserialize;

/// Just enough of a document to know whether we can read the rest, so that a
/// file from a newer plan-cockpit says so instead of failing on a new field.
#[derive(Deserialize)]
struct Header {
    format: Option<String>,
    format_version: Option<u32>,
}

pub(super) fn problem(e: serde_path_to_error::Error<serde_json::Error>) -> Problem {
    let path = e.path().to_string();
    let path = if path == "." { String::new() } else { path };
    // A key cut off by the end of the file is tracked as `?`: the place is
    // its parent.
    let path = path.strip_suffix(".?").map_or(path.clone(), str::to_owned);
    Problem::at(path, Issue::Json(fault(e.inner())))
}

/// Classifies serde_json's error by its category and its stable phrasings
/// (`missing field `x``, `unknown field `x``), keeping what it quotes.
fn fault(e: &serde_json::Error) -> JsonFault {
    use serde_json::error::Category;
    let full = e.to_string();
    // serde_json appends " at line L column C"; the position is kept
    // typed, so the sentence is cut before it.
    let detail = full
        .rfind(" at line ")
        .map_or(full.as_str(), |i| &full[..i])
        .to_owned();
    let quoted = |prefix: &str| {
        detail
            .strip_prefix(prefix)
            .and_then(|rest| rest.strip_prefix('`'))
            .and_then(|rest| rest.split('`').next())
            .map(str::to_owned)
    };
    let what = match e.classify() {
        Category::Syntax => JsonWhat::Syntax,
        Category::Eof => JsonWhat::Truncated,
        Category::Io => JsonWhat::Other,
        Category::Data => {
            if let Some(f) = quoted("missing field ") {
                JsonWhat::MissingField(f)
            } else if let Some(f) = quoted("unknown field ") {
                JsonWhat::UnknownField(f)
            } else if let Some(v) = quoted("unknown variant ") {
                JsonWhat::UnknownValue(v)
            } else if detail.starts_with("invalid type") {
                JsonWhat::WrongType
            } else {
                JsonWhat::Other
            }
        }
    };
    JsonFault {
        line: e.line(),
        column: e.column(),
        what,
        detail,
    }
}

fn whole<'de, T: Deserialize<'de>>(bytes: &'de [u8]) -> Result<T, Problem> {
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let value = serde_path_to_error::deserialize(&mut de).map_err(problem)?;
    // Without this, `{...} garbage` would be accepted.
    de.end().map_err(|e| {
        let (line, column) = (e.line(), e.column());
        Problem::at("", Issue::TrailingText { line, column })
    })?;
    Ok(value)
}

/// Parses a plan document. Does not validate references or clean text: see
/// `domain::validate::prepare`.
pub fn read(bytes: &[u8]) -> Result<PlanDoc, Problem> {
    if let Some(encoding) = crate::domain::text::utf16(bytes) {
        return Err(Problem::at("", Issue::Encoding { name: encoding }));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // serde would read `[...]` as a struct in tuple form and complain about
    // its first element; say what is really wrong.
    if let Some(first) = bytes.iter().find(|b| !b.is_ascii_whitespace())
        && *first != b'{'
    {
        let starts = char::from(*first).escape_default().to_string();
        return Err(Problem::at("", Issue::NotAnObject { starts }));
    }
    // A good file is parsed once, without tracking the path (which costs a
    // third of the parse of a large plan); only a bad one is parsed again,
    // to say where and why.
    let mut de = serde_json::Deserializer::from_slice(bytes);
    if let Ok(doc) = PlanDoc::deserialize(&mut de)
        && de.end().is_ok()
    {
        check_format(&doc.format, doc.format_version)?;
        return Ok(doc);
    }
    if let Err(e) = std::str::from_utf8(bytes) {
        return Err(not_utf8(bytes, e.valid_up_to()));
    }
    let header: Header = whole(bytes)?;
    let missing = |field: &str| Problem::at(field, Issue::Missing);
    let format = header.format.ok_or_else(|| missing("format"))?;
    let version = header
        .format_version
        .ok_or_else(|| missing("format_version"))?;
    check_format(&format, version)?;
    whole(bytes)
}

/// A file that is not UTF-8, said as such, with where, and what it likely is.
pub(super) fn not_utf8(bytes: &[u8], at: usize) -> Problem {
    let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
    let column = at
        - bytes[..at]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1)
        + 1;
    let gbk = crate::domain::text::looks_like_gbk(bytes);
    Problem::at("", Issue::NotUtf8 { line, column, gbk })
}

/// Canonical JSON: two-space indent, fields in a fixed order, a final newline.
/// serde_json escapes C0 controls but writes C1 controls and bidi overrides
/// raw; those are escaped here too (`\u009b`), so an export printed to a
/// terminal cannot drive it, and it still parses back to the same text.
pub fn write(doc: &PlanDoc) -> String {
    let mut raw = serde_json::to_string_pretty(doc).expect("a plan document always serialises");
    // Stored text is cleaned, so there is usually nothing to escape: then
    // the (possibly half-gigabyte) text is not copied.
    if !raw.chars().any(|c| c != '\n' && unsafe_for_terminal(c)) {
        raw.push('\n');
        return raw;
    }
    let mut s = escaped(&raw);
    s.push('\n');
    s
}

/// The same document as `write` gives, byte for byte, written as it is
/// read: the head, then `count` projects pulled one at a time from `next`
/// (`None` ends them early: the caller keeps why). Never more than one
/// project is in memory, and the text goes out through `out` as it is
/// made, escaped on the way.
pub fn write_streamed(
    head: &PlanDoc,
    count: usize,
    next: impl FnMut() -> Option<crate::domain::plan::Project>,
    out: impl std::io::Write,
) -> std::io::Result<()> {
    use crate::domain::plan::{Area, Direction, PlanInfo, Program};
    use serde::Serialize;
    use serde::ser::SerializeSeq;
    use std::cell::RefCell;

    struct Projects<F>(RefCell<F>, usize);
    impl<F: FnMut() -> Option<crate::domain::plan::Project>> Serialize for Projects<F> {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let mut seq = s.serialize_seq(Some(self.1))?;
            let mut next = self.0.borrow_mut();
            while let Some(p) = next() {
                seq.serialize_element(&p)?;
            }
            seq.end()
        }
    }
    // `PlanDoc`'s fields, in its order, with its rules for leaving out.
    #[derive(Serialize)]
    #[serde(bound = "")]
    struct Doc<'a, F: FnMut() -> Option<crate::domain::plan::Project>> {
        format: &'a str,
        format_version: u32,
        plan: &'a PlanInfo,
        directions: &'a [Direction],
        #[serde(skip_serializing_if = "<[Program]>::is_empty")]
        programs: &'a [Program],
        #[serde(skip_serializing_if = "<[Area]>::is_empty")]
        areas: &'a [Area],
        #[serde(skip_serializing_if = "Projects::is_none")]
        projects: Projects<F>,
    }
    impl<F> Projects<F> {
        fn is_none(&self) -> bool {
            self.1 == 0
        }
    }
    let doc = Doc {
        format: &head.format,
        format_version: head.format_version,
        plan: &head.plan,
        directions: &head.directions,
        programs: &head.programs,
        areas: &head.areas,
        projects: Projects(RefCell::new(next), count),
    };
    // serde writes in small pieces: they are gathered before the filter,
    // which then looks at 64 KiB at a time.
    let filtered = super::filtered::Filtered::new(out, super::filtered::may_be_unsafe, escaped);
    let mut out = std::io::BufWriter::with_capacity(1 << 16, filtered);
    serde_json::to_writer_pretty(&mut out, &doc).map_err(std::io::Error::other)?;
    std::io::Write::write_all(&mut out, b"\n")?;
    let filtered = out
        .into_inner()
        .map_err(std::io::IntoInnerError::into_error)?;
    std::io::Write::flush(&mut filtered.finish()?)
}

/// JSON text from serde_json (which escapes C0 controls only) with every
/// control (DEL and C1 too) and invisible trick written as a JSON escape:
/// what every `--json` output goes through before it leaves the program.
pub fn terminal_safe(raw: String) -> String {
    if raw.chars().any(|c| c != '\n' && unsafe_for_terminal(c)) {
        escaped(&raw)
    } else {
        raw
    }
}

/// `s` with what could drive a terminal written as JSON escapes.
fn escaped(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        if c != '\n' && unsafe_for_terminal(c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_names_path_and_position() {
        let text = r#"{"format":"plan-cockpit","format_version":1,
"plan":{"title":"t","year":2023},
"directions":[{"id":1,"code":"c","name":"n"}],
"projects":[{"id":1,"direction":1,"name":"p","milestones":[{"id":1,"title":"m","target":"600"}]}]}"#;
        let p = read(text.as_bytes()).unwrap_err();
        assert_eq!(p.path, "projects[0].milestones[0].target");
        assert!(matches!(&p.issue, Issue::Json(f) if f.line == 4), "{p:?}");
    }

    #[test]
    fn c1_controls_and_bidi_are_escaped_and_round_trip() {
        let text = r#"{"format":"plan-cockpit","format_version":1,"plan":{"title":"t","year":2023},"directions":[]}"#;
        let mut doc = read(text.as_bytes()).unwrap();
        doc.plan.title = "a\u{9b}31m\u{202e}b".into();
        let out = write(&doc);
        assert!(out.contains(r"a\u009b31m\u202eb"), "{out}");
        assert!(!out.chars().any(|c| c != '\n' && unsafe_for_terminal(c)));
        assert_eq!(read(out.as_bytes()).unwrap().plan.title, doc.plan.title);
    }

    #[test]
    fn trailing_garbage_and_newer_version() {
        let ok = r#"{"format":"plan-cockpit","format_version":1,"plan":{"title":"t","year":2023},"directions":[]}"#;
        assert!(read(ok.as_bytes()).is_ok());
        let e = read(format!("{ok} x").as_bytes()).unwrap_err();
        assert!(
            matches!(e.issue, Issue::TrailingText { line: 1, .. }),
            "{e:?}"
        );
        let newer = ok.replace("\"format_version\":1", "\"format_version\":2,\"future\":[]");
        let e = read(newer.as_bytes()).unwrap_err();
        assert_eq!(e.path, "format_version");
        assert!(
            matches!(e.issue, Issue::NewerFormat { found: 2, .. }),
            "{e:?}"
        );
    }
}
