//! The storage contract, the same code on SQLite and PostgreSQL: migrations, the change log,
//! transactions that leave nothing half-written, unique keys, cascades and filters.

use passerelle::domain::directory::{
    CityForm, NewCity, NewOrganisation, NewPerson, OrganisationForm, PersonForm,
};
use passerelle::storage::{CountryRow, OrgFilter, PeopleFilter, StorageError, Store};

use crate::helpers::*;

async fn store(db: Db) -> (Store, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("dir");
    let url = match db {
        Db::Sqlite => format!("sqlite://{}?mode=rwc", dir.path().join("s.db").display()),
        Db::Postgres => fresh_postgres_database().await,
    };
    let store = Store::connect(&url).await.expect("connect");
    store.migrate().await.expect("migrate");
    store.migrate().await.expect("migrating twice is harmless");
    (store, dir)
}

async fn seed(store: &Store) -> i64 {
    let mut tx = store.write().await.expect("tx");
    tx.upsert_country(
        &CountryRow {
            code: "FR".into(),
            name_de: "Frankreich".into(),
            name_fr: "France".into(),
            name_en: "France".into(),
        },
        None,
    )
    .await
    .expect("country");
    let city = NewCity::try_from(&CityForm {
        name: "Metz".into(),
        country: "FR".into(),
        ..Default::default()
    })
    .expect("city");
    let id = tx.insert_city(&city, None).await.expect("city");
    tx.commit().await.expect("commit");
    id
}

fn org(name: &str) -> NewOrganisation {
    NewOrganisation::try_from(&OrganisationForm {
        name: name.into(),
        kind: "association".into(),
        city: "metz".into(),
        lang: "fr".into(),
        languages: vec!["fr".into(), "ar".into()],
        themes: vec!["culture".into()],
        description: "Texte".into(),
        ..Default::default()
    })
    .expect("valid")
}

both! {
    async fn every_write_appends_to_the_change_log_in_order(db) {
        let (store, _dir) = store(db).await;
        let city = seed(&store).await;
        let before = store.last_change().await.expect("seq");
        assert!(before >= 2, "the seed wrote changes");
        let mut tx = store.write().await.expect("tx");
        let id = tx.insert_organisation(&org("Dounia"), city, Some(7)).await.expect("insert");
        tx.put_organisation_text(id, "de", "Text", "human", Some(7)).await.expect("text");
        tx.commit().await.expect("commit");
        let changes = store.changes_since(before, 10).await.expect("changes");
        let kinds: Vec<(&str, &str)> = changes.iter().map(|c| (c.entity.as_str(), c.kind.as_str())).collect();
        assert_eq!(kinds, [("organisation", "create"), ("organisation", "update")]);
        assert!(changes.windows(2).all(|w| w[0].seq < w[1].seq));
        assert_eq!(changes[0].entity_key, id.to_string());
        assert_eq!(changes[0].actor_id, Some(7));
    }

    async fn a_transaction_dropped_before_commit_leaves_nothing(db) {
        let (store, _dir) = store(db).await;
        let city = seed(&store).await;
        let before = store.last_change().await.expect("seq");
        {
            let mut tx = store.write().await.expect("tx");
            tx.insert_organisation(&org("Half Written"), city, None).await.expect("insert");
        }
        assert_eq!(store.last_change().await.expect("seq"), before);
        let (rows, total) = store.organisations(&OrgFilter::default(), 10, 0).await.expect("list");
        assert_eq!((rows.len(), total), (0, 0));
    }

    async fn a_taken_slug_is_a_conflict(db) {
        let (store, _dir) = store(db).await;
        let city = seed(&store).await;
        let mut tx = store.write().await.expect("tx");
        tx.insert_organisation(&org("Dounia"), city, None).await.expect("first");
        tx.commit().await.expect("commit");
        let mut tx = store.write().await.expect("tx");
        let err = tx.insert_organisation(&org("Dounia"), city, None).await.expect_err("second");
        assert!(matches!(err, StorageError::Conflict(_)), "{err:?}");
    }

    async fn deleting_an_organisation_removes_its_people_and_texts(db) {
        let (store, _dir) = store(db).await;
        let city = seed(&store).await;
        let mut tx = store.write().await.expect("tx");
        let id = tx.insert_organisation(&org("Dounia"), city, None).await.expect("org");
        let person = NewPerson::try_from(&PersonForm { name: "Accueil".into(), organisation: "dounia".into(), ..Default::default() }).expect("person");
        tx.insert_person(&person, id, None).await.expect("person");
        tx.commit().await.expect("commit");
        assert_eq!(store.people(&PeopleFilter { organisation: Some("dounia".into()), ..Default::default() }, 10, 0).await.expect("people").1, 1);
        let mut tx = store.write().await.expect("tx");
        tx.delete_organisation(id, None).await.expect("delete");
        tx.commit().await.expect("commit");
        assert_eq!(store.people(&PeopleFilter::default(), 10, 0).await.expect("people").1, 0);
        assert!(store.organisation_texts(id).await.expect("texts").is_empty());
        assert!(matches!(store.organisation("dounia").await, Err(StorageError::NotFound)));
    }

    async fn filters_match_list_members_and_folded_names_exactly(db) {
        let (store, _dir) = store(db).await;
        let city = seed(&store).await;
        let mut tx = store.write().await.expect("tx");
        tx.insert_organisation(&org("Café Bär"), city, None).await.expect("org");
        tx.insert_organisation(&org("100% Solidarité_Metz"), city, None).await.expect("org");
        tx.commit().await.expect("commit");
        let count = |f: OrgFilter| { let s = store.clone(); async move { s.organisations(&f, 50, 0).await.expect("list").1 } };
        assert_eq!(count(OrgFilter { q: Some("BAER".into()), ..Default::default() }).await, 1);
        assert_eq!(count(OrgFilter { q: Some("cafe".into()), ..Default::default() }).await, 1);
        assert_eq!(count(OrgFilter { q: Some("100%".into()), ..Default::default() }).await, 1);
        assert_eq!(count(OrgFilter { q: Some("_".into()), ..Default::default() }).await, 1);
        assert_eq!(count(OrgFilter { language: Some("ar".into()), ..Default::default() }).await, 2);
        assert_eq!(count(OrgFilter { language: Some("a".into()), ..Default::default() }).await, 0);
        assert_eq!(count(OrgFilter { inner_circle: Some(true), ..Default::default() }).await, 0);
        assert_eq!(count(OrgFilter { inner_circle: Some(false), country: Some("FR".into()), ..Default::default() }).await, 2);
    }

    async fn settings_keep_their_first_value(db) {
        let (store, _dir) = store(db).await;
        assert_eq!(store.setting_or_insert("k", "one").await.expect("set"), "one");
        assert_eq!(store.setting_or_insert("k", "two").await.expect("set"), "one");
    }

    async fn a_new_original_language_leaves_one_original(db) {
        let (store, _dir) = store(db).await;
        let city = seed(&store).await;
        let mut tx = store.write().await.expect("tx");
        let id = tx.insert_organisation(&org("Dounia"), city, None).await.expect("org");
        tx.put_organisation_text(id, "en", "Text", "human", None).await.expect("translation");
        tx.commit().await.expect("commit");
        let mut german = org("Dounia");
        german.lang = passerelle::domain::ContentLang::De;
        german.description = "Deutscher Text".into();
        let mut tx = store.write().await.expect("tx");
        tx.update_organisation(id, &german, city, None).await.expect("update");
        tx.commit().await.expect("commit");
        let texts = store.organisation_texts(id).await.expect("texts");
        let status: Vec<(&str, &str)> = texts.iter().map(|t| (t.lang.as_str(), t.status.as_str())).collect();
        assert_eq!(status, [("de", "original"), ("en", "outdated"), ("fr", "outdated")]);
    }
}
