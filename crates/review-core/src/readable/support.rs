//! The parts of a readable copy about support (P20–P22): the services and
//! what is missing, the cover for the person cared for, the matters passed
//! to someone else, and what became of the last review's actions and
//! matters (issue 27).

use super::{line, Block, Section, Words};
use crate::summary::document::*;
use crate::tr;

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
                        self.pick(tr!("How well it met the carer's needs"), tr!("Did it help")),
                        m.label(),
                    ));
                }
                for (label, list) in [
                    (self.pick(tr!("How it helps"), tr!("Good")), &r.benefits),
                    (
                        self.pick(tr!("What has been difficult"), tr!("Hard")),
                        &r.difficulties,
                    ),
                    (
                        self.pick(tr!("What should change"), tr!("Change")),
                        &r.changes,
                    ),
                ] {
                    for p in list {
                        lines.push(line(
                            label.clone(),
                            self.quoted(&p.text, self.said_by(&p.said_by)),
                        ));
                    }
                }
                if let Some(d) = r.decision {
                    lines.push(line(
                        self.pick(tr!("Decided"), tr!("We decided")),
                        d.label(),
                    ));
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
                title: self.pick(tr!("Support that is missing"), tr!("Help that is missing")),
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
            heading: self.pick(tr!("Services and support"), tr!("Help and services")),
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
                        self.pick(tr!("So that the carer can have"), tr!("For")),
                        format!("{}{detail}", need.label()),
                    ));
                }
                if let Some(when) = &a.when {
                    lines.push(line(tr!("When"), when));
                }
                if let Some(p) = &a.provider {
                    lines.push(line(self.pick(tr!("Who provides it"), tr!("Who")), p));
                }
                if let Some(f) = a.funding {
                    lines.push(line(self.pick(tr!("Paid for by"), tr!("Money")), f.label()));
                }
                for r in &a.risks {
                    let text = if r.management.is_empty() {
                        r.risk.clone()
                    } else {
                        format!(
                            "{}. {} {}",
                            r.risk.trim_end_matches('.'),
                            self.pick(tr!("How it is managed:"), tr!("What we will do:")),
                            r.management
                        )
                    };
                    lines.push(line(self.pick(tr!("Risk"), tr!("Worry")), text));
                }
                if let Some(agreement) = &a.agreement {
                    let who = &c.individual.name;
                    let text = match agreement {
                        AgreementRecord::Agreed { how: None } => format!("{who} agreed"),
                        AgreementRecord::Agreed { how: Some(how) } => {
                            tr!("{who} agreed, {how}", who = who, how = self.how_words(how))
                        }
                        AgreementRecord::AgreedThroughAdvocate { by } => {
                            tr!(
                                "{who} agreed, through {helper}",
                                who = who,
                                helper = self.name_of(by)
                            )
                        }
                        AgreementRecord::NotAgreed { what_happens_next } => {
                            tr!(
                                "{who} did not agree. What happens next: {what_happens_next}",
                                who = who,
                                what_happens_next = what_happens_next
                            )
                        }
                        AgreementRecord::NotAskedYet {} => {
                            tr!("{who} has not been asked yet", who = who)
                        }
                    };
                    lines.push(line(
                        self.pick(tr!("Agreement"), tr!("Did they say yes")),
                        text,
                    ));
                }
                Block::Group {
                    title: a.kind.map_or(tr!("Support"), |k| k.label().to_string()),
                    symbol: None,
                    lines,
                }
            })
            .collect();
        Some(Section {
            heading: tr!("{for} {name} while {name2} has time for themselves", for = self.pick(tr!("Support for"), tr!("Help for")), name = c.individual.name, name2 = c.carer.name),
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
                    lines.push(line(tr!("Why"), why));
                }
                let to = match (&m.to_whom, m.route) {
                    (Some(t), Some(r)) => Some(format!("{t} ({})", r.label().to_lowercase())),
                    (Some(t), None) => Some(t.clone()),
                    (None, Some(r)) => Some(r.label().to_string()),
                    (None, None) => None,
                };
                if let Some(to) = to {
                    lines.push(line(self.pick(tr!("Passed to"), tr!("Who will help")), to));
                }
                if let Some(o) = &m.owner {
                    lines.push(line(
                        self.pick(tr!("Followed up by"), tr!("Who checks")),
                        self.name_of(o),
                    ));
                }
                if let Some(d) = &m.due {
                    lines.push(line(tr!("By"), self.day(d)));
                }
                lines.push(line(self.pick(tr!("Now"), tr!("Now")), m.status.label()));
                Block::Group {
                    title: m.matter.clone(),
                    symbol: None,
                    lines,
                }
            })
            .collect();
        Some(Section {
            heading: self.pick(
                tr!("Matters passed to someone else"),
                tr!("Other people will help with"),
            ),
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
                title: self.pick(tr!("Last time's actions"), tr!("What we said we would do")),
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
                title: self.pick(
                    tr!("Matters still open last time"),
                    tr!("Help we asked for"),
                ),
                symbol: None,
                lines,
            });
        }
        (!parts.is_empty()).then(|| Section {
            heading: self.pick(tr!("Since the last review"), tr!("Since last time")),
            parts,
        })
    }
}
