//! One HTTP/1.1 exchange per connection, read with bounds: at most 16 KiB of
//! headers, a body no larger than the limit, and one deadline for the whole
//! request, so a slow or stalled client is cut off instead of holding a
//! worker. Every response closes the connection.

use std::io::{Read, Write};
use std::net::{Shutdown, TcpStream};
use std::time::{Duration, Instant};

/// The most header bytes read before the request is refused.
pub const MAX_HEADER_BYTES: usize = 16 * 1024;
const MAX_HEADERS: usize = 64;

/// A request with its whole body.
#[derive(Debug)]
pub struct Request {
    pub method: String,
    /// The path without the query, not decoded.
    pub path: String,
    /// The query string after `?`, not decoded; empty when absent.
    pub query: String,
    /// Header names in lower case.
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Request {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// A query parameter, percent-decoded.
    pub fn query_param(&self, key: &str) -> Option<String> {
        self.query.split('&').find_map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (percent_decode(k) == key).then(|| percent_decode(v))
        })
    }
}

/// Why a request could not be read; each has its status code.
#[derive(Debug)]
pub enum ReadError {
    /// The client closed the connection before a request was complete.
    Closed,
    /// The deadline passed before the request was complete (408).
    Timeout,
    /// The body is longer than the limit (413).
    TooLarge { limit: u64 },
    /// No `Content-Length` (a chunked body is not taken) (411).
    LengthRequired,
    /// Not HTTP, or headers too large (400).
    Malformed(String),
}

/// Reads one request, with at most `max_body` bytes of body, before `deadline`.
pub fn read_request(
    stream: &mut TcpStream,
    max_body: u64,
    timeout: Duration,
) -> Result<Request, ReadError> {
    let deadline = Instant::now() + timeout;
    let mut buf = Vec::with_capacity(4096);
    let mut chunk = [0u8; 8192];
    let (head_len, mut req, content_length) = loop {
        let n = read_some(stream, &mut chunk, deadline)?;
        buf.extend_from_slice(chunk.get(..n).unwrap_or_default());
        let mut headers = [httparse::EMPTY_HEADER; MAX_HEADERS];
        let mut parsed = httparse::Request::new(&mut headers);
        match parsed.parse(&buf) {
            Ok(httparse::Status::Complete(len)) => {
                let (req, length) = to_request(&parsed)?;
                break (len, req, length);
            }
            Ok(httparse::Status::Partial) if buf.len() <= MAX_HEADER_BYTES => {}
            Ok(httparse::Status::Partial) => {
                return Err(ReadError::Malformed("för stora huvudfält".into()))
            }
            Err(e) => return Err(ReadError::Malformed(format!("ogiltig HTTP-begäran: {e}"))),
        }
    };
    if content_length > max_body {
        return Err(ReadError::TooLarge { limit: max_body });
    }
    // `content_length` is at most `max_body`, so the body is bounded.
    let want =
        usize::try_from(content_length).map_err(|_| ReadError::TooLarge { limit: max_body })?;
    let mut body = buf.split_off(head_len.min(buf.len()));
    body.truncate(want);
    body.reserve(want - body.len());
    while body.len() < want {
        let room = (want - body.len()).min(chunk.len());
        let n = read_some(stream, &mut chunk[..room], deadline)?;
        body.extend_from_slice(chunk.get(..n).unwrap_or_default());
    }
    req.body = body;
    Ok(req)
}

fn to_request(parsed: &httparse::Request) -> Result<(Request, u64), ReadError> {
    let method = parsed.method.unwrap_or_default().to_string();
    let target = parsed.path.unwrap_or("/");
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    let headers: Vec<(String, String)> = parsed
        .headers
        .iter()
        .map(|h| {
            (
                h.name.to_ascii_lowercase(),
                String::from_utf8_lossy(h.value).trim().to_string(),
            )
        })
        .collect();
    if headers.iter().any(|(n, _)| n == "transfer-encoding") {
        return Err(ReadError::LengthRequired);
    }
    let length = match headers.iter().find(|(n, _)| n == "content-length") {
        Some((_, v)) => v
            .parse::<u64>()
            .map_err(|_| ReadError::Malformed(format!("ogiltig Content-Length: {v:?}")))?,
        None if method == "POST" || method == "PUT" => return Err(ReadError::LengthRequired),
        None => 0,
    };
    let req = Request {
        method,
        path: path.to_string(),
        query: query.to_string(),
        headers,
        body: Vec::new(),
    };
    Ok((req, length))
}

/// One read that gives up at the deadline.
fn read_some(
    stream: &mut TcpStream,
    buf: &mut [u8],
    deadline: Instant,
) -> Result<usize, ReadError> {
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(ReadError::Timeout);
        }
        stream
            .set_read_timeout(Some(left))
            .map_err(|_| ReadError::Closed)?;
        return match stream.read(buf) {
            Ok(0) => Err(ReadError::Closed),
            Ok(n) => Ok(n),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e)
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                ) =>
            {
                Err(ReadError::Timeout)
            }
            Err(_) => Err(ReadError::Closed),
        };
    }
}

/// A response; always sent with `Connection: close`.
#[derive(Debug)]
pub struct Response {
    pub status: u16,
    pub content_type: &'static str,
    pub body: Vec<u8>,
    pub headers: Vec<(&'static str, String)>,
}

impl Response {
    pub fn new(status: u16, content_type: &'static str, body: impl Into<Vec<u8>>) -> Self {
        Response {
            status,
            content_type,
            body: body.into(),
            headers: Vec::new(),
        }
    }

    pub fn json(status: u16, body: impl Into<Vec<u8>>) -> Self {
        Response::new(status, "application/json; charset=utf-8", body)
    }

    /// `{"error": message}`: what the page shows when a request fails.
    pub fn error(status: u16, message: &str) -> Self {
        let body = serde_json::json!({ "error": message, "status": status }).to_string();
        Response::json(status, body)
    }

    pub fn with_header(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.headers.push((name, value.into()));
        self
    }

    /// Writes the response, then lets the client finish sending (up to a
    /// bound) so that closing does not reset the connection before the
    /// client has read the answer.
    pub fn send(&self, stream: &mut TcpStream) {
        let mut head = format!(
            "HTTP/1.1 {} {}\r\nContent-Type: {}\r\nContent-Length: {}\r\nConnection: close\r\n\
             Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nReferrer-Policy: no-referrer\r\n",
            self.status,
            reason(self.status),
            self.content_type,
            self.body.len()
        );
        for (name, value) in &self.headers {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
        head.push_str("\r\n");
        let _ = stream.set_write_timeout(Some(Duration::from_secs(10)));
        let _ = stream
            .write_all(head.as_bytes())
            .and_then(|()| stream.write_all(&self.body))
            .and_then(|()| stream.flush());
        let _ = stream.shutdown(Shutdown::Write);
        drain(stream);
    }
}

/// Reads and drops what the client still sends, for at most two seconds
/// and 64 MiB.
fn drain(stream: &mut TcpStream) {
    let deadline = Instant::now() + Duration::from_secs(2);
    let mut chunk = [0u8; 8192];
    let mut total = 0usize;
    while total < 64 * 1024 * 1024 {
        match read_some(stream, &mut chunk, deadline) {
            Ok(n) => total += n,
            Err(_) => break,
        }
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        411 => "Length Required",
        413 => "Payload Too Large",
        415 => "Unsupported Media Type",
        422 => "Unprocessable Entity",
        500 => "Internal Server Error",
        _ => "",
    }
}

/// `%C3%A5` → `å`, `+` → space; invalid escapes are kept as they are.
pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (b, hex) {
            (b'%', Some(v)) => {
                out.push(v);
                i += 3;
            }
            (b'+', _) => {
                out.push(b' ');
                i += 1;
            }
            _ => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_percent_escapes() {
        assert_eq!(percent_decode("m%C3%A5l+och%20plan.md"), "mål och plan.md");
        assert_eq!(percent_decode("100%"), "100%");
    }
}
