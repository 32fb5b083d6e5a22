//! The `vigia` binary; everything is in the library beside it.

#![forbid(unsafe_code)]

// glibc's allocator spent a fifth of the analysis threads' time merging free chunks.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    vigia::main()
}
