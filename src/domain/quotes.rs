//! The plan's source quotes (原文) for a report's appendix: each passage
//! once, with every item that cites it.

use std::collections::HashMap;

/// A quote of the plan's source document and the items that cite it.
#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    pub body: String,
    pub places: Vec<String>,
}

/// Quotes (place, body) in plan order as one list: each passage once (a
/// note may hold several, a line each), with every place that cites it, in
/// the order first cited.
pub fn quotes(cited: Vec<(String, String)>) -> Vec<Quote> {
    let mut out: Vec<Quote> = Vec::new();
    let mut at: HashMap<String, usize> = HashMap::new();
    let passages = cited.into_iter().flat_map(|(place, body)| {
        body.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(|l| (place.clone(), l.to_owned()))
            .collect::<Vec<_>>()
    });
    for (place, body) in passages {
        match at.get(&body) {
            Some(&i) => {
                if !out[i].places.contains(&place) {
                    out[i].places.push(place);
                }
            }
            None => {
                at.insert(body.clone(), out.len());
                out.push(Quote {
                    body,
                    places: vec![place],
                });
            }
        }
    }
    out
}
