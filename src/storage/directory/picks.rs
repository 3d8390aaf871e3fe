//! What pickers offer and resolve: the names of organisations and people, and the titles of
//! published practices, looked up by their folded form so that "Association dounia" finds
//! "Association Dounia".

use crate::storage::sql::escape_like;
use crate::storage::{Result, Store, fold, name_key};

/// A directory table whose rows a picker names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Named {
    /// `organisations`.
    Organisations,
    /// `people`.
    People,
}

impl Named {
    fn table(self) -> &'static str {
        match self {
            Named::Organisations => "organisations",
            Named::People => "people",
        }
    }
}

/// The two spellings a name key holds when umlauts are spelled two ways ("cafe baer cafe bar"
/// → "cafe baer", "cafe bar"); a key of one spelling gives itself.
fn spellings(key: &str) -> Vec<String> {
    let words: Vec<&str> = key.split(' ').collect();
    let half = words.len() / 2;
    if words.len().is_multiple_of(2) && half > 0 {
        let (german, plain) = (words[..half].join(" "), words[half..].join(" "));
        // Only a German spelling and its plain twin: "ae" where the other has "a", and so on.
        let twin = german
            .replace("ae", "a")
            .replace("oe", "o")
            .replace("ue", "u");
        if german != plain && twin == plain {
            return vec![german, plain];
        }
    }
    vec![key.to_owned()]
}

impl Store {
    /// Every row's slug and name, by name.
    pub async fn names(&self, of: Named) -> Result<Vec<(String, String)>> {
        let sql = format!(
            "SELECT slug, name FROM {} ORDER BY name_key, slug",
            of.table()
        );
        Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .fetch_all(self.pool())
            .await?)
    }

    /// The slugs of the rows whose name folds to the same as `name` (or whose slug it is). A
    /// name with umlauts is found by either spelling: "Cafe Baer" and "Cafe Bar" find "Café
    /// Bär", whose key holds both ("cafe baer cafe bar").
    pub async fn slugs_named(&self, of: Named, name: &str) -> Result<Vec<String>> {
        let name = name.trim();
        let (key, typed) = (name_key(name), fold(name));
        let sql = format!(
            "SELECT slug, name_key FROM {} WHERE name_key = $1 OR slug = $2 \
             OR name_key LIKE $3 ESCAPE '\\' OR name_key LIKE $4 ESCAPE '\\' ORDER BY slug LIMIT 20",
            of.table()
        );
        let rows: Vec<(String, String)> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(&key)
            .bind(name)
            .bind(format!("{} %", escape_like(&typed)))
            .bind(format!("% {}", escape_like(&typed)))
            .fetch_all(self.pool())
            .await?;
        Ok(rows
            .into_iter()
            .filter(|(slug, k)| *k == key || slug == name || spellings(k).contains(&typed))
            .map(|(slug, _)| slug)
            .collect())
    }

    /// The slugs of published practices with this title in any language, or of the practice
    /// with this slug (whose page decides who may read it).
    pub async fn practices_titled(&self, title: &str) -> Result<Vec<String>> {
        let rows: Vec<(String,)> = sqlx::query_as(
            "SELECT DISTINCT p.slug FROM practices p LEFT JOIN practice_texts t \
             ON t.practice_id = p.id AND t.field = 'title' AND t.sort_key = $1 \
             WHERE (p.status = 'published' AND t.practice_id IS NOT NULL) OR p.slug = $2 \
             ORDER BY p.slug LIMIT 5",
        )
        .bind(fold(title.trim()))
        .bind(title.trim())
        .fetch_all(self.pool())
        .await?;
        Ok(rows.into_iter().map(|r| r.0).collect())
    }

    /// The title of each published practice in `lang`, or in its original language (others are
    /// left out: their titles are not for everyone).
    pub async fn practice_titles(
        &self,
        slugs: &[String],
        lang: &str,
    ) -> Result<Vec<(String, String)>> {
        let mut out = Vec::with_capacity(slugs.len());
        for slug in slugs {
            let row: Option<(String,)> = sqlx::query_as(
                "SELECT COALESCE(tl.body, o.body) FROM practices p \
                 JOIN practice_texts o ON o.practice_id = p.id AND o.field = 'title' AND o.lang = p.original_lang \
                 LEFT JOIN practice_texts tl ON tl.practice_id = p.id AND tl.field = 'title' AND tl.lang = $2 \
                 WHERE p.slug = $1 AND p.status = 'published'",
            )
            .bind(slug)
            .bind(lang)
            .fetch_optional(self.pool())
            .await?;
            if let Some((title,)) = row {
                out.push((slug.clone(), title));
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_with_two_spellings_gives_both_and_a_plain_key_itself() {
        assert_eq!(
            spellings(&name_key("Café Bär")),
            vec!["cafe baer".to_owned(), "cafe bar".to_owned()]
        );
        assert_eq!(
            spellings(&name_key("Association Dounia")),
            vec!["association dounia".to_owned()]
        );
        assert_eq!(spellings("metz"), vec!["metz".to_owned()]);
    }
}
