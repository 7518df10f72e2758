//! The names and units logins are shown by (`user set`, `user list`).

use super::error::{Error, Result};
use super::handle::Store;
use super::sql::{self, args};
use crate::domain::people::{Names, Person};
use crate::domain::refusal::{Field, Refusal};
use crate::domain::typed::{typed_name, typed_party};

impl Store {
    /// Names `login` (`lihua` → 李华, 经济发展局); what is left out keeps
    /// what it was. Returns the person as now.
    pub fn set_person(
        &mut self,
        login: &str,
        name: Option<&str>,
        unit: Option<&str>,
    ) -> Result<Person> {
        let login = typed_name(login, Field::Login).map_err(Error::Invalid)?;
        let name = name
            .map(|n| typed_party(n, Field::PersonName))
            .transpose()
            .map_err(Error::Invalid)?;
        let unit = unit
            .map(|u| typed_party(u, Field::PersonUnit))
            .transpose()
            .map_err(Error::Invalid)?;
        if name.is_none() && unit.is_none() {
            return Err(Error::Invalid(Refusal::NothingToChange));
        }
        let now = self.clock.now_text();
        let author = self.author.clone();
        self.write_any("naming a person", |tx| {
            tx.exec(
                "naming a person",
                "INSERT INTO person (login, name, unit, updated_at, updated_by)
                 VALUES (?1, coalesce(?2, ''), coalesce(?3, ''), ?4, ?5)
                 ON CONFLICT (login) DO UPDATE SET
                     name = coalesce(?2, person.name), unit = coalesce(?3, person.unit),
                     updated_at = ?4, updated_by = ?5",
                args![&login, &name, &unit, &now, &author],
            )?;
            sql::one(
                tx,
                "naming a person",
                "SELECT login, name, unit FROM person WHERE login = ?1",
                args![&login],
                |r| {
                    Ok(Person {
                        login: r.text(0)?,
                        name: r.text(1)?,
                        unit: r.text(2)?,
                    })
                },
            )?
            .ok_or_else(|| Error::Internal("a person just named is not there".into()))
        })
    }

    /// Everyone named, by login.
    pub fn people(&self) -> Result<Vec<Person>> {
        sql::rows(
            self.db(),
            "reading the people",
            "SELECT login, name, unit FROM person ORDER BY login",
            &[],
            |r| {
                Ok(Person {
                    login: r.text(0)?,
                    name: r.text(1)?,
                    unit: r.text(2)?,
                })
            },
        )
    }

    /// The names, to show people by.
    pub fn names(&self) -> Result<Names> {
        Ok(Names::of(self.people()?))
    }
}
