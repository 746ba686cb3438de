//! The people of the review and their own ratings (P18, P19): each
//! participant as a Patient, Practitioner or RelatedPerson, the criteria as
//! a Questionnaire and each person's ratings as a QuestionnaireResponse.

use super::build::Builder;
use super::codes::*;
use super::values::*;
use crate::setup::people::Role;
use crate::summary::document::*;
use serde_json::Value;

impl Builder<'_> {
    /// Each participant as a Patient, Practitioner or RelatedPerson, and the
    /// carer also as the individual's RelatedPerson.
    pub(super) fn people(&self) -> Vec<Value> {
        let summary = self.s;
        let individual = self.person(&summary.individual.participant_id);
        let mut out = Vec::new();
        for p in &summary.participants {
            let mut identifier = vec![system_value(PARTICIPANT, &p.id)];
            identifier.extend(p.nhs_number.iter().map(|n| system_value(NHS_NUMBER, n)));
            identifier.extend(p.staff_id.as_deref().and_then(text).map(|staff| {
                object(vec![
                    ("system", s(STAFF_ID)),
                    ("value", s(staff)),
                    ("assigner", reference(&self.url("organization"))),
                ])
            }));
            identifier.extend(
                p.references
                    .iter()
                    .filter(|r| text(&r.value).is_some())
                    .map(|r| {
                        object(vec![
                            ("system", s(&format!("{TEAM_REFERENCE}{}", r.id))),
                            ("type", the_text(&r.label)),
                            ("value", s(&r.value)),
                        ])
                    }),
            );
            let kind = match p.role {
                Role::Carer | Role::Individual => "Patient",
                Role::Worker | Role::OtherProfessional => "Practitioner",
                Role::Advocate | Role::Interpreter | Role::KeyPerson => "RelatedPerson",
            };
            let mut r = self.resource(kind, &format!("participant/{}", p.id));
            r.push(("identifier", list(identifier)));
            if kind == "RelatedPerson" {
                r.push(("patient", individual.clone()));
                r.push(("relationship", list(vec![the_text(&p.role.label())])));
            }
            r.push(("name", name_of(&p.name)));
            if kind == "Patient" {
                r.push(("birthDate", opt(p.date_of_birth.as_deref())));
            }
            if p.role == Role::Carer {
                r.push((
                    "link",
                    list(vec![object(vec![
                        ("other", reference(&self.url("carer-as-related-person"))),
                        ("type", s("seealso")),
                    ])]),
                ));
            }
            out.push(object(r));
        }
        // The carer as the individual's carer, in the carer's own words.
        let carer = &summary.carer;
        let mut r = self.resource("RelatedPerson", "carer-as-related-person");
        r.extend([
            (
                "identifier",
                list(vec![system_value(PARTICIPANT, &carer.participant_id)]),
            ),
            ("patient", individual),
            (
                "relationship",
                list(vec![object(vec![
                    (
                        "coding",
                        list(vec![coding(ROLE_CODE, "CAREGIVER", "caregiver")]),
                    ),
                    ("text", opt(carer.relationship.as_deref())),
                ])]),
            ),
            ("name", name_of(&carer.name)),
        ]);
        out.push(object(r));
        out
    }

    /// The criteria as questions, each answered with a point of its scale.
    pub(super) fn questionnaire(&self) -> Value {
        let items = self
            .s
            .criteria
            .iter()
            .map(|c| {
                object(vec![
                    ("linkId", s(&c.id)),
                    (
                        "code",
                        list(c.serves.iter().map(|p| coding(STANDARD, p, p)).collect()),
                    ),
                    ("text", s(&c.wording)),
                    ("type", s("choice")),
                    (
                        "answerOption",
                        list(
                            c.scale_points
                                .iter()
                                .map(|p| object(vec![("valueCoding", scale_coding(c, *p))]))
                                .collect(),
                        ),
                    ),
                ])
            })
            .collect();
        let mut r = self.resource("Questionnaire", "questionnaire");
        r.extend([
            ("url", s(&self.url("questionnaire"))),
            ("title", s("The criteria agreed for this carer review")),
            ("status", s("active")),
            ("subjectType", list(vec![s("Patient")])),
            ("date", s(self.s.finalised_at.as_str())),
            ("item", list(items)),
        ]);
        object(r)
    }

    /// Each person's own ratings (P19): who rated, and through whom.
    pub(super) fn responses(&self) -> Vec<Value> {
        let summary = self.s;
        let mut out = Vec::new();
        for p in &summary.participants {
            let mut through = None;
            let mut items = Vec::new();
            for c in &summary.criteria {
                let Some(r) = c.ratings.iter().find(|r| r.participant == p.id) else {
                    continue;
                };
                if let Some(ChannelRecord::Advocate { by } | ChannelRecord::Interpreter { by }) =
                    &r.through
                {
                    through = Some(self.person_ref(by));
                }
                items.push(object(vec![
                    ("linkId", s(&c.id)),
                    ("text", s(&c.wording)),
                    (
                        "answer",
                        list(vec![object(vec![(
                            "valueCoding",
                            scale_coding(c, r.point),
                        )])]),
                    ),
                ]));
            }
            if items.is_empty() {
                continue;
            }
            let mut r = self.resource("QuestionnaireResponse", &format!("response/{}", p.id));
            r.extend([
                ("questionnaire", s(&self.url("questionnaire"))),
                ("status", s("completed")),
                ("subject", self.person(&summary.individual.participant_id)),
                ("authored", s(summary.finalised_at.as_str())),
                ("author", through.unwrap_or_else(|| self.person(&p.id))),
                ("source", self.person(&p.id)),
                ("item", list(items)),
            ]);
            out.push(object(r));
        }
        out
    }
}

/// A point of a criterion's scale as a coding of that scale.
fn scale_coding(c: &CriterionRecord, point: crate::criteria::types::ScalePoint) -> Value {
    coding(
        &format!("{SCALE}{}", c.scale.key()),
        point.key(),
        &point.label(),
    )
}
