//! A milestone's readings as the server hands them to the lights, in one
//! text beside the milestone (`2023-06-30=12.5;2023-12-31=40`): a double
//! written by PostgreSQL 12 and later reads back to the same bits.

use crate::store::error::{Error, Result};

/// (day, value) pairs from `string_agg(as_of || '=' || value::text, ';')`.
pub fn readings_of(text: Option<&str>) -> Result<Vec<(String, f64)>> {
    let Some(text) = text.filter(|t| !t.is_empty()) else {
        return Ok(Vec::new());
    };
    text.split(';')
        .map(|pair| {
            let (day, value) = pair
                .split_once('=')
                .ok_or_else(|| Error::Internal(format!("a reading read as {pair:?}")))?;
            let value: f64 = value
                .parse()
                .map_err(|_| Error::Internal(format!("a reading's value read as {value:?}")))?;
            Ok((day.to_owned(), value))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::readings_of;

    #[test]
    fn readings_come_back_as_written() {
        assert_eq!(
            readings_of(Some("2023-06-30=12.5;2023-12-31=0.1")).unwrap(),
            vec![("2023-06-30".into(), 12.5), ("2023-12-31".into(), 0.1)]
        );
        assert!(readings_of(None).unwrap().is_empty());
        assert!(readings_of(Some("2023-06-30")).is_err());
    }
}
