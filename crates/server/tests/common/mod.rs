//! Starts the real `candor-server` binary on a free port and talks HTTP to it.

#![allow(dead_code)] // Each test crate uses a different part.

pub mod pg_cluster;

use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

use serde_json::{json, Value};

/// A date whose ISO week is 2026-W21 (Monday 18 May to Sunday 24 May 2026).
pub const TODAY: &str = "2026-05-20";
/// The week of [`TODAY`]: open, so not yet in aggregates.
pub const THIS_WEEK: &str = "2026-W21";
/// The week before: closed.
pub const LAST_WEEK: &str = "2026-W20";

/// A running server, killed when dropped.
pub struct Server {
    child: Child,
    /// `http://127.0.0.1:PORT`
    pub base: String,
    agent: ureq::Agent,
    logs: Arc<Mutex<String>>,
    log_reader: Option<JoinHandle<()>>,
}

/// An HTTP answer, read whole.
#[derive(Debug)]
pub struct Reply {
    /// The status code.
    pub status: u16,
    /// Response headers, names lowercased.
    pub headers: Vec<(String, String)>,
    /// The body as text (lossy for binary bodies).
    pub body: String,
}

impl Reply {
    /// The body as JSON; panics with the body if it is not.
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body)
            .unwrap_or_else(|err| panic!("not JSON ({err}): {}", self.body))
    }

    /// A header's value.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// Asserts the §4 error shape with this status and code, and returns the `field`.
    pub fn assert_error(&self, status: u16, code: &str) -> Option<String> {
        assert_eq!(self.status, status, "{}", self.body);
        let body = self.json();
        assert_eq!(body["error"]["code"], code, "{}", self.body);
        assert!(body["error"]["message"]
            .as_str()
            .is_some_and(|m| !m.is_empty()));
        body["error"]["field"].as_str().map(str::to_owned)
    }
}

/// How to start a server.
pub struct Start<'a> {
    /// The database file.
    pub db: &'a Path,
    /// The date the server takes as today.
    pub today: String,
    /// The built app; by default a directory that does not exist.
    pub dist: Option<PathBuf>,
    /// Extra command-line options.
    pub args: Vec<String>,
    /// Extra environment.
    pub env: Vec<(String, String)>,
}

impl<'a> Start<'a> {
    /// A server on `db` with the clock at [`TODAY`] and no built app.
    pub fn new(db: &'a Path) -> Start<'a> {
        Start {
            db,
            today: TODAY.into(),
            dist: None,
            args: Vec::new(),
            env: Vec::new(),
        }
    }

    /// Sets the date the server takes as today.
    pub fn today(mut self, date: &str) -> Start<'a> {
        self.today = date.into();
        self
    }

    /// Serves the app from `dist`.
    pub fn dist(mut self, dist: &Path) -> Start<'a> {
        self.dist = Some(dist.to_owned());
        self
    }

    /// Adds command-line options.
    pub fn args(mut self, args: &[&str]) -> Start<'a> {
        self.args.extend(args.iter().map(|a| a.to_string()));
        self
    }

    /// Adds an environment variable.
    pub fn env(mut self, name: &str, value: &str) -> Start<'a> {
        self.env.push((name.into(), value.into()));
        self
    }

    /// The command, not yet run.
    pub fn command(&self) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_candor-server"));
        let dist = (self.dist.clone()).unwrap_or_else(|| self.db.with_extension("no-dist"));
        command
            .args(["--listen", "127.0.0.1:0", "--db"])
            .arg(self.db)
            .arg("--dist")
            .arg(dist)
            .args(["--today", &self.today])
            .args(&self.args)
            .env_remove("RUST_LOG")
            .envs(self.env.iter().map(|(k, v)| (k, v)))
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        command
    }

    /// Runs the server and waits for its listening line.
    pub fn run(self) -> Server {
        let mut child = self.command().spawn().expect("candor-server starts");
        let logs = Arc::new(Mutex::new(String::new()));
        let stderr = child.stderr.take().unwrap();
        let sink = Arc::clone(&logs);
        let log_reader = std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                let mut logs = sink.lock().unwrap();
                logs.push_str(&line);
                logs.push('\n');
            }
        });
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let Some(address) = line.trim().strip_prefix("candor-server listening on ") else {
            let _ = child.wait();
            let _ = log_reader.join();
            panic!(
                "no listening line (got {line:?}); stderr:\n{}",
                logs.lock().unwrap()
            );
        };
        let agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .build()
            .new_agent();
        Server {
            child,
            base: address.to_owned(),
            agent,
            logs,
            log_reader: Some(log_reader),
        }
    }
}

fn reply(result: Result<ureq::http::Response<ureq::Body>, ureq::Error>) -> Reply {
    let mut response = result.expect("the server answers");
    let headers = response
        .headers()
        .iter()
        .map(|(n, v)| {
            (
                n.as_str().to_owned(),
                v.to_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    let mut bytes = Vec::new();
    response
        .body_mut()
        .as_reader()
        .read_to_end(&mut bytes)
        .unwrap();
    Reply {
        status: response.status().as_u16(),
        headers,
        body: String::from_utf8_lossy(&bytes).into_owned(),
    }
}

impl Server {
    /// A server on `db` with default options.
    pub fn start(db: &Path) -> Server {
        Start::new(db).run()
    }

    /// GET `path`.
    pub fn get(&self, path: &str) -> Reply {
        reply(self.agent.get(format!("{}{path}", self.base)).call())
    }

    /// GET `path` with extra headers.
    pub fn get_with(&self, path: &str, headers: &[(&str, &str)]) -> Reply {
        let mut request = self.agent.get(format!("{}{path}", self.base));
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        reply(request.call())
    }

    /// POST `body` to `path` as `content_type`.
    pub fn post(&self, path: &str, content_type: &str, body: &str) -> Reply {
        reply(
            self.agent
                .post(format!("{}{path}", self.base))
                .header("content-type", content_type)
                .send(body),
        )
    }

    /// POST a batch of reports; panics unless the server answers 200.
    pub fn send(&self, reports: &[Value]) -> Value {
        let reply = self.post("/api/v1/reports", "application/json", &batch(reports));
        assert_eq!(reply.status, 200, "{}", reply.body);
        reply.json()
    }

    /// POST a batch, returning `Err` when the connection fails (the server died).
    pub fn try_send(&self, reports: &[Value]) -> Result<Value, ureq::Error> {
        let mut response = self
            .agent
            .post(format!("{}/api/v1/reports", self.base))
            .header("content-type", "application/json")
            .send(batch(reports))?;
        assert_eq!(response.status(), 200);
        let text = response.body_mut().read_to_string()?;
        Ok(serde_json::from_str(&text).unwrap())
    }

    /// The aggregate for `query` (e.g. `?period=all`).
    pub fn aggregate(&self, query: &str) -> Value {
        let reply = self.get(&format!("/api/v1/aggregate{query}"));
        assert_eq!(reply.status, 200, "{}", reply.body);
        reply.json()
    }

    /// The process id.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Kills the server with SIGKILL, as a power cut would.
    pub fn kill(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// Stops the server with SIGTERM; returns how it exited and everything it logged.
    pub fn stop(mut self) -> (ExitStatus, String) {
        // SAFETY: kill(2) with our own child's pid and a valid signal number.
        let sent = unsafe { libc::kill(self.child.id() as libc::pid_t, libc::SIGTERM) };
        assert_eq!(sent, 0, "SIGTERM sent");
        let status = self.child.wait().unwrap();
        if let Some(reader) = self.log_reader.take() {
            reader.join().unwrap();
        }
        let logs = self.logs.lock().unwrap().clone();
        (status, logs)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A fresh temporary directory and a database path inside it.
pub fn temp_db() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("candor.db");
    (dir, db)
}

/// A valid minimal report for the built-in config, id made from `n`.
pub fn report(n: u128, week: &str, task: &str, tool: &str, outcome: i8) -> Value {
    json!({"v": 1, "id": format!("{n:032x}"), "week": week, "task": task, "tool": tool, "outcome": outcome})
}

/// `count` reports for one cell, ids from `first`.
pub fn reports(first: u128, count: usize, week: &str, task: &str, tool: &str) -> Vec<Value> {
    (0..count as u128)
        .map(|i| report(first + i, week, task, tool, (i % 5) as i8 - 2))
        .collect()
}

/// The body of `POST /reports`.
pub fn batch(reports: &[Value]) -> String {
    json!({ "reports": reports }).to_string()
}

/// Every `n` in an aggregate body: total, task and tool totals, cells.
pub fn every_n(aggregate: &Value) -> Vec<Value> {
    let mut all = vec![aggregate["total"]["n"].clone()];
    for list in ["tasks", "tools", "cells"] {
        for item in aggregate[list].as_array().unwrap() {
            all.push(item["n"].clone());
        }
    }
    all
}
