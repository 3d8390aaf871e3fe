//! Embeds texts and prints each one's time and first components:
//! `cargo run --release -p passerelle-e5 --example embed -- DIR query|passage TEXT...`
//! (`REPEAT=N`: embed each N times and print the median time)
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
    let repeat: usize = std::env::var("REPEAT")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(1);
    for text in args {
        let mut times = Vec::new();
        let mut v = Vec::new();
        for _ in 0..repeat.max(1) {
            let started = std::time::Instant::now();
            v = model.embed(&text, role);
            times.push(started.elapsed());
        }
        times.sort();
        println!("median {:?} {:?} {text}", times[times.len() / 2], &v[..4]);
    }
    Ok(())
}
