//! Deciding what a line of extracted text is when its shape alone does not
//! say: a numbered heading or a numbered list item, a heading or a short
//! paragraph, a field or a sentence ending in a colon.

/// Unnumbered lines that are headings in the documents we check, when they
/// stand alone on a line (lower case).
const KNOWN_HEADINGS: &[&str] = &[
    "sammanfattning",
    "beslut",
    "förslag till beslut",
    "expedieras till",
    "beslutsunderlag",
    "bakgrund",
    "inledning",
    "syfte",
    "mål",
    "aktiviteter",
    "perspektiv",
    "definitioner",
    "definitioner och förkortningar",
    "ordlista",
    "begrepp",
    "förkortningar",
    "uppföljning",
    "ekonomi",
    "miljö",
    "barnens rätt",
    "barnrättsperspektiv",
    "jämställdhet och jämlikhet",
    "jämställdhet",
    "jämlikhet",
    "regional utveckling",
    "justering",
    "justerare",
    "närvarande",
    "beslutande",
    "ärendet",
    "yrkanden",
    "propositionsordning",
    "reservation",
    "protokollsanteckning",
    "bevis om anslag",
    "underskrifter",
    "ändringsförteckning",
    "innehållsförteckning",
    "innehåll",
];

/// `1. Bakgrund` and `2.1 Definition och innehåll` are headings;
/// `1. Alla chefer ska ha genomgått utbildningen senast i maj.` is a list item.
pub fn numbered_is_heading(number: &str, text: &str) -> bool {
    let text = text.trim();
    let Some(first) = text.chars().next() else {
        return false;
    };
    if !first.is_uppercase() {
        return false;
    }
    if text.ends_with(['.', ',', ';', ':', '?', '!']) && !text.ends_with("..") {
        return false;
    }
    let words = text.split_whitespace().count();
    let multi_part = number.trim_end_matches('.').contains('.');
    let limit = if multi_part { 14 } else { 9 };
    words <= limit && !crate::chars::more_chars_than(text, 110)
}

/// A short standalone line that names a known section, or is set in capitals
/// like `INNEHÅLLSFÖRTECKNING`.
pub fn plain_is_heading(text: &str, next_blank: bool) -> bool {
    let t = text.trim().trim_end_matches(':').trim();
    if t.is_empty() || crate::chars::more_chars_than(t, 60) {
        return false;
    }
    // Lowered on the stack: this runs for every short line of extracted text.
    let mut buf = [0u8; 64];
    if crate::chars::lower_into(t, &mut buf).is_some_and(|lower| KNOWN_HEADINGS.contains(&lower)) {
        return true;
    }
    if !next_blank || t.ends_with(['.', ',']) {
        return false;
    }
    let mut letters = 0;
    let all_caps = t.chars().filter(|c| c.is_alphabetic()).all(|c| {
        letters += 1;
        c.is_uppercase()
    });
    all_caps && letters >= 4 && t.split_whitespace().count() <= 6
}

/// `Uppdragsägare: …`, `Dnr:RS/1/2015` and `Datum:` are fields; `Vi föreslår
/// följande:` is the start of a sentence, and `https:` is not a key.
pub fn is_field(key: &str, value: &str) -> bool {
    let Some(first) = key.chars().next() else {
        return false;
    };
    if !first.is_uppercase() {
        return false;
    }
    let words = key.split_whitespace().count();
    if value.is_empty() {
        return words <= 3;
    }
    !matches!(key.to_lowercase().as_str(), "http" | "https" | "mailto")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_headings_and_list_items() {
        assert!(numbered_is_heading("1", "INLEDNING"));
        assert!(numbered_is_heading("2.1", "Definition och innehåll"));
        assert!(numbered_is_heading("1.", "Bakgrund"));
        assert!(!numbered_is_heading(
            "1.",
            "Alla chefer ska ha genomgått utbildningen senast i maj 2026."
        ));
        assert!(!numbered_is_heading("1.", "alla chefer"));
        assert!(!numbered_is_heading(
            "3",
            "Andelen medarbetare som har haft medarbetarsamtal ska öka till minst nittio procent"
        ));
    }

    #[test]
    fn plain_headings() {
        assert!(plain_is_heading("Sammanfattning", true));
        assert!(plain_is_heading("Förslag till beslut", false));
        assert!(plain_is_heading("INNEHÅLLSFÖRTECKNING", true));
        assert!(!plain_is_heading("Sandra Hedman", true));
        assert!(!plain_is_heading("Det här är en mening.", true));
    }

    #[test]
    fn fields() {
        assert!(is_field("Uppdragsägare", "Direktör"));
        assert!(is_field("Datum", ""));
        assert!(!is_field(
            "Regionala utvecklingsförvaltningen föreslår följande",
            ""
        ));
        assert!(!is_field("https", "//x"));
        assert!(!is_field("kl", "00"));
    }
}
