//! Views mounted a part per task (issue 18: total blocking time): the page's main thread is
//! never held long, and the browser can paint and answer the reader in between.

use leptos::prelude::*;

/// How far a view is mounted: part 0 with the view, then one part more per task up to its
/// last.
#[derive(Clone, Copy)]
pub struct Stage {
    part: RwSignal<u8>,
    last: u8,
}

impl Stage {
    /// A view of parts 0 to `last`, with part 0 mounted.
    pub fn new(last: u8) -> Stage {
        Stage { part: RwSignal::new(0), last }
    }

    /// Adds the other parts, one per task from this one, unless that has started (or the
    /// view is gone).
    pub fn start(self) {
        if self.part.try_get_untracked() == Some(0) {
            self.next();
        }
    }

    fn next(self) {
        let Some(part) = self.part.try_get_untracked().map(|p| p + 1) else { return };
        if part <= self.last && self.part.try_set(part).is_none() && part < self.last {
            set_timeout(move || self.next(), std::time::Duration::ZERO);
        }
    }

    /// True once part `n` is in the page (a memo: it changes once).
    pub fn from(self, n: u8) -> Memo<bool> {
        Memo::new(move |_| self.part.get() >= n)
    }

    /// The last part in the page (tracked).
    pub fn part(self) -> u8 {
        self.part.get()
    }

    /// True once every part is in the page (tracked).
    pub fn whole(self) -> bool {
        self.part.get() >= self.last
    }
}

/// Runs `f` once, the first time `ready` (tracked) is true.
pub fn once(ready: impl Fn() -> bool + 'static, f: impl FnOnce() + 'static) {
    let mut f = Some(f);
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) || !ready() {
            return done.unwrap_or(false);
        }
        if let Some(f) = f.take() {
            f();
        }
        true
    });
}
