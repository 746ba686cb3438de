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
use crate::{tr, trn};

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
    /// The language it is in: the one in use when it was made.
    pub lang: crate::i18n::Lang,
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

fn line(label: impl Into<String>, text: impl Into<String>) -> Line {
    Line {
        label: label.into(),
        text: text.into(),
        symbol: None,
    }
}

/// The first 12 characters of a file's SHA-256 (base64url) in groups of
/// four: what a person compares between paper and file.
pub fn short_fingerprint(sha256: &str) -> String {
    crate::summary::grouped(&sha256.chars().take(12).collect::<String>())
}

/// The language a copy's reader asked for in the meeting (issue 30): for
/// the carer's copy the carer's, for the person cared for's theirs (each
/// as their signed copy records it); none for anyone else's copy or the
/// records copy, which come in the language of the screens.
pub fn reader_language(copy: &Summary) -> Option<crate::i18n::Lang> {
    let reader = match copy.copy_for.as_ref()?.recipient.kind {
        crate::RecipientKind::Carer => &copy.carer,
        crate::RecipientKind::Individual => &copy.individual,
        _ => return None,
    };
    copy.participants
        .iter()
        .find(|p| p.id == reader.participant_id)?
        .support
        .screen_language
        .map(Into::into)
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
        .map_or(tr!("The records copy"), |c| c.recipient.whose());
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
            " · {}",
            trn!(
                c.kept_back,
                "{n} item left out of this copy",
                "{n} items left out of this copy"
            )
        )
    });
    Readable {
        style,
        lang: crate::i18n::current_lang(),
        title: w.pick(
            tr!(
                "Carer review: {carer} and {individual}",
                carer = copy.carer.name,
                individual = copy.individual.name
            ),
            tr!(
                "Our review: {carer} and {individual}",
                carer = copy.carer.name,
                individual = copy.individual.name
            ),
        ),
        lead: vec![tr!(
            "{whose}, signed off on {when}.",
            whose = whose,
            when = long_moment_of(copy.finalised_at.as_str())
        )],
        sections,
        // The fingerprint stands outside the message: the page marks it as
        // never translated.
        footer: format!(
            "{} {}{kept}",
            tr!(
                "{whose} · document {id} · fingerprint",
                whose = whose,
                id = copy.document_id
            ),
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
    fn pick(&self, plain: String, easy: String) -> String {
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
            .map_or_else(|| tr!("Someone"), |p| p.name.clone())
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
            (AgreedWay::Interpreter, Some(id)) => {
                tr!("spoken through {name}", name = self.name_of_id(id))
            }
            (AgreedWay::Advocate, Some(id)) => format!("through {}", self.name_of_id(id)),
            (way, _) => way.label().to_lowercase(),
        };
        if let Some(w) = how.witness.as_deref() {
            words.push_str(&tr!(", seen by {name}", name = self.name_of_id(w)));
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
            SpeakerRecord::Everyone {} => Some(tr!("everyone at the meeting")),
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
        let mut parts = vec![Block::Para(tr!("{name} looks after {name2}. This review looked at how that is going, and at the support {name3} gets.", name = c.carer.name, name2 = c.individual.name, name3 = c.carer.name))];
        let team = c
            .team
            .as_deref()
            .map_or(String::new(), |t| format!(", {t}"));
        parts.push(Block::Para(tr!(
            "{name} ran the review for {organisation}{team}.",
            name = c.worker.name,
            organisation = c.organisation,
            team = team
        )));
        if let Some(of) = &c.copy_for {
            parts.push(Block::Para(match of.kept_back {
                0 => tr!("Nothing said or written at the review was left out of this copy."),
                n => trn!(n, "This copy leaves out {n} thing that the people at the review agreed its reader should not see.", "This copy leaves out {n} things that the people at the review agreed its reader should not see."),
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
            title: self.pick(tr!("Who took part"), tr!("Who was there")),
            symbol: None,
            lines: who,
        });
        Section {
            heading: self.pick(tr!("About this review"), tr!("About your review")),
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
                    (Some(e), true) => crate::i18n::seed(e),
                    _ => crate::i18n::seed(&c.wording),
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
                        self.pick(tr!("Not talked about"), tr!("We did not talk about this")),
                        why,
                    ));
                }
                for e in &c.evidence {
                    let by = e.said_by.as_ref().map(|p| self.name_of(p));
                    lines.push(line(
                        self.pick(tr!("Said"), tr!("Someone said")),
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
            heading: self.pick(
                tr!("How things are going: each person's view"),
                tr!("How things are going"),
            ),
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
                self.pick(tr!("The outcome"), tr!("What we decided")),
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
                        .map_or_else(|| tr!("Not yet decided"), |p| self.name_of(p));
                    let what = match a.due.as_ref() {
                        Some(d) => tr!("{what}, by {when}", what = a.what, when = self.day(d)),
                        None => a.what.clone(),
                    };
                    line(&who, what)
                })
                .collect();
            parts.push(Block::Group {
                title: self.pick(tr!("Who will do what"), tr!("Who will do what")),
                symbol: None,
                lines,
            });
        }
        parts.push(Block::Para(format!(
            "{} {}.",
            self.pick(
                tr!("The next review is due by"),
                tr!("We will meet again by")
            ),
            self.day(&o.next_review)
        )));
        Section {
            heading: tr!("What happens next"),
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
                by.unwrap_or_else(|| self.pick(tr!("Other views"), tr!("Others"))),
                v,
            ));
        }
        (!lines.is_empty()).then(|| Section {
            heading: self.pick(tr!("What people said about it"), tr!("What people said")),
            parts: vec![Block::Group {
                title: self.pick(tr!("In their own words"), tr!("In their words")),
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
                        Some(how) => self.pick(
                            tr!("Agrees, {how}", how = self.how_words(how)),
                            tr!("Yes, {how}", how = self.how_words(how)),
                        ),
                        None => self.pick(tr!("Agrees"), tr!("Yes")).to_string(),
                    },
                    DecisionRecord::AgreesWithComment { comment, .. } if comment.is_empty() => {
                        tr!("Agrees, with a comment this copy leaves out")
                    }
                    DecisionRecord::AgreesWithComment { comment, .. } => self.pick(
                        tr!("Agrees, and said “{comment}”", comment = comment),
                        tr!("Yes, and said “{comment}”", comment = comment),
                    ),
                    DecisionRecord::Disagrees { reason, points, .. }
                        if reason.is_empty() && points.is_empty() =>
                    {
                        tr!("Does not agree, for a reason this copy leaves out")
                    }
                    DecisionRecord::Disagrees { reason, .. } if reason.is_empty() => {
                        self.pick(tr!("Does not agree"), tr!("No")).to_string()
                    }
                    DecisionRecord::Disagrees { reason, .. } => {
                        format!(
                            "{}: “{reason}”",
                            self.pick(tr!("Does not agree"), tr!("No"))
                        )
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
                            self.pick(tr!("Does not agree with"), tr!("Not happy with")),
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
                    Confirms::AccurateInterpretation => tr!("the interpreting was accurate"),
                    Confirms::OwnViewCarried => tr!("the views they gave were the person’s own"),
                };
                let text = match (&c.note, c.confirmed) {
                    (_, true) => tr!("Confirms {what}", what = what),
                    (Some(note), false) => tr!(
                        "Could not confirm {what}: “{note}”",
                        what = what,
                        note = note
                    ),
                    (None, false) => tr!("Could not confirm {what}", what = what),
                };
                line(self.name_of_id(&c.participant), text)
            }))
            .collect();
        Section {
            heading: self.pick(tr!("Who agreed with the review"), tr!("Who said yes")),
            parts: vec![Block::Group {
                title: tr!(
                    "Signed off on {when}",
                    when = long_moment_of(self.copy.finalised_at.as_str())
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
                heading: self.pick(tr!("Questions, changes and complaints"), tr!("If you are not happy")),
                parts: vec![Block::Para(tr!("Contact {name} at {organisation} with any question, if something here is wrong, or to ask for a change. You can also complain to {organisation2}: ask them how.", name = c.worker.name, organisation = c.organisation, organisation2 = c.organisation))],
            }];
        };
        let mut lines = vec![
            line(tr!("Phone"), &t.team.phone),
            line(tr!("Email"), &t.team.email),
        ];
        lines.extend(t.team.address.as_ref().map(|a| line(tr!("Address"), a)));
        lines.extend(t.team.hours.as_ref().map(|h| line(tr!("When"), h)));
        let mut how = vec![line("", &t.complaints.how)];
        how.extend(t.complaints.phone.as_ref().map(|p| line(tr!("Phone"), p)));
        how.extend(t.complaints.email.as_ref().map(|e| line(tr!("Email"), e)));
        how.extend(t.complaints.web.as_ref().map(|w| line(tr!("Web"), w)));
        how.extend(
            t.complaints
                .address
                .as_ref()
                .map(|a| line(tr!("Address"), a)),
        );
        vec![
            Section {
                heading: self.pick(tr!("Who to contact"), tr!("Who to call")),
                parts: vec![
                    Block::Para(tr!("{name} with any question, if something here is wrong, or to ask for a change.", name = capitalise(&format!("contact {}", t.team.name)))),
                    Block::Group {
                        title: t.team.name.clone(),
                        symbol: None,
                        lines,
                    },
                ],
            },
            Section {
                heading: self.pick(tr!("How to complain"), tr!("If you are not happy")),
                parts: vec![Block::Group {
                    title: self.pick(tr!("Making a complaint"), tr!("Tell us")),
                    symbol: None,
                    lines: how,
                }],
            },
        ]
    }
}
