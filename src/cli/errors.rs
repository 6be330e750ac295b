//! Usage errors in Swedish, like the rest of the command line.
//!
//! clap words its errors in English. For the kinds a user meets (an unknown flag or command,
//! a bad or missing value) the message is rebuilt here from the error's context; any other
//! kind keeps clap's own text.

use clap::error::{ContextKind, ContextValue, Error, ErrorKind};

/// The Swedish message for a usage error, with the usage line and where to read more, or
/// `None` when clap's own output should stand (help, version, and rare kinds).
#[must_use]
pub fn swedish(e: &Error, command_path: &str) -> Option<String> {
    let get = |kind: ContextKind| e.get(kind);
    let arg = text(get(ContextKind::InvalidArg));
    let value = text(get(ContextKind::InvalidValue));
    let mut out = match e.kind() {
        ErrorKind::UnknownArgument => {
            let mut m = format!("okänd flagga eller argument: {}", quoted(&arg?));
            if let Some(s) = text(get(ContextKind::SuggestedArg)) {
                m.push_str(&format!("\n  menade du {}?", quoted(&s)));
            }
            m
        }
        ErrorKind::InvalidSubcommand => {
            let mut m = format!(
                "okänt kommando: {}",
                quoted(&text(get(ContextKind::InvalidSubcommand))?)
            );
            if let Some(s) = text(get(ContextKind::SuggestedSubcommand)) {
                m.push_str(&format!("\n  menade du {}?", quoted(&s)));
            }
            m
        }
        ErrorKind::InvalidValue => {
            let arg = arg?;
            let mut m = match value.as_deref() {
                Some("") | None => format!("{} behöver ett värde", quoted(&arg)),
                Some(v) => format!("ogiltigt värde {} för {}", quoted(v), quoted(&arg)),
            };
            if let Some(valid) = text(get(ContextKind::ValidValue)) {
                m.push_str(&format!("\n  möjliga värden: {valid}"));
            }
            m
        }
        ErrorKind::ValueValidation => {
            let reason = std::error::Error::source(e).map(|r| {
                if r.downcast_ref::<std::num::ParseIntError>().is_some() {
                    "ska vara ett heltal".to_string()
                } else {
                    range_in_swedish(&r.to_string()).unwrap_or_else(|| r.to_string())
                }
            });
            let mut m = format!("ogiltigt värde {} för {}", quoted(&value?), quoted(&arg?));
            if let Some(r) = reason {
                m.push_str(&format!(": {r}"));
            }
            m
        }
        ErrorKind::MissingRequiredArgument => {
            format!("det här saknas: {}", arg?)
        }
        ErrorKind::ArgumentConflict => {
            let prior = text(get(ContextKind::PriorArg));
            match prior {
                Some(p) => format!(
                    "{} går inte att ange tillsammans med {}",
                    quoted(&arg?),
                    quoted(&p)
                ),
                None => format!("{} går inte att ange här", quoted(&arg?)),
            }
        }
        _ => return None,
    };
    if let Some(usage) = text(get(ContextKind::Usage)) {
        let usage = usage.replacen("Usage:", "Användning:", 1);
        out.push_str(&format!("\n\n{}", usage.trim_end()));
    }
    out.push_str(&format!("\n\nMer hjälp: {command_path} --help"));
    Some(format!("fel: {out}\n"))
}

/// clap's message for a number outside a range (`0 is not in 1..=4294967295`) in Swedish.
fn range_in_swedish(message: &str) -> Option<String> {
    let (_, range) = message.split_once(" is not in ")?;
    let (lo, hi) = range.split_once("..=")?;
    let big = |v: &str| v.len() >= 10;
    Some(if big(hi) {
        format!("ska vara minst {lo}")
    } else {
        format!("ska vara mellan {lo} och {hi}")
    })
}

/// A context value as plain text; lists joined with `, `.
fn text(v: Option<&ContextValue>) -> Option<String> {
    match v? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(list) => Some(list.join(", ")),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::StyledStrs(list) => Some(
            list.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", "),
        ),
        ContextValue::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn quoted(s: &str) -> String {
    format!("”{s}”")
}
