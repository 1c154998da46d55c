//! The bounded session record and the history kept beside it, both backends alike (no I/O).
//!
//! The domain works on a whole `pb::Session` and appends to its history as it goes (a tenure
//! when a holder takes over, a transfer when one ends). Before a session is written, the ended
//! part of that history is split off into rows of its own, so the record keeps only what can
//! still change: the open tenure, the open transfer. Reading the session back puts the rows in
//! again. A record written before the history had rows still holds its history; it is split off
//! the next time the session changes, and until then a read finds it in the record (rows and
//! record never hold the same entry twice: both are keyed by the same seq).

use prost::Message as _;
use uuid::Uuid;

use super::{HistoryKind, HistoryRow};
use crate::error::{Error, Result};
use crate::pb;

/// Moves the ended transfers and tenures of `s` out of it, as history rows.
pub fn split_history(id: Uuid, s: &mut pb::Session) -> Vec<HistoryRow> {
    let mut rows: Vec<HistoryRow> = s
        .past_transfers
        .drain(..)
        .map(|t| HistoryRow {
            session: id,
            kind: HistoryKind::Transfer,
            seq: t.offered_seq,
            payload: t.encode_to_vec(),
        })
        .collect();
    let (ended, open): (Vec<_>, Vec<_>) = s.holders.drain(..).partition(|t| t.until_seq != 0);
    s.holders = open;
    rows.extend(ended.into_iter().map(|t| HistoryRow {
        session: id,
        kind: HistoryKind::Tenure,
        seq: t.from_seq,
        payload: t.encode_to_vec(),
    }));
    rows
}

/// The whole session: `record` with its history rows (`(kind, seq, payload)`, any order) put
/// back in, each list in seq order.
pub fn assemble(
    mut record: pb::Session,
    rows: impl IntoIterator<Item = (HistoryKind, u64, Vec<u8>)>,
) -> Result<pb::Session> {
    let corrupt = |e: prost::DecodeError| Error::Internal(format!("corrupt session history: {e}"));
    for (kind, _, payload) in rows {
        match kind {
            HistoryKind::Transfer => {
                let t = pb::Transfer::decode(payload.as_slice()).map_err(corrupt)?;
                if record.past_transfers.iter().all(|x| x.id != t.id) {
                    record.past_transfers.push(t);
                }
            }
            HistoryKind::Tenure => {
                let t = pb::Tenure::decode(payload.as_slice()).map_err(corrupt)?;
                if record.holders.iter().all(|x| x.from_seq != t.from_seq) {
                    record.holders.push(t);
                }
            }
        }
    }
    record.past_transfers.sort_by_key(|t| t.offered_seq);
    record.holders.sort_by_key(|t| t.from_seq);
    Ok(record)
}

/// Decodes a stored record; `last_seq` has a column of its own (messages move it alone).
pub fn decode(bytes: &[u8], last_seq: i64) -> Result<pb::Session> {
    let mut session = pb::Session::decode(bytes)
        .map_err(|e| Error::Internal(format!("corrupt session record: {e}")))?;
    session.last_seq = u64::try_from(last_seq).unwrap_or(0);
    Ok(session)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{self, Limits, NewSession, Offer, Timeouts};
    use std::time::Duration;

    /// The encoded size of a session passed `n` times between two agents, as the record stores
    /// it (history split off after every change) and as the whole session would be.
    fn sizes_after_transfers(n: usize) -> (usize, usize) {
        let t = Timeouts {
            connect: Duration::from_secs(10),
            offer: Duration::from_secs(30),
            handoff_grace: Duration::from_secs(5),
        };
        let (id, gw, bot) = (Uuid::now_v7(), Uuid::now_v7(), Uuid::now_v7());
        let agents = [Uuid::now_v7(), Uuid::now_v7()];
        let (mut s, _) = domain::open(
            NewSession {
                id,
                caller_terminal: gw,
                destination: bot,
                caller: pb::Caller {
                    id: "+15550100".into(),
                    display_name: "Dana".into(),
                },
                channel: pb::Channel::Sms,
                facts: [("topic".to_owned(), "billing".to_owned())].into(),
            },
            1_000,
            &t,
        );
        domain::acknowledge_connect(&mut s, bot, 1_001).expect("ack");
        let mut record = s.clone();
        let mut holder = bot;
        for i in 0..n {
            let next = agents[i % 2];
            let transfer = Uuid::now_v7();
            let now = 2_000 + i as i64 * 10;
            // The same steps on the whole session and on the record.
            for x in [&mut s, &mut record] {
                domain::offer_transfer(
                    x,
                    holder,
                    Offer::to_terminal(transfer, next),
                    now,
                    &t,
                    &Limits::default(),
                )
                .expect("offer");
                domain::accept_transfer(x, next, transfer, now + 1, &t).expect("accept");
                domain::disconnect(x, holder, now + 2).expect("handoff");
            }
            split_history(id, &mut record);
            holder = next;
        }
        (record.encoded_len(), s.encoded_len())
    }

    #[test]
    fn the_record_does_not_grow_with_the_transfer_chain() {
        let (one, whole_one) = sizes_after_transfers(1);
        let (sixteen, whole_sixteen) = sizes_after_transfers(16);
        let (many, whole_many) = sizes_after_transfers(128);
        println!(
            "record bytes after 1 / 16 / 128 transfers: {one} / {sixteen} / {many}; \
             whole session: {whole_one} / {whole_sixteen} / {whole_many}"
        );
        assert!(
            sixteen <= one + 16 && many <= one + 16,
            "{one} {sixteen} {many}"
        );
        assert!(
            whole_many > 20 * one,
            "the history is what grows: {whole_many}"
        );
    }

    fn tenure(who: &str, from: u64, until: u64) -> pb::Tenure {
        pb::Tenure {
            terminal_id: who.into(),
            from_seq: from,
            until_seq: until,
            ..Default::default()
        }
    }

    #[test]
    fn the_record_keeps_only_what_is_open_and_reads_back_whole() {
        let id = Uuid::now_v7();
        let whole = pb::Session {
            holders: vec![
                tenure("bot", 2, 9),
                tenure("alice", 9, 20),
                tenure("bob", 20, 0),
            ],
            past_transfers: (0..3)
                .map(|i| pb::Transfer {
                    id: format!("t{i}"),
                    offered_seq: 5 + i,
                    ..Default::default()
                })
                .collect(),
            active_transfer: Some(pb::Transfer {
                id: "t9".into(),
                ..Default::default()
            }),
            ..Default::default()
        };
        let mut record = whole.clone();
        let rows = split_history(id, &mut record);
        assert_eq!(rows.len(), 5);
        assert_eq!(record.holders, vec![tenure("bob", 20, 0)]);
        assert!(record.past_transfers.is_empty());
        assert!(record.active_transfer.is_some());
        assert!(
            split_history(id, &mut record.clone()).is_empty(),
            "nothing twice"
        );

        let back = |rows: Vec<HistoryRow>| {
            assemble(
                record.clone(),
                rows.into_iter().rev().map(|r| (r.kind, r.seq, r.payload)),
            )
            .unwrap()
        };
        assert_eq!(back(rows.clone()), whole);
        // A record written before history had rows still holds it: read once, not twice.
        let old = assemble(
            whole.clone(),
            rows.into_iter().map(|r| (r.kind, r.seq, r.payload)),
        )
        .unwrap();
        assert_eq!(old, whole);
    }
}
