//! `styrkoll new`: the skeletons are complete documents of their profile
//! once every `<!-- … -->` comment is replaced with real text, and the
//! command never overwrites a file unless told to.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use regex::Regex;
use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Output};

fn styrkoll(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_styrkoll"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

/// The JSON report for one file, with its diagnostics as `(rule, severity, message)`.
fn check(path: &Path) -> (serde_json::Value, Vec<(String, String, String)>) {
    let out = styrkoll(&["check", "--format", "json", path.to_str().unwrap()]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&out.stdout)));
    let file = v["files"][0].clone();
    let diags = file["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap().to_string(),
                d["severity"].as_str().unwrap().to_string(),
                format!("line {}: {}", d["line"], d["message"].as_str().unwrap()),
            )
        })
        .collect();
    (file, diags)
}

/// Sample text for each comment, keyed by how the comment begins (the longest
/// matching key wins). A key's texts are used in order, one per comment, and
/// every text must be used: a comment added to or removed from a template
/// makes the test fail until the sample is updated too. An empty text removes
/// a comment that only guides the writer.
type Samples = &'static [(&'static str, &'static [&'static str])];

const HANDLINGSPLAN: Samples = &[
    ("sakområde", &["tillgänglig vård"]),
    ("år", &["2027"]),
    ("Mall för en övergripande handlingsplan", &[""]),
    ("diarienummer", &["RS/412/2026"]),
    ("vem som fastställer planen", &["Regiondirektör"]),
    (
        "Högst en sida",
        &[
            "Planen beskriver hur regionen ska korta väntetiderna och göra vården lättare att \
           nå under 2027. Den gäller alla vårdcentraler och sjukhusens mottagningar, och det \
           stöd som ledningsstaberna ger dem.\n\nRegiondirektören äger planen. Hälso- och \
           sjukvårdsdirektören ansvarar för att aktiviteterna genomförs, och en \
           utvecklingsstrateg håller ihop arbetet. Arbetet pågår från januari till december \
           2027. Uppföljningen redovisas för regiondirektörens ledningsgrupp och för \
           regionstyrelsen.",
        ],
    ),
    (
        "Planens mål som en punktlista",
        &[
            "- Mål 1: Minst 90 % av patienterna ska få kontakt med sin vårdcentral samma dag \
           som de ringer.\n- Mål 2: Andelen patienter som väntar mer än 90 dagar på ett \
           första besök ska minska från 24 % till 15 % senast 2027-12-31.",
        ],
    ),
    (
        "Vad som ska göras för att nå målen",
        &[
            "Här redovisas vad som ska göras för varje mål, först i verksamheterna och sedan \
           i ledningsstaberna.",
        ],
    ),
    (
        "Rader för verksamheterna",
        &[
            "| Inför återuppringning i telefonkön på alla vårdcentraler | 1 | Patienter som \
           ringer vårdcentralen | januari–mars 2027 | Andel samtal som besvaras samma dag | \
           Primärvårdschef | Lina Persson |\n| Gå igenom remissflödet på de tio mottagningar \
           som har längst köer | 2 | Mottagningar inom specialistvården | februari–juni 2027 \
           | Antal patienter som väntat mer än 90 dagar | Områdeschefer specialistvård | \
           Jonas Eriksson |",
        ],
    ),
    (
        "Rader för ledningsstaberna",
        &[
            "| Ta fram gemensamma rutiner för telefonrådgivning | 1 | Telefonsjuksköterskor | \
           januari–april 2027 | Rutinerna är beslutade senast 2027-04-30 | Hälso- och \
           sjukvårdsstaben | Lina Persson |\n| Ta fram en månadsrapport om väntetider per \
           mottagning | 2 | Chefer i hälso- och sjukvården | januari–mars 2027 | Rapporten \
           publiceras varje månad från april 2027 | Ekonomistaben | Karl Wikström |",
        ],
    ),
    (
        "Analysera hur planens mål",
        &["Här beskrivs hur mål och aktiviteter tar hänsyn till regionens perspektiv."],
    ),
    (
        "Tar mål och aktiviteter hänsyn",
        &[
            "Väntetiderna redovisas uppdelat på kön, ålder och bostadsort. Tidigare mätningar \
           visar att kvinnor oftare väntar länge på ett första besök inom reumatologi. \
           Återuppringningen ersätter inte möjligheten att vänta kvar i telefon, så att \
           personer med funktionsnedsättning inte får sämre tillgång till vården.",
        ],
    ),
    (
        "Använd regionens barnchecklista",
        &[
            "Barn och unga har rätt till vård i tid. Väntetiderna inom barn- och \
           ungdomsmedicin redovisas därför för sig i månadsrapporten. Barnrättsombudet har \
           lämnat synpunkter på hur föräldrar kan boka återuppringning åt sina barn.",
        ],
    ),
    (
        "Ökar mål och aktiviteter mängden",
        &[
            "Planen berörs inte av miljöperspektivet, eftersom aktiviteterna inte kräver nya \
           lokaler, ny utrustning eller fler resor. Färre onödiga besök kan i stället minska \
           patienternas resor något.",
        ],
    ),
    (
        "Vilka konsekvenser får planen",
        &[
            "Planen beräknas kosta 1,2 miljoner kronor under 2027. Kostnaden ryms inom \
           befintlig ram och finansieras med förvaltningens egna medel. Kortare köer väntas \
           minska kostnaderna för köpt vård på sikt. En ekonom har gjort beräkningen, som \
           bifogas ärendet.",
        ],
    ),
    (
        "Frivilligt",
        &["God tillgång till vård gör det lättare att bo och arbeta i hela länet."],
    ),
    (
        "Ett begrepp per rad",
        &[
            "| Återuppringning | Patienten behåller sin plats i kön och blir uppringd av \
           vårdcentralen |\n| Första besök | Det första besöket på en specialistmottagning \
           efter en remiss |\n| Köpt vård | Vård som regionen köper av andra vårdgivare |\n\
           | RS | Diarieprefix för ärenden hos regionstyrelsen |",
        ],
    ),
];

const UPPDRAGSDIREKTIV: Samples = &[
    (
        "uppdragets namn",
        &[
            "Gemensam rutin för inköp av förbrukningsmaterial",
            "Gemensam rutin för inköp av förbrukningsmaterial",
        ],
    ),
    ("Mall för uppdragsdirektiv", &[""]),
    (
        "Varför behövs uppdraget",
        &[
            "Regionens verksamheter köper förbrukningsmaterial på många olika sätt. Vissa \
           enheter beställer i e-handelssystemet, andra ringer leverantören eller köper i \
           butik med kort. Det gör det svårt att följa upp kostnaderna och att använda de \
           avtal som regionen har tecknat.\n\nInköpsenheten har gått igenom beställningarna \
           under 2025. Genomgången visar att drygt en tredjedel av köpen gjordes utanför \
           avtal. Regiondirektören har därför gett ekonomidirektören i uppdrag att ta fram en \
           gemensam rutin för inköp av förbrukningsmaterial.",
        ],
    ),
    (
        "Idén i korthet",
        &[
            "En enda rutin och ett enda beställningssätt gör det enkelt att göra rätt. \
           Enheterna får rätt material till avtalat pris, och regionen får en samlad bild av \
           vad som köps.",
        ],
    ),
    (
        "Effektmålen är",
        &[
            "- Andelen beställningar av förbrukningsmaterial som görs i e-handelssystemet ökar \
           från 55 % (2025) till minst 90 % under 2027\n- Kostnaden för förbrukningsmaterial \
           per anställd minskar med 8 % under 2027 jämfört med 2025",
        ],
    ),
    (
        "Uppdragsmålen är",
        &[
            "- En gemensam rutin för inköp av förbrukningsmaterial är beslutad och \
           publicerad\n- Sortimentet i e-handelssystemet är uppdaterat efter gällande avtal\n\
           - Alla beställare har fått en introduktion till rutinen",
        ],
    ),
    (
        "Det som måste vara uppfyllt",
        &[
            "- Att förvaltningarna utser en kontaktperson var för arbetet\n- Att leverantörerna \
           kan leverera sina sortiment till e-handelssystemet i tid\n- Att uppdraget utförs \
           utifrån ett jämställdhets- och jämlikhetsperspektiv",
        ],
    ),
    (
        "Det som ligger utanför uppdraget",
        &["- Inköp av läkemedel och medicintekniska produkter\n- Upphandling av nya avtal"],
    ),
    (
        "Andra uppdrag, projekt",
        &[
            "- Upphandlingen av ett nytt e-handelssystem, som pågår under 2026\n- Arbetet med \
           regionens gemensamma månadsrapport",
        ],
    ),
    ("Datum skrivs", &[""]),
    (
        "datum",
        &[
            // Tidplan: start and end of BP0–BP3.
            "2026-01-15",
            "2026-01-15",
            "2026-02-02",
            "2026-02-02",
            "2026-05-19",
            "2026-05-19",
            "2026-11-27",
            "2026-11-27",
            // Milstolpar: BP0, BP1, MS1, BP2, BP3.
            "2026-01-15",
            "2026-02-02",
            "2026-04-30",
            "2026-05-19",
            "2026-11-27",
        ],
    ),
    (
        "beslutet vid den här beslutspunkten",
        &["Beslut om ny rutin", "Beslut om ny rutin"],
    ),
    (
        "Vad uppdraget kostar",
        &[
            "Uppdraget beräknas kosta 450 000 kronor. Det mesta är arbetstid för \
           inköpsenheten och för kontaktpersonerna i förvaltningarna.",
        ],
    ),
    (
        "Hur kostnaderna finansieras",
        &["Kostnaden ryms inom ekonomistabens budget för 2026."],
    ),
    (
        "Det som kan hindra",
        &[
            "- Förvaltningarna hinner inte delta i kartläggningen under våren\n- \
           Leverantörernas sortiment är inte klart i e-handelssystemet när rutinen införs\n- \
           Enheter fortsätter att köpa med kort, av gammal vana",
        ],
    ),
    ("befattning", &["Regiondirektör"]),
    (
        "namn eller befattning",
        &["Ekonomidirektör", "Ekonomidirektör"],
    ),
    (
        "namn och befattning",
        &["Sara Holm, inköpschef", "Sara Holm, inköpschef"],
    ),
    (
        "de som arbetar i uppdraget",
        &["Inköpsenheten och en kontaktperson från varje förvaltning"],
    ),
    ("den som tar emot resultatet", &["Förvaltningscheferna"]),
    (
        "andra som berörs",
        &["Enhetschefer, beställare och fackliga representanter"],
    ),
    ("Beslutspunkter och milstolpar i datumordning", &[""]),
    ("vad som ska vara klart", &["Kartläggningen är klar"]),
    (
        "En rad per delaktivitet",
        &[
            "| Kartlägga hur förvaltningarna beställer i dag | 2026-02-02 | 2026-03-31 | \
           Inköpsenheten |\n| Ta fram förslag till gemensam rutin | 2026-03-02 | 2026-04-30 | \
           Inköpsenheten med stöd av kontaktpersonerna |\n| Introducera rutinen för \
           beställarna | 2026-05-20 | 2026-09-30 | Kontaktpersonerna i förvaltningarna |",
        ],
    ),
    (
        "Hur uppdraget och resultatet",
        &[
            "Rutinen presenteras på regionens intranät och på chefsträffarna i varje \
           förvaltning. Kontaktpersonerna sprider informationen till beställarna.",
        ],
    ),
    (
        "Hur ofta och till vem",
        &["Uppdragsledaren rapporterar status till uppdragsägaren en gång i månaden."],
    ),
    (
        "Hur resultatet lämnas över",
        &[
            "Överlämning sker mellan uppdragsledaren och uppdragsägaren vid BP3. \
           Förvaltningscheferna ansvarar sedan för att rutinen följs.",
        ],
    ),
    (
        "Vem som förvaltar",
        &["Inköpsenheten förvaltar rutinen och uppdaterar den när nya avtal tecknas."],
    ),
    (
        "Ett begrepp per rad",
        &[
            "| Förbrukningsmaterial | Material som förbrukas i det dagliga arbetet, till \
           exempel handskar, papper och kontorsmaterial |",
        ],
    ),
    ("Kryssa (X)", &[""]),
    ("Uppdragsägaren kryssar", &[""]),
    // Five checklist lines and the decision: all JA.
    ("ja", &["X", "X", "X", "X", "X", "X"]),
    ("nej", &["", "", "", "", "", ""]),
    ("underskrift", &["Signerad digitalt"]),
    ("datum för beslutet", &["2026-02-02"]),
    ("uppdragsägarens namn", &["Anders Berg"]),
];

/// Replaces every comment with its sample text; panics on a comment without
/// a sample and on a sample no comment used.
fn fill(template: &str, samples: Samples) -> String {
    let comment = Regex::new(r"(?s)<!--(.*?)-->").unwrap();
    let mut queues: BTreeMap<&str, std::slice::Iter<&str>> =
        samples.iter().map(|(k, v)| (*k, v.iter())).collect();
    let filled = comment.replace_all(template, |c: &regex::Captures| {
        let inner = c[1].trim();
        let key = samples
            .iter()
            .map(|(k, _)| *k)
            .filter(|k| inner.starts_with(k))
            .max_by_key(|k| k.len())
            .unwrap_or_else(|| panic!("no sample text for the comment <!-- {inner} -->"));
        let next = queues.get_mut(key).and_then(|q| q.next());
        next.unwrap_or_else(|| panic!("more comments than samples for {key:?}"))
            .to_string()
    });
    for (key, rest) in &queues {
        assert_eq!(rest.len(), 0, "unused samples for {key:?}: no such comment");
    }
    filled.into_owned()
}

fn new_skeleton_is_complete(kind: &str, samples: Samples, required_rule: &str) {
    let dir = tempfile::tempdir().unwrap();
    let skeleton = dir.path().join(format!("{kind}.md"));
    let out = styrkoll(&["new", kind, "--out", skeleton.to_str().unwrap()]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(&skeleton).unwrap();

    // The raw skeleton: read without trouble, recognised, every section there,
    // and no template text (the guidance lives in comments).
    let (file, diags) = check(&skeleton);
    assert!(file.get("error").is_none(), "{file}");
    assert_eq!(file["profile"], kind);
    let rules: Vec<&str> = diags.iter().map(|(r, _, _)| r.as_str()).collect();
    assert!(!rules.contains(&required_rule), "{diags:#?}");
    assert!(!rules.contains(&"GE001"), "{diags:#?}");
    assert!(!rules.contains(&"GE006"), "{diags:#?}");

    // Filled in: no errors, and nothing from the profile's own rules.
    let filled = dir.path().join(format!("{kind}-ifylld.md"));
    std::fs::write(&filled, fill(&text, samples)).unwrap();
    let (file, diags) = check(&filled);
    assert_eq!(file["profile"], kind);
    let prefix = &required_rule[..2];
    let bad: Vec<_> = diags
        .iter()
        .filter(|(rule, severity, _)| severity == "error" || rule.starts_with(prefix))
        .collect();
    assert!(bad.is_empty(), "{bad:#?}\n\n{}", fill(&text, samples));
    let out = styrkoll(&["check", filled.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn handlingsplan_skeleton_checks_clean_once_filled() {
    new_skeleton_is_complete("handlingsplan", HANDLINGSPLAN, "HP001");
}

#[test]
fn uppdragsdirektiv_skeleton_checks_clean_once_filled() {
    new_skeleton_is_complete("uppdragsdirektiv", UPPDRAGSDIREKTIV, "UD001");
}

#[test]
fn an_unfilled_skeleton_is_not_a_finished_document() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.md");
    styrkoll(&["new", "handlingsplan", "-o", plan.to_str().unwrap()]);
    let (_, diags) = check(&plan);
    let rules: Vec<&str> = diags.iter().map(|(r, _, _)| r.as_str()).collect();
    // The perspectives are empty until analysed, the tables until filled in.
    assert_eq!(
        rules.iter().filter(|r| **r == "HP004").count(),
        4,
        "{diags:#?}"
    );
    assert!(rules.contains(&"GE002"), "{diags:#?}");
    assert_eq!(
        styrkoll(&["check", plan.to_str().unwrap()]).status.code(),
        Some(1)
    );

    let directive = dir.path().join("direktiv.md");
    styrkoll(&["new", "uppdragsdirektiv", "-o", directive.to_str().unwrap()]);
    let (_, diags) = check(&directive);
    let rules: Vec<&str> = diags.iter().map(|(r, _, _)| r.as_str()).collect();
    // Five checklist lines and the BP1 decision are unticked.
    assert_eq!(
        rules.iter().filter(|r| **r == "UD008").count(),
        5,
        "{diags:#?}"
    );
    assert!(rules.contains(&"UD009"), "{diags:#?}");
    assert!(rules.contains(&"GE002"), "{diags:#?}");
}

#[test]
fn refuses_to_overwrite_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("utkast.md");
    std::fs::write(&path, "mitt utkast\n").unwrap();
    let out = styrkoll(&["new", "handlingsplan", "--out", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("utkast.md"), "{stderr}");
    assert!(stderr.contains("finns redan"), "{stderr}");
    assert!(stderr.contains("--force"), "{stderr}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "mitt utkast\n");
    // Nothing else is left in the folder (no temporary file).
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn overwrites_with_force() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("utkast.md");
    std::fs::write(&path, "mitt utkast\n").unwrap();
    let out = styrkoll(&[
        "new",
        "uppdragsdirektiv",
        "--out",
        path.to_str().unwrap(),
        "--force",
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.starts_with("---\ndokumenttyp: uppdragsdirektiv\n---\n"),
        "{text}"
    );
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn without_out_the_skeleton_goes_to_stdout() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_styrkoll"))
        .args(["new", "handlingsplan"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with("---\ndokumenttyp: handlingsplan\n---\n"),
        "{text}"
    );
    assert!(text.contains("| Aktivitet | Mål | Målgrupp | Tidsplan | Mätetal | Ansvarig genomförande | Kontaktperson |"));
    assert!(out.stderr.is_empty());
    // Nothing was written to the working directory.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn unknown_kind_lists_the_kinds() {
    let out = styrkoll(&["new", "protokoll"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("handlingsplan"), "{stderr}");
    assert!(stderr.contains("uppdragsdirektiv"), "{stderr}");
}

#[test]
fn missing_folder_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("finns-inte").join("plan.md");
    let out = styrkoll(&["new", "handlingsplan", "--out", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("finns-inte"), "{stderr}");
    assert!(!path.exists());
}
