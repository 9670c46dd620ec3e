//! The watchdog that stops a private cluster once the process that started
//! it is gone.
use std::{
    path::Path,
    process::{Command, Stdio},
};

use anyhow::Context as _;

use super::{EmbeddedPg, SUPERUSER};

impl EmbeddedPg {
    /// Stops the cluster once this process is gone, but only the server it
    /// started: a server started since (the next bench run, the next
    /// `optag serve`) is left alone. A durable cluster is stopped only once
    /// no other client uses it (a process that joined it, e.g. `optag serve`
    /// restarted after a crash): the watchdog waits for them to leave; one
    /// that connects in the instant before the stop is cut off. A disposable
    /// cluster lives in a folder of this process's own and is stopped at once,
    /// and its folder removed once no server runs in it.
    pub(super) fn spawn_watchdog(&self, ephemeral: bool) -> anyhow::Result<()> {
        Command::new("setsid")
            .args(["sh", "-c", &self.watchdog_script(ephemeral, std::process::id())])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .context("starting the cluster watchdog")?;
        Ok(())
    }

    /// The watchdog's shell script, watching process `pid`.
    fn watchdog_script(&self, ephemeral: bool, pid: u32) -> String {
        let stop = self.command("pg_ctl", &["stop", "-s", "-m", "fast", "-D"]);
        let mut line: Vec<String> = vec![stop.get_program().to_string_lossy().into()];
        line.extend(stop.get_args().map(|a| shell_quote(&a.to_string_lossy())));
        let pid_file = self.data_dir.join("postmaster.pid");
        let remove = match ephemeral {
            true => format!("; [ -e {} ] || rm -rf {}", quoted(&pid_file), quoted(&self.data_dir)),
            false => String::new(),
        };
        // Unreadable (it should not be): stop whatever runs, as before this check.
        let postmaster = std::fs::read_to_string(&pid_file).unwrap_or_default();
        let postmaster = postmaster.lines().next().unwrap_or_default().trim();
        let ours = match postmaster.is_empty() {
            true => "true".to_string(),
            false => format!("[ \"$(head -n 1 {} 2>/dev/null)\" = {} ]", quoted(&pid_file), shell_quote(postmaster)),
        };
        let psql = self.bin_dir.join("psql");
        // A count above 0 waits; no answer (psql missing or failing) does not.
        let wait_for_others = match !ephemeral && psql.exists() {
            true => format!(
                "while {ours} && n=$(PGCONNECT_TIMEOUT=5 {} -X -q -h {} -p {} -U {SUPERUSER} -d postgres -Atc {} \
                 2>/dev/null) && [ -n \"$n\" ] && [ \"$n\" != 0 ]; do sleep 2; done; ",
                quoted(&psql),
                quoted(&self.data_dir),
                self.port,
                shell_quote(
                    "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()"
                ),
            ),
            false => String::new(),
        };
        format!(
            "while kill -0 {pid} 2>/dev/null; do sleep 1; done; {wait_for_others}{ours} && {stop} >/dev/null 2>&1{remove}",
            stop = line.join(" "),
        )
    }
}

fn quoted(path: &Path) -> String {
    shell_quote(&path.to_string_lossy())
}

fn shell_quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', r"'\''"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every form of the script is valid shell, with a quote in the folder's name.
    #[test]
    fn the_watchdog_script_parses_in_each_form() {
        let dir = std::env::temp_dir().join(format!("optag-watchdog-'quoted'-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("bin")).unwrap();
        std::fs::write(dir.join("bin/psql"), "").unwrap();
        for (pid_file, ephemeral) in [(true, false), (true, true), (false, false), (false, true)] {
            if pid_file {
                std::fs::write(dir.join("postmaster.pid"), "4242\n/some/dir\n").unwrap();
            } else {
                let _ = std::fs::remove_file(dir.join("postmaster.pid"));
            }
            let pg = EmbeddedPg {
                bin_dir: dir.join("bin"),
                data_dir: dir.clone(),
                run_as: None,
                port: 5432,
                started_here: true,
            };
            let script = pg.watchdog_script(ephemeral, 1);
            let parsed = Command::new("sh").args(["-n", "-c", &script]).output().unwrap();
            assert!(parsed.status.success(), "{script}: {}", String::from_utf8_lossy(&parsed.stderr));
            assert_eq!(script.contains("4242"), pid_file, "{script}");
            assert_eq!(script.contains("PGCONNECT_TIMEOUT"), !ephemeral, "{script}");
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
