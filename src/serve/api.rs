//! The JSON API: `POST /api/check` (a document in, the JSON v1 report out,
//! with the document's outline), `GET /api/rules` and `GET /api/rules/{id}`.

use super::http::{Request, Response};
use super::multipart;
use super::State;
use crate::explain;
use crate::parse::parse_with_headings;
use crate::report::json;
use crate::source::{self, LoadError, Source};
use serde_json::{json, Value};
use std::path::Path;

/// The file types the page takes, by extension.
const ACCEPTED: &[&str] = &["md", "markdown", "txt", "docx", "docm", "dotx", "pdf"];

/// 413 with the limit in words.
pub fn too_large(limit: u64) -> Response {
    Response::error(
        413,
        &format!(
            "filen är för stor: gränsen är {} ({limit} byte)",
            human_size(limit)
        ),
    )
}

fn human_size(bytes: u64) -> String {
    const MIB: u64 = 1024 * 1024;
    if bytes >= MIB && bytes % MIB == 0 {
        format!("{} MiB", bytes / MIB)
    } else if bytes >= 1024 && bytes % 1024 == 0 {
        format!("{} KiB", bytes / 1024)
    } else {
        format!("{bytes} byte")
    }
}

/// An upload: the file's name and bytes, and an optional forced profile.
struct Upload<'a> {
    filename: String,
    bytes: &'a [u8],
    profile: Option<String>,
}

/// `POST /api/check`: a `multipart/form-data` form with a `file` field (and
/// optionally `profile`), or the raw file with `?filename=` (or the header
/// `X-Filename`) and optionally `?profile=`.
pub fn check(req: &Request, state: &State) -> Response {
    let content_type = req.header("content-type").unwrap_or_default();
    let upload = if content_type
        .to_ascii_lowercase()
        .starts_with("multipart/form-data")
    {
        from_form(req, content_type)
    } else {
        from_raw(req)
    };
    let mut upload = match upload {
        Ok(u) => u,
        Err(r) => return r,
    };
    if upload.profile.is_none() {
        upload.profile = req.query_param("profile").filter(|p| !p.is_empty());
    }
    let engine = &state.config.engine;
    if let Some(p) = &upload.profile {
        if !engine.profile_names().contains(&p.as_str()) {
            return Response::error(
                400,
                &format!(
                    "okänd dokumenttyp {p:?}; välj en av: {}",
                    engine.profile_names().join(", ")
                ),
            );
        }
    }
    // Only the name is kept: a path sent by the client means nothing here.
    let name = upload
        .filename
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or_default()
        .to_string();
    let ext = Path::new(&name)
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    if !ACCEPTED.contains(&ext.as_str()) {
        return Response::error(
            415,
            &format!(
                "filtypen {} stöds inte; välj en Word-fil (.docx), Markdown (.md), text (.txt) eller PDF",
                if ext.is_empty() { "utan ändelse".to_string() } else { format!(".{ext}") }
            ),
        );
    }
    let max = state.options.max_file_size;
    let src = match source::from_bytes(&name, upload.bytes, max) {
        Ok(s) => s,
        Err(LoadError::TooLarge { .. } | LoadError::LargerThan { .. }) => return too_large(max),
        Err(e @ LoadError::Unsupported(_)) => return Response::error(415, &e.to_string()),
        Err(e @ LoadError::Io(_)) => return Response::error(500, &e.to_string()),
        Err(e) => {
            return Response::error(422, &format!("{name} kunde inte läsas: {e}"));
        }
    };
    let mut opts = state.config.options_for(Path::new(&name));
    if upload.profile.is_some() {
        opts.profile = upload.profile;
    }
    let report = engine.check(&src, &opts);
    // The JSON v1 report as the CLI writes it (same key order), with two
    // members added for the page.
    let excerpts = excerpts(&report);
    let report = json::render(&[report], &[]);
    let Some(open) = report.trim_end().strip_suffix('}') else {
        return Response::error(500, "rapporten kunde inte skapas");
    };
    let extra = json!({
        "outline": outline(&src),
        "excerpts": excerpts,
        "profiles": engine.profile_names(),
    });
    let extra = extra.to_string();
    let body = format!(
        "{},\n  {}}}",
        open.trim_end(),
        extra.get(1..extra.len() - 1).unwrap_or_default()
    );
    Response::json(200, body)
}

fn from_form<'a>(req: &'a Request, content_type: &str) -> Result<Upload<'a>, Response> {
    let bad = |e: multipart::MultipartError| Response::error(400, &e.to_string());
    let boundary = multipart::boundary(content_type).map_err(bad)?;
    let parts = multipart::parse(&req.body, &boundary).map_err(bad)?;
    let profile = parts
        .iter()
        .find(|p| p.name == "profile" && p.filename.is_none())
        .map(|p| String::from_utf8_lossy(p.data).trim().to_string())
        .filter(|p| !p.is_empty());
    let file = parts
        .iter()
        .find(|p| p.name == "file")
        .ok_or_else(|| Response::error(400, "formuläret saknar fältet file med dokumentet"))?;
    let filename = file
        .filename
        .clone()
        .filter(|f| !f.trim().is_empty())
        .ok_or_else(|| Response::error(400, "fältet file saknar filnamn"))?;
    Ok(Upload {
        filename,
        bytes: file.data,
        profile,
    })
}

fn from_raw(req: &Request) -> Result<Upload<'_>, Response> {
    let filename = req
        .query_param("filename")
        .or_else(|| req.header("x-filename").map(super::http::percent_decode))
        .filter(|f| !f.trim().is_empty())
        .ok_or_else(|| {
            Response::error(
                400,
                "filnamn saknas: skicka ett formulär (multipart/form-data) med fältet file, \
                 eller ange ?filename=namn.docx",
            )
        })?;
    Ok(Upload {
        filename,
        bytes: &req.body,
        profile: None,
    })
}

/// Every heading of the document, in order, with the heading path that the
/// report's `section` uses, so the page can mark sections with findings.
fn outline(src: &Source) -> Value {
    let hints = src
        .origin
        .as_ref()
        .map_or(&[][..], |o| o.headings.as_slice());
    let doc = parse_with_headings(&src.text, hints);
    let index = crate::report::LineIndex::new(&src.text);
    let sections: Vec<Value> = doc
        .sections
        .iter()
        .enumerate()
        .map(|(i, s)| {
            json!({
                "level": s.level,
                "number": s.heading.number,
                "text": s.heading.text,
                "path": doc.heading_path(i),
                "line": index.line_col(s.heading.span.start).0,
            })
        })
        .collect();
    json!({
        "title": doc.title.as_ref().map(|t| t.text.as_str()),
        "sections": sections,
    })
}

/// The most characters shown around and of a finding's text.
const CONTEXT_CHARS: usize = 60;
const MARK_CHARS: usize = 200;

/// For each finding, in report order: the text it points at (`mark`) with
/// the rest of its line around it, so the page can quote it. The JSON v1
/// report has only offsets; Word and PDF text exists only on the server.
fn excerpts(report: &crate::FileReport) -> Vec<Value> {
    let text = report.text.as_str();
    report
        .diagnostics
        .iter()
        .map(|d| {
            let start = floor_char(text, d.span.start);
            let end = floor_char(text, d.span.end.max(start));
            let line_start = text
                .get(..start)
                .and_then(|t| t.rfind('\n'))
                .map_or(0, |i| i + 1);
            let line_end = text
                .get(start..)
                .and_then(|t| t.find('\n'))
                .map_or(text.len(), |i| start + i);
            let mark = text.get(start..end.min(line_end)).unwrap_or_default();
            let before = text.get(line_start..start).unwrap_or_default();
            let after = text.get(end.min(line_end)..line_end).unwrap_or_default();
            let tail: String = before
                .chars()
                .rev()
                .take(CONTEXT_CHARS)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            json!({
                "before": format!("{}{}", if tail.len() < before.len() { "…" } else { "" }, tail),
                "mark": cut(mark.trim_end_matches('\r'), MARK_CHARS),
                "after": cut(after.trim_end_matches('\r'), CONTEXT_CHARS),
                "more_lines": end > line_end,
            })
        })
        .collect()
}

fn floor_char(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn cut(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", s.get(..i).unwrap_or_default()),
        None => s.to_string(),
    }
}

/// `GET /api/rules`: the same list as `styrkoll rules --format json`.
pub fn rules(state: &State) -> Response {
    let lang = state.config.lang();
    Response::json(200, explain::rules_json(&state.config.engine, lang))
}

/// `GET /api/rules/{id}`: one rule with its documentation (`?format=text`
/// gives the text of `styrkoll explain`).
pub fn rule(req: &Request, state: &State, id: &str) -> Response {
    let lang = state.config.lang();
    let Some((pack, r)) = state.config.engine.find_rule(id) else {
        return Response::error(404, &format!("ingen regel heter {id:?}"));
    };
    let text = explain::explain(pack, r, lang);
    if req.query_param("format").as_deref() == Some("text") {
        return Response::new(200, "text/plain; charset=utf-8", text);
    }
    let body = json!({
        "version": 1,
        "id": r.id,
        "name": r.name,
        "severity": r.severity.as_str(),
        "pack": pack.name,
        "check": r.check.kind().name(),
        "message": r.message.get(lang),
        "help": r.help.as_ref().map(|h| h.get(lang)),
        "what": r.doc.as_ref().map(|d| d.what.get(lang)),
        "why": r.doc.as_ref().map(|d| d.why.get(lang)),
        "source": r.doc.as_ref().map(|d| d.source.as_str()),
        "explanation": text,
    });
    Response::json(200, body.to_string())
}
