//! The small shared base of the meeting's data: ids and times, who said or
//! is named for something ([`Person`], [`Speaker`]), a point in someone's
//! words ([`Remark`]), the `choices!` list of fixed answers, and the errors
//! every part's commands and checks give. It knows no part of the meeting.

use crate::tr;
use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};
use std::fmt;

/// Opaque identifier (a UUID string in the app; any unique string in tests).
pub type Id = String;
/// A moment, stored with its offset so that exported times keep local meaning.
pub type Timestamp = DateTime<FixedOffset>;
/// Defaults asked once per device and copied into each new review.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq, Eq)]
#[serde(rename_all = "camelCase", default)]
pub struct DeviceSettings {
    pub organisation: String,
    pub team: String,
    pub worker_name: String,
    pub worker_role: String,
    /// The organisation's code in the NHS Organisation Data Service
    /// (issue 27), checked by [`crate::identifiers::ods_code`]; optional.
    pub ods_code: String,
    /// The worker's staff ID in their organisation (issue 27); optional.
    pub staff_id: String,
}
impl DeviceSettings {
    /// True once the worker has told the device who they are.
    pub fn is_complete(&self) -> bool {
        !self.organisation.trim().is_empty() && !self.worker_name.trim().is_empty()
    }
}
// ---- The review proper (P19–P23) --------------------------------------------

/// Declares a closed set of answers, each with a stable key and a label. The
/// key is also the serde name, so storage, element ids and the summary can
/// never disagree about how an answer is spelt.
macro_rules! choices {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident => $key:literal, $label:literal; )+
        }
    ) => {
        $(#[$meta])*
        #[derive(::serde::Serialize, ::serde::Deserialize, ::schemars::JsonSchema, Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $( $(#[$vmeta])* #[serde(rename = $key)] $variant, )+
        }

        impl $name {
            /// Every choice, in the order the page offers them.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// Stable key for storage and element ids.
            pub fn key(self) -> &'static str {
                match self { $($name::$variant => $key,)+ }
            }

            /// The words the page shows, in the language in use (a
            /// message of the catalogue: `tests/catalogue.rs` reads these).
            pub fn label(self) -> String {
                match self { $($name::$variant => $crate::i18n::text($label, &[]),)+ }
            }

            pub fn from_key(key: &str) -> Option<$name> {
                Self::ALL.iter().copied().find(|c| c.key() == key)
            }
        }
    };
}

pub(crate) use choices;

/// Someone the record names: a participant of this review, someone named in
/// words (a GP, a neighbour), or a participant who has since been removed.
/// Removing a participant turns their references into `Removed` with the name
/// they had, so what they said and what they took on is not lost.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum Person {
    Participant { id: Id },
    Named { name: String },
    Removed { name: String },
}
impl Person {
    pub fn participant(id: impl Into<Id>) -> Person {
        Person::Participant { id: id.into() }
    }
    pub fn named(name: impl Into<String>) -> Person {
        Person::Named { name: name.into() }
    }
    /// The participant's id, while they are still in the review.
    pub fn participant_id(&self) -> Option<&str> {
        match self {
            Person::Participant { id } => Some(id),
            _ => None,
        }
    }
}
/// Who said something that the record keeps in their words.
///
/// Stored as `{"kind": "not-recorded"}`, `{"kind": "everyone"}`, or the
/// [`Person`] itself (`{"kind": "participant", "id": …}` and so on), so a
/// speaker and a person read the same in every file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Speaker {
    /// Nobody was noted as saying it: what was written before the app
    /// recorded speakers, or left unchosen. Never guessed.
    #[default]
    NotRecorded,
    /// Said or agreed by everyone at the meeting.
    Everyone,
    Person(Person),
}
/// The stored shape of a [`Speaker`]: one tagged object for all five cases.
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "kind")]
enum SpeakerRepr {
    NotRecorded,
    Everyone,
    Participant { id: Id },
    Named { name: String },
    Removed { name: String },
}
impl Serialize for Speaker {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let repr = match self.clone() {
            Speaker::NotRecorded => SpeakerRepr::NotRecorded,
            Speaker::Everyone => SpeakerRepr::Everyone,
            Speaker::Person(Person::Participant { id }) => SpeakerRepr::Participant { id },
            Speaker::Person(Person::Named { name }) => SpeakerRepr::Named { name },
            Speaker::Person(Person::Removed { name }) => SpeakerRepr::Removed { name },
        };
        repr.serialize(s)
    }
}
impl<'de> Deserialize<'de> for Speaker {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(match SpeakerRepr::deserialize(d)? {
            SpeakerRepr::NotRecorded => Speaker::NotRecorded,
            SpeakerRepr::Everyone => Speaker::Everyone,
            SpeakerRepr::Participant { id } => Speaker::Person(Person::Participant { id }),
            SpeakerRepr::Named { name } => Speaker::Person(Person::Named { name }),
            SpeakerRepr::Removed { name } => Speaker::Person(Person::Removed { name }),
        })
    }
}
impl Speaker {
    /// Whether nobody is recorded as saying it.
    pub fn is_not_recorded(&self) -> bool {
        *self == Speaker::NotRecorded
    }

    /// A stable key for a form's option: `not-recorded`, `everyone`,
    /// `participant:{id}`, `named:{name}` or `removed:{name}`.
    pub fn key(&self) -> String {
        match self {
            Speaker::NotRecorded => "not-recorded".into(),
            Speaker::Everyone => "everyone".into(),
            Speaker::Person(Person::Participant { id }) => format!("participant:{id}"),
            Speaker::Person(Person::Named { name }) => format!("named:{name}"),
            Speaker::Person(Person::Removed { name }) => format!("removed:{name}"),
        }
    }

    /// The speaker a key of [`Speaker::key`] stands for.
    pub fn from_key(key: &str) -> Option<Speaker> {
        Some(match key.split_once(':') {
            None if key == "not-recorded" => Speaker::NotRecorded,
            None if key == "everyone" => Speaker::Everyone,
            Some(("participant", id)) => Speaker::Person(Person::participant(id)),
            Some(("named", name)) => Speaker::Person(Person::named(name)),
            Some(("removed", name)) => Speaker::Person(Person::Removed { name: name.into() }),
            _ => return None,
        })
    }

    pub fn person(&self) -> Option<&Person> {
        match self {
            Speaker::Person(p) => Some(p),
            _ => None,
        }
    }

    pub(crate) fn person_mut(&mut self) -> Option<&mut Person> {
        match self {
            Speaker::Person(p) => Some(p),
            _ => None,
        }
    }
}
/// One point someone made, kept in their words with an id of its own, so
/// that later work (who may see it, who disagrees with it) can point at it.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Remark {
    pub id: Id,
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub said_by: Speaker,
}
impl Remark {
    pub fn new(id: Id) -> Self {
        Remark {
            id,
            text: String::new(),
            said_by: Speaker::NotRecorded,
        }
    }
}
/// The points of a list that say something (blank ones are being typed).
pub fn written(remarks: &[Remark]) -> impl Iterator<Item = &Remark> {
    remarks.iter().filter(|r| !r.text.trim().is_empty())
}

/// Add `id` to a list of people, or take it out, with no duplicates.
pub(crate) fn set_member(list: &mut Vec<Id>, id: Id, member: bool) {
    list.retain(|p| *p != id);
    if member {
        list.push(id);
    }
}

/// Something a list in the review holds and commands name by its id: a
/// service, a point, a gap, an arrangement, a risk, a matter, an action, a
/// criterion, a note, a sharing limit, a participant.
pub(crate) trait Entry {
    fn id(&self) -> &str;
}

/// [`Entry`] for types whose id is their `id` field.
macro_rules! entries {
    ($($entry:ty),+ $(,)?) => {
        $(impl $crate::base::Entry for $entry {
            fn id(&self) -> &str {
                &self.id
            }
        })+
    };
}

pub(crate) use entries;
entries!(Remark);

/// The entry with this id, or `unknown` when there is none (it was removed,
/// perhaps in another tab).
pub(crate) fn entry_mut<'a, T: Entry + 'a>(
    entries: impl IntoIterator<Item = &'a mut T>,
    id: &str,
    unknown: DomainError,
) -> Result<&'a mut T, DomainError> {
    entries.into_iter().find(|e| e.id() == id).ok_or(unknown)
}

/// Take the entry with this id out of its list, or say it is `unknown`.
pub(crate) fn remove_entry<T: Entry>(
    entries: &mut Vec<T>,
    id: &str,
    unknown: DomainError,
) -> Result<(), DomainError> {
    let before = entries.len();
    entries.retain(|e| e.id() != id);
    if entries.len() == before {
        Err(unknown)
    } else {
        Ok(())
    }
}

/// The yes/no question in front of a list part (services, cover, matters):
/// "no" only once the list is empty, so nothing listed is lost by a tap.
pub(crate) fn answer_list_question<T>(
    answer: &mut Option<bool>,
    entries: &[T],
    yes: bool,
) -> Result<(), DomainError> {
    if !yes && !entries.is_empty() {
        return Err(DomainError::StillListed);
    }
    *answer = Some(yes);
    Ok(())
}

/// Add to a list part, unless its question was answered "no".
pub(crate) fn add_listed<T>(
    answer: Option<bool>,
    entries: &mut Vec<T>,
    entry: T,
) -> Result<(), DomainError> {
    if answer == Some(false) {
        return Err(DomainError::AnsweredNo);
    }
    entries.push(entry);
    Ok(())
}

/// Why a command could not be applied. The wording is shown to the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DomainError {
    Locked,
    /// Copies are given once the review is signed off, not before.
    NotSignedOff,
    /// Someone has signed: their signature was given to the review as it
    /// is, so a change waits until the signatures are cleared on purpose
    /// (`Review::clear_sign_offs`), never silently.
    Signed,
    UnknownParticipant,
    UnknownCriterion,
    UnknownRestriction,
    UnknownCopy,
    UnknownItem,
    DuplicateId,
    /// The individual is always part of the review, even when absent.
    IndividualRequired,
    AlreadyInReview,
    EmptyWording,
    TimeBoxOutOfRange,
    /// An age is a whole number of years up to `setup::people::MAX_AGE`.
    AgeOutOfRange,
    /// The team's references cannot change once one is given under them.
    ReferencesGiven,
    /// No reference of the review's rules has that id.
    UnknownReference,
    /// The question is not asked of someone in that role.
    NotAskedOfRole,
    /// Not a language the app speaks to people (`i18n::Lang::ALL`).
    LanguageNotOffered,
    NotOnAgenda,
    UnknownNote,
    UnknownResource,
    UnknownGap,
    UnknownArrangement,
    UnknownRisk,
    UnknownEscalation,
    UnknownAction,
    /// Not one of last time's actions or escalations brought forward.
    UnknownFollowUp,
    /// The last review is brought into a new review only, before anything
    /// is done in it.
    AlreadyStarted,
    UnknownRemark,
    /// The worker, advocates, interpreters and people not taking part do not rate.
    DoesNotRate,
    NotOnScale,
    /// Ratings and "not discussed" exclude each other; neither silently
    /// replaces the other, so nothing anyone said is lost by a tap.
    MarkedNotDiscussed,
    AlreadyRated,
    /// A "no" answer while its list still has entries.
    StillListed,
    /// Adding to a list whose question was answered "no".
    AnsweredNo,
    /// Advocates and interpreters who pass on a view are participants.
    NotAParticipant,
    /// Advocates and interpreters help someone else take part: they do not
    /// agree as themselves.
    SupporterNotAParty,
    /// A way of agreeing through an interpreter or advocate names one who
    /// is not taking part (or the way names nobody to go through).
    NoSuchHelper,
    /// A witness is someone else taking part.
    NoSuchWitness,
    /// How someone agreed is recorded once they agree.
    HasNotAgreed,
    /// The tablet only goes to someone in the room.
    NotInTheRoom,
    /// A command reached a part it is not for (a fault in the app, never the user).
    Misrouted,
}

impl fmt::Display for DomainError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&match self {
            DomainError::Locked => tr!("This review has been signed off and cannot be changed"),
            DomainError::NotSignedOff => tr!("This review is not signed off yet, so it has no copies to give"),
            DomainError::Signed => tr!("Someone has signed this review: clear the signatures before changing an answer"),
            DomainError::UnknownParticipant => tr!("That person is no longer part of this review"),
            DomainError::UnknownCriterion => tr!("That criterion is no longer part of this review"),
            DomainError::UnknownRestriction => tr!("That sharing limit is no longer part of this review"),
            DomainError::UnknownCopy => tr!("That copy is no longer part of this review"),
            DomainError::UnknownItem => tr!("That item is no longer part of this review"),
            DomainError::DuplicateId => tr!("That item already exists"),
            DomainError::IndividualRequired => {
                tr!("The person being cared for is always part of the review, even when they are not here")
            }
            DomainError::AlreadyInReview => tr!("That criterion is already in this review"),
            DomainError::EmptyWording => tr!("Enter the wording of the criterion"),
            DomainError::TimeBoxOutOfRange => tr!("Enter a time between 1 and 240 minutes"),
            DomainError::AgeOutOfRange => tr!("Enter an age in whole years, from 0 to 120"),
            DomainError::ReferencesGiven => tr!("The team's references are already in use in this review"),
            DomainError::UnknownReference => tr!("That reference is not one the team uses"),
            DomainError::NotAskedOfRole => tr!("That is not asked of someone in this role"),
            DomainError::LanguageNotOffered => tr!("The app does not have its screens in that language"),
            DomainError::NotOnAgenda => tr!("Choose this part of the review before setting a time for it"),
            DomainError::UnknownNote => tr!("That note is no longer part of this review"),
            DomainError::UnknownResource => tr!("That service or support is no longer part of this review"),
            DomainError::UnknownGap => tr!("That gap in support is no longer part of this review"),
            DomainError::UnknownArrangement => tr!("That arrangement is no longer part of this review"),
            DomainError::UnknownRisk => tr!("That risk is no longer part of this review"),
            DomainError::UnknownEscalation => tr!("That matter is no longer part of this review"),
            DomainError::UnknownAction => tr!("That action is no longer part of this review"),
            DomainError::UnknownFollowUp => tr!("That is not one of the last review's actions or matters brought into this one"),
            DomainError::AlreadyStarted => tr!("The last review can only be brought into a new review, before anything is done in it"),
            DomainError::UnknownRemark => tr!("That point is no longer part of this review"),
            DomainError::DoesNotRate => {
                tr!("Only the carer, the person being cared for, key people and other professionals who are taking part give a rating")
            }
            DomainError::NotOnScale => tr!("That rating is not one of the choices for this criterion"),
            DomainError::MarkedNotDiscussed => {
                tr!("This was marked as not discussed: change that before giving a rating")
            }
            DomainError::AlreadyRated => {
                tr!("Ratings have already been given for this: remove them first")
            }
            DomainError::StillListed => tr!("Remove what is listed here before answering no"),
            DomainError::AnsweredNo => tr!("The answer here is no: change it to yes before adding to the list"),
            DomainError::NotAParticipant => tr!("Choose someone who is part of this review"),
            DomainError::NoSuchHelper => {
                tr!("Choose the interpreter or advocate taking part whom they agreed through")
            }
            DomainError::NoSuchWitness => tr!("Choose someone else taking part who saw them agree"),
            DomainError::HasNotAgreed => tr!("Tick that they agree before saying how"),
            DomainError::SupporterNotAParty => {
                tr!("An advocate or interpreter helps someone else take part: they do not agree as themselves")
            }
            DomainError::Misrouted => tr!("This change could not be made here"),
            DomainError::NotInTheRoom => {
                tr!("The tablet can only be passed to someone in the room")
            }
        })
    }
}

impl std::error::Error for DomainError {}
