//! A bounded `multipart/form-data` parser for the upload form: the body is
//! already in memory (and within the size limit); this only finds the parts.
//! Anything it does not understand is an error, never a guess.

use memchr::memmem;
use thiserror::Error;

/// The most parts a form may have.
const MAX_PARTS: usize = 16;
/// The most bytes of headers one part may have.
const MAX_PART_HEADERS: usize = 8 * 1024;

/// One field of the form.
#[derive(Debug)]
pub struct Part<'a> {
    pub name: String,
    /// Set for a file field.
    pub filename: Option<String>,
    pub data: &'a [u8],
}

#[derive(Debug, Error, PartialEq, Eq)]
pub enum MultipartError {
    #[error("formuläret saknar boundary i Content-Type")]
    NoBoundary,
    #[error("formuläret tar slut mitt i en del")]
    Truncated,
    #[error("formuläret har en del utan Content-Disposition: form-data")]
    NoDisposition,
    #[error("formuläret har fler än {MAX_PARTS} delar")]
    TooManyParts,
    #[error("formulärets delar har för stora huvudfält")]
    HeadersTooLarge,
}

/// The boundary of a `multipart/form-data` content type.
pub fn boundary(content_type: &str) -> Result<String, MultipartError> {
    let mut params = content_type.split(';');
    let kind = params.next().unwrap_or_default().trim();
    if !kind.eq_ignore_ascii_case("multipart/form-data") {
        return Err(MultipartError::NoBoundary);
    }
    params
        .filter_map(|p| p.split_once('='))
        .find(|(k, _)| k.trim().eq_ignore_ascii_case("boundary"))
        .map(|(_, v)| v.trim().trim_matches('"').to_string())
        .filter(|b| !b.is_empty() && b.len() <= 200)
        .ok_or(MultipartError::NoBoundary)
}

/// The parts of a body.
pub fn parse<'a>(body: &'a [u8], boundary: &str) -> Result<Vec<Part<'a>>, MultipartError> {
    let delimiter = format!("--{boundary}");
    let next_delimiter = format!("\r\n--{boundary}");
    let start = memmem::find(body, delimiter.as_bytes()).ok_or(MultipartError::Truncated)?;
    let mut rest = body
        .get(start + delimiter.len()..)
        .ok_or(MultipartError::Truncated)?;
    let mut parts = Vec::new();
    loop {
        if rest.starts_with(b"--") {
            return Ok(parts);
        }
        rest = rest
            .strip_prefix(b"\r\n")
            .ok_or(MultipartError::Truncated)?;
        if parts.len() == MAX_PARTS {
            return Err(MultipartError::TooManyParts);
        }
        let head_end = memmem::find(rest, b"\r\n\r\n").ok_or(MultipartError::Truncated)?;
        if head_end > MAX_PART_HEADERS {
            return Err(MultipartError::HeadersTooLarge);
        }
        let head = String::from_utf8_lossy(rest.get(..head_end).unwrap_or_default());
        let after = rest.get(head_end + 4..).ok_or(MultipartError::Truncated)?;
        let data_end =
            memmem::find(after, next_delimiter.as_bytes()).ok_or(MultipartError::Truncated)?;
        let (name, filename) = disposition(&head).ok_or(MultipartError::NoDisposition)?;
        parts.push(Part {
            name,
            filename,
            data: after.get(..data_end).unwrap_or_default(),
        });
        rest = after
            .get(data_end + next_delimiter.len()..)
            .ok_or(MultipartError::Truncated)?;
    }
}

/// The field name and file name of a part's `Content-Disposition`.
fn disposition(head: &str) -> Option<(String, Option<String>)> {
    let line = head.split("\r\n").find_map(|l| {
        let (k, v) = l.split_once(':')?;
        k.trim()
            .eq_ignore_ascii_case("content-disposition")
            .then_some(v)
    })?;
    let mut params = line.split(';');
    if !params.next()?.trim().eq_ignore_ascii_case("form-data") {
        return None;
    }
    let mut name = None;
    let mut filename = None;
    for p in params {
        let Some((k, v)) = p.split_once('=') else {
            continue;
        };
        let v = v.trim().trim_matches('"').replace("%22", "\"");
        match k.trim().to_ascii_lowercase().as_str() {
            "name" => name = Some(v),
            "filename" => filename = Some(v),
            _ => {}
        }
    }
    Some((name?, filename))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_file_and_a_field() {
        let body =
            b"--XyZ\r\nContent-Disposition: form-data; name=\"profile\"\r\n\r\nprotokoll\r\n\
--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"m\xc3\xa5l.md\"\r\n\
Content-Type: text/markdown\r\n\r\n# Rubrik\r\n\r\nText\r\n--XyZ--\r\n";
        let parts = parse(body, "XyZ").unwrap();
        assert_eq!(parts.len(), 2);
        assert_eq!(parts[0].name, "profile");
        assert_eq!(parts[0].data, b"protokoll");
        assert_eq!(parts[1].filename.as_deref(), Some("mål.md"));
        assert_eq!(parts[1].data, b"# Rubrik\r\n\r\nText");
    }

    #[test]
    fn refuses_truncated_and_odd_forms() {
        let cut = b"--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.md\"\r\n\r\nText";
        assert_eq!(parse(cut, "XyZ").unwrap_err(), MultipartError::Truncated);
        assert_eq!(
            parse(b"no form here", "XyZ").unwrap_err(),
            MultipartError::Truncated
        );
        let bare = b"--XyZ\r\nX: y\r\n\r\nText\r\n--XyZ--";
        assert_eq!(
            parse(bare, "XyZ").unwrap_err(),
            MultipartError::NoDisposition
        );
        assert_eq!(
            boundary("text/plain").unwrap_err(),
            MultipartError::NoBoundary
        );
        assert_eq!(
            boundary("multipart/form-data; boundary=\"abc\"").unwrap(),
            "abc"
        );
    }
}
