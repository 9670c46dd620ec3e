#[tokio::main]
async fn main() -> std::process::ExitCode {
    match optag::cli::run().await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("optag: {err:#}");
            std::process::ExitCode::FAILURE
        }
    }
}
