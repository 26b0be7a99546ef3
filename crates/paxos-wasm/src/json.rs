//! A minimal serde serializer that writes compact JSON into a `String`, for the page module.
//!
//! Why not `serde-wasm-bindgen` or `serde_json`: every `Serialize` impl is instantiated once
//! per serializer, and those two inline a lot of code at each field (boundary calls into JS,
//! or an `io::Write` pipeline with its error machinery). This one keeps the per-field glue to
//! a call of a few small, non-generic helpers, which is what the 60 KB gzip budget for the
//! page's module needs (see docs/BENCHMARKS.md for the measured sizes). JS gets the result
//! through one `JSON.parse`, so the objects it sees are exactly what `serde_json` would give.
//!
//! Scope: the playground's data has no floating-point numbers, so floats are refused (an
//! error, never a panic) rather than pulling in float formatting. Map keys that serialise as
//! numbers are quoted, as `serde_json` does.

use serde::ser::{self, Serialize};

/// The only failure: a type this serializer does not support (floats), or a derive's own
/// error. The binding reports it as "serialise: unsupported value".
#[derive(Debug)]
pub struct Error;

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("unsupported value")
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: std::fmt::Display>(_message: T) -> Error {
        Error
    }
}

/// Serialises `value` as compact JSON.
pub fn to_string<T: Serialize + ?Sized>(value: &T) -> Result<String, Error> {
    let mut serializer = Serializer { out: String::with_capacity(256) };
    value.serialize(&mut serializer)?;
    Ok(serializer.out)
}

pub struct Serializer {
    out: String,
}

impl Serializer {
    #[inline(never)]
    fn push(&mut self, text: &str) {
        self.out.push_str(text);
    }

    #[inline(never)]
    fn unsigned(&mut self, n: u64) {
        // (Digits are ASCII: whole UTF-8.)
        self.run(paxos::scenario::decimal(n, &mut [0; 20]));
    }

    #[inline(never)]
    fn signed(&mut self, n: i64) {
        if n < 0 {
            self.out.push('-');
        }
        self.unsigned(n.unsigned_abs());
    }

    /// `text` quoted, copied in runs between the characters that need escaping: a
    /// snapshot is some 16 kB of mostly plain text, written at every step. (Those characters
    /// are ASCII, and no byte of a multi-byte character is ASCII, so every cut is at a
    /// character boundary and every run is whole UTF-8.)
    #[inline(never)]
    fn string(&mut self, text: &str) {
        self.out.push('"');
        let bytes = text.as_bytes();
        let mut run = 0;
        for (at, &byte) in bytes.iter().enumerate() {
            if byte != b'"' && byte != b'\\' && byte >= 0x20 {
                continue;
            }
            self.run(&bytes[run..at]);
            run = at + 1;
            match byte {
                b'"' => self.out.push_str("\\\""),
                b'\\' => self.out.push_str("\\\\"),
                _ => {
                    const HEX: &[u8; 16] = b"0123456789abcdef";
                    let n = usize::from(byte);
                    self.out.push_str("\\u00");
                    self.out.push(char::from(HEX[n >> 4]));
                    self.out.push(char::from(HEX[n & 15]));
                }
            }
        }
        self.run(&bytes[run..]);
        self.out.push('"');
    }

    /// Bytes known to be whole UTF-8 (a run of a string's, cut at character boundaries;
    /// digits), checked again rather than sliced as a `str`: a `str` slice brings its panic
    /// message's formatting, 4 kB gzip.
    fn run(&mut self, bytes: &[u8]) {
        self.out.push_str(core::str::from_utf8(bytes).unwrap_or_default());
    }

    /// Opens `{"variant":` for the externally tagged enum variants.
    #[inline(never)]
    fn open_variant(&mut self, variant: &str) {
        self.out.push('{');
        self.string(variant);
        self.out.push(':');
    }

    #[inline(never)]
    fn open(&mut self, bracket: char) -> Compound<'_> {
        self.out.push(bracket);
        Compound { ser: self, first: true, close_variant: false }
    }

    /// `{"variant":[` or `{"variant":{`, closed with the extra `}` by the compound's end.
    fn open_in_variant(&mut self, variant: &str, bracket: char) -> Compound<'_> {
        self.open_variant(variant);
        Compound { close_variant: true, ..self.open(bracket) }
    }
}

/// A JSON object written field by field with non-generic calls, for the facts of the core's
/// errors: serde's derives of their enums cost 1.3 kB gzip in the page's module.
pub struct Object {
    ser: Serializer,
    first: bool,
}

impl Object {
    /// `{}` to be filled.
    pub fn empty() -> Object {
        let mut object = Object { ser: Serializer { out: String::with_capacity(64) }, first: true };
        object.ser.out.push('{');
        object
    }

    /// `{"kind": kind, ...}`.
    pub fn new(kind: &str) -> Object {
        Object::empty().text("kind", kind)
    }

    #[inline(never)]
    fn key(&mut self, key: &str) {
        if !self.first {
            self.ser.out.push(',');
        }
        self.first = false;
        self.ser.string(key);
        self.ser.out.push(':');
    }

    #[inline(never)]
    pub fn text(mut self, key: &str, value: &str) -> Object {
        self.key(key);
        self.ser.string(value);
        self
    }

    #[inline(never)]
    pub fn number(mut self, key: &str, value: u64) -> Object {
        self.key(key);
        self.ser.unsigned(value);
        self
    }

    /// `value`: JSON already (an object written by another `Object`, or `null`).
    #[inline(never)]
    pub fn json(mut self, key: &str, value: &str) -> Object {
        self.key(key);
        self.ser.push(value);
        self
    }

    #[inline(never)]
    pub fn texts(mut self, key: &str, values: &[String]) -> Object {
        self.key(key);
        self.ser.out.push('[');
        for (i, value) in values.iter().enumerate() {
            if i > 0 {
                self.ser.out.push(',');
            }
            self.ser.string(value);
        }
        self.ser.out.push(']');
        self
    }

    /// The fields of `object` (JSON of an object, `{...}`) as this object's own, in order:
    /// what `#[serde(flatten)]` does, without its generic map machinery.
    #[inline(never)]
    pub fn fields(mut self, object: &str) -> Object {
        let inner = object.get(1..object.len().saturating_sub(1)).unwrap_or("");
        if !inner.is_empty() {
            if !self.first {
                self.ser.out.push(',');
            }
            self.first = false;
            self.ser.push(inner);
        }
        self
    }

    pub fn finish(mut self) -> String {
        self.ser.out.push('}');
        self.ser.out
    }
}

/// A JSON array or object being written; `close_variant` adds the `}` of `{"variant":...}`.
pub struct Compound<'a> {
    ser: &'a mut Serializer,
    first: bool,
    close_variant: bool,
}

impl Compound<'_> {
    #[inline(never)]
    fn comma(&mut self) {
        if !self.first {
            self.ser.out.push(',');
        }
        self.first = false;
    }

    #[inline(never)]
    fn key(&mut self, key: &str) {
        self.comma();
        self.ser.string(key);
        self.ser.out.push(':');
    }

    #[inline(never)]
    fn close(self, bracket: char) {
        self.ser.out.push(bracket);
        if self.close_variant {
            self.ser.out.push('}');
        }
    }

    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.comma();
        value.serialize(&mut *self.ser)
    }

    fn field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), Error> {
        self.key(key);
        value.serialize(&mut *self.ser)
    }
}

impl<'a> ser::Serializer for &'a mut Serializer {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = Compound<'a>;
    type SerializeTupleStruct = Compound<'a>;
    type SerializeTupleVariant = Compound<'a>;
    type SerializeMap = Compound<'a>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = Compound<'a>;

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.push(if v { "true" } else { "false" });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result<(), Error> {
        self.signed(i64::from(v));
        Ok(())
    }
    fn serialize_i16(self, v: i16) -> Result<(), Error> {
        self.signed(i64::from(v));
        Ok(())
    }
    fn serialize_i32(self, v: i32) -> Result<(), Error> {
        self.signed(i64::from(v));
        Ok(())
    }
    fn serialize_i64(self, v: i64) -> Result<(), Error> {
        self.signed(v);
        Ok(())
    }
    fn serialize_u8(self, v: u8) -> Result<(), Error> {
        self.unsigned(u64::from(v));
        Ok(())
    }
    fn serialize_u16(self, v: u16) -> Result<(), Error> {
        self.unsigned(u64::from(v));
        Ok(())
    }
    fn serialize_u32(self, v: u32) -> Result<(), Error> {
        self.unsigned(u64::from(v));
        Ok(())
    }
    fn serialize_u64(self, v: u64) -> Result<(), Error> {
        self.unsigned(v);
        Ok(())
    }
    fn serialize_f32(self, _v: f32) -> Result<(), Error> {
        Err(Error)
    }
    fn serialize_f64(self, _v: f64) -> Result<(), Error> {
        Err(Error)
    }
    fn serialize_char(self, v: char) -> Result<(), Error> {
        self.string(v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result<(), Error> {
        self.string(v);
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), Error> {
        let mut seq = self.open('[');
        for byte in v {
            seq.comma();
            seq.ser.unsigned(u64::from(*byte));
        }
        seq.close(']');
        Ok(())
    }
    fn serialize_none(self) -> Result<(), Error> {
        self.push("null");
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Error> {
        self.push("null");
        Ok(())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Error> {
        self.push("null");
        Ok(())
    }
    fn serialize_unit_variant(self, _name: &'static str, _index: u32, variant: &'static str) -> Result<(), Error> {
        self.string(variant);
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _name: &'static str, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.open_variant(variant);
        value.serialize(&mut *self)?;
        self.out.push('}');
        Ok(())
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Compound<'a>, Error> {
        Ok(self.open('['))
    }
    fn serialize_tuple(self, _len: usize) -> Result<Compound<'a>, Error> {
        Ok(self.open('['))
    }
    fn serialize_tuple_struct(self, _name: &'static str, _len: usize) -> Result<Compound<'a>, Error> {
        Ok(self.open('['))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'a>, Error> {
        Ok(self.open_in_variant(variant, '['))
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Compound<'a>, Error> {
        Ok(self.open('{'))
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Compound<'a>, Error> {
        Ok(self.open('{'))
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'a>, Error> {
        Ok(self.open_in_variant(variant, '{'))
    }
}

/// serde's four list-like traits differ only in their names: one body for all of them.
macro_rules! list_like {
    ($($trait_:ident :: $method:ident),*) => {$(
        impl ser::$trait_ for Compound<'_> {
            type Ok = ();
            type Error = Error;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
                self.element(value)
            }
            fn end(self) -> Result<(), Error> {
                self.close(']');
                Ok(())
            }
        }
    )*};
}

list_like!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        self.comma();
        let start = self.ser.out.len();
        key.serialize(&mut *self.ser)?;
        quote_key(&mut self.ser.out, start);
        self.ser.out.push(':');
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        value.serialize(&mut *self.ser)
    }
    fn end(self) -> Result<(), Error> {
        self.close('}');
        Ok(())
    }
}

/// JSON object keys are strings: a key that serialised as something else (a number) is
/// wrapped in quotes, as `serde_json` does.
#[inline(never)]
fn quote_key(out: &mut String, start: usize) {
    // A byte test rather than `out[start..]`, whose str-slicing panic path costs kilobytes.
    if out.as_bytes().get(start) != Some(&b'"') {
        out.insert(start, '"');
        out.push('"');
    }
}

/// And the two struct-like ones.
macro_rules! struct_like {
    ($($trait_:ident),*) => {$(
        impl ser::$trait_ for Compound<'_> {
            type Ok = ();
            type Error = Error;
            fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), Error> {
                self.field(key, value)
            }
            fn end(self) -> Result<(), Error> {
                self.close('}');
                Ok(())
            }
        }
    )*};
}

struct_like!(SerializeStruct, SerializeStructVariant);

#[cfg(test)]
mod tests {
    use super::to_string;
    use serde::Serialize;
    use std::collections::BTreeMap;

    /// Every shape serde produces, compared with serde_json's output for the same value.
    #[derive(Serialize)]
    #[serde(tag = "type", rename_all = "kebab-case")]
    enum Tagged {
        Unit,
        Fields { a: u8, b: Option<u32> },
    }

    #[derive(Serialize)]
    enum External {
        Unit,
        Newtype(i32),
        Tuple(u8, &'static str),
        Struct { x: i64 },
    }

    #[derive(Serialize)]
    struct Inner {
        tag: &'static str,
    }

    #[derive(Serialize)]
    struct Everything {
        yes: bool,
        small: i8,
        big: u64,
        negative: i64,
        text: &'static str,
        letter: char,
        none: Option<u8>,
        some: Option<Vec<u16>>,
        unit: (),
        pair: (u8, bool),
        tagged: Vec<Tagged>,
        external: Vec<External>,
        numbered: BTreeMap<u32, &'static str>,
        named: BTreeMap<&'static str, u8>,
        #[serde(flatten)]
        inner: Inner,
        #[serde(flatten)]
        tag: Tagged,
    }

    #[test]
    fn matches_serde_json() {
        let value = Everything {
            yes: true,
            small: -128,
            big: u64::MAX,
            negative: i64::MIN,
            text: "quote \" backslash \\ newline \n tab \t bell \u{7} 中文 é",
            letter: '"',
            none: None,
            some: Some(vec![0, 1, 65535]),
            unit: (),
            pair: (7, false),
            tagged: vec![Tagged::Unit, Tagged::Fields { a: 1, b: None }, Tagged::Fields { a: 2, b: Some(3) }],
            external: vec![External::Unit, External::Newtype(-5), External::Tuple(1, "t"), External::Struct { x: -1 }],
            numbered: [(1, "one"), (20, "twenty")].into_iter().collect(),
            named: [("a", 1)].into_iter().collect(),
            inner: Inner { tag: "inner" },
            tag: Tagged::Fields { a: 9, b: Some(10) },
        };
        let ours: serde_json::Value = serde_json::from_str(&to_string(&value).unwrap()).unwrap();
        assert_eq!(ours, serde_json::to_value(&value).unwrap());
    }

    #[test]
    fn objects_written_by_hand_are_json() {
        let inner = super::Object::new("inner").number("n", 7).finish();
        let text = super::Object::new("outer \"q\"")
            .text("s", "a\\b")
            .texts("list", &["x".into(), "y\n".into()])
            .json("inner", &inner)
            .json("none", "null")
            .finish();
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        let expected = serde_json::json!({"kind": "outer \"q\"", "s": "a\\b", "list": ["x", "y\n"], "inner": {"kind": "inner", "n": 7}, "none": null});
        assert_eq!(value, expected);
    }

    #[test]
    fn floats_are_refused_not_printed() {
        assert!(to_string(&1.5f64).is_err());
    }
}
