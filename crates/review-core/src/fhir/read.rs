//! Reading a Bundle back: what round-trips (everyone's ratings, the actions,
//! the matters escalated), found by the summary's own ids the Bundle keeps,
//! and the check that every reference resolves inside the Bundle. The same
//! records, taken from a summary, are [`Records::of_summary`]: a test maps a
//! review both ways and compares.

use super::codes::*;
use crate::summary::document::{PersonRef, Summary};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// One person's rating of one criterion: criterion id, participant id, point.
pub type Rating = (String, String, String);

/// An action: its id, what, who (participant id or name) and when.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Action {
    pub id: String,
    pub what: String,
    pub owner: Option<String>,
    pub due: Option<String>,
}

/// A matter escalated: its id, the matter, and where it goes, how soon,
/// by when, who owns it and where it has got to (our keys).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Matter {
    pub id: String,
    pub matter: String,
    pub route: Option<String>,
    pub urgency: Option<String>,
    pub due: Option<String>,
    pub owner: Option<String>,
    pub status: String,
}

/// What round-trips through FHIR, each list in id order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Records {
    pub ratings: Vec<Rating>,
    pub actions: Vec<Action>,
    pub matters: Vec<Matter>,
}

/// Who a summary names as it reads back: a participant's id, or a name
/// (none when the name is empty, which FHIR leaves out).
fn owner_of(who: &PersonRef) -> Option<String> {
    match who {
        PersonRef::Participant { id } => Some(id.clone()),
        PersonRef::Named { name } | PersonRef::Removed { name } => {
            Some(name.trim().to_string()).filter(|n| !n.is_empty())
        }
    }
}

impl Records {
    /// The same records, from the summary.
    pub fn of_summary(s: &Summary) -> Records {
        let mut r = Records {
            ratings: s
                .criteria
                .iter()
                .flat_map(|c| {
                    c.ratings.iter().map(|r| {
                        (
                            c.id.clone(),
                            r.participant.clone(),
                            r.point.key().to_string(),
                        )
                    })
                })
                .collect(),
            actions: s
                .actions
                .iter()
                .map(|a| Action {
                    id: a.id.clone(),
                    what: a.what.trim().to_string(),
                    owner: a.owner.as_ref().and_then(owner_of),
                    due: a.due.as_ref().map(|d| d.as_str().to_string()),
                })
                .collect(),
            matters: s
                .escalations
                .matters
                .iter()
                .map(|m| Matter {
                    id: m.id.clone(),
                    matter: m.matter.trim().to_string(),
                    route: m.route.map(|r| r.key().to_string()),
                    urgency: m.urgency.map(|u| u.key().to_string()),
                    due: m.due.as_ref().map(|d| d.as_str().to_string()),
                    owner: m.owner.as_ref().and_then(owner_of),
                    status: m.status.key().to_string(),
                })
                .collect(),
        };
        r.sort();
        r
    }

    fn sort(&mut self) {
        self.ratings.sort();
        self.actions.sort();
        self.matters.sort();
    }
}

/// The resources of a Bundle, by full URL.
fn resources(bundle: &Value) -> BTreeMap<&str, &Value> {
    entries(bundle)
        .filter_map(|e| Some((e.get("fullUrl")?.as_str()?, e.get("resource")?)))
        .collect()
}

fn entries(bundle: &Value) -> impl Iterator<Item = &Value> {
    bundle
        .get("entry")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
}

fn of_type<'a>(bundle: &'a Value, kind: &'a str) -> impl Iterator<Item = &'a Value> {
    entries(bundle)
        .filter_map(|e| e.get("resource"))
        .filter(move |r| r.get("resourceType").and_then(Value::as_str) == Some(kind))
}

fn str_at<'a>(v: &'a Value, pointer: &str) -> Option<&'a str> {
    v.pointer(pointer).and_then(Value::as_str)
}

/// The value of the identifier of `system` a resource holds.
fn identifier<'a>(resource: &'a Value, system: &str) -> Option<&'a str> {
    resource
        .get("identifier")?
        .as_array()?
        .iter()
        .find(|i| i.get("system").and_then(Value::as_str) == Some(system))?
        .get("value")?
        .as_str()
}

/// Who a reference names: the participant id of the resource it points to,
/// or the name it shows.
fn who(all: &BTreeMap<&str, &Value>, reference: &Value) -> Option<String> {
    if let Some(url) = reference.get("reference").and_then(Value::as_str) {
        return identifier(all.get(url)?, PARTICIPANT).map(String::from);
    }
    reference
        .get("display")
        .and_then(Value::as_str)
        .map(String::from)
}

/// What round-trips, read from a Bundle made by [`super::bundle`].
pub fn read_back(bundle: &Value) -> Records {
    let all = resources(bundle);
    let mut r = Records::default();
    for response in of_type(bundle, "QuestionnaireResponse") {
        let Some(rater) = response.get("source").and_then(|s| who(&all, s)) else {
            continue;
        };
        for item in response
            .get("item")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            if let (Some(criterion), Some(point)) = (
                str_at(item, "/linkId"),
                str_at(item, "/answer/0/valueCoding/code"),
            ) {
                r.ratings
                    .push((criterion.into(), rater.clone(), point.into()));
            }
        }
    }
    for plan in of_type(bundle, "CarePlan") {
        for activity in plan
            .get("activity")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            if str_at(activity, "/detail/kind") != Some("Task") {
                continue;
            }
            let id = activity
                .get("extension")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .find(|e| str_at(e, "/url") == Some(ITEM_ID))
                .and_then(|e| str_at(e, "/valueString"));
            let Some(id) = id else { continue };
            r.actions.push(Action {
                id: id.into(),
                what: str_at(activity, "/detail/description")
                    .unwrap_or_default()
                    .into(),
                owner: activity
                    .pointer("/detail/performer/0")
                    .and_then(|p| who(&all, p)),
                due: str_at(activity, "/detail/scheduledPeriod/end").map(String::from),
            });
        }
    }
    for task in of_type(bundle, "Task") {
        let Some(id) = identifier(task, ESCALATION) else {
            continue;
        };
        r.matters.push(Matter {
            id: id.into(),
            matter: str_at(task, "/description").unwrap_or_default().into(),
            route: str_at(task, "/code/coding/0/code").map(String::from),
            urgency: str_at(task, "/priority")
                .and_then(urgency)
                .map(|u| u.key().to_string()),
            due: str_at(task, "/restriction/period/end").map(String::from),
            owner: task.get("owner").and_then(|o| who(&all, o)),
            status: str_at(task, "/status")
                .and_then(escalation_status)
                .map_or_else(String::new, |s| s.key().to_string()),
        });
    }
    r.sort();
    r
}

/// Every reference in the Bundle that names no resource in it (a
/// `reference` that is no entry's full URL, a QuestionnaireResponse's
/// questionnaire that is no Questionnaire's url), and every full URL used
/// twice. Empty when the Bundle stands on its own.
pub fn unresolved_references(bundle: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    let mut urls = BTreeSet::new();
    for e in entries(bundle) {
        let url = str_at(e, "/fullUrl").unwrap_or_default();
        if !urls.insert(url) {
            problems.push(format!("the full URL {url:?} is used twice"));
        }
    }
    let canonicals: BTreeSet<&str> = of_type(bundle, "Questionnaire")
        .filter_map(|q| str_at(q, "/url"))
        .collect();
    fn walk<'a>(v: &'a Value, found: &mut Vec<&'a str>) {
        match v {
            Value::Object(map) => {
                for (k, v) in map {
                    match (k.as_str(), v) {
                        ("reference", Value::String(r)) => found.push(r),
                        _ => walk(v, found),
                    }
                }
            }
            Value::Array(items) => items.iter().for_each(|v| walk(v, found)),
            _ => {}
        }
    }
    let mut found = Vec::new();
    walk(bundle, &mut found);
    problems.extend(
        found
            .into_iter()
            .filter(|r| !urls.contains(r))
            .map(|r| format!("the reference {r:?} names no entry of the Bundle")),
    );
    problems.extend(
        of_type(bundle, "QuestionnaireResponse")
            .filter_map(|q| str_at(q, "/questionnaire"))
            .filter(|q| !canonicals.contains(q))
            .map(|q| format!("the questionnaire {q:?} is not in the Bundle")),
    );
    problems
}
