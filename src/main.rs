//! The `accord` binary: parse flags, run, map the outcome to diff(1)'s exit statuses.

mod cli;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    return_freed_memory_promptly();
    no_transparent_huge_pages();
    let cli = cli::Cli::parse();
    match cli::run(cli) {
        Ok(cli::Outcome::Clean) => ExitCode::from(0),
        Ok(cli::Outcome::Findings) => ExitCode::from(1),
        Err(err) => {
            // A reader that went away (`accord … | head`) is not an error worth a message.
            if cli::is_broken_pipe(&err) {
                return ExitCode::from(0);
            }
            let message = format!("{err:#}");
            eprintln!(
                "accord: {}",
                accord::report::terminal::sanitize(&message.replace('\n', " "))
            );
            ExitCode::from(2)
        }
    }
}

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc (v3) keeps freed memory for a second before giving it back to the system, and a
/// whole run on large versions takes about that long: the transient allocations of every
/// stage would add up in the peak, well above what is ever live at once. Ten milliseconds
/// (mimalloc v2's default) gives them back between stages, for some page faults on memory
/// reused after it was given back (the trade is measured in bench/runs/).
/// `MIMALLOC_PURGE_DELAY` in the environment still decides when set.
#[allow(unsafe_code)]
fn return_freed_memory_promptly() {
    /// `mi_option_purge_delay` in mimalloc.h, which the bindings leave unnamed.
    const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;
    // SAFETY: mi_option_set_default is not thread safe; it runs first thing in main, before
    // accord starts any thread, and only sets an integer in mimalloc's option table.
    unsafe { libmimalloc_sys::mi_option_set_default(PURGE_DELAY, 10) };
}

/// Transparent huge pages are zeroed 2 MiB at a time when first touched, and mimalloc asks for
/// them on its arenas; accord touches its memory once, for well under a second, and gives it
/// back as it goes (above), so the kernel time spent zeroing and splitting huge pages
/// outweighs what they save in TLB misses (measured in bench/runs/). The setting is this
/// process's own.
#[cfg(target_os = "linux")]
#[allow(unsafe_code)]
fn no_transparent_huge_pages() {
    // SAFETY: PR_SET_THP_DISABLE takes plain integers and changes only how the kernel backs
    // this process's memory; a kernel without it returns an error, which changes nothing.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

#[cfg(not(target_os = "linux"))]
fn no_transparent_huge_pages() {}
