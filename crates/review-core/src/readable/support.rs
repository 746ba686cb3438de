//! The parts of a readable copy about support (P20–P22): the services and
//! what is missing, the cover for the person cared for, the matters passed
//! to someone else, and what became of the last review's actions and
//! matters (issue 27).

use super::{line, Block, Section, Words};
use crate::summary::document::*;

impl Words<'_> {
    pub(super) fn services(&self) -> Option<Section> {
        let s = &self.copy.services;
        if s.resources.is_empty() && s.gaps.is_empty() {
            return None;
        }
        let mut parts: Vec<Block> = s
            .resources
            .iter()
            .map(|r| {
                let mut lines = Vec::new();
                if let Some(m) = r.needs_met {
                    lines.push(line(
                        self.pick("How well it met the carer's needs", "Did it help"),
                        m.label(),
                    ));
                }
                for (label, list) in [
                    (self.pick("How it helps", "Good"), &r.benefits),
                    (
                        self.pick("What has been difficult", "Hard"),
                        &r.difficulties,
                    ),
                    (self.pick("What should change", "Change"), &r.changes),
                ] {
                    for p in list {
                        lines.push(line(label, self.quoted(&p.text, self.said_by(&p.said_by))));
                    }
                }
                if let Some(d) = r.decision {
                    lines.push(line(self.pick("Decided", "We decided"), d.label()));
                }
                let kind = r.kind.map_or(String::new(), |k| {
                    format!(" ({})", k.label().to_lowercase())
                });
                Block::Group {
                    title: format!("{}{kind}", r.name),
                    symbol: None,
                    lines,
                }
            })
            .collect();
        if !s.gaps.is_empty() {
            parts.push(Block::Group {
                title: self
                    .pick("Support that is missing", "Help that is missing")
                    .into(),
                symbol: None,
                lines: s
                    .gaps
                    .iter()
                    .map(|g| {
                        line(
                            "",
                            self.quoted(&g.what, g.noticed_by.as_ref().map(|p| self.name_of(p))),
                        )
                    })
                    .collect(),
            });
        }
        Some(Section {
            heading: self
                .pick("Services and support", "Help and services")
                .into(),
            parts,
        })
    }

    pub(super) fn cover(&self) -> Option<Section> {
        let c = self.copy;
        if c.cover.arrangements.is_empty() {
            return None;
        }
        let parts = c
            .cover
            .arrangements
            .iter()
            .map(|a| {
                let mut lines = Vec::new();
                if let Some(need) = a.makes_room_for {
                    let detail = a
                        .makes_room_for_detail
                        .as_deref()
                        .map_or(String::new(), |d| format!(": {d}"));
                    lines.push(line(
                        self.pick("So that the carer can have", "For"),
                        format!("{}{detail}", need.label()),
                    ));
                }
                if let Some(when) = &a.when {
                    lines.push(line("When", when));
                }
                if let Some(p) = &a.provider {
                    lines.push(line(self.pick("Who provides it", "Who"), p));
                }
                if let Some(f) = a.funding {
                    lines.push(line(self.pick("Paid for by", "Money"), f.label()));
                }
                for r in &a.risks {
                    let text = if r.management.is_empty() {
                        r.risk.clone()
                    } else {
                        format!(
                            "{}. {} {}",
                            r.risk.trim_end_matches('.'),
                            self.pick("How it is managed:", "What we will do:"),
                            r.management
                        )
                    };
                    lines.push(line(self.pick("Risk", "Worry"), text));
                }
                if let Some(agreement) = &a.agreement {
                    let who = &c.individual.name;
                    let text = match agreement {
                        AgreementRecord::Agreed { how: None } => format!("{who} agreed"),
                        AgreementRecord::Agreed { how: Some(how) } => {
                            format!("{who} agreed, {}", self.how_words(how))
                        }
                        AgreementRecord::AgreedThroughAdvocate { by } => {
                            format!("{who} agreed, through {}", self.name_of(by))
                        }
                        AgreementRecord::NotAgreed { what_happens_next } => {
                            format!("{who} did not agree. What happens next: {what_happens_next}")
                        }
                        AgreementRecord::NotAskedYet {} => format!("{who} has not been asked yet"),
                    };
                    lines.push(line(self.pick("Agreement", "Did they say yes"), text));
                }
                Block::Group {
                    title: a
                        .kind
                        .map_or("Support".to_string(), |k| k.label().to_string()),
                    symbol: None,
                    lines,
                }
            })
            .collect();
        Some(Section {
            heading: format!(
                "{} {} while {} has time for themselves",
                self.pick("Support for", "Help for"),
                c.individual.name,
                c.carer.name
            ),
            parts,
        })
    }

    pub(super) fn escalations(&self) -> Option<Section> {
        let matters = &self.copy.escalations.matters;
        if matters.is_empty() {
            return None;
        }
        let parts = matters
            .iter()
            .map(|m| {
                let mut lines = Vec::new();
                if let Some(why) = &m.why_beyond_scope {
                    lines.push(line("Why", why));
                }
                let to = match (&m.to_whom, m.route) {
                    (Some(t), Some(r)) => Some(format!("{t} ({})", r.label().to_lowercase())),
                    (Some(t), None) => Some(t.clone()),
                    (None, Some(r)) => Some(r.label().to_string()),
                    (None, None) => None,
                };
                if let Some(to) = to {
                    lines.push(line(self.pick("Passed to", "Who will help"), to));
                }
                if let Some(o) = &m.owner {
                    lines.push(line(
                        self.pick("Followed up by", "Who checks"),
                        self.name_of(o),
                    ));
                }
                if let Some(d) = &m.due {
                    lines.push(line("By", self.day(d)));
                }
                lines.push(line(self.pick("Now", "Now"), m.status.label()));
                Block::Group {
                    title: m.matter.clone(),
                    symbol: None,
                    lines,
                }
            })
            .collect();
        Some(Section {
            heading: self
                .pick(
                    "Matters passed to someone else",
                    "Other people will help with",
                )
                .into(),
            parts,
        })
    }

    /// What became of the last review's actions and escalations, as far
    /// as this copy may tell (issue 27).
    pub(super) fn since_last(&self) -> Option<Section> {
        let f = self.copy.follow_up.as_ref()?;
        let mut parts = Vec::new();
        if !f.actions.is_empty() {
            let lines = f
                .actions
                .iter()
                .map(|a| line(&a.what, a.answer.told()))
                .collect();
            parts.push(Block::Group {
                title: self
                    .pick("Last time's actions", "What we said we would do")
                    .into(),
                symbol: None,
                lines,
            });
        }
        if !f.escalations.is_empty() {
            let lines = f
                .escalations
                .iter()
                .map(|e| line(&e.matter, e.answer.label()))
                .collect();
            parts.push(Block::Group {
                title: self
                    .pick("Matters still open last time", "Help we asked for")
                    .into(),
                symbol: None,
                lines,
            });
        }
        (!parts.is_empty()).then(|| Section {
            heading: self.pick("Since the last review", "Since last time").into(),
            parts,
        })
    }
}
