//! App-wide state, created once at the root and handed down through context.

use crate::browser::{clock, storage};
use crate::saving;
use leptos::prelude::*;
use review_core::progress::Part;
use review_core::signoff::{clock_doubt, ClockDoubt, SignOffDecision, SignOffError, SignOffMethod};
use review_core::tr;
use review_core::validate::FieldError;
use review_core::{Command, CopyGiven, DeviceSettings, DomainError, GivenHow, Review};

pub use crate::saving::SaveState;

#[derive(Clone, Copy)]
pub struct AppState {
    pub settings: RwSignal<DeviceSettings>,
    /// Set when the stored settings could not be read (they are kept, see `storage::save_settings`).
    pub settings_problem: RwSignal<Option<String>>,
    pub save: RwSignal<SaveState>,
    /// Whether this tab may change the open review (see `saving`).
    pub tab: RwSignal<saving::Tab>,
    /// Why the open review's latest changes could not be stored, while that
    /// is so (they stay in memory and can be downloaded).
    pub problem: RwSignal<Option<storage::StorageError>>,
    /// A one-off confirmation for the next screen, e.g. "The review was deleted".
    pub flash: RwSignal<Option<String>>,
}

impl AppState {
    pub fn save_settings(&self, settings: DeviceSettings) {
        let result = storage::save_settings(&settings);
        if result.is_ok() {
            self.settings_problem.set(None);
        }
        self.settings.set(settings);
        self.save.set(match result {
            Ok(()) => SaveState::Saved,
            Err(e) => SaveState::NotSaved(e.to_string()),
        });
    }
}

pub fn provide_app_state() {
    let (settings, problem) = match storage::load_settings() {
        Ok(s) => (s, None),
        Err(u) => (
            DeviceSettings::default(),
            Some(tr!(
                "This device's saved settings could not be read because {why}. They have been kept as they were. When you save new settings, the old ones are kept aside on this device.",
                why = u.error
            )),
        ),
    };
    let app = AppState {
        settings: RwSignal::new(settings),
        settings_problem: RwSignal::new(problem),
        save: RwSignal::new(SaveState::Unchanged),
        tab: RwSignal::new(saving::Tab::Editing),
        problem: RwSignal::new(None),
        flash: RwSignal::new(None),
    };
    saving::install(saving::Signals {
        save: app.save,
        tab: app.tab,
        problem: app.problem,
    });
    provide_context(app);
}

pub fn use_app() -> AppState {
    expect_context::<AppState>()
}

/// The review that is open, for every page under `/review/:id`.
#[derive(Clone, Copy)]
pub struct ReviewContext {
    pub review: RwSignal<Review>,
    app: AppState,
    /// How many changes this page has made (only the Undo bar reads it).
    changes: RwSignal<u64>,
    /// The last removal, while it can be undone.
    pub removed: RwSignal<Option<Removed>>,
}

/// Something removed, and the review as it was just before, so that Undo
/// puts it back with every field and in its place. Undo is offered only
/// until the next change: after that, putting the old review back would
/// undo that change too.
#[derive(Clone, Debug, PartialEq)]
pub struct Removed {
    /// What was removed, in words ("action 2").
    pub what: String,
    before: Review,
    /// `changes` just after the removal.
    at: u64,
}

impl ReviewContext {
    pub fn new(review: Review) -> Self {
        ReviewContext {
            review: RwSignal::new(review),
            app: use_app(),
            changes: RwSignal::new(0),
            removed: RwSignal::new(None),
        }
    }

    /// Whether the last removal can still be undone (nothing changed since).
    pub fn can_undo(&self) -> bool {
        let now = self.changes.get();
        self.removed
            .with(|r| r.as_ref().is_some_and(|r| r.at == now))
    }

    /// Remove something (`command` is a removal) and offer Undo for it.
    pub fn remove(&self, command: Command, what: String) -> Result<(), DomainError> {
        let before = self.review.get_untracked();
        self.dispatch(command)?;
        self.removed.set(Some(Removed {
            what,
            before,
            at: self.changes.get_untracked(),
        }));
        Ok(())
    }

    /// `remove` from an event handler; whether it was removed (a refusal is
    /// shown as `send` shows one).
    pub fn send_removal(&self, command: Command, what: String) -> bool {
        if !self.editing_here() {
            return false;
        }
        match self.remove(command, what) {
            Ok(()) => true,
            Err(e) => {
                self.app.save.set(SaveState::NotSaved(e.to_string()));
                false
            }
        }
    }

    /// Put back what was last removed, as it was; `None` when it cannot be
    /// (something changed since, or this tab only reads the review).
    pub fn undo_remove(&self) -> Option<String> {
        let removed = self.removed.get_untracked()?;
        if removed.at != self.changes.get_untracked() {
            return None;
        }
        let now = clock::now();
        self.change(DomainError::Locked, true, |r| {
            let mut before = removed.before.clone();
            before.updated_at = now;
            *r = before;
            Ok(())
        })
        .ok()?;
        self.removed.set(None);
        Some(removed.what)
    }

    /// Run one change of the review: in memory at once, stored on the device
    /// within `saving::DEBOUNCE` (or at once when `now`). Nothing is redrawn
    /// or saved when the change is refused, or when another tab is the one
    /// changing this review (this tab reads it only).
    fn change<E>(
        &self,
        gone: E,
        now: bool,
        f: impl FnOnce(&mut Review) -> Result<(), E>,
    ) -> Result<(), E> {
        if !self.editing_here() {
            return Err(gone);
        }
        let result = self
            .review
            .try_maybe_update(|r| {
                let result = f(r);
                (result.is_ok(), result)
            })
            .unwrap_or(Err(gone));
        if result.is_ok() {
            self.review.with_untracked(|r| saving::changed(r, now));
            self.changes.update(|n| *n += 1);
        }
        result
    }

    /// Whether this tab is the one changing the review (see `saving::Tab`).
    pub fn editing_here(&self) -> bool {
        self.app
            .tab
            .try_get_untracked()
            .is_some_and(saving::Tab::editing)
    }

    /// Apply a command (see `review_core::command`) and save.
    pub fn dispatch(&self, command: Command) -> Result<(), DomainError> {
        self.change(DomainError::Locked, false, |r| {
            r.apply(command, clock::now())
        })
    }

    /// Record one person's sign-off and save. The worker's locks the review:
    /// its summary is signed first, once, with this device's key and clock,
    /// and if that fails nobody's sign-off changes (the problem is said).
    /// A clock that looks wrong is questioned first (`ClockInDoubt`, nothing
    /// changed) unless the worker has said it is right (`clock_believed`).
    /// Signing waits for the browser (the key is kept there): the review as
    /// it was when the worker signed is the one locked, or nothing is.
    pub async fn sign_off(
        self,
        participant: String,
        decision: SignOffDecision,
        method: SignOffMethod,
        how: Option<review_core::agreement::HowAgreed>,
        clock_believed: bool,
    ) -> Result<(), SignOffProblem> {
        if !self.editing_here() {
            return Err(SignOffProblem::Refused(SignOffError::Locked));
        }
        let now = clock::now();
        let before = self
            .review
            .try_get_untracked()
            .ok_or(SignOffProblem::Refused(SignOffError::Locked))?;
        let mut locked = before.clone();
        locked
            .sign_off_with(
                &participant,
                decision.clone(),
                method.clone(),
                how.clone(),
                now,
            )
            .map_err(SignOffProblem::Refused)?;
        if locked.state == review_core::ReviewState::SignedOff {
            if !clock_believed {
                let saved = storage::last_saved();
                if let Some(doubt) = clock_doubt(&before, &now, saved.as_ref()) {
                    return Err(SignOffProblem::ClockInDoubt(doubt));
                }
            }
            crate::signing::sign_at_sign_off(&locked, now)
                .await
                .map_err(SignOffProblem::NotSigned)?;
            // What was signed must be what is locked: a change while the
            // browser signed (from another tab, say) stops the lock here; the
            // summary kept is put aside at the next sign-off.
            if self.review.try_get_untracked().as_ref() != Some(&before) {
                return Err(SignOffProblem::NotSigned(tr!(
                    "the review changed while its summary was being signed"
                )));
            }
        }
        // A signature is stored at once, never left waiting.
        self.change(SignOffError::Locked, true, |r| {
            r.sign_off_with(&participant, decision, method, how, now)
        })
        .map_err(SignOffProblem::Refused)
    }

    /// Take back a signature before the review is locked, and save.
    pub fn withdraw_sign_off(&self, participant: &str) -> Result<(), SignOffError> {
        self.change(SignOffError::Locked, true, |r| {
            r.withdraw_sign_off(participant, clock::now())
        })
    }

    /// Record what an advocate or interpreter confirms (or cannot) at
    /// sign-off, and save at once.
    pub fn confirm(
        &self,
        participant: &str,
        confirmed: bool,
        note: &str,
    ) -> Result<(), SignOffError> {
        self.change(SignOffError::Locked, true, |r| {
            r.confirm(participant, confirmed, note, clock::now())
        })
    }

    /// Clear every signature given so far, so that answers can be changed
    /// (the people in the room were told whose first), and save at once.
    pub fn clear_sign_offs(&self) -> Result<(), SignOffError> {
        self.change(SignOffError::Locked, true, |r| {
            r.clear_sign_offs(clock::now())
        })
    }

    /// Log a recipient's signed copy as given (after sign-off: the log is
    /// not part of what was signed), and save at once.
    pub fn mark_copy_given(
        &self,
        recipient: String,
        document_id: String,
        how: GivenHow,
    ) -> Result<(), DomainError> {
        let given = CopyGiven {
            id: clock::new_id(),
            recipient,
            document_id,
            how,
            at: clock::now(),
        };
        self.change(DomainError::NotSignedOff, true, |r| {
            r.mark_copy_given(given)
        })
    }

    /// Take back a copy marked given by mistake, and save at once.
    pub fn unmark_copy_given(&self, id: &str) -> Result<(), DomainError> {
        self.change(DomainError::NotSignedOff, true, |r| {
            r.unmark_copy_given(id).map(|_| ())
        })
    }

    /// Dispatch from an event handler; a refusal is shown as a save problem
    /// (in a tab that only reads the review, its banner says why instead).
    pub fn send(&self, command: Command) {
        if !self.editing_here() {
            return;
        }
        if let Err(e) = self.dispatch(command) {
            self.app.save.set(SaveState::NotSaved(e.to_string()));
        }
    }

    /// A memo of one piece of the review, so a page redraws only what changed.
    pub fn select<T>(&self, f: impl Fn(&Review) -> T + Send + Sync + 'static) -> Memo<T>
    where
        T: PartialEq + Send + Sync + 'static,
    {
        let review = self.review;
        Memo::new(move |_| review.with(&f))
    }

    /// A memo of the piece of the review that belongs to one item (a person,
    /// a criterion, a risk), given the item's id.
    pub fn select_by<T>(
        &self,
        id: &str,
        f: impl Fn(&Review, &str) -> T + Send + Sync + 'static,
    ) -> Memo<T>
    where
        T: PartialEq + Send + Sync + 'static,
    {
        let id = id.to_owned();
        self.select(move |r| f(r, &id))
    }

    pub fn id(&self) -> String {
        self.review.with_untracked(|r| r.id.clone())
    }

    /// Path of a page of this review, e.g. `/review/abc/who`.
    pub fn path(&self, rest: &str) -> String {
        if rest.is_empty() {
            format!("/review/{}", self.id())
        } else {
            format!("/review/{}/{rest}", self.id())
        }
    }

    pub fn part_path(&self, part: Part) -> String {
        self.path(part.slug())
    }
}

/// Why a sign-off did not happen: the core refused it, the worker's
/// sign-off could not sign the summary, or the clock is questioned first (so
/// the review was not locked).
#[derive(Debug)]
pub enum SignOffProblem {
    Refused(SignOffError),
    NotSigned(String),
    /// The worker's sign-off would sign at a time the clock may have wrong.
    ClockInDoubt(ClockDoubt),
}

impl std::fmt::Display for SignOffProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SignOffProblem::Refused(e) => e.fmt(f),
            SignOffProblem::NotSigned(why) => f.write_str(&tr!("The review was not signed off, because its summary could not be signed: {why}. Nothing has changed: try again", why = why)),
            SignOffProblem::ClockInDoubt(doubt) => doubt.fmt(f),
        }
    }
}

pub fn use_review() -> ReviewContext {
    expect_context::<ReviewContext>()
}

/// Errors a page shows once someone has tried to move on from it: the
/// problems found then, each until it is put right. A field that appears
/// later (a sharing limit added, a criterion chosen) is not faulted before
/// anyone could answer it: its problems wait for the next try.
#[derive(Clone, Copy)]
pub struct PageErrors {
    pub all: Memo<Vec<FieldError>>,
    /// The fields that had a problem at the last try (none before one).
    asked: RwSignal<Vec<String>>,
    /// How many times someone tried to move on (the summary refocuses each time).
    pub attempts: RwSignal<u32>,
}

impl PageErrors {
    pub fn new(all: Memo<Vec<FieldError>>) -> Self {
        PageErrors {
            all,
            asked: RwSignal::new(Vec::new()),
            attempts: RwSignal::new(0),
        }
    }

    /// The errors the summary lists: none until the page was submitted,
    /// then those of the fields that had one then, until each is put right.
    pub fn visible(&self) -> Signal<Vec<FieldError>> {
        let this = *self;
        Signal::derive(move || {
            this.all.with(|all| {
                all.iter()
                    .filter(|e| this.was_asked(&e.field))
                    .cloned()
                    .collect()
            })
        })
    }

    /// Whether `field` had a problem at the last try.
    fn was_asked(&self, field: &str) -> bool {
        self.asked.with(|a| a.iter().any(|f| f == field))
    }

    /// The message for one field, once shown.
    pub fn for_field(&self, field: impl Into<String>) -> Signal<Option<String>> {
        let field = field.into();
        let this = *self;
        Signal::derive(move || {
            if !this.was_asked(&field) {
                return None;
            }
            this.all.with(|errs| {
                errs.iter()
                    .find(|e| e.field == field)
                    .map(|e| e.message.clone())
            })
        })
    }

    /// Every message for one field, once shown (a card the summary links to
    /// may carry several, e.g. each person's missing rating).
    pub fn all_for(&self, field: impl Into<String>) -> Signal<Vec<String>> {
        let field = field.into();
        let this = *self;
        Signal::derive(move || {
            if !this.was_asked(&field) {
                return Vec::new();
            }
            this.all.with(|errs| {
                errs.iter()
                    .filter(|e| e.field == field)
                    .map(|e| e.message.clone())
                    .collect()
            })
        })
    }

    /// Show the errors; true when there are none and the page may move on.
    pub fn submit(&self) -> bool {
        self.asked.set(
            self.all
                .with_untracked(|all| all.iter().map(|e| e.field.clone()).collect()),
        );
        self.attempts.update(|n| *n += 1);
        self.all.with_untracked(Vec::is_empty)
    }
}

/// Make a new review from the device's settings and save it.
pub fn start_review(app: &AppState) -> Result<Review, storage::StorageError> {
    start_review_from(app, None)
}

/// Make a new review from the device's settings, with what was chosen of
/// the last signed review (`last`: its checked summary and the keys of
/// what comes forward), and save it.
pub fn start_review_from(
    app: &AppState,
    last: Option<(
        &review_core::continuity::Checked,
        &std::collections::BTreeSet<String>,
    )>,
) -> Result<Review, storage::StorageError> {
    let mut review = app.settings.with_untracked(|s| {
        Review::new(
            clock::new_id(),
            clock::now(),
            s,
            clock::new_id(),
            clock::new_id(),
        )
    });
    // The references the team's records use, as its configuration in force
    // names and shapes them (issue 27).
    if let Some(team) = use_context::<crate::team::Team>() {
        review.reference_rules = team
            .in_force
            .with_untracked(|f| f.as_ref().map(|f| f.profile.identifiers.clone()))
            .unwrap_or_default();
    }
    if let Some((last, chosen)) = last {
        // A review made a moment ago: nothing is in it yet to refuse this.
        let _ = review.carry_forward(last, chosen);
    }
    // The device's signing key is made now, before the meeting (the
    // browser keeps it, in IndexedDB, apart from the local storage the
    // meeting fills), so that a storage that fills up during it cannot stop
    // the sign-off from signing. If it cannot be made now, the sign-off
    // makes it (or says why).
    leptos::task::spawn_local(async {
        let _ = crate::signing::key_or_make().await;
    });
    storage::save_review(&review)?;
    Ok(review)
}

/// Set for one frame to make the app afresh (everything under the lock
/// gate), as an unlock does: when a private turn starts or ends, so that the
/// screens of one are never made in the other (`parts::private_turn`). The
/// old screens go in one frame, the new come in the next.
#[derive(Clone, Copy)]
pub struct Remake(pub RwSignal<bool>);

/// Make the app afresh, once the current event is over.
pub fn remake_app() {
    if let Some(remake) = use_context::<Remake>() {
        remake.now();
    }
}

impl Remake {
    /// Make the app afresh, once the current event is over (for a caller
    /// past an `await`, where there is no context to find it in).
    pub fn now(self) {
        let Remake(remaking) = self;
        // What is waiting is stored now, so that nothing changes in the
        // frame the old screens go in (their effects would run on what is
        // gone).
        saving::flush();
        saving::reopening();
        request_animation_frame(move || {
            remaking.set(true);
            request_animation_frame(move || remaking.set(false));
        });
    }
}

/// True where the answers on screen cannot be changed (a signed-off review).
/// Form components read it, so a locked review shows its answers read-only.
#[derive(Clone, Copy, Default)]
pub struct ReadOnly(pub Signal<bool>);

/// Whether form fields here are read-only (false outside any review).
/// Once its review has closed (the app made afresh under a field still
/// finishing), a field reads as read-only rather than failing.
pub fn read_only() -> Signal<bool> {
    match use_context::<ReadOnly>() {
        Some(ReadOnly(locked)) => Signal::derive(move || locked.try_get().unwrap_or(true)),
        None => Signal::default(),
    }
}

/// Remove a review, its summary and any copies kept of it from this device.
/// Changes of it not yet stored are dropped first, so they cannot bring it back.
pub fn delete_review(id: &str) -> Result<(), storage::StorageError> {
    saving::forget(id);
    storage::delete_review(id)
}
