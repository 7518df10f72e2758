//! People by name: a login (`lihua`, or on PostgreSQL a role with the Unix
//! user beside it, `wang_li (wangli)`) shown as the name and unit an office
//! reads (`李华`, `经济发展局`). A login nobody named is shown as it is.

use std::collections::HashMap;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub login: String,
    pub name: String,
    pub unit: String,
}

/// The names known, by login.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Names(HashMap<String, Person>);

impl Names {
    pub fn of(people: impl IntoIterator<Item = Person>) -> Names {
        Names(people.into_iter().map(|p| (p.login.clone(), p)).collect())
    }

    /// Who `author` (as the history records them) is: the login itself,
    /// or on a server the role before the Unix user in brackets.
    fn find(&self, author: &str) -> Option<&Person> {
        self.0.get(author).or_else(|| {
            let role = author.split_once(" (").map(|(role, _)| role)?;
            self.0.get(role)
        })
    }

    /// `李华`, or the login when nobody gave it a name.
    pub fn said(&self, author: &str) -> String {
        match self.find(author) {
            Some(p) if !p.name.is_empty() => p.name.clone(),
            _ => author.to_owned(),
        }
    }

    /// `李华(经济发展局)`: a name with its unit, for who made a report.
    pub fn with_unit(&self, author: &str) -> String {
        match self.find(author) {
            Some(p) if !p.name.is_empty() && !p.unit.is_empty() => {
                format!("{}({})", p.name, p.unit)
            }
            _ => self.said(author),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_login_reads_as_its_name_and_a_stranger_as_itself() {
        let names = Names::of([
            Person {
                login: "lihua".into(),
                name: "李华".into(),
                unit: "经济发展局".into(),
            },
            Person {
                login: "wang_li".into(),
                name: "王丽".into(),
                unit: String::new(),
            },
        ]);
        assert_eq!(names.said("lihua"), "李华");
        assert_eq!(names.with_unit("lihua"), "李华(经济发展局)");
        // A server's author: the role, then the Unix user.
        assert_eq!(names.said("wang_li (wangli)"), "王丽");
        assert_eq!(names.with_unit("wang_li (wangli)"), "王丽");
        assert_eq!(names.said("root"), "root");
    }
}
