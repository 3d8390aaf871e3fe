//! Helpers that build portable SQL: folded name keys, `LIKE` patterns escaped the same way on
//! both databases, conditions with numbered placeholders, and lists kept as comma-separated text.

/// The lookup key of a name: folded with German umlaut spellings and, when different, plainly
/// ("Café Bär" → "cafe baer cafe bar"), so that "bär", "baer" and "bar" all find it.
pub fn name_key(s: &str) -> String {
    let (german, plain) = (fold_german(s), fold(s));
    if german == plain {
        plain
    } else {
        format!("{german} {plain}")
    }
}

pub use crate::domain::values::fold;

/// Numbered placeholders `$first, …` for `n` values of an `IN` list.
pub fn placeholders(first: usize, n: usize) -> String {
    (first..first + n)
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn fold_german(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            'ä' | 'Ä' => out.push_str("ae"),
            'ö' | 'Ö' => out.push_str("oe"),
            'ü' | 'Ü' => out.push_str("ue"),
            'ß' => out.push_str("ss"),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => out.push_str(&deunicode::deunicode_char(c).unwrap_or("").to_lowercase()),
        }
    }
    out
}

/// `s` with `LIKE`'s own characters (`%`, `_`, `\`) escaped, for `ESCAPE '\'`.
pub(crate) fn escape_like(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A `LIKE` pattern that finds `needle` anywhere, folded like the `*_key` columns it is matched
/// against, with `%`, `_` and `\` escaped (use `ESCAPE '\'`).
pub fn contains_pattern(needle: &str) -> String {
    format!("%{}%", escape_like(&fold(needle)))
}

/// A `LIKE` pattern that matches a comma-separated list of keys (`themes`, `languages`) holding
/// `key`, for `(',' || column || ',') LIKE ? ESCAPE '\'`. Keys are stored in lower case, so the
/// key is lowered here: the same answer on SQLite (whose `LIKE` ignores ASCII case) and
/// PostgreSQL (whose `LIKE` does not). A comma cannot be part of a key, so it matches nothing.
pub(crate) fn list_pattern(key: &str) -> String {
    if key.contains(',') {
        return ",\\,,".to_owned();
    }
    format!("%,{},%", escape_like(&key.to_lowercase()))
}

/// A value bound to a placeholder of a [`Conditions`] clause.
#[derive(Debug, Clone)]
pub(crate) enum Value {
    /// Text.
    Text(String),
    /// An integer.
    Int(i64),
}

/// A `WHERE` clause made of the active filters only, so that the database can use its indexes.
/// Values never enter the SQL text: each becomes the next numbered placeholder.
#[derive(Debug, Default)]
pub(crate) struct Conditions {
    clauses: Vec<String>,
    args: Vec<Value>,
}

impl Conditions {
    /// Adds `clause` (with `?` for the value) when there is a value.
    pub(crate) fn when(&mut self, clause: &str, value: Option<String>) -> &mut Self {
        if let Some(v) = value {
            let placeholder = self.value(Value::Text(v));
            self.clauses.push(clause.replace('?', &placeholder));
        }
        self
    }

    /// Adds a clause without a value.
    pub(crate) fn always(&mut self, clause: &str) -> &mut Self {
        self.clauses.push(clause.to_owned());
        self
    }

    /// Takes the next placeholder for `value`, to be used in a clause or elsewhere in the query.
    pub(crate) fn value(&mut self, value: Value) -> String {
        self.args.push(value);
        format!("${}", self.args.len())
    }

    /// `WHERE a AND b …`, or nothing.
    pub(crate) fn sql(&self) -> String {
        if self.clauses.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", self.clauses.join(" AND "))
        }
    }

    /// The number of the next placeholder.
    pub(crate) fn next(&self) -> usize {
        self.args.len() + 1
    }

    /// The values, in placeholder order.
    pub(crate) fn args(&self) -> &[Value] {
        &self.args
    }
}

/// Binds every value of a [`Conditions`] to a query, in placeholder order.
macro_rules! bind_all {
    ($query:expr, $conditions:expr) => {{
        let mut q = $query;
        for arg in $conditions.args() {
            q = match arg {
                $crate::storage::Value::Text(s) => q.bind(s.clone()),
                $crate::storage::Value::Int(i) => q.bind(*i),
            };
        }
        q
    }};
}
pub(crate) use bind_all;

/// Joins list codes for storage: `["de","fr"]` → `"de,fr"`.
pub fn join_list<S: AsRef<str>>(items: &[S]) -> String {
    items
        .iter()
        .map(|s| s.as_ref())
        .collect::<Vec<_>>()
        .join(",")
}

/// Splits a stored list.
pub fn split_list(s: &str) -> Vec<String> {
    s.split(',')
        .filter(|p| !p.is_empty())
        .map(str::to_owned)
        .collect()
}
