//! Accounts: roles, who is acting, and the rules for passwords and invitations.

use serde::{Deserialize, Serialize};

use crate::domain::catalogue::practice::PracticeStatus;
use crate::domain::errors::{FieldError, FieldErrors};
use crate::domain::exchange::call::CallStatus;
use crate::domain::exchange::visit::{Step as VisitStep, VisitStatus};
use crate::domain::values::{Email, Slug};

/// What an account may do, from most to least powerful. The public has no account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Everything, including managing roles.
    Admin,
    /// Edits every directory entry and invites people.
    Coordinator,
    /// Edits one organisation and its people.
    Editor,
    /// Reads what members read.
    Member,
}

impl Role {
    /// Every role, most powerful first.
    pub const ALL: [Role; 4] = [Role::Admin, Role::Coordinator, Role::Editor, Role::Member];

    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Coordinator => "coordinator",
            Role::Editor => "editor",
            Role::Member => "member",
        }
    }
}

impl TryFrom<&str> for Role {
    type Error = FieldError;
    fn try_from(s: &str) -> Result<Self, FieldError> {
        match s.trim() {
            "" => Err(FieldError::new("error-required")),
            s => Role::ALL
                .into_iter()
                .find(|r| r.as_str() == s)
                .ok_or_else(|| FieldError::new("error-choice")),
        }
    }
}

/// Who is asking: the public, or a signed-in account with its role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Actor {
    /// Nobody signed in.
    Anonymous,
    /// The operator at the command line: trusted with everything, recorded as nobody.
    System,
    /// A signed-in account.
    User {
        /// The account's id.
        id: i64,
        /// Its role.
        role: Role,
        /// The organisation an editor edits.
        organisation_id: Option<i64>,
    },
}

impl Actor {
    /// The account id, if signed in.
    pub fn user_id(&self) -> Option<i64> {
        match self {
            Actor::Anonymous | Actor::System => None,
            Actor::User { id, .. } => Some(*id),
        }
    }

    /// The role, if signed in.
    pub fn role(&self) -> Option<Role> {
        match self {
            Actor::Anonymous => None,
            Actor::System => Some(Role::Admin),
            Actor::User { role, .. } => Some(*role),
        }
    }
}

/// A password a person chose: 10 to 256 characters, typed the same twice.
#[derive(Clone)]
pub struct NewPassword(String);

impl std::fmt::Debug for NewPassword {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("NewPassword(…)")
    }
}

impl NewPassword {
    /// The shortest password accepted.
    pub const MIN: usize = 10;
    /// The longest password accepted.
    pub const MAX: usize = 256;

    /// Checks a password and its confirmation, recording errors under `password` and `password_confirm`.
    pub fn parse(password: &str, confirm: &str, errors: &mut FieldErrors) -> Option<NewPassword> {
        // Spaces count inside a passphrase, not around it: ten spaces are no password.
        let n = password.trim().chars().count();
        if password.trim().is_empty() {
            errors.add("password", FieldError::new("error-required"));
            None
        } else if n < Self::MIN {
            errors.add(
                "password",
                FieldError::with("error-too-short", "min", Self::MIN),
            );
            None
        } else if n > Self::MAX {
            errors.add(
                "password",
                FieldError::with("error-too-long", "max", Self::MAX),
            );
            None
        } else if password != confirm {
            errors.add(
                "password_confirm",
                FieldError::new("error-password-mismatch"),
            );
            None
        } else {
            Some(NewPassword(password.to_owned()))
        }
    }

    /// The password, for hashing.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

/// An invitation as typed into the form.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct InvitationForm {
    /// The invitee's address.
    pub email: String,
    /// The role to grant.
    pub role: String,
    /// The organisation an editor will edit (its slug), or empty.
    pub organisation: String,
}

/// A checked invitation.
#[derive(Debug, Clone)]
pub struct NewInvitation {
    /// The invitee's address.
    pub email: Email,
    /// The role to grant.
    pub role: Role,
    /// The organisation the invitee belongs to or edits.
    pub organisation: Option<Slug>,
}

impl TryFrom<&InvitationForm> for NewInvitation {
    type Error = FieldErrors;
    fn try_from(f: &InvitationForm) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::new();
        let email = errors.check("email", Email::try_from(f.email.clone()));
        let role = errors.check("role", Role::try_from(f.role.as_str()));
        let organisation = match f.organisation.trim() {
            "" => None,
            s => errors.check("organisation", Slug::try_from(s)),
        };
        if role == Some(Role::Editor)
            && organisation.is_none()
            && errors.get("organisation").is_none()
        {
            errors.add(
                "organisation",
                FieldError::new("error-editor-needs-organisation"),
            );
        }
        match (email, role) {
            (Some(email), Some(role)) if errors.is_empty() => Ok(NewInvitation {
                email,
                role,
                organisation,
            }),
            _ => Err(errors),
        }
    }
}

/// How long a personal API token may live, in days: the owner chooses one when making it.
pub const TOKEN_LIFETIMES: [i64; 3] = [30, 90, 365];

/// A token lifetime as chosen in a form (`"30"`, `"90"` or `"365"` days).
pub fn token_lifetime(days: &str) -> Result<i64, FieldError> {
    days.trim()
        .parse()
        .ok()
        .filter(|d| TOKEN_LIFETIMES.contains(d))
        .ok_or_else(|| FieldError::new("error-token-lifetime"))
}

/// A place on this site to go back to after signing in: a path (with its query) that starts
/// with exactly one `/` and holds only visible ASCII, so that no browser reads it as another site
/// (`//evil.example`, `/\\evil.example`, or `/\t/evil.example`, whose tab browsers drop) and it
/// always fits in a `Location` header.
pub fn local_path(next: &str) -> Option<&str> {
    let mut chars = next.chars();
    let one_slash = chars.next() == Some('/') && !matches!(chars.next(), Some('/' | '\\'));
    let visible = next.chars().all(|c| c.is_ascii_graphic() && c != '\\');
    (one_slash && visible).then_some(next)
}

/// The domain of the address an erased account keeps in place of its own. `.invalid` can never
/// be delivered to (RFC 2606), so nothing is ever mailed to a former member, and the address,
/// made from the account's number, stays unique and names nobody.
pub const FORMER_MEMBER_DOMAIN: &str = "former-member.invalid";

/// The placeholder address of erased account `id`.
pub fn former_member_address(id: i64) -> String {
    format!("erased-{id}@{FORMER_MEMBER_DOMAIN}")
}

/// Whether `email` is an erased account's placeholder: pages show "former member" for it and
/// no mail is sent to it.
pub fn is_former_member(email: &str) -> bool {
    email
        .rsplit_once('@')
        .is_some_and(|(_, domain)| domain.eq_ignore_ascii_case(FORMER_MEMBER_DOMAIN))
}

/// The checks before an admin erases a person: not oneself, not the last admin (the network
/// must never lose its last admin by a slip; the command line is not an account and could),
/// and the person's address or name typed again, as a confirmation that cannot be given by a
/// misplaced click (case and surrounding spaces aside).
pub fn check_erasure(
    own: bool,
    last_admin: bool,
    expected: &str,
    typed: &str,
) -> Result<(), FieldErrors> {
    let mut errors = FieldErrors::new();
    if own {
        errors.add("confirm", FieldError::new("error-erase-self"));
    } else if last_admin {
        errors.add("confirm", FieldError::new("error-erase-last-admin"));
    } else if typed.trim().to_lowercase() != expected.trim().to_lowercase() {
        errors.add("confirm", FieldError::new("error-erase-confirm"));
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

/// What an erasure does to the work the account left unfinished, decided here once. A practice
/// it is reviewing goes back to waiting for a reviewer, without its opinion: a coordinator
/// publishes on a recommendation, and one from a reviewer who is gone must not stay behind.
/// The history keeps the step under this name.
pub const REVIEW_HANDED_BACK: (PracticeStatus, PracticeStatus, &str) = (
    PracticeStatus::InReview,
    PracticeStatus::Submitted,
    "release_review",
);

/// The visits an erased account asked for that are cancelled: every one that can still be
/// called off (its host is told).
pub fn visits_cancelled_on_erasure() -> Vec<VisitStatus> {
    VisitStatus::ALL
        .into_iter()
        .filter(|s| s.after(VisitStep::Cancel).is_some())
        .collect()
}

/// The calls in which an erased account's requests are withdrawn: those whose allocation is not
/// published (a published one made its visits, which are cancelled instead).
pub const CALLS_WITHDRAWN_ON_ERASURE: [CallStatus; 2] = [CallStatus::Open, CallStatus::Proposed];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_erased_account_keeps_an_address_that_names_nobody_and_takes_no_mail() {
        let placeholder = former_member_address(17);
        assert!(is_former_member(&placeholder));
        assert!(placeholder.ends_with(".invalid"));
        assert!(!is_former_member("fatima@metz.example"));
        assert!(!is_former_member("former-member.invalid@metz.example"));
    }

    #[test]
    fn erasure_needs_the_address_typed_again_and_never_erases_oneself_or_the_last_admin() {
        assert!(check_erasure(false, false, "a@b.example", " A@B.example ").is_ok());
        assert!(check_erasure(false, false, "a@b.example", "a@c.example").is_err());
        assert!(check_erasure(false, false, "a@b.example", "").is_err());
        let key =
            |r: Result<(), FieldErrors>| r.expect_err("refused").get("confirm").map(|e| e.key);
        assert_eq!(
            key(check_erasure(true, false, "a@b.example", "a@b.example")),
            Some("error-erase-self")
        );
        assert_eq!(
            key(check_erasure(false, true, "a@b.example", "a@b.example")),
            Some("error-erase-last-admin")
        );
    }

    #[test]
    fn erasure_ends_every_visit_that_can_still_be_called_off_and_no_other() {
        let cancelled = visits_cancelled_on_erasure();
        for s in [
            VisitStatus::Open,
            VisitStatus::Requested,
            VisitStatus::Accepted,
            VisitStatus::Scheduled,
        ] {
            assert!(cancelled.contains(&s), "{s:?}");
        }
        for s in [
            VisitStatus::Done,
            VisitStatus::Reported,
            VisitStatus::Cancelled,
            VisitStatus::Declined,
        ] {
            assert!(!cancelled.contains(&s), "{s:?}");
        }
    }

    #[test]
    fn a_token_lives_thirty_days_ninety_or_a_year_and_nothing_else() {
        assert_eq!(token_lifetime("90"), Ok(90));
        assert_eq!(token_lifetime(" 365 "), Ok(365));
        for bad in ["", "0", "7", "-30", "forever", "3650"] {
            assert!(token_lifetime(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn only_paths_of_this_site_are_followed_after_sign_in() {
        for ok in [
            "/",
            "/en/people",
            "/de/practices?city=trier&page=2",
            "/fr/search?q=m%C3%A8res",
        ] {
            assert_eq!(local_path(ok), Some(ok), "{ok:?}");
        }
        for bad in [
            "",
            "people",
            "//evil.example/",
            "/\\evil.example",
            "/\t/evil.example/",
            "/\n/evil",
            "/\r\nSet-Cookie: x=y",
            "/a b",
            "https://evil.example/",
            "/caf\u{e9}",
            "/a\\b",
        ] {
            assert_eq!(local_path(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn a_short_password_names_the_minimum() {
        let mut errors = FieldErrors::new();
        assert!(NewPassword::parse("short", "short", &mut errors).is_none());
        assert_eq!(
            errors.get("password"),
            Some(&FieldError::with("error-too-short", "min", 10))
        );
    }

    #[test]
    fn a_mistyped_confirmation_is_reported_on_the_confirmation() {
        let mut errors = FieldErrors::new();
        assert!(NewPassword::parse("long enough 1", "long enough 2", &mut errors).is_none());
        assert_eq!(
            errors.get("password_confirm").map(|e| e.key),
            Some("error-password-mismatch")
        );
    }

    #[test]
    fn an_editor_invitation_needs_an_organisation() {
        let form = InvitationForm {
            email: "a@b.example".into(),
            role: "editor".into(),
            organisation: String::new(),
        };
        let errors = NewInvitation::try_from(&form).unwrap_err();
        assert_eq!(
            errors.get("organisation").map(|e| e.key),
            Some("error-editor-needs-organisation")
        );
    }

    #[test]
    fn an_invitation_reports_every_bad_field_at_once() {
        let form = InvitationForm {
            email: "nope".into(),
            role: "king".into(),
            organisation: "Bad Slug".into(),
        };
        let errors = NewInvitation::try_from(&form).unwrap_err();
        assert_eq!(errors.iter().count(), 3);
    }
}
