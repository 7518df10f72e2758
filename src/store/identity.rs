//! Which plan a store holds: the identity given to a plan when it is put
//! in (by `init`, an import or a migrate), against which every write is
//! checked, so that nobody's edit lands in a plan that replaced theirs.

/// Which plan a file holds, and when and by whom it was put there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanIdentity {
    pub identity: String,
    pub title: String,
    /// When this plan replaced the one before it ("" for the first plan).
    pub since: String,
    pub by: String,
}

/// What `plan_check` found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanCheck {
    /// Still the plan seen (as it is now: its title may have changed).
    Same(Option<PlanIdentity>),
    /// Another plan replaced the one seen.
    Replaced(PlanIdentity),
}
