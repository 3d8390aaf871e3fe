//! E-mail over SMTP with lettre: invitations now, workflow notices later. Messages are written in
//! the recipient's language from the Fluent files.

use lettre::message::{Mailbox, header::ContentType};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use crate::domain::Locale;
use crate::i18n;

/// Sends mail through the configured SMTP server.
#[derive(Clone)]
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl Mailer {
    /// A mailer for `smtp://host:port` (plain, for a local relay) or `smtps://user:pass@host` URLs.
    pub fn new(url: &str, from: &str) -> anyhow::Result<Mailer> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)?.build();
        Ok(Mailer {
            transport,
            from: from.parse()?,
        })
    }

    /// Sends an invitation link.
    pub async fn send_invitation(
        &self,
        to: &str,
        link: &str,
        locale: Locale,
    ) -> anyhow::Result<()> {
        let subject = i18n::t(locale, "mail-invitation-subject");
        let body = i18n::t_args(locale, "mail-invitation-body", &[("link", link.to_owned())]);
        self.send(to, &subject, body).await
    }

    /// Sends a password reset link.
    pub async fn send_password_reset(
        &self,
        to: &str,
        link: &str,
        locale: Locale,
    ) -> anyhow::Result<()> {
        let subject = i18n::t(locale, "mail-reset-subject");
        let body = i18n::t_args(locale, "mail-reset-body", &[("link", link.to_owned())]);
        self.send(to, &subject, body).await
    }

    /// Sends a notice; with a calendar (`.ics` text and its METHOD), the invitation goes along as
    /// a `text/calendar` part that mail programs offer to add to the calendar.
    pub async fn send_notice(
        &self,
        to: &str,
        subject: &str,
        body: String,
        calendar: Option<(String, &str)>,
    ) -> anyhow::Result<()> {
        if crate::domain::accounts::is_former_member(to) {
            return Ok(());
        }
        let Some((ics, method)) = calendar else {
            return self.send(to, subject, body).await;
        };
        use lettre::message::{Attachment, MultiPart, SinglePart};
        let kind = ContentType::parse(&format!("text/calendar; charset=utf-8; method={method}"))?;
        let message = Message::builder()
            .from(self.from.clone())
            .to(to.parse()?)
            .subject(subject)
            .multipart(
                MultiPart::mixed()
                    .singlepart(SinglePart::plain(body))
                    .singlepart(Attachment::new("visit.ics".to_owned()).body(ics, kind)),
            )?;
        self.transport.send(message).await?;
        Ok(())
    }

    /// Sends a plain message; an erased account's placeholder address gets nothing.
    async fn send(&self, to: &str, subject: &str, body: String) -> anyhow::Result<()> {
        if crate::domain::accounts::is_former_member(to) {
            return Ok(());
        }
        let message = Message::builder()
            .from(self.from.clone())
            .to(to.parse()?)
            .subject(subject)
            .header(ContentType::TEXT_PLAIN)
            .body(body)?;
        self.transport.send(message).await?;
        Ok(())
    }
}
