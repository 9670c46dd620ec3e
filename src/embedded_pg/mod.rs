//! A private PostgreSQL cluster from the system's binaries, used when
//! `DATABASE_URL` is unset (development) and by the tests.
mod watchdog;

use std::{
    path::{Path, PathBuf},
    process::{Command, Stdio},
};

use anyhow::{Context, bail};
use sqlx::postgres::PgConnectOptions;

/// A running private cluster; `stop` shuts it down.
#[derive(Debug)]
pub struct EmbeddedPg {
    bin_dir: PathBuf,
    data_dir: PathBuf,
    run_as: Option<&'static str>,
    port: u16,
    /// Only the process that started the cluster stops it.
    started_here: bool,
}

/// What a crash may cost: said by every caller, so a school's data never runs
/// with the tests' shortcuts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Durability {
    /// A school's data (`optag serve` without `DATABASE_URL`): `fsync` on, so
    /// a power cut or crash cannot corrupt the cluster; kept when optag stops.
    Durable,
    /// Test data: `fsync` off for speed, and the cluster deleted when the
    /// process that started it ends. A crash may lose or corrupt it.
    Disposable,
}

/// How the cluster listens. By default only on a Unix socket in its data dir.
#[derive(Debug, Clone, Default)]
pub struct Listen {
    /// Also listen on 127.0.0.1 at this port (the socket uses it too).
    pub tcp_port: Option<u16>,
    /// Serve TLS with this PEM certificate (chain) and key, copied into the
    /// data dir; PostgreSQL offers TLS on TCP only.
    pub tls: Option<(PathBuf, PathBuf)>,
}

const SUPERUSER: &str = "postgres";
const PORT: u16 = 5432;

impl EmbeddedPg {
    /// Starts (creating on first use) the cluster in `data_dir`, or joins it
    /// when it already runs. A cluster started here is stopped by a small
    /// watchdog when this process ends, even after a crash (a durable one
    /// once no other process uses it); a `Disposable` one is deleted then too
    /// (the tests' clusters). See `watchdog.rs`.
    pub fn start(data_dir: &Path, durability: Durability) -> anyhow::Result<Self> {
        Self::start_listening(data_dir, durability, &Listen::default())
    }

    /// `start`, listening as `listen` says.
    pub fn start_listening(data_dir: &Path, durability: Durability, listen: &Listen) -> anyhow::Result<Self> {
        let bin_dir = find_bin_dir()?;
        let port = listen.tcp_port.unwrap_or(PORT);
        let run_as = running_as_root().then_some("postgres");
        std::fs::create_dir_all(data_dir).with_context(|| format!("creating {}", data_dir.display()))?;
        let mut data_dir = data_dir.canonicalize()?;
        if let Some(user) = run_as {
            data_dir = reachable_by(user, &data_dir, durability)?;
        }
        let socket = data_dir.join(format!(".s.PGSQL.{port}"));
        if socket.as_os_str().len() > 100 {
            bail!(
                "the path {} is too long for a PostgreSQL socket; move the project to a shorter path or set DATABASE_URL",
                data_dir.display()
            );
        }
        let mut pg = Self { bin_dir, data_dir, run_as, port, started_here: false };
        if let Some(user) = pg.run_as {
            chown(&pg.data_dir, user)?;
        }
        if !pg.data_dir.join("PG_VERSION").exists() {
            let mut args = vec!["-A", "trust", "-U", SUPERUSER, "-E", "UTF8", "--locale=C.UTF-8"];
            if durability == Durability::Disposable {
                args.push("--no-sync");
            }
            args.push("-D");
            pg.run("initdb", &args).context("initdb failed")?;
        }
        if !pg.is_running() {
            let dir = pg.data_dir.display().to_string();
            let listen_addresses = if listen.tcp_port.is_some() { "127.0.0.1" } else { "" };
            let fsync = match durability {
                Durability::Durable => "on",
                Durability::Disposable => "off",
            };
            let mut options = format!(
                "-c listen_addresses='{listen_addresses}' -c unix_socket_directories='{dir}' -c fsync={fsync} \
                 -c max_connections=200 -p {port}"
            );
            if let Some((cert, key)) = &listen.tls {
                pg.install_tls(cert, key)?;
                options.push_str(" -c ssl=on -c ssl_cert_file=server.crt -c ssl_key_file=server.key");
            }
            let log = pg.data_dir.join("server.log").display().to_string();
            pg.run("pg_ctl", &["start", "-w", "-s", "-l", &log, "-o", &options, "-D"])
                .with_context(|| format!("pg_ctl start failed; see {log}"))?;
            pg.started_here = true;
            pg.spawn_watchdog(durability == Durability::Disposable)?;
        }
        Ok(pg)
    }

    pub fn connect_options(&self) -> PgConnectOptions {
        PgConnectOptions::new().socket(&self.data_dir).port(self.port).username(SUPERUSER).database("postgres")
    }

    /// The server's certificate and key in the data dir, readable by the
    /// server's user only (PostgreSQL refuses a key others can read).
    fn install_tls(&self, cert: &Path, key: &Path) -> anyhow::Result<()> {
        use std::os::unix::fs::PermissionsExt;
        for (from, name) in [(cert, "server.crt"), (key, "server.key")] {
            let to = self.data_dir.join(name);
            std::fs::copy(from, &to).with_context(|| format!("copying {}", from.display()))?;
            std::fs::set_permissions(&to, std::fs::Permissions::from_mode(0o600))?;
            if let Some(user) = self.run_as {
                chown(&to, user)?;
            }
        }
        Ok(())
    }

    pub fn stop(&self) {
        if !self.started_here {
            return;
        }
        if let Err(err) = self.run("pg_ctl", &["stop", "-s", "-m", "fast", "-D"]) {
            tracing::warn!(error = %err, "stopping the private PostgreSQL cluster failed");
        }
    }

    fn is_running(&self) -> bool {
        self.command("pg_ctl", &["status", "-D"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    }

    /// Runs `tool args... <data_dir>`; the data dir is always the last argument.
    fn run(&self, tool: &str, args: &[&str]) -> anyhow::Result<()> {
        let output = self.command(tool, args).stdin(Stdio::null()).output()?;
        if !output.status.success() {
            bail!("{tool}: {}", String::from_utf8_lossy(&output.stderr).trim());
        }
        Ok(())
    }

    fn command(&self, tool: &str, args: &[&str]) -> Command {
        let program = self.bin_dir.join(tool);
        let mut command = match self.run_as {
            Some(user) => {
                let mut c = Command::new("runuser");
                c.args(["-u", user, "--"]).arg(&program);
                c
            }
            None => Command::new(&program),
        };
        command.args(args).arg(&self.data_dir).current_dir("/");
        command
    }
}

/// Where a cluster run as `user` can live: `wanted`, when `user` can enter
/// it, else a folder of its own outside the person's folders (root's home or
/// a `mktemp -d` folder is mode 700, and opening it to others would weaken
/// its protection): `/var/lib/optag/clusters/…` for a durable cluster,
/// the system's temporary folder for a disposable one. Named by a hash of
/// `wanted`, so each project keeps finding its own cluster; the log says where.
fn reachable_by(user: &str, wanted: &Path, durability: Durability) -> anyhow::Result<PathBuf> {
    chown(wanted, user)?;
    if can_enter(user, wanted) {
        return Ok(wanted.to_path_buf());
    }
    use sha2::Digest as _;
    let name = hex::encode(&sha2::Sha256::digest(wanted.as_os_str().as_encoded_bytes())[..8]);
    let base = match durability {
        Durability::Durable => PathBuf::from("/var/lib/optag/clusters"),
        Durability::Disposable => std::env::temp_dir().join("optag-clusters"),
    };
    let moved = base.join(name);
    std::fs::create_dir_all(&moved).with_context(|| format!("creating {}", moved.display()))?;
    chown(&moved, user)?;
    if !can_enter(user, &moved) {
        bail!(
            "the PostgreSQL user '{user}' can enter neither {} nor {}; set DATABASE_URL or run optag as a normal user",
            wanted.display(),
            moved.display()
        );
    }
    tracing::info!(
        cluster = %moved.display(),
        "the private PostgreSQL cluster lives outside the project: its user cannot enter the project's folder"
    );
    Ok(moved)
}

/// Whether `user` can reach and write `dir` (every folder above it included).
fn can_enter(user: &str, dir: &Path) -> bool {
    Command::new("runuser")
        .args(["-u", user, "--", "test", "-x"])
        .arg(dir)
        .arg("-a")
        .arg("-w")
        .arg(dir)
        .current_dir("/")
        .status()
        .is_ok_and(|s| s.success())
}

fn running_as_root() -> bool {
    Command::new("id").arg("-u").output().is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

fn chown(dir: &Path, user: &str) -> anyhow::Result<()> {
    let ok = Command::new("chown").arg("-R").arg(user).arg(dir).status().is_ok_and(|s| s.success());
    if !ok {
        bail!(
            "PostgreSQL refuses to run as root, and handing {} to the user '{user}' failed; \
             install PostgreSQL (apt install postgresql, which creates that user), run optag as a normal user, or set DATABASE_URL",
            dir.display()
        );
    }
    Ok(())
}

/// `initdb` in PATH, else the newest `/usr/lib/postgresql/*/bin`.
fn find_bin_dir() -> anyhow::Result<PathBuf> {
    let mut candidates: Vec<PathBuf> =
        std::env::var_os("PATH").map(|p| std::env::split_paths(&p).collect()).unwrap_or_default();
    let mut versioned: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| Some((e.file_name().to_str()?.parse().ok()?, e.path().join("bin"))))
        .collect();
    versioned.sort_by_key(|(version, _)| std::cmp::Reverse(*version));
    candidates.extend(versioned.into_iter().map(|(_, p)| p));
    candidates
        .into_iter()
        .find_map(|dir| {
            let initdb = dir.join("initdb");
            // PATH may hold a symlink into the real bin dir, where pg_ctl lives too.
            let real = initdb.canonicalize().ok()?;
            let bin = real.parent()?.to_path_buf();
            bin.join("pg_ctl").exists().then_some(bin)
        })
        .context("no PostgreSQL binaries found (initdb, pg_ctl): install PostgreSQL (apt install postgresql), or set DATABASE_URL")
}
