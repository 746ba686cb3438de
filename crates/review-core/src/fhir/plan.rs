//! What happens next and who may know (P21, P22, P17/P23): cover and
//! actions as a CarePlan's activities, each matter escalated as a Task, and
//! the sharing agreement as a Consent.

use super::build::Builder;
use super::codes::*;
use super::values::*;
use crate::summary::document::*;
use serde_json::Value;

impl Builder<'_> {
    /// Cover (P21) and actions as the individual's care plan's activities.
    pub(super) fn care_plan(&self) -> Value {
        let summary = self.s;
        let activity = |id: &str, detail: Vec<(&str, Value)>| {
            object(vec![
                (
                    "extension",
                    list(vec![object(vec![
                        ("url", s(ITEM_ID)),
                        ("valueString", s(id)),
                    ])]),
                ),
                ("detail", object(detail)),
            ])
        };
        let mut activities = Vec::new();
        for a in &summary.cover.arrangements {
            let agreed = matches!(
                a.agreement,
                Some(
                    AgreementRecord::Agreed { .. } | AgreementRecord::AgreedThroughAdvocate { .. }
                )
            );
            let kind = a.kind.map(|k| k.label());
            let description = [kind.as_deref(), a.when.as_deref(), a.provider.as_deref()]
                .into_iter()
                .flatten()
                .filter_map(text)
                .collect::<Vec<_>>()
                .join(" — ");
            activities.push(activity(
                &a.id,
                vec![
                    ("kind", s("ServiceRequest")),
                    (
                        "code",
                        a.kind
                            .map_or(Value::Null, |k| concept(COVER_KIND, k.key(), &k.label())),
                    ),
                    (
                        "status",
                        s(if agreed { "scheduled" } else { "not-started" }),
                    ),
                    ("description", s(&description)),
                ],
            ));
        }
        for a in &summary.actions {
            activities.push(activity(
                &a.id,
                vec![
                    ("kind", s("Task")),
                    ("status", s("not-started")),
                    (
                        "scheduledPeriod",
                        object(vec![("end", opt(a.due.as_ref().map(|d| d.as_str())))]),
                    ),
                    (
                        "performer",
                        list(a.owner.iter().map(|o| self.person_ref(o)).collect()),
                    ),
                    ("description", s(&a.what)),
                ],
            ));
        }
        let mut r = self.resource("CarePlan", "care-plan");
        r.extend([
            ("status", s("active")),
            ("intent", s("plan")),
            ("title", s("Carer review: cover and actions")),
            ("subject", self.person(&summary.individual.participant_id)),
            ("created", s(summary.finalised_at.as_str())),
            ("author", self.person(&summary.worker.participant_id)),
            ("activity", list(activities)),
        ]);
        object(r)
    }

    /// Each matter escalated (P22) as a Task.
    pub(super) fn tasks(&self) -> Vec<Value> {
        let summary = self.s;
        summary
            .escalations
            .matters
            .iter()
            .map(|m| {
                let note = |label: &str, t: Option<&str>| {
                    t.and_then(text)
                        .map_or(Value::Null, |t| the_text(&format!("{label}: {t}")))
                };
                let mut r = self.resource("Task", &format!("escalation/{}", m.id));
                r.extend([
                    ("identifier", list(vec![system_value(ESCALATION, &m.id)])),
                    ("status", s(task_status(m.status))),
                    ("intent", s("order")),
                    ("priority", opt(m.urgency.map(priority))),
                    (
                        "code",
                        m.route
                            .map_or(Value::Null, |r| concept(ROUTE, r.key(), &r.label())),
                    ),
                    ("description", s(&m.matter)),
                    ("for", self.person(&summary.carer.participant_id)),
                    ("authoredOn", s(summary.finalised_at.as_str())),
                    ("requester", self.person(&summary.worker.participant_id)),
                    (
                        "owner",
                        m.owner.as_ref().map_or(Value::Null, |o| self.person_ref(o)),
                    ),
                    (
                        "reasonCode",
                        the_text(m.why_beyond_scope.as_deref().unwrap_or_default()),
                    ),
                    (
                        "restriction",
                        object(vec![(
                            "period",
                            object(vec![("end", opt(m.due.as_ref().map(|d| d.as_str())))]),
                        )]),
                    ),
                    (
                        "note",
                        list(vec![
                            note("To", m.to_whom.as_deref()),
                            note("Where", m.route_detail.as_deref()),
                        ]),
                    ),
                ]);
                object(r)
            })
            .collect()
    }

    /// The sharing agreement (P17, P23): who receives a copy, and what is
    /// not to be shared with whom.
    pub(super) fn consent(&self) -> Value {
        let summary = self.s;
        let agreement = &summary.confidentiality;
        let recipient = |who: &str| {
            object(vec![
                (
                    "role",
                    concept(PARTICIPATION_TYPE, "IRCP", "information recipient"),
                ),
                ("reference", display(who)),
            ])
        };
        let restrictions = agreement
            .restrictions
            .iter()
            .filter(|r| text(&r.not_with).is_some() && text(&r.what).is_some())
            .map(|r| {
                object(vec![
                    ("type", s("deny")),
                    ("actor", list(vec![recipient(&r.not_with)])),
                    ("code", list(vec![the_text(&r.what)])),
                ])
            })
            .collect();
        let copies = agreement
            .copies
            .iter()
            .map(|c| recipient(&c.whose()))
            .collect();
        let rule = text(&agreement.recipients).map_or_else(
            || "The sharing agreement made at the review".to_string(),
            |r| format!("The sharing agreement made at the review: {r}"),
        );
        let mut r = self.resource("Consent", "consent");
        r.extend([
            ("status", s("active")),
            (
                "scope",
                concept(CONSENT_SCOPE, "patient-privacy", "Privacy Consent"),
            ),
            (
                "category",
                list(vec![concept(LOINC, "59284-0", "Patient Consent")]),
            ),
            ("patient", self.person(&summary.carer.participant_id)),
            ("dateTime", s(summary.finalised_at.as_str())),
            (
                "organization",
                list(vec![reference(&self.url("organization"))]),
            ),
            ("policyRule", the_text(&rule)),
            (
                "provision",
                object(vec![
                    ("type", s("permit")),
                    ("actor", list(copies)),
                    ("provision", list(restrictions)),
                ]),
            ),
        ]);
        object(r)
    }
}
