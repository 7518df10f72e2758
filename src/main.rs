#![forbid(unsafe_code)]

fn main() -> std::process::ExitCode {
    plan_cockpit::cli::main()
}
