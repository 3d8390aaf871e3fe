//! The one permission rule: `can(actor, action)` decides every action for every role.
//!
//! Handlers and `app` never compare roles themselves; they name the action and ask here.

use super::account::{Actor, Role};

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
    /// Remove an organisation with its people.
    DeleteOrganisation,
    /// Add, change or remove a person of an organisation.
    EditPeople {
        /// The organisation the person belongs to.
        organisation_id: i64,
    },
    /// Add or change countries and cities.
    EditPlaces,
    /// Invite someone with a role.
    Invite {
        /// The role the invitation grants.
        role: Role,
    },
    /// Change other accounts' roles and see the list of accounts.
    ManageAccounts,
    /// Change one's own password and API tokens.
    ManageOwnAccount,
}

/// Whether `actor` may do `action`.
pub fn can(actor: &Actor, action: Action) -> bool {
    use Action::*;
    let (role, own_org) = match actor {
        Actor::Anonymous => return matches!(action, ViewDirectory),
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
        CreateOrganisation | DeleteOrganisation | EditPlaces => staff,
        EditOrganisation { organisation_id } | EditPeople { organisation_id } => {
            edits(organisation_id)
        }
        Invite {
            role: Role::Member | Role::Editor,
        } => staff,
        Invite {
            role: Role::Coordinator | Role::Admin,
        }
        | ManageAccounts => role == Role::Admin,
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
            (Invite { role: Role::Member },             [false, false, false, true,  true]),
            (Invite { role: Role::Editor },             [false, false, false, true,  true]),
            (Invite { role: Role::Coordinator },        [false, false, false, false, true]),
            (Invite { role: Role::Admin },              [false, false, false, false, true]),
            (ManageAccounts,                            [false, false, false, false, true]),
            (ManageOwnAccount,                          [false, true,  true,  true,  true]),
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
