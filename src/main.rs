//! The `passerelle` command. Errors are printed as one message with their causes, never as a
//! stack trace (even with `RUST_BACKTRACE` set), and the exit code is 1.

fn main() -> std::process::ExitCode {
    match passerelle::cli::run() {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("passerelle: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}
