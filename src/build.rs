// Migrations are embedded with `sqlx::migrate!` and the catalogue with `include_str!`;
// tell Cargo to rebuild when files are added there.
fn main() {
    println!("cargo:rerun-if-changed=migrations");
    println!("cargo:rerun-if-changed=src/i18n");
    println!("cargo:rerun-if-changed=templates");
}
