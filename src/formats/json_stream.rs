//! Reading a plan document as it streams in, a piece at a time (see
//! `domain::piece`): the head, then each project whole, handed over as soon
//! as it is read. Memory stays one project deep however large the file;
//! what goes wrong is said exactly as the whole-document reader says it
//! (`json::read`): the JSON path, line and column, a newer format named as
//! such, bytes that are not UTF-8 placed and their encoding guessed.

use super::json::problem;
use super::utf8_watch::Utf8Watch;
use crate::domain::piece::Piece;
use crate::domain::plan::{Area, Direction, PlanInfo, Program, Project};
use crate::domain::problem::{Issue, Problem};
use crate::domain::validate::check_format;
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use std::fmt;
use std::io::{self, BufRead, BufReader, Read};

/// How the reading ended, when the document itself was sound so far.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ended {
    /// The whole document was read and handed over.
    Whole,
    /// The receiver asked to stop.
    Stopped,
}

/// Why a document could not be read.
#[derive(Debug)]
pub enum Unread {
    /// The file is not a plan document, or not a sound one.
    Bad(Problem),
    /// Reading failed (a disk error, or the reader's own limit).
    Io(io::Error),
}

/// Reads a plan document from `input`, giving each piece to `take` as it
/// is read; `take` returns false to stop. Every byte is watched and every
/// path tracked, so that a bad file is named exactly in one pass: for a
/// stream that cannot be read twice (standard input).
pub fn read_pieces<R: Read>(
    input: R,
    take: &mut dyn FnMut(Piece) -> bool,
) -> Result<Ended, Unread> {
    let (watch, not_utf8) = Utf8Watch::new(input);
    let read = pass(watch, take, true);
    // Bytes that are not UTF-8 make the parse fail where they are, or
    // before: say that, rather than the parser's bare complaint (what was
    // refused before parsing, another encoding or not an object, stands).
    if let Err(Unread::Bad(p)) = &read
        && !matches!(p.issue, Issue::Encoding { .. } | Issue::NotAnObject { .. })
        && let Some(bad) = not_utf8.get()
    {
        let gbk = crate::domain::text::looks_like_gbk(&bad.sample);
        let (line, column) = (bad.line, bad.column);
        let issue = Issue::NotUtf8 { line, column, gbk };
        return Err(Unread::Bad(Problem::at("", issue)));
    }
    read
}

/// `read_pieces` for input that can be read again (a file): the first
/// pass neither watches bytes nor tracks paths (a sixth of the reading of
/// a city's plan); only a file that fails is read again, carefully, to say
/// where and why.
pub fn read_pieces_rereadable<R: Read>(
    input: R,
    again: impl FnOnce() -> io::Result<R>,
    take: &mut dyn FnMut(Piece) -> bool,
) -> Result<Ended, Unread> {
    match pass(input, take, false) {
        Err(Unread::Bad(first)) => {
            let input = again().map_err(Unread::Io)?;
            match read_pieces(input, &mut |_| true) {
                Err(said) => Err(said),
                // Changed in between: what the first reading found stands.
                Ok(_) => Err(Unread::Bad(first)),
            }
        }
        read => read,
    }
}

/// One reading of the document; `careful` tracks the JSON path.
fn pass<R: Read>(
    input: R,
    take: &mut dyn FnMut(Piece) -> bool,
    careful: bool,
) -> Result<Ended, Unread> {
    let mut input = BufReader::with_capacity(1 << 16, input);
    let start = input.fill_buf().map_err(Unread::Io)?;
    if let Some(encoding) = crate::domain::text::utf16(start) {
        let issue = Issue::Encoding { name: encoding };
        return Err(Unread::Bad(Problem::at("", issue)));
    }
    let bom = start.starts_with(b"\xEF\xBB\xBF");
    if let Some(first) = start[if bom { 3 } else { 0 }..]
        .iter()
        .find(|b| !b.is_ascii_whitespace())
        && *first != b'{'
    {
        // serde would read `[...]` as a struct in tuple form and complain
        // about its first element; say what is really wrong.
        let starts = char::from(*first).escape_default().to_string();
        return Err(Unread::Bad(Problem::at("", Issue::NotAnObject { starts })));
    }
    if bom {
        input.consume(3);
    }
    let mut state = State {
        take,
        stopped: false,
        refused: None,
    };
    // The parser owns the `BufReader`: std reads it a byte at a time from
    // its buffer then, where through a `&mut` every byte is a call to
    // `read` (4.4 s → 2.1 s for a city's plan).
    let mut de = serde_json::Deserializer::from_reader(input);
    let mut track = serde_path_to_error::Track::new();
    let read = if careful {
        (&mut state).deserialize(serde_path_to_error::Deserializer::new(&mut de, &mut track))
    } else {
        (&mut state).deserialize(&mut de)
    };
    let failed = match read {
        Ok(()) => match de.end() {
            Ok(()) => return Ok(Ended::Whole),
            // `{...} garbage` is not a plan.
            Err(e) if e.is_io() => return Err(Unread::Io(e.into())),
            Err(e) => {
                let (line, column) = (e.line(), e.column());
                Problem::at("", Issue::TrailingText { line, column })
            }
        },
        Err(_) if state.stopped => return Ok(Ended::Stopped),
        Err(_) if state.refused.is_some() => state.refused.take().expect("refused"),
        Err(e) if e.is_io() => return Err(Unread::Io(e.into())),
        Err(e) => problem(serde_path_to_error::Error::new(track.path(), e)),
    };
    Err(Unread::Bad(failed))
}

/// The keys of a plan document, in the order an export writes them.
#[derive(Clone, Copy)]
enum Field {
    Format,
    FormatVersion,
    Plan,
    Directions,
    Programs,
    Areas,
    Projects,
}

impl Field {
    fn named(key: &str) -> Option<Field> {
        let at = FIELDS.iter().position(|f| *f == key)?;
        Some(
            [
                Field::Format,
                Field::FormatVersion,
                Field::Plan,
                Field::Directions,
                Field::Programs,
                Field::Areas,
                Field::Projects,
            ][at],
        )
    }
}

const FIELDS: &[&str] = &[
    "format",
    "format_version",
    "plan",
    "directions",
    "programs",
    "areas",
    "projects",
];

struct State<'t> {
    take: &'t mut dyn FnMut(Piece) -> bool,
    stopped: bool,
    /// The format header said the file is not ours, or too new to read.
    refused: Option<Problem>,
}

impl State<'_> {
    fn give<E: de::Error>(&mut self, piece: Piece) -> Result<(), E> {
        if (self.take)(piece) {
            Ok(())
        } else {
            self.stopped = true;
            Err(E::custom("stopped by the receiver"))
        }
    }
}

impl<'de> DeserializeSeed<'de> for &mut State<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_struct("PlanDoc", FIELDS, self)
    }
}

impl<'de> Visitor<'de> for &mut State<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("struct PlanDoc")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut format: Option<String> = None;
        let mut version: Option<u32> = None;
        let mut plan: Option<PlanInfo> = None;
        let mut seen = [false; FIELDS.len()];
        let mut head_given = false;
        // A key we do not know, met before the header: a file of another
        // kind is named by its missing header, not by its first key.
        let mut unknown: Option<String> = None;
        while let Some(name) = map.next_key::<String>()? {
            let Some(key) = Field::named(&name) else {
                if format.is_some() && version.is_some() {
                    return Err(de::Error::unknown_field(&name, FIELDS));
                }
                map.next_value::<de::IgnoredAny>()?;
                unknown.get_or_insert(name);
                continue;
            };
            if std::mem::replace(&mut seen[key as usize], true) {
                return Err(de::Error::duplicate_field(FIELDS[key as usize]));
            }
            match key {
                Field::Format => format = Some(map.next_value()?),
                Field::FormatVersion => version = Some(map.next_value()?),
                Field::Plan => plan = Some(map.next_value()?),
                Field::Directions => {
                    let list: Vec<Direction> = map.next_value()?;
                    self.give(Piece::Directions(list))?;
                }
                Field::Programs => {
                    let list: Vec<Program> = map.next_value()?;
                    self.give(Piece::Programs(list))?;
                }
                Field::Areas => {
                    let list: Vec<Area> = map.next_value()?;
                    self.give(Piece::Areas(list))?;
                }
                Field::Projects => map.next_value_seed(Projects(&mut *self))?,
            }
            // The header is checked as soon as it is known, before a field
            // only a newer version has can fail the parse.
            if matches!(key, Field::Format | Field::FormatVersion)
                && let (Some(f), Some(v)) = (&format, version)
                && let Err(p) = check_format(f, v)
            {
                self.refused = Some(p);
                return Err(de::Error::custom("refused by its header"));
            }
            if format.is_some()
                && version.is_some()
                && let Some(name) = unknown.take()
            {
                return Err(de::Error::unknown_field(&name, FIELDS));
            }
            if !head_given && format.is_some() && version.is_some() && plan.is_some() {
                head_given = true;
                let piece = Piece::Plan {
                    format: format.take().unwrap_or_default(),
                    format_version: version.unwrap_or_default(),
                    plan: plan.take().expect("the plan"),
                };
                self.give(piece)?;
            }
        }
        // Named as the whole-document reader names them (`json::read`).
        for field in ["format", "format_version"] {
            if !seen[usize::from(field != "format")] {
                self.refused = Some(Problem::at(field, Issue::Missing));
                return Err(de::Error::custom("no header"));
            }
        }
        for (i, field) in FIELDS.iter().enumerate().take(4).skip(2) {
            if !seen[i] {
                return Err(de::Error::missing_field(field));
            }
        }
        Ok(())
    }
}

/// The `projects` array, a project handed over as each is read.
struct Projects<'s, 't>(&'s mut State<'t>);

impl<'de> DeserializeSeed<'de> for Projects<'_, '_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for Projects<'_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a sequence")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some(p) = seq.next_element::<Project>()? {
            self.0.give(Piece::Project(Box::new(p)))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn streamed(bytes: &[u8]) -> Result<Vec<Piece>, Problem> {
        let once = read_with(bytes, false);
        assert_eq!(once, read_with(bytes, true), "read once and rereadable");
        once
    }

    fn read_with(bytes: &[u8], rereadable: bool) -> Result<Vec<Piece>, Problem> {
        let mut pieces = Vec::new();
        let mut take = |p| {
            pieces.push(p);
            true
        };
        let read = if rereadable {
            read_pieces_rereadable(bytes, || Ok(bytes), &mut take)
        } else {
            read_pieces(bytes, &mut take)
        };
        match read {
            Ok(Ended::Whole) => Ok(pieces),
            Ok(Ended::Stopped) => panic!("nobody stopped"),
            Err(Unread::Bad(p)) => Err(p),
            Err(Unread::Io(e)) => panic!("{e}"),
        }
    }

    fn export_2023() -> String {
        let doc = crate::seed::plan_2023("2023-01-01T00:00:00+08:00", "test");
        super::super::json::write(&doc)
    }

    #[test]
    fn a_sound_file_gives_the_pieces_of_its_document() {
        let doc = crate::seed::plan_2023("2023-01-01T00:00:00+08:00", "test");
        let text = super::super::json::write(&doc);
        let pieces = streamed(text.as_bytes()).unwrap();
        assert_eq!(pieces, doc.into_pieces().collect::<Vec<_>>());
        // With a byte-order mark too.
        let bom = [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat();
        assert!(streamed(&bom).is_ok());
    }

    /// Every kind of bad file is named exactly as the whole-document reader
    /// names it: the same path, line, column and words.
    #[test]
    fn bad_files_are_said_as_the_whole_reader_says_them() {
        let good = export_2023();
        let (gbk, _, _) = encoding_rs::GBK.encode(&good);
        let utf16: Vec<u8> = good.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let deep = good.replacen("\"title\"", "\"titel\"", 5);
        let cases: Vec<(&str, Vec<u8>)> = vec![
            ("trailing text", format!("{good} garbage").into_bytes()),
            (
                "newer",
                good.replace("\"format_version\": 1", "\"format_version\": 9")
                    .into_bytes(),
            ),
            (
                "newer, new field",
                good.replace("\"format_version\": 1,", "\"format_version\": 9, \"x\": 1,")
                    .into_bytes(),
            ),
            (
                "not ours",
                good.replace("\"plan-cockpit\"", "\"other\"").into_bytes(),
            ),
            ("unknown field deep", deep.into_bytes()),
            (
                "wrong type",
                good.replacen("\"id\": 1,", "\"id\": \"1\",", 1)
                    .into_bytes(),
            ),
            ("truncated", good.as_bytes()[..good.len() / 2].to_vec()),
            ("array", b"[1, 2]".to_vec()),
            ("empty", Vec::new()),
            ("gbk", gbk.into_owned()),
            ("utf16", utf16),
            (
                "no format",
                good.replacen("\"format\": \"plan-cockpit\",", "", 1)
                    .into_bytes(),
            ),
            (
                "no plan",
                b"{\"format\": \"plan-cockpit\", \"format_version\": 1, \"directions\": []}"
                    .to_vec(),
            ),
            (
                "twice",
                good.replacen(
                    "\"format_version\": 1,",
                    "\"format_version\": 1, \"format_version\": 1,",
                    1,
                )
                .into_bytes(),
            ),
            (
                "another kind of JSON",
                b"{\"name\": \"x\", \"items\": [1]}".to_vec(),
            ),
            (
                "projects null",
                good.replacen("\"projects\": [", "\"projects\": null, \"x\": [", 1)
                    .into_bytes(),
            ),
        ];
        for (what, bytes) in cases {
            let whole = super::super::json::read(&bytes).expect_err(what);
            let mut stream = streamed(&bytes).expect_err(what);
            // serde_json's stream reader counts the column one past the
            // slice reader for a field name (after its closing quote).
            if let (Issue::Json(s), Issue::Json(w)) = (&mut stream.issue, &whole.issue)
                && s.column == w.column + 1
            {
                s.column = w.column;
            }
            // Reading a project at a time, a cut file is placed deeper than
            // the whole reader can (`projects[21].milestones[1]`, not
            // `projects`).
            if what == "truncated" {
                assert!(stream.path.starts_with(&whole.path), "{stream:?}");
                assert!(stream.path.len() > whole.path.len(), "{stream:?}");
                stream.path.clone_from(&whole.path);
                // Same fault at the same place; serde words the end by the
                // value it was in ("an object", "a value"), which a reader
                // a project at a time sees one level down.
                if let (Issue::Json(s), Issue::Json(w)) = (&mut stream.issue, &whole.issue) {
                    assert_eq!((&s.what, s.line, s.column), (&w.what, w.line, w.column));
                    s.detail.clone_from(&w.detail);
                }
            }
            assert_eq!(stream, whole, "{what}");
        }
    }

    #[test]
    fn the_receiver_can_stop_the_reading() {
        let text = export_2023();
        let mut n = 0;
        let ended = read_pieces(text.as_bytes(), &mut |_| {
            n += 1;
            n < 3
        });
        assert!(matches!(ended, Ok(Ended::Stopped)));
        assert_eq!(n, 3);
    }
}
