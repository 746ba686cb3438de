//! How it is going, against the criteria (P19): everyone's own rating,
//! shown as a spread. Different ratings stay different: nothing here turns
//! them into a score or an average, so no one's view is lost in a middle.

use crate::model::*;
use crate::tr;
use crate::words::and_list;

/// One point of the scale and who chose it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PointCount {
    pub point: ScalePoint,
    /// Participant ids, in the order people were added to the review.
    pub who: Vec<Id>,
}

impl PointCount {
    pub fn count(&self) -> usize {
        self.who.len()
    }
}

/// The distribution of the ratings of one criterion.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Spread {
    pub scale: Scale,
    /// Every point of the scale, best first, including those nobody chose.
    pub points: Vec<PointCount>,
    /// How many ratings were given.
    pub rated: usize,
    /// People who rate and have not rated yet.
    pub waiting_for: Vec<Id>,
    /// At least two ratings, all on the same point.
    pub all_agree: bool,
    /// The best and worst points chosen (`None` while nobody has rated).
    pub best: Option<ScalePoint>,
    pub worst: Option<ScalePoint>,
    /// Steps between the best and the worst point chosen (0 to 4).
    pub distance: u8,
    pub not_discussed: bool,
}

/// The spread of ratings of `criterion` in `review`.
pub fn spread(review: &Review, criterion: &Criterion) -> Spread {
    let cr = review.criterion_review(&criterion.id);
    let ratings: &[Rating] = cr.map(|c| c.ratings.as_slice()).unwrap_or_default();
    let rating_of = |id: &str| ratings.iter().find(|r| r.participant == id);
    // Participant order (the worker last), not the order ratings were
    // given, so the same ratings always read the same.
    let rated_in_order: Vec<(&Id, ScalePoint)> = review
        .rating_order()
        .filter_map(|p| rating_of(&p.id).map(|r| (&p.id, r.point)))
        .collect();
    let points = criterion
        .scale
        .choices()
        .iter()
        .map(|point| PointCount {
            point: *point,
            who: rated_in_order
                .iter()
                .filter(|(_, chosen)| chosen == point)
                .map(|(id, _)| (*id).clone())
                .collect(),
        })
        .collect();
    let best = rated_in_order
        .iter()
        .map(|(_, p)| *p)
        .min_by_key(|p| p.step());
    let worst = rated_in_order
        .iter()
        .map(|(_, p)| *p)
        .max_by_key(|p| p.step());
    let distance = match (best, worst) {
        (Some(b), Some(w)) => w.step() - b.step(),
        _ => 0,
    };
    Spread {
        scale: criterion.scale,
        points,
        rated: rated_in_order.len(),
        waiting_for: review
            .raters()
            .filter(|p| rating_of(&p.id).is_none())
            .map(|p| p.id.clone())
            .collect(),
        all_agree: rated_in_order.len() >= 2 && distance == 0,
        best,
        worst,
        distance,
        not_discussed: cr.is_some_and(|c| c.not_discussed.is_some()),
    }
}

// ---- In words ---------------------------------------------------------------

/// A rater's short name, or "Someone no longer in this review"; the
/// worker's says it is the worker's (professional) view: "Sam (worker)".
fn short_name_of(review: &Review, id: &str) -> String {
    match review.participant(id) {
        Some(p) if p.role == Role::Worker => tr!(
            "{name} ({role})",
            name = p.short_name(),
            role = p.role.noun()
        ),
        Some(p) => p.short_name(),
        None => tr!("Someone no longer in this review"),
    }
}

/// The spread of a criterion's ratings in words: who chose what, best point
/// first. Never a score or an average, so no one's view disappears.
pub fn spread_in_words(review: &Review, criterion: &Criterion) -> String {
    let s = spread(review, criterion);
    if s.not_discussed {
        return tr!("Not discussed today");
    }
    if s.rated == 0 {
        return tr!("No ratings yet");
    }
    if s.all_agree {
        let names: Vec<String> = s
            .points
            .iter()
            .flat_map(|p| p.who.iter())
            .map(|id| short_name_of(review, id))
            .collect();
        let point = s.best.map(ScalePoint::label).unwrap_or_default();
        return tr!(
            "Same view: {list} chose {point}",
            list = and_list(&names),
            point = point
        );
    }
    let each: Vec<String> = s
        .points
        .iter()
        .flat_map(|p| {
            p.who
                .iter()
                .map(move |id| format!("{} – {}", short_name_of(review, id), p.point.label()))
        })
        .collect();
    if s.rated == 1 {
        each.join("")
    } else {
        tr!("Different views: {list}", list = each.join("; "))
    }
}

/// Where the review of one criterion stands, for its tag on the overview.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Standing {
    NotDiscussed,
    NobodyToRate,
    RatedByEveryone,
    NotRatedYet,
    /// Waiting for this many people.
    Waiting(usize),
}

impl Standing {
    pub fn of(review: &Review, criterion: &Criterion) -> Standing {
        let s = spread(review, criterion);
        let waiting = s.waiting_for.len();
        if s.not_discussed {
            Standing::NotDiscussed
        } else if review.raters().next().is_none() {
            Standing::NobodyToRate
        } else if waiting == 0 {
            Standing::RatedByEveryone
        } else if s.rated == 0 {
            Standing::NotRatedYet
        } else {
            Standing::Waiting(waiting)
        }
    }

    pub fn words(self) -> String {
        match self {
            Standing::NotDiscussed => tr!("Not discussed"),
            Standing::NobodyToRate => tr!("Nobody to rate it"),
            Standing::RatedByEveryone => tr!("Rated by everyone"),
            Standing::NotRatedYet => tr!("Not rated yet"),
            Standing::Waiting(1) => tr!("Waiting for 1 person"),
            Standing::Waiting(n) => tr!("Waiting for {n} people", n = n),
        }
    }
}

/// Who is still to rate a criterion, in words ("Still to rate: Ayesha and
/// Tom"), once someone has rated it.
pub fn still_to_rate(review: &Review, criterion: &Criterion) -> Option<String> {
    let s = spread(review, criterion);
    let waiting: Vec<String> = s
        .waiting_for
        .iter()
        .map(|id| short_name_of(review, id))
        .collect();
    (!s.not_discussed && s.rated > 0 && !waiting.is_empty())
        .then(|| tr!("Still to rate: {list}", list = and_list(&waiting)))
}

/// Who chose each point, with how each view reached the meeting when not
/// directly ("Joan (through Grace Obi, advocate)"), best point first.
pub fn who_chose_what(review: &Review, criterion: &Criterion) -> Vec<(String, Vec<String>)> {
    spread(review, criterion)
        .points
        .iter()
        .map(|p| {
            let who = p
                .who
                .iter()
                .map(|id| {
                    let name = short_name_of(review, id);
                    match review
                        .rating(&criterion.id, id)
                        .and_then(|x| x.through.as_ref())
                    {
                        Some(RatingChannel::Advocate { by })
                        | Some(RatingChannel::Interpreter { by }) => {
                            tr!(
                                "{name} (through {helper})",
                                name = name,
                                helper = review.person_name(by)
                            )
                        }
                        Some(RatingChannel::CommunicationMethod { method }) => {
                            tr!(
                                "{name} ({how})",
                                name = name,
                                how = crate::words::lower_first(&method_words(*method))
                            )
                        }
                        _ => name,
                    }
                })
                .collect();
            (p.point.label(), who)
        })
        .collect()
}

// ---- How a view reached the meeting ------------------------------------------

/// Whether to ask how someone's view reached the meeting: always for the
/// person cared for, and for anyone who has an interpreter, an advocate or a
/// way of communicating that needed preparing.
pub fn asks_channel(p: &Participant) -> bool {
    let s = &p.support;
    p.role == Role::Individual
        || s.interpreter.is_some()
        || s.advocate.is_some()
        || s.communication.iter().any(|m| m.needs_preparation())
}

/// "Using symbols", "Using their communication aid or device".
pub fn method_words(m: CommunicationMethod) -> String {
    match m {
        CommunicationMethod::Spoken => tr!("Using speaking and listening"),
        CommunicationMethod::Signs => tr!("Using signs (for example Makaton or BSL)"),
        CommunicationMethod::Symbols => tr!("Using symbols"),
        CommunicationMethod::Pictures => tr!("Using pictures or photos"),
        CommunicationMethod::Writing => tr!("Using writing or reading"),
        CommunicationMethod::ObjectsOfReference => tr!("Using objects of reference"),
        CommunicationMethod::CommunicationPassport => tr!("Using their communication passport"),
        CommunicationMethod::Aids => tr!("Using their communication aid or device"),
    }
}

/// One way a view can reach the meeting: the channel, a stable key, and words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChannelOption {
    pub channel: RatingChannel,
    pub key: String,
    pub words: String,
}

/// The ways `person`'s view can reach the meeting: directly, through an
/// advocate or interpreter taking part in this review, or through one of
/// their own ways of communicating.
pub fn channel_options(review: &Review, person: &Participant) -> Vec<ChannelOption> {
    let mut options = vec![ChannelOption {
        channel: RatingChannel::Directly,
        key: "directly".into(),
        words: tr!("Directly, in their own words"),
    }];
    for a in review.participants_with(Role::Advocate) {
        options.push(ChannelOption {
            channel: RatingChannel::Advocate {
                by: Person::participant(a.id.clone()),
            },
            key: format!("advocate-{}", a.id),
            words: tr!("Through their advocate, {name}", name = a.short_name()),
        });
    }
    for i in review.participants_with(Role::Interpreter) {
        options.push(ChannelOption {
            channel: RatingChannel::Interpreter {
                by: Person::participant(i.id.clone()),
            },
            key: format!("interpreter-{}", i.id),
            words: tr!("Through the interpreter, {name}", name = i.short_name()),
        });
    }
    for m in person
        .support
        .communication
        .iter()
        .filter(|m| m.needs_preparation())
    {
        options.push(ChannelOption {
            channel: RatingChannel::CommunicationMethod { method: *m },
            key: format!("method-{}", m.key()),
            words: method_words(*m),
        });
    }
    options
}

/// A hint for the channel question when no advocate or interpreter is in the
/// review, since only participants can pass a view on.
pub fn channel_hint(review: &Review) -> Option<String> {
    let go_betweens = review
        .participants
        .iter()
        .any(|p| matches!(p.role, Role::Advocate | Role::Interpreter));
    (!go_betweens).then(|| {
        tr!("If an advocate or interpreter passed on their view, add them in “Who is here” first, so you can choose them here.")
    })
}

/// The words "Read aloud" says for a criterion: what is being rated, the
/// question, and each choice, with a pause after each.
pub fn speech_for(what: &str, choices: &[String]) -> String {
    let what = what.trim().trim_end_matches('.');
    tr!(
        "{what}. How is this going? The choices are: {list}.",
        what = what,
        list = choices.join(". ")
    )
}
