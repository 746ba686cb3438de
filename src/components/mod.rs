//! Design primitives shared by every page (BEM classes in `style/components/`).

mod about;
mod banner;
mod choices;
mod display;
mod display_panel;
mod easy;
mod easy_read_offer;
mod editable;
mod error_summary;
mod fields;
mod file_choice;
mod focus;
mod follow_up;
mod how_agreed;
mod language_notice;
mod linked;
mod list_part;
mod locked_download;
mod page;
mod part_page;
mod person_choice;
mod pin_entry;
mod read_aloud;
mod remarks;
mod said;
mod save_banners;
mod save_status;
mod signed_so_far;
mod submit;
mod task_list;
mod turn;
mod undo;
mod visibility;

pub use about::AboutThisPart;
pub use banner::{Banner, Flash, Notice};
pub use choices::{Checkboxes, Choice, Radios};
pub use display::{
    easy_read, provide_display_settings, use_display, DisplayState, EasyReadBox, EasyWords, Face,
    Symbol,
};
pub use display_panel::DisplayControl;
pub use easy::{EasyKey, EasyText, Words};
pub use easy_read_offer::EasyReadOffer;
pub use editable::{change_word, Editable};
pub use error_summary::{ErrorSummary, FieldMessages, Problem};
pub(crate) use fields::{question_frame, question_words, Question};
pub use fields::{DateInput, Select, TextArea, TextInput};
pub use file_choice::FileChoice;
pub use focus::focus_by_id;
pub use follow_up::FollowUps;
pub use how_agreed::HowAgreedPick;
pub use language_notice::LanguageNotice;
pub use linked::linked;
pub use list_part::{
    or_not_yet, AddButton, Entry, ListCard, ListErrorSummary, ListQuestion, ListSection, ListState,
    RemoveWithConfirm, ShortAnswers,
};
pub use locked_download::{LockedDownload, RecoveryCodeShown};
pub use page::{NotInReview, Page};
pub use part_page::PartPage;
pub use person_choice::PersonChoice;
pub use pin_entry::{PinAgain, PinEntry};
pub use read_aloud::{provide_voices, ReadAloud, Spoken};
pub use remarks::ResourceRemarks;
pub use said::Said;
pub use save_banners::{OtherTabBanner, SaveProblemBanner};
pub use save_status::{SaveAnnouncer, SaveStatus};
pub use signed_so_far::SignedSoFarBanner;
pub use submit::{SecondaryAction, SubmitButton};
pub use task_list::TaskList;
pub use turn::{name_and_role, PassTheTablet, TurnBanner};
pub use undo::{remove_from, UndoBar};
pub use visibility::{VisibilityChoice, VisibilityIcon, VisibilityPick};
