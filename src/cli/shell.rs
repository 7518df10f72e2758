//! What a shell and `man` need, made from the one clap definition of the
//! command line: completions (clap_complete) and the manual page
//! (clap_mangen), written to standard output for a package or an
//! administrator to install (see the README's Install section).

use super::args::Cli;
use super::{Failure, Outcome, output};
use crate::i18n::Lang;
use clap::CommandFactory;

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
    output::stdout_with(lang, |w| w.write_all(&out))
}

/// `plan-cockpit man`: section 1, the commands and every option.
pub fn man(lang: Lang) -> Outcome {
    let command = Cli::command();
    let mut out = Vec::new();
    clap_mangen::Man::new(command)
        .render(&mut out)
        .map_err(|e| Failure::Other(e.to_string()))?;
    output::stdout_with(lang, |w| w.write_all(&out))
}
