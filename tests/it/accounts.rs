//! Accounts and security: sign-in and its rate limit, form tokens, sessions, invitations (with a
//! real SMTP conversation), passwords, roles and the protective headers.

use axum::http::StatusCode;

use crate::helpers::*;

both! {
    async fn signing_in_and_out(db) {
        let t = TestApp::demo(db).await;
        let mut c = t.client();
        c.get("/en/login").await.assert(StatusCode::OK);
        let r = c.post_form("/en/login", &[("email", MEMBER.0), ("password", "wrong password")]).await;
        r.assert(StatusCode::UNPROCESSABLE_ENTITY).contains("password is wrong").contains(&format!("value=\"{}\"", MEMBER.0));
        let r = c.post_form("/en/login", &[("email", "MITGLIED.ZIB@passerelle.example"), ("password", MEMBER.1), ("next", "/en/people")]).await;
        r.assert(StatusCode::SEE_OTHER);
        assert_eq!(r.header("location"), "/en/people");
        let cookie = r.header("set-cookie");
        assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"), "session cookie flags: {cookie}");
        c.get("/en/account").await.assert(StatusCode::OK).contains(MEMBER.0);
        c.post_form("/en/logout", &[]).await.assert(StatusCode::SEE_OTHER);
        c.get("/en/account").await.assert(StatusCode::UNAUTHORIZED);
    }

    async fn sign_in_never_redirects_to_another_site(db) {
        let t = TestApp::demo(db).await;
        let mut c = t.client();
        c.get("/en/login").await;
        // Browsers drop tabs and line breaks from addresses, so "/\t/evil.example/" is "//evil.example/";
        // a line break must not reach the Location header either.
        for next in ["//evil.example/", "/\t/evil.example/", "/\\evil.example", "/\n/evil.example", "/en/\r\nSet-Cookie: a=b", "https://evil.example/"] {
            let r = c.post_form("/en/login", &[("email", MEMBER.0), ("password", MEMBER.1), ("next", next)]).await;
            r.assert(StatusCode::SEE_OTHER);
            assert_eq!(r.header("location"), "/en/?done=signed-in", "next = {next:?}");
        }
        let r = c.post_form("/en/login", &[("email", MEMBER.0), ("password", MEMBER.1), ("next", "/en/people?city=metz")]).await;
        assert_eq!(r.header("location"), "/en/people?city=metz");
    }

    async fn the_sixth_failed_sign_in_within_a_minute_is_refused(db) {
        let t = TestApp::demo(db).await;
        let from = |ip: &str| {
            let mut c = t.client();
            c.ip = Some(format!("{ip}:40000").parse().expect("addr"));
            c
        };
        let mut a = from("192.0.2.1");
        a.get("/en/login").await;
        for i in 1..=5 {
            let r = a.post_form("/en/login", &[("email", ADMIN.0), ("password", "not the password")]).await;
            assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "try {i}");
        }
        let r = a.post_form("/en/login", &[("email", ADMIN.0), ("password", ADMIN.1)]).await;
        r.assert(StatusCode::TOO_MANY_REQUESTS).contains("wait a minute");
        // Per address: the same browser cannot go on with another account.
        a.post_form("/en/login", &[("email", MEMBER.0), ("password", MEMBER.1)]).await.assert(StatusCode::TOO_MANY_REQUESTS);
        // Per account: the attacked account is blocked from other addresses too.
        let mut b = from("192.0.2.2");
        b.get("/en/login").await;
        b.post_form("/en/login", &[("email", ADMIN.0), ("password", ADMIN.1)]).await.assert(StatusCode::TOO_MANY_REQUESTS);
        // Others are not affected.
        b.post_form("/en/login", &[("email", MEMBER.0), ("password", MEMBER.1)]).await.assert(StatusCode::SEE_OTHER);
    }

    async fn a_form_without_its_token_is_refused(db) {
        let t = TestApp::demo(db).await;
        let mut c = t.signed_in(COORDINATOR.0, COORDINATOR.1).await;
        let fields = [("name", "Sneaky"), ("kind", "other"), ("city", "trier"), ("lang", "de")];
        c.post_raw_form("/en/organisations", &fields).await.assert(StatusCode::FORBIDDEN).contains("security token");
        let mut with_bad = vec![("_csrf", "0000")];
        with_bad.extend_from_slice(&fields);
        c.post_raw_form("/en/organisations", &with_bad).await.assert(StatusCode::FORBIDDEN);
        let mut other = t.client();
        other.get("/en/login").await;
        let foreign = other.csrf.clone();
        let mut with_foreign = vec![("_csrf", foreign.as_str())];
        with_foreign.extend_from_slice(&fields);
        c.post_raw_form("/en/organisations", &with_foreign).await.assert(StatusCode::FORBIDDEN);
        c.get("/en/organisations?q=Sneaky").await.contains("0 organisations");
    }

    async fn an_invitation_makes_a_member_once(db) {
        let t = TestApp::demo(db).await;
        let mut coord = t.signed_in(COORDINATOR.0, COORDINATOR.1).await;
        coord.get("/de/invitations/new").await.assert(StatusCode::OK).lacks("value=\"admin\"");
        let r = coord.post_form("/de/invitations", &[("email", "Neu@Metz.example"), ("role", "editor"), ("organisation", "association-dounia")]).await;
        r.assert(StatusCode::OK);
        let link = r.body.split("class=\"token\">").nth(1).and_then(|s| s.split('<').next()).expect("link shown").to_owned();
        assert!(link.starts_with("http://127.0.0.1:8080/de/invitations/"), "{link}");
        let path = link.trim_start_matches("http://127.0.0.1:8080");
        let mut invitee = t.client();
        invitee.get(path).await.assert(StatusCode::OK).contains("neu@metz.example");
        invitee.post_form(path, &[("password", "kurz"), ("password_confirm", "kurz")]).await.assert(StatusCode::UNPROCESSABLE_ENTITY);
        invitee.post_form(path, &[("password", "ein langes Passwort"), ("password_confirm", "ein langes Passwort")]).await.assert(StatusCode::SEE_OTHER);
        invitee.get("/de/organisations/association-dounia/edit").await.assert(StatusCode::OK);
        t.client().get(path).await.assert(StatusCode::NOT_FOUND);
        let r = coord.post_form("/de/invitations", &[("email", "neu@metz.example"), ("role", "member")]).await;
        r.assert(StatusCode::UNPROCESSABLE_ENTITY);
        coord.post_form("/de/invitations", &[("email", "x@y.example"), ("role", "admin")]).await.assert(StatusCode::FORBIDDEN);
        let mut member = t.signed_in(MEMBER.0, MEMBER.1).await;
        member.get("/en/invitations/new").await.assert(StatusCode::FORBIDDEN);
    }

    async fn changing_the_password_signs_out_other_sessions(db) {
        let t = TestApp::demo(db).await;
        let mut laptop = t.signed_in(MEMBER.0, MEMBER.1).await;
        let mut phone = t.signed_in(MEMBER.0, MEMBER.1).await;
        laptop.get("/en/account").await;
        let r = laptop.post_form("/en/account/password", &[("current_password", "wrong one!!"), ("password", "a new secret 1"), ("password_confirm", "a new secret 1")]).await;
        r.assert(StatusCode::UNPROCESSABLE_ENTITY).contains("not your current password");
        laptop.post_form("/en/account/password", &[("current_password", MEMBER.1), ("password", "a new secret 1"), ("password_confirm", "a new secret 1")]).await.assert(StatusCode::SEE_OTHER);
        laptop.get("/en/account").await.assert(StatusCode::OK);
        phone.get("/en/account").await.assert(StatusCode::UNAUTHORIZED);
        t.signed_in(MEMBER.0, "a new secret 1").await;
    }

    async fn admins_change_roles_but_not_their_own(db) {
        let t = TestApp::demo(db).await;
        let mut admin = t.signed_in(ADMIN.0, ADMIN.1).await;
        let page = admin.get("/en/admin/users").await;
        page.assert(StatusCode::OK).contains(MEMBER.0);
        let member_id = page.body.split("/en/admin/users/").nth(1).expect("a row").split(['"', '/']).next().expect("id").to_owned();
        let mut admin2 = admin.clone();
        let r = admin2.post_form(&format!("/en/admin/users/{member_id}"), &[("role", "editor"), ("organisation", "")]).await;
        r.assert(StatusCode::UNPROCESSABLE_ENTITY).contains("editor needs the organisation");
        admin.get("/en/admin/users").await;
        // Each row links its form and its erasure page: one id per account.
        let mut ids: Vec<String> = admin.get("/en/admin/users").await.body.split("/en/admin/users/").skip(1).map(|s| s.split(['"', '/']).next().unwrap_or("").to_owned()).collect();
        ids.sort();
        ids.dedup();
        for id in &ids {
            let r = admin.post_form(&format!("/en/admin/users/{id}"), &[("role", "member"), ("organisation", "")]).await;
            assert!(r.status == StatusCode::SEE_OTHER || r.body.contains("your own administrator role"), "{}", r.body);
        }
        t.signed_in(MEMBER.0, MEMBER.1).await.get("/en/admin/users").await.assert(StatusCode::FORBIDDEN);
    }

    async fn responses_carry_protective_headers(db) {
        let t = TestApp::demo(db).await;
        let r = t.client().get("/en/organisations").await;
        assert!(r.header("content-security-policy").contains("script-src 'self'"));
        assert!(!r.header("content-security-policy").contains("unsafe-inline"));
        assert_eq!(r.header("x-content-type-options"), "nosniff");
        assert_eq!(r.header("x-frame-options"), "DENY");
        assert!(r.header("set-cookie").contains("passerelle_csrf="));
    }

    async fn an_oversized_body_is_refused(db) {
        let t = TestApp::with_config(db, |c| c.max_body_bytes = 4096).await;
        let mut c = t.client();
        c.get("/en/login").await;
        let big = "x".repeat(10_000);
        c.post_form("/en/login", &[("email", big.as_str())]).await.assert(StatusCode::PAYLOAD_TOO_LARGE);
    }

    async fn an_expired_invitation_cannot_be_used(db) {
        let t = TestApp::demo(db).await;
        let mut coord = t.signed_in(COORDINATOR.0, COORDINATOR.1).await;
        coord.get("/en/invitations/new").await;
        let r = coord.post_form("/en/invitations", &[("email", "late@trier.example"), ("role", "member")]).await;
        let link = r.body.split("class=\"token\">").nth(1).and_then(|s| s.split('<').next()).expect("link").to_owned();
        let path = link.trim_start_matches("http://127.0.0.1:8080").to_owned();
        // Eight days pass.
        sqlx::any::install_default_drivers();
        let pool = sqlx::AnyPool::connect(&t.app.config().database_url()).await.expect("database");
        sqlx::query("UPDATE invitations SET expires_at = expires_at - 691200").execute(&pool).await.expect("age");
        pool.close().await;
        let mut invitee = t.client();
        invitee.get(&path).await.assert(StatusCode::NOT_FOUND);
        invitee.get("/en/login").await;
        invitee.post_form(&path, &[("password", "a long password"), ("password_confirm", "a long password")]).await.assert(StatusCode::NOT_FOUND);
    }

    async fn cookies_are_secure_behind_https(db) {
        let t = TestApp::with_config(db, |c| {
            c.base_url = "https://passerelle.example".into();
            c.secure_cookies = true;
        }).await;
        t.app.load_demo().await.expect("demo");
        let mut c = t.client();
        let r = c.get("/en/login").await;
        assert!(r.header("set-cookie").contains("Secure"), "{}", r.header("set-cookie"));
        let r = c.post_form("/en/login", &[("email", MEMBER.0), ("password", MEMBER.1)]).await;
        let cookie = r.header("set-cookie");
        assert!(cookie.contains("Secure") && cookie.contains("HttpOnly"), "{cookie}");
    }
}

#[tokio::test]
async fn an_invitation_is_sent_by_smtp_when_configured() {
    let smtp = crate::smtp::Receiver::start().await;
    let url = format!("smtp://127.0.0.1:{}", smtp.port);
    let t = TestApp::with_config(Db::Sqlite, |c| c.smtp_url = Some(url)).await;
    t.app.load_demo().await.expect("demo");
    let mut coord = t.signed_in(COORDINATOR.0, COORDINATOR.1).await;
    coord.get("/fr/invitations/new").await;
    let r = coord
        .post_form(
            "/fr/invitations",
            &[("email", "accueil@metz.example"), ("role", "member")],
        )
        .await;
    r.assert(StatusCode::OK);
    let mail = smtp.next_message().await;
    // Undo quoted-printable soft line breaks and the escaped "=" before looking for the link.
    let body = mail.data.replace("=\n", "").replace("=3D", "=");
    assert!(
        mail.recipients
            .contains(&"<accueil@metz.example>".to_owned()),
        "{:?}",
        mail.recipients
    );
    assert!(body.contains("/fr/invitations/"), "{body}");
    assert!(
        mail.data.contains("Subject: ") && mail.data.contains("Passerelle"),
        "{}",
        mail.data
    );
}

/// The link on an administrator's reset page.
fn issued_link(body: &str) -> String {
    let start =
        body.find("<code class=\"secret\">").expect("a link") + "<code class=\"secret\">".len();
    let end = body[start..].find("</code>").expect("end of link") + start;
    let link = &body[start..end];
    link.split_once("127.0.0.1:8080")
        .map(|(_, p)| p.to_owned())
        .unwrap_or_else(|| link.to_owned())
}

both! {
    async fn without_mail_an_administrator_makes_a_reset_link_that_works_once(db) {
        let t = TestApp::demo(db).await;
        let mut anonymous = t.client();
        anonymous.get("/en/login").await.contains("href=\"/en/password/forgot\"");
        // No e-mail here: the page says whom to ask and offers no form.
        anonymous.get("/fr/password/forgot").await.assert(StatusCode::OK)
            .contains("Ce site n’envoie pas de courriel").lacks("name=\"email\"");
        let mut admin = t.signed_in(ADMIN.0, ADMIN.1).await;
        // The member's row on the accounts page offers the link.
        let users = admin.get("/en/admin/users").await;
        let row = users.body.split("<tr>").find(|r| r.contains(MEMBER.0)).expect("the member's row");
        let at = row.find("/reset\"").expect("a reset button");
        let from = row[..at].rfind("action=\"").expect("its form") + "action=\"".len();
        let reset = format!("{}/reset", &row[from..at]);
        // The member signs in in German: the link the English-reading admin makes opens in German.
        let mut member = t.client();
        member.get("/de/login").await;
        member.post_form("/de/login", &[("email", MEMBER.0), ("password", MEMBER.1)]).await.assert(StatusCode::SEE_OTHER);
        member.get("/de/account").await;
        member.post_form(&reset, &[]).await.assert(StatusCode::FORBIDDEN);
        admin.get("/en/admin/users").await;
        let r = admin.post_form(&reset, &[]).await;
        r.assert(StatusCode::OK).contains(MEMBER.0);
        let link = issued_link(&r.body);
        assert!(link.starts_with("/de/password/reset/"), "{link}");
        // A second link, made before the first is used, ends when the password changes.
        admin.get("/en/admin/users").await;
        let older = issued_link(&admin.post_form(&reset, &[]).await.body);
        // No link for one's own account here (the account page changes one's password).
        let own = admin.get("/en/admin/users").await;
        let own_row = own.body.split("<tr>").find(|r| r.contains(ADMIN.0)).expect("the admin's row");
        assert!(!own_row.contains("/reset\""), "{own_row}");
        // The owner opens it without being signed in; mismatched passwords are named.
        let mut owner = t.client();
        let page = owner.get(&link).await;
        page.assert(StatusCode::OK).contains(MEMBER.0);
        assert_eq!(page.header("referrer-policy"), "no-referrer");
        owner.post_form(&link, &[("password", "a new long passphrase"), ("password_confirm", "another")]).await
            .assert(StatusCode::UNPROCESSABLE_ENTITY).contains("href=\"#password_confirm\"");
        // Ten spaces are no password.
        owner.post_form(&link, &[("password", "          "), ("password_confirm", "          ")]).await
            .assert(StatusCode::UNPROCESSABLE_ENTITY).contains("href=\"#password\"");
        let r = owner.post_form(&link, &[("password", "a new long passphrase"), ("password_confirm", "a new long passphrase")]).await;
        r.assert(StatusCode::SEE_OTHER);
        assert_eq!(r.header("location"), "/de/account?done=password");
        owner.get("/en/account").await.assert(StatusCode::OK).contains(MEMBER.0);
        // Once only; the member's other session ended; the old password no longer works.
        owner.get(&link).await.assert(StatusCode::NOT_FOUND).contains("Dieser Link wurde bereits verwendet").contains("href=\"/de/password/forgot\"");
        t.client().get(&older).await.assert(StatusCode::NOT_FOUND);
        member.get("/en/account").await.assert(StatusCode::UNAUTHORIZED);
        let mut c = t.client();
        c.get("/en/login").await;
        c.post_form("/en/login", &[("email", MEMBER.0), ("password", MEMBER.1)]).await.assert(StatusCode::UNPROCESSABLE_ENTITY);
        t.signed_in(MEMBER.0, "a new long passphrase").await;
        t.client().get("/en/password/reset/0123abcd").await.assert(StatusCode::NOT_FOUND);
    }
}

/// With a mail server: a link goes to the account's address; an unknown address gets the same
/// answer and no mail; a fourth request for one address within the hour is refused.
#[tokio::test]
async fn a_forgotten_password_is_reset_by_a_mailed_link() {
    let smtp = crate::smtp::Receiver::start().await;
    let url = format!("smtp://127.0.0.1:{}", smtp.port);
    let t = TestApp::with_config(Db::Sqlite, |c| c.smtp_url = Some(url)).await;
    t.app.load_demo().await.expect("demo");
    let mut c = t.client();
    c.get("/de/password/forgot")
        .await
        .assert(StatusCode::OK)
        .contains("name=\"email\"");
    c.post_form("/de/password/forgot", &[("email", "kein-at-zeichen")])
        .await
        .assert(StatusCode::UNPROCESSABLE_ENTITY)
        .contains("href=\"#email\"")
        .contains("value=\"kein-at-zeichen\"");
    let unknown = c
        .post_form("/de/password/forgot", &[("email", "niemand@example.org")])
        .await;
    unknown.assert(StatusCode::OK);
    assert!(
        smtp.until_quiet(std::time::Duration::from_millis(500))
            .await
            .is_empty()
    );
    let known = c
        .post_form(
            "/de/password/forgot",
            &[("email", EDITOR.0.to_uppercase().as_str())],
        )
        .await;
    known.assert(StatusCode::OK);
    // The same answer either way: nothing tells which addresses have accounts.
    assert_eq!(visible(&known.body), visible(&unknown.body));
    let mail = smtp.next_message().await;
    assert!(
        mail.recipients.contains(&format!("<{}>", EDITOR.0)),
        "{:?}",
        mail.recipients
    );
    let body = mail.data.replace("=\n", "").replace("=3D", "=");
    let at = body.find("/de/password/reset/").expect("a link");
    let link: String = body[at..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || "/-".contains(*c))
        .collect();
    let mut owner = t.client();
    owner.get(&link).await.assert(StatusCode::OK);
    owner
        .post_form(
            &link,
            &[
                ("password", "ein neues langes Passwort"),
                ("password_confirm", "ein neues langes Passwort"),
            ],
        )
        .await
        .assert(StatusCode::SEE_OTHER);
    t.signed_in(EDITOR.0, "ein neues langes Passwort").await;
    // Two more for this address pass, the fourth within the hour does not.
    for _ in 0..2 {
        c.post_form("/de/password/forgot", &[("email", EDITOR.0)])
            .await
            .assert(StatusCode::OK);
    }
    c.post_form("/de/password/forgot", &[("email", EDITOR.0)])
        .await
        .assert(StatusCode::TOO_MANY_REQUESTS);
}

/// A page's main text, without the form token that differs between responses.
fn visible(body: &str) -> String {
    let main = body.split("<main").nth(1).unwrap_or(body);
    main.split("</main>").next().unwrap_or(main).to_owned()
}
