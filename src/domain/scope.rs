//! Which part of the plan a list covers: a direction, a 工程, an area, the
//! work of one owner, or any of these together. The agenda, `milestone
//! list` and the lenses all narrow by one of these, so a filter means the
//! same thing wherever a list is made.

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scope {
    pub direction: Option<i64>,
    pub program: Option<i64>,
    pub area: Option<i64>,
    /// Part of a 责任单位 or 责任人, the milestone's own or, when it names
    /// no one, its project's.
    pub owner: Option<String>,
}

impl Scope {
    pub fn everything() -> Scope {
        Scope::default()
    }

    pub fn is_everything(&self) -> bool {
        *self == Scope::default()
    }
}
