//! A list too long to hold in memory: the rows around the selection, and
//! where they sit in the whole list. Moving reads more rows by keyset only
//! when the selection comes within `span` rows of the loaded edge, so a
//! keystroke usually reads nothing, and never more than a page.

use crate::store::{self, Key, List, Listed, Page, Store};

#[derive(Debug, Clone)]
pub struct Window<T> {
    pub list: List,
    /// Items in the whole list.
    pub total: usize,
    /// Index in the whole list of `rows[0]`.
    pub start: usize,
    pub rows: Vec<T>,
    /// Index in the whole list of the selected item.
    pub sel: usize,
}

/// Rows kept either side of the selection, in spans: enough that a page
/// key or a screen of any height stays inside what is loaded.
const KEEP: usize = 3;

impl<T> Window<T> {
    pub fn selected(&self) -> Option<&T> {
        self.get(self.sel)
    }

    /// Item `index` of the whole list, if it is loaded.
    pub fn get(&self, index: usize) -> Option<&T> {
        self.rows.get(index.checked_sub(self.start)?)
    }

    pub fn is_empty(&self) -> bool {
        self.total == 0
    }
}

impl<T: Listed> Window<T> {
    /// The window with the selection on the first item at or after `at`
    /// (the last item if there is none): `Key::FIRST` for the top,
    /// `Key::LAST` for the bottom, an item's key to land on it — or on its
    /// successor when it has gone.
    pub fn load(store: &Store, list: List, at: Key, span: usize) -> store::Result<Window<T>> {
        store.snapshot(|s| {
            let total = s.count(&list)?;
            let mut rows: Vec<T> = s.page(&list, Page::Before(at), span)?;
            let before = rows.len();
            rows.extend(s.page::<T>(&list, Page::From(at), span + 1)?);
            let rank = s.rank(&list, at)?;
            let start = rank.saturating_sub(before);
            let sel = if rows.len() > before {
                rank
            } else {
                (start + rows.len()).saturating_sub(1)
            };
            Ok(Window {
                list,
                total: total.max(start + rows.len()),
                start,
                rows,
                sel,
            })
        })
    }

    /// The same place after the data changed: the selection stays on its
    /// item, or moves to the next one if it was deleted.
    pub fn reload(&self, store: &Store, span: usize) -> store::Result<Window<T>> {
        let at = self.selected().map_or(Key::FIRST, Listed::key);
        Window::load(store, self.list.clone(), at, span)
    }

    /// The window on item `id`, or where it was if it is not in the list.
    pub fn load_on(&self, store: &Store, id: i64, span: usize) -> store::Result<Window<T>> {
        match store.key_of(&self.list, id)? {
            Some(at) => Window::load(store, self.list.clone(), at, span),
            None => self.reload(store, span),
        }
    }

    /// Selects item `to` (clamped to the list), first reading whatever is
    /// missing within `span` of it.
    pub fn select(&mut self, store: &Store, to: usize, span: usize) -> store::Result<()> {
        if self.total == 0 {
            self.sel = 0;
            return Ok(());
        }
        let to = to.min(self.total - 1);
        let lo = to.saturating_sub(span);
        let hi = (to + span).min(self.total - 1);
        if self.rows.is_empty() {
            *self = Window::load(store, self.list.clone(), Key::FIRST, span)?;
        }
        while self.start + self.rows.len() <= hi {
            let Some(last) = self.rows.last().map(Listed::key) else {
                break;
            };
            let more: Vec<T> = store.page(&self.list, Page::After(last), span * 2)?;
            if more.is_empty() {
                // Someone deleted rows since we counted.
                self.total = self.start + self.rows.len();
                break;
            }
            self.rows.extend(more);
        }
        while self.start > lo {
            let Some(first) = self.rows.first().map(Listed::key) else {
                break;
            };
            let more: Vec<T> = store.page(&self.list, Page::Before(first), span * 2)?;
            if more.is_empty() {
                self.start = 0;
                break;
            }
            self.start = self.start.saturating_sub(more.len());
            self.rows.splice(0..0, more);
        }
        self.total = self.total.max(self.start + self.rows.len());
        self.sel = to.min(self.total.saturating_sub(1));
        self.trim(span);
        Ok(())
    }

    /// Drops rows far from the selection so memory stays bounded however
    /// far the planner scrolls.
    fn trim(&mut self, span: usize) {
        let keep = KEEP * span;
        let lo = self.sel.saturating_sub(keep);
        if lo > self.start {
            self.rows.drain(..lo - self.start);
            self.start = lo;
        }
        let hi = self.sel + keep + 1;
        if self.start + self.rows.len() > hi {
            self.rows.truncate(hi - self.start);
        }
    }

    /// Moves by `by` items, or to an end.
    pub fn move_by(
        &mut self,
        store: &Store,
        by: isize,
        to_end: Option<bool>,
        span: usize,
    ) -> store::Result<()> {
        match to_end {
            Some(false) => *self = Window::load(store, self.list.clone(), Key::FIRST, span)?,
            Some(true) => *self = Window::load(store, self.list.clone(), Key::LAST, span)?,
            None => {
                let to = self
                    .sel
                    .saturating_add_signed(by)
                    .min(self.total.saturating_sub(1));
                self.select(store, to, span)?;
            }
        }
        Ok(())
    }
}
