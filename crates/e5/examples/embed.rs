//! Embeds texts and prints each one's time and first components:
//! `cargo run --release -p passerelle-e5 --example embed -- DIR query|passage TEXT...`
fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let dir = args.next().ok_or("the model's directory")?;
    let role = match args.next().as_deref() {
        Some("query") => passerelle_e5::Role::Query,
        _ => passerelle_e5::Role::Passage,
    };
    let started = std::time::Instant::now();
    let model = passerelle_e5::Embedder::open(std::path::Path::new(&dir))?;
    println!("loaded in {:?}", started.elapsed());
    for text in args {
        let started = std::time::Instant::now();
        let v = model.embed(&text, role);
        println!("{:?} {:?} {text}", started.elapsed(), &v[..4]);
    }
    Ok(())
}
