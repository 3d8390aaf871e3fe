//! Field errors: which field broke which rule, as a message key plus arguments.
//!
//! The domain names the rule; the i18n layer turns the key into a sentence in the reader's
//! language, naming the field by its localized label.

use serde::Serialize;

/// One broken rule on one field: a Fluent message key and its arguments.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldError {
    /// The Fluent key of the rule, e.g. `error-required`.
    pub key: &'static str,
    /// Arguments of the message, e.g. `("max", "150")`.
    pub args: Vec<(&'static str, String)>,
}

impl FieldError {
    /// A rule without arguments.
    pub fn new(key: &'static str) -> Self {
        Self {
            key,
            args: Vec::new(),
        }
    }

    /// A rule with one argument.
    pub fn with(key: &'static str, name: &'static str, value: impl ToString) -> Self {
        Self {
            key,
            args: vec![(name, value.to_string())],
        }
    }

    /// The same rule with one more argument.
    pub fn and(mut self, name: &'static str, value: impl ToString) -> Self {
        self.args.push((name, value.to_string()));
        self
    }
}

impl std::fmt::Display for FieldError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.key)?;
        for (name, value) in &self.args {
            write!(f, " {name}={value}")?;
        }
        Ok(())
    }
}

/// Every field error of one form or request, in field order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldErrors(Vec<(&'static str, FieldError)>);

impl FieldErrors {
    /// No errors yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Records that `field` broke a rule.
    pub fn add(&mut self, field: &'static str, error: FieldError) {
        self.0.push((field, error));
    }

    /// Runs a parser, records its error under `field`, and returns the value if it parsed.
    pub fn check<T, E: Into<FieldError>>(
        &mut self,
        field: &'static str,
        r: Result<T, E>,
    ) -> Option<T> {
        match r {
            Ok(v) => Some(v),
            Err(e) => {
                self.add(field, e.into());
                None
            }
        }
    }

    /// Whether no rule was broken.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The errors, in the order they were found.
    pub fn iter(&self) -> impl Iterator<Item = &(&'static str, FieldError)> {
        self.0.iter()
    }

    /// The first error of a field, if any.
    pub fn get(&self, field: &str) -> Option<&FieldError> {
        self.0.iter().find(|(f, _)| *f == field).map(|(_, e)| e)
    }

    /// These errors, where `precise` has errors for a field in place of this set's errors of
    /// that field (at the place of the first of them, or at the end).
    pub fn overridden_by(self, precise: FieldErrors) -> FieldErrors {
        let mut out = Vec::new();
        let mut placed: Vec<&str> = Vec::new();
        for (field, error) in self.0 {
            if precise.get(field).is_none() {
                out.push((field, error));
            } else if !placed.contains(&field) {
                placed.push(field);
                out.extend(precise.0.iter().filter(|(f, _)| *f == field).cloned());
            }
        }
        for (field, error) in &precise.0 {
            if !placed.contains(field) {
                out.push((field, error.clone()));
            }
        }
        FieldErrors(out)
    }

    /// A single-field error set.
    pub fn one(field: &'static str, error: FieldError) -> Self {
        Self(vec![(field, error)])
    }
}
