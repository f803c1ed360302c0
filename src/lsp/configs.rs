//! The configurations in use, each read once: a `Config` owns its engine,
//! so its rule packs are parsed when the configuration is first needed and
//! never again on a keystroke, only when the configuration is re-read.

use crate::config::Config;
use crate::profile::PackError;
use miette::{GraphicalReportHandler, GraphicalTheme};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::rc::Rc;

#[derive(Default)]
pub struct Configs {
    builtin: Option<Rc<Config>>,
    /// The built-in packs could not be read (a bug); said once.
    builtin_failed: bool,
    /// By configuration file; a file that could not be read maps to the
    /// built-in packs, so its error is shown once, not on every keystroke.
    found: HashMap<PathBuf, Rc<Config>>,
}

/// A configuration, and the error to show the user when the one asked for
/// could not be read.
pub struct Loaded {
    pub config: Option<Rc<Config>>,
    pub error: Option<String>,
}

impl Configs {
    /// The configuration read from `path`, or the built-in one for `None`.
    pub fn get(&mut self, path: Option<&Path>) -> Loaded {
        let Some(path) = path else {
            return self.builtin();
        };
        if let Some(c) = self.found.get(path) {
            return Loaded {
                config: Some(c.clone()),
                error: None,
            };
        }
        match Config::load(path) {
            Ok(c) => {
                let c = Rc::new(c);
                self.found.insert(path.to_path_buf(), c.clone());
                Loaded {
                    config: Some(c),
                    error: None,
                }
            }
            Err(e) => {
                let error = Some(render(&e));
                let fallback = self.builtin();
                if let Some(c) = &fallback.config {
                    self.found.insert(path.to_path_buf(), c.clone());
                }
                Loaded {
                    config: fallback.config,
                    error: error.or(fallback.error),
                }
            }
        }
    }

    fn builtin(&mut self) -> Loaded {
        if self.builtin.is_some() || self.builtin_failed {
            return Loaded {
                config: self.builtin.clone(),
                error: None,
            };
        }
        match Config::builtin() {
            Ok(c) => {
                let c = Rc::new(c);
                self.builtin = Some(c.clone());
                Loaded {
                    config: Some(c),
                    error: None,
                }
            }
            Err(e) => {
                self.builtin_failed = true;
                Loaded {
                    config: None,
                    error: Some(render(&e)),
                }
            }
        }
    }

    /// Forgets every configuration read from a file; the built-in packs stay.
    pub fn clear(&mut self) {
        self.found.clear();
    }
}

/// A configuration error as plain text (no colours), with the file, line,
/// column and the offending line, as `styrkoll check` prints it.
pub fn render(e: &PackError) -> String {
    let mut out = String::new();
    let handler = GraphicalReportHandler::new_themed(GraphicalTheme::unicode_nocolor());
    if handler.render_report(&mut out, e).is_err() || out.trim().is_empty() {
        return e.to_string();
    }
    out
}
