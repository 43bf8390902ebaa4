fn main() -> std::process::ExitCode {
    deskcoll::cli::main()
}
