//! The `vigia` binary; everything is in the library beside it.

fn main() -> std::process::ExitCode {
    vigia::main()
}
