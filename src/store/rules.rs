//! Storage of transfer rules: where a terminal, or the members of a group, may transfer sessions
//! to. A subject with rules is restricted to them (an empty set: it may transfer nowhere); one
//! without is unrestricted. Rules are rare and change rarely, but they are read on every
//! Transfer, so that read is one statement on primary keys.
//!
//! Subjects and targets are stored as text, a terminal id in its hyphenated lower-case form: one
//! column holds either a terminal or a group, and a target may name a terminal that does not
//! exist yet.

use uuid::Uuid;

use crate::error::Result;

/// Whose rules: a terminal's own, or a group's (which apply to its members).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Subject {
    Terminal(Uuid),
    Group(String),
}

impl Subject {
    /// The `subject_kind` column.
    pub fn kind(&self) -> &'static str {
        match self {
            Subject::Terminal(_) => KIND_TERMINAL,
            Subject::Group(_) => KIND_GROUP,
        }
    }

    /// The `subject` column.
    pub fn key(&self) -> String {
        match self {
            Subject::Terminal(id) => id.hyphenated().to_string(),
            Subject::Group(name) => name.clone(),
        }
    }
}

/// The targets a subject may transfer to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rules {
    /// Sorted, without duplicates.
    pub groups: Vec<String>,
    /// Sorted, without duplicates.
    pub terminals: Vec<Uuid>,
}

impl Rules {
    /// The rules of these targets, sorted and without duplicates.
    pub fn new(mut groups: Vec<String>, mut terminals: Vec<Uuid>) -> Rules {
        groups.sort();
        groups.dedup();
        terminals.sort();
        terminals.dedup();
        Rules { groups, terminals }
    }

    pub fn allows_terminal(&self, id: Uuid) -> bool {
        self.terminals.binary_search(&id).is_ok()
    }

    pub fn allows_group(&self, group: &str) -> bool {
        self.groups
            .binary_search_by(|g| g.as_str().cmp(group))
            .is_ok()
    }

    /// How many targets there are.
    pub fn len(&self) -> usize {
        self.groups.len() + self.terminals.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

pub const KIND_TERMINAL: &str = "terminal";
pub const KIND_GROUP: &str = "group";

/// Rows `(subject_kind, subject, target_kind, target)` read with a left join (a subject without
/// targets comes with NULL ones), folded into each subject's rules.
pub(super) fn fold(
    rows: Vec<(String, String, Option<String>, Option<String>)>,
) -> Result<Vec<(Subject, Rules)>> {
    let mut out: Vec<(Subject, Vec<String>, Vec<Uuid>)> = Vec::new();
    for (kind, key, target_kind, target) in rows {
        let subject = match kind.as_str() {
            KIND_TERMINAL => Subject::Terminal(super::shared::parse_uuid(&key)?),
            KIND_GROUP => Subject::Group(key),
            other => {
                return Err(crate::error::Error::Internal(format!(
                    "stored transfer rule subject kind {other:?}"
                )));
            }
        };
        let at = match out.iter().position(|(s, _, _)| *s == subject) {
            Some(at) => at,
            None => {
                out.push((subject, Vec::new(), Vec::new()));
                out.len() - 1
            }
        };
        match (target_kind.as_deref(), target) {
            (Some(KIND_GROUP), Some(t)) => out[at].1.push(t),
            (Some(KIND_TERMINAL), Some(t)) => out[at].2.push(super::shared::parse_uuid(&t)?),
            (None, None) => {}
            (other, _) => {
                return Err(crate::error::Error::Internal(format!(
                    "stored transfer rule target kind {other:?}"
                )));
            }
        }
    }
    Ok(out
        .into_iter()
        .map(|(s, groups, terminals)| (s, Rules::new(groups, terminals)))
        .collect())
}

#[tonic::async_trait]
pub trait RulesStore: Send + Sync + 'static {
    /// Replaces a subject's rules (it becomes restricted to `rules`, however few), atomically.
    async fn set_transfer_rules(&self, subject: &Subject, rules: &Rules) -> Result<()>;
    /// Removes a subject's rules (it becomes unrestricted); false when it had none.
    async fn clear_transfer_rules(&self, subject: &Subject) -> Result<bool>;
    /// A subject's own rules; None when it has none (unrestricted).
    async fn transfer_rules(&self, subject: &Subject) -> Result<Option<Rules>>;
    /// Where a terminal in `groups` may transfer to: its own rules if it has any, else the union
    /// of the rules of those of its groups that have any; None when neither it nor any of its
    /// groups has rules (unrestricted). One read.
    async fn allowed_targets(&self, terminal: Uuid, groups: &[String]) -> Result<Option<Rules>>;
}

/// The implementation both backends share, on the helpers [`super::shared::store_impl`] defines
/// in the same module and the backend's `text_any_of`, `text_list` and `begin_write`.
macro_rules! rules_impl {
    ($store:ty) => {
        use $crate::store::rules::{KIND_GROUP, KIND_TERMINAL, Rules, RulesStore, Subject};

        /// A subject's rows, subject first, targets after (NULL when it has none).
        const SELECT_RULES: &str = "SELECT s.subject_kind, s.subject, t.target_kind, t.target \
             FROM transfer_rule_subjects s LEFT JOIN transfer_rule_targets t \
             ON t.subject_kind = s.subject_kind AND t.subject = s.subject";

        #[tonic::async_trait]
        impl RulesStore for $store {
            async fn set_transfer_rules(&self, subject: &Subject, rules: &Rules) -> Result<()> {
                let (kind, key) = (subject.kind(), subject.key());
                let mut tx = self.begin_write().await?;
                sqlx::query(
                    "DELETE FROM transfer_rule_targets WHERE subject_kind = $1 AND subject = $2",
                )
                .bind(kind)
                .bind(&key)
                .execute(&mut *tx)
                .await?;
                sqlx::query(
                    "INSERT INTO transfer_rule_subjects (subject_kind, subject) VALUES ($1, $2) \
                     ON CONFLICT (subject_kind, subject) DO NOTHING",
                )
                .bind(kind)
                .bind(&key)
                .execute(&mut *tx)
                .await?;
                let targets: Vec<(&str, String)> = rules
                    .groups
                    .iter()
                    .map(|g| (KIND_GROUP, g.clone()))
                    .chain(
                        rules
                            .terminals
                            .iter()
                            .map(|t| (KIND_TERMINAL, t.hyphenated().to_string())),
                    )
                    .collect();
                // One statement for all of them (at most a few hundred, as the API allows).
                if !targets.is_empty() {
                    let values: Vec<String> = (0..targets.len())
                        .map(|i| format!("($1, $2, ${}, ${})", 3 + 2 * i, 4 + 2 * i))
                        .collect();
                    let sql = format!(
                        "INSERT INTO transfer_rule_targets (subject_kind, subject, target_kind, \
                         target) VALUES {} ON CONFLICT DO NOTHING",
                        values.join(", ")
                    );
                    let mut q = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(kind).bind(&key);
                    for (target_kind, target) in targets {
                        q = q.bind(target_kind).bind(target);
                    }
                    q.execute(&mut *tx).await?;
                }
                tx.commit().await?;
                Ok(())
            }

            async fn clear_transfer_rules(&self, subject: &Subject) -> Result<bool> {
                let (kind, key) = (subject.kind(), subject.key());
                let mut tx = self.begin_write().await?;
                sqlx::query(
                    "DELETE FROM transfer_rule_targets WHERE subject_kind = $1 AND subject = $2",
                )
                .bind(kind)
                .bind(&key)
                .execute(&mut *tx)
                .await?;
                let done = sqlx::query(
                    "DELETE FROM transfer_rule_subjects WHERE subject_kind = $1 AND subject = $2",
                )
                .bind(kind)
                .bind(&key)
                .execute(&mut *tx)
                .await?;
                tx.commit().await?;
                Ok(done.rows_affected() > 0)
            }

            async fn transfer_rules(&self, subject: &Subject) -> Result<Option<Rules>> {
                let sql = format!("{SELECT_RULES} WHERE s.subject_kind = $1 AND s.subject = $2");
                let rows = sqlx::query_as(sqlx::AssertSqlSafe(sql))
                    .bind(subject.kind())
                    .bind(subject.key())
                    .fetch_all(&self.read)
                    .await?;
                Ok($crate::store::rules::fold(rows)?
                    .into_iter()
                    .next()
                    .map(|(_, rules)| rules))
            }

            async fn allowed_targets(
                &self,
                terminal: uuid::Uuid,
                groups: &[String],
            ) -> Result<Option<Rules>> {
                // The terminal's rows and its groups' in one read; which apply is decided here.
                let sql = format!(
                    "{SELECT_RULES} WHERE (s.subject_kind = $1 AND s.subject = $2) \
                     OR (s.subject_kind = $3 AND s.subject {})",
                    <$store>::text_any_of(4)
                );
                let rows = sqlx::query_as(sqlx::AssertSqlSafe(sql))
                    .bind(KIND_TERMINAL)
                    .bind(terminal.hyphenated().to_string())
                    .bind(KIND_GROUP)
                    .bind(<$store>::text_list(groups))
                    .fetch_all(&self.read)
                    .await?;
                let mut found = $crate::store::rules::fold(rows)?;
                if let Some(at) = found
                    .iter()
                    .position(|(s, _)| matches!(s, Subject::Terminal(_)))
                {
                    return Ok(Some(found.swap_remove(at).1));
                }
                if found.is_empty() {
                    return Ok(None);
                }
                let (mut groups, mut terminals) = (Vec::new(), Vec::new());
                for (_, rules) in found {
                    groups.extend(rules.groups);
                    terminals.extend(rules.terminals);
                }
                Ok(Some(Rules::new(groups, terminals)))
            }
        }
    };
}

pub(super) use rules_impl;
