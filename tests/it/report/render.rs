//! The Word and Excel reports as LibreOffice lays them out: both convert,
//! the 2023 plan's weekly report stays within 6 pages (it was 21 before
//! the tables were set in 9 pt with rows that may split, 13 before they
//! shared the page by their headings' widths) and its 领导版 is one page.
//! Skipped, with a message, where LibreOffice (or its Writer) is not
//! installed.

use super::{NOW, autumn, report_file};
use std::path::Path;
use std::process::Command;

/// Pages of a PDF: its page objects (`/Type /Page`, not `/Pages`).
fn pages(pdf: &[u8]) -> usize {
    let mut n = 0;
    for pat in [&b"/Type/Page"[..], &b"/Type /Page"[..]] {
        n += pdf
            .windows(pat.len() + 1)
            .filter(|w| w.starts_with(pat) && w[pat.len()] != b's')
            .count();
    }
    n
}

/// The PDF LibreOffice makes of `file`, or None when it cannot.
fn converted(file: &Path, profile: &Path) -> Option<Vec<u8>> {
    let dir = file.parent()?;
    // Whatever it says, the PDF it leaves is the answer.
    Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args([
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
        ])
        .arg(dir)
        .arg(file)
        .output()
        .ok()?;
    std::fs::read(file.with_extension("pdf")).ok()
}

#[test]
fn libreoffice_lays_the_weekly_report_out_in_a_few_pages() {
    if Command::new("soffice").arg("--version").output().is_err() {
        eprintln!("skipped: LibreOffice (soffice) is not installed");
        return;
    }
    let sb = autumn();
    let profile = sb.path("lo-profile");
    let docx = report_file(&sb, NOW, "weekly.docx", &[]);
    let xlsx = report_file(&sb, NOW, "weekly.xlsx", &[]);
    let brief = report_file(&sb, NOW, "brief.docx", &["--summary"]);
    match converted(&docx, &profile) {
        None => eprintln!("skipped: this LibreOffice has no Writer to read .docx"),
        Some(pdf) => {
            let n = pages(&pdf);
            assert!((1..=6).contains(&n), "the weekly report in {n} pages");
            let brief = converted(&brief, &profile).expect("Writer read the report");
            assert_eq!(pages(&brief), 1, "the 领导版 on one page");
        }
    }
    match converted(&xlsx, &profile) {
        None => eprintln!("skipped: this LibreOffice has no Calc to read .xlsx"),
        Some(pdf) => assert!(pages(&pdf) >= 1, "the workbook prints"),
    }
}
