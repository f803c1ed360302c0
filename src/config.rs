//! `styrkoll.yaml`: a document repository's configuration.
//!
//! Found in the checked path's folder or the nearest parent (like
//! `.editorconfig`; `.styrkoll.yaml` also counts), or given with `--config`.
//!
//! ```yaml
//! lang: sv                    # sv | en
//! profile: handlingsplan      # force a document type for every file
//! packs: [gemensamt, handlingsplan, personuppgifter]   # run only these
//! extra_packs: [regler/egna.yaml]                      # local packs, relative to this file
//! rules:
//!   SR010: off                # off | error | warning | info
//!   HP003: {severity: error, params: {max: 2}}
//! overrides:
//!   - files: ['protokoll/**']
//!     profile: protokoll
//!     rules: {SR010: off}
//! ```
//!
//! Unknown keys, unknown rule ids and parameters the rule does not take are
//! errors with file, line and column. Parameters are merged into the rule's
//! own (`params: {max: 2}` keeps the rule's `section`) and checked by the
//! rule's check kind as when a pack is read.

use crate::diagnostic::{Lang, Severity};
use crate::engine::{CheckOptions, Engine};
use crate::profile::load::{yaml_error, PackError};
use crate::profile::{builtin_packs, load_pack, Pack};
use globset::{Glob, GlobSet, GlobSetBuilder};
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

/// File names looked for, in order, in each folder.
pub const FILE_NAMES: &[&str] = &["styrkoll.yaml", ".styrkoll.yaml"];

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    #[serde(default)]
    lang: Option<Lang>,
    #[serde(default)]
    profile: Option<String>,
    #[serde(default)]
    packs: Option<Vec<String>>,
    #[serde(default)]
    extra_packs: Vec<String>,
    #[serde(default)]
    rules: BTreeMap<String, RuleConfig>,
    #[serde(default)]
    overrides: Vec<Override>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Override {
    files: Vec<String>,
    #[serde(default)]
    profile: Option<String>,
    #[serde(default)]
    packs: Option<Vec<String>>,
    #[serde(default)]
    rules: BTreeMap<String, RuleConfig>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
enum Level {
    Off,
    Error,
    Warning,
    Info,
}

impl Level {
    fn severity(self) -> Option<Severity> {
        match self {
            Level::Off => None,
            Level::Error => Some(Severity::Error),
            Level::Warning => Some(Severity::Warning),
            Level::Info => Some(Severity::Info),
        }
    }
}

/// `off`, a severity, or `{severity: …, params: {…}}`.
#[derive(Debug, Default)]
struct RuleConfig {
    level: Option<Level>,
    params: Option<serde_yaml::Mapping>,
}

impl<'de> Deserialize<'de> for RuleConfig {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RuleConfig;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("off, error, warning, info eller {severity: …, params: {…}}")
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<RuleConfig, E> {
                // YAML 1.1 reads a bare `off` as false.
                match v {
                    false => Ok(RuleConfig {
                        level: Some(Level::Off),
                        params: None,
                    }),
                    true => Err(E::custom("skriv off, error, warning eller info")),
                }
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RuleConfig, E> {
                let level = Level::deserialize(de::value::StrDeserializer::<E>::new(v))?;
                Ok(RuleConfig {
                    level: Some(level),
                    params: None,
                })
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RuleConfig, A::Error> {
                let mut out = RuleConfig::default();
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "severity" => out.level = Some(map.next_value()?),
                        "params" => out.params = Some(map.next_value()?),
                        other => {
                            return Err(de::Error::unknown_field(other, &["severity", "params"]))
                        }
                    }
                }
                Ok(out)
            }
        }
        d.deserialize_any(V)
    }
}

/// A loaded configuration: the engine it builds and the options per file.
pub struct Config {
    /// The configuration file, if any (`None` for the built-in defaults).
    pub path: Option<PathBuf>,
    pub engine: Engine,
    base: CheckOptions,
    overrides: Vec<(GlobSet, Delta)>,
    dir: PathBuf,
}

/// What an override changes.
struct Delta {
    profile: Option<String>,
    packs: Option<Vec<String>>,
    severity: std::collections::HashMap<String, Option<Severity>>,
}

impl Config {
    /// The built-in packs with no configuration.
    #[allow(clippy::result_large_err)]
    pub fn builtin() -> Result<Config, PackError> {
        Ok(Config {
            path: None,
            engine: Engine::builtin()?,
            base: CheckOptions::default(),
            overrides: Vec::new(),
            dir: PathBuf::from("."),
        })
    }

    /// Reads and validates a configuration file. An error in the file
    /// itself has the code `styrkoll::konfiguration`; one in a pack it
    /// names keeps `styrkoll::regelpaket`.
    #[allow(clippy::result_large_err)]
    pub fn load(path: &Path) -> Result<Config, PackError> {
        let name = path.display().to_string();
        Self::load_file(path, &name).map_err(|mut e| {
            e.in_config = e.file == name;
            e
        })
    }

    #[allow(clippy::result_large_err)]
    fn load_file(path: &Path, name: &str) -> Result<Config, PackError> {
        let name = name.to_string();
        let yaml = std::fs::read_to_string(path).map_err(|e| {
            PackError::new(
                &name,
                "",
                0,
                format!("kunde inte läsa konfigurationen: {e}"),
            )
        })?;
        // A file of only comments is an empty configuration.
        let file: ConfigFile = serde_yaml::from_str::<Option<ConfigFile>>(&yaml)
            .map_err(|e| yaml_error(&name, &yaml, &e))?
            .unwrap_or_default();
        let dir = path
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_else(|| PathBuf::from("."));
        let err = |needle: &str, msg: String| {
            let at = yaml.find(needle).unwrap_or(0);
            PackError::new(&name, &yaml, at, msg)
        };

        let mut packs = builtin_packs()?;
        for extra in &file.extra_packs {
            let p = dir.join(extra);
            let text = std::fs::read_to_string(&p)
                .map_err(|e| err(extra, format!("kunde inte läsa regelpaketet {extra}: {e}")))?;
            let pack = load_pack(&p.display().to_string(), &text)?;
            if packs.iter().any(|q| q.name == pack.name) {
                return Err(err(
                    extra,
                    format!("det finns redan ett paket som heter {}", pack.name),
                ));
            }
            if let Some(r) = pack
                .rules
                .iter()
                .find(|r| packs.iter().flat_map(|q| &q.rules).any(|q| q.id == r.id))
            {
                return Err(err(
                    extra,
                    format!("regeln {} finns redan i ett annat paket", r.id),
                ));
            }
            packs.push(pack);
        }
        for (id, rc) in &file.rules {
            if let Some(params) = &rc.params {
                override_params(&mut packs, id, params).map_err(|m| err(id, m))?;
            }
        }
        let engine = Engine::from_packs(packs);

        let mut base = CheckOptions {
            lang: file.lang.unwrap_or_default(),
            profile: file.profile.clone(),
            packs: file.packs.clone(),
            ..CheckOptions::default()
        };
        check_names(&engine, base.profile.as_deref(), base.packs.as_deref())
            .map_err(|(needle, m)| err(&needle, m))?;
        set_levels(&engine, &file.rules, &mut base).map_err(|(needle, m)| err(&needle, m))?;

        let mut overrides = Vec::new();
        for o in &file.overrides {
            let mut b = GlobSetBuilder::new();
            for g in &o.files {
                b.add(Glob::new(g).map_err(|e| err(g, format!("ogiltigt mönster {g:?}: {e}")))?);
            }
            let set = b
                .build()
                .map_err(|e| err("overrides", format!("ogiltiga mönster: {e}")))?;
            if let Some((id, _)) = o.rules.iter().find(|(_, r)| r.params.is_some()) {
                return Err(err(
                    id,
                    format!("{id}: params kan bara ändras under rules, inte per filmönster"),
                ));
            }
            check_names(&engine, o.profile.as_deref(), o.packs.as_deref())
                .map_err(|(needle, m)| err(&needle, m))?;
            let mut levels = CheckOptions::default();
            set_levels(&engine, &o.rules, &mut levels).map_err(|(needle, m)| err(&needle, m))?;
            overrides.push((
                set,
                Delta {
                    profile: o.profile.clone(),
                    packs: o.packs.clone(),
                    severity: levels.severity,
                },
            ));
        }
        Ok(Config {
            path: Some(path.to_path_buf()),
            engine,
            base,
            overrides,
            dir,
        })
    }

    /// The nearest configuration file for a checked path: in its folder
    /// (the path itself when it is a folder) or the nearest parent.
    pub fn discover(start: &Path) -> Option<PathBuf> {
        let abs = std::path::absolute(start).ok()?;
        let dir = if abs.is_dir() {
            abs
        } else {
            abs.parent()?.to_path_buf()
        };
        dir.ancestors()
            .find_map(|d| FILE_NAMES.iter().map(|n| d.join(n)).find(|p| p.is_file()))
    }

    /// The language the configuration asks for, if it names one.
    pub fn lang(&self) -> Lang {
        self.base.lang
    }

    /// The options for one file: the base ones, then every override whose
    /// pattern matches the path relative to the configuration's folder, in
    /// order (a later override wins where they disagree).
    pub fn options_for(&self, path: &Path) -> CheckOptions {
        let mut opts = self.base.clone();
        if self.overrides.is_empty() {
            return opts;
        }
        let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        let dir = std::path::absolute(&self.dir).unwrap_or_else(|_| self.dir.clone());
        let rel = abs.strip_prefix(&dir).unwrap_or(path);
        for (set, d) in &self.overrides {
            if !set.is_match(rel) {
                continue;
            }
            if d.profile.is_some() {
                opts.profile = d.profile.clone();
            }
            if d.packs.is_some() {
                opts.packs = d.packs.clone();
            }
            opts.severity
                .extend(d.severity.iter().map(|(k, v)| (k.clone(), *v)));
        }
        opts
    }
}

fn check_names(
    engine: &Engine,
    profile: Option<&str>,
    packs: Option<&[String]>,
) -> Result<(), (String, String)> {
    if let Some(p) = profile {
        if !engine.profile_names().contains(&p) {
            return Err((
                p.to_string(),
                format!(
                    "okänd profil {p:?}; välj en av: {}",
                    engine.profile_names().join(", ")
                ),
            ));
        }
    }
    for name in packs.unwrap_or_default() {
        if !engine.packs().iter().any(|p| &p.name == name) {
            let known: Vec<&str> = engine.packs().iter().map(|p| p.name.as_str()).collect();
            return Err((
                name.clone(),
                format!(
                    "okänt regelpaket {name:?}; välj bland: {}",
                    known.join(", ")
                ),
            ));
        }
    }
    Ok(())
}

fn set_levels(
    engine: &Engine,
    rules: &BTreeMap<String, RuleConfig>,
    opts: &mut CheckOptions,
) -> Result<(), (String, String)> {
    for (key, rc) in rules {
        let Some((_, rule)) = engine.find_rule(key) else {
            return Err((
                key.clone(),
                format!("{key} är ingen regel; `styrkoll rules` listar alla"),
            ));
        };
        if let Some(level) = rc.level {
            opts.severity.insert(rule.id.clone(), level.severity());
        }
    }
    Ok(())
}

/// Re-reads a rule's parameters from its pack with `params` merged in.
fn override_params(
    packs: &mut [Pack],
    key: &str,
    params: &serde_yaml::Mapping,
) -> Result<(), String> {
    for pack in packs.iter_mut() {
        let Some(idx) = pack
            .rules
            .iter()
            .position(|r| r.id.eq_ignore_ascii_case(key) || r.name.eq_ignore_ascii_case(key))
        else {
            continue;
        };
        let id = pack.rules[idx].id.clone();
        let mut merged = pack.params_in_yaml(&id);
        for (k, v) in params {
            merged.insert(k.clone(), v.clone());
        }
        let kind = pack.rules[idx].check.kind();
        let check = kind
            .deserialize_params(serde_yaml::Value::Mapping(merged.clone()))
            .map_err(|e| format!("{id}: params: {e}"))?;
        pack.rules[idx].check = check;
        pack.rules[idx].params_override = Some(merged);
        return Ok(());
    }
    Err(format!(
        "{key} är ingen regel; `styrkoll rules` listar alla"
    ))
}

/// A starter configuration, every setting explained, for `styrkoll init`.
pub const STARTER: &str = include_str!("../templates/styrkoll.yaml");
