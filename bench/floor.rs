//! The floor issue 7 measures against: a Rust program that only reads both files and splits
//! them into lines and words, as any comparison of them must at least do. `bench/scale.sh`
//! times it beside accord (`cargo build --release --example floor`).

fn main() {
    let mut lines = 0usize;
    let mut words = 0usize;
    for path in std::env::args_os().skip(1) {
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(err) => {
                eprintln!("floor: {}: {err}", path.to_string_lossy());
                std::process::exit(2);
            }
        };
        for line in text.lines() {
            lines += 1;
            words += line.split_whitespace().count();
        }
    }
    // Printed, so the work cannot be optimised away.
    println!("{lines} lines, {words} words");
}
