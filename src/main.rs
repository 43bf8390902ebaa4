#![forbid(unsafe_code)]
fn main() -> std::process::ExitCode {
    deskcoll::cli::main()
}
