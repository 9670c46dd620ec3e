//! The subcommands of the contract: serve, migrate, user add, demo, purge.
use std::{io::Read, sync::Arc};

use anyhow::{Context, bail};
use clap::{Parser, Subcommand};
use secrecy::SecretString;

use crate::{
    auth::password,
    clock::{Clock, SystemClock},
    config::Settings,
    demo,
    domain::{
        email_address::EmailAddress,
        staff::{Role, StaffName},
    },
    startup::{self, Database, RunningApp},
    storage::{self, staff::AddUserError},
};

#[derive(Parser)]
#[command(name = "optag", version, about = "Admissions for Danish peer-education programmes")]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Run pending migrations, then serve (the default).
    Serve,
    /// Run pending migrations and exit.
    Migrate,
    /// Manage staff users.
    #[command(subcommand)]
    User(UserCommand),
    /// Load the demo programmes (one of each structure) with open intakes; prints them (idempotent).
    Demo,
    /// Apply the retention rules now; prints counts only.
    Purge,
    /// Re-seal the health data with a new key read from standard input (hex or
    /// base64, at least 32 bytes); the old key is OPTAG_SECRET_KEY (or
    /// var/secret.key, which is then replaced). Stop the servers first. With
    /// OPTAG_PREVIOUS_SECRET_KEY set (a change without downtime), re-seals what
    /// that key sealed under OPTAG_SECRET_KEY instead, reading nothing.
    RotateKey,
}

#[derive(Subcommand)]
enum UserCommand {
    /// Create a staff user; the password is read from standard input.
    Add {
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
        #[arg(long)]
        role: String,
        #[arg(long)]
        password_stdin: bool,
    },
}

pub async fn run() -> anyhow::Result<()> {
    let cli = Cli::parse();
    crate::telemetry::init();
    let settings = Settings::from_env().map_err(|e| anyhow::anyhow!("configuration: {e}"))?;
    let command = cli.command.unwrap_or(Command::Serve);
    // Parse user input before a database is started for it.
    if let Command::User(UserCommand::Add { email, name, role, password_stdin }) = &command {
        let new_user = NewUser::parse(email, name, role, *password_stdin)?;
        return with_database(&settings, |pool| async move { add_user(&pool, new_user).await }).await;
    }
    match command {
        Command::Serve => serve(settings).await,
        Command::Migrate => with_database(&settings, |_| async { Ok(()) }).await,
        Command::Demo => {
            with_database(&settings, |pool| async move {
                let data = demo::load(&pool, SystemClock.now()).await?;
                println!("Demo data loaded: /intakes/{}", data.intake_slug);
                println!("Intakes (slug, name, public page):");
                for intake in &data.intakes {
                    println!("  {}  {}  {}", intake.slug, intake.name, intake.path());
                }
                Ok(())
            })
            .await
        }
        Command::Purge => {
            let periods = settings.retention;
            with_database(&settings, |pool| async move {
                let purged = crate::jobs::purge(&pool, &periods, SystemClock.now()).await?;
                println!(
                    "Deleted: {} applications and {} participants (kept as anonymous statistics), {} drafts, {} info-meeting sign-ups, {} interest sign-ups, {} old e-mails",
                    purged.applications, purged.participants, purged.drafts, purged.meeting_signups, purged.interest, purged.mails
                );
                Ok(())
            })
            .await
        }
        Command::RotateKey if settings.previous_secret_key.is_some() => {
            let settings_ref = &settings;
            with_database(&settings, |pool| async move {
                let done = startup::finish_key_change(settings_ref, &pool).await?;
                print_rotation(&done);
                println!("Remove OPTAG_PREVIOUS_SECRET_KEY from the servers' environment.");
                Ok(())
            })
            .await
        }
        Command::RotateKey => {
            let new_secret = read_new_key()?;
            let settings_ref = &settings;
            with_database(&settings, |pool| async move {
                let done = startup::rotate_key(settings_ref, &pool, new_secret).await?;
                print_rotation(&done);
                if settings_ref.secret_key.is_some() {
                    println!("Set OPTAG_SECRET_KEY to the new key before the servers start again.");
                } else {
                    println!("The new key is now in var/secret.key.");
                }
                Ok(())
            })
            .await
        }
        Command::User(_) => unreachable!("handled above"),
    }
}

/// Connects (starting the private cluster if needed), migrates, runs `work`, closes.
async fn with_database<F, Fut>(settings: &Settings, work: F) -> anyhow::Result<()>
where
    F: FnOnce(sqlx::PgPool) -> Fut,
    Fut: std::future::Future<Output = anyhow::Result<()>>,
{
    let db = Database::connect(settings).await?;
    let result = async {
        startup::migrate(&db.pool).await?;
        work(db.pool.clone()).await
    }
    .await;
    db.close().await;
    result
}

fn print_rotation(done: &startup::Rotation) {
    let r = &done.resealed;
    println!(
        "Re-sealed {} applications, {} drafts, {} staff TOTP secrets and {} notes, accommodations and queued mails \
         with key version {}.",
        r.applications, r.drafts, r.staff_totp, r.free_text, done.version
    );
}

fn read_new_key() -> anyhow::Result<crate::config::SecretKey> {
    let mut text = String::new();
    std::io::stdin().read_to_string(&mut text).context("reading the new key from standard input")?;
    crate::config::SecretKey::parse(&text).map_err(|e| anyhow::anyhow!("the new key on standard input {e}"))
}

struct NewUser {
    email: EmailAddress,
    name: StaffName,
    role: Role,
    password: SecretString,
}

impl NewUser {
    fn parse(email: &str, name: &str, role: &str, password_stdin: bool) -> anyhow::Result<Self> {
        if !password_stdin {
            bail!("give the password on standard input with --password-stdin");
        }
        let email = EmailAddress::parse(email).map_err(|e| anyhow::anyhow!("--email: {e}"))?;
        let name = StaffName::parse(name).map_err(|e| anyhow::anyhow!("--name: {e}"))?;
        let role: Role = role.parse().map_err(|e| anyhow::anyhow!("--role: {e}"))?;
        let mut text = String::new();
        std::io::stdin().read_to_string(&mut text).context("reading the password from standard input")?;
        let password = SecretString::from(text.trim_end_matches(['\r', '\n']).to_string());
        let context = password::Context { email: email.as_str(), name: name.as_str() };
        password::check_rules(&password, &context).map_err(|e| anyhow::anyhow!("password: {e}"))?;
        Ok(Self { email, name, role, password })
    }
}

async fn add_user(pool: &sqlx::PgPool, user: NewUser) -> anyhow::Result<()> {
    let hash = password::hash(user.password).await?;
    match storage::staff::insert(pool, &user.email, &user.name, user.role, &hash).await {
        Ok(_) => {
            println!("Created {} user {}", user.role, user.email);
            Ok(())
        }
        Err(AddUserError::EmailTaken) => {
            bail!("a staff user with the e-mail {} exists already", user.email)
        }
        Err(err) => Err(err.into()),
    }
}

async fn serve(settings: Settings) -> anyhow::Result<()> {
    startup::secret_key(&settings)?;
    let db = Database::connect(&settings).await?;
    let result = async {
        startup::migrate(&db.pool).await?;
        if db.embedded.is_some() {
            first_run_demo(&db.pool).await?;
        }
        let listener = tokio::net::TcpListener::bind(settings.listen)
            .await
            .with_context(|| format!("binding {} (OPTAG_LISTEN)", settings.listen))?;
        tracing::info!("listening on {}", settings.base_url);
        let key = startup::field_key(&settings, &db.pool).await?;
        let app = RunningApp::start(settings, db.pool.clone(), key, Arc::new(SystemClock), listener)?;
        app.run_until(startup::shutdown_signal()).await
    }
    .await;
    db.close().await;
    result
}

/// On the private development cluster: demo data, and a coordinator to log in with.
async fn first_run_demo(pool: &sqlx::PgPool) -> anyhow::Result<()> {
    let data = demo::load(pool, SystemClock.now()).await?;
    tracing::info!(intake = %data.intake_slug, "demo data ready");
    if storage::staff::count(pool).await? == 0 {
        let secret: [u8; 12] = rand::random();
        let password = hex::encode(secret);
        let hash = password::hash(SecretString::from(password.clone())).await?;
        let email = EmailAddress::parse("koordinator@optag.local").expect("valid address");
        let name = StaffName::parse("Demo-koordinator").expect("valid name");
        storage::staff::insert(pool, &email, &name, Role::Coordinator, &hash).await?;
        println!(
            "\n  Demo coordinator created (development only):\n    e-mail:   {email}\n    password: {password}\n  Log in at /admin/login. Shown once; create more with `optag user add`.\n"
        );
    }
    Ok(())
}
