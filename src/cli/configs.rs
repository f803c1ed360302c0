//! The configuration of every checked file, resolved before the files are
//! checked in parallel: each `styrkoll.yaml` is found once per folder and
//! loaded once, and the parallel part only reads them.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use styrkoll::config::Config;
use styrkoll::profile::{Pack, Rule};

pub struct Configs {
    loaded: Vec<Config>,
    /// `--config FILE`: one configuration for every file.
    explicit: Option<usize>,
    no_config: bool,
    builtin: Option<usize>,
    by_file: HashMap<PathBuf, usize>,
    /// The configuration file governing each folder seen so far.
    by_dir: HashMap<PathBuf, Option<PathBuf>>,
}

/// A configuration that cannot be used; its error is already printed.
pub struct Broken;

fn load(path: &Path) -> Result<Config, Broken> {
    Config::load(path).map_err(|e| {
        eprintln!("{:?}", miette::Report::new(e));
        Broken
    })
}

fn builtin() -> Result<Config, Broken> {
    Config::builtin().map_err(|e| {
        eprintln!("{:?}", miette::Report::new(e));
        Broken
    })
}

/// The one configuration of a command that works in the current folder
/// (`rules`, `explain`, `serve`): the file given, else the nearest
/// `styrkoll.yaml`, else (and with `--no-config`) the built-in packs; with
/// the file it came from.
pub fn for_current_folder(
    explicit: Option<&Path>,
    no_config: bool,
) -> Result<(Option<PathBuf>, Config), Broken> {
    let found = match (explicit, no_config) {
        (Some(p), _) => Some(p.to_path_buf()),
        (None, true) => None,
        (None, false) => Config::discover(Path::new(".")),
    };
    let config = match &found {
        Some(p) => load(p)?,
        None => builtin()?,
    };
    Ok((found, config))
}

impl Configs {
    pub fn new(explicit: Option<&Path>, no_config: bool) -> Result<Self, Broken> {
        let mut c = Configs {
            loaded: Vec::new(),
            explicit: None,
            no_config,
            builtin: None,
            by_file: HashMap::new(),
            by_dir: HashMap::new(),
        };
        if let Some(p) = explicit {
            c.loaded.push(load(p)?);
            c.explicit = Some(0);
        }
        Ok(c)
    }

    /// The index of the configuration governing a checked path (see `get`).
    pub fn index_for(&mut self, path: &Path) -> Result<usize, Broken> {
        if let Some(i) = self.explicit {
            return Ok(i);
        }
        let found = if self.no_config {
            None
        } else {
            self.discover(path)
        };
        match found {
            Some(file) => {
                if let Some(&i) = self.by_file.get(&file) {
                    return Ok(i);
                }
                let config = load(&file)?;
                Ok(*self.by_file.entry(file).or_insert_with(|| {
                    self.loaded.push(config);
                    self.loaded.len() - 1
                }))
            }
            None => match self.builtin {
                Some(i) => Ok(i),
                None => {
                    let config = builtin()?;
                    self.loaded.push(config);
                    let i = self.loaded.len() - 1;
                    self.builtin = Some(i);
                    Ok(i)
                }
            },
        }
    }

    /// A configuration by an index `index_for` gave.
    pub fn get(&self, i: usize) -> &Config {
        &self.loaded[i]
    }

    /// Every configuration in use.
    pub fn all(&self) -> &[Config] {
        &self.loaded
    }

    /// Every rule of the configurations in use, each id once.
    pub fn rules(&self) -> Vec<(&Pack, &Rule)> {
        let mut seen = std::collections::HashSet::new();
        self.loaded
            .iter()
            .flat_map(|c| c.engine.rules())
            .filter(|(_, r)| seen.insert(r.id.as_str()))
            .collect()
    }

    fn discover(&mut self, path: &Path) -> Option<PathBuf> {
        let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        let dir = if abs.is_dir() {
            abs
        } else {
            abs.parent().map_or(abs.clone(), Path::to_path_buf)
        };
        self.by_dir
            .entry(dir)
            .or_insert_with_key(|dir| Config::discover(dir))
            .clone()
    }
}
