//! The symbols of easy read: one file in `public/symbols/` each, drawn for
//! this app, and one meaning each. An easy-read entry names a meaning, so a
//! symbol cannot come to stand for two things: the tests check that no two
//! meanings share a file and that every file is here.

macro_rules! symbols {
    ($( $(#[$doc:meta])* $variant:ident => $file:literal, $meaning:literal; )+) => {
        /// A meaning a symbol stands for, and the symbol that shows it.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Sym {
            $( $(#[$doc])* $variant, )+
        }

        impl Sym {
            /// Every symbol, in the order of this file.
            pub const ALL: &'static [Sym] = &[$(Sym::$variant),+];

            /// The file's name in `public/symbols/`, without `.svg`.
            pub fn file(self) -> &'static str {
                match self { $(Sym::$variant => $file,)+ }
            }

            /// What it stands for, in a few words (for people choosing a
            /// symbol, and for `docs/symbols.md`).
            pub fn meaning(self) -> &'static str {
                match self { $(Sym::$variant => $meaning,)+ }
            }

            /// The symbol of a file name, if it is one of ours.
            pub fn from_file(file: &str) -> Option<Sym> {
                Self::ALL.iter().copied().find(|s| s.file() == file)
            }
        }
    };
}

symbols! {
    // People and roles.
    Person => "person", "a person: who";
    People => "people", "people together: family and friends";
    Worker => "worker", "the social care worker";
    Carer => "carer", "the carer";
    CaredFor => "cared-for", "the person cared for";
    Advocate => "advocate", "someone who speaks up for them";
    Interpreter => "interpreter", "an interpreter";
    Professional => "professional", "another professional";
    Manager => "manager", "a manager";
    Doctor => "doctor", "a doctor or health service";
    Child => "child", "a child";
    Youth => "youth", "a young person, a youth club";
    Sitter => "sitter", "someone who sits with them";
    Group => "group", "a group that meets";
    // Being here and taking part.
    InRoom => "in-room", "in the room";
    Video => "video", "on a video or phone call";
    Talk => "talk", "talking and being heard";
    Language => "language", "language";
    SignLanguage => "sign-language", "signs and gestures";
    Symbols => "symbols", "symbols";
    Picture => "picture", "pictures and photos";
    Object => "object", "objects you can hold";
    Passport => "passport", "a communication passport";
    Device => "device", "a tablet, a device or technology";
    Note => "note", "writing: words of your own";
    Book => "book", "information and learning";
    Respect => "hand", "respect for your ways and choices";
    Know => "lightbulb", "what you know";
    // Answers.
    Yes => "yes", "yes, done";
    No => "no", "no";
    NotYet => "not-yet", "not yet";
    SomethingElse => "something-else", "something else";
    Question => "question", "a question: why";
    Partly => "partly", "partly";
    Plus => "plus", "what is good, what helps";
    Minus => "minus", "what is hard";
    Missing => "missing", "something missing";
    Same => "same", "keep it the same";
    Change => "change", "changing something";
    Stop => "stop", "stop it";
    Next => "next", "what happens next";
    Agree => "agree", "agreeing";
    See => "see", "who can see";
    NotCaredFor => "not-cared-for", "kept from the person cared for";
    NotCarer => "not-carer", "kept from the carer";
    NotServices => "not-services", "kept from services and the doctor";
    Private => "private", "private, just for you";
    Warning => "warning", "a risk";
    Safety => "shield", "safety";
    // The meeting.
    First => "first", "the first time";
    Ask => "ask", "someone asked";
    Quick => "quick", "quick and short";
    List => "list", "everything on a list";
    Search => "search", "searching";
    Together => "together", "working together";
    Rating => "rating", "how it is going";
    ThreeChoices => "three-choices", "three choices";
    FiveSteps => "five-steps", "five steps";
    Services => "services", "services and support";
    Cover => "cover", "support while the carer is away";
    Escalate => "escalate", "getting someone else's help";
    Action => "action", "a task: something to do";
    Assessment => "assessment", "an assessment";
    Outcome => "outcome", "the outcome: what we decided";
    Copy => "copy", "a copy of the summary";
    Sign => "sign", "signing off";
    Tap => "tap", "tapping the screen";
    Keyboard => "keyboard", "typing";
    Draw => "draw", "drawing a mark";
    Sent => "sent", "sent on";
    Received => "received", "received";
    MemoryStick => "memory-stick", "a memory stick: saved files";
    Post => "post", "sent by post";
    Matters => "star", "what matters most";
    // Time.
    Time => "clock", "time: how long";
    Days => "calendar", "days and dates: when things happen";
    Now => "now", "urgent: now";
    OneDay => "one-day", "within a day";
    Week => "week", "within a week";
    Birthday => "birthday", "age and birthday";
    // Life, places and help.
    Health => "heart", "health and wellbeing";
    Mind => "mind", "the mind: thinking and decisions";
    Rest => "bed", "sleep and rest";
    Break => "break", "a break";
    FreeTime => "free-time", "free time: work, friends or fun";
    Work => "work", "work and jobs";
    School => "school", "school and college";
    Home => "home", "home";
    HomeCare => "home-care", "care at home";
    Place => "place", "somewhere else, a place";
    DayCentre => "day-centre", "a day centre";
    ShortStay => "short-stay", "a short stay away";
    Therapy => "therapy", "therapy or counselling";
    Equipment => "equipment", "equipment and adaptations";
    Transport => "bus", "transport";
    Phone => "phone", "someone to call";
    Money => "coins", "money";
    Card => "card", "a direct payment";
    Purse => "purse", "the family pays";
    TownHall => "town-hall", "the council";
    CarersCentre => "carers-centre", "the carers' team or centre";
    IdCard => "id-card", "an ID number";
}
