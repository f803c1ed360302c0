//! The corpus generator shared by `examples/gen_corpus.rs` and the benches:
//! Every profile (handlingsplan, uppdragsdirektiv, protokoll) in Markdown and
//! in text extracted from Word, 5–30 KB each: the complete fixtures grown with
//! Swedish prose, activity rows and agenda items, with a seeded random mix of
//! defects (`skall`, `25%`, an undefined abbreviation, an impossible date, a
//! personal identity number, a missing section …). The same seed gives the
//! same files, byte for byte.
#![allow(dead_code)]

const HP_MD: &str = include_str!("../../fixtures/handlingsplan/ok/komplett.md");
const HP_TXT: &str = include_str!("../../fixtures/handlingsplan/ok/komplett.txt");
const UD_MD: &str =
    include_str!("../../fixtures/uppdragsdirektiv/ok/inkop-forbrukningsmaterial.md");
const UD_TXT: &str = include_str!("../../fixtures/uppdragsdirektiv/ok/digitala-vardmoten.txt");

/// Where a handlingsplan grows: the introduction must stay short (HP008),
/// so the prose goes mostly into the perspectives.
const HP_MD_ANCHORS: &[&str] = &[
    "## 2 Mål",
    "### 4.2 Barnens rätt",
    "### 4.3 Miljö",
    "### 4.4 Ekonomi",
    "### 4.5 Regional utveckling",
    "## 5 Definitioner",
];
const HP_TXT_ANCHORS: &[&str] = &[
    "\n2 Mål\n",
    "\n4.2 Barnens rätt\n",
    "\n4.3 Miljö\n",
    "\n4.4 Ekonomi\n",
    "\n4.5 Regional utveckling\n",
    "\n5 Definitioner\n",
];

/// SplitMix64: small, seeded and the same on every platform.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const SUBJECTS: &[&str] = &[
    "Vårdcentralen",
    "Förvaltningen",
    "Enheten",
    "Regionen",
    "Nämnden",
    "Arbetsgruppen",
    "Varje chef",
    "Personalen",
    "Staben",
    "Mottagningen",
];
const VERBS: &[&str] = &[
    "följer upp",
    "redovisar",
    "ser över",
    "tar fram",
    "beskriver",
    "planerar",
    "prövar",
    "mäter",
    "stöder",
    "samlar in",
];
const OBJECTS: &[&str] = &[
    "väntetiderna",
    "arbetet med bokning",
    "kostnaderna för material",
    "hur patienterna får svar",
    "de nya rutinerna",
    "resultatet av enkäten",
    "behovet av utbildning",
    "hur tiden används",
    "samarbetet med kommunerna",
    "vad som behöver ändras",
];
const WHEN: &[&str] = &[
    "varje månad",
    "under våren",
    "två gånger per år",
    "innan arbetet börjar",
    "när det behövs",
    "efter varje mätning",
    "under hösten",
    "tillsammans med facken",
];

fn sentence(rng: &mut Rng) -> String {
    format!(
        "{} {} {} {}.",
        rng.pick(SUBJECTS),
        rng.pick(VERBS),
        rng.pick(OBJECTS),
        rng.pick(WHEN)
    )
}

fn paragraph(rng: &mut Rng) -> String {
    let n = 3 + rng.below(4);
    let mut p: Vec<String> = (0..n).map(|_| sentence(rng)).collect();
    if rng.chance(30) {
        p.push(format!(
            "Arbetet kostar omkring {} kronor.",
            ["200 000", "1,2 miljoner", "450 000", "75 000"][rng.below(4)]
        ));
    }
    p.join(" ")
}

#[derive(Clone, Copy, PartialEq, Debug)]
pub enum Form {
    Md,
    Txt,
}

/// The base grown to `target` bytes by paragraphs (and, in Markdown, lists)
/// spread over the sections that start at the anchors.
fn grow(base: &str, anchors: &[&str], target: usize, rng: &mut Rng, form: Form) -> String {
    let mut extra = vec![String::new(); anchors.len()];
    let mut size = base.len();
    let mut i = 0;
    while size < target {
        // Two paragraphs at the first anchor, the rest over the others.
        let k = if anchors.len() == 1 || i < 2 {
            0
        } else {
            1 + i % (anchors.len() - 1)
        };
        let part = &mut extra[k];
        let before = part.len();
        part.push_str(&paragraph(rng));
        part.push_str("\n\n");
        if form == Form::Md && rng.chance(15) {
            for _ in 0..3 {
                part.push_str(&format!("- {}\n", sentence(rng)));
            }
            part.push('\n');
        }
        size += part.len() - before;
        i += 1;
    }
    let mut doc = base.to_string();
    for (anchor, part) in anchors.iter().zip(extra) {
        doc = doc.replacen(anchor, &format!("{part}{anchor}"), 1);
    }
    doc
}

/// Extra activity rows before the last row of the first activity table.
fn more_activities(doc: String, form: Form, rng: &mut Rng) -> String {
    let anchor = match form {
        Form::Md => "| Öppna digital tidsbokning",
        Form::Txt => "Öppna digital tidsbokning\t",
    };
    let mut rows = String::new();
    for _ in 0..rng.below(12) {
        let cells = [
            format!("{} {}", rng.pick(VERBS), rng.pick(OBJECTS)),
            format!("{}", 1 + rng.below(3)),
            "Chefer i hälso- och sjukvården".to_string(),
            ["januari–mars 2026", "april–juni 2026", "hösten 2026"][rng.below(3)].to_string(),
            "Antal enheter som har infört arbetssättet".to_string(),
            "Primärvårdschef".to_string(),
            "Lina Persson".to_string(),
        ];
        let mut first = cells[0].clone();
        if let Some(c) = first.get(..1) {
            first = c.to_uppercase() + &first[1..];
        }
        let cells: Vec<&str> = std::iter::once(first.as_str())
            .chain(cells[1..].iter().map(String::as_str))
            .collect();
        match form {
            Form::Md => rows.push_str(&format!("| {} |\n", cells.join(" | "))),
            Form::Txt => rows.push_str(&format!("{}\n", cells.join("\t"))),
        }
    }
    doc.replacen(anchor, &format!("{rows}{anchor}"), 1)
}

fn protokoll(target: usize, rng: &mut Rng, form: Form) -> String {
    let mut items = Vec::new();
    let mut n = 8;
    let mut size = 900;
    while size < target || items.len() < 2 {
        let mut item = String::new();
        let head = |s: &str| match form {
            Form::Md => format!("### {s}\n\n"),
            Form::Txt => format!("{s}\n\n"),
        };
        let title = format!(
            "§ {n} {}",
            [
                "Budget för regional utveckling 2026",
                "Plan för intern kontroll",
                "Uppföljning av verksamhetsplanen",
                "Yttrande över remiss om kollektivtrafik",
                "Delegationsbeslut"
            ][rng.below(5)]
        );
        item.push_str(&match form {
            Form::Md => format!("## {title}\n\n"),
            Form::Txt => format!("{title}\n\n"),
        });
        item.push_str(&head("Sammanfattning"));
        for _ in 0..1 + rng.below(4) {
            item.push_str(&paragraph(rng));
            item.push_str("\n\n");
        }
        item.push_str(&head("Beslut"));
        item.push_str("Arbetsutskottet godkänner förvaltningens förslag.\n\n");
        item.push_str(&head("Beslutsunderlag"));
        item.push_str("Förvaltningens tjänsteskrivelse 2025-02-24\n\n");
        size += item.len();
        items.push(item);
        n += 1;
    }
    let fields = format!(
        "Datum: 2025-03-11\nTid: kl. 13.00–15.30\nPlats: Regionens hus, sal Vindeln, Umeå\n\
         Beslutande: Anna Berg (S), ordförande, Karl Ek (M), Eva Lund (C)\n\
         Sekreterare: Lena Holm\nOrdförande: Anna Berg\nJusterare: Karl Ek\nParagrafer: 8–{}\n\n",
        n - 1
    );
    let (title, sub) = match form {
        Form::Md => ("# Sammanträdesprotokoll\n\n", "## Justering\n\n"),
        Form::Txt => ("Sammanträdesprotokoll\n\n", "Justering\n\n"),
    };
    format!(
        "{title}Regionala utvecklingsnämndens arbetsutskott\n\n{fields}{}{sub}Justeringsdatum: 2025-03-18\n\n\
         Underskrifter\n\nSekreterare: Lena Holm\nOrdförande: Anna Berg\nJusterare: Karl Ek\n",
        items.concat()
    )
}

/// A seeded mix of defects: (chance in percent, text, replacement), each
/// applied once with its own chance, in this order.
const DEFECTS: [(u64, &str, &str); 7] = [
    (30, " ska ", " skall "),
    (25, " %", "%"),
    (
        25,
        "varje månad.",
        "varje månad. Arbetet samordnas av KVR och HSF.",
    ),
    (15, "-06-30", "-06-31"),
    (
        10,
        "när det behövs.",
        "när det behövs. Kontakta Sven Ek, 19850412-1234, vid frågor.",
    ),
    (15, "200 000 kronor", "200000 kronor"),
    (10, "\n2025-03-18", "\n2025-05-18"),
];

fn defects(mut doc: String, rng: &mut Rng) -> String {
    for (percent, from, to) in DEFECTS {
        if rng.chance(percent) {
            doc = doc.replacen(from, to, 1);
        }
    }
    doc
}

/// Document number `i` of the corpus for `seed`: its file name and text,
/// 5–30 KB; every third is of each profile.
pub fn document(i: usize, seed: u64, form: Form) -> (String, String) {
    let mut rng = Rng(seed ^ (i as u64).wrapping_mul(0x2545_F491_4F6C_DD1D));
    let target = 5 * 1024 + rng.below(25 * 1024);
    sized(i, target, &mut rng, form)
}

/// A document of profile `i % 3` of about `target` bytes (at least the
/// size of its fixture, about 2–6 KB).
pub fn of_size(i: usize, target: usize, seed: u64, form: Form) -> String {
    let mut rng = Rng(seed);
    sized(i, target, &mut rng, form).1
}

fn sized(i: usize, target: usize, rng: &mut Rng, form: Form) -> (String, String) {
    let (profile, doc) = match i % 3 {
        0 => {
            let (base, anchor) = match form {
                Form::Md => (HP_MD, HP_MD_ANCHORS),
                Form::Txt => (HP_TXT, HP_TXT_ANCHORS),
            };
            let doc = more_activities(base.to_string(), form, rng);
            ("handlingsplan", grow(&doc, anchor, target, rng, form))
        }
        1 => {
            let (base, anchor) = match form {
                Form::Md => (UD_MD, &["### 1.1 Idé"][..]),
                Form::Txt => (UD_TXT, &["1.1. Idé"][..]),
            };
            ("uppdragsdirektiv", grow(base, anchor, target, rng, form))
        }
        _ => ("protokoll", protokoll(target, rng, form)),
    };
    let ext = if form == Form::Md { "md" } else { "txt" };
    (format!("{i:06}-{profile}.{ext}"), defects(doc, rng))
}
