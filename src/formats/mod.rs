//! Writing and reading the plan outside the database: JSON (exact, for
//! machines and round trips), CSV (for spreadsheets), Markdown (for people),
//! and the reports an office hands in (Markdown, HTML, Word, Excel).

pub mod brief;
pub mod chart;
mod chart_font;
pub mod compare;
pub mod csv;
pub mod doc;
mod docx_parts;
pub mod filtered;
pub mod json;
pub mod json_stream;
pub mod ledger;
pub mod markdown;
pub mod report;
pub mod report_docx;
pub mod report_html;
pub mod report_xlsx;
pub mod utf8_watch;
pub mod values;
mod values_xlsx;
mod xlsx_print;
pub mod year_end;
