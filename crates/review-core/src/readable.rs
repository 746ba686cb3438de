//! A copy of the summary in words people read (P23): what the carer, the
//! person cared for or a service takes away, made from their signed copy
//! alone, so it can hold nothing their copy does not. Two styles: plain
//! words, and easy read (short headings, the criteria's easy-read wording,
//! and the symbols used in the meeting: each criterion's symbol and a face
//! for each rating). Each says what happens next (actions, the next
//! review), who to contact and how to ask for a change or complain (the
//! team's configuration, else the worker), and ends with the document id
//! and a short fingerprint of the signed file, so paper and file can be
//! matched. `html` writes it as HTML: a page of its own (to download,
//! share or print) or the body the app shows.

pub mod html;
mod support;
mod symbols;

pub use symbols::{face_mouth, feeling_mouth, Symbol};

use crate::summary::document::*;
use crate::team::TeamProfile;
use crate::words::{capitalise, long_date, long_moment_of};

/// Which words: plain, or easy read with symbols.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    Plain,
    EasyRead,
}

/// The copy, in sections.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Readable {
    pub style: Style,
    pub title: String,
    pub lead: Vec<String>,
    pub sections: Vec<Section>,
    /// The file it was made from: printed at the foot of every page.
    pub footer: String,
    /// The file's short fingerprint, as the footer holds it: kept on one
    /// line, so a `-` in it never breaks it across two.
    pub fingerprint: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Section {
    pub heading: String,
    pub parts: Vec<Block>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    Para(String),
    /// Something with a name (a criterion, a service, an arrangement, a
    /// matter) and lines about it.
    Group {
        title: String,
        symbol: Option<Symbol>,
        lines: Vec<Line>,
    },
}

/// One line of a group: an optional label ("How it helps"), its words, and
/// a symbol in easy read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    pub label: String,
    pub text: String,
    pub symbol: Option<Symbol>,
}

fn line(label: &str, text: impl Into<String>) -> Line {
    Line {
        label: label.to_string(),
        text: text.into(),
        symbol: None,
    }
}

/// The first 12 characters of a file's SHA-256 (base64url) in groups of
/// four: what a person compares between paper and file.
pub fn short_fingerprint(sha256: &str) -> String {
    crate::summary::grouped(&sha256.chars().take(12).collect::<String>())
}

/// Words for one signed copy (or the records copy): `file_sha256` is the
/// SHA-256 of the signed file, `team` the team's configuration if the
/// device has one.
pub fn readable(
    copy: &Summary,
    file_sha256: &str,
    team: Option<&TeamProfile>,
    style: Style,
) -> Readable {
    let w = Words { copy, style };
    let whose = copy
        .copy_for
        .as_ref()
        .map_or("The records copy".to_string(), |c| c.recipient.whose());
    let mut sections = vec![w.about()];
    sections.extend(w.since_last());
    sections.push(w.criteria());
    sections.extend(w.services());
    sections.extend(w.cover());
    sections.extend(w.escalations());
    sections.push(w.next());
    sections.extend(w.views());
    sections.push(w.agreed());
    sections.extend(w.contact(team));
    let kept = copy.copy_for.as_ref().map_or(String::new(), |c| {
        format!(
            " · {} left out of this copy",
            crate::words::count_of(c.kept_back as usize, "item", "items")
        )
    });
    Readable {
        style,
        title: format!(
            "{}: {} and {}",
            w.pick("Carer review", "Our review"),
            copy.carer.name,
            copy.individual.name
        ),
        lead: vec![format!(
            "{whose}, signed off on {}.",
            long_moment_of(copy.finalised_at.as_str())
        )],
        sections,
        footer: format!(
            "{whose} · document {} · fingerprint {}{kept}",
            copy.document_id,
            short_fingerprint(file_sha256)
        ),
        fingerprint: short_fingerprint(file_sha256),
    }
}

/// What the sections are made from.
struct Words<'a> {
    copy: &'a Summary,
    style: Style,
}

impl Words<'_> {
    fn easy(&self) -> bool {
        self.style == Style::EasyRead
    }

    /// Plain words, or the easy-read ones.
    fn pick<'s>(&self, plain: &'s str, easy: &'s str) -> &'s str {
        if self.easy() {
            easy
        } else {
            plain
        }
    }

    fn name_of_id(&self, id: &str) -> String {
        self.copy
            .participants
            .iter()
            .find(|p| p.id == id)
            .map_or_else(|| "Someone".to_string(), |p| p.name.clone())
    }

    /// Whose rating it is: their name, and for the worker's own
    /// professional view, that it is the worker's ("Sam Okafor (worker)").
    fn rater_of(&self, id: &str) -> String {
        let name = self.name_of_id(id);
        match self.copy.participants.iter().find(|p| p.id == id) {
            Some(p) if p.role == crate::Role::Worker => format!("{name} ({})", p.role.noun()),
            _ => name,
        }
    }

    /// How someone agreed, in words: "through pictures, symbols or objects
    /// of reference, seen by Sam Patel", "spoken through Farah Ali".
    fn how_words(&self, how: &crate::agreement::HowAgreed) -> String {
        use crate::agreement::AgreedWay;
        let mut words = match (how.way, how.through.as_deref()) {
            (AgreedWay::Interpreter, Some(id)) => format!("spoken through {}", self.name_of_id(id)),
            (AgreedWay::Advocate, Some(id)) => format!("through {}", self.name_of_id(id)),
            (way, _) => way.label().to_lowercase(),
        };
        if let Some(w) = how.witness.as_deref() {
            words.push_str(&format!(", seen by {}", self.name_of_id(w)));
        }
        words
    }

    fn name_of(&self, p: &PersonRef) -> String {
        match p {
            PersonRef::Participant { id } => self.name_of_id(id),
            PersonRef::Named { name } | PersonRef::Removed { name } => name.clone(),
        }
    }

    /// Who said something, when it was recorded.
    fn said_by(&self, s: &SpeakerRecord) -> Option<String> {
        match s {
            SpeakerRecord::Participant { id } => Some(self.name_of_id(id)),
            SpeakerRecord::Named { name } | SpeakerRecord::Removed { name } => Some(name.clone()),
            SpeakerRecord::Everyone {} => Some("everyone at the meeting".into()),
            SpeakerRecord::NotRecorded {} => None,
        }
    }

    fn quoted(&self, text: &str, by: Option<String>) -> String {
        match by {
            Some(by) => format!("“{text}” ({by})"),
            None => format!("“{text}”"),
        }
    }

    fn day(&self, d: &DateText) -> String {
        chrono::NaiveDate::parse_from_str(d.as_str(), "%Y-%m-%d")
            .map(long_date)
            .unwrap_or_else(|_| d.as_str().to_string())
    }

    fn about(&self) -> Section {
        let c = self.copy;
        let mut parts = vec![Block::Para(format!(
            "{} looks after {}. This review looked at how that is going, and at the support {} gets.",
            c.carer.name, c.individual.name, c.carer.name
        ))];
        let team = c
            .team
            .as_deref()
            .map_or(String::new(), |t| format!(", {t}"));
        parts.push(Block::Para(format!(
            "{} ran the review for {}{team}.",
            c.worker.name, c.organisation
        )));
        if let Some(of) = &c.copy_for {
            parts.push(Block::Para(match of.kept_back {
                0 => "Nothing said or written at the review was left out of this copy.".into(),
                n => format!(
                    "This copy leaves out {} that the people at the review agreed its reader should not see.",
                    crate::words::count_of(n as usize, "thing", "things")
                ),
            }));
        }
        let who = c
            .participants
            .iter()
            .map(|p| {
                let role = p.role.label().to_lowercase();
                match &p.relationship {
                    Some(r) => line(&p.name, format!("{r}, {role}")),
                    None => line(&p.name, capitalise(&role)),
                }
            })
            .collect();
        parts.push(Block::Group {
            title: self.pick("Who took part", "Who was there").into(),
            symbol: None,
            lines: who,
        });
        Section {
            heading: self.pick("About this review", "About your review").into(),
            parts,
        }
    }

    fn criteria(&self) -> Section {
        let parts = self
            .copy
            .criteria
            .iter()
            .map(|c| {
                let title = match (&c.easy_read, self.easy()) {
                    (Some(e), true) => e.clone(),
                    _ => c.wording.clone(),
                };
                let mut lines: Vec<Line> = c
                    .ratings
                    .iter()
                    .map(|r| Line {
                        label: self.rater_of(&r.participant),
                        text: r.point.label().to_string(),
                        symbol: self.easy().then_some(Symbol::Face(r.point)),
                    })
                    .collect();
                if let Some(why) = &c.not_discussed {
                    lines.push(line(
                        self.pick("Not talked about", "We did not talk about this"),
                        why,
                    ));
                }
                for e in &c.evidence {
                    let by = e.said_by.as_ref().map(|p| self.name_of(p));
                    lines.push(line(
                        self.pick("Said", "Someone said"),
                        self.quoted(&e.text, by),
                    ));
                }
                let symbol = match &c.source {
                    CriterionOrigin::Library { key } => crate::criteria::library::symbol_for(
                        &crate::model::CriterionSource::Library { key: key.clone() },
                    ),
                    CriterionOrigin::Custom {} => crate::criteria::library::OWN_WORDS_SYMBOL,
                };
                Block::Group {
                    title,
                    symbol: self.easy().then_some(Symbol::Named(symbol)),
                    lines,
                }
            })
            .collect();
        Section {
            heading: self
                .pick(
                    "How things are going: each person's view",
                    "How things are going",
                )
                .into(),
            parts,
        }
    }

    fn next(&self) -> Section {
        let o = &self.copy.outcome;
        let mut parts = Vec::new();
        if let Some(d) = o.decision {
            let why = o
                .rationale
                .as_deref()
                .map_or(String::new(), |r| format!(" {r}"));
            parts.push(Block::Para(format!(
                "{}: {}.{why}",
                self.pick("The outcome", "What we decided"),
                d.label()
            )));
        }
        if !self.copy.actions.is_empty() {
            let lines = self
                .copy
                .actions
                .iter()
                .map(|a| {
                    let who = a
                        .owner
                        .as_ref()
                        .map_or_else(|| "Not yet decided".to_string(), |p| self.name_of(p));
                    let by = a
                        .due
                        .as_ref()
                        .map_or(String::new(), |d| format!(", by {}", self.day(d)));
                    line(&who, format!("{}{by}", a.what))
                })
                .collect();
            parts.push(Block::Group {
                title: self.pick("Who will do what", "Who will do what").into(),
                symbol: None,
                lines,
            });
        }
        parts.push(Block::Para(format!(
            "{} {}.",
            self.pick("The next review is due by", "We will meet again by"),
            self.day(&o.next_review)
        )));
        Section {
            heading: "What happens next".into(),
            parts,
        }
    }

    fn views(&self) -> Option<Section> {
        let c = self.copy;
        let o = &c.outcome;
        let mut lines = Vec::new();
        if let Some(v) = &o.carer_view {
            lines.push(line(&c.carer.name, v));
        }
        if let Some(v) = &o.individual_view {
            lines.push(line(&c.individual.name, v));
        }
        if let Some(v) = &o.other_views {
            let by = o.other_views_said_by.as_ref().and_then(|s| self.said_by(s));
            lines.push(line(
                by.as_deref().unwrap_or(self.pick("Other views", "Others")),
                v,
            ));
        }
        (!lines.is_empty()).then(|| Section {
            heading: self
                .pick("What people said about it", "What people said")
                .into(),
            parts: vec![Block::Group {
                title: self.pick("In their own words", "In their words").into(),
                symbol: None,
                lines,
            }],
        })
    }

    fn agreed(&self) -> Section {
        let lines = self
            .copy
            .sign_offs
            .iter()
            .flat_map(|s| {
                let name = self.name_of_id(&s.participant);
                let text = match &s.decision {
                    DecisionRecord::Agrees {} => match &s.how {
                        Some(how) => {
                            format!("{}, {}", self.pick("Agrees", "Yes"), self.how_words(how))
                        }
                        None => self.pick("Agrees", "Yes").to_string(),
                    },
                    DecisionRecord::AgreesWithComment { comment, .. } if comment.is_empty() => {
                        "Agrees, with a comment this copy leaves out".to_string()
                    }
                    DecisionRecord::AgreesWithComment { comment, .. } => {
                        format!("{}, and said “{comment}”", self.pick("Agrees", "Yes"))
                    }
                    DecisionRecord::Disagrees { reason, points, .. }
                        if reason.is_empty() && points.is_empty() =>
                    {
                        "Does not agree, for a reason this copy leaves out".to_string()
                    }
                    DecisionRecord::Disagrees { reason, .. } if reason.is_empty() => {
                        self.pick("Does not agree", "No").to_string()
                    }
                    DecisionRecord::Disagrees { reason, .. } => {
                        format!("{}: “{reason}”", self.pick("Does not agree", "No"))
                    }
                };
                // Each point they do not agree with, on its own line.
                let points = match &s.decision {
                    DecisionRecord::Disagrees { points, .. } => points.as_slice(),
                    _ => &[],
                };
                std::iter::once(line(&name, text)).chain(points.iter().map(move |p| {
                    line(
                        &name,
                        format!(
                            "{} “{}” ({}): “{}”",
                            self.pick("Does not agree with", "Not happy with"),
                            p.about,
                            p.said,
                            p.why
                        ),
                    )
                }))
            })
            .chain(self.copy.confirmations.iter().map(|c| {
                use crate::signoff::types::Confirms;
                let what = match c.confirms {
                    Confirms::AccurateInterpretation => "the interpreting was accurate",
                    Confirms::OwnViewCarried => "the views they gave were the person’s own",
                };
                let text = match (&c.note, c.confirmed) {
                    (_, true) => format!("Confirms {what}"),
                    (Some(note), false) => format!("Could not confirm {what}: “{note}”"),
                    (None, false) => format!("Could not confirm {what}"),
                };
                line(&self.name_of_id(&c.participant), text)
            }))
            .collect();
        Section {
            heading: self
                .pick("Who agreed with the review", "Who said yes")
                .into(),
            parts: vec![Block::Group {
                title: format!(
                    "Signed off on {}",
                    long_moment_of(self.copy.finalised_at.as_str())
                ),
                symbol: None,
                lines,
            }],
        }
    }

    fn contact(&self, team: Option<&TeamProfile>) -> Vec<Section> {
        let c = self.copy;
        let Some(t) = team else {
            return vec![Section {
                heading: self.pick("Questions, changes and complaints", "If you are not happy").into(),
                parts: vec![Block::Para(format!(
                    "Contact {} at {} with any question, if something here is wrong, or to ask for a change. You can also complain to {}: ask them how.",
                    c.worker.name, c.organisation, c.organisation
                ))],
            }];
        };
        let mut lines = vec![line("Phone", &t.team.phone), line("Email", &t.team.email)];
        lines.extend(t.team.address.as_ref().map(|a| line("Address", a)));
        lines.extend(t.team.hours.as_ref().map(|h| line("When", h)));
        let mut how = vec![line("", &t.complaints.how)];
        how.extend(t.complaints.phone.as_ref().map(|p| line("Phone", p)));
        how.extend(t.complaints.email.as_ref().map(|e| line("Email", e)));
        how.extend(t.complaints.web.as_ref().map(|w| line("Web", w)));
        how.extend(t.complaints.address.as_ref().map(|a| line("Address", a)));
        vec![
            Section {
                heading: self.pick("Who to contact", "Who to call").into(),
                parts: vec![
                    Block::Para(format!(
                        "{} with any question, if something here is wrong, or to ask for a change.",
                        capitalise(&format!("contact {}", t.team.name))
                    )),
                    Block::Group {
                        title: t.team.name.clone(),
                        symbol: None,
                        lines,
                    },
                ],
            },
            Section {
                heading: self.pick("How to complain", "If you are not happy").into(),
                parts: vec![Block::Group {
                    title: self.pick("Making a complaint", "Tell us").into(),
                    symbol: None,
                    lines: how,
                }],
            },
        ]
    }
}
