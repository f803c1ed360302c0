//! `styrkoll serve`: a local web page where a document is dropped and its
//! findings shown, and the JSON API behind it. A small synchronous server
//! (std's `TcpListener`, `httparse` for the request line and headers) with a
//! fixed pool of worker threads; the configuration is loaded once, nothing
//! uploaded is written to disk.

mod api;
pub mod http;
pub mod multipart;
mod page;

use crate::config::Config;
use crate::source::DEFAULT_MAX_FILE_SIZE;
use http::{ReadError, Request, Response};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::mpsc::{sync_channel, Receiver};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Room for the multipart form around the file itself.
const FORM_OVERHEAD: u64 = 64 * 1024;

/// How the server runs.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The largest document accepted (bytes); larger uploads get 413.
    pub max_file_size: u64,
    /// The time a client has to send its whole request.
    pub request_timeout: Duration,
    /// Worker threads; each handles one connection at a time.
    pub workers: usize,
}

impl Default for ServeOptions {
    fn default() -> Self {
        ServeOptions {
            max_file_size: DEFAULT_MAX_FILE_SIZE,
            request_timeout: Duration::from_secs(30),
            workers: 4,
        }
    }
}

/// What every worker shares: the configuration, loaded once.
pub struct State {
    pub config: Config,
    pub options: ServeOptions,
}

/// A bound server, not yet serving.
pub struct Server {
    listener: TcpListener,
    state: Arc<State>,
}

impl Server {
    /// Binds the address; port 0 lets the system choose (see `local_addr`).
    pub fn bind(addr: SocketAddr, config: Config, options: ServeOptions) -> std::io::Result<Self> {
        let listener = TcpListener::bind(addr)?;
        Ok(Server {
            listener,
            state: Arc::new(State { config, options }),
        })
    }

    pub fn local_addr(&self) -> std::io::Result<SocketAddr> {
        self.listener.local_addr()
    }

    /// Serves until the listener fails; connections wait in a bounded queue
    /// for a free worker.
    pub fn run(self) -> std::io::Result<()> {
        let (tx, rx) = sync_channel::<TcpStream>(64);
        let rx = Arc::new(Mutex::new(rx));
        for i in 0..self.state.options.workers.max(1) {
            let rx = Arc::clone(&rx);
            let state = Arc::clone(&self.state);
            std::thread::Builder::new()
                .name(format!("styrkoll-serve-{i}"))
                .spawn(move || worker(&rx, &state))?;
        }
        for stream in self.listener.incoming() {
            // A connection that failed while being accepted is the client's loss.
            let Ok(stream) = stream else { continue };
            if tx.send(stream).is_err() {
                break;
            }
        }
        Ok(())
    }
}

fn worker(rx: &Mutex<Receiver<TcpStream>>, state: &State) {
    loop {
        let next = match rx.lock() {
            Ok(guard) => guard.recv(),
            Err(poisoned) => poisoned.into_inner().recv(),
        };
        let Ok(mut stream) = next else { return };
        // A panic in a reader (a hostile file) costs one request a 500, not the worker.
        let response = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            serve_connection(&mut stream, state)
        }))
        .unwrap_or_else(|_| {
            Some(Response::error(
                500,
                "ett internt fel uppstod när dokumentet granskades",
            ))
        });
        if let Some(r) = response {
            r.send(&mut stream);
        }
    }
}

/// Reads one request and answers it; `None` when the client went away.
fn serve_connection(stream: &mut TcpStream, state: &State) -> Option<Response> {
    let max_body = state.options.max_file_size.saturating_add(FORM_OVERHEAD);
    match http::read_request(stream, max_body, state.options.request_timeout) {
        Ok(req) => Some(route(&req, state)),
        Err(ReadError::Closed) => None,
        Err(ReadError::Timeout) => Some(Response::error(
            408,
            "begäran tog för lång tid att skicka och avbröts",
        )),
        Err(ReadError::TooLarge { .. }) => Some(api::too_large(state.options.max_file_size)),
        Err(ReadError::LengthRequired) => Some(Response::error(
            411,
            "begäran saknar Content-Length (chunked överföring stöds inte)",
        )),
        Err(ReadError::Malformed(m)) => Some(Response::error(400, &m)),
    }
}

fn route(req: &Request, state: &State) -> Response {
    let method = req.method.as_str();
    let path = req.path.as_str();
    let allowed = match path {
        "/" | "/index.html" | "/app.js" | "/report.js" | "/style.css" | "/api/rules" => "GET",
        "/api/check" => "POST",
        p if p.starts_with("/api/rules/") => "GET",
        _ => return not_found(path),
    };
    if method != allowed {
        return Response::error(405, &format!("{path} tar bara emot {allowed}"))
            .with_header("Allow", allowed);
    }
    match path {
        "/api/check" => api::check(req, state),
        "/api/rules" => api::rules(state),
        p => match p.strip_prefix("/api/rules/") {
            Some(id) => api::rule(req, state, &http::percent_decode(id)),
            None => page::asset(p).unwrap_or_else(|| not_found(p)),
        },
    }
}

fn not_found(path: &str) -> Response {
    Response::error(404, &format!("det finns ingen sida {path}"))
}
