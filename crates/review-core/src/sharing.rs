//! Who may see what (P23): every item of the review that someone said or
//! wrote, in meeting order, with whose words it is and who may see it. The
//! check page shows them, the summary records each one's visibility, and
//! the copies for each recipient are made from them.
//!
//! An item is named by a key: its own id (an evidence note, a point, a gap,
//! a risk, a matter, an action) or, for the answers of which a review has
//! only one, the name of that answer (`outcome/rationale`, …). Its
//! visibility is the one chosen for it, or the agreement's default.

use crate::base::DomainError;
use crate::base::Person;
use crate::model::{ResourceList, Review};
use crate::progress::Part;
use crate::setup::people::{Participant, Role};
use crate::setup::sharing::{RecipientKind, Shown, Visibility};
use crate::text::same_name;
use crate::tr;

/// The key of the reasons for the outcome.
pub const OUTCOME_RATIONALE: &str = "outcome/rationale";
/// The key of the carer's view of the outcome.
pub const CARER_VIEW: &str = "outcome/carer-view";
/// The key of the individual's view of the outcome.
pub const INDIVIDUAL_VIEW: &str = "outcome/individual-view";
/// The key of the other views of the outcome.
pub const OTHER_VIEWS: &str = "outcome/other-views";

/// The key of how well a service met the carer's needs.
pub fn needs_met_key(resource: &str) -> String {
    format!("{resource}/needs-met")
}

/// What kind of thing an item is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ItemKind {
    Note,
    Benefit,
    Difficulty,
    Change,
    NeedsMet,
    Gap,
    Risk,
    Matter,
    Action,
    Rationale,
    CarerView,
    IndividualView,
    OtherViews,
    /// What someone said as they signed: a comment, or why they disagree.
    SignOffWords,
}
impl ItemKind {
    pub const ALL: [ItemKind; 14] = [
        ItemKind::Note,
        ItemKind::Benefit,
        ItemKind::Difficulty,
        ItemKind::Change,
        ItemKind::NeedsMet,
        ItemKind::Gap,
        ItemKind::Risk,
        ItemKind::Matter,
        ItemKind::Action,
        ItemKind::Rationale,
        ItemKind::CarerView,
        ItemKind::IndividualView,
        ItemKind::OtherViews,
        ItemKind::SignOffWords,
    ];

    /// What it is, in words.
    pub fn label(self) -> String {
        match self {
            ItemKind::Note => tr!("Note"),
            ItemKind::Benefit => tr!("How it helps"),
            ItemKind::Difficulty => tr!("What has been difficult"),
            ItemKind::Change => tr!("What should change"),
            ItemKind::NeedsMet => tr!("How well it met the carer's needs"),
            ItemKind::Gap => tr!("Gap in support"),
            ItemKind::Risk => tr!("Risk"),
            ItemKind::Matter => tr!("Needs someone else's help"),
            ItemKind::Action => tr!("Action"),
            ItemKind::Rationale => tr!("Why this outcome"),
            ItemKind::CarerView => tr!("The carer's view"),
            ItemKind::IndividualView => tr!("The view of the person cared for"),
            ItemKind::OtherViews => tr!("Other views"),
            ItemKind::SignOffWords => tr!("Said when signing"),
        }
    }

    fn of_list(list: ResourceList) -> ItemKind {
        match list {
            ResourceList::Benefits => ItemKind::Benefit,
            ResourceList::Difficulties => ItemKind::Difficulty,
            ResourceList::Changes => ItemKind::Change,
        }
    }
}

/// One thing someone said or wrote, as the check page and the copies see it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    pub key: String,
    pub part: Part,
    pub kind: ItemKind,
    /// What it is about (a criterion, a service, an arrangement), if anything.
    pub about: String,
    /// Its words (empty while it is being written).
    pub text: String,
    /// Whose words they are, when the kind records a speaker.
    pub said_by: Option<String>,
    /// Who may see it; `None` in a review whose sharing agreement was made
    /// before visibility was asked (nothing was decided).
    pub visibility: Option<Visibility>,
}

/// Who may see an item: the visibility chosen for it, or the agreement's
/// default (`None` when neither was decided).
pub fn visibility_of(review: &Review, key: &str) -> Option<Visibility> {
    review
        .visibility
        .get(key)
        .copied()
        .or(review.process.confidentiality.default_visibility)
}

/// Every item of the review, blank ones too, in meeting order.
pub fn items(review: &Review) -> Vec<Item> {
    let mut items = Vec::new();
    let mut push = |key: String, part, kind, about: &str, text: String, said_by| {
        items.push(Item {
            visibility: visibility_of(review, &key),
            key,
            part,
            kind,
            about: about.trim().to_string(),
            text: text.trim().to_string(),
            said_by,
        })
    };
    for c in &review.criteria {
        for note in review
            .criterion_review(&c.id)
            .map_or(&[][..], |cr| &cr.evidence)
        {
            let by = note
                .said_by
                .as_ref()
                .map_or(tr!("Not recorded"), |p| review.person_name(p));
            push(
                note.id.clone(),
                Part::Ratings,
                ItemKind::Note,
                &c.wording,
                note.text.clone(),
                Some(by),
            );
        }
    }
    for r in &review.resources {
        for list in ResourceList::ALL.iter().copied() {
            for remark in r.remarks(list) {
                let by = Some(review.speaker_name(&remark.said_by));
                push(
                    remark.id.clone(),
                    Part::Services,
                    ItemKind::of_list(list),
                    &r.name,
                    remark.text.clone(),
                    by,
                );
            }
        }
        if let Some(met) = r.needs_met {
            push(
                needs_met_key(&r.id),
                Part::Services,
                ItemKind::NeedsMet,
                &r.name,
                met.label(),
                None,
            );
        }
    }
    for g in &review.gaps {
        let by = g.noticed_by.as_ref().map(|p| review.person_name(p));
        push(
            g.id.clone(),
            Part::Services,
            ItemKind::Gap,
            "",
            g.what.clone(),
            by,
        );
    }
    for a in &review.cover_arrangements {
        let about = a.kind.map_or_else(String::new, |k| k.label());
        for risk in &a.risks {
            let text = joined(&risk.risk, &tr!("How it is managed"), &risk.management);
            push(
                risk.id.clone(),
                Part::Cover,
                ItemKind::Risk,
                &about,
                text,
                None,
            );
        }
    }
    for e in &review.escalations {
        let text = joined(
            &e.matter,
            &tr!("Why it needs someone else"),
            &e.why_beyond_scope,
        );
        push(
            e.id.clone(),
            Part::Escalations,
            ItemKind::Matter,
            "",
            text,
            None,
        );
    }
    for a in &review.actions {
        push(
            a.id.clone(),
            Part::Outcome,
            ItemKind::Action,
            "",
            a.what.clone(),
            None,
        );
    }
    let o = &review.outcome;
    let carer = review
        .carer()
        .map(|p| review.person_name(&crate::Person::participant(p.id.clone())));
    let individual = review
        .individual()
        .map(|p| review.person_name(&crate::Person::participant(p.id.clone())));
    push(
        OUTCOME_RATIONALE.into(),
        Part::Outcome,
        ItemKind::Rationale,
        "",
        o.rationale.clone(),
        None,
    );
    push(
        CARER_VIEW.into(),
        Part::Outcome,
        ItemKind::CarerView,
        "",
        o.carer_view.clone(),
        carer,
    );
    push(
        INDIVIDUAL_VIEW.into(),
        Part::Outcome,
        ItemKind::IndividualView,
        "",
        o.individual_view.clone(),
        individual,
    );
    push(
        OTHER_VIEWS.into(),
        Part::Outcome,
        ItemKind::OtherViews,
        "",
        o.other_views.clone(),
        Some(review.speaker_name(&o.other_views_said_by)),
    );
    // What was said at signing: who may see it was chosen as they signed.
    for s in &review.sign_offs {
        if let Some((words, visibility)) = s.decision.words() {
            let who = review.person_name(&crate::Person::participant(s.participant.clone()));
            // The points they do not agree with are their words too, each
            // on its own line after their reason.
            let text = std::iter::once(words.trim().to_string())
                .chain(s.decision.points().iter().map(|p| {
                    tr!(
                        "Does not agree with “{about}”: {why}",
                        about = p.about.trim(),
                        why = p.why.trim()
                    )
                }))
                .filter(|line| !line.is_empty())
                .collect::<Vec<_>>()
                .join("\n");
            items.push(Item {
                key: sign_off_key(&s.participant),
                part: Part::Outcome,
                kind: ItemKind::SignOffWords,
                about: String::new(),
                text,
                said_by: Some(who),
                visibility,
            });
        }
    }
    items
}

/// The key of what `participant` said as they signed.
pub fn sign_off_key(participant: &str) -> String {
    format!("sign-off/{participant}")
}

/// What the check page shows `holder` (who holds the tablet): everything
/// for the worker; the carer's copy for the carer; the copy for the person
/// cared for to them and their advocate; to anyone else only what everyone
/// may see.
pub fn shown_to(holder: Option<&Participant>) -> Shown {
    match holder.map(|p| p.role) {
        None | Some(Role::Worker) => Shown::Everything,
        Some(Role::Carer) => Shown::CarerCopy,
        Some(Role::Individual | Role::Advocate) => Shown::IndividualCopy,
        Some(_) => Shown::EveryoneOnly,
    }
}

/// What the check page shows now, to whoever holds the tablet.
pub fn shown_now(review: &Review) -> Shown {
    shown_to(review.turn_holder())
}

/// The items that say something (what the check page and the copies hold).
pub fn written_items(review: &Review) -> Vec<Item> {
    items(review)
        .into_iter()
        .filter(|i| !i.text.is_empty())
        .collect()
}

/// "A. Label: b", or only "A" when `b` is blank.
fn joined(a: &str, label: &str, b: &str) -> String {
    if b.trim().is_empty() {
        a.trim().to_string()
    } else {
        tr!(
            "{first}. {label}: {then}",
            first = a.trim(),
            label = label,
            then = b.trim()
        )
    }
}

impl Review {
    /// Choose who may see one item.
    pub(crate) fn set_visibility(
        &mut self,
        item: String,
        visibility: Visibility,
    ) -> Result<(), DomainError> {
        if !items(self).iter().any(|i| i.key == item) {
            return Err(DomainError::UnknownItem);
        }
        self.visibility.insert(item, visibility);
        Ok(())
    }

    /// Forget the visibility chosen for items that are no longer there.
    pub(crate) fn forget_gone_items(&mut self) {
        if self.visibility.is_empty() {
            return;
        }
        let keys: std::collections::BTreeSet<String> =
            items(self).into_iter().map(|i| i.key).collect();
        self.visibility.retain(|k, _| keys.contains(k));
    }
}

/// The services the agreement sends a copy to whose copy would hold
/// nothing of their own: no service in the review goes by their name and
/// no action is theirs (a service's copy holds its own feedback and its own
/// actions, matched by name as the copies match them: case and spaces do
/// not count). Their names, in the agreement's order; a copy not named yet
/// is left to the name's own check.
pub fn provider_copies_matching_nothing(review: &Review) -> Vec<&str> {
    review
        .process
        .confidentiality
        .copies
        .iter()
        .filter(|c| c.kind == RecipientKind::Provider && !c.name.trim().is_empty())
        .filter(|c| {
            let name = same_name(&c.name);
            let service = review.resources.iter().any(|r| same_name(&r.name) == name);
            let action = review.actions.iter().any(|a| {
                matches!(&a.owner, Some(Person::Named { name: owner }) if same_name(owner) == name)
            });
            !service && !action
        })
        .map(|c| c.name.trim())
        .collect()
}
