mod apply;
mod browser;
mod cli;
mod outbox;
mod public_pages;
mod web_shell;
