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
    /// started and only when no other client uses it: the next `optag serve`
    /// after a crash, or the next bench run, may use it by then.
    pub(super) fn spawn_watchdog(&self, ephemeral: bool) -> anyhow::Result<()> {
        let stop = self.command("pg_ctl", &["stop", "-s", "-m", "fast", "-D"]);
        let mut line: Vec<String> = vec![stop.get_program().to_string_lossy().into()];
        line.extend(stop.get_args().map(|a| shell_quote(&a.to_string_lossy())));
        let pid_file = self.data_dir.join("postmaster.pid");
        // A disposable cluster's folder goes once no server runs in it (stopped here or before).
        let remove = match ephemeral {
            true => format!("; [ -e {} ] || rm -rf {}", quoted(&pid_file), quoted(&self.data_dir)),
            false => String::new(),
        };
        let postmaster = std::fs::read_to_string(&pid_file).unwrap_or_default();
        let mut unused = format!(
            "[ \"$(head -n 1 {} 2>/dev/null)\" = {} ]",
            quoted(&pid_file),
            shell_quote(postmaster.lines().next().unwrap_or_default().trim())
        );
        let psql = self.bin_dir.join("psql");
        if psql.exists() {
            let others = "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()";
            unused += &format!(
                " && [ \"$({} -h {} -p {} -U {SUPERUSER} -d postgres -Atc {} 2>/dev/null)\" = 0 ]",
                quoted(&psql),
                quoted(&self.data_dir),
                self.port,
                shell_quote(others)
            );
        }
        let script = format!(
            "while kill -0 {pid} 2>/dev/null; do sleep 1; done; {unused} && {stop} >/dev/null 2>&1{remove}",
            pid = std::process::id(),
            stop = line.join(" "),
        );
        Command::new("setsid")
            .args(["sh", "-c", &script])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .context("starting the cluster watchdog")?;
        Ok(())
    }
}

fn quoted(path: &Path) -> String {
    shell_quote(&path.to_string_lossy())
}

fn shell_quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', r"'\''"))
}
