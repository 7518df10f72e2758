//! What a shell and `man` need, made from the one clap definition of the
//! command line: completions (clap_complete) and the manual page
//! (clap_mangen), written to standard output for a package or an
//! administrator to install (see the README's Install section).

use super::args::Cli;
use super::{Failure, Outcome};
use crate::i18n::Lang;
use clap::CommandFactory;
use std::io::Write;

/// `plan-cockpit completions SHELL`.
pub fn completions(lang: Lang, shell: clap_complete::Shell) -> Outcome {
    let mut command = Cli::command();
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut command, "plan-cockpit", &mut out);
    if shell == clap_complete::Shell::Bash {
        // clap_complete 4.6 names a hyphenated program's subcommands two
        // ways in its bash script (`plan__cockpit__subcmd__plan` where it
        // walks the words, `plan__subcmd__cockpit__subcmd__plan` where it
        // lists their options), so `plan-cockpit plan <Tab>` offered
        // nothing; one spelling makes them meet (the test completes both).
        out = String::from_utf8_lossy(&out)
            .replace("plan__subcmd__cockpit", "plan__cockpit")
            .into_bytes();
    }
    write(lang, &out)
}

/// `plan-cockpit man`: section 1, the commands and every option.
pub fn man(lang: Lang) -> Outcome {
    let command = Cli::command();
    let mut out = Vec::new();
    clap_mangen::Man::new(command)
        .render(&mut out)
        .map_err(|e| Failure::Other(e.to_string()))?;
    write(lang, &out)
}

fn write(lang: Lang, bytes: &[u8]) -> Outcome {
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
        // `… | head`: the reader has what it wanted.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Failure::Other(lang.stdout_failed(&e))),
        Ok(()) => Ok(()),
    }
}
