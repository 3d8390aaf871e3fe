fn main() -> anyhow::Result<()> {
    passerelle::cli::run()
}
