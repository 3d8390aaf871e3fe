//! The `passerelle` command line: serve, migrate, load the demo network, add accounts.
//! Each command builds an [`App`] and calls its methods, like the web layer does.

use clap::Parser;

mod args;
use args::*;

use crate::app::language::glossary_io::GlossaryFormat;
use crate::app::{App, Format, ImportOptions, NewAccount};
use crate::config::Config;
use crate::domain::{Actor, Locale};

/// Parses the command line and runs the command.
pub fn run() -> anyhow::Result<()> {
    let cli = Cli::parse();
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("PASSERELLE_LOG")
                .unwrap_or_else(|_| "info,sqlx=warn".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    let config = Config::resolve(cli.settings, Some(&cli.config))?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    // Changes made by a command are marked as such in the audit log (the server's requests
    // mark their own, per client).
    runtime
        .block_on(crate::app::ORIGIN.scope("command line".to_owned(), execute(cli.command, config)))
}

/// Copies a checked backup into an empty data directory, then brings it to this version's
/// schema; the search index is built again at the next start.
async fn restore(file: &std::path::Path, config: Config) -> anyhow::Result<()> {
    if config.database_url.is_some() {
        anyhow::bail!(
            "restore is for the embedded SQLite database; with PostgreSQL, use pg_restore (see the README)"
        );
    }
    let target = config.data_dir.join("passerelle.db");
    let leftovers = ["passerelle.db-wal", "passerelle.db-shm"].map(|f| config.data_dir.join(f));
    if target.exists() || leftovers.iter().any(|f| f.exists()) {
        anyhow::bail!(
            "{} holds a database already: restore into an empty data directory",
            config.data_dir.display()
        );
    }
    App::check_backup(file).await?;
    std::fs::create_dir_all(&config.data_dir)?;
    std::fs::copy(file, &target)
        .map_err(|e| anyhow::anyhow!("copying {} failed: {e}", file.display()))?;
    if let Err(e) = App::new(config).await {
        // Leave the directory as it was: empty.
        let _ = std::fs::remove_file(&target);
        return Err(e);
    }
    println!("Restored {} into {}.", file.display(), target.display());
    Ok(())
}

fn unreachable_restore() -> anyhow::Result<()> {
    anyhow::bail!("restore runs before the database is opened")
}

async fn execute(command: Command, mut config: Config) -> anyhow::Result<()> {
    // Bind before building the app, so that a port chosen by the system (`--bind 127.0.0.1:0`)
    // is the one invitation links carry when no base URL was given.
    let listener = match command {
        Command::Serve { .. } => {
            let listener = tokio::net::TcpListener::bind(config.bind).await?;
            let addr = listener.local_addr()?;
            if config.base_url == format!("http://{}", config.bind) {
                config.base_url = format!("http://{addr}");
            }
            config.bind = addr;
            Some(listener)
        }
        _ => None,
    };
    if let Command::Restore { file } = &command {
        return restore(file, config).await;
    }
    let app = App::new(config).await?;
    app.seed_glossary().await?;
    match command {
        Command::Serve { demo, lexicon } => {
            let listener = listener.ok_or_else(|| anyhow::anyhow!("no listener"))?;
            if demo {
                let report = app.load_demo().await?;
                tracing::info!(?report, "demo network loaded");
            }
            match lexicon {
                Some(file) if app.lexicon_size().await? == 0 && file.is_file() => {
                    let report = app
                        .import_lexicon(&Actor::System, &file, false, &|_, _| {})
                        .await?;
                    if !report.written {
                        anyhow::bail!(
                            "the lexicon {} has {} problem(s); check it with passerelle lexicon import --dry-run",
                            file.display(),
                            report.problem_count
                        );
                    }
                    tracing::info!(
                        translations = report.records - report.skipped,
                        words = report.words,
                        "lexicon imported"
                    );
                }
                Some(file) if !file.is_file() => {
                    tracing::warn!(file = %file.display(), "no lexicon file (build it with scripts/lexicon/fetch)");
                }
                _ => {}
            }
            let size = app.lexicon_size().await?;
            if size == 0 {
                tracing::warn!(
                    "the lexicon is empty: search stays within each language until one is imported \
                     (scripts/lexicon/fetch, then passerelle lexicon import FILE)"
                );
            } else {
                tracing::info!(translations = size, "lexicon in use");
            }
            app.open_search().await?;
            let addr = listener.local_addr()?;
            println!("Passerelle is running on http://{addr}/");
            if demo {
                println!("Demo accounts (e-mail / password / role):");
                for (email, password, role, org) in crate::app::DEMO_ACCOUNTS {
                    println!(
                        "  {email:40} {password:24} {}{}",
                        role.as_str(),
                        org.map(|o| format!(" of {o}")).unwrap_or_default()
                    );
                }
            }
            crate::web::serve(app, listener).await
        }
        Command::Migrate => {
            println!("Database is up to date.");
            Ok(())
        }
        Command::Backup { file } => {
            if file.exists() {
                anyhow::bail!("{} exists already; name a new file", file.display());
            }
            app.backup(&file).await?;
            let size = std::fs::metadata(&file).map(|m| m.len()).unwrap_or(0);
            println!(
                "Backup written to {} ({size} bytes): the database with every attached file. \
                 Restore it with `passerelle restore {}` into an empty data directory.",
                file.display(),
                file.display()
            );
            Ok(())
        }
        Command::Restore { .. } => unreachable_restore(),
        Command::DemoData {
            generate_organisations,
        } => {
            let report = app.load_demo().await?;
            println!(
                "Demo network loaded: {} organisations, {} people, {} accounts, {} practices, {} placements, {} visits, {} calls added.",
                report.organisations,
                report.people,
                report.accounts,
                report.practices,
                report.placements,
                report.visits,
                report.calls
            );
            if generate_organisations > 0 {
                let n = app.generate_organisations(generate_organisations).await?;
                println!("Generated {n} organisations.");
            }
            Ok(())
        }
        Command::Import {
            what:
                ImportCommand::Practices {
                    file,
                    dry_run,
                    publish,
                    format,
                },
        } => {
            let format = Format::parse(format.as_deref().unwrap_or(&file.to_string_lossy()))
                .ok_or_else(|| anyhow::anyhow!("say --format jsonl or --format csv"))?;
            let unreadable =
                |e: std::io::Error| anyhow::anyhow!("reading {} failed: {e}", file.display());
            let meta = std::fs::metadata(&file).map_err(unreadable)?;
            // The import reads its file twice; a pipe (`/dev/stdin`) is copied to a file first.
            let copy = if meta.is_file() {
                None
            } else {
                let dir = app.config().data_dir.join("uploads");
                std::fs::create_dir_all(&dir)?;
                let mut copy = tempfile::NamedTempFile::new_in(&dir)?;
                std::io::copy(
                    &mut std::fs::File::open(&file).map_err(unreadable)?,
                    &mut copy,
                )?;
                Some(copy.into_temp_path())
            };
            let path = copy.as_deref().unwrap_or(file.as_path());
            let bar = std::sync::OnceLock::<indicatif::ProgressBar>::new();
            let progress = |done: u64, total: u64| {
                // A progress bar only for files of a few thousand practices and more (bytes of
                // both passes: checking, then writing).
                if total >= 16 * 1024 * 1024 {
                    let bar = bar.get_or_init(|| indicatif::ProgressBar::new(total));
                    bar.set_position(done);
                }
            };
            let report = app
                .import_practices(
                    &Actor::System,
                    path,
                    format,
                    ImportOptions { dry_run, publish },
                    &progress,
                )
                .await
                .map_err(|e| match e {
                    crate::app::Error::Conflict(key) => {
                        anyhow::anyhow!(crate::i18n::t(Locale::En, key))
                    }
                    e => e.into(),
                })?;
            finish(&bar, &report.problems);
            for w in &report.warnings {
                eprintln!(
                    "line {}: note: {}",
                    w.line,
                    crate::i18n::field_error(Locale::En, &w.field, &w.error)
                );
            }
            if report.problem_count > report.problems.len() {
                eprintln!("(the first {} problems are listed)", report.problems.len());
            }
            if report.problem_count > 0 {
                anyhow::bail!(
                    "{} problem(s) in {} record(s); nothing was written",
                    report.problem_count,
                    report.records
                );
            }
            let verb = if report.written {
                "written"
            } else {
                "checked (dry run, nothing written)"
            };
            println!(
                "{} records {verb}: {} new, {} updated, {} new cities.",
                report.records, report.created, report.updated, report.cities_created
            );
            Ok(())
        }
        Command::Export {
            what: ExportCommand::Practices { format, output },
        } => {
            let format = Format::parse(&format)
                .ok_or_else(|| anyhow::anyhow!("--format is jsonl or csv"))?;
            match output {
                // Written beside the file (a new file only its owner reads: a system export holds
                // drafts), then renamed: a failed export leaves no half file. A target that is not
                // a regular file (a pipe, /dev/stdout) is written directly.
                Some(path) if std::fs::metadata(&path).is_ok_and(|m| !m.is_file()) => {
                    let file = tokio::fs::OpenOptions::new()
                        .write(true)
                        .open(&path)
                        .await?;
                    let mut out = tokio::io::BufWriter::new(file);
                    app.export_practices(&Actor::System, format, &mut out)
                        .await?;
                }
                Some(path) => {
                    let part = std::path::PathBuf::from(format!("{}.part", path.display()));
                    let mut options = std::fs::OpenOptions::new();
                    options.write(true).create_new(true);
                    #[cfg(unix)]
                    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
                    let file = options.open(&part).map_err(|e| {
                        anyhow::anyhow!(
                            "{} cannot be created ({e}); remove it if an export stopped",
                            part.display()
                        )
                    })?;
                    let written = async {
                        let mut out = tokio::io::BufWriter::new(tokio::fs::File::from_std(file));
                        app.export_practices(&Actor::System, format, &mut out)
                            .await?;
                        out.into_inner().sync_all().await?;
                        std::fs::rename(&part, &path)?;
                        anyhow::Ok(())
                    }
                    .await;
                    if written.is_err() {
                        let _ = std::fs::remove_file(&part);
                    }
                    written?;
                }
                None => {
                    let mut out = tokio::io::BufWriter::new(tokio::io::stdout());
                    app.export_practices(&Actor::System, format, &mut out)
                        .await?;
                }
            }
            Ok(())
        }
        Command::Lexicon {
            command: LexiconCommand::Import { file, dry_run },
        } => {
            let bar = std::sync::OnceLock::<indicatif::ProgressBar>::new();
            let progress = |done: u64, total: u64| {
                let bar = bar.get_or_init(|| indicatif::ProgressBar::new(total));
                bar.set_position(done);
            };
            let report = app
                .import_lexicon(&Actor::System, &file, dry_run, &progress)
                .await?;
            finish(&bar, &report.problems);
            if report.problem_count > 0 {
                anyhow::bail!(
                    "{} problem(s){}; nothing was written",
                    report.problem_count,
                    if report.problem_count > report.problems.len() {
                        format!(" (the first {} are listed)", report.problems.len())
                    } else {
                        String::new()
                    }
                );
            }
            let verb = if report.written {
                "written"
            } else {
                "checked (dry run, nothing written)"
            };
            println!(
                "{} translations and {} words of word lists {verb}; {} translations left out (stop words or several words, which no search looks up).",
                report.records - report.skipped,
                report.words,
                report.skipped
            );
            if report.written && report.words > 0 {
                println!(
                    "Servers split German compounds with the new word list from their next start (each rebuilds its index then)."
                );
            }
            Ok(())
        }
        Command::Lexicon {
            command: LexiconCommand::Status,
        } => {
            println!(
                "{} translations and {} words of word lists in the lexicon.",
                app.lexicon_size().await?,
                app.lexicon_word_count().await?
            );
            Ok(())
        }
        Command::Reindex => {
            let dir = app.config().data_dir.join("index");
            let started = std::time::Instant::now();
            let bar = indicatif::ProgressBar::new(0);
            app.open_search_empty().await?;
            let n = app
                .reindex(&|done, total| {
                    bar.set_length(total as u64);
                    bar.set_position(done as u64);
                })
                .await?;
            bar.finish_and_clear();
            println!(
                "Indexed {n} documents into {} in {:.1} s.",
                dir.display(),
                started.elapsed().as_secs_f64()
            );
            Ok(())
        }
        Command::Glossary {
            command:
                GlossaryCommand::Import {
                    file,
                    format,
                    dry_run,
                },
        } => {
            let format =
                GlossaryFormat::parse(format.as_deref().unwrap_or(&file.to_string_lossy()))
                    .ok_or_else(|| anyhow::anyhow!("say --format csv or --format skos"))?;
            let text = std::fs::read_to_string(&file)
                .map_err(|e| anyhow::anyhow!("reading {} failed: {e}", file.display()))?;
            let report = app
                .import_glossary(&Actor::System, &text, format, dry_run)
                .await?;
            for p in &report.problems {
                eprintln!(
                    "{} {}: {}",
                    if format == GlossaryFormat::Csv {
                        "line"
                    } else {
                        "concept"
                    },
                    p.line,
                    crate::i18n::field_error(Locale::En, &p.field, &p.error)
                );
            }
            if !report.problems.is_empty() {
                anyhow::bail!("{} problem(s); nothing was written", report.problems.len());
            }
            let verb = if report.written {
                "written"
            } else {
                "checked (dry run, nothing written)"
            };
            println!(
                "{} concepts {verb}: {} new, {} replaced.",
                report.records, report.created, report.updated
            );
            Ok(())
        }
        Command::Glossary {
            command: GlossaryCommand::Export { format, output },
        } => {
            let format = GlossaryFormat::parse(&format)
                .ok_or_else(|| anyhow::anyhow!("--format is csv or skos"))?;
            let text = app.export_glossary(format).await?;
            match output {
                Some(path) => std::fs::write(path, text)?,
                None => print!("{text}"),
            }
            Ok(())
        }
        Command::Admin {
            command:
                AdminCommand::AddUser {
                    email,
                    role,
                    organisation,
                    invite,
                },
        } => {
            match app
                .add_user(&email, &role, organisation.as_deref(), invite)
                .await
            {
                Ok(NewAccount::Password(p)) => println!(
                    "Account {email} created. One-time password: {p}\nChange it after signing in."
                ),
                Ok(NewAccount::Invitation(link)) => {
                    println!("Invitation for {email} (valid 7 days): {link}")
                }
                Err(crate::app::Error::Invalid(errors)) => {
                    for (field, e) in errors.iter() {
                        eprintln!(
                            "{}",
                            crate::i18n::field_error(crate::domain::Locale::En, field, e)
                        );
                    }
                    anyhow::bail!("the account was not created");
                }
                Err(e) => return Err(e.into()),
            }
            Ok(())
        }
        Command::Admin {
            command: AdminCommand::Erase { email },
        } => {
            let target = crate::app::Erasure::Email(email.clone());
            match app.erase(&Actor::System, &target, &email).await {
                Ok(done) => println!(
                    "Erased {email}: the account is now {}; directory entries removed: {}.",
                    done.account.as_deref().unwrap_or("-"),
                    done.people_removed
                ),
                Err(crate::app::Error::NotFound) => {
                    anyhow::bail!("no account with the address {email} (or it was erased already)")
                }
                Err(crate::app::Error::Invalid(errors)) => anyhow::bail!(
                    "{}",
                    errors
                        .iter()
                        .map(|(field, e)| crate::i18n::field_error(Locale::En, field, e))
                        .collect::<Vec<_>>()
                        .join("; ")
                ),
                Err(e) => return Err(e.into()),
            }
            Ok(())
        }
    }
}

/// Clears an import's progress bar, if it was shown, and prints the problems listed, a line each.
fn finish(
    bar: &std::sync::OnceLock<indicatif::ProgressBar>,
    problems: &[crate::app::ImportProblem],
) {
    if let Some(bar) = bar.get() {
        bar.finish_and_clear();
    }
    for p in problems {
        eprintln!(
            "line {}: {}",
            p.line,
            crate::i18n::field_error(Locale::En, &p.field, &p.error)
        );
    }
}
