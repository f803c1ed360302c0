//! The Swedish month and weekday names: looking a word up, and the quick
//! test that rules out most words before any date form is tried on them.

use crate::chars::lower_into;
use jiff::civil::Weekday;
use std::sync::LazyLock;

/// The Swedish month names, January first.
pub const MONTHS_SV: [&str; 12] = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
];

pub(super) const WEEKDAYS_SV: [(&str, Weekday); 7] = [
    ("måndag", Weekday::Monday),
    ("tisdag", Weekday::Tuesday),
    ("onsdag", Weekday::Wednesday),
    ("torsdag", Weekday::Thursday),
    ("fredag", Weekday::Friday),
    ("lördag", Weekday::Saturday),
    ("söndag", Weekday::Sunday),
];

/// The longest word, in bytes, that [`month_from_swedish`] and
/// [`weekday_from_swedish`] look up (`skip.rs` counts on it).
pub(super) const NAME_MAX: usize = 12;

/// `januari`..`december` and `jan`, `feb`, `mar`, `mars`, `apr`, `maj`,
/// `jun`, `jul`, `aug`, `sep`, `sept`, `okt`, `nov`, `dec`, any case, with an
/// optional trailing `.`.
pub fn month_from_swedish(name: &str) -> Option<u8> {
    let name = name.trim();
    if name.len() > NAME_MAX {
        return None;
    }
    // This runs for most words of a document: first a test of the first
    // letter, then the word lowered on the stack, not into a new string.
    if !starts_with_any(name, "jfmasondJFMASOND") {
        return None;
    }
    let mut buf = [0u8; 24];
    let lower = lower_into(name, &mut buf)?;
    let word = lower.strip_suffix('.').unwrap_or(lower);
    let abbrevs = [
        "jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
    ];
    let i = MONTHS_SV
        .iter()
        .position(|m| *m == word)
        .or_else(|| abbrevs.iter().position(|a| *a == word))
        .or_else(|| (word == "sept").then_some(8))?;
    u8::try_from(i + 1).ok()
}

/// Whether the first byte of `word` is one of `initials` (ASCII letters).
fn starts_with_any(word: &str, initials: &str) -> bool {
    word.as_bytes()
        .first()
        .is_some_and(|b| initials.as_bytes().contains(b))
}

/// `måndag`..`söndag` and the definite forms `måndagen`..`söndagen`, any case.
pub fn weekday_from_swedish(name: &str) -> Option<Weekday> {
    let name = name.trim();
    if name.len() > NAME_MAX {
        return None;
    }
    if !starts_with_any(name, "mtoflsMTOFLS") {
        return None;
    }
    let mut buf = [0u8; 24];
    let lower = lower_into(name, &mut buf)?;
    let word = lower.strip_suffix("en").unwrap_or(lower);
    WEEKDAYS_SV
        .iter()
        .find(|(n, _)| *n == word)
        .map(|(_, w)| *w)
}

/// The first letters of the month and weekday names (all ASCII), as a
/// table by byte: most words of a text are rejected by one look-up.
const DATE_NAME_INITIALS: [bool; 128] = {
    let mut table = [false; 128];
    let mut i = 0;
    while i < DATE_NAMES.len() {
        table[DATE_NAMES[i].as_bytes()[0] as usize] = true;
        i += 1;
    }
    table
};

/// The month and weekday names, for the tables below.
const DATE_NAMES: [&str; 19] = {
    let mut names = [""; 19];
    let mut i = 0;
    while i < MONTHS_SV.len() {
        names[i] = MONTHS_SV[i];
        i += 1;
    }
    while i < names.len() {
        names[i] = WEEKDAYS_SV[i - MONTHS_SV.len()].0;
        i += 1;
    }
    names
};

/// The first three letters of the names whose second letter is ASCII (all
/// but `må`, `lö`, `sö`; their third letters are ASCII too), as bits:
/// bit `third - 'a'` of `[first - 'a'][second - 'a']`.
const DATE_NAME_TRIPLES: [[u32; 26]; 26] = {
    let mut table = [[0u32; 26]; 26];
    let mut i = 0;
    while i < DATE_NAMES.len() {
        let b = DATE_NAMES[i].as_bytes();
        if b[1].is_ascii_lowercase() {
            table[(b[0] - b'a') as usize][(b[1] - b'a') as usize] |= 1 << (b[2] - b'a');
        }
        i += 1;
    }
    table
};

/// The first three letters of every month and weekday name.
static DATE_NAME_PREFIXES: LazyLock<Vec<[char; 3]>> = LazyLock::new(|| {
    DATE_NAMES
        .iter()
        .map(|name| {
            let mut first = ['\0'; 3];
            for (slot, c) in first.iter_mut().zip(name.chars()) {
                *slot = c;
            }
            first
        })
        .collect()
});

/// Whether the word at the start of `s` may be a month or weekday name:
/// its first three letters, in either case, begin one (the abbreviations,
/// `jan` … `dec` and `sept`, begin their full names). Every date that
/// starts with a letter starts with such a name; other words are skipped
/// without trying every form.
pub(super) fn may_be_date_name(s: &str) -> bool {
    // Words whose first three letters are ASCII are looked up in tables;
    // the rest (`mån`, `lör`, `sön` …) are compared letter by letter.
    let bytes = s.as_bytes();
    let initial = bytes.first().map_or(0, u8::to_ascii_lowercase);
    if !DATE_NAME_INITIALS
        .get(usize::from(initial))
        .copied()
        .unwrap_or(false)
    {
        return false;
    }
    match bytes.get(1).map(u8::to_ascii_lowercase) {
        Some(second @ b'a'..=b'z') => {
            let thirds = DATE_NAME_TRIPLES
                .get(usize::from(initial.wrapping_sub(b'a')))
                .and_then(|row| row.get(usize::from(second - b'a')))
                .copied()
                .unwrap_or(0);
            return match bytes.get(2).map(u8::to_ascii_lowercase) {
                Some(third @ b'a'..=b'z') => thirds & (1 << (third - b'a')) != 0,
                _ => false,
            };
        }
        Some(second) if second.is_ascii() => return false,
        _ => {}
    }
    let mut first = ['\0'; 3];
    let mut chars = s.chars();
    for slot in &mut first {
        *slot = match chars.next() {
            Some(c @ ('Å' | 'Ä' | 'Ö')) => c.to_lowercase().next().unwrap_or(c),
            Some(c) => c.to_ascii_lowercase(),
            None => return false,
        };
    }
    DATE_NAME_PREFIXES.contains(&first)
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The table look-ups answer as comparing the first three letters,
        /// lowered, with every name's.
        #[test]
        fn prefix_tables_agree_with_the_names(word in "[a-zA-ZåäöÅÄÖé.-]{0,5}") {
            let lowered: Vec<char> = word
                .chars()
                .take(3)
                .map(|c| c.to_lowercase().next().unwrap_or(c))
                .collect();
            let want = lowered.len() == 3
                && DATE_NAMES
                    .iter()
                    .any(|n| n.chars().take(3).eq(lowered.iter().copied()));
            proptest::prop_assert_eq!(may_be_date_name(&word), want, "{:?}", word);
        }
    }

    #[test]
    fn every_month_and_weekday_name_passes_the_prefix_test() {
        let abbrevs = [
            "jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "sept", "okt", "nov",
            "dec",
        ];
        let names = MONTHS_SV
            .iter()
            .copied()
            .chain(abbrevs)
            .chain(WEEKDAYS_SV.iter().map(|(n, _)| *n));
        for name in names {
            let upper = name.to_uppercase();
            let mut title = upper.chars().take(1).collect::<String>();
            title.push_str(&name[name.chars().next().map_or(0, char::len_utf8)..]);
            for w in [name.to_string(), upper, title, format!("{name}en")] {
                assert!(may_be_date_name(&w), "{w}");
            }
        }
        for w in [
            "och",
            "att",
            "som",
            "till",
            "för",
            "de",
            "ma",
            "Målet",
            "Sjukvård",
        ] {
            assert!(!may_be_date_name(w), "{w}");
        }
    }

    #[test]
    fn month_and_weekday_names() {
        assert_eq!(month_from_swedish("Mars"), Some(3));
        assert_eq!(month_from_swedish("mar."), Some(3));
        assert_eq!(month_from_swedish("SEPT"), Some(9));
        assert_eq!(month_from_swedish("maj"), Some(5));
        assert_eq!(month_from_swedish(" december "), Some(12));
        assert_eq!(month_from_swedish("decem"), None);
        assert_eq!(month_from_swedish(""), None);
        assert_eq!(weekday_from_swedish("Söndagen"), Some(Weekday::Sunday));
        assert_eq!(weekday_from_swedish("fredag"), Some(Weekday::Friday));
        assert_eq!(weekday_from_swedish("fre"), None);
        assert_eq!(weekday_from_swedish("en"), None);
    }
}
