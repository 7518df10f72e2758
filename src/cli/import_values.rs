//! `plan-cockpit import-values FILE.csv|FILE.xlsx`: a tracking sheet
//! exported with `export --format csv` or `report --format xlsx`, edited in
//! Excel or WPS, applied back as ordinary edits (version-checked, with
//! history, the day's reading). Only cells the planner changed count (each
//! row's mark says what was exported); a row edited in the sheet and
//! changed in the database since is a conflict: reported, never applied,
//! and the exit code is 1. A sheet of another plan, or one that cannot be
//! read wholly, is refused with the cell named, and nothing changes.

use super::commands::{Context, open_plan};
use super::sheet_plan::{Step, plan};
use super::{Failure, Outcome, output};
use crate::domain::refusal::Refusal;
use crate::domain::sheet::SheetFault;
use crate::domain::text::for_terminal;
use crate::domain::typed_forms::parse_day;
use crate::store::Error;
use std::path::Path;
use std::path::PathBuf;

/// `import-values FILE`: its flags.
#[derive(Debug, clap::Args)]
pub struct ImportValuesArgs {
    /// The sheet, edited.
    pub file: PathBuf,
    /// List what would change, change nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// The day the values were true [default: today].
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub as_of: Option<String>,
}

/// Sheets larger than this are not tracking sheets of a plan.
const MAX_SHEET_BYTES: u64 = 256 * 1024 * 1024;

/// `import-values FILE [--dry-run] [--as-of DAY]`.
pub fn run(ctx: &Context, args: &ImportValuesArgs) -> Outcome {
    apply(ctx, &args.file, args.dry_run, args.as_of.as_deref())
}

fn apply(ctx: &Context, file: &Path, dry_run: bool, as_of: Option<&str>) -> Outcome {
    let lang = ctx.lang;
    let fault = |f: SheetFault| Failure::Input(lang.sheet_fault(file, &f));
    // The forms a planner writes (2023/9/30, 9月30日), a day without a
    // year in this year.
    let this_year = ctx.clock.today().year();
    let as_of = as_of
        .map(|d| parse_day(d, this_year))
        .transpose()
        .map_err(|e| Failure::Input(lang.bad_flag("as-of", &e)))?;
    let bytes = read_sheet(ctx, file)?;
    // A workbook is a zip; anything else is read as CSV. A workbook's
    // values were true on its 截至日期, unless --as-of says otherwise.
    let workbook = bytes.starts_with(b"PK");
    let as_of = as_of.or_else(|| {
        workbook
            .then(|| crate::formats::values::workbook_as_of(&bytes))
            .flatten()
    });
    let today = ctx.clock.today();
    if let Some(day) = as_of.filter(|d| *d > today) {
        let refusal = Refusal::AsOfInFuture { day, today };
        return Err(Failure::Input(lang.bad_flag("as-of", &refusal)));
    }
    let rows = if workbook {
        crate::formats::values::read_xlsx(&bytes)
    } else {
        crate::formats::values::read_csv(&bytes)
    }
    .map_err(fault)?;
    drop(bytes);
    let mut store = open_plan(ctx, !dry_run)?;
    let identity = store.plan_now()?.map(|p| p.identity).unwrap_or_default();
    // Everything is read and checked before anything is written.
    let steps = plan(&store, &rows, &identity, as_of, today).map_err(fault)?;
    let mut said = String::new();
    let (mut applied, mut conflicts) = (0usize, 0usize);
    for step in steps {
        match step {
            Step::Clash(c) => {
                conflicts += 1;
                said.push_str(&lang.sheet_clash(&c, &ctx.clock));
            }
            Step::Edit(e) => {
                if !dry_run && !e.change.is_empty() {
                    match store.update_milestone(e.id, Some(e.version), e.change.clone(), "sheet") {
                        Ok(_) => {}
                        Err(Error::Conflict(c)) => {
                            conflicts += 1;
                            said.push_str(&lang.sheet_clash(&e.clash((c.by, c.at)), &ctx.clock));
                            continue;
                        }
                        Err(e) => return Err(e.into()),
                    }
                }
                if !e.change.is_empty() {
                    applied += 1;
                }
                said.push_str(&lang.sheet_edit(&e));
            }
        }
    }
    said.push_str(&lang.sheet_summary(applied, conflicts, dry_run));
    said.push('\n');
    output::stdout(lang, &for_terminal(&said, true))?;
    if conflicts > 0 {
        // Said above, row by row: the exit code tells a script.
        return Err(Failure::Quiet(super::EXIT_CHANGED));
    }
    Ok(())
}

/// The file's bytes, within the size a sheet can have; the plan database
/// itself (or any SQLite file) is refused by name, before it is opened: a
/// descriptor of the open database closed here would drop this process's
/// locks on it.
pub(super) fn read_sheet(ctx: &Context, file: &Path) -> Result<Vec<u8>, Failure> {
    let lang = ctx.lang;
    if let Err(r) = crate::store::refuse_as_output(file, ctx.db.path())
        && !matches!(r, crate::files::Refusal::NotWritable)
    {
        return Err(Failure::Input(lang.sheet_fault(
            file,
            &SheetFault::Unreadable {
                why: lang.not_a_sheet(&r),
            },
        )));
    }
    let size = std::fs::metadata(file)
        .map_err(|e| Failure::Input(lang.file_failed(file, &e)))?
        .len();
    if size > MAX_SHEET_BYTES {
        return Err(Failure::Input(lang.sheet_fault(
            file,
            &SheetFault::TooLarge {
                bytes: size,
                limit: MAX_SHEET_BYTES,
            },
        )));
    }
    std::fs::read(file).map_err(|e| Failure::Input(lang.file_failed(file, &e)))
}
