//! A progress bar on stderr for long runs: only in a terminal, never in CI
//! (`CI` set) or when stderr is piped, and only when the run is long (many
//! files, or still going after half a second).

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// More files than this show the bar at once.
const MANY_FILES: usize = 50;
/// A run still going after this shows the bar.
const LONG_RUN: Duration = Duration::from_millis(500);

pub struct Progress {
    bar: ProgressBar,
    allowed: bool,
    shown: AtomicBool,
    started: Instant,
}

impl Progress {
    pub fn new(total: usize) -> Self {
        let allowed = std::io::stderr().is_terminal() && std::env::var_os("CI").is_none();
        let bar = ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::hidden());
        if let Ok(style) = ProgressStyle::with_template("{bar:30} {pos}/{len} filer {wide_msg}") {
            bar.set_style(style);
        }
        let p = Progress {
            bar,
            allowed,
            shown: AtomicBool::new(false),
            started: Instant::now(),
        };
        if total > MANY_FILES {
            p.show();
        }
        p
    }

    /// One more file is done.
    pub fn done_one(&self) {
        self.bar.inc(1);
        if self.started.elapsed() > LONG_RUN {
            self.show();
        }
    }

    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }

    fn show(&self) {
        if self.allowed && !self.shown.swap(true, Ordering::Relaxed) {
            self.bar.set_draw_target(ProgressDrawTarget::stderr());
        }
    }
}
