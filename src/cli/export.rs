//! `export`: the whole plan as JSON, CSV or Markdown, written as it is
//! read.

use super::Outcome;
use super::commands::{Context, open_plan};
use super::output;
use super::progress::Progress;
use crate::domain::text::for_terminal;
use crate::formats;
use crate::i18n::Lang;
use crate::store;
use std::path::Path;
use std::path::PathBuf;

/// `export --format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Json,
    Csv,
    Markdown,
}

/// `export`: its flags.
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// The format [default: from -o's extension, else json].
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Write to this file instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// What `-o NAME.EXT` asks for without `--format`; the first is the default.
pub const BY_EXTENSION: [(&str, Format); 4] = [
    ("json", Format::Json),
    ("csv", Format::Csv),
    ("md", Format::Markdown),
    ("markdown", Format::Markdown),
];

/// `export [--format F] [-o FILE]`: the format from `--format`, else from
/// the file's extension.
pub fn run(ctx: &Context, args: &ExportArgs) -> Outcome {
    let output = args.output.as_deref();
    let format = super::output::pick_format(ctx.lang, args.format, output, &BY_EXTENSION)?;
    export(ctx, format, output)
}

pub fn export(ctx: &Context, format: Format, dest: Option<&Path>) -> Outcome {
    let store = open_plan(ctx, false)?;
    export_streamed(ctx, &store, format, dest)
}

/// Every format written as the plan is read, a project at a time: the
/// export of a city-sized plan holds one project in memory, not the plan.
/// A file is written under a temporary name and renamed only when whole;
/// a read that fails half-way leaves no file (on stdout, what was written
/// stays written, and the exit code says it failed).
fn export_streamed(
    ctx: &Context,
    store: &store::Store,
    format: Format,
    dest: Option<&Path>,
) -> Outcome {
    let head = store.plan_head()?;
    // Sheets carry the plan's identity, so that one edited and sent back
    // is never applied to another plan.
    let plan = store.plan_now()?.map(|p| p.identity).unwrap_or_default();
    let mut stream = store.projects_in_order()?;
    let count = stream.len();
    let (outline, milestones) = if format == Format::Markdown {
        (store.project_outline()?, store.milestone_total()?)
    } else {
        (Vec::new(), 0)
    };
    let mut failed: Option<store::Error> = None;
    let lang = ctx.lang;
    let progress = Progress::beside_stdout(dest.is_none()).then(|| {
        Progress::counting(
            lang,
            ctx.ascii,
            lang.progress_making(&lang.progress_export()),
            Lang::progress_projects,
            u64::try_from(count).ok(),
        )
    });
    let fill = |w: &mut dyn std::io::Write| -> std::io::Result<()> {
        let next = || match stream.next_project() {
            Ok(p) => {
                if let (Some(progress), Some(_)) = (&progress, &p) {
                    progress.inc(1);
                }
                p
            }
            Err(e) => {
                failed = Some(e);
                None
            }
        };
        // Stored text is clean already; the filter guards the way out anyway.
        let clean = |w| {
            formats::filtered::Filtered::new(
                w,
                |s: &str| formats::filtered::may_be_unsafe(s) || s.contains('\t'),
                |s: &str| for_terminal(s, true),
            )
        };
        match format {
            Format::Json => formats::json::write_streamed(&head, count, next, w)?,
            Format::Csv => {
                w.write_all(formats::csv::BOM.as_bytes())?;
                let mut out = clean(w);
                formats::csv::write_streamed(&head, &plan, next, lang, &mut out)
                    .map_err(std::io::Error::from)?;
                out.finish()?;
            }
            Format::Markdown => {
                let mut out = clean(w);
                let project_of = |id| match store.project_doc(id) {
                    Ok(p) => {
                        if let Some(progress) = &progress {
                            progress.inc(1);
                        }
                        Some(p)
                    }
                    Err(e) => {
                        failed = Some(e);
                        None
                    }
                };
                formats::markdown::write_streamed(
                    &head, milestones, &outline, project_of, lang, &mut out,
                )?;
                out.finish()?;
            }
        }
        // A read that failed ended the projects early: the file must not
        // take the export's name.
        if failed.is_some() {
            return Err(std::io::Error::other("reading the plan failed"));
        }
        Ok(())
    };
    let written = match dest {
        Some(path) => output::file_with(lang, path, ctx.db.path(), fill),
        None => output::stdout_with(lang, fill),
    };
    match failed {
        Some(e) => Err(e.into()),
        None => written,
    }
}
