//! The `accord` binary: parse flags, run, map the outcome to diff(1)'s exit statuses.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    return_freed_memory_promptly();
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

/// mimalloc (v3) keeps freed memory for a second before giving it back to the system, and
/// accord's whole run on two 50 MB versions takes about that long: the transient allocations
/// of every stage add up in the peak, some 60 MB above what is ever live at once. Ten
/// milliseconds (mimalloc v2's default) gives them back between stages: a tenth less peak
/// memory for large inputs, for a few tens of milliseconds of page faults on memory reused
/// after it was given back. `MIMALLOC_PURGE_DELAY` in the environment still decides when set.
#[allow(unsafe_code)]
fn return_freed_memory_promptly() {
    /// `mi_option_purge_delay` in mimalloc.h, which the bindings leave unnamed.
    const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;
    // SAFETY: mi_option_set_default is not thread safe; it runs first thing in main, before
    // accord starts any thread, and only sets an integer in mimalloc's option table.
    unsafe { libmimalloc_sys::mi_option_set_default(PURGE_DELAY, 10) };
}
