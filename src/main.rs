use clap::Parser;

fn main() {
    let cli = idlint::cli::Cli::parse();
    std::process::exit(idlint::cli::run(cli));
}
