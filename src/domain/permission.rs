//! The one permission rule: `can(actor, action)` decides every action for every role.
//!
//! Handlers and `app` never compare roles themselves; they name the action and ask here.

use crate::domain::accounts::{Actor, Role};
use crate::domain::catalogue::practice::{PracticeStatus, Transition};
use crate::domain::exchange::visit::{Side, Sides, Step, VisitFacts, VisitStatus};

/// What the permission rule needs to know about one practice and the person asking.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PracticeFacts {
    /// Where the practice stands.
    pub status: PracticeStatus,
    /// The asker belongs to one of its owner organisations.
    pub own_organisation: bool,
    /// Whether the asker's organisation is in the practice's city; `None` when the asker has none.
    pub same_city: Option<bool>,
    /// The asker is its reviewer.
    pub reviewer: bool,
    /// Its reviewer has recommended publication.
    pub recommended: bool,
}

/// One way to be allowed to read a practice. The permission rule and the storage filter are
/// both built from [`practice_grounds`], so they cannot drift: the rule checks each ground
/// against [`PracticeFacts`], storage turns each into one SQL condition (an exhaustive match, so
/// a new ground cannot be forgotten there).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PracticeGround {
    /// It is published.
    Published,
    /// The reader is its reviewer.
    Reviewing,
    /// It awaits a reviewer, and is in another city than the reader's organisation.
    SubmittedElsewhere,
    /// The reader's organisation is one of its owners.
    Owned,
}

impl PracticeGround {
    /// Whether this ground lets the reader of `f` read it.
    pub fn holds(self, f: &PracticeFacts) -> bool {
        match self {
            PracticeGround::Published => f.status.is_public(),
            PracticeGround::Reviewing => f.reviewer,
            PracticeGround::SubmittedElsewhere => {
                f.status == PracticeStatus::Submitted && f.same_city == Some(false)
            }
            PracticeGround::Owned => f.own_organisation,
        }
    }
}

/// The grounds on which `actor` reads practices; `None` means every practice (coordinators,
/// admins and the command line). Members from other cities read submitted practices to decide
/// whether to review them.
pub fn practice_grounds(actor: &Actor) -> Option<&'static [PracticeGround]> {
    use PracticeGround::*;
    match actor {
        Actor::Anonymous => Some(&[Published]),
        Actor::System => None,
        Actor::User {
            role: Role::Admin | Role::Coordinator,
            ..
        } => None,
        Actor::User { .. } => Some(&[Published, Reviewing, SubmittedElsewhere, Owned]),
    }
}

fn reads_practice(actor: &Actor, f: &PracticeFacts) -> bool {
    practice_grounds(actor).is_none_or(|grounds| grounds.iter().any(|g| g.holds(f)))
}

/// Everything someone may try to do in the directory and with accounts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Read countries, cities, organisations and people (public).
    ViewDirectory,
    /// See people's e-mail addresses (members only).
    ViewContactDetails,
    /// Add an organisation.
    CreateOrganisation,
    /// Change an organisation.
    EditOrganisation {
        /// The organisation concerned.
        organisation_id: i64,
    },
    /// Move an organisation to another city. Its own editors may not: the city decides who may
    /// review its practices ("a member from another city").
    MoveOrganisation,
    /// Remove an organisation with its people.
    DeleteOrganisation,
    /// Add, change or remove a person of an organisation.
    EditPeople {
        /// The organisation the person belongs to.
        organisation_id: i64,
    },
    /// Add or change countries and cities.
    EditPlaces,
    /// Add or rename themes of the taxonomy.
    EditTaxonomy,
    /// Add, change, import or remove glossary concepts.
    EditGlossary,
    /// Read a placement of the exchange programme; open ones are public.
    ViewPlacement {
        /// Whether it takes requests.
        open: bool,
    },
    /// Publish or change a placement for a host organisation.
    EditPlacement {
        /// The host.
        organisation_id: i64,
    },
    /// Ask for a visit (for a placement, or open).
    RequestVisit,
    /// Read a visit: its two sides and the coordinators.
    ViewVisit(VisitFacts),
    /// Take a step of a visit's lifecycle.
    StepVisit(Step, VisitFacts),
    /// Confirm the agreement checklist for one side.
    ConfirmAgreement(Side, VisitFacts),
    /// Add the host's view to a learning report.
    AddHostView(VisitFacts),
    /// Read a learning report; published ones are public.
    ViewReport {
        /// Whether the visitor published it.
        published: bool,
    },
    /// Change the agreement checklist of the exchange programme.
    EditChecklist,
    /// Open calls for exchanges, run and change their allocation, publish it.
    ManageCalls,
    /// Send or change one's request in a call.
    RequestInCall {
        /// Whether the call still takes requests.
        open: bool,
    },
    /// Invite someone with a role.
    Invite {
        /// The role the invitation grants.
        role: Role,
    },
    /// Read a practice.
    ViewPractice(PracticeFacts),
    /// Write a new practice for an organisation.
    CreatePractice {
        /// The owner organisation.
        organisation_id: i64,
    },
    /// Change a practice's record. A published practice is changed by coordinators and admins
    /// only: they published it, so they answer for what the public reads.
    EditPractice(PracticeFacts),
    /// Read a practice's earlier versions: its owners' people, coordinators and admins, and its
    /// reviewer while the review runs.
    ReadRevisions(PracticeFacts),
    /// Set a practice's owner organisations, which decide who edits it and who reads its drafts.
    ChangePracticeOwners {
        /// Organisations other than the asker's own are added or removed.
        others_changed: bool,
        /// The asker's own organisation stays (or becomes) an owner.
        keeps_own: bool,
    },
    /// Translate a practice's texts (any status but archived: translating leaves the original
    /// alone; a published practice's translations are changed by coordinators and admins).
    TranslatePractice(PracticeFacts),
    /// Take a submitted practice for review oneself (only from another city).
    TakeReview(PracticeFacts),
    /// Assign a submitted practice to a reviewer (who must be allowed to take it).
    AssignReview(PracticeFacts),
    /// Move a practice along the workflow.
    Step(Transition, PracticeFacts),
    /// Change other accounts' roles and see the list of accounts.
    ManageAccounts,
    /// Change one's own password and API tokens.
    ManageOwnAccount,
    /// Read the audit log: who changed what, when and from where.
    ReadAuditLog,
    /// Erase a person: their account and directory entries go, their contributions stay as a
    /// former member's.
    ErasePerson,
    /// Write the site's imprint and privacy notice.
    EditSitePages,
}

/// Whether `actor` may do `action`.
pub fn can(actor: &Actor, action: Action) -> bool {
    use Action::*;
    let (role, own_org) = match actor {
        Actor::Anonymous => {
            return match action {
                ViewDirectory => true,
                ViewPractice(f) => reads_practice(actor, &f),
                ViewPlacement { open } => open,
                ViewReport { published } => published,
                _ => false,
            };
        }
        Actor::System => return true,
        Actor::User {
            role,
            organisation_id,
            ..
        } => (*role, *organisation_id),
    };
    let staff = matches!(role, Role::Admin | Role::Coordinator);
    let edits = |org: i64| staff || (role == Role::Editor && own_org == Some(org));
    match action {
        ViewDirectory | ViewContactDetails | ManageOwnAccount => true,
        CreateOrganisation | DeleteOrganisation | EditPlaces | EditTaxonomy | EditGlossary => staff,
        EditOrganisation { organisation_id } | EditPeople { organisation_id } => {
            edits(organisation_id)
        }
        MoveOrganisation => staff,
        ChangePracticeOwners {
            others_changed,
            keeps_own,
        } => staff || (role == Role::Editor && keeps_own && !others_changed),
        Invite {
            role: Role::Member | Role::Editor,
        } => staff,
        Invite {
            role: Role::Coordinator | Role::Admin,
        }
        | ManageAccounts
        | ReadAuditLog
        | ErasePerson
        | EditSitePages => role == Role::Admin,
        CreatePractice { organisation_id } | EditPlacement { organisation_id } => {
            edits(organisation_id)
        }
        ViewPlacement { .. } | RequestVisit | ViewReport { .. } => true,
        EditChecklist | ManageCalls => staff,
        RequestInCall { open } => open,
        ViewVisit(f) => staff || f.visitor || f.host,
        StepVisit(step, f) => {
            // Whoever asked for a visit never takes the host's steps on it, staff or not.
            let side = match step.taken_by() {
                Sides::Visitor => f.visitor,
                Sides::Host => (f.host || staff) && !f.visitor,
                Sides::Either => f.visitor || f.host || staff,
            };
            let in_time = step != crate::domain::exchange::visit::Step::Complete || f.started;
            side && in_time && f.status.after(step).is_some()
        }
        ConfirmAgreement(side, f) => {
            let mine = match side {
                Side::Visitor => f.visitor,
                Side::Host => f.host,
            };
            mine && matches!(f.status, VisitStatus::Accepted | VisitStatus::Scheduled)
        }
        AddHostView(f) => (f.host || staff) && !f.visitor && f.status == VisitStatus::Reported,
        ViewPractice(f) => reads_practice(actor, &f),
        EditPractice(f) => {
            let author = role == Role::Editor && f.own_organisation;
            let open = matches!(
                f.status,
                PracticeStatus::Draft | PracticeStatus::ChangesRequested
            );
            (staff && f.status != PracticeStatus::Archived) || (author && open)
        }
        ReadRevisions(f) => {
            staff
                || (f.own_organisation && f.status != PracticeStatus::Archived)
                || (f.reviewer && f.status == PracticeStatus::InReview)
        }
        // Like its original text, a published practice's translations are changed by those who
        // published it.
        TranslatePractice(f) => {
            let author =
                role == Role::Editor && f.own_organisation && f.status != PracticeStatus::Published;
            f.status != PracticeStatus::Archived && (staff || author)
        }
        TakeReview(f) => {
            f.status == PracticeStatus::Submitted
                && f.same_city == Some(false)
                && !f.own_organisation
        }
        AssignReview(f) => staff && f.status == PracticeStatus::Submitted,
        Step(t, f) => {
            let author = staff || (role == Role::Editor && f.own_organisation);
            let allowed = match t {
                Transition::Submit | Transition::Archive => author,
                Transition::StartReview => false,
                // From another city at the time of the step, not only when the review was taken.
                Transition::RequestChanges | Transition::Recommend => {
                    f.reviewer && f.same_city == Some(false)
                }
                Transition::Publish => staff && f.recommended,
                Transition::Republish => staff,
            };
            allowed && f.status.after(t).is_some()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const OWN: i64 = 1;
    const OTHER: i64 = 2;

    fn user(role: Role) -> Actor {
        Actor::User {
            id: 9,
            role,
            organisation_id: Some(OWN),
        }
    }

    /// Every action against every kind of actor: anonymous, member, editor of OWN, coordinator, admin.
    #[test]
    fn every_action_for_every_role() {
        use Action::*;
        let actors = [
            Actor::Anonymous,
            user(Role::Member),
            user(Role::Editor),
            user(Role::Coordinator),
            user(Role::Admin),
        ];
        #[rustfmt::skip]
        let table: &[(Action, [bool; 5])] = &[
            //                                          anon   member editor coord  admin
            (ViewDirectory,                             [true,  true,  true,  true,  true]),
            (ViewContactDetails,                        [false, true,  true,  true,  true]),
            (CreateOrganisation,                        [false, false, false, true,  true]),
            (EditOrganisation { organisation_id: OWN }, [false, false, true,  true,  true]),
            (EditOrganisation { organisation_id: OTHER },[false, false, false, true,  true]),
            (DeleteOrganisation,                        [false, false, false, true,  true]),
            (EditPeople { organisation_id: OWN },       [false, false, true,  true,  true]),
            (EditPeople { organisation_id: OTHER },     [false, false, false, true,  true]),
            (EditPlaces,                                [false, false, false, true,  true]),
            (EditTaxonomy,                              [false, false, false, true,  true]),
            (EditGlossary,                              [false, false, false, true,  true]),
            (ViewPlacement { open: true },              [true,  true,  true,  true,  true]),
            (ViewPlacement { open: false },             [false, true,  true,  true,  true]),
            (EditPlacement { organisation_id: OWN },    [false, false, true,  true,  true]),
            (EditPlacement { organisation_id: OTHER },  [false, false, false, true,  true]),
            (Invite { role: Role::Member },             [false, false, false, true,  true]),
            (Invite { role: Role::Editor },             [false, false, false, true,  true]),
            (Invite { role: Role::Coordinator },        [false, false, false, false, true]),
            (Invite { role: Role::Admin },              [false, false, false, false, true]),
            (ManageAccounts,                            [false, false, false, false, true]),
            (ManageOwnAccount,                          [false, true,  true,  true,  true]),
            (ReadAuditLog,                              [false, false, false, false, true]),
            (ErasePerson,                               [false, false, false, false, true]),
            (EditSitePages,                             [false, false, false, false, true]),
        ];
        for (action, expected) in table {
            for (actor, want) in actors.iter().zip(expected) {
                assert_eq!(can(actor, *action), *want, "{actor:?} doing {action:?}");
            }
        }
    }

    /// Visit actions for: anonymous, member, editor, coordinator, admin, with the asker as the
    /// visitor, as the host's editor, or neither.
    #[test]
    fn visit_actions_for_every_role() {
        use crate::domain::exchange::visit::Step as VisitStep;
        use Action::*;
        use VisitStatus::*;
        let actors = [
            Actor::Anonymous,
            user(Role::Member),
            user(Role::Editor),
            user(Role::Coordinator),
            user(Role::Admin),
        ];
        let neither = |status| VisitFacts {
            status,
            visitor: false,
            host: false,
            started: true,
        };
        let visitor = |status| VisitFacts {
            status,
            visitor: true,
            host: false,
            started: true,
        };
        let host = |status| VisitFacts {
            status,
            visitor: false,
            host: true,
            started: true,
        };
        #[rustfmt::skip]
        let table: &[(Action, [bool; 5])] = &[
            //                                                        anon   member editor coord  admin
            (RequestVisit,                                            [false, true,  true,  true,  true]),
            (EditChecklist,                                           [false, false, false, true,  true]),
            (ManageCalls,                                             [false, false, false, true,  true]),
            (RequestInCall { open: true },                            [false, true,  true,  true,  true]),
            (RequestInCall { open: false },                           [false, false, false, false, false]),
            (ViewReport { published: true },                          [true,  true,  true,  true,  true]),
            (ViewReport { published: false },                         [false, true,  true,  true,  true]),
            (ViewVisit(neither(Requested)),                           [false, false, false, true,  true]),
            (ViewVisit(visitor(Requested)),                           [false, true,  true,  true,  true]),
            (ViewVisit(host(Requested)),                              [false, true,  true,  true,  true]),
            (StepVisit(VisitStep::Accept, host(Requested)),                [false, true,  true,  true,  true]),
            (StepVisit(VisitStep::Accept, visitor(Requested)),             [false, false, false, false, false]),
            (StepVisit(VisitStep::Accept, neither(Requested)),             [false, false, false, true,  true]),
            (StepVisit(VisitStep::Accept, host(Accepted)),                 [false, false, false, false, false]),
            (StepVisit(VisitStep::Request, visitor(Open)),                 [false, true,  true,  true,  true]),
            (StepVisit(VisitStep::Request, host(Open)),                    [false, false, false, false, false]),
            (StepVisit(VisitStep::Report, visitor(Done)),                  [false, true,  true,  true,  true]),
            (StepVisit(VisitStep::Report, neither(Done)),                  [false, false, false, false, false]),
            (StepVisit(VisitStep::Cancel, visitor(Scheduled)),             [false, true,  true,  true,  true]),
            (StepVisit(VisitStep::Cancel, host(Scheduled)),                [false, true,  true,  true,  true]),
            (StepVisit(VisitStep::Cancel, neither(Scheduled)),             [false, false, false, true,  true]),
            (StepVisit(VisitStep::Cancel, visitor(Done)),                  [false, false, false, false, false]),
            (StepVisit(VisitStep::Complete, visitor(Scheduled)),           [false, true,  true,  true,  true]),
            (StepVisit(VisitStep::Complete, VisitFacts { started: false, ..visitor(Scheduled) }), [false, false, false, false, false]),
            (StepVisit(VisitStep::Complete, VisitFacts { started: false, ..host(Scheduled) }),    [false, false, false, false, false]),
            (ConfirmAgreement(Side::Visitor, visitor(Accepted)),      [false, true,  true,  true,  true]),
            (ConfirmAgreement(Side::Host, visitor(Accepted)),         [false, false, false, false, false]),
            (ConfirmAgreement(Side::Host, host(Accepted)),            [false, true,  true,  true,  true]),
            (ConfirmAgreement(Side::Host, host(Requested)),           [false, false, false, false, false]),
            (AddHostView(host(Reported)),                             [false, true,  true,  true,  true]),
            (AddHostView(visitor(Reported)),                          [false, false, false, false, false]),
            (AddHostView(host(Done)),                                 [false, false, false, false, false]),
        ];
        for (action, expected) in table {
            for (actor, want) in actors.iter().zip(expected) {
                assert_eq!(can(actor, *action), *want, "{actor:?} doing {action:?}");
            }
        }
    }

    fn facts(status: PracticeStatus) -> PracticeFacts {
        PracticeFacts {
            status,
            own_organisation: false,
            same_city: Some(false),
            reviewer: false,
            recommended: false,
        }
    }

    /// Practice actions for: anonymous, member, editor, coordinator, admin, seen from another city.
    #[test]
    fn practice_actions_for_every_role() {
        use Action::*;
        use PracticeStatus::*;
        let actors = [
            Actor::Anonymous,
            user(Role::Member),
            user(Role::Editor),
            user(Role::Coordinator),
            user(Role::Admin),
        ];
        let own = |s| PracticeFacts {
            own_organisation: true,
            same_city: Some(true),
            ..facts(s)
        };
        let reviewing = PracticeFacts {
            reviewer: true,
            ..facts(InReview)
        };
        let recommended = PracticeFacts {
            recommended: true,
            ..facts(InReview)
        };
        #[rustfmt::skip]
        let table: &[(Action, [bool; 5])] = &[
            //                                                  anon   member editor coord  admin
            (ViewPractice(facts(Published)),                    [true,  true,  true,  true,  true]),
            (ViewPractice(facts(Archived)),                     [false, false, false, true,  true]),
            (ViewPractice(own(Archived)),                       [false, true,  true,  true,  true]),
            (ViewPractice(facts(Draft)),                        [false, false, false, true,  true]),
            (ViewPractice(facts(Submitted)),                    [false, true,  true,  true,  true]),
            (ViewPractice(PracticeFacts { same_city: Some(true), ..facts(Submitted) }), [false, false, false, true, true]),
            (ViewPractice(own(Draft)),                          [false, true,  true,  true,  true]),
            (ViewPractice(reviewing),                           [false, true,  true,  true,  true]),
            (ReadRevisions(facts(Published)),                   [false, false, false, true,  true]),
            (ReadRevisions(own(Published)),                     [false, true,  true,  true,  true]),
            (ReadRevisions(own(Archived)),                      [false, false, false, true,  true]),
            (ReadRevisions(reviewing),                          [false, true,  true,  true,  true]),
            (ReadRevisions(PracticeFacts { reviewer: true, ..facts(Published) }), [false, false, false, true, true]),
            (CreatePractice { organisation_id: OWN },           [false, false, true,  true,  true]),
            (CreatePractice { organisation_id: OTHER },         [false, false, false, true,  true]),
            (EditPractice(own(Draft)),                          [false, false, true,  true,  true]),
            (EditPractice(own(Submitted)),                      [false, false, false, true,  true]),
            (EditPractice(own(Published)),                      [false, false, false, true,  true]),
            (EditPractice(own(ChangesRequested)),               [false, false, true,  true,  true]),
            (ChangePracticeOwners { others_changed: false, keeps_own: true },  [false, false, true,  true,  true]),
            (ChangePracticeOwners { others_changed: true, keeps_own: true },   [false, false, false, true,  true]),
            (ChangePracticeOwners { others_changed: false, keeps_own: false }, [false, false, false, true,  true]),
            (MoveOrganisation,                                  [false, false, false, true,  true]),
            (EditPractice(own(Archived)),                       [false, false, false, false, false]),
            (EditPractice(facts(Draft)),                        [false, false, false, true,  true]),
            (TranslatePractice(own(Submitted)),                 [false, false, true,  true,  true]),
            (TranslatePractice(own(Published)),                 [false, false, false, true,  true]),
            (TranslatePractice(facts(Published)),               [false, false, false, true,  true]),
            (TranslatePractice(own(Archived)),                  [false, false, false, false, false]),
            (Step(Transition::Submit, own(Draft)),              [false, false, true,  true,  true]),
            (Step(Transition::Submit, own(Published)),          [false, false, false, false, false]),
            (Step(Transition::Submit, facts(Draft)),            [false, false, false, true,  true]),
            (TakeReview(facts(Submitted)),                      [false, true,  true,  true,  true]),
            (TakeReview(own(Submitted)),                        [false, false, false, false, false]),
            (TakeReview(PracticeFacts { same_city: Some(true), ..facts(Submitted) }), [false, false, false, false, false]),
            (TakeReview(PracticeFacts { same_city: None, ..facts(Submitted) }),       [false, false, false, false, false]),
            (TakeReview(facts(Draft)),                          [false, false, false, false, false]),
            (AssignReview(facts(Submitted)),                    [false, false, false, true,  true]),
            (Step(Transition::Recommend, reviewing),            [false, true,  true,  true,  true]),
            (Step(Transition::RequestChanges, reviewing),       [false, true,  true,  true,  true]),
            (Step(Transition::RequestChanges, facts(InReview)), [false, false, false, false, false]),
            // A reviewer whose organisation moved into the practice's city can no longer decide.
            (Step(Transition::Recommend, PracticeFacts { same_city: Some(true), ..reviewing }), [false, false, false, false, false]),
            (Step(Transition::RequestChanges, PracticeFacts { same_city: None, ..reviewing }),  [false, false, false, false, false]),
            (Step(Transition::Publish, facts(InReview)),        [false, false, false, false, false]),
            (Step(Transition::Publish, recommended),            [false, false, false, true,  true]),
            (Step(Transition::Archive, own(Published)),         [false, false, true,  true,  true]),
            (Step(Transition::Republish, facts(Archived)),      [false, false, false, true,  true]),
            (Step(Transition::StartReview, facts(Submitted)),   [false, false, false, false, false]),
        ];
        for (action, expected) in table {
            for (actor, want) in actors.iter().zip(expected) {
                assert_eq!(can(actor, *action), *want, "{actor:?} doing {action:?}");
            }
        }
    }

    #[test]
    fn the_command_line_may_do_everything() {
        assert!(can(&Actor::System, Action::ManageAccounts));
        assert!(can(&Actor::System, Action::Invite { role: Role::Admin }));
    }

    #[test]
    fn a_member_with_an_organisation_cannot_edit_it() {
        assert!(!can(
            &user(Role::Member),
            Action::EditOrganisation {
                organisation_id: OWN
            }
        ));
    }
}
