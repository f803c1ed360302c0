//! Text files in other encodings than UTF-8 are decoded correctly (å, ä, ö)
//! and get GE009, an info finding naming the encoding.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use styrkoll::source::{from_bytes, DEFAULT_MAX_FILE_SIZE};
use styrkoll::{CheckOptions, Engine, Severity};

const TEXT: &str = "Övergripande handlingsplan för miljö 2026\n\n1 Inledning\n\n\
                    Åtgärderna ska minska utsläppen på två år. Det gäller även färjor.\n";

fn latin1(s: &str) -> Vec<u8> {
    s.chars()
        .map(|c| u8::try_from(u32::from(c)).unwrap())
        .collect()
}

fn utf16(s: &str, big_endian: bool) -> Vec<u8> {
    let mut out = if big_endian {
        vec![0xFE, 0xFF]
    } else {
        vec![0xFF, 0xFE]
    };
    for unit in s.encode_utf16() {
        out.extend(if big_endian {
            unit.to_be_bytes()
        } else {
            unit.to_le_bytes()
        });
    }
    out
}

/// The decoded text and the GE009 messages for these bytes.
fn read(bytes: &[u8]) -> (String, Vec<String>) {
    let src = from_bytes("plan.txt", bytes, DEFAULT_MAX_FILE_SIZE).unwrap();
    let report = Engine::builtin()
        .unwrap()
        .check(&src, &CheckOptions::default());
    let ge009 = report
        .diagnostics
        .iter()
        .filter(|d| d.rule == "GE009")
        .inspect(|d| assert_eq!(d.severity, Severity::Info))
        .map(|d| d.message.clone())
        .collect();
    (src.text, ge009)
}

#[test]
fn utf8_with_and_without_bom_is_read_without_a_note() {
    let mut with_bom = vec![0xEF, 0xBB, 0xBF];
    with_bom.extend(TEXT.as_bytes());
    for bytes in [TEXT.as_bytes().to_vec(), with_bom] {
        let (text, ge009) = read(&bytes);
        assert_eq!(text, TEXT);
        assert!(ge009.is_empty(), "{ge009:?}");
    }
}

#[test]
fn utf16_with_bom_is_decoded_and_named() {
    for (big_endian, name) in [(false, "little endian"), (true, "big endian")] {
        let (text, ge009) = read(&utf16(TEXT, big_endian));
        assert_eq!(text, TEXT);
        assert_eq!(ge009.len(), 1);
        assert!(
            ge009[0].contains("UTF-16") && ge009[0].contains(name),
            "{ge009:?}"
        );
    }
}

#[test]
fn windows_1252_and_latin1_are_decoded_and_named() {
    // Swedish letters are the same bytes in both; Windows-1252 adds the
    // en dash and the typographic quotes.
    let cp1252 = {
        let mut b = latin1(TEXT);
        b.extend([0x96, b' ', 0x94, b'\n']);
        b
    };
    let (text, ge009) = read(&cp1252);
    assert_eq!(text, format!("{TEXT}– ”\n"));
    assert!(ge009[0].contains("Windows-1252"), "{ge009:?}");

    let (text, ge009) = read(&latin1(TEXT));
    assert_eq!(text, TEXT);
    assert!(text.contains('å') && text.contains('ä') && text.contains('ö'));
    assert!(ge009[0].contains("ISO-8859-1"), "{ge009:?}");
}
