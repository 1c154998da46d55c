//! The transfer rules RPCs (SetTransferRules, GetTransferRules): validation and conversion only;
//! the store keeps the rules and [`App::transfer`] applies them.

use super::audit::{self, Actor};
use super::{check_name, parse_id};
use crate::app::App;
use crate::error::{Error, Result};
use crate::pb;
use crate::store::rules::{Rules, Subject};

/// The most targets one subject's rules may name (groups and terminals together).
const MAX_TARGETS: usize = 256;

/// The subject of `rules`, validated; `field` names the message it came in.
fn subject(field: &str, rules: Option<&pb::TransferRules>) -> Result<Subject> {
    use pb::transfer_rules::Subject as S;
    match rules.and_then(|r| r.subject.as_ref()) {
        Some(S::TerminalId(id)) => Ok(Subject::Terminal(parse_id(
            &format!("{field}.terminal_id"),
            id,
        )?)),
        Some(S::Group(group)) => {
            check_name(&format!("{field}.group"), group)?;
            Ok(Subject::Group(group.clone()))
        }
        None => Err(Error::invalid(
            format!("{field}.subject"),
            "is required: a terminal_id or a group",
        )),
    }
}

/// The targets of `r`, validated and normalised (terminal ids in their hyphenated lower-case
/// form, sorted, without duplicates). A terminal named need not exist yet.
fn targets(r: &pb::TransferRules) -> Result<Rules> {
    let given = r.allowed_groups.len() + r.allowed_terminal_ids.len();
    if given > MAX_TARGETS {
        return Err(Error::invalid(
            "rules",
            format!("names {given} targets; at most {MAX_TARGETS} are allowed"),
        ));
    }
    for (i, g) in r.allowed_groups.iter().enumerate() {
        check_name(&format!("rules.allowed_groups[{i}]"), g)?;
    }
    let terminals = r
        .allowed_terminal_ids
        .iter()
        .enumerate()
        .map(|(i, id)| parse_id(&format!("rules.allowed_terminal_ids[{i}]"), id))
        .collect::<Result<Vec<_>>>()?;
    Ok(Rules::new(r.allowed_groups.clone(), terminals))
}

fn rules_pb(subject: &Subject, rules: Option<&Rules>) -> pb::TransferRules {
    use pb::transfer_rules::Subject as S;
    pb::TransferRules {
        subject: Some(match subject {
            Subject::Terminal(id) => S::TerminalId(id.to_string()),
            Subject::Group(g) => S::Group(g.clone()),
        }),
        allowed_groups: rules.map(|r| r.groups.clone()).unwrap_or_default(),
        allowed_terminal_ids: rules
            .map(|r| r.terminals.iter().map(|t| t.to_string()).collect())
            .unwrap_or_default(),
    }
}

/// The audit record's account of a change: the subject and what it may now transfer to.
fn detail(subject: &Subject, rules: Option<&Rules>) -> String {
    let subject = match subject {
        Subject::Terminal(id) => format!("terminal={id}"),
        Subject::Group(g) => format!("group={g}"),
    };
    match rules {
        None => format!("{subject} cleared"),
        Some(r) => format!(
            "{subject} allowed_groups={} allowed_terminal_ids={}",
            r.groups.join(","),
            r.terminals
                .iter()
                .map(|t| t.to_string())
                .collect::<Vec<_>>()
                .join(",")
        ),
    }
}

pub(super) async fn set_transfer_rules(
    app: &App,
    by: &Actor,
    r: &pb::SetTransferRulesRequest,
) -> Result<pb::SetTransferRulesResponse> {
    let subject = subject("rules", r.rules.as_ref())?;
    let rules = r
        .rules
        .as_ref()
        .map(targets)
        .transpose()?
        .unwrap_or_default();
    if r.clear && !rules.is_empty() {
        return Err(Error::invalid(
            "clear",
            "removes the subject's rules: allowed_groups and allowed_terminal_ids must be empty",
        ));
    }
    if let Subject::Terminal(id) = subject
        && !app.terminal_exists(id).await?
    {
        return Err(Error::NotFound("terminal"));
    }
    let set = if r.clear {
        app.store.clear_transfer_rules(&subject).await?;
        None
    } else {
        app.store.set_transfer_rules(&subject, &rules).await?;
        Some(rules)
    };
    let terminal_id = match &subject {
        Subject::Terminal(id) => id.to_string(),
        Subject::Group(_) => String::new(),
    };
    audit::record(
        app,
        by,
        "SetTransferRules",
        &terminal_id,
        detail(&subject, set.as_ref()),
    )
    .await?;
    Ok(pb::SetTransferRulesResponse {
        rules: Some(rules_pb(&subject, set.as_ref())),
        restricted: set.is_some(),
    })
}

pub(super) async fn get_transfer_rules(
    app: &App,
    r: &pb::GetTransferRulesRequest,
) -> Result<pb::GetTransferRulesResponse> {
    let subject = subject("subject", r.subject.as_ref())?;
    let rules = app.store.transfer_rules(&subject).await?;
    Ok(pb::GetTransferRulesResponse {
        rules: Some(rules_pb(&subject, rules.as_ref())),
        restricted: rules.is_some(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(groups: &[&str], terminals: &[&str]) -> pb::TransferRules {
        pb::TransferRules {
            subject: Some(pb::transfer_rules::Subject::Group("tier1".into())),
            allowed_groups: groups.iter().map(|g| g.to_string()).collect(),
            allowed_terminal_ids: terminals.iter().map(|t| t.to_string()).collect(),
        }
    }

    #[test]
    fn targets_are_normalised() {
        let upper = "0190A3E4-5B6C-7D8E-9F00-112233445566";
        let simple = "0190a3e45b6c7d8e9f00112233445566";
        let rules = targets(&request(&["tier2", "billing", "tier2"], &[upper, simple])).unwrap();
        assert_eq!(rules.groups, ["billing", "tier2"]);
        let ids: Vec<String> = rules.terminals.iter().map(|t| t.to_string()).collect();
        assert_eq!(ids, ["0190a3e4-5b6c-7d8e-9f00-112233445566"]);
    }

    #[test]
    fn targets_are_bounded_and_checked() {
        let many: Vec<String> = (0..=MAX_TARGETS).map(|i| format!("g{i}")).collect();
        let many: Vec<&str> = many.iter().map(String::as_str).collect();
        assert!(targets(&request(&many, &[])).is_err());
        assert!(targets(&request(&many[..MAX_TARGETS], &[])).is_ok());
        assert!(targets(&request(&["bad name"], &[])).is_err());
        assert!(targets(&request(&[], &["not-a-uuid"])).is_err());
        assert!(targets(&request(&[], &[""])).is_err());
    }
}
