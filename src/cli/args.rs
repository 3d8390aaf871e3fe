//! The command line's arguments: the commands and their options, as clap reads them.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::config::Settings;

/// Passerelle: the workspace of a cross-border network of cities and associations working with immigrants.
#[derive(Debug, Parser)]
#[command(name = "passerelle", version, about)]
pub(super) struct Cli {
    /// Configuration file (flags and environment win over it).
    #[arg(
        long,
        env = "PASSERELLE_CONFIG",
        default_value = "passerelle.toml",
        global = true
    )]
    pub(super) config: PathBuf,
    #[command(flatten)]
    pub(super) settings: Settings,
    #[command(subcommand)]
    pub(super) command: Command,
}

#[derive(Debug, Subcommand)]
pub(super) enum Command {
    /// Run the web server (pages and JSON API).
    Serve {
        /// Load the demo network (the four QuattroPole cities) and print the demo accounts.
        #[arg(long)]
        demo: bool,
        /// Import this lexicon file first when the lexicon is empty (what `scripts/lexicon/fetch`
        /// builds); a missing file is reported, and search then stays within each language.
        #[arg(long)]
        lexicon: Option<PathBuf>,
    },
    /// Apply database migrations and exit.
    Migrate,
    /// Write a consistent copy of the embedded SQLite database, every attached file included,
    /// while the server runs (PostgreSQL: use pg_dump, see the README).
    Backup {
        /// The file to write (it must not exist).
        file: PathBuf,
    },
    /// Restore a backup into an empty data directory (the search index is rebuilt at start).
    Restore {
        /// A file written by `passerelle backup`.
        file: PathBuf,
    },
    /// Load the demo network into the database (existing entries are kept).
    DemoData {
        /// Also generate this many organisations, for measurements.
        #[arg(long, default_value_t = 0)]
        generate_organisations: usize,
    },
    /// Import records from a file (checked whole first; written only if every line is good).
    Import {
        #[command(subcommand)]
        what: ImportCommand,
    },
    /// Export records to standard output or a file.
    Export {
        #[command(subcommand)]
        what: ExportCommand,
    },
    /// Rebuild this server's search index from the database (stop the server first).
    Reindex,
    /// Import or export the glossary.
    Glossary {
        #[command(subcommand)]
        command: GlossaryCommand,
    },
    /// The lexicon of the language bridge (translations of words between de, fr and en).
    Lexicon {
        #[command(subcommand)]
        command: LexiconCommand,
    },
    /// Administration of accounts.
    Admin {
        #[command(subcommand)]
        command: AdminCommand,
    },
}

#[derive(Debug, Subcommand)]
pub(super) enum ImportCommand {
    /// Good practices from JSON Lines (.jsonl) or CSV (.csv); see the README for the fields.
    Practices {
        /// The file.
        file: PathBuf,
        /// Check the file and report, without writing anything.
        #[arg(long)]
        dry_run: bool,
        /// Publish new practices at once instead of writing drafts.
        #[arg(long)]
        publish: bool,
        /// jsonl or csv [default: from the file name].
        #[arg(long)]
        format: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub(super) enum ExportCommand {
    /// Every good practice, in a form `import practices` reads back.
    Practices {
        /// jsonl or csv.
        #[arg(long, default_value = "jsonl")]
        format: String,
        /// Write to this file instead of standard output.
        #[arg(long)]
        output: Option<PathBuf>,
    },
}

#[derive(Debug, Subcommand)]
pub(super) enum GlossaryCommand {
    /// Import concepts from CSV or SKOS Turtle (checked whole first; existing keys replaced).
    Import {
        /// The file.
        file: PathBuf,
        /// csv or skos [default: from the file name, .csv or .ttl].
        #[arg(long)]
        format: Option<String>,
        /// Check the file and report, without writing anything.
        #[arg(long)]
        dry_run: bool,
    },
    /// Export every concept as CSV or SKOS Turtle.
    Export {
        /// csv or skos.
        #[arg(long, default_value = "csv")]
        format: String,
        /// Write to this file instead of standard output.
        #[arg(long)]
        output: Option<PathBuf>,
    },
}

#[derive(Debug, Subcommand)]
pub(super) enum AdminCommand {
    /// Add an account and print its one-time password (or, with --invite, an invitation link).
    AddUser {
        /// E-mail address.
        #[arg(long)]
        email: String,
        /// Role: admin, coordinator, editor or member.
        #[arg(long)]
        role: String,
        /// Organisation slug (required for editors).
        #[arg(long)]
        organisation: Option<String>,
        /// Print an invitation link instead of creating the account with a password.
        #[arg(long)]
        invite: bool,
    },
    /// Erase a person at their request: the account with this address and the directory
    /// entries that carry it go; their contributions stay, shown as a former member's.
    Erase {
        /// The account's e-mail address.
        #[arg(long)]
        email: String,
    },
}

#[derive(Debug, Subcommand)]
pub(super) enum LexiconCommand {
    /// Replace the lexicon with a file that `scripts/lexicon` builds: tab-separated
    /// src_lang, src_word, dst_lang, dst_word, weight per line, optionally gzip-compressed; after
    /// a line `lang word zipf` (tab-separated), a word list: lang, word, Zipf frequency per line
    /// (German compounds are split with it from the servers' next start). The file's
    /// translations replace the lexicon's, its word lists the word lists; coordinators'
    /// corrections stay. Checked whole, then written in one transaction.
    Import {
        /// The file (.tsv or .tsv.gz).
        file: PathBuf,
        /// Check the file and report, without writing anything.
        #[arg(long)]
        dry_run: bool,
    },
    /// How many translations the lexicon holds.
    Status,
}
