//! A region's corpus of signed summaries with answers planted in it, for the
//! records test (`tests/interop/region.py`, which exports it and asks DuckDB
//! the questions in `docs/records-mapping.md`) and the benchmark
//! (`tests/interop/bench.mjs`).
//!
//!   cargo run -p review-summary --example region -- --reviews 400 --out DIR
//!
//! writes `DIR/files/*.json` (every review's summary; every fourth review's
//! follow-on, saying what became of the last one's actions and matters; an
//! amended second version of every fiftieth; one file tampered with and one
//! signed by a stranger), `DIR/team.keys` (the key list that trusts the
//! corpus's key) and `DIR/expected.json`: the answers to the three questions
//! as of 2027-01-01, worked out here from the plan of the corpus, not from
//! its files.

use chrono::{Days, NaiveDate};
use review_core::continuity::ActionFollowUp;
use review_core::summary::{read_unsigned, sha256_base64url, SigningKey, TeamKeys};
use review_core::{EscalationRoute, EscalationStatus, NeedsMet, ResourceKind};
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

const TEAMS: [&str; 3] = ["Carers Support Team", "North Locality", "South Locality"];
/// Each code of a list, as a summary writes it.
fn codes<T: serde::Serialize>(all: &[T]) -> Vec<String> {
    all.iter()
        .filter_map(|v| serde_json::to_value(v).ok()?.as_str().map(String::from))
        .collect()
}

static KINDS: LazyLock<Vec<String>> = LazyLock::new(|| codes(ResourceKind::ALL));
static NEEDS_MET: LazyLock<Vec<String>> = LazyLock::new(|| codes(NeedsMet::ALL));
static ROUTES: LazyLock<Vec<String>> = LazyLock::new(|| codes(EscalationRoute::ALL));
static STATUSES: LazyLock<Vec<String>> = LazyLock::new(|| codes(EscalationStatus::ALL));
static ACTION_ANSWERS: LazyLock<Vec<String>> = LazyLock::new(|| codes(ActionFollowUp::ALL));

/// The date the answers are worked out for.
fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2027, 1, 1).expect("a date")
}

/// One review as planned: what the questions are about.
#[derive(Clone)]
struct Plan {
    document_id: String,
    team: &'static str,
    finalised: NaiveDate,
    /// Each service's kind and how well it met needs.
    resources: Vec<(&'static str, &'static str)>,
    /// Each matter's id, route and status.
    matters: Vec<(String, &'static str, &'static str)>,
    /// Each action's id and due date.
    actions: Vec<(String, NaiveDate)>,
    /// The review it follows on from (by index), with the answers given.
    follows: Option<usize>,
    escalation_answers: Vec<(String, &'static str)>,
    action_answers: Vec<(String, &'static str)>,
}

fn uuid(n: usize) -> String {
    format!("{:08x}-0000-4000-8000-{:012x}", 0x5e00_0000_u32, n)
}

fn plan(i: usize, first: Option<(usize, &Plan)>, version: usize) -> Plan {
    let finalised = match first {
        Some((_, p)) => p.finalised + Days::new(60 + (i % 30) as u64),
        None => {
            NaiveDate::from_ymd_opt(2026, 1, 5).expect("a date")
                + Days::new(((i * 37) % 240) as u64)
        }
    };
    // An amended version says something else about its services and actions.
    let v = i + version * 5;
    let resources = (0..2)
        .map(|j| {
            (
                KINDS[(i + j * 5) % KINDS.len()].as_str(),
                NEEDS_MET[(v * 3 + j) % NEEDS_MET.len()].as_str(),
            )
        })
        .collect();
    let matters = (0..i % 3)
        .map(|m| {
            (
                format!("escalation-{m}"),
                ROUTES[(i + m * 4) % ROUTES.len()].as_str(),
                STATUSES[(i + m) % STATUSES.len()].as_str(),
            )
        })
        .collect();
    let actions = (0..2)
        .map(|a| {
            let offset = (v + a * 3) % 7 * 60;
            (
                format!("action-{}", a + 1),
                finalised + Days::new(offset as u64 + 5),
            )
        })
        .collect();
    let (follows, escalation_answers, action_answers) = match first {
        None => (None, Vec::new(), Vec::new()),
        Some((at, p)) => (
            Some(at),
            p.matters
                .iter()
                .filter(|(_, _, status)| *status != "done")
                .enumerate()
                .map(|(k, (id, _, _))| {
                    (
                        id.clone(),
                        if (i / 4 + k) % 2 == 0 {
                            "resolved"
                        } else {
                            "still-open"
                        },
                    )
                })
                .collect(),
            p.actions
                .iter()
                .enumerate()
                .map(|(k, (id, _))| {
                    (
                        id.clone(),
                        ACTION_ANSWERS[(i + k) % ACTION_ANSWERS.len()].as_str(),
                    )
                })
                .collect(),
        ),
    };
    Plan {
        document_id: uuid(i * 2 + version),
        team: TEAMS[i % TEAMS.len()],
        finalised,
        resources,
        matters,
        actions,
        follows,
        escalation_answers,
        action_answers,
    }
}

/// The summary a plan gives: the test review's, changed where planned.
fn document(
    base: &Value,
    i: usize,
    p: &Plan,
    version: usize,
    files: &[(Plan, Vec<u8>)],
    amends: Option<&(Plan, Vec<u8>)>,
) -> Value {
    let mut d = base.clone();
    let day = p.finalised.format("%Y-%m-%d");
    d["documentId"] = json!(p.document_id);
    d["reviewId"] = json!(format!("review-{i}"));
    d["version"] = json!(version);
    d["team"] = json!(p.team);
    d["createdAt"] = json!(format!("{day}T10:00:00+00:00"));
    d["finalisedAt"] = json!(format!("{day}T11:58:00+00:00"));
    let members = d.as_object_mut().expect("an object");
    members.remove("continues");
    if let Some((earlier, bytes)) = amends {
        members.insert(
            "amends".into(),
            json!({
                "previousReviewId": format!("review-{i}"),
                "previousVersion": 1,
                "reason": "A date was wrong",
                "whatChanged": "The services and the actions' dates",
                "amendedAt": format!("{day}T15:00:00+00:00"),
            }),
        );
        members.insert(
            "previous".into(),
            json!({"id": earlier.document_id, "sha256": sha256_base64url(bytes)}),
        );
    }
    for (j, (kind, met)) in p.resources.iter().enumerate() {
        d["services"]["resources"][j]["kind"] = json!(kind);
        d["services"]["resources"][j]["needsMet"] = json!(met);
    }
    let template = d["escalations"]["matters"][0].clone();
    let matters: Vec<Value> = p
        .matters
        .iter()
        .map(|(id, route, status)| {
            let mut m = template.clone();
            m["id"] = json!(id);
            m["route"] = json!(route);
            m["status"] = json!(status);
            m
        })
        .collect();
    d["escalations"]["needed"] = json!(!matters.is_empty());
    d["escalations"]["matters"] = Value::Array(matters);
    for (k, (id, due)) in p.actions.iter().enumerate() {
        d["actions"][k]["id"] = json!(id);
        d["actions"][k]["due"] = json!(due.format("%Y-%m-%d").to_string());
    }
    if let Some(at) = p.follows {
        let (earlier, bytes) = &files[at];
        d["continues"] = json!({"id": earlier.document_id, "sha256": sha256_base64url(bytes)});
        d["followUp"] = json!({
            "actions": p.action_answers.iter().map(|(id, answer)| {
                let mut a = json!({"id": id, "what": "An action from last time", "answer": answer, "visibility": "everyone"});
                if *answer == "carried-forward" {
                    a["carriedAs"] = json!("action-1");
                }
                a
            }).collect::<Vec<_>>(),
            "escalations": p.escalation_answers.iter().map(|(id, answer)| {
                json!({"id": id, "matter": "A matter from last time", "answer": answer, "visibility": "everyone"})
            }).collect::<Vec<_>>(),
        });
        if p.escalation_answers.is_empty() {
            d["followUp"]
                .as_object_mut()
                .expect("an object")
                .remove("escalations");
        }
    }
    d
}

fn sign(d: &Value, key: &SigningKey, signed_at: &str) -> Vec<u8> {
    let bytes = serde_json::to_vec(d).expect("JSON");
    read_unsigned(&bytes, Some(signed_at))
        .and_then(|s| s.sign(key))
        .unwrap_or_else(|e| panic!("the planned summary cannot be signed: {e:?}"))
}

/// One route's escalations: raised, closed, still open, the longest a
/// resolved one took and the oldest one open (days).
#[derive(Default)]
struct Route {
    raised: u64,
    closed: u64,
    open: u64,
    longest: Option<i64>,
    oldest_open: Option<i64>,
}

/// The answers, worked out from the plans that count (each review's
/// latest version).
fn expected(latest: &[&Plan]) -> Value {
    let as_of = as_of();
    let mut services: BTreeMap<&str, (u64, u64)> = BTreeMap::new();
    for p in latest {
        for (kind, met) in &p.resources {
            let e = services.entry(kind).or_default();
            e.0 += 1;
            e.1 += u64::from(matches!(*met, "partly" | "not-at-all"));
        }
    }
    // The answer a follow-on gave each matter and action, by review and id.
    let mut answers: BTreeMap<(&str, &str), (&str, NaiveDate)> = BTreeMap::new();
    for p in latest {
        if let Some(at) = p.follows {
            let earlier = latest
                .iter()
                .find(|e| e.document_id == uuid(at * 2))
                .expect("the review it follows");
            for (id, answer) in p.escalation_answers.iter().chain(&p.action_answers) {
                answers.insert(
                    (earlier.document_id.as_str(), id.as_str()),
                    (answer, p.finalised),
                );
            }
        }
    }
    let mut routes: BTreeMap<&str, Route> = BTreeMap::new();
    let mut overdue: BTreeMap<&str, u64> = BTreeMap::new();
    for p in latest {
        for (id, route, status) in &p.matters {
            let e = routes.entry(route).or_default();
            e.raised += 1;
            let answer = answers.get(&(p.document_id.as_str(), id.as_str()));
            if *status == "done" || answer.is_some_and(|(a, _)| *a == "resolved") {
                e.closed += 1;
            } else {
                e.open += 1;
                e.oldest_open = e.oldest_open.max(Some((as_of - p.finalised).num_days()));
            }
            if let Some(&("resolved", on)) = answer {
                e.longest = e.longest.max(Some((on - p.finalised).num_days()));
            }
        }
        for (id, due) in &p.actions {
            let answer = answers
                .get(&(p.document_id.as_str(), id.as_str()))
                .map(|(a, _)| *a);
            if *due < as_of
                && !matches!(
                    answer,
                    Some("done" | "no-longer-needed" | "carried-forward")
                )
            {
                *overdue.entry(p.team).or_default() += 1;
            }
        }
    }
    json!({
        "asOf": as_of.to_string(),
        "services": services.iter().map(|(k, (n, short))| json!([k, n, short])).collect::<Vec<_>>(),
        "escalations": routes.iter().map(|(r, e)| json!([r, e.raised, e.closed, e.open, e.longest, e.oldest_open])).collect::<Vec<_>>(),
        "overdueActions": overdue.iter().map(|(t, n)| json!([t, n])).collect::<Vec<_>>(),
    })
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let arg = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
    };
    let reviews: usize = arg("--reviews").and_then(|n| n.parse().ok()).unwrap_or(400);
    let out = PathBuf::from(arg("--out").expect("--out DIR"));
    let fixture =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/summary-unsigned-v2.json");
    let base: Value =
        serde_json::from_slice(&std::fs::read(fixture).expect("the fixture")).expect("JSON");
    let key = SigningKey::from_seed([28; 32]);
    let dir = out.join("files");
    std::fs::create_dir_all(&dir).expect("the output directory");
    let mut files: Vec<(Plan, Vec<u8>)> = Vec::with_capacity(reviews);
    let mut latest: Vec<usize> = Vec::with_capacity(reviews);
    let mut amended: Vec<(Plan, Vec<u8>)> = Vec::new();
    for i in 0..reviews {
        // Every fourth review from the second on follows on the one before.
        let earlier = (i % 4 == 1).then(|| files[i - 1].0.clone());
        let first = earlier.as_ref().map(|p| (i - 1, p));
        let p = plan(i, first, 0);
        let signed_at = format!("{}T12:05:00+00:00", p.finalised.format("%Y-%m-%d"));
        let bytes = sign(&document(&base, i, &p, 1, &files, None), &key, &signed_at);
        std::fs::write(dir.join(format!("{i:05}-1.json")), &bytes).expect("a file");
        files.push((p, bytes));
        latest.push(i);
        if i % 50 == 7 {
            let p2 = plan(i, first, 1);
            let bytes2 = sign(
                &document(&base, i, &p2, 2, &files, Some(&files[i])),
                &key,
                &signed_at,
            );
            std::fs::write(dir.join(format!("{i:05}-2.json")), &bytes2).expect("a file");
            amended.push((p2, bytes2));
        }
    }
    // Two files that must never reach an export.
    let mut tampered = files[0].1.clone();
    let at = tampered
        .windows(9)
        .position(|w| w == b"Northshir")
        .expect("the organisation");
    tampered[at] = b'S';
    std::fs::write(dir.join("tampered.json"), tampered).expect("a file");
    let stranger = plan(reviews + 1, None, 0);
    let strange = sign(
        &document(&base, reviews + 1, &stranger, 1, &files, None),
        &SigningKey::from_seed([29; 32]),
        "2026-06-01T12:00:00+00:00",
    );
    std::fs::write(dir.join("stranger.json"), strange).expect("a file");
    let mut list = TeamKeys::default();
    list.add(
        key.public_jwk(),
        "Region test tablet",
        "2026-01-01T09:00:00+00:00",
    )
    .expect("the key");
    std::fs::write(out.join("team.keys"), list.to_json()).expect("the key list");
    let mut counted: Vec<&Plan> = Vec::new();
    for i in latest {
        let replaced = amended
            .iter()
            .find(|(p, _)| p.document_id == uuid(i * 2 + 1));
        counted.push(replaced.map_or(&files[i].0, |(p, _)| p));
    }
    let mut answers = expected(&counted);
    answers["exported"] = json!(files.len() + amended.len());
    answers["rejected"] = json!(["stranger.json", "tampered.json"]);
    std::fs::write(
        out.join("expected.json"),
        serde_json::to_string_pretty(&answers).expect("JSON"),
    )
    .expect("the answers");
    println!(
        "{} files in {}",
        files.len() + amended.len() + 2,
        dir.display()
    );
}
