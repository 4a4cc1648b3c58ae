//! Progress of a batch run on standard error: a bar with documents per second and the time
//! left when standard error is a terminal, nothing otherwise (logs and CI stay clean).
//! Documents that could not be read are reported on standard error as they come, above the
//! bar.

use std::io::IsTerminal;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::batch::Observer;
use crate::summary::DocSummary;

pub struct Progress {
    bar: ProgressBar,
    started: Instant,
    documents: u64,
}

impl Progress {
    /// A bar over `total` input bytes (unknown for standard input: a spinner), shown only
    /// when `enabled` and standard error is a terminal.
    pub fn new(total: Option<u64>, enabled: bool) -> Progress {
        let visible = enabled && std::io::stderr().is_terminal();
        let target = if visible {
            ProgressDrawTarget::stderr()
        } else {
            ProgressDrawTarget::hidden()
        };
        let bar = ProgressBar::with_draw_target(total, target);
        let template = if total.is_some() {
            "{spinner} {elapsed_precise} [{wide_bar}] {percent:>3}% {msg} ETA {eta}"
        } else {
            "{spinner} {elapsed_precise} {msg}"
        };
        if let Ok(style) = ProgressStyle::with_template(template) {
            bar.set_style(style.progress_chars("=> "));
        }
        if visible {
            bar.enable_steady_tick(Duration::from_millis(200));
        }
        Progress {
            bar,
            started: Instant::now(),
            documents: 0,
        }
    }

    /// Clears the bar at the end of the run.
    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

impl Observer for Progress {
    fn document(&mut self, doc: &DocSummary, consumed: u64) {
        if let Some(error) = &doc.error {
            self.bar.suspend(|| eprintln!("mtlint: {error}"));
        }
        self.documents += 1;
        self.bar.set_position(consumed);
        let seconds = self.started.elapsed().as_secs_f64().max(1e-3);
        self.bar.set_message(format!(
            "{} documents, {:.0} docs/s",
            self.documents,
            self.documents as f64 / seconds
        ));
    }
}
