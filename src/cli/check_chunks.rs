//! `styrkoll check` a chunk of files at a time: each chunk is checked in
//! parallel and its output written before the next is checked, so memory
//! does not grow with the number of files, whatever the output: the
//! streaming formats (a block per file), the whole-run formats (JSON,
//! SARIF, JUnit: a part per file, rendered as soon as the file is checked)
//! and `--diff`.
//!
//! The order of the output never depends on thread timing: the files are
//! found and sorted first, and each chunk's results come back in order.

use crate::cli::check::CheckArgs;
use crate::cli::check_file::{process, Job, Outcome};
use crate::cli::configs::Configs;
use crate::cli::output::{self, Format, Sink};
use crate::cli::progress::Progress;
use rayon::prelude::*;
use styrkoll::report::whole_run::{Assembly, Entry, FilePart, Order, WholeRun};
use styrkoll::report::{FileError, Summary};
use styrkoll::Lang;

/// Files checked at a time: enough to keep every thread busy, few enough
/// that memory does not grow with the number of files.
const CHUNK: usize = 256;

/// The files to check and what checking them needs.
pub struct Run<'a> {
    pub jobs: &'a [Job],
    pub pool: Option<&'a rayon::ThreadPool>,
    pub configs: &'a Configs,
    pub args: &'a CheckArgs,
    pub progress: &'a Progress,
    pub lang: Lang,
}

/// A run's totals and the files that could not be read (those found
/// before checking first, then the others in the order of the files).
pub struct Finished {
    pub summary: Summary,
    pub errors: Vec<FileError>,
}

/// Human, short and GitHub output: each chunk's blocks, then the closing
/// lines.
pub fn streamed(
    run: &Run,
    format: Format,
    color: bool,
    found: Vec<FileError>,
    mut sink: Sink,
) -> Result<Finished, String> {
    let mut summary = Summary::default();
    let mut errors = found;
    let trim = |o: &mut Outcome| {
        // Only the human output quotes text around a finding; the others
        // need no more of a report waiting for its chunk than the lines
        // its findings are on.
        if format != Format::Human {
            if let Some(r) = &mut o.report {
                r.trim_text_to_findings();
            }
        }
    };
    run.in_chunks(&in_order(run.jobs), trim, |done, _| {
        let mut reports = Vec::with_capacity(done.len());
        for (_, o, ()) in done {
            reports.extend(o.report);
            errors.extend(o.error);
        }
        summary.add(&Summary::of(&reports, &[]));
        sink.write(&output::render_files(format, &reports, run.lang, color))
    })?;
    summary.add(&Summary::of(&[], &errors));
    sink.finish("", &output::closing(format, &summary, &errors, run.lang))?;
    Ok(Finished { summary, errors })
}

/// JSON, SARIF and JUnit: each file's part is rendered by the thread that
/// checked it and the report dropped; the parts are written in the
/// document's order as chunks complete, between the head and the tail.
pub fn whole_run(
    run: &Run,
    format: &dyn WholeRun,
    found: Vec<FileError>,
    mut sink: Sink,
) -> Result<Finished, String> {
    let order = format.order();
    // The paths as the reports give them: the document sorts by these.
    let paths: Vec<String> = run
        .jobs
        .iter()
        .map(|j| j.path.display().to_string())
        .collect();
    // Checked in the document's order, each chunk's parts can go as soon
    // as it is done; in the order found, a later folder that sorts first
    // would hold every part back. (`--fix` notes follow the same order.)
    let mut sequence = in_order(run.jobs);
    if order == Order::ByPath {
        sequence.sort_by(|&a, &b| paths[a].cmp(&paths[b]));
    }
    let mut doc = Assembly::new(format);
    for (i, e) in found.iter().enumerate() {
        doc.add(order.unreadable(&e.path, i), Entry::Unreadable(e.clone()));
    }
    if format.fixed_head() {
        sink.write(&doc.head(&[]))?;
    }
    let mut unreadable = Vec::new();
    let render = |o: &mut Outcome| o.report.take().map(|r| FilePart::of(format, &r));
    run.in_chunks(&sequence, render, |done, next| {
        for (i, o, part) in done {
            if let Some(part) = part {
                doc.add(order.checked(&paths[i], i), Entry::Checked(part));
            }
            if let Some(e) = o.error {
                // After the ones found before checking, as `render` has them.
                let at = order.unreadable(&e.path, found.len() + i);
                doc.add(at, Entry::Unreadable(e.clone()));
                unreadable.push((i, e));
            }
        }
        let next = next.map(|i| order.checked(&paths[i], i));
        sink.write(&doc.release(next.as_ref()))
    })?;
    sink.write(&doc.release(None))?;
    unreadable.sort_by_key(|(i, _)| *i);
    let mut errors = found;
    errors.extend(unreadable.into_iter().map(|(_, e)| e));
    let head = if format.fixed_head() {
        String::new()
    } else {
        doc.head(&errors)
    };
    let mut tail = doc.tail();
    if output::ends_with_newline(run.args.format) {
        tail.push('\n');
    }
    sink.finish(&head, &tail)?;
    Ok(Finished {
        summary: doc.totals().summary,
        errors,
    })
}

/// `--diff`: each chunk's diffs. Returns whether any file would change, and
/// the files that could not be read.
pub fn diffs(
    run: &Run,
    found: Vec<FileError>,
    mut sink: Sink,
) -> Result<(bool, Vec<FileError>), String> {
    let mut errors = found;
    let mut changed = false;
    let drop_report = |o: &mut Outcome| o.report = None;
    run.in_chunks(&in_order(run.jobs), drop_report, |done, _| {
        let mut text = String::new();
        for (_, o, ()) in done {
            text.push_str(&o.diff);
            errors.extend(o.error);
        }
        changed |= !text.is_empty();
        sink.write(&text)
    })?;
    sink.finish("", "")?;
    Ok((changed, errors))
}

impl Run<'_> {
    /// Checks the jobs in `sequence` a chunk at a time. `prepare` runs on
    /// the checking thread (to render or drop what is not kept); `each`
    /// gets a chunk's outcomes in order, with the next job to be checked.
    /// Notes go to stderr in the same order.
    ///
    /// The chunks are checked on a thread of their own while this one
    /// writes: the next chunk is being checked while a chunk's output is
    /// written, and at most one finished chunk waits, so memory stays
    /// bounded.
    fn in_chunks<P: Send>(
        &self,
        sequence: &[usize],
        prepare: impl Fn(&mut Outcome) -> P + Sync + Send,
        mut each: impl FnMut(Vec<(usize, Outcome, P)>, Option<usize>) -> Result<(), String>,
    ) -> Result<(), String> {
        let check_chunk = |chunk: &[usize]| {
            parallel(self.pool, chunk, |&i| {
                let mut outcome = process(&self.jobs[i], self.configs, self.args);
                let prepared = prepare(&mut outcome);
                self.progress.done_one();
                (i, outcome, prepared)
            })
        };
        // Writes one chunk's notes and output; `false` once writing failed.
        let mut result = Ok(());
        let mut n = 0;
        let mut deliver = |done: Vec<(usize, Outcome, P)>| {
            for (_, o, _) in &done {
                for note in &o.notes {
                    eprintln!("{note}");
                }
            }
            n += 1;
            result = each(done, sequence.get(n * CHUNK).copied());
            result.is_ok()
        };
        std::thread::scope(|scope| {
            let (sender, receiver) = std::sync::mpsc::sync_channel(1);
            let checker = std::thread::Builder::new().spawn_scoped(scope, move || {
                for chunk in sequence.chunks(CHUNK) {
                    // The writer has stopped (it could not write): stop too.
                    if sender.send(check_chunk(chunk)).is_err() {
                        break;
                    }
                }
            });
            if checker.is_ok() {
                // Leaving the loop drops the receiver, which ends the
                // checking thread.
                for done in receiver {
                    if !deliver(done) {
                        break;
                    }
                }
            } else {
                // No thread to spare: check and write in turn.
                for chunk in sequence.chunks(CHUNK) {
                    if !deliver(check_chunk(chunk)) {
                        break;
                    }
                }
            }
        });
        self.progress.finish();
        result
    }
}

/// Every job, in the order found.
fn in_order(jobs: &[Job]) -> Vec<usize> {
    (0..jobs.len()).collect()
}

/// `f` over the items on the pool (one at a time without one), results in
/// the items' order.
fn parallel<T: Sync, R: Send>(
    pool: Option<&rayon::ThreadPool>,
    items: &[T],
    f: impl Fn(&T) -> R + Sync + Send,
) -> Vec<R> {
    match pool {
        Some(pool) => pool.install(|| items.par_iter().map(&f).collect()),
        None => items.iter().map(f).collect(),
    }
}
