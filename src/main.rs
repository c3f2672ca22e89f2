//! The `accord` binary: parse flags, run, map the outcome to diff(1)'s exit statuses.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = accord::cli::Cli::parse();
    match accord::cli::run(cli) {
        Ok(accord::cli::Outcome::Clean) => ExitCode::from(0),
        Ok(accord::cli::Outcome::Findings) => ExitCode::from(1),
        Err(err) => {
            // A reader that went away (`accord … | head`) is not an error worth a message.
            if err
                .chain()
                .filter_map(|e| e.downcast_ref::<std::io::Error>())
                .any(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
            {
                return ExitCode::from(0);
            }
            let message = format!("{err:#}");
            eprintln!(
                "accord: {}",
                accord::report::term::sanitize(&message.replace('\n', " "))
            );
            ExitCode::from(2)
        }
    }
}

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
