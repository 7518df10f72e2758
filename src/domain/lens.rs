//! What the panes group the plan's projects by: the 3 directions (the
//! default), the 5 工程, the N areas (民生 and 制度保障), or owners
//! (责任单位). The same drill-down, search, edits and lights in each.

use super::refusal::Refusal;

/// One way of grouping, `L` steps through them in this order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lens {
    #[default]
    Directions,
    Programs,
    Areas,
    Owners,
}

impl Lens {
    pub const ALL: [Lens; 4] = [Lens::Directions, Lens::Programs, Lens::Areas, Lens::Owners];

    pub fn next(self) -> Lens {
        let i = Lens::ALL.iter().position(|l| *l == self).unwrap_or(0);
        Lens::ALL[(i + 1) % Lens::ALL.len()]
    }
}

/// One pane of a lens: which projects it holds.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Group {
    Direction(i64),
    Program(i64),
    Area(i64),
    /// Projects whose 责任单位 is exactly this ('' for none named yet).
    Owner(String),
}

impl Group {
    pub fn lens(&self) -> Lens {
        match self {
            Group::Direction(_) => Lens::Directions,
            Group::Program(_) => Lens::Programs,
            Group::Area(_) => Lens::Areas,
            Group::Owner(_) => Lens::Owners,
        }
    }
}

/// An area as a link may name it: id, code, Chinese and English name.
pub type AreaName = (i64, String, String, String);

/// The areas a planner typed (`就业、教育`, `employment, 党建`), in the
/// order typed, each once; nothing typed unlinks them all. Any name not an
/// area's is refused with the list of those there are.
pub fn typed_areas(text: &str, known: &[AreaName]) -> Result<Vec<i64>, Refusal> {
    let mut ids = Vec::new();
    for word in text
        .split(['、', ',', '，', ';', '；', '/'])
        .map(str::trim)
        .filter(|w| !w.is_empty())
    {
        let want = word.to_lowercase();
        let found = known.iter().find(|(_, code, zh, en)| {
            code.to_lowercase() == want || zh == word || en.to_lowercase() == want
        });
        match found {
            Some((id, ..)) if !ids.contains(id) => ids.push(*id),
            Some(_) => {}
            None => {
                return Err(Refusal::UnknownArea {
                    typed: word.to_owned(),
                    known: known.iter().map(|a| a.2.clone()).collect(),
                });
            }
        }
    }
    Ok(ids)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn l_steps_through_every_lens_and_back() {
        let mut l = Lens::default();
        let mut seen = vec![l];
        for _ in 0..3 {
            l = l.next();
            seen.push(l);
        }
        assert_eq!(seen, Lens::ALL);
        assert_eq!(l.next(), Lens::Directions);
    }

    #[test]
    fn areas_are_named_any_way_the_plan_names_them() {
        let known: Vec<AreaName> = [
            (1, "employment", "就业", "Employment"),
            (4, "party-building", "党建", "Party building"),
        ]
        .into_iter()
        .map(|(i, c, z, e)| (i, c.to_owned(), z.to_owned(), e.to_owned()))
        .collect();
        assert_eq!(typed_areas("党建、就业", &known), Ok(vec![4, 1]));
        assert_eq!(
            typed_areas("employment, 党建，就业", &known),
            Ok(vec![1, 4])
        );
        assert_eq!(typed_areas("  ", &known), Ok(vec![]));
        assert_eq!(
            typed_areas("就业、住房", &known),
            Err(Refusal::UnknownArea {
                typed: "住房".into(),
                known: vec!["就业".into(), "党建".into()]
            })
        );
    }
}
