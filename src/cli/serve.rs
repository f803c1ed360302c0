//! `styrkoll serve`: starts the local web page and prints its address.

use crate::cli::configs;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::PathBuf;
use std::process::ExitCode;
use styrkoll::serve::{ServeOptions, Server};
use styrkoll::source::DEFAULT_MAX_FILE_SIZE;

#[derive(clap::Args)]
pub struct ServeArgs {
    /// Porten att lyssna på (0: låt systemet välja)
    #[arg(long, default_value_t = 8080)]
    port: u16,
    /// Lyssna på en annan adress än 127.0.0.1 (t.ex. 0.0.0.0); då når andra datorer sidan
    #[arg(long, value_name = "ADRESS")]
    listen: Option<IpAddr>,
    /// Öppna sidan i webbläsaren
    #[arg(long)]
    open: bool,
    /// Konfigurationsfil (standard: styrkoll.yaml i den här mappen eller närmaste förälder)
    #[arg(long, conflicts_with = "no_config")]
    config: Option<PathBuf>,
    /// Använd ingen konfigurationsfil
    #[arg(long)]
    no_config: bool,
    /// Största fil som tas emot (byte)
    #[arg(long, default_value_t = DEFAULT_MAX_FILE_SIZE, value_name = "BYTE")]
    max_file_size: u64,
}

pub fn run(args: ServeArgs) -> ExitCode {
    let ip = args.listen.unwrap_or(IpAddr::V4(Ipv4Addr::LOCALHOST));
    if !ip.is_loopback() {
        eprintln!(
            "varning: styrkoll serve lyssnar på {ip}: andra datorer i nätverket kan nå sidan \
             och skicka dokument till den. Utan --listen lyssnar den bara på 127.0.0.1."
        );
    }
    let Ok((found, config)) = configs::for_current_folder(args.config.as_deref(), args.no_config)
    else {
        return ExitCode::from(2);
    };
    let options = ServeOptions {
        max_file_size: args.max_file_size,
        ..ServeOptions::default()
    };
    let server = match Server::bind(SocketAddr::new(ip, args.port), config, options) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("fel: kunde inte lyssna på {ip}:{}: {e}", args.port);
            return ExitCode::from(2);
        }
    };
    let addr = match server.local_addr() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("fel: {e}");
            return ExitCode::from(2);
        }
    };
    let url = if ip.is_unspecified() {
        format!("http://127.0.0.1:{}/", addr.port())
    } else {
        format!("http://{addr}/")
    };
    match &found {
        Some(p) => eprintln!("konfiguration: {}", p.display()),
        None => eprintln!("konfiguration: inbyggda regelpaket"),
    }
    // stdout carries the address alone, for scripts and tests.
    crate::print_out(&format!("{url}\n"));
    eprintln!("styrkoll serve: öppna {url} i webbläsaren; avsluta med Ctrl+C");
    if args.open {
        open_browser(&url);
    }
    match server.run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("fel: {e}");
            ExitCode::from(2)
        }
    }
}

/// Best effort: a missing opener only leaves the address to click.
fn open_browser(url: &str) {
    let mut cmd = if cfg!(target_os = "macos") {
        std::process::Command::new("open")
    } else if cfg!(windows) {
        let mut c = std::process::Command::new("cmd");
        c.args(["/C", "start", ""]);
        c
    } else {
        std::process::Command::new("xdg-open")
    };
    let spawned = cmd
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
    if spawned.is_err() {
        eprintln!("(kunde inte öppna webbläsaren; öppna adressen ovan själv)");
    }
}
