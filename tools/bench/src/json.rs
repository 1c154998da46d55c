//! The one-line JSON report: the report's parts derive `Serialize`, and [`to_line`] writes them
//! with serde_json, every float rounded to three decimals (plenty for rates and milliseconds, and
//! it keeps the line short) and whole ones without a fraction, as the earlier reports have them.

use std::io::{self, Write};

use serde::{Serialize, Serializer};

/// serde_json's compact output, with floats rounded to three decimals.
struct Rounded;

impl serde_json::ser::Formatter for Rounded {
    fn write_f64<W: ?Sized + Write>(&mut self, w: &mut W, v: f64) -> io::Result<()> {
        let rounded = (v * 1000.0).round() / 1000.0;
        let v = if rounded.is_finite() { rounded } else { v };
        if v.fract() == 0.0 && v.abs() < 1e15 {
            write!(w, "{}", v as i64)
        } else {
            write!(w, "{v}")
        }
    }
}

/// `value` as one line of JSON (non-finite floats are `null`).
pub fn to_line(value: &impl Serialize) -> serde_json::Result<String> {
    let mut out = Vec::new();
    value.serialize(&mut serde_json::Serializer::with_formatter(
        &mut out, Rounded,
    ))?;
    Ok(String::from_utf8(out).expect("serde_json writes UTF-8"))
}

/// (key, value) pairs written as one object, keys in their order.
#[derive(Debug, Clone)]
pub struct Keyed<K, V>(pub Vec<(K, V)>);

impl<K: Serialize, V: Serialize> Serialize for Keyed<K, V> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.0.iter().map(|(k, v)| (k, v)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize)]
    struct Sample {
        a: u64,
        b: &'static str,
        c: Vec<f64>,
        d: Option<u64>,
        e: Keyed<&'static str, f64>,
    }

    #[test]
    fn writes_compact_json_with_rounded_floats() {
        let sample = Sample {
            a: 1,
            b: "x\"y\n",
            c: vec![1.5, f64::NAN, 2.0, 1.23456, -0.0004],
            d: None,
            e: Keyed(vec![("z", 7.0), ("y", 0.1 + 0.2)]),
        };
        assert_eq!(
            to_line(&sample).unwrap(),
            r#"{"a":1,"b":"x\"y\n","c":[1.5,null,2,1.235,0],"d":null,"e":{"z":7,"y":0.3}}"#
        );
    }
}
