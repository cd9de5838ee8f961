//! A throwaway PostgreSQL cluster of the test's own, stopped and removed on drop.
//!
//! `initdb` in a temporary directory, a free port on 127.0.0.1, the unix
//! socket in that directory, `pg_ctl start -w`; no system service is
//! touched. Needs PostgreSQL's server binaries (Debian's `postgresql`
//! package, which `./candor test` installs): found in `CANDOR_PG_BIN` if
//! set, else the newest `/usr/lib/postgresql/*/bin`, else `pg_ctl` on PATH.
//! Without them the test fails and says so; it never passes silently.
//!
//! initdb refuses to run as root. Run as root (as CI is), every PostgreSQL
//! command runs through `runuser -u postgres` (the user Debian's package
//! makes), or `nobody` where there is no such user, and the temporary
//! directory is handed to that user.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::Duration;

/// A running cluster; superuser `postgres`, trusted on 127.0.0.1.
pub struct Cluster {
    dir: tempfile::TempDir,
    bin: PathBuf,
    run_as: Option<String>,
    /// The TCP port on 127.0.0.1.
    pub port: u16,
}

impl Cluster {
    /// Makes and starts a cluster; panics, saying why, if it cannot.
    pub fn start() -> Cluster {
        let bin = binaries();
        // SAFETY: geteuid takes nothing and cannot fail.
        let run_as = if unsafe { libc::geteuid() } == 0 {
            let passwd = std::fs::read_to_string("/etc/passwd").unwrap_or_default();
            Some(if passwd.lines().any(|l| l.starts_with("postgres:")) {
                "postgres".to_owned()
            } else {
                "nobody".to_owned()
            })
        } else {
            None
        };
        let dir = tempfile::Builder::new()
            .prefix("candor-pg-")
            .tempdir()
            .expect("a temporary directory");
        if let Some(user) = &run_as {
            checked(
                Command::new("chown").arg(user).arg(dir.path()),
                "chown the cluster's directory",
            );
        }
        let mut cluster = Cluster {
            dir,
            bin,
            run_as,
            port: 0,
        };
        checked(
            cluster
                .pg("initdb")
                .arg("-D")
                .arg(cluster.data())
                .args(["-U", "postgres", "-A", "trust", "-E", "UTF8"])
                .args(["--no-locale", "--no-sync"]),
            "initdb",
        );
        // A port free now may be taken before the server binds it; try a few.
        for attempt in 1..=5 {
            cluster.port = free_port();
            if cluster.try_start() {
                return cluster;
            }
            assert!(attempt < 5, "PostgreSQL did not start:\n{}", cluster.log());
        }
        unreachable!()
    }

    /// `postgres://postgres@127.0.0.1:PORT/database`
    pub fn url(&self, database: &str) -> String {
        format!("postgres://postgres@127.0.0.1:{}/{database}", self.port)
    }

    /// Creates an empty database and returns its address.
    pub fn create_database(&self, name: &str) -> String {
        let mut client = postgres::Client::connect(&self.url("postgres"), postgres::NoTls)
            .expect("the test cluster takes connections");
        client
            .batch_execute(&format!("CREATE DATABASE \"{name}\""))
            .expect("CREATE DATABASE");
        self.url(name)
    }

    /// Connects to `database` as the superuser, to look at what the server wrote.
    pub fn client(&self, database: &str) -> postgres::Client {
        postgres::Client::connect(&self.url(database), postgres::NoTls)
            .expect("the test cluster takes connections")
    }

    /// Stops the server (fast: open connections are ended), keeping the data.
    pub fn stop(&self) {
        checked(
            self.pg("pg_ctl")
                .arg("-D")
                .arg(self.data())
                .args(["-m", "fast", "-w", "stop"]),
            "pg_ctl stop",
        );
    }

    /// Starts the server again on the same port after [`Cluster::stop`].
    pub fn restart(&self) {
        assert!(
            self.try_start(),
            "PostgreSQL did not start again:\n{}",
            self.log()
        );
    }

    /// The server's log so far.
    pub fn log(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("log")).unwrap_or_default()
    }

    fn try_start(&self) -> bool {
        let options = format!(
            "-c listen_addresses=127.0.0.1 -p {} -k {}",
            self.port,
            self.dir.path().display()
        );
        self.pg("pg_ctl")
            .arg("-D")
            .arg(self.data())
            .arg("-l")
            .arg(self.dir.path().join("log"))
            .args(["-w", "-t", "60", "-o", &options, "start"])
            .output()
            .is_ok_and(|out| out.status.success())
    }

    fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    /// A PostgreSQL command, run as the cluster's user.
    fn pg(&self, tool: &str) -> Command {
        let exe = self.bin.join(tool);
        match &self.run_as {
            Some(user) => {
                let mut command = Command::new("runuser");
                command.args(["-u", user, "--"]).arg(exe);
                command
            }
            None => Command::new(exe),
        }
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let _ = self
            .pg("pg_ctl")
            .arg("-D")
            .arg(self.data())
            .args(["-m", "immediate", "-w", "stop"])
            .output();
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// The directory holding initdb and pg_ctl; panics with what to do if there is none.
fn binaries() -> PathBuf {
    let has_tools = |dir: &Path| dir.join("initdb").is_file() && dir.join("pg_ctl").is_file();
    if let Some(dir) = std::env::var_os("CANDOR_PG_BIN") {
        let dir = PathBuf::from(dir);
        assert!(
            has_tools(&dir),
            "CANDOR_PG_BIN={} holds no initdb and pg_ctl",
            dir.display()
        );
        return dir;
    }
    let mut debian: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|entry| {
            let version = entry.file_name().to_str()?.parse().ok()?;
            let bin = entry.path().join("bin");
            has_tools(&bin).then_some((version, bin))
        })
        .collect();
    debian.sort();
    if let Some((_, bin)) = debian.pop() {
        return bin;
    }
    let on_path = std::env::var_os("PATH")
        .map(|path| std::env::split_paths(&path).collect::<Vec<_>>())
        .unwrap_or_default()
        .into_iter()
        .map(|dir| dir.join("pg_ctl"))
        .find(|pg_ctl| pg_ctl.is_file())
        .and_then(|pg_ctl| pg_ctl.canonicalize().ok())
        .and_then(|pg_ctl| pg_ctl.parent().map(Path::to_owned))
        .filter(|dir| has_tools(dir));
    on_path.unwrap_or_else(|| {
        panic!(
            "PostgreSQL's server binaries (initdb, pg_ctl) are not installed, and the \
             PostgreSQL tests need them: install Debian's `postgresql` package \
             (`./candor test` does), or set CANDOR_PG_BIN to the directory holding them"
        )
    })
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .expect("a free port on 127.0.0.1")
        .port()
}

fn checked(command: &mut Command, what: &str) -> Output {
    let out = command
        .output()
        .unwrap_or_else(|err| panic!("{what} could not run: {err}"));
    assert!(
        out.status.success(),
        "{what} failed ({}):\n{}{}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}
