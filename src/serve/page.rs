//! The page itself: HTML, CSS and script built into the binary, so it works
//! offline and fetches nothing from elsewhere.

use super::http::Response;

const INDEX: &str = include_str!("assets/index.html");
const SCRIPT: &str = include_str!("assets/app.js");
const REPORT: &str = include_str!("assets/report.js");
const STYLE: &str = include_str!("assets/style.css");

/// Only this server's own files, and no framing by other sites.
const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// A built-in file by its path, or `None`.
pub fn asset(path: &str) -> Option<Response> {
    let (kind, body) = match path {
        "/" | "/index.html" => ("text/html; charset=utf-8", INDEX),
        "/app.js" => ("text/javascript; charset=utf-8", SCRIPT),
        "/report.js" => ("text/javascript; charset=utf-8", REPORT),
        "/style.css" => ("text/css; charset=utf-8", STYLE),
        _ => return None,
    };
    Some(Response::new(200, kind, body).with_header("Content-Security-Policy", CSP))
}
